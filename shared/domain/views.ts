import type { DomainEvent, JournalEntry, TurnoutTallied } from '../protocol/events';
import { CARD_EVENTS, TURNOUT_EVENTS } from '../protocol/events';
import type { Role } from '../protocol/roles';
import type { AgendaItem, AssemblyState, NightRecord } from './assembly';
import type { Cards } from './cards';
import { emptyRegister, lookup, mapRegister } from './register';
import { type Attendance, type CheckIn, emptyAttendance, PHONES_DEVICE, type Registrant } from './turnout';

// Public and personal data never share a channel. Each role hears one audience's stream:
// - full (organiser, chair): everything;
// - door (stewards, volunteers on their own phones): names to check people in, but no
//   contacts, ticket secrets or the chair's private notes;
// - public (screen, phones): counts only.

export const AUDIENCES = ['full', 'door', 'public'] as const;
export type Audience = (typeof AUDIENCES)[number];

export function audienceOf(role: Role): Audience {
  switch (role) {
    case 'admin':
    case 'chair':
      return 'full';
    case 'door':
      return 'door';
    case 'public':
      return 'public';
    default:
      return role satisfies never;
  }
}

const withoutNotes = (agenda: AgendaItem[]): AgendaItem[] =>
  agenda.map((item) => (item.notes ? { ...item, notes: '' } : item));

const forDoor = {
  checkIn: (checkIn: CheckIn): CheckIn => (checkIn.contact ? { ...checkIn, contact: '' } : checkIn),
  registrant: (registrant: Registrant): Registrant => ({ ...registrant, email: '', ticket: '' }),
};

function doorAttendance(attendance: Attendance): Attendance {
  return {
    checkIns: mapRegister(attendance.checkIns, forDoor.checkIn),
    admitted: attendance.admitted,
    registrants: attendance.registrants.map(forDoor.registrant),
    withdrawnTickets: [],
    byName: attendance.byName,
    // Contacts never reach the door, nor anything made from them.
    byContact: emptyRegister(),
    byInstitution: attendance.byInstitution,
  };
}

export function stateFor(audience: Audience, state: AssemblyState): AssemblyState {
  if (audience === 'full') return state;
  const shared = {
    ...state,
    agenda: withoutNotes(state.agenda),
    undo: [],
    cards: countsOnly(state.cards),
    // The core team's candid words about the night are for the organiser and chair.
    evaluations: [],
    rehearsal: state.rehearsal && { ...state.rehearsal, before: beforeFor(audience, state.rehearsal.before) },
  };
  return audience === 'door'
    ? { ...shared, attendance: doorAttendance(state.attendance) }
    : { ...shared, attendance: emptyAttendance() };
}

/** The night before the rehearsal, as this audience saw it: the same projection as the state's. */
function beforeFor(audience: 'door' | 'public', before: NightRecord): NightRecord {
  const whole = { ...before.attendance, registrants: [], withdrawnTickets: [] };
  const {
    registrants: _r,
    withdrawnTickets: _w,
    ...attendance
  } = audience === 'door' ? doorAttendance(whole) : emptyAttendance();
  return { ...before, attendance, undo: [], ...(before.cards ? { cards: countsOnly(before.cards) } : {}) };
}

/** The cards as the door and the public hold them: whether they are open, the options, the tally. */
const countsOnly = <C extends Omit<Cards, 'options'>>(cards: C): C => ({
  ...cards,
  byId: emptyRegister(),
  byCheckIn: emptyRegister(),
});

/**
 * What the door and the public hear of cards: never a card, one whole tally for a run of
 * them (at the last), read from `state` (absolute counts: heard twice, harmless).
 */
function withCardsTallied(entries: JournalEntry[], state: AssemblyState): JournalEntry[] {
  const last = entries.findLast((entry) => CARD_EVENTS.has(entry.event.type));
  if (!last) return entries;
  return entries.flatMap((entry) =>
    entry === last
      ? [{ ...entry, event: { type: 'cardsTallied' as const, tally: state.cards.tally } }]
      : CARD_EVENTS.has(entry.event.type)
        ? []
        : [entry],
  );
}

function doorEvent(event: DomainEvent): DomainEvent {
  switch (event.type) {
    case 'setupImported':
      return { ...event, agenda: withoutNotes(event.agenda) };
    case 'checkedIn':
      return { ...event, checkIn: forDoor.checkIn(event.checkIn) };
    case 'registrantsAdded':
      return { ...event, registrants: event.registrants.map(forDoor.registrant) };
    case 'registrantUpdated':
      return { ...event, registrant: forDoor.registrant(event.registrant) };
    case 'evaluationSubmitted':
      return { ...event, evaluation: null };
    default:
      return event;
  }
}

/**
 * What the public sees of a run of turnout events: one tally of the counts they changed,
 * read from `state`, the assembly as it stands after the last of `entries`.
 */
function tallyOf(entries: JournalEntry[], state: AssemblyState): TurnoutTallied {
  const { turnout } = state;
  // Maps, then own properties: a door labelled "__proto__" must not reach an object's prototype.
  const institutions = new Map<string, number>();
  const devices = new Map<string, number>();
  const sections = new Map<string, Record<string, number>>();
  const countCheckIn = (checkIn: CheckIn | undefined) => {
    if (!checkIn) return;
    if (checkIn.institutionId !== null)
      institutions.set(checkIn.institutionId, ownCount(turnout.byInstitution, checkIn.institutionId));
    devices.set(checkIn.device, ownCount(turnout.byDevice, checkIn.device));
  };
  for (const { event } of entries) {
    if (event.type === 'checkedIn') countCheckIn(event.checkIn);
    if (event.type === 'checkInUndone') countCheckIn(lookup(state.attendance.checkIns, event.checkInId));
    if (event.type === 'checkInsMerged') countCheckIn(lookup(state.attendance.checkIns, event.duplicateId));
    if (event.type === 'phoneCheckInsUndone') {
      // Many at once: every institution's count, and the phones'.
      for (const institution of state.institutions)
        institutions.set(institution.id, ownCount(turnout.byInstitution, institution.id));
      devices.set(PHONES_DEVICE, ownCount(turnout.byDevice, PHONES_DEVICE));
    }
    if (event.type === 'headcountSet')
      sections.set(
        event.section,
        Object.hasOwn(turnout.headcounts, event.section) ? turnout.headcounts[event.section]! : {},
      );
  }
  return {
    type: 'turnoutTallied',
    byInstitution: Object.fromEntries(institutions),
    guests: turnout.guests,
    byDevice: Object.fromEntries(devices),
    headcounts: Object.fromEntries(sections),
  };
}

const ownCount = (counts: Record<string, number>, key: string): number =>
  Object.hasOwn(counts, key) ? counts[key]! : 0;

function publicEntries(entries: JournalEntry[], state: AssemblyState): JournalEntry[] {
  const turnout = entries.filter((entry) => TURNOUT_EVENTS.has(entry.event.type));
  const projected: JournalEntry[] = [];
  const last = turnout.at(-1);
  for (const entry of entries) {
    if (entry === last) projected.push({ ...entry, event: tallyOf(turnout, state) });
    else if (!TURNOUT_EVENTS.has(entry.event.type))
      projected.push({ ...entry, event: doorEvent(entry.event) });
  }
  return withCardsTallied(projected, state);
}

/**
 * Committed entries as an audience receives them. `state` is the full assembly as it
 * stands after the last entry (the public's turnout tally reads its counts there).
 */
export function entriesFor(
  audience: Audience,
  entries: JournalEntry[],
  state: AssemblyState,
): JournalEntry[] {
  switch (audience) {
    case 'full':
      return entries;
    case 'door':
      return withCardsTallied(
        entries.map((entry) => ({ ...entry, event: doorEvent(entry.event) })),
        state,
      );
    case 'public':
      return publicEntries(entries, state);
    default:
      return audience satisfies never;
  }
}
