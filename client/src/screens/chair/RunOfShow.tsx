import { useEffect, useRef } from 'react';
import { type AssemblyState, currentIndex, ITEM_KIND_LABELS } from '../../../../shared/domain/assembly';
import { schedule } from '../../../../shared/domain/schedule';
import { formatDuration } from '../../../../shared/domain/timer';
import { formatTimeOfDay } from '../../format';

/**
 * The agenda with planned times: past items dimmed, the current one standing out and kept
 * in view in the list's own scroll; a click jumps to an item.
 */
export function RunOfShow({ state, onJump }: { state: AssemblyState; onJump: (itemId: string) => void }) {
  const { plannedStarts } = schedule(state, 0);
  const closed = state.status === 'closed';
  const now = currentIndex(state);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    // Scroll the list, never the page: on a small window the page itself may scroll.
    const box = list.current;
    if (now < 0) return;
    const current = box?.querySelector<HTMLElement>('li.current');
    if (!box || !current) return;
    const top = current.offsetTop - box.offsetTop;
    if (top < box.scrollTop || top + current.offsetHeight > box.scrollTop + box.clientHeight) {
      box.scrollTop = Math.max(0, top - box.clientHeight / 3);
    }
  }, [now]);
  return (
    <section className="run-of-show" aria-labelledby="run-of-show-h">
      <h2 id="run-of-show-h">Run of show</h2>
      {/* Closed, every item's button is disabled: the list itself takes the keyboard, to scroll. */}
      <ol ref={list} tabIndex={closed ? 0 : undefined}>
        {state.agenda.map((item, i) => {
          const current = i === now;
          const past = now >= 0 && i < now;
          const start = plannedStarts[i];
          return (
            <li
              key={item.id}
              className={current ? 'current' : past ? 'past' : ''}
              aria-current={current ? 'step' : undefined}
              data-testid="agenda-row"
              data-when={current ? 'now' : past ? 'past' : 'to-come'}
            >
              <button
                type="button"
                onClick={() => onJump(item.id)}
                disabled={closed || current}
                data-testid="agenda-item"
              >
                <span className="when">
                  {past && <span aria-hidden="true">✓ </span>}
                  {start != null ? formatTimeOfDay(start) : `${i + 1}.`}
                </span>
                <span className="what">
                  <span className="kind">
                    {current && <span className="now-tag">Now · </span>}
                    {ITEM_KIND_LABELS[item.kind]}
                    {past && <span className="visually-hidden"> (done)</span>}
                  </span>
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
