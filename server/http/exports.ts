import Papa from 'papaparse';
import type { AssemblyState } from '../../shared/domain/assembly';
import { lookup, valuesOf } from '../../shared/domain/register';
import { historyOf, NO_ANSWER_WORDS } from '../../shared/domain/responses';
import { ticketPath } from '../../shared/domain/tickets';
import {
  CHECK_IN_METHOD_LABELS,
  GUEST_WORDS,
  headcountTotal,
  namedTotal,
  sectionHeadcount,
} from '../../shared/domain/turnout';
import { exportTimeZone, spreadsheetTime } from './spreadsheetTime';

// The organiser's record of turnout, for spreadsheets. Cells that start like a formula are
// escaped, so a name typed as "=HYPERLINK(...)" stays text when the file is opened.

/**
 * A cell a spreadsheet would read as a formula. Papaparse's own test (`/^[=+\-@\t\r].*$/`)
 * misses a cell with a line break in it, since `.` stops at the break: test the first
 * character only, whatever follows.
 */
export const FORMULA_START = /^[=+\-@\t\r\n]/;

export const csv = (rows: (string | number)[][]) =>
  `${Papa.unparse(rows, { escapeFormulae: FORMULA_START })}\r\n`;

/** Times in the assembly's zone, and a header that says which zone they are in. */
export function timesOf(state: AssemblyState) {
  const zone = exportTimeZone(state);
  return {
    at: (ms: number | null) => spreadsheetTime(ms, zone),
    header: (name: string) => `${name} (${zone})`,
  };
}

/** "45%" of a commitment, which a spreadsheet reads as a percentage; '' with none committed. */
const percentOf = (count: number, committed: number): string =>
  committed > 0 ? `${Math.round((100 * count) / committed)}%` : '';

/**
 * Per institution (committed, registered, checked in, the share of the commitment met),
 * then the guests, then per section (named check-ins beside the headcount), then the total:
 * each kind of row says what it is in the first column.
 */
export function turnoutCsv(state: AssemblyState): string {
  const { turnout, institutions } = state;
  const time = timesOf(state);
  const registered = new Map<string | null, number>();
  for (const r of state.attendance.registrants)
    registered.set(r.institutionId, (registered.get(r.institutionId) ?? 0) + 1);
  const inFor = (id: string) => (Object.hasOwn(turnout.byInstitution, id) ? turnout.byInstitution[id]! : 0);
  const rows: (string | number)[][] = [
    [
      'kind',
      'name',
      'section',
      'committed',
      'registered',
      'checked_in',
      'percent_of_commitment',
      'headcount',
      time.header('called_at'),
    ],
  ];
  for (const institution of institutions) {
    const count = inFor(institution.id);
    rows.push([
      'institution',
      institution.name,
      institution.section,
      institution.committed,
      registered.get(institution.id) ?? 0,
      count,
      percentOf(count, institution.committed),
      '',
      time.at(Object.hasOwn(turnout.called, institution.id) ? turnout.called[institution.id]! : null),
    ]);
  }
  rows.push(['guests', GUEST_WORDS.many, '', '', registered.get(null) ?? 0, turnout.guests, '', '', '']);
  const sections = new Set([...institutions.map((i) => i.section), ...Object.keys(turnout.headcounts)]);
  for (const section of sections) {
    const members = institutions.filter((i) => i.section === section);
    const named = members.reduce((total, i) => total + inFor(i.id), 0);
    const committed = members.reduce((t, i) => t + i.committed, 0);
    const signedUp = members.reduce((t, i) => t + (registered.get(i.id) ?? 0), 0);
    rows.push([
      'section',
      section || '(no section)',
      section,
      committed,
      signedUp,
      named,
      percentOf(named, committed),
      sectionHeadcount(turnout, section),
      '',
    ]);
  }
  const committed = institutions.reduce((total, i) => total + i.committed, 0);
  const total = namedTotal(turnout);
  rows.push([
    'total',
    'Total',
    '',
    committed,
    state.attendance.registrants.length,
    total,
    percentOf(total, committed),
    headcountTotal(turnout),
    '',
  ]);
  return csv(rows);
}

/** Everyone checked in, counted once; contact details only where the person consented. */
export function attendeesCsv(state: AssemblyState): string {
  const names = new Map(state.institutions.map((i) => [i.id, i.name]));
  const time = timesOf(state);
  const rows: (string | number)[][] = [
    [
      'name',
      'institution',
      'guest_organisation',
      time.header('checked_in_at'),
      'came_in_by',
      'door',
      'registered',
      'contact',
      'consent',
    ],
  ];
  const checkIns = valuesOf(state.attendance.checkIns)
    .filter((c) => c.undoneAt === null)
    .sort((a, b) => a.at - b.at);
  for (const c of checkIns) {
    rows.push([
      c.name,
      c.institutionId === null ? GUEST_WORDS.one : (names.get(c.institutionId) ?? c.institutionId),
      c.guestOf,
      time.at(c.at),
      CHECK_IN_METHOD_LABELS[c.method],
      c.device,
      c.registrantId === null ? 'no' : 'yes',
      c.consent ? c.contact : '',
      c.consent ? 'yes' : 'no',
    ]);
  }
  return csv(rows);
}

/**
 * Everyone registered, with their ticket link, before the night as after it (attendees.csv
 * lists only those checked in): for a mail merge sending each person their ticket.
 */
export function registrantsCsv(state: AssemblyState, base: string): string {
  const names = new Map(state.institutions.map((i) => [i.id, i.name]));
  const time = timesOf(state);
  const rows: (string | number)[][] = [
    ['name', 'institution', 'email', 'ticket_link', time.header('checked_in_at'), 'came_in_by'],
  ];
  const { registrants, admitted, checkIns } = state.attendance;
  for (const r of registrants) {
    const checkInId = lookup(admitted, r.id);
    const found = checkInId === undefined ? undefined : lookup(checkIns, checkInId);
    const checkIn = found && found.undoneAt === null ? found : undefined;
    rows.push([
      r.name,
      r.institutionId === null ? GUEST_WORDS.one : (names.get(r.institutionId) ?? r.institutionId),
      r.email,
      `${base}${ticketPath(r.ticket)}`,
      time.at(checkIn?.at ?? null),
      checkIn ? CHECK_IN_METHOD_LABELS[checkIn.method] : '',
    ]);
  }
  return csv(rows);
}

/**
 * Every answer recorded, oldest first: a changed answer keeps both, and the one that
 * stands now is marked. A power-holder with none: absent (empty chair) or no answer yet.
 */
export function responsesCsv(state: AssemblyState): string {
  const time = timesOf(state);
  const rows: (string | number)[][] = [
    [
      'ask_id',
      'ask',
      'power_holder',
      'role',
      'organisation',
      'answer',
      'note',
      time.header('recorded_at'),
      'is_current_answer',
    ],
  ];
  for (const ask of state.asks) {
    for (const holderId of ask.targetIds) {
      const holder = state.powerHolders.find((p) => p.id === holderId);
      const history = historyOf(state.responses, ask.id, holderId);
      const base = [
        ask.id,
        ask.title,
        holder?.name ?? holderId,
        holder?.role ?? '',
        holder?.organisation ?? '',
      ];
      if (history.length === 0)
        rows.push([
          ...base,
          holder?.attending === false ? NO_ANSWER_WORDS.absent : NO_ANSWER_WORDS.pending,
          '',
          '',
          '',
        ]);
      history.forEach((entry, i) => {
        rows.push([
          ...base,
          entry.answer,
          entry.note,
          time.at(entry.at),
          i === history.length - 1 ? 'yes' : 'no',
        ]);
      });
    }
  }
  return csv(rows);
}
