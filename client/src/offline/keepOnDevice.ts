// The service worker (serviceWorker.ts) keeps every route's code on this device from its first
// visit. Browsers allow one only in a secure context: https, or localhost for a projector on
// the server's own laptop; on plain http over a LAN a reload with no network shows the
// browser's error page, and the README and the organiser's links say so.

let asked = false;

/** Registers the service worker once per page; nothing happens where browsers allow none. */
export function keepAppOnDevice(): void {
  if (asked || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  asked = true;
  navigator.serviceWorker.register('/serviceWorker.js').catch(() => {
    // Without it the page works as before, only not offline.
  });
}

/** Whether a reload of this page with no network can open it (a worker controls it). */
export const offlineReloadPossible = (): boolean => 'serviceWorker' in navigator && window.isSecureContext;

const RELOADED_AT = 'assembly-live:reloaded-for-release';

/**
 * A page left open across a new release asks for a file the server no longer has (the old
 * release's code for a screen it had not shown yet). It reloads into the new release, once a
 * minute at most, rather than show an error: its state comes back from the device and server.
 */
export function reloadIntoNewRelease(): void {
  window.addEventListener('vite:preloadError', (event) => {
    let last = 0;
    try {
      last = Number(sessionStorage.getItem(RELOADED_AT) ?? 0);
      if (Date.now() - last < 60_000) return;
      sessionStorage.setItem(RELOADED_AT, String(Date.now()));
    } catch {
      return;
    }
    event.preventDefault();
    location.reload();
  });
}
