import Papa from 'papaparse';
import { z } from 'zod';
import type { Institution } from '../../shared/domain/assembly';
import { describeIssues, requiredText, text } from '../../shared/protocol/fields';
import { LIMITS } from '../../shared/protocol/limits';

// Registrants arrive from the organiser's spreadsheet (CSV) or another system (JSON):
// name, institution (its name or id; empty for a guest), email.

const rowSchema = z
  .object({
    name: requiredText(LIMITS.personName),
    institution: text(LIMITS.title).default(''),
    email: text(LIMITS.contact).default(''),
  })
  // An unknown column (a "phone", a misspelt "instituton") is refused, never silently dropped.
  .strict();

export interface RegistrantRow {
  name: string;
  institutionId: string | null;
  email: string;
}

export type RegistrantsResult =
  | { ok: true; registrants: RegistrantRow[] }
  | { ok: false; problems: string[] };

const normalise = (name: string) => name.trim().toLocaleLowerCase('en-GB').replace(/\s+/g, ' ');

/** Rows from a CSV file with a header line (name, institution, email; any order and case). */
export function rowsFromCsv(csv: string): { rows: unknown[]; problems: string[] } {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (header) => normalise(header),
  });
  // A short row (a name and nothing else) is fine: its missing cells are empty.
  const problems = parsed.errors
    .filter((e) => e.code !== 'TooFewFields')
    .slice(0, 10)
    .map((e) => `row ${(e.row ?? 0) + 2}: ${e.message}`);
  const fields = parsed.meta.fields ?? [];
  if (!fields.includes('name'))
    problems.unshift('The first line must name the columns: name, institution, email.');
  return { rows: parsed.data, problems };
}

/** Checks every row and finds each institution; any problem and nothing is imported. */
export function registrantsFrom(
  rows: unknown[],
  institutions: Institution[],
  firstRow = 1,
): RegistrantsResult {
  if (rows.length === 0) return { ok: false, problems: ['There are no registrants in it.'] };
  if (rows.length > LIMITS.registrants)
    return { ok: false, problems: [`At most ${LIMITS.registrants} registrants at a time.`] };
  const byName = new Map(institutions.map((i) => [normalise(i.name), i.id]));
  const ids = new Set(institutions.map((i) => i.id));
  const problems: string[] = [];
  const registrants: RegistrantRow[] = [];
  rows.forEach((row, index) => {
    const where = `row ${index + firstRow}`;
    const parsed = rowSchema.safeParse(row);
    if (!parsed.success) {
      problems.push(`${where}: ${describeIssues(parsed.error, 2)}`);
      return;
    }
    const { name, institution, email } = parsed.data;
    let institutionId: string | null = null;
    if (institution !== '') {
      institutionId = ids.has(institution) ? institution : (byName.get(normalise(institution)) ?? null);
      if (institutionId === null) {
        problems.push(`${where}: institution "${institution.slice(0, 60)}" is not in this assembly`);
        return;
      }
    }
    registrants.push({ name, institutionId, email });
  });
  return problems.length > 0 ? { ok: false, problems: problems.slice(0, 20) } : { ok: true, registrants };
}
