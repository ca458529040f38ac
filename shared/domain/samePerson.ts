// One person, one count. People come in more than one way (their phone, their ticket at
// the door, a steward's search, a walk-in): these rules tell when a second way is the same
// person. When the evidence is certain (their own ticket, the same contact, the same name in
// the same institution) the second way counts nothing; when it is only likely (a close
// spelling, the same name in another institution) a steward decides, never a silent double.
import { boundedEditDistance, nameKey } from './closestName';
import { lookup, put, type Register, remove, valuesOf } from './register';
import { type Attendance, type CheckIn, emptyAttendance, type Registrant } from './turnout';

/** Who a check-in says they are. */
export interface Person {
  name: string;
  institutionId: string | null;
  /** An email or phone number, as typed (even without consent: used to match, never kept). */
  contact: string;
}

/** Why two check-ins are thought to be one person. */
export type Evidence = 'ticket' | 'contact' | 'name' | 'nameElsewhere' | 'spelling';

export interface LikelyMatch {
  /** An earlier check-in the new one may be, or a registrant not yet in. */
  checkInId: string | null;
  registrantId: string | null;
  name: string;
  institutionId: string | null;
  /** When and how the earlier check-in came in (null for a registrant not yet in). */
  at: number | null;
  method: CheckIn['method'] | null;
  evidence: Evidence;
}

/**
 * A check-in of someone already in: counted once. `name` is the earlier check-in's, and
 * only staff hear it (a phone learns nothing it did not type).
 */
export interface AlreadyIn {
  at: number;
  method: CheckIn['method'];
  name?: string;
}

export type Arrival =
  /** Nobody like them is in: count them. */
  | { kind: 'new' }
  /** They are this registrant, not yet in: count them as the registrant. */
  | { kind: 'registrant'; registrant: Registrant }
  /** Already in: count nothing. */
  | { kind: 'already'; checkIn: CheckIn; evidence: Evidence }
  /** Already in without their registration: link the two, count nothing. */
  | { kind: 'link'; checkIn: CheckIn; registrant: Registrant; evidence: Evidence }
  /** Maybe the same person: a steward decides. */
  | { kind: 'likely'; match: LikelyMatch };

/** The steward's answer to a likely match: the same person as that check-in, or someone new. */
export interface StewardsAnswer {
  sameAs?: string | undefined;
  newPerson?: boolean | undefined;
}

/** How contacts are compared: an email whatever its case; a phone number by its last 9 digits. */
export function contactKey(contact: string): string {
  const text = contact.trim().toLowerCase();
  if (text.includes('@')) return text.replace(/\s+/g, '');
  const digits = text.replace(/\D/g, '');
  return digits.length >= 7 ? `tel:${digits.slice(-9)}` : '';
}

/** Guests share one key that no institution id can have (ids are letters, digits, - and _). */
const institutionKey = (institutionId: string | null): string => institutionId ?? '~guests';

/** A name as the rules compare it: its key, and the digits in it ("Table 12" is not "Table 13"). */
interface NameShape {
  key: string;
  digits: string;
}

const shapeOfKey = (key: string): NameShape => ({ key, digits: key.replace(/\D/g, '') });

// Check-ins and registrants never change once made (evolve replaces them), so their shapes
// can be remembered: the door's storm must not normalise every name on every check-in.
const shapes = new WeakMap<object, NameShape>();
function shapeOf(person: CheckIn | Registrant): NameShape {
  let shape = shapes.get(person);
  if (shape === undefined) {
    shape = shapeOfKey(nameKey(person.name));
    shapes.set(person, shape);
  }
  return shape;
}
const keyOf = (person: CheckIn | Registrant): string => shapeOf(person).key;

/** Which letters a name has, each letter one of 32 bits (letters sharing a bit are one). */
function lettersOf(key: string): number {
  let mask = 0;
  for (let i = 0; i < key.length; i++) mask |= 1 << (key.charCodeAt(i) & 31);
  return mask;
}

/**
 * A floor under the edit distance, for the price of a glance: an insertion or deletion adds
 * or drops at most one letter from the set of letters a name has, a substitution at most
 * one each way, a swap none; so names whose letter sets differ by more than twice the
 * allowance are not close, and most names at a door are ruled out before any table is made.
 */
function lettersApart(x: string, y: string): number {
  let bits = lettersOf(x) ^ lettersOf(y);
  let count = 0;
  while (bits !== 0) {
    bits &= bits - 1;
    count++;
  }
  return count;
}

/** Close spellings are compared without a budget: the window of names bounds the work. */
const UNBUDGETED = { cells: Number.POSITIVE_INFINITY };

/**
 * Close enough to be worth asking: one letter wrong in a short name, two in a longer one.
 * Digits must agree. The cheap tests go first: this runs against many names per check-in.
 */
function closeShapes(a: NameShape, b: NameShape): boolean {
  return closeTo(a, b.key, b.digits);
}

/** closeShapes against a name kept as its key and digits (no shape made per name compared). */
function closeTo(a: NameShape, y: string, yDigits: string): boolean {
  const x = a.key;
  if (x === y || x === '' || y === '') return false;
  const allowed = Math.min(x.length, y.length) <= 8 ? 1 : 2;
  if (Math.abs(x.length - y.length) > allowed) return false;
  if (a.digits !== yDigits) return false;
  if (lettersApart(x, y) > 2 * allowed) return false;
  // Only the band the allowance leaves is worked out: a full table per name held a door's
  // check-in for over a hundred microseconds against an institution's 150 latest names.
  return boundedEditDistance(x, y, allowed, UNBUDGETED) <= allowed;
}

export const closeSpelling = (a: string, b: string): boolean => closeShapes(shapeOfKey(a), shapeOfKey(b));

/**
 * A close spelling is looked for among an institution's latest this many check-ins (an
 * institution brings 5 to 50; guests may be hundreds, and the organiser's duplicates list
 * finds older twins). The index keeps only these, so a check-in costs the same at 20,000.
 */
const SPELLING_WINDOW = 150;

// --- The indexes kept in the attendance, so a check-in finds its likely twins at once.

/** One of an institution's latest check-ins: its id, name key and the digits in it. */
export type RecentName = [id: string, key: string, digits: string];

/** Active (not undone, not merged) check-ins by name key, by contact, by institution. */
export type PeopleIndex = Pick<Attendance, 'byName' | 'byContact' | 'byInstitution'>;

const addTo = (index: Register<string[]>, key: string, id: string): Register<string[]> =>
  key === '' ? index : put(index, key, [...(lookup(index, key) ?? []), id]);

function dropFrom(index: Register<string[]>, key: string, id: string): Register<string[]> {
  const ids = lookup(index, key);
  if (!ids) return index;
  const rest = ids.filter((other) => other !== id);
  return rest.length === 0 ? remove(index, key) : put(index, key, rest);
}

export function indexed(index: PeopleIndex, checkIn: CheckIn): PeopleIndex {
  const institution = institutionKey(checkIn.institutionId);
  const recent = lookup(index.byInstitution, institution) ?? [];
  const { key, digits } = shapeOf(checkIn);
  return {
    byName: addTo(index.byName, key, checkIn.id),
    byContact: addTo(index.byContact, contactKey(checkIn.contact), checkIn.id),
    byInstitution: put(index.byInstitution, institution, [
      ...recent.slice(1 - SPELLING_WINDOW),
      [checkIn.id, key, digits] as RecentName,
    ]),
  };
}

export function unindexed(index: PeopleIndex, checkIn: CheckIn): PeopleIndex {
  const institution = institutionKey(checkIn.institutionId);
  const recent = lookup(index.byInstitution, institution);
  const rest = recent?.filter(([id]) => id !== checkIn.id);
  return {
    byName: dropFrom(index.byName, keyOf(checkIn), checkIn.id),
    byContact: dropFrom(index.byContact, contactKey(checkIn.contact), checkIn.id),
    byInstitution:
      rest === undefined || rest.length === recent?.length
        ? index.byInstitution
        : rest.length === 0
          ? remove(index.byInstitution, institution)
          : put(index.byInstitution, institution, rest),
  };
}

// --- Registrants change rarely: their index is made once per list and remembered.

interface RegistrantIndex {
  byName: Map<string, Registrant[]>;
  byEmail: Map<string, Registrant[]>;
  byInstitution: Map<string, Registrant[]>;
}

const registrantIndexes = new WeakMap<readonly Registrant[], RegistrantIndex>();

function listed<T>(map: Map<string, T[]>, key: string, value: T): void {
  if (key === '') return;
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function registrantIndex(registrants: readonly Registrant[]): RegistrantIndex {
  let index = registrantIndexes.get(registrants);
  if (!index) {
    index = { byName: new Map(), byEmail: new Map(), byInstitution: new Map() };
    for (const r of registrants) {
      listed(index.byName, keyOf(r), r);
      listed(index.byEmail, contactKey(r.email), r);
      listed(index.byInstitution, institutionKey(r.institutionId), r);
    }
    registrantIndexes.set(registrants, index);
  }
  return index;
}

// --- The rules.

function active(attendance: Attendance, ids: readonly string[] | undefined): CheckIn[] {
  const found: CheckIn[] = [];
  for (const id of ids ?? []) {
    const checkIn = lookup(attendance.checkIns, id);
    if (checkIn && checkIn.undoneAt === null) found.push(checkIn);
  }
  return found;
}

const admittedCheckIn = (attendance: Attendance, registrant: Registrant): CheckIn | undefined => {
  const id = lookup(attendance.admitted, registrant.id);
  return id === undefined ? undefined : lookup(attendance.checkIns, id);
};

const likelyCheckIn = (checkIn: CheckIn, evidence: Evidence): Arrival => ({
  kind: 'likely',
  match: {
    checkInId: checkIn.id,
    registrantId: checkIn.registrantId,
    name: checkIn.name,
    institutionId: checkIn.institutionId,
    at: checkIn.at,
    method: checkIn.method,
    evidence,
  },
});

const likelyRegistrant = (registrant: Registrant, evidence: Evidence): Arrival => ({
  kind: 'likely',
  match: {
    checkInId: null,
    registrantId: registrant.id,
    name: registrant.name,
    institutionId: registrant.institutionId,
    at: null,
    method: null,
    evidence,
  },
});

/** The latest check-ins of an institution whose names are a close spelling of `typed`. */
function closeHere(attendance: Attendance, typed: NameShape, institutionId: string | null): CheckIn[] {
  const ids: string[] = [];
  for (const [id, key, digits] of lookup(attendance.byInstitution, institutionKey(institutionId)) ?? [])
    if (closeTo(typed, key, digits)) ids.push(id);
  return active(attendance, ids);
}

/** Check-ins of others that might be this person by name: elsewhere, or a close spelling here. */
function nearCheckIns(
  attendance: Attendance,
  typed: NameShape,
  institutionId: string | null,
): Arrival | null {
  for (const other of active(attendance, lookup(attendance.byName, typed.key)))
    if (other.institutionId !== institutionId) return likelyCheckIn(other, 'nameElsewhere');
  const near = closeHere(attendance, typed, institutionId)[0];
  return near ? likelyCheckIn(near, 'spelling') : null;
}

/**
 * What a typed-in check-in (a phone's form, a door's walk-in) is: someone new, a
 * registrant arriving, someone already in, or maybe someone already in.
 */
export function arrivalOf(attendance: Attendance, person: Person, decision: StewardsAnswer = {}): Arrival {
  const registrants = registrantIndex(attendance.registrants);
  const contact = contactKey(person.contact);
  const typed = shapeOfKey(nameKey(person.name));
  const { key } = typed;
  if (decision.sameAs !== undefined) {
    const same = lookup(attendance.checkIns, decision.sameAs);
    if (same && same.undoneAt === null) return { kind: 'already', checkIn: same, evidence: 'name' };
  }
  // Certain: the same contact.
  if (contact !== '') {
    const same = active(attendance, lookup(attendance.byContact, contact))[0];
    if (same) return { kind: 'already', checkIn: same, evidence: 'contact' };
    const registered = registrants.byEmail.get(contact) ?? [];
    if (registered.length === 1) {
      const registrant = registered[0]!;
      const admitted = admittedCheckIn(attendance, registrant);
      return admitted
        ? { kind: 'already', checkIn: admitted, evidence: 'contact' }
        : { kind: 'registrant', registrant };
    }
  }
  // Certain, unless the steward says two people share a name: the same name here.
  const namesakes = (registrants.byName.get(key) ?? []).filter(
    (r) => r.institutionId === person.institutionId,
  );
  const unique = namesakes.length <= 1;
  if (!decision.newPerson) {
    const here = active(attendance, lookup(attendance.byName, key)).filter(
      (other) => other.institutionId === person.institutionId,
    );
    if (here.length > 0 && unique) return { kind: 'already', checkIn: here[0]!, evidence: 'name' };
    if (here.length > 0) return likelyCheckIn(here[0]!, 'name');
  }
  if (namesakes.length === 1) {
    const registrant = namesakes[0]!;
    const admitted = admittedCheckIn(attendance, registrant);
    if (!admitted) return { kind: 'registrant', registrant };
    if (!decision.newPerson) return { kind: 'already', checkIn: admitted, evidence: 'name' };
  }
  if (decision.newPerson) return { kind: 'new' };
  if (!unique) {
    const waiting = namesakes.find((r) => !admittedCheckIn(attendance, r));
    if (waiting) return likelyRegistrant(waiting, 'name');
  }
  const near = nearCheckIns(attendance, typed, person.institutionId);
  if (near) return near;
  for (const r of registrants.byName.get(key) ?? [])
    if (r.institutionId !== person.institutionId && !admittedCheckIn(attendance, r))
      return likelyRegistrant(r, 'nameElsewhere');
  for (const r of registrants.byInstitution.get(institutionKey(person.institutionId)) ?? [])
    if (closeShapes(typed, shapeOf(r)) && !admittedCheckIn(attendance, r))
      return likelyRegistrant(r, 'spelling');
  return { kind: 'new' };
}

/**
 * What a registrant's arrival (their ticket scanned or opened, a steward's search) is: in
 * already by their ticket, in already another way (then the two are linked), maybe in
 * already, or arriving now.
 */
export function arrivalOfRegistrant(
  attendance: Attendance,
  registrant: Registrant,
  decision: StewardsAnswer = {},
): Arrival {
  const admitted = admittedCheckIn(attendance, registrant);
  if (admitted) return { kind: 'already', checkIn: admitted, evidence: 'ticket' };
  const unlinked = (ids: readonly string[] | undefined) =>
    active(attendance, ids).filter((c) => c.registrantId === null);
  if (decision.sameAs !== undefined) {
    const same = lookup(attendance.checkIns, decision.sameAs);
    if (same && same.undoneAt === null && same.registrantId === null)
      return { kind: 'link', checkIn: same, registrant, evidence: 'name' };
  }
  const byContact = unlinked(lookup(attendance.byContact, contactKey(registrant.email)))[0];
  if (byContact) return { kind: 'link', checkIn: byContact, registrant, evidence: 'contact' };
  if (decision.newPerson) return { kind: 'registrant', registrant };
  const shape = shapeOf(registrant);
  const { key } = shape;
  const named = unlinked(lookup(attendance.byName, key));
  const here = named.find((c) => c.institutionId === registrant.institutionId);
  if (here) {
    const namesakes = (registrantIndex(attendance.registrants).byName.get(key) ?? []).filter(
      (r) => r.institutionId === registrant.institutionId,
    );
    return namesakes.length === 1
      ? { kind: 'link', checkIn: here, registrant, evidence: 'name' }
      : likelyCheckIn(here, 'name');
  }
  const elsewhere = named[0];
  if (elsewhere) return likelyCheckIn(elsewhere, 'nameElsewhere');
  const near = closeHere(attendance, shapeOf(registrant), registrant.institutionId).find(
    (c) => c.registrantId === null,
  );
  if (near) return likelyCheckIn(near, 'spelling');
  return { kind: 'registrant', registrant };
}

export interface DuplicatePair {
  /** The one a merge keeps by default: the registered one, else the earlier. */
  kept: CheckIn;
  duplicate: CheckIn;
  evidence: Evidence;
}

/** The organiser's list after the fact: pairs of check-ins that are likely one person. */
export function likelyDuplicates(checkIns: readonly CheckIn[]): DuplicatePair[] {
  const pairs: DuplicatePair[] = [];
  const seen = new Set<string>();
  const consider = (a: CheckIn, b: CheckIn, evidence: Evidence) => {
    if (a.id === b.id) return;
    // Two registrants are two people, whatever their names.
    if (a.registrantId !== null && b.registrantId !== null) return;
    // Keep the registered one (their name is as registered), else the earlier.
    const keepA = a.registrantId !== null || (b.registrantId === null && a.at <= b.at);
    const [kept, duplicate] = keepA ? [a, b] : [b, a];
    const id = `${kept.id}|${duplicate.id}`;
    if (seen.has(id)) return;
    seen.add(id);
    pairs.push({ kept, duplicate, evidence });
  };
  const live = checkIns.filter((c) => c.undoneAt === null);
  const byKey = new Map<string, CheckIn[]>();
  const byContact = new Map<string, CheckIn[]>();
  const byInstitution = new Map<string, CheckIn[]>();
  for (const c of live) {
    listed(byKey, keyOf(c), c);
    listed(byContact, contactKey(c.contact), c);
    listed(byInstitution, institutionKey(c.institutionId), c);
  }
  for (const group of byContact.values()) for (const c of group.slice(1)) consider(group[0]!, c, 'contact');
  for (const group of byKey.values())
    for (let i = 0; i < group.length; i++)
      for (let j = i + 1; j < group.length; j++)
        consider(
          group[i]!,
          group[j]!,
          group[i]!.institutionId === group[j]!.institutionId ? 'name' : 'nameElsewhere',
        );
  for (const group of byInstitution.values()) {
    const recent = group.slice(-SPELLING_WINDOW);
    for (let i = 0; i < recent.length; i++)
      for (let j = i + 1; j < recent.length; j++)
        if (closeShapes(shapeOf(recent[i]!), shapeOf(recent[j]!)))
          consider(recent[i]!, recent[j]!, 'spelling');
  }
  return pairs.sort((a, b) => a.duplicate.at - b.duplicate.at);
}

/** Per institution (null for guests), the registrants not yet in, however they came in. */
export function notArrived(attendance: Attendance): Map<string | null, Registrant[]> {
  const waiting = new Map<string | null, Registrant[]>();
  for (const r of attendance.registrants) {
    if (lookup(attendance.admitted, r.id) !== undefined) continue;
    const list = waiting.get(r.institutionId);
    if (list) list.push(r);
    else waiting.set(r.institutionId, [r]);
  }
  return waiting;
}

/** The indexes of a saved attendance that has none (a snapshot from before they existed). */
export function withPeopleIndex(
  attendance: Omit<Attendance, keyof PeopleIndex> & Partial<PeopleIndex>,
): Attendance {
  const { byName, byContact, byInstitution } = attendance;
  if (byName && byContact && byInstitution) return { ...attendance, byName, byContact, byInstitution };
  const active = valuesOf(attendance.checkIns).filter((c) => c.undoneAt === null);
  const empty = emptyAttendance();
  let index: PeopleIndex = {
    byName: empty.byName,
    byContact: empty.byContact,
    byInstitution: empty.byInstitution,
  };
  for (const checkIn of active) index = indexed(index, checkIn);
  return { ...attendance, ...index };
}
