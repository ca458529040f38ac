import { z } from 'zod';
import { cleanLines, cleanText, LINE_BREAK } from './peoplesText';

const oneLine = (schema: z.ZodString) =>
  schema.refine((value) => !LINE_BREAK.test(value), 'must be one line (no line breaks)');

/**
 * Free text from people, on one line (a name, a title, a label): cleaned, trimmed, bounded,
 * never markup-interpreted anywhere. A line break is refused: in a spreadsheet it would
 * hide what follows it (and papaparse's formula check stops at it).
 */
export const text = (max: number) =>
  z
    .string()
    .transform(cleanText)
    .pipe(oneLine(z.string().max(max, `must be at most ${max} characters`)));
export const requiredText = (max: number) =>
  z
    .string()
    .transform(cleanText)
    .pipe(oneLine(z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`)));
/** Text that may run over several lines: an ask's wording, the chair's notes, a follow-up. */
export const multilineText = (max: number) =>
  z
    .string()
    .transform(cleanLines)
    .pipe(z.string().max(max, `must be at most ${max} characters`));
export const requiredMultilineText = (max: number) =>
  z
    .string()
    .transform(cleanLines)
    .pipe(z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`));

/** Ids used to cross-reference a setup file (an ask's targets, an item's ask). */
export const idField = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, 'letters, digits, - and _ only (at most 40)');

/** Made on a device (crypto.randomUUID): lets a retried or queued command count once. */
export const checkInId = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be a UUID');

const MIN_TIME = Date.UTC(2000, 0, 1);
const MAX_TIME = Date.UTC(2200, 0, 1);

/** A moment as epoch milliseconds or an ISO 8601 string; normalised to epoch milliseconds. */
export const moment = z
  .union([z.number().int(), z.string().trim().min(1).max(40)])
  .transform((value, ctx) => {
    const ms = typeof value === 'number' ? value : Date.parse(value);
    if (!Number.isFinite(ms) || ms < MIN_TIME || ms > MAX_TIME) {
      ctx.addIssue({ code: 'custom', message: 'not a date and time (use ISO 8601, e.g. 2026-11-28T18:00)' });
      return z.NEVER;
    }
    return ms;
  });

/** An IANA time zone the runtime knows ("Europe/London"), or '' for the server's own. */
export const timeZoneField = z
  .string()
  .trim()
  .max(64)
  .refine((zone) => zone === '' || isTimeZone(zone), 'not a time zone (use one like Europe/London)');

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Turns a zod error into one line a person can act on: "agenda.3.minutes: too big". */
export function describeIssues(error: z.ZodError, limit = 5): string {
  const lines = error.issues.slice(0, limit).map((issue) => {
    const path = issue.path.join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length - lines.length;
  return lines.join('; ') + (more > 0 ? `; and ${more} more` : '');
}
