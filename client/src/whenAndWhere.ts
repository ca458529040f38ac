import type { AssemblyDetails } from '../../shared/domain/assembly';

/** When and where an assembly is, as a poster, a table card or a ticket says it. */
export interface WhenAndWhere {
  /** "Saturday 6 June 2026" */
  date: string | null;
  /** "18:00 to 20:00", or "18:00" with no planned finish. */
  time: string | null;
  venue: string | null;
  /** What the organiser has not given yet, in words: ["date and start time", "venue"]. */
  missing: string[];
}

type Details = Pick<AssemblyDetails, 'startsAt' | 'endsAt' | 'venue' | 'timeZone'>;

/**
 * In the assembly's own time zone when it has one: the sheets are printed on whatever laptop
 * is to hand, whose clock may be set to another zone, and read in the hall.
 */
export function whenAndWhere(details: Details, locale?: string): WhenAndWhere {
  const zone = validZone(details.timeZone);
  const day = (ms: number, weekday: boolean) =>
    new Date(ms).toLocaleDateString(locale, {
      ...(weekday ? { weekday: 'long' as const } : {}),
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: zone,
    });
  const clock = (ms: number) =>
    new Date(ms).toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit', timeZone: zone });
  const { startsAt, endsAt } = details;
  const venue = details.venue.trim() || null;
  const missing: string[] = [];
  if (startsAt === null) missing.push('date and start time');
  if (!venue) missing.push('venue');
  if (startsAt === null) return { date: null, time: null, venue, missing };
  let time = clock(startsAt);
  if (endsAt !== null && endsAt > startsAt) {
    const sameDay = day(endsAt, false) === day(startsAt, false);
    time += sameDay ? ` to ${clock(endsAt)}` : ` to ${day(endsAt, true)}, ${clock(endsAt)}`;
  }
  return { date: day(startsAt, true), time, venue, missing };
}

/** One line: "Saturday 6 June 2026, 18:00 to 20:00 · St Mary's Hall" (what is known of it). */
export const whenAndWhereLine = ({ date, time, venue }: WhenAndWhere): string =>
  [[date, time].filter(Boolean).join(', '), venue].filter(Boolean).join(' · ');

function validZone(zone: string): string | undefined {
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}
