import type { AssemblyState } from '../../../../shared/domain/assembly';
import { GUEST_WORDS, headcountTotal, namedTotal } from '../../../../shared/domain/turnout';
import type { CommandInput } from '../../../../shared/protocol/commands';
import { PhoneCheckIn } from '../../components/PhoneCheckIn';
import { sendCommand } from '../../connection/assemblyConnection';
import { formatCount } from '../../format';
import { report } from './doorReport';

/**
 * The door closes phone check-in too (it sees a flood first). Sent at once or not at all: a
 * switch queued offline would flip the whole room's phones much later, unseen.
 */
async function setPhoneCheckIn(command: CommandInput): Promise<boolean> {
  const reply = await sendCommand(command);
  // Offline it says so ("Not connected: nothing was sent"), and the switch stays as it is.
  if (!reply.ok) report({ tone: 'error', text: reply.message });
  return reply.ok;
}

/** Live counts for the door team: total, by institution, by door, and the headcount gap. */
export function DoorCounts({ state }: { state: AssemblyState }) {
  const { turnout } = state;
  const named = namedTotal(turnout);
  const headcount = headcountTotal(turnout);
  const institutions = [...state.institutions].sort(
    (a, b) =>
      (turnout.byInstitution[b.id] ?? 0) - (turnout.byInstitution[a.id] ?? 0) || a.name.localeCompare(b.name),
  );
  return (
    <section className="door-card" aria-labelledby="counts-h">
      <h2 id="counts-h">Counts</h2>
      <dl className="door-totals">
        <div>
          <dt>Checked in</dt>
          <dd data-testid="door-total">{formatCount(named)}</dd>
        </div>
        <div>
          <dt>Headcount</dt>
          <dd>{formatCount(headcount)}</dd>
        </div>
        <div>
          <dt>Not signed in</dt>
          <dd>{headcount > named ? formatCount(headcount - named) : '–'}</dd>
        </div>
      </dl>
      <PhoneCheckIn state={state} send={setPhoneCheckIn} />
      <details>
        <summary>By door</summary>
        <table className="count-table">
          <tbody>
            {Object.entries(turnout.byDevice)
              .sort((a, b) => b[1] - a[1])
              .map(([device, n]) => (
                <tr key={device}>
                  <th scope="row">{device}</th>
                  <td>{formatCount(n)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
      <details>
        <summary>By institution</summary>
        <table className="count-table">
          <thead>
            <tr>
              <th scope="col">Institution</th>
              <th scope="col">In</th>
              <th scope="col">Committed</th>
            </tr>
          </thead>
          <tbody>
            {institutions.map((i) => (
              <tr key={i.id}>
                <th scope="row">{i.name}</th>
                <td>{formatCount(turnout.byInstitution[i.id] ?? 0)}</td>
                <td>{i.committed || '–'}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{GUEST_WORDS.many}</th>
              <td>{formatCount(turnout.guests)}</td>
              <td>–</td>
            </tr>
          </tbody>
        </table>
      </details>
    </section>
  );
}
