import { useEffect } from 'react';
import { storedJson, storeJson } from './deviceStorage';

// A device's own memories of the night (a phone's "you're checked in", a clicker's tally, a
// door's recent list) belong to the rehearsal they were made in, or to the real night (0).
// When the assembly moves from one to the other, they are forgotten: End rehearsal puts the
// night back on the server, and the device must not bring the rehearsal back with it.

const keyFor = (code: string) => `assembly-live:rehearsal:${code}`;

/** The device's memories were made in another rehearsal (or the real night) than `rehearsal`. */
export function rehearsalMoved(code: string, rehearsal: number | null): boolean {
  const now = rehearsal ?? 0;
  const stored = storedJson(keyFor(code));
  if (stored === now) return false;
  storeJson(keyFor(code), now);
  return typeof stored === 'number';
}

/** Calls `forget` when the assembly's rehearsal is not the one this device's memories are from. */
export function useRehearsalScope(
  code: string,
  rehearsal: number | null | undefined,
  forget: () => void,
): void {
  useEffect(() => {
    // undefined: the state is not here yet.
    if (rehearsal !== undefined && rehearsalMoved(code, rehearsal)) forget();
  }, [code, rehearsal, forget]);
}
