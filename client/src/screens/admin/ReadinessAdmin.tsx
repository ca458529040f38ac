import type { AssemblyState } from '../../../../shared/domain/assembly';
import { useAssembly } from '../../connection/assemblyStore';
import { ConnectedDevicesList } from '../../readiness/ConnectedDevicesList';
import { type CheckStatus, readinessChecklist } from '../../readiness/readinessChecklist';
import { useConnectedDevices, useServerReadiness } from '../../readiness/useConnectedDevices';

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
