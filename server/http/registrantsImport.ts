import { z } from 'zod';
import type { Institution } from '../../shared/domain/assembly';
import {
  type CsvPreview,
  previewCsvInSteps,
  type RegistrantRow,
  rowProblems,
  validRows,
} from '../../shared/protocol/csvImport';
import { describeIssues } from '../../shared/protocol/fields';
import { LIMITS } from '../../shared/protocol/limits';

// Registrants arrive from the organiser's spreadsheet (CSV) or another system (JSON rows
// with the same columns). Both are checked by the shared CSV rules the browser's preview
// uses; any bad row and nothing is imported.

export type { RegistrantRow };

export type RegistrantsResult =
  | { ok: true; registrants: RegistrantRow[] }
  | { ok: false; problems: string[] };

function verdict(preview: CsvPreview<'registrants'>, onlyValid = false): RegistrantsResult {
  if (preview.fileProblems.length > 0) return { ok: false, problems: preview.fileProblems };
  const problems = rowProblems(preview);
  // The organiser saw the bad rows in the preview and chose to leave them out.
  if (onlyValid && validRows(preview).length > 0) return { ok: true, registrants: validRows(preview) };
  return problems.length > 0
    ? { ok: false, problems: problems.slice(0, 20) }
    : { ok: true, registrants: validRows(preview) };
}

/** Lets the server's other work (the night's check-ins) run between two steps of an import. */
export const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

export const registrantsFromCsv = async (
  csv: string,
  institutions: Institution[],
  onlyValid = false,
): Promise<RegistrantsResult> =>
  verdict(await previewCsvInSteps('registrants', csv, { institutions, powerHolders: [] }, pause), onlyValid);

const jsonRow = z
  .object({ name: z.unknown(), institution: z.unknown().optional(), email: z.unknown().optional() })
  // An unknown field (a "phone", a misspelt "instituton") is refused, never silently dropped.
  .strict();

/** JSON rows, numbered from 1, checked as the same rows in a CSV file would be. */
export async function registrantsFromJson(
  rows: unknown[],
  institutions: Institution[],
): Promise<RegistrantsResult> {
  if (rows.length === 0) return { ok: false, problems: ['There are no registrants in it.'] };
  if (rows.length > LIMITS.registrants)
    return { ok: false, problems: [`At most ${LIMITS.registrants} registrants at a time.`] };
  const problems: string[] = [];
  const cells: string[][] = [];
  for (const [i, row] of rows.entries()) {
    if (i % 1000 === 0) await pause();
    const shape = jsonRow.safeParse(row);
    const ok = shape.success && Object.values(row as object).every((v) => typeof v === 'string');
    if (!shape.success) problems.push(`row ${i + 1}: ${describeIssues(shape.error, 2)}`);
    else if (!ok) problems.push(`row ${i + 1}: name, institution and email must be text`);
    const r = (ok ? row : {}) as Record<string, string>;
    cells.push([r.name ?? '', r.institution ?? '', r.email ?? '']);
  }
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, 20) };
  // Through the CSV reader, so a row means the same whichever way it came.
  const csv = [['name', 'institution', 'email'], ...cells]
    .map((line) => line.map((v) => `"${v.replace(/"/g, '""')}"`).join(','))
    .join('\r\n');
  const result = verdict(
    await previewCsvInSteps('registrants', csv, { institutions, powerHolders: [] }, pause),
  );
  // JSON rows count from 1, not from the CSV's header line.
  return result.ok
    ? result
    : {
        ok: false,
        problems: result.problems.map((p) => p.replace(/^row (\d+)/, (_, n) => `row ${Number(n) - 1}`)),
      };
}
