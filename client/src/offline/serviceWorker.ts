/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';

// Keeps the app on the device from its first visit: a door, projector or phone that reloads
// while the venue's wifi is down (or the server is restarting) opens the app, which shows its
// last state from the device's storage and reconnects. Live data never comes from here: the
// socket, /api/ and /healthz always go to the server.

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Parameters<typeof precacheAndRoute>[0] };

/** How long a page load waits for the server before opening the copy on the device. */
const NETWORK_WAIT_MS = 4_000;
const LIVE = /^\/(api|socket\.io|healthz)(\/|$)/;

// A new release takes over at once: the next reload gets the new page (fetched from the
// server first, below), and the old release's files leave the cache when this one activates.
self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

async function fromServerOrDevice(request: Request): Promise<Response> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), NETWORK_WAIT_MS);
  try {
    const response = await fetch(request, { signal: abort.signal });
    // A proxy's 502 while the server restarts is no page to show a projector.
    if (response.status < 500) return response;
  } catch {
    // Offline, or no answer in time: the copy on the device.
  } finally {
    clearTimeout(timer);
  }
  return (await matchPrecache('/index.html')) ?? Response.error();
}

// Pages: the server's newest first, so a reload never shows an old release while the server
// answers; the precached shell when it does not.
registerRoute(new NavigationRoute(({ request }) => fromServerOrDevice(request), { denylist: [LIVE] }));

// The ticket scanner's decoder: kept once a door has used it.
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.endsWith('.wasm'),
  new CacheFirst({ cacheName: 'assembly-live-scanner', plugins: [new ExpirationPlugin({ maxEntries: 4 })] }),
);
