import { ITEM_KIND_LABELS } from '../../../../shared/domain/assembly';
import type { RunOfShow } from '../../../../shared/domain/evaluation/runOfShow';
import { clockTime, minutesAndSeconds, overOrUnder } from './nightTime';

/** Every item: planned and actual start, planned and actual time, over or under. */
export function RunOfShowTable({ run, timeZone }: { run: RunOfShow; timeZone: string }) {
  return (
    <table data-testid="run-of-show-table">
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col">Planned start</th>
          <th scope="col">Started</th>
          <th scope="col">Planned</th>
          <th scope="col">Took</th>
          <th scope="col">Over or under</th>
        </tr>
      </thead>
      <tbody>
        {run.items.map((item) => (
          <tr key={item.itemId} className={item.overMs >= 60_000 ? 'over' : ''}>
            <th scope="row">
              {item.title} <span className="muted small">{ITEM_KIND_LABELS[item.kind]}</span>
              {item.visits > 1 && <span className="small"> · on {item.visits} times</span>}
            </th>
            <td>{item.plannedStartAt === null ? '—' : clockTime(item.plannedStartAt, timeZone)}</td>
            <td>{item.startedAt === null ? 'not reached' : clockTime(item.startedAt, timeZone)}</td>
            <td>
              {minutesAndSeconds(item.plannedMs)}
              {item.givenMs !== item.plannedMs && item.startedAt !== null && (
                <span className="small"> (clock given {minutesAndSeconds(item.givenMs)})</span>
              )}
            </td>
            <td>
              {item.startedAt === null ? '—' : minutesAndSeconds(item.actualMs)}
              {item.startedAt !== null && !item.timed && <span className="small"> (untimed: time on)</span>}
            </td>
            <td>{item.startedAt === null ? '—' : overOrUnder(item.overMs)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Finish</th>
          <td>{run.plannedFinishAt === null ? '—' : clockTime(run.plannedFinishAt, timeZone)}</td>
          <td>{run.finishedAt === null ? '—' : clockTime(run.finishedAt, timeZone)}</td>
          <td colSpan={3}>
            {run.plannedFinishAt !== null &&
              run.finishedAt !== null &&
              overOrUnder(run.finishedAt - run.plannedFinishAt)
                .replace('under', 'early')
                .replace('over', 'late')}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
