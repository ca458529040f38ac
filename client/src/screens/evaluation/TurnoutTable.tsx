import type { TurnoutAgainstCommitment } from '../../../../shared/domain/evaluation/turnoutAgainstCommitment';
import { metWords } from './TurnoutChart';

/** The turnout chart's figures, who delivered first. */
export function TurnoutTable({ turnout }: { turnout: TurnoutAgainstCommitment }) {
  return (
    <details className="chart-table">
      <summary>Turnout against commitment as a table</summary>
      <table data-testid="turnout-table">
        <thead>
          <tr>
            <th scope="col">Institution</th>
            <th scope="col">Committed</th>
            <th scope="col">Came</th>
            <th scope="col">Met?</th>
          </tr>
        </thead>
        <tbody>
          {turnout.institutions.map((row) => (
            <tr key={row.institutionId}>
              <th scope="row">{row.name}</th>
              <td>{row.committed}</td>
              <td>{row.counted}</td>
              <td>{metWords(row.difference)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
