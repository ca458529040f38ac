import os from 'node:os';

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i;
const LOOPBACK_BOUND = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/** The first non-internal IPv4 address: what phones on the venue wifi can reach. */
export function lanAddress(): string | null {
  for (const addresses of Object.values(os.networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (address.family === 'IPv4' && !address.internal) return address.address;
    }
  }
  return null;
}

/**
 * The LAN address phones can reach this server on, given the address it listens on: the
 * machine's LAN address when it listens on all of them, that one when it listens on one, and
 * none when it listens on loopback alone (HOST=127.0.0.1: nothing off this machine reaches it).
 */
export function reachableLanAddress(bound: string | undefined): string | null {
  if (bound === undefined || bound === '0.0.0.0' || bound === '::') return lanAddress();
  if (LOOPBACK_BOUND.test(bound)) return null;
  return bound.includes(':') ? null : bound;
}

const validHost = (host: string) => /^[A-Za-z0-9.\-[\]:]{1,255}$/.test(host);

/**
 * The base URL for links and the join QR. PUBLIC_URL wins; otherwise the address the
 * browser used, except that a laptop browsing its own server on loopback gets the LAN
 * address, since phones in the room cannot reach its localhost (or, with no LAN address it
 * listens on, `localhost`: one name for this computer, whichever the browser typed).
 */
export function publicBaseUrl(
  configured: string | undefined,
  hostHeader: string | undefined,
  forwardedProto: string | undefined,
  port: number,
  lan: string | null,
): string {
  if (configured) return configured.replace(/\/+$/, '');
  const proto = forwardedProto === 'https' ? 'https' : 'http';
  const host = hostHeader && validHost(hostHeader) ? hostHeader : `localhost:${port}`;
  if (LOOPBACK.test(host)) return lan ? `${proto}://${lan}:${port}` : `${proto}://localhost:${port}`;
  return `${proto}://${host}`;
}
