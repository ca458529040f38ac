import { create } from 'zustand';
import { forgetStored, storedJson, storeJson } from '../../connection/deviceStorage';

// The check-ins this device made, newest first, kept on the device: "Recent" is about what
// this steward did, whatever the door is called, including those still waiting to sync.

export interface Made {
  checkInId: string;
  who: string;
  at: number;
}

const KEEP = 30;
const keyFor = (code: string) => `assembly-live:door-made:${code}`;

export const useMyCheckIns = create<{ code: string; made: Made[] }>(() => ({ code: '', made: [] }));

export function openMyCheckIns(code: string): void {
  const parsed = storedJson(keyFor(code));
  const made: Made[] = Array.isArray(parsed)
    ? parsed.filter((m) => typeof m?.checkInId === 'string').slice(0, KEEP)
    : [];
  useMyCheckIns.setState({ code, made });
}

export const forgetMyCheckIns = (code: string): void => forgetStored(keyFor(code));

export function rememberCheckIn(checkInId: string, who: string): void {
  const { code, made } = useMyCheckIns.getState();
  const next = [{ checkInId, who, at: Date.now() }, ...made.filter((m) => m.checkInId !== checkInId)].slice(
    0,
    KEEP,
  );
  useMyCheckIns.setState({ made: next });
  storeJson(keyFor(code), next);
}
