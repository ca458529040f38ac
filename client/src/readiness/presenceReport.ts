import { useEffect, useRef } from 'react';
import { PRESENCE_EVERY_MS, type PresenceReport } from '../../../shared/protocol/presence';
import { connectedSocket } from '../connection/assemblyConnection';
import { useAssembly } from '../connection/assemblyStore';

/**
 * Says this page is here: at once on every (re)connection, then every few seconds (`repeat`),
 * so the organiser's list drops a device that went quiet long before its socket times out.
 * `make` is read at each report, so the latest scene, label or outbox goes with it.
 */
export function usePresenceReport(make: () => PresenceReport | null, repeat = true): void {
  const latest = useRef(make);
  latest.current = make;
  const live = useAssembly((s) => s.status === 'live');
  useEffect(() => {
    if (!live) return;
    const send = () => {
      const report = latest.current();
      if (report) connectedSocket()?.emit('presence', report);
    };
    send();
    if (!repeat) return;
    const timer = setInterval(send, PRESENCE_EVERY_MS);
    return () => clearInterval(timer);
  }, [live, repeat]);
}

/** A phone counts itself once per connection: thousands of them need not keep saying so. */
export function usePhonePresence(): void {
  usePresenceReport(() => ({ device: 'phone' }), false);
}
