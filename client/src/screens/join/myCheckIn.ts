import { forgetStored, storedJson, storeJson } from '../../connection/deviceStorage';

// What this phone remembers of its own check-in, so a refresh shows the status, not the form.

export interface MyCheckIn {
  checkInId: string;
  name: string;
  institution: string;
  /** The institution's id (null: a guest), so a commitment card is credited to it. */
  institutionId?: string | null;
  /** The server has recorded it (until then it waits in the phone's outbox). */
  confirmed: boolean;
  /** They were in already (another phone, the door): since when. Nothing was counted again. */
  alreadyAt?: number;
}

const keyFor = (code: string) => `assembly-live:my-check-in:${code}`;

export function loadMyCheckIn(code: string): MyCheckIn | null {
  const parsed = storedJson(keyFor(code)) as Partial<MyCheckIn> | null;
  return typeof parsed?.checkInId === 'string' && typeof parsed.name === 'string'
    ? (parsed as MyCheckIn)
    : null;
}

/** With storage off (private browsing) the check-in still counts; a refresh shows the form again. */
export function saveMyCheckIn(code: string, mine: MyCheckIn | null): void {
  if (mine) storeJson(keyFor(code), mine);
  else forgetStored(keyFor(code));
}
