import { currentItem, ITEM_KIND_LABELS } from '../../../../shared/domain/assembly';
import { formatDuration } from '../../../../shared/domain/timer';
import { ConnectionBadge } from '../../components/ConnectionBadge';
import { Refused } from '../../components/Refused';
import { TimerClock } from '../../components/TimerClock';
import { useWakeLock } from '../../components/useWakeLock';
import { useAssembly } from '../../connection/assemblyStore';
import { useAssemblyConnection } from '../../connection/useAssemblyConnection';

/** The phone's view of the night: what is happening now, and the agenda. */
export default function JoinScreen({ code }: { code: string }) {
  useAssemblyConnection(code, undefined, true);
  useWakeLock();
  const state = useAssembly((s) => s.state);
  const refusal = useAssembly((s) => s.refusal);
  if (refusal) return <Refused />;
  if (!state) {
    return (
      <main className="page phone">
        <p>Connecting to assembly {code}…</p>
        <ConnectionBadge />
      </main>
    );
  }
  const item = currentItem(state);
  return (
    <main className="page phone">
      <ConnectionBadge />
      <h1>{state.title}</h1>
      {state.venue && <p className="muted">{state.venue}</p>}
      {state.live.message && (
        <p className="phone-message" role="status">
          {state.live.message}
        </p>
      )}
      <section className="phone-now" aria-label="Now">
        {item && state.status !== 'closed' ? (
          <>
            <p className="kind">{ITEM_KIND_LABELS[item.kind]}</p>
            <h2>{item.title}</h2>
            {item.speaker && <p>{item.speaker}</p>}
            {item.durationMs > 0 && <TimerClock timer={state.live.timer} warningMs={item.warningMs} />}
          </>
        ) : (
          <p>
            {state.status === 'closed' ? 'The assembly has closed. Thank you for coming.' : 'Starting soon.'}
          </p>
        )}
      </section>
      <section aria-label="Agenda">
        <h2>Agenda</h2>
        <ol className="phone-agenda">
          {state.agenda.map((entry) => (
            <li key={entry.id} className={entry.id === state.live.currentItemId ? 'current' : ''}>
              <span>{entry.title}</span> <span className="muted">{formatDuration(entry.durationMs)}</span>
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
