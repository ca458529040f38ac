import {
  averageRatings,
  type CoreTeamEvaluation,
  RATED_PART_LABELS,
  RATED_PARTS,
} from '../../../../shared/domain/evaluation/coreTeamEvaluation';
import { clockTime } from './nightTime';

/** What the core team said, each person's answers and the average of each rating. */
export function TeamEvaluations({
  evaluations,
  timeZone,
}: {
  evaluations: CoreTeamEvaluation[];
  timeZone: string;
}) {
  if (evaluations.length === 0) return <p className="muted">No one has given an evaluation yet.</p>;
  const averages = averageRatings(evaluations);
  return (
    <>
      <table className="ratings-table" data-testid="ratings-table">
        <caption>Ratings, 1 (poor) to 5 (excellent)</caption>
        <thead>
          <tr>
            <th scope="col">Who</th>
            {RATED_PARTS.map((part) => (
              <th key={part} scope="col">
                {RATED_PART_LABELS[part]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {evaluations.map((e) => (
            <tr key={e.id}>
              <th scope="row">{e.name}</th>
              {RATED_PARTS.map((part) => (
                <td key={part}>{e.ratings[part] ?? '—'}</td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Average</th>
            {RATED_PARTS.map((part) => (
              <td key={part}>{averages[part].average === null ? '—' : averages[part].average.toFixed(1)}</td>
            ))}
          </tr>
        </tfoot>
      </table>
      <ul className="team-words">
        {evaluations.map((e) => (
          <li key={e.id}>
            <strong>{e.name}</strong> <span className="muted small">{clockTime(e.at, timeZone)}</span>
            {e.worked && (
              <p>
                <span className="small">Worked:</span> {e.worked}
              </p>
            )}
            {e.change && (
              <p>
                <span className="small">Change:</span> {e.change}
              </p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
