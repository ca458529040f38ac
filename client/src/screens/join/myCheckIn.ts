// What this phone remembers of its own check-in, so a refresh shows the status, not the form.

export interface MyCheckIn {
  checkInId: string;
  name: string;
  institution: string;
  /** The server has recorded it (until then it waits in the phone's outbox). */
  confirmed: boolean;
}

const keyFor = (code: string) => `assembly-live:my-check-in:${code}`;

export function loadMyCheckIn(code: string): MyCheckIn | null {
  try {
    const parsed = JSON.parse(localStorage.getItem(keyFor(code)) ?? 'null');
    return parsed && typeof parsed.checkInId === 'string' && typeof parsed.name === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

export function saveMyCheckIn(code: string, mine: MyCheckIn | null): void {
  try {
    if (mine) localStorage.setItem(keyFor(code), JSON.stringify(mine));
    else localStorage.removeItem(keyFor(code));
  } catch {
    // Private mode with storage off: the check-in still counts; a refresh shows the form again.
  }
}
