import type { AssemblyState } from '../../../../shared/domain/assembly';
import { valuesOf } from '../../../../shared/domain/register';
import { CHECK_IN_METHOD_LABELS } from '../../../../shared/domain/turnout';
import { formatTimeOfDay } from '../../format';
import { undoCheckIn } from './doorReport';

const SHOWN = 8;

/** The last people this door checked in, each with an undo for a wrong tap or scan. */
export function RecentCheckIns({ state, device }: { state: AssemblyState; device: string }) {
  const names = new Map(state.institutions.map((i) => [i.id, i.name]));
  const recent = valuesOf(state.attendance.checkIns)
    .filter((c) => c.device === device)
    .sort((a, b) => b.at - a.at)
    .slice(0, SHOWN);
  if (recent.length === 0) return null;
  return (
    <section className="door-card" aria-labelledby="recent-h">
      <h2 id="recent-h">Recent at {device}</h2>
      <ul className="recent-list">
        {recent.map((c) => (
          <li key={c.id} className={c.undoneAt ? 'undone' : ''}>
            <span>
              <strong>{c.name}</strong>{' '}
              <span className="muted">
                {c.institutionId ? names.get(c.institutionId) : c.guestOf || 'Guest'} ·{' '}
                {CHECK_IN_METHOD_LABELS[c.method]} · {formatTimeOfDay(c.at)}
              </span>
            </span>
            {c.undoneAt ? (
              <span className="muted">undone</span>
            ) : (
              <button type="button" className="quiet" onClick={() => void undoCheckIn(c.id, c.name)}>
                Undo <span className="visually-hidden">{c.name}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
