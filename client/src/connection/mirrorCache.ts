import type { AssemblyState } from '../../../shared/domain/assembly';
import { PROTOCOL_VERSION } from '../../../shared/protocol/version';
import { forgetStored, storedJson, storeJson } from './deviceStorage';

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
  const parsed = storedJson(keyFor(code, slot)) as Partial<CachedMirror> | null;
  if (typeof parsed?.epoch !== 'string' || typeof parsed.seq !== 'number' || !parsed.state?.live) return null;
  return parsed as CachedMirror;
}

export const saveCachedMirror = (code: string, slot: CacheSlot, mirror: CachedMirror): void =>
  storeJson(keyFor(code, slot), mirror);

export const forgetCachedMirror = (code: string, slot: CacheSlot): void => forgetStored(keyFor(code, slot));
