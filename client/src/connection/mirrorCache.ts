import type { AssemblyState } from '../../../shared/domain/assembly';
import { PROTOCOL_VERSION } from '../../../shared/protocol/version';

export interface CachedMirror {
  epoch: string;
  seq: number;
  state: AssemblyState;
}

// The protocol version is in the key: a state cached by an older app is never read by a newer one.
const keyFor = (code: string) => `assembly-live:v${PROTOCOL_VERSION}:mirror:${code}`;

export function loadCachedMirror(code: string): CachedMirror | null {
  try {
    const raw = localStorage.getItem(keyFor(code));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<CachedMirror>;
    if (typeof parsed.epoch !== 'string' || typeof parsed.seq !== 'number' || !parsed.state?.live)
      return null;
    return parsed as CachedMirror;
  } catch {
    return null;
  }
}

export function saveCachedMirror(code: string, mirror: CachedMirror): void {
  try {
    localStorage.setItem(keyFor(code), JSON.stringify(mirror));
  } catch {
    // Storage full or disabled: the page still works, it just starts blank after a reload.
  }
}
