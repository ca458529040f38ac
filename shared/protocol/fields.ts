import { z } from 'zod';

// Control characters and invisible formatting (zero-width spaces, direction overrides)
// make a name that looks empty, or reads backwards, on the door's list and in exports.
// biome-ignore lint/complexity/useRegexLiterals: a literal would hold raw control characters
const INVISIBLE = new RegExp(
  '[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF]',
  'g',
);

/**
 * Half of a character: a UTF-16 surrogate without its partner, left when an emoji is cut in
 * two. PostgreSQL's jsonb refuses it, and no font can draw it: it is removed, never stored.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HAS_LONE_SURROGATE = new RegExp(LONE_SURROGATE.source);
/** Line and paragraph breaks, which a one-line field (a name, a title) must not hold. */
const LINE_BREAK = /[\n\r\u2028\u2029]/;

const visible = (value: string): string =>
  value.replace(INVISIBLE, '').replace(LONE_SURROGATE, '').replace(/\t/g, ' ');
/** People's text as it will be kept: invisible characters and half characters gone, trimmed. */
export const cleanText = (value: string): string => visible(value).trim();
/**
 * As cleanText, keeping line breaks (normalised to \n) in text that may run over lines, and
 * each line's indentation.
 */
const cleanLines = (value: string): string =>
  value
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .split('\n')
    .map((line) => visible(line).trimEnd())
    .join('\n')
    .trim();

/** True when a string holds no half characters: it can be stored and drawn as it is. */
export const isWellFormed = (value: string): boolean => !HAS_LONE_SURROGATE.test(value);

/** Cuts text to at most `max` UTF-16 units without cutting a character in half. */
export function cutText(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

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
