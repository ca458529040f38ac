import { linkSecurity } from '../../offline/linkSecurity';

/**
 * Says plainly, beside the links, whether the pages they open survive the venue's wifi going
 * down: on plain http over a LAN they cannot (no browser keeps a plain-http app offline).
 */
export function OfflineNote({ base, code }: { base: string; code: string }) {
  const security = linkSecurity(base);
  if (security === 'https')
    return (
      <p className="muted" data-testid="offline-note">
        These links are https: a page opened from one keeps the app on its device, so it reloads even with no
        network, and the door can scan tickets with the camera.
      </p>
    );
  const port = (() => {
    try {
      return new URL(base).port;
    } catch {
      return '';
    }
  })();
  const local = `http://localhost${port ? `:${port}` : ''}/a/${code}/screen`;
  if (security === 'thisComputer')
    return (
      <p className="warning" role="note" data-testid="offline-note">
        These links start with localhost: they open only on this computer. For phones and other devices, start
        the server with <code>PUBLIC_URL</code> set to an address they can reach, preferably https.
      </p>
    );
  return (
    <div className="warning" role="note" data-testid="offline-note">
      <p>
        <strong>These links are plain http on the venue’s network.</strong> Pages opened from them work and
        keep their last state, but a reload while the wifi is down shows the browser’s error page instead of
        the assembly (browsers keep an app on the device only for https pages), and the door’s camera cannot
        scan tickets (type or hand-scan them instead).
      </p>
      <p>
        For the night, serve the links over https (behind a proxy with a certificate, then{' '}
        <code>PUBLIC_URL=https://…</code>; see docs/deploy.md), or at least open the projector on the server’s
        own laptop at <code>{local}</code>.
      </p>
    </div>
  );
}
