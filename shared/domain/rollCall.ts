import type { Institution } from './assembly';
import { ownValue } from './ownKeys';
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
    const checkedIn = ownValue(turnout.byInstitution, institution.id) ?? 0;
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

export type BoardLine =
  | { kind: 'section'; name: string; continued: boolean }
  | { kind: 'row'; row: RollCallRow };

/** Columns of lines, page by page. */
export type BoardPages = BoardLine[][][];

/**
 * Lays the board out in columns of `perColumn` lines and pages of `columns` columns. By
 * section, each section starts with its heading (never alone at a column's foot) and a
 * column that continues a section says so at its top.
 */
export function layOutBoard(
  rows: RollCallRow[],
  bySection: boolean,
  perColumn: number,
  columns: number,
): BoardPages {
  const pages: BoardPages = [];
  let page: BoardLine[][] = [];
  let column: BoardLine[] = [];
  let section: string | null = null;
  const closeColumn = () => {
    page.push(column);
    column = [];
    if (page.length === columns) {
      pages.push(page);
      page = [];
    }
  };
  for (const row of rows) {
    const starts = bySection && row.institution.section !== section;
    if (starts) {
      section = row.institution.section;
      if (section !== '') {
        if (column.length >= perColumn - 1) closeColumn();
        column.push({ kind: 'section', name: section, continued: false });
      }
    }
    if (column.length >= perColumn) {
      closeColumn();
      if (bySection && section) column.push({ kind: 'section', name: section, continued: true });
    }
    column.push({ kind: 'row', row });
  }
  if (column.length > 0) closeColumn();
  if (page.length > 0) pages.push(page);
  return pages.length > 0 ? pages : [[[]]];
}

/** The page to show: the one with the institution just called (for `holdMs`), else in turn. */
export function pageToShow(
  pages: BoardPages,
  called: Record<string, number>,
  now: number,
  turnMs: number,
  holdMs = 30_000,
): number {
  let latest: [string, number] | null = null;
  for (const [id, at] of Object.entries(called)) if (!latest || at > latest[1]) latest = [id, at];
  if (latest && now - latest[1] < holdMs) {
    const id = latest[0];
    const found = pages.findIndex((page) =>
      page.some((column) => column.some((line) => line.kind === 'row' && line.row.institution.id === id)),
    );
    if (found >= 0) return found;
  }
  return Math.floor(now / turnMs) % pages.length;
}
