import { ANSWER_LOOK, type ResponseEntry } from '../../shared/domain/responses';

/** "18:05" in the device's own time zone: the room reads the clock on the wall. */
export const formatTimeOfDay = (ms: number): string =>
  new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** "28 November 2026" (with `weekday`, "Saturday 28 November 2026") in the device's own locale. */
export const formatDate = (ms: number, weekday = false): string =>
  new Date(ms).toLocaleDateString([], {
    ...(weekday ? { weekday: 'long' as const } : {}),
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });

/** 1,234: counts the room reads at a glance. */
export const formatCount = (n: number): string => n.toLocaleString('en-GB');

/** The answers before the standing one: "WAFFLE at 19:02; NO (“not now”) at 19:03". */
export const formatEarlierAnswers = (history: readonly ResponseEntry[]): string =>
  history
    .slice(0, -1)
    .map((e) => `${ANSWER_LOOK[e.answer].word}${e.note ? ` (“${e.note}”)` : ''} at ${formatTimeOfDay(e.at)}`)
    .join('; ');
