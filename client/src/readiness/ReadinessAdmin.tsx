import type { AssemblyState } from '../../../shared/domain/assembly';
import { useAssembly } from '../connection/assemblyStore';
import { ConnectedDevicesList } from './ConnectedDevicesList';
import { type CheckStatus, readinessChecklist } from './readinessChecklist';
import { useConnectedDevices, useServerReadiness } from './useConnectedDevices';

const MARKS: Record<CheckStatus, { mark: string; words: string }> = {
  ready: { mark: '✓', words: 'Ready' },
  warning: { mark: '!', words: 'Check' },
  todo: { mark: '✗', words: 'To do' },
  unknown: { mark: '?', words: 'Not known yet' },
};

/** The organiser's "Ready for the night?": the checklist, then who is connected now. */
export function ReadinessAdmin({ state }: { state: AssemblyState }) {
  const devices = useConnectedDevices();
  const server = useServerReadiness();
  const publicUrl = useAssembly((s) => s.publicUrl);
  const checks = readinessChecklist({
    state,
    publicUrl,
    server,
    presence: devices.presence,
    doors: devices.doors,
  });
  return (
    <section aria-labelledby="readiness-h" data-testid="readiness">
      <h2 id="readiness-h">Ready for the night?</h2>
      <ul className="readiness-checklist">
        {checks.map((check) => (
          <li key={check.id} data-check={check.id} data-status={check.status}>
            <span className="mark" aria-hidden="true">
              {MARKS[check.status].mark}
            </span>
            <strong>
              <span className="visually-hidden">{MARKS[check.status].words}: </span>
              {check.title}
            </strong>
            <p className="detail">{check.detail}</p>
          </li>
        ))}
      </ul>
      <h3>Connected now</h3>
      <ConnectedDevicesList devices={devices} />
    </section>
  );
}

/** The chair's view of the same: a line of counts, the list under it. */
export function ConnectedSummary() {
  const devices = useConnectedDevices();
  const { presence, doors } = devices;
  const screens = presence?.screens.length ?? 0;
  const online = doors.filter((door) => door.online).length;
  const gone = doors.length - online;
  return (
    <details className="connected-summary" data-testid="connected-summary">
      <summary>
        Connected: {screens} {screens === 1 ? 'screen' : 'screens'}, {online}{' '}
        {online === 1 ? 'door' : 'doors'}
        {gone > 0 && ` (${gone} offline)`}, {presence?.phones ?? 0}{' '}
        {presence?.phones === 1 ? 'phone' : 'phones'}
      </summary>
      <ConnectedDevicesList devices={devices} />
    </details>
  );
}
