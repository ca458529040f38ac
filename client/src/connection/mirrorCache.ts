import type { AssemblyState } from '../../../shared/domain/assembly';

export interface CachedMirror {
  epoch: string;
  seq: number;
  state: AssemblyState;
}

const keyFor = (code: string) => `assembly-live:mirror:${code}`;

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
