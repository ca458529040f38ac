import { useAssembly } from '../connection/assemblyStore';

/** Discreet on the projector: nothing while live, a small note while the link is down. */
export function ConnectionBadge({ inline = false }: { inline?: boolean }) {
  const status = useAssembly((s) => s.status);
  if (status === 'live' || status === 'refused') return null;
  return (
    <div
      className={`connection-badge ${inline ? 'inline' : ''}`}
      role="status"
      data-testid="connection-badge"
    >
      <span className="dot" aria-hidden="true" />
      {status === 'connecting' ? 'Connecting…' : 'Reconnecting…'}
    </div>
  );
}
