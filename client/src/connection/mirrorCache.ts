import type { AssemblyState } from '../../../shared/domain/assembly';
import { PROTOCOL_VERSION } from '../../../shared/protocol/version';

export interface CachedMirror {
  epoch: string;
  seq: number;
  state: AssemblyState;
}

/** Which view is cached: a door's (with names) and a phone's (counts only) never mix. */
export type CacheSlot = 'staff' | 'public';

// The protocol version is in the key: a state cached by an older app is never read by a newer one.
const keyFor = (code: string, slot: CacheSlot) => `assembly-live:v${PROTOCOL_VERSION}:mirror:${code}:${slot}`;

export function loadCachedMirror(code: string, slot: CacheSlot): CachedMirror | null {
  try {
    const raw = localStorage.getItem(keyFor(code, slot));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<CachedMirror>;
    if (typeof parsed.epoch !== 'string' || typeof parsed.seq !== 'number' || !parsed.state?.live)
      return null;
    return parsed as CachedMirror;
  } catch {
    return null;
  }
}

export function saveCachedMirror(code: string, slot: CacheSlot, mirror: CachedMirror): void {
  try {
    localStorage.setItem(keyFor(code, slot), JSON.stringify(mirror));
  } catch {
    // Storage full or disabled: the page still works, it just starts blank after a reload.
  }
}

export function forgetCachedMirror(code: string, slot: CacheSlot): void {
  try {
    localStorage.removeItem(keyFor(code, slot));
  } catch {
    // Nothing kept.
  }
}
