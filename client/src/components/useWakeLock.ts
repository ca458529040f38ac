import { useEffect } from 'react';

/**
 * Keeps a projector laptop (or a phone following along) from dimming or sleeping in the
 * middle of a testimony. Where the browser cannot (no API, not a secure context), nothing
 * happens: the page works as before.
 */
export function useWakeLock(): void {
  useEffect(() => {
    const nav = navigator as Navigator & {
      wakeLock?: { request(type: 'screen'): Promise<{ release(): Promise<void> }> };
    };
    if (!nav.wakeLock) return;
    let lock: { release(): Promise<void> } | null = null;
    let stopped = false;
    const acquire = () => {
      if (document.visibilityState !== 'visible' || stopped) return;
      nav.wakeLock
        ?.request('screen')
        .then((acquired) => {
          if (stopped) void acquired.release();
          else lock = acquired;
        })
        .catch(() => {});
    };
    acquire();
    // The browser drops the lock when the tab is hidden; take it again on return.
    document.addEventListener('visibilitychange', acquire);
    return () => {
      stopped = true;
      document.removeEventListener('visibilitychange', acquire);
      void lock?.release().catch(() => {});
    };
  }, []);
}
