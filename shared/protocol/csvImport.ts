import Papa from 'papaparse';
import { z } from 'zod';
import {
  closestName,
  nameKey,
  SUGGESTION_CELLS,
  type SuggestionBudget,
  suggestionBudget,
} from '../domain/closestName';
import { GUEST_WORDS } from '../domain/turnout';
import { describeIssues, requiredMultilineText, requiredText, text } from './fields';
import { LIMITS } from './limits';
import { cutText } from './peoplesText';

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

/**
 * The names a file's rows are looked up in, indexed once per file: a 20,000-row file against
 * 2,000 institutions must not compare every row with every name (that froze the server).
 */
interface FileLookups {
  institutions: KnownNames;
  powerHolders: KnownNames;
}

interface KnownNames {
  byKey: Map<string, string>;
  ids: Set<string>;
  names: string[];
  keys: string[];
  /** "Did you mean" for each name not found, worked out once per distinct name. */
  suggested: Map<string, string | null>;
  /** What is left of the file's allowance for working out suggestions (suggestionBudget). */
  budget: SuggestionBudget;
}

function knownNames(known: readonly { id: string; name: string }[], budget: SuggestionBudget): KnownNames {
  const keys = known.map((k) => nameKey(k.name));
  const byKey = new Map<string, string>();
  for (const [i, k] of known.entries()) if (!byKey.has(keys[i]!)) byKey.set(keys[i]!, k.id);
  const names = known.map((k) => k.name);
  return { byKey, ids: new Set(known.map((k) => k.id)), names, keys, suggested: new Map(), budget };
}

/** Finds a name among the known ones, or says it is not there and what it might be. */
function find(what: string, typed: string, known: KnownNames): { id: string } | { problem: string } {
  const key = nameKey(typed);
  const id = known.byKey.get(key) ?? (known.ids.has(typed) ? typed : undefined);
  if (id !== undefined) return { id };
  const quoted = cutText(typed, 60);
  let near = known.suggested.get(key);
  if (near === undefined) {
    near = closestName(typed, known.names, known.budget, known.keys);
    known.suggested.set(key, near);
  }
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
  const file = readCsvFile(kind, csv, context);
  return { kind, fileProblems: file.fileProblems, rows: file.records.map(file.check) };
}

/**
 * previewCsv a slice of rows at a time, letting the server's other work in between: a
 * 20,000-row file is checked without holding up the night's check-ins.
 */
export async function previewCsvInSteps<K extends CsvKind>(
  kind: K,
  csv: string,
  context: CsvContext,
  pause: () => Promise<void>,
  rowsPerStep = ROWS_PER_STEP,
): Promise<CsvPreview<K>> {
  await pause();
  const file = readCsvFile(kind, csv, context);
  const rows: CheckedRow<K>[] = [];
  for (let at = 0; at < file.records.length; at += rowsPerStep) {
    await pause();
    for (const record of file.records.slice(at, at + rowsPerStep)) rows.push(file.check(record));
  }
  return { kind, fileProblems: file.fileProblems, rows };
}

/** Rows checked in one step; each step may spend a budget of suggestions. */
const ROWS_PER_STEP = 500;

/** A file read into records, with its problems as a whole and a checker for each row. */
interface CsvFile<K extends CsvKind> {
  fileProblems: string[];
  records: CsvRecord[];
  check: (record: CsvRecord) => CheckedRow<K>;
}

function readCsvFile<K extends CsvKind>(kind: K, csv: string, context: CsvContext): CsvFile<K> {
  const columns = CSV_COLUMNS[kind];
  const records = readRecords(csv);
  const headerRecord = records.find((r) => !blank(r));
  const refused = (fileProblems: string[]): CsvFile<K> => ({
    fileProblems,
    records: [],
    check: () => {
      throw new Error('no rows to check');
    },
  });
  if (!headerRecord) return refused(['The file is empty.']);
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
      `Unknown column${unknown.length > 1 ? 's' : ''}: ${unknown.map((f) => `"${cutText(f, 30)}"`).join(', ')}. The columns are: ${columns.join(', ')}.`,
    );
  if (dataRecords.length === 0 && fileProblems.length === 0)
    fileProblems.push(`There are no ${CSV_KIND_WORDS[kind]} in it.`);
  if (dataRecords.length > MAX_ROWS[kind])
    fileProblems.push(`At most ${MAX_ROWS[kind]} ${CSV_KIND_WORDS[kind]} in one assembly.`);
  if (fileProblems.length > 0) return refused(fileProblems);

  const seen = new Map<string, number>();
  const budget = suggestionBudget();
  const known: FileLookups = {
    institutions: knownNames(context.institutions, budget),
    powerHolders: knownNames(context.powerHolders, budget),
  };
  let rowsChecked = 0;
  const check = (record: CsvRecord): CheckedRow<K> => {
    // Suggestions cost at most so much per slice of rows, here and in previewCsvInSteps alike.
    if (rowsChecked++ % ROWS_PER_STEP === 0) budget.cells = SUGGESTION_CELLS;
    const { row } = record;
    const cells: Record<string, string> = {};
    for (const column of columns) {
      const at = fields.indexOf(column);
      cells[column] = at >= 0 ? (record.cells[at] ?? '') : '';
    }
    const problems: string[] = [];
    const extra = record.cells.slice(fields.length).filter((c) => c.trim() !== '');
    if (extra.length > 0) problems.push(`has more cells than there are columns (${fields.length})`);
    // Said here in the spreadsheet's terms; the schema then reads the cell as one line.
    const oneLine = { ...cells };
    for (const column of columns)
      if (!MULTI_LINE_COLUMNS.has(column) && /[\r\n]/.test(cells[column] ?? '')) {
        problems.push(`${column}: must be on one line (is a quote left open?)`);
        oneLine[column] = cells[column]!.replace(/[\r\n]+/g, ' ');
      }
    const checked = ROW_SCHEMAS[kind].safeParse(oneLine);
    if (!checked.success) problems.push(describeIssues(checked.error, 3));
    if (!checked.success || problems.length > 0) return { row, cells, value: null, problems };
    const value = resolve(kind, checked.data as never, known, problems);
    // The first cell names the row: the same name twice in one file is a mistake.
    const key = nameKey(cells[columns[0]!] ?? '');
    const earlier = seen.get(key);
    if (kind !== 'registrants' && earlier !== undefined)
      problems.push(`'${cutText(cells[columns[0]!] ?? '', 60)}' is also on row ${earlier}`);
    else seen.set(key, row);
    return { row, cells, value: problems.length === 0 ? (value as RowValues[K]) : null, problems };
  };
  return { fileProblems, records: dataRecords, check };
}

function resolve(kind: CsvKind, data: Record<string, string>, known: FileLookups, problems: string[]) {
  switch (kind) {
    case 'institutions': {
      if (known.institutions.byKey.has(nameKey(data.name!)))
        problems.push(`institution '${cutText(data.name!, 60)}' is already in the assembly`);
      return { name: data.name!, section: data.section!, committed: Number(data.committed || 0) };
    }
    case 'powerHolders': {
      if (known.powerHolders.byKey.has(nameKey(data.name!)))
        problems.push(`power-holder '${cutText(data.name!, 60)}' is already in the assembly`);
      const attending = !['no', 'n', 'false'].includes(data.attending!);
      return { name: data.name!, role: data.role!, organisation: data.organisation!, attending };
    }
    case 'registrants': {
      let institutionId: string | null = null;
      // The exports write "Guest" for a guest: a file exported and edited comes back in, unless
      // a member institution is really called that.
      const guest =
        nameKey(data.institution!) === nameKey(GUEST_WORDS.one) &&
        !known.institutions.byKey.has(nameKey(GUEST_WORDS.one));
      if (data.institution !== '' && !guest) {
        const found = find('institution', data.institution!, known.institutions);
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
        const found = find('power-holder', name, known.powerHolders);
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
