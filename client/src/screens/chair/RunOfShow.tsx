import { type AssemblyState, ITEM_KIND_LABELS } from '../../../../shared/domain/assembly';
import { schedule } from '../../../../shared/domain/schedule';
import { formatDuration } from '../../../../shared/domain/timer';
import { formatTimeOfDay } from '../../format';

/** The agenda with planned times; the current item highlighted; a click jumps to an item. */
export function RunOfShow({ state, onJump }: { state: AssemblyState; onJump: (itemId: string) => void }) {
  const { plannedStarts } = schedule(state, 0);
  const closed = state.status === 'closed';
  return (
    <section className="run-of-show" aria-label="Run of show">
      <h2>Run of show</h2>
      <ol>
        {state.agenda.map((item, i) => {
          const current = item.id === state.live.currentItemId;
          const start = plannedStarts[i];
          return (
            <li
              key={item.id}
              className={current ? 'current' : ''}
              aria-current={current ? 'step' : undefined}
            >
              <button
                type="button"
                onClick={() => onJump(item.id)}
                disabled={closed || current}
                data-testid="agenda-item"
              >
                <span className="when">{start != null ? formatTimeOfDay(start) : `${i + 1}.`}</span>
                <span className="what">
                  <span className="kind">{ITEM_KIND_LABELS[item.kind]}</span>
                  <span className="item-title">{item.title}</span>
                  {item.speaker && <span className="item-speaker">{item.speaker}</span>}
                </span>
                <span className="length">{formatDuration(item.durationMs)}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
