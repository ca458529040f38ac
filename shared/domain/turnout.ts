import { ownValue, setOwn } from './ownKeys';
import { emptyRegister, type Register, valuesOf } from './register';

// Turnout is the alliance's power: who came, for which institution, counted at the door.
// Counts are public; names and contacts (the attendance) are for staff only.

export const CHECK_IN_METHODS = ['self', 'ownTicket', 'steward', 'ticket', 'walkIn'] as const;
export type CheckInMethod = (typeof CHECK_IN_METHODS)[number];

export const CHECK_IN_METHOD_LABELS: Record<CheckInMethod, string> = {
  self: 'Phone',
  ownTicket: 'Own ticket on phone',
  steward: 'Door search',
  ticket: 'Ticket scan',
  walkIn: 'Walk-in',
};

/**
 * One vocabulary for people from outside the member institutions, on every screen and file:
 * a person is a "Guest", the count is "Guests", the choice in a list says what it means.
 */
export const GUEST_WORDS = {
  one: 'Guest',
  many: 'Guests',
  choice: 'Guest (not a member institution)',
} as const;

/** The device label self check-ins are counted under. */
export const PHONES_DEVICE = 'Phones';

export interface CheckIn {
  /** Made on the device that checked the person in, so a retry counts once. */
  id: string;
  name: string;
  /** null: a guest, or from an organisation that is not a member institution. */
  institutionId: string | null;
  guestOf: string;
  /** Kept only with consent. */
  contact: string;
  consent: boolean;
  method: CheckInMethod;
  at: number;
  /** The door (or "Phones") that counted this person. */
  device: string;
  registrantId: string | null;
  /** Undone at the door, merged into another, or undone with a flood of phone check-ins. */
  undoneAt: number | null;
  /** Set when the organiser found this to be a second check-in of the same person. */
  mergedInto?: string | null;
}

export interface Registrant {
  id: string;
  name: string;
  institutionId: string | null;
  email: string;
  /** The secret on the ticket's QR. Staff with the full view only. */
  ticket: string;
}

export interface Turnout {
  /** Named check-ins per institution id. */
  byInstitution: Record<string, number>;
  guests: number;
  /** Named check-ins per door device label. */
  byDevice: Record<string, number>;
  /** Stewards' clicker tallies: section, then the clicking device's id, to its count. */
  headcounts: Record<string, Record<string, number>>;
  /** Institutions the chair has called in the roll call, with when. */
  called: Record<string, number>;
  /** The chair can close check-in on phones (misuse, or the doors have shut); the door goes on. */
  phonesClosed: boolean;
}

/** Personal data: reaches the organiser, chair and door only (door without contacts). */
export interface Attendance {
  checkIns: Register<CheckIn>;
  /** Registrant id to the check-in that admitted them. */
  admitted: Register<string>;
  registrants: Registrant[];
  /**
   * The tickets of registrants the organiser removed: scanning one says it was withdrawn,
   * not that it is a forgery. Its length also keeps new registrant ids from reusing a
   * removed one's (a door's queued check-in for them must not admit someone else).
   */
  withdrawnTickets: string[];
  /** Active check-in ids by name key (samePerson.ts), so a second way in is found at once. */
  byName: Register<string[]>;
  /** Active check-in ids by consented contact. Staff with the full view only. */
  byContact: Register<string[]>;
  /**
   * Per institution id (guests under one key of their own), its latest active check-ins as
   * [id, name key, digits]: where a close spelling is looked for.
   */
  byInstitution: Register<[id: string, key: string, digits: string][]>;
}

export const ROLL_CALL_ORDERS = ['section', 'count'] as const;
export type RollCallOrder = (typeof ROLL_CALL_ORDERS)[number];

export const emptyTurnout = (): Turnout => ({
  byInstitution: {},
  guests: 0,
  byDevice: {},
  headcounts: {},
  called: {},
  phonesClosed: false,
});

export const emptyAttendance = (): Attendance => ({
  checkIns: emptyRegister(),
  admitted: emptyRegister(),
  registrants: [],
  withdrawnTickets: [],
  byName: emptyRegister(),
  byContact: emptyRegister(),
  byInstitution: emptyRegister(),
});

/**
 * Who counts as already registered: the same name, institution and email, whatever the
 * case. An import skips them; a correction may not make someone into another.
 */
export const registrantKey = (r: Pick<Registrant, 'name' | 'institutionId' | 'email'>): string =>
  // JSON, not a join: a guest (null) is not the institution with the id "null", and a "|" in a
  // name cannot make two people one.
  JSON.stringify([r.name.toLocaleLowerCase(), r.institutionId, r.email.toLocaleLowerCase()]);

/** Registrant ids are never reused, so the next is one past every registrant there has been. */
export const nextRegistrantNumber = (attendance: Attendance): number =>
  attendance.registrants.length + attendance.withdrawnTickets.length + 1;

export const sumOf = (counts: Record<string, number>): number =>
  Object.values(counts).reduce((total, n) => total + n, 0);

export const namedTotal = (turnout: Turnout): number => sumOf(turnout.byInstitution) + turnout.guests;

export const sectionHeadcount = (turnout: Turnout, section: string): number =>
  sumOf(ownValue(turnout.headcounts, section) ?? {});

export const headcountTotal = (turnout: Turnout): number =>
  Object.keys(turnout.headcounts).reduce((total, section) => total + sectionHeadcount(turnout, section), 0);

/** Adds `delta` to a count, dropping it at zero so the record stays small. One copy, no rest-spread (3x slower). */
export function bump(counts: Record<string, number>, key: string, delta: number): Record<string, number> {
  const next = { ...counts };
  const n = (ownValue(counts, key) ?? 0) + delta;
  if (n > 0) setOwn(next, key, n);
  else delete next[key];
  return next;
}

/**
 * Check-ins typed on phones at or after `since` and still counted: what the chair undoes
 * after a flood. A registrant's "I'm here" from their own ticket is not among them.
 */
export const phoneCheckInsSince = (attendance: Attendance, since: number): CheckIn[] =>
  valuesOf(attendance.checkIns).filter((c) => c.method === 'self' && c.at >= since && c.undoneAt === null);
