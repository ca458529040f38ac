import Papa from 'papaparse';
import { z } from 'zod';
import { closestName, nameKey } from '../domain/closestName';
import { GUEST_WORDS } from '../domain/turnout';
import { describeIssues, requiredMultilineText, requiredText, text } from './fields';
import { LIMITS } from './limits';

// Spreadsheets in: institutions, registrants, power-holders and asks as CSV. The same code
// reads the file in the organiser's browser (the preview) and on the server (which checks
// again), so both say the same thing about the same row.

export const CSV_KINDS = ['institutions', 'registrants', 'powerHolders', 'asks'] as const;
export type CsvKind = (typeof CSV_KINDS)[number];

export const CSV_KIND_WORDS: Record<CsvKind, string> = {
  institutions: 'institutions',
  registrants: 'registrants',
  powerHolders: 'power-holders',
  asks: 'asks',
};

const CSV_KIND_ONE: Record<CsvKind, string> = {
  institutions: 'institution',
  registrants: 'registrant',
  powerHolders: 'power-holder',
  asks: 'ask',
};

/** "1 power-holder", "3 power-holders": said to organisers, so it reads as English. */
export const countOf = (kind: CsvKind, n: number): string =>
  `${n} ${n === 1 ? CSV_KIND_ONE[kind] : CSV_KIND_WORDS[kind]}`;

/** "1 row", "14 rows". */
export const rowsCount = (n: number): string => `${n} row${n === 1 ? '' : 's'}`;

/**
 * Problems in one line, for an error message: joined with "; ", except after a sentence
 * that already ends with its own full stop ("…committed.; Unknown columns" reads badly).
 */
export const problemsInOneLine = (problems: readonly string[]): string =>
  problems.reduce((line, p) => (line === '' ? p : `${line}${/[.?!]$/.test(line) ? ' ' : '; '}${p}`), '');

/** Columns, the first required; a template file shows them with example rows. */
export const CSV_COLUMNS: Record<CsvKind, readonly string[]> = {
  institutions: ['name', 'section', 'committed'],
  registrants: ['name', 'institution', 'email'],
  powerHolders: ['name', 'role', 'organisation', 'attending'],
  asks: ['title', 'wording', 'targets'],
};

const EXAMPLES: Record<CsvKind, string[][]> = {
  institutions: [
    ["St Mary's Church", 'Stalls', '25'],
    ['Riverside Primary School', 'Balcony', '15'],
  ],
  registrants: [
    ['Amina Yusuf', "St Mary's Church", 'amina@example.org'],
    ['Tom Baker', '', ''],
  ],
  powerHolders: [
    ['Cllr Jo Bloggs', 'Leader of the Council', 'Riverside Council', 'yes'],
    ['Sam Smith', 'Chief Executive', 'Riverside Housing', 'no'],
  ],
  asks: [
    [
      'Safe homes',
      'Will you meet us within 30 days to agree a plan for safe homes?',
      'Cllr Jo Bloggs; Sam Smith',
    ],
  ],
};

/** A template to fill in: the header line and two example rows. */
export const csvTemplate = (kind: CsvKind): string =>
  `${Papa.unparse({ fields: [...CSV_COLUMNS[kind]], data: EXAMPLES[kind] })}\r\n`;

export interface InstitutionRow {
  name: string;
  section: string;
  committed: number;
}
export interface RegistrantRow {
  name: string;
  institutionId: string | null;
  email: string;
}
export interface PowerHolderRow {
  name: string;
  role: string;
  organisation: string;
  attending: boolean;
}
export interface AskRow {
  title: string;
  wording: string;
  targetIds: string[];
}
interface RowValues {
  institutions: InstitutionRow;
  registrants: RegistrantRow;
  powerHolders: PowerHolderRow;
  asks: AskRow;
}

export interface CheckedRow<K extends CsvKind> {
  /** The spreadsheet's own row number (the header is row 1). */
  row: number;
  cells: Record<string, string>;
  value: RowValues[K] | null;
  problems: string[];
}

export interface CsvPreview<K extends CsvKind> {
  kind: K;
  /** Problems with the file as a whole (no header, wrong columns): nothing can be imported. */
  fileProblems: string[];
  rows: CheckedRow<K>[];
}

/** What the rows are checked against: the assembly (or the organiser's draft) as it stands. */
export interface CsvContext {
  institutions: readonly { id: string; name: string }[];
  powerHolders: readonly { id: string; name: string }[];
}

const MAX_ROWS: Record<CsvKind, number> = {
  institutions: LIMITS.institutions,
  registrants: LIMITS.registrants,
  powerHolders: LIMITS.powerHolders,
  asks: LIMITS.asks,
};

const header = (name: string) => name.trim().toLocaleLowerCase('en-GB').replace(/\s+/g, ' ');

const cell = (max: number) => text(max).default('');
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Digits with the usual separators, at least 6 digits: "+44 20 7946 0000", "(020) 7946-0000".
const PHONE = /^\+?(?:[\s().-]*\d){6,}[\s().-]*$/;
const ROW_SCHEMAS = {
  institutions: z.object({
    name: requiredText(LIMITS.title),
    section: cell(LIMITS.sectionName),
    committed: cell(10).pipe(
      z.string().regex(/^\d{0,6}$/, 'must be a whole number (people), or empty for none'),
    ),
  }),
  registrants: z.object({
    name: requiredText(LIMITS.personName),
    institution: cell(LIMITS.title),
    // The same as the check-in form's "Email or phone": a way to reach the person, or nothing.
    email: cell(LIMITS.contact).pipe(
      z
        .string()
        .refine(
          (v) => v === '' || EMAIL.test(v) || PHONE.test(v),
          'must be an email address or a phone number, or empty',
        ),
    ),
  }),
  powerHolders: z.object({
    name: requiredText(LIMITS.title),
    role: cell(LIMITS.title),
    organisation: cell(LIMITS.title),
    attending: cell(10).pipe(
      z
        .string()
        .transform((v) => v.toLocaleLowerCase('en-GB'))
        .pipe(z.enum(['', 'yes', 'no', 'y', 'n', 'true', 'false'], 'must be yes or no')),
    ),
  }),
  asks: z.object({
    title: requiredText(LIMITS.title),
    wording: requiredMultilineText(LIMITS.wording),
    targets: cell(2000),
  }),
} as const;

/** Finds a name among the known ones, or says it is not there and what it might be. */
function find(
  what: string,
  typed: string,
  known: readonly { id: string; name: string }[],
): { id: string } | { problem: string } {
  const found = known.find((k) => nameKey(k.name) === nameKey(typed) || k.id === typed);
  if (found) return { id: found.id };
  const quoted = typed.slice(0, 60);
  const near = closestName(
    typed,
    known.map((k) => k.name),
  );
  return { problem: `${what} '${quoted}' not found${near ? `; did you mean ${near}?` : ''}` };
}

/** One record of the file, with the spreadsheet row it sits on (the header is row 1). */
interface CsvRecord {
  row: number;
  cells: string[];
  quoteProblem: boolean;
}

/**
 * Reads the file record by record, counting every record (blank ones too) so a problem is
 * reported on the row the organiser sees in the spreadsheet, even after blank rows or a cell
 * holding several lines.
 */
function readRecords(csv: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), {
    header: false,
    skipEmptyLines: false,
    step: (result) => {
      records.push({
        row: records.length + 1,
        cells: result.data,
        quoteProblem: result.errors.some((e) => e.type === 'Quotes'),
      });
    },
  });
  return records;
}

const blank = (record: CsvRecord) => record.cells.every((c) => c.trim() === '');

// Cells that name something: a line break in one is almost always a quote left open in
// the spreadsheet, and would print as two names on the door's list.
const MULTI_LINE_COLUMNS = new Set(['wording', 'targets']);

/** Reads a CSV file and checks every row; nothing is imported here. */
export function previewCsv<K extends CsvKind>(kind: K, csv: string, context: CsvContext): CsvPreview<K> {
  const columns = CSV_COLUMNS[kind];
  const records = readRecords(csv);
  const headerRecord = records.find((r) => !blank(r));
  if (!headerRecord) return { kind, fileProblems: ['The file is empty.'], rows: [] };
  const fields = headerRecord.cells.map(header);
  const named = fields.filter((f) => f !== '');
  const dataRecords = records.filter((r) => r.row > headerRecord.row && !blank(r));
  const fileProblems: string[] = [];
  // An unclosed quote swallows every later row into one cell: nothing in the file can be
  // trusted, so none of it is imported.
  const unclosed = records.find((r) => r.quoteProblem);
  if (unclosed)
    fileProblems.push(
      `row ${unclosed.row}: a quote is never closed (or is followed by more text), so the rows after it cannot be read. Fix that cell and choose the file again.`,
    );
  if (!named.includes(columns[0]!))
    fileProblems.push(`The first line must name the columns: ${columns.join(', ')}.`);
  const unknown = named.filter((f) => !columns.includes(f));
  // A misspelt "instituton" would otherwise be dropped without a word.
  if (unknown.length > 0)
    fileProblems.push(
      `Unknown column${unknown.length > 1 ? 's' : ''}: ${unknown.map((f) => `"${f.slice(0, 30)}"`).join(', ')}. The columns are: ${columns.join(', ')}.`,
    );
  if (dataRecords.length === 0 && fileProblems.length === 0)
    fileProblems.push(`There are no ${CSV_KIND_WORDS[kind]} in it.`);
  if (dataRecords.length > MAX_ROWS[kind])
    fileProblems.push(`At most ${MAX_ROWS[kind]} ${CSV_KIND_WORDS[kind]} in one assembly.`);
  if (fileProblems.length > 0) return { kind, fileProblems, rows: [] };

  const seen = new Map<string, number>();
  const rows = dataRecords.map((record): CheckedRow<K> => {
    const { row } = record;
    const cells: Record<string, string> = {};
    for (const column of columns) {
      const at = fields.indexOf(column);
      cells[column] = at >= 0 ? (record.cells[at] ?? '') : '';
    }
    const problems: string[] = [];
    const extra = record.cells.slice(fields.length).filter((c) => c.trim() !== '');
    if (extra.length > 0) problems.push(`has more cells than there are columns (${fields.length})`);
    for (const column of columns)
      if (!MULTI_LINE_COLUMNS.has(column) && /[\r\n]/.test(cells[column] ?? ''))
        problems.push(`${column}: must be on one line (is a quote left open?)`);
    const checked = ROW_SCHEMAS[kind].safeParse(cells);
    if (!checked.success) problems.push(describeIssues(checked.error, 3));
    if (!checked.success || problems.length > 0) return { row, cells, value: null, problems };
    const value = resolve(kind, checked.data as never, context, problems);
    // The first cell names the row: the same name twice in one file is a mistake.
    const key = nameKey(cells[columns[0]!] ?? '');
    const earlier = seen.get(key);
    if (kind !== 'registrants' && earlier !== undefined)
      problems.push(`'${cells[columns[0]!]?.slice(0, 60)}' is also on row ${earlier}`);
    else seen.set(key, row);
    return { row, cells, value: problems.length === 0 ? (value as RowValues[K]) : null, problems };
  });
  return { kind, fileProblems, rows };
}

function resolve(kind: CsvKind, data: Record<string, string>, context: CsvContext, problems: string[]) {
  switch (kind) {
    case 'institutions': {
      if (context.institutions.some((i) => nameKey(i.name) === nameKey(data.name!)))
        problems.push(`institution '${data.name!.slice(0, 60)}' is already in the assembly`);
      return { name: data.name!, section: data.section!, committed: Number(data.committed || 0) };
    }
    case 'powerHolders': {
      if (context.powerHolders.some((p) => nameKey(p.name) === nameKey(data.name!)))
        problems.push(`power-holder '${data.name!.slice(0, 60)}' is already in the assembly`);
      const attending = !['no', 'n', 'false'].includes(data.attending!);
      return { name: data.name!, role: data.role!, organisation: data.organisation!, attending };
    }
    case 'registrants': {
      let institutionId: string | null = null;
      // The exports write "Guest" for a guest: a file exported and edited comes back in, unless
      // a member institution is really called that.
      const guest =
        nameKey(data.institution!) === nameKey(GUEST_WORDS.one) &&
        !context.institutions.some((i) => nameKey(i.name) === nameKey(GUEST_WORDS.one));
      if (data.institution !== '' && !guest) {
        const found = find('institution', data.institution!, context.institutions);
        if ('problem' in found) problems.push(found.problem);
        else institutionId = found.id;
      }
      return { name: data.name!, institutionId, email: data.email! };
    }
    case 'asks': {
      const names = data
        .targets!.split(/[;\n]/)
        .map((t) => t.trim())
        .filter((t) => t !== '');
      const targetIds: string[] = [];
      for (const name of names) {
        const found = find('power-holder', name, context.powerHolders);
        if ('problem' in found) problems.push(found.problem);
        else if (!targetIds.includes(found.id)) targetIds.push(found.id);
      }
      return { title: data.title!, wording: data.wording!, targetIds };
    }
    default:
      return kind satisfies never;
  }
}

export const validRows = <K extends CsvKind>(preview: CsvPreview<K>): RowValues[K][] =>
  preview.rows.flatMap((r) => (r.value ? [r.value] : []));

/** "row 14: institution 'St Marys' not found; did you mean St Mary's?" */
export const rowProblems = (preview: CsvPreview<CsvKind>): string[] =>
  preview.rows.flatMap((r) => r.problems.map((p) => `row ${r.row}: ${p}`));
