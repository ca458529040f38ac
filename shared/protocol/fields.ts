import { z } from 'zod';

// Control characters and invisible formatting (zero-width spaces, direction overrides)
// make a name that looks empty, or reads backwards, on the door's list and in exports.
// biome-ignore lint/complexity/useRegexLiterals: a literal would hold raw control characters
const INVISIBLE = new RegExp(
  '[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF]',
  'g',
);

/** Free text from people: cleaned, trimmed, bounded, never markup-interpreted anywhere. */
export const text = (max: number) =>
  z
    .string()
    .transform((value) => value.replace(INVISIBLE, '').trim())
    .pipe(z.string().max(max, `must be at most ${max} characters`));
export const requiredText = (max: number) =>
  z
    .string()
    .transform((value) => value.replace(INVISIBLE, '').trim())
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
