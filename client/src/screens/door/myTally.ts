import { create } from 'zustand';
import { forgetStored, storedJson, storeJson } from '../../connection/deviceStorage';

// This device's own headcount per section. The clicker is the source of truth for its own
// tally: it counts on from here at once, however fast the steward clicks, and sends the
// absolute number; the server's copy only seeds it on a new device.

const keyFor = (code: string) => `assembly-live:door-tally:${code}`;

export const useMyTally = create<{ code: string; tally: Record<string, number> }>(() => ({
  code: '',
  tally: {},
}));

export function openMyTally(code: string): void {
  const parsed = storedJson(keyFor(code));
  // Nothing kept: start from the server's copy.
  const tally = parsed && typeof parsed === 'object' ? (parsed as Record<string, number>) : {};
  useMyTally.setState({ code, tally });
}

export const forgetMyTally = (code: string): void => forgetStored(keyFor(code));

export function setMyTally(section: string, count: number): void {
  const { code, tally } = useMyTally.getState();
  const next = { ...tally, [section]: count };
  useMyTally.setState({ tally: next });
  storeJson(keyFor(code), next);
}
