import { type AssemblyState, currentIndex } from './assembly';
import { remainingMs } from './timer';

export interface Schedule {
  /** Planned start of each agenda item, chained from the assembly's planned start. */
  plannedStarts: (number | null)[];
  plannedTotalMs: number;
  projectedEndsAt: number;
  /** Positive when the assembly is running over its planned finish; null without one. */
  overByMs: number | null;
}

/**
 * Where the night is heading: the current item's remaining time (never less than zero;
 * an overrunning speaker pushes the finish out as it happens) plus every later item's plan.
 */
export function schedule(
  state: Pick<AssemblyState, 'agenda' | 'live' | 'startsAt' | 'endsAt'>,
  now: number,
): Schedule {
  const plannedStarts: (number | null)[] = [];
  let cursor = state.startsAt;
  for (const item of state.agenda) {
    plannedStarts.push(cursor);
    if (cursor !== null) cursor += item.durationMs;
  }
  const plannedTotalMs = state.agenda.reduce((sum, item) => sum + item.durationMs, 0);

  const index = currentIndex(state);
  let projectedEndsAt: number;
  if (index < 0) {
    projectedEndsAt = Math.max(now, state.startsAt ?? now) + plannedTotalMs;
  } else {
    const rest = state.agenda.slice(index + 1).reduce((sum, item) => sum + item.durationMs, 0);
    projectedEndsAt = now + Math.max(0, remainingMs(state.live.timer, now)) + rest;
  }
  return {
    plannedStarts,
    plannedTotalMs,
    projectedEndsAt,
    overByMs: state.endsAt === null ? null : projectedEndsAt - state.endsAt,
  };
}

/** "+4 min over", "6 min early", "on time": rounded to whole minutes for the chair. */
export function describeOverrun(overByMs: number | null): string {
  if (overByMs === null) return 'no planned finish';
  const minutes = Math.round(overByMs / 60_000);
  if (minutes === 0) return 'on time';
  return minutes > 0 ? `+${minutes} min over` : `${-minutes} min early`;
}
