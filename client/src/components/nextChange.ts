import { type AssemblyState, currentIndex } from '../../../shared/domain/assembly';
import { schedule } from '../../../shared/domain/schedule';
import { isRunning, remainingMs, timerEndsAt } from '../../../shared/domain/timer';

// When the faces that tell server time next change, for useServerNow. The timer's own
// is nextClockChangeAt, in shared/domain/timer.ts.

/** The first point after `value` on a grid of `step` through `phase`. */
const nextOnGrid = (value: number, step: number, phase = 0): number =>
  phase + (Math.floor((value - phase) / step) + 1) * step;

/**
 * When the chair's projected finish next changes (server time). While the current item's
 * timer runs with time left, or before the planned start, the projection holds still;
 * otherwise it moves with the clock, and its face changes when it crosses a minute (the
 * time of day), a half minute of the overrun (which rounds to whole minutes), or a minute
 * over (when it turns red).
 */
export function nextFinishChangeAt(state: AssemblyState, now: number): number {
  const timer = state.live.timer;
  if (currentIndex(state) < 0) {
    if (state.startsAt !== null && now < state.startsAt) return state.startsAt;
  } else if (isRunning(timer) && remainingMs(timer, now) > 0) return timerEndsAt(timer)!;
  const projected = schedule(state, now).projectedEndsAt;
  // Time zones are whole minutes from UTC: local minutes turn on UTC's.
  let next = nextOnGrid(projected, 60_000);
  if (state.endsAt !== null) {
    next = Math.min(next, nextOnGrid(projected, 60_000, state.endsAt + 30_000));
    if (projected < state.endsAt + 60_000) next = Math.min(next, state.endsAt + 60_000);
  }
  return now + (next - projected);
}

/**
 * When the roll call board's page next turns (server time), as pageToShow turns it: as the
 * hold on a just-called institution's page ends, else at the next page time. Null with one
 * page only.
 */
export function nextPageTurnAt(
  pageCount: number,
  called: Record<string, number>,
  now: number,
  turnMs: number,
  holdMs: number,
): number | null {
  if (pageCount <= 1) return null;
  let latest = Number.NEGATIVE_INFINITY;
  for (const at of Object.values(called)) latest = Math.max(latest, at);
  const turn = nextOnGrid(now, turnMs);
  return now < latest + holdMs ? Math.min(turn, latest + holdMs) : turn;
}
