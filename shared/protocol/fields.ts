import { z } from 'zod';

/** Free text from people: trimmed, bounded, never markup-interpreted anywhere. */
export const text = (max: number) => z.string().trim().max(max);
export const requiredText = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

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

/** Turns a zod error into one line a person can act on: "agenda.3.minutes: too big". */
export function describeIssues(error: z.ZodError, limit = 5): string {
  const lines = error.issues.slice(0, limit).map((issue) => {
    const path = issue.path.join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length - lines.length;
  return lines.join('; ') + (more > 0 ? `; and ${more} more` : '');
}
