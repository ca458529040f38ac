import type { Institution } from './assembly';
import type { RollCallOrder, Turnout } from './turnout';
import { headcountTotal, namedTotal, sumOf } from './turnout';

export interface RollCallRow {
  institution: Institution;
  checkedIn: number;
  /** Actual against commitment, 0..1 (capped: the bar stops at full, the number does not). */
  share: number;
  called: boolean;
}

export interface RollCallBoard {
  rows: RollCallRow[];
  total: number;
  committed: number;
  guests: number;
  headcount: number;
}

const bySection = (a: RollCallRow, b: RollCallRow) =>
  a.institution.section.localeCompare(b.institution.section) ||
  a.institution.name.localeCompare(b.institution.name);
const byCount = (a: RollCallRow, b: RollCallRow) =>
  b.checkedIn - a.checkedIn || a.institution.name.localeCompare(b.institution.name);

/** The roll call as the room sees it: every institution, committed against checked in. */
export function rollCallBoard(
  institutions: Institution[],
  turnout: Turnout,
  order: RollCallOrder,
): RollCallBoard {
  const rows = institutions.map((institution) => {
    const checkedIn = turnout.byInstitution[institution.id] ?? 0;
    const share = institution.committed > 0 ? Math.min(1, checkedIn / institution.committed) : 0;
    return { institution, checkedIn, share, called: Object.hasOwn(turnout.called, institution.id) };
  });
  rows.sort(order === 'section' ? bySection : byCount);
  return {
    rows,
    total: namedTotal(turnout),
    committed: sumOf(Object.fromEntries(institutions.map((i) => [i.id, i.committed]))),
    guests: turnout.guests,
    headcount: headcountTotal(turnout),
  };
}

/** Pages of the board for a screen that shows `perPage` rows at a time. */
export function pageOf<T>(
  rows: T[],
  perPage: number,
  page: number,
): { rows: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / perPage));
  const current = ((page % pages) + pages) % pages;
  return { rows: rows.slice(current * perPage, (current + 1) * perPage), page: current, pages };
}
