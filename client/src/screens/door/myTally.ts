import { create } from 'zustand';

// This device's own headcount per section. The clicker is the source of truth for its own
// tally: it counts on from here at once, however fast the steward clicks, and sends the
// absolute number; the server's copy only seeds it on a new device.

const keyFor = (code: string) => `assembly-live:door-tally:${code}`;

export const useMyTally = create<{ code: string; tally: Record<string, number> }>(() => ({
  code: '',
  tally: {},
}));

export function openMyTally(code: string): void {
  let tally: Record<string, number> = {};
  try {
    const parsed = JSON.parse(localStorage.getItem(keyFor(code)) ?? '{}');
    if (parsed && typeof parsed === 'object') tally = parsed;
  } catch {
    // Start from the server's copy.
  }
  useMyTally.setState({ code, tally });
}

export function setMyTally(section: string, count: number): void {
  const { code, tally } = useMyTally.getState();
  const next = { ...tally, [section]: count };
  useMyTally.setState({ tally: next });
  try {
    localStorage.setItem(keyFor(code), JSON.stringify(next));
  } catch {
    // Kept for this page only.
  }
}
