import os from 'node:os';

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i;

/** The first non-internal IPv4 address: what phones on the venue wifi can reach. */
export function lanAddress(): string | null {
  for (const addresses of Object.values(os.networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (address.family === 'IPv4' && !address.internal) return address.address;
    }
  }
  return null;
}

const validHost = (host: string) => /^[A-Za-z0-9.\-[\]:]{1,255}$/.test(host);

/**
 * The base URL for links and the join QR. PUBLIC_URL wins; otherwise the address the
 * browser used, except that a laptop browsing its own server as "localhost" gets the LAN
 * address, since phones in the room cannot reach its localhost.
 */
export function publicBaseUrl(
  configured: string | undefined,
  hostHeader: string | undefined,
  forwardedProto: string | undefined,
  port: number,
): string {
  if (configured) return configured.replace(/\/+$/, '');
  const proto = forwardedProto === 'https' ? 'https' : 'http';
  const host = hostHeader && validHost(hostHeader) ? hostHeader : `localhost:${port}`;
  if (LOOPBACK.test(host)) {
    const lan = lanAddress();
    if (lan) return `${proto}://${lan}:${port}`;
  }
  return `${proto}://${host}`;
}
