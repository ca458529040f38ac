const LOOPBACK_PEER = /^(::1|127\.\d+\.\d+\.\d+|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * The address wrong keys are counted against. Behind a reverse proxy on this machine
 * every peer is the proxy, so the first X-Forwarded-For hop is the real client; from
 * anywhere else the header is ignored, so it cannot be forged to dodge the limit.
 */
export function clientAddress(peer: string, forwardedFor: string | string[] | undefined): string {
  const header = Array.isArray(forwardedFor) ? forwardedFor[0] : forwardedFor;
  if (!header || !LOOPBACK_PEER.test(peer)) return peer;
  const first = header.split(',')[0]?.trim();
  return first && first.length <= 64 ? first : peer;
}
