import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

/** Which peers are proxies whose X-Forwarded-For hops are believed (hop 0 is the peer). */
export type TrustedProxies = (address: string, hop: number) => boolean;

/** Only a proxy on this machine, unless TRUST_PROXY says otherwise. */
export const DEFAULT_TRUST_PROXY = 'loopback';

/**
 * TRUST_PROXY: proxies' addresses or subnets, comma separated ("loopback", "10.0.0.0/8",
 * "uniquelocal"), as Express reads them. Throws on anything else, so a typo stops the server
 * at start rather than trusting every peer.
 */
export function trustedProxies(setting: string = DEFAULT_TRUST_PROXY): TrustedProxies {
  const list = setting
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return proxyAddr.compile(list);
}

/**
 * The address limits and wrong keys are counted against, for HTTP and sockets alike: the
 * nearest hop that is not a trusted proxy, reading X-Forwarded-For from the right. The
 * leftmost hops are whatever the client wrote (nginx's $proxy_add_x_forwarded_for keeps
 * them), so they are never believed.
 */
export const clientAddress = (request: IncomingMessage, trusted: TrustedProxies): string =>
  proxyAddr(request, trusted) || 'unknown';
