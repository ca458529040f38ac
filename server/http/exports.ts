import Papa from 'papaparse';
import type { AssemblyState } from '../../shared/domain/assembly';
import { lookup, valuesOf } from '../../shared/domain/register';
import { ticketPath } from '../../shared/domain/tickets';
import {
  CHECK_IN_METHOD_LABELS,
  headcountTotal,
  namedTotal,
  sectionHeadcount,
} from '../../shared/domain/turnout';

// The organiser's record of turnout, for spreadsheets. Cells that start like a formula are
// escaped, so a name typed as "=HYPERLINK(...)" stays text when the file is opened.

const csv = (rows: (string | number)[][]) => `${Papa.unparse(rows, { escapeFormulae: true })}\r\n`;
const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());

/** Per institution, then guests, per section (named check-ins against the headcount), and the total. */
export function turnoutCsv(state: AssemblyState): string {
  const { turnout, institutions } = state;
  const rows: (string | number)[][] = [
    ['kind', 'name', 'section', 'committed', 'checked_in', 'headcount', 'called_at'],
  ];
  for (const institution of institutions) {
    rows.push([
      'institution',
      institution.name,
      institution.section,
      institution.committed,
      turnout.byInstitution[institution.id] ?? 0,
      '',
      iso(turnout.called[institution.id] ?? null),
    ]);
  }
  rows.push(['guests', 'Guests and others', '', '', turnout.guests, '', '']);
  const sections = new Set([...institutions.map((i) => i.section), ...Object.keys(turnout.headcounts)]);
  for (const section of sections) {
    const named = institutions
      .filter((i) => i.section === section)
      .reduce((total, i) => total + (turnout.byInstitution[i.id] ?? 0), 0);
    const committed = institutions.filter((i) => i.section === section).reduce((t, i) => t + i.committed, 0);
    rows.push([
      'section',
      section || '(no section)',
      section,
      committed,
      named,
      sectionHeadcount(turnout, section),
      '',
    ]);
  }
  const committed = institutions.reduce((total, i) => total + i.committed, 0);
  rows.push(['total', 'Total', '', committed, namedTotal(turnout), headcountTotal(turnout), '']);
  return csv(rows);
}

/** Everyone checked in; contact details only where the person consented. */
export function attendeesCsv(state: AssemblyState): string {
  const names = new Map(state.institutions.map((i) => [i.id, i.name]));
  const rows: (string | number)[][] = [
    ['name', 'institution', 'guest_of', 'checked_in_at', 'method', 'device', 'contact', 'consent'],
  ];
  const checkIns = valuesOf(state.attendance.checkIns)
    .filter((c) => c.undoneAt === null)
    .sort((a, b) => a.at - b.at);
  for (const c of checkIns) {
    rows.push([
      c.name,
      c.institutionId === null ? '' : (names.get(c.institutionId) ?? c.institutionId),
      c.guestOf,
      iso(c.at),
      CHECK_IN_METHOD_LABELS[c.method],
      c.device,
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
  const rows: (string | number)[][] = [['name', 'institution', 'email', 'ticket_link', 'checked_in_at']];
  const { registrants, admitted, checkIns } = state.attendance;
  for (const r of registrants) {
    const checkInId = lookup(admitted, r.id);
    const checkIn = checkInId === undefined ? undefined : lookup(checkIns, checkInId);
    rows.push([
      r.name,
      r.institutionId === null ? '' : (names.get(r.institutionId) ?? r.institutionId),
      r.email,
      `${base}${ticketPath(r.ticket)}`,
      iso(checkIn && checkIn.undoneAt === null ? checkIn.at : null),
    ]);
  }
  return csv(rows);
}

/** Every answer recorded, oldest first, the standing one marked: a changed answer keeps both. */
export function responsesCsv(state: AssemblyState): string {
  const rows: (string | number)[][] = [
    ['ask_id', 'ask', 'power_holder', 'role', 'organisation', 'answer', 'note', 'recorded_at', 'standing'],
  ];
  for (const ask of state.asks) {
    for (const holderId of ask.targetIds) {
      const holder = state.powerHolders.find((p) => p.id === holderId);
      const history = state.responses[ask.id]?.[holderId] ?? [];
      const base = [
        ask.id,
        ask.title,
        holder?.name ?? holderId,
        holder?.role ?? '',
        holder?.organisation ?? '',
      ];
      if (history.length === 0)
        rows.push([...base, holder?.attending === false ? 'not attending' : 'pending', '', '', '']);
      history.forEach((entry, i) => {
        rows.push([
          ...base,
          entry.answer,
          entry.note,
          iso(entry.at),
          i === history.length - 1 ? 'yes' : 'no',
        ]);
      });
    }
  }
  return csv(rows);
}
