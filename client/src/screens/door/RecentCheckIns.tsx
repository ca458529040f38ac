import type { AssemblyState } from '../../../../shared/domain/assembly';
import { lookup } from '../../../../shared/domain/register';
import { CHECK_IN_METHOD_LABELS, GUEST_WORDS } from '../../../../shared/domain/turnout';
import { useOutbox } from '../../connection/outbox';
import { formatTimeOfDay } from '../../format';
import { undoCheckIn } from './doorReport';
import { useMyCheckIns } from './myCheckIns';

const SHOWN = 8;

/** The last people this device checked in, synced or still waiting, each with an undo. */
export function RecentCheckIns({ state }: { state: AssemblyState }) {
  const made = useMyCheckIns((s) => s.made);
  const waiting = useOutbox((s) => s.waiting);
  if (made.length === 0) return null;
  const names = new Map(state.institutions.map((i) => [i.id, i.name]));
  const queued = new Set(waiting.map((q) => q.key));
  return (
    <section className="door-card" aria-labelledby="recent-h">
      <h2 id="recent-h">Recent on this device</h2>
      <ul className="recent-list">
        {made.slice(0, SHOWN).map(({ checkInId, who, at }) => {
          const checkIn = lookup(state.attendance.checkIns, checkInId);
          const name = checkIn?.name ?? who;
          const undone = checkIn?.undoneAt != null || queued.has(`undo-${checkInId}`);
          const detail = checkIn
            ? `${checkIn.institutionId ? names.get(checkIn.institutionId) : checkIn.guestOf || GUEST_WORDS.one} · ${
                CHECK_IN_METHOD_LABELS[checkIn.method]
              } · ${formatTimeOfDay(checkIn.at)}`
            : queued.has(checkInId)
              ? `waiting to sync · ${formatTimeOfDay(at)}`
              : `not recorded · ${formatTimeOfDay(at)}`;
          return (
            <li key={checkInId} className={undone ? 'undone' : ''}>
              <span>
                <strong>{name}</strong> <span className="muted">{detail}</span>
              </span>
              {undone ? (
                <span className="muted">undone</span>
              ) : checkIn || queued.has(checkInId) ? (
                <button type="button" className="quiet" onClick={() => void undoCheckIn(checkInId, name)}>
                  Undo <span className="visually-hidden">{name}</span>
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
