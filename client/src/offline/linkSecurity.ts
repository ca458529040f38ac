/**
 * What a page opened from a link with this base can keep on the device. Browsers give a
 * service worker (the app kept for a reload with no network) and the camera (ticket
 * scanning) only to secure pages: https, or this computer itself (localhost).
 */
export type LinkSecurity = 'https' | 'thisComputer' | 'plainHttp';

const THIS_COMPUTER = new Set(['localhost', '127.0.0.1', '[::1]']);

export function linkSecurity(base: string): LinkSecurity {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return 'plainHttp';
  }
  if (url.protocol === 'https:') return 'https';
  if (THIS_COMPUTER.has(url.hostname) || url.hostname.endsWith('.localhost')) return 'thisComputer';
  return 'plainHttp';
}
