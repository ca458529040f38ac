import type { Timer } from './assembly';

export function elapsedMs(timer: Timer, now: number): number {
  const running = timer.startedAt === null ? 0 : Math.max(0, now - timer.startedAt);
  return timer.accumulatedMs + running;
}

/** Negative once the speaker is over time. */
export function remainingMs(timer: Timer, now: number): number {
  return timer.durationMs - elapsedMs(timer, now);
}

export const isRunning = (timer: Timer): boolean => timer.startedAt !== null;

export type TimerTone = 'normal' | 'warning' | 'overtime';

/**
 * Amber within the warning, red once no time is left. A timer that has run (or still has
 * an allowance) is judged on the time left, even after the chair took the allowance to
 * zero; an idle timer with no allowance at all is just a clock at 0:00.
 */
export function timerTone(timer: Timer, warningMs: number, now: number): TimerTone {
  const left = remainingMs(timer, now);
  const used = timer.durationMs > 0 || elapsedMs(timer, now) > 0;
  if (!used) return 'normal';
  if (left <= 0) return 'overtime';
  return left <= warningMs ? 'warning' : 'normal';
}

/** When a running timer's allowance is used up (server time); null while paused. */
export function timerEndsAt(timer: Timer): number | null {
  return timer.startedAt === null ? null : timer.startedAt + timer.durationMs - timer.accumulatedMs;
}

/**
 * The first server time after `now` at which a timer's face changes: its digits
 * (formatClock of the time left) or its tone (timerTone). Null while paused, as a stopped
 * clock never changes by itself. Every screen that redraws at this instant flips together.
 * Counting down, "0:05" gives way to "0:04" when exactly 4 s are left; the warning and
 * overtime tones begin exactly at their thresholds; at time up the clock reads "0:00"
 * (red) and, server time being whole milliseconds, "+0:00" from the next millisecond.
 */
export function nextClockChangeAt(timer: Timer, warningMs: number, now: number): number | null {
  const endsAt = timerEndsAt(timer);
  if (endsAt === null) return null;
  // Before its start (this device's estimate of the server's time a little behind the
  // chair's press) the clock holds still, as elapsedMs does.
  const from = Math.max(now, timer.startedAt!);
  const left = endsAt - from;
  if (left > 0) {
    const digits = endsAt - (Math.ceil(left / 1000) - 1) * 1000;
    return warningMs > 0 && left > warningMs ? Math.min(digits, endsAt - warningMs) : digits;
  }
  if (left === 0) return from + 1;
  return endsAt + (Math.floor(-left / 1000) + 1) * 1000;
}

export function startTimer(timer: Timer, now: number): Timer {
  return timer.startedAt === null ? { ...timer, startedAt: now } : timer;
}

export function pauseTimer(timer: Timer, now: number): Timer {
  return timer.startedAt === null
    ? timer
    : { ...timer, startedAt: null, accumulatedMs: elapsedMs(timer, now) };
}

export function adjustTimer(timer: Timer, deltaMs: number): Timer {
  return { ...timer, durationMs: Math.max(0, timer.durationMs + deltaMs) };
}

/**
 * "4:05" counting down; once over, "+0:12" counting up. Counting down shows whole seconds
 * rounded up, so the clock reads 0:00 exactly when time is up, never before.
 */
export function formatClock(ms: number): string {
  const over = ms < 0;
  const totalSeconds = over ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const mmss = `${hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}` : minutes}:${String(seconds).padStart(2, '0')}`;
  return over ? `+${mmss}` : mmss;
}

/** "25 min", "1 h 5 min", "45 s": planned durations on the run of show. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const totalMinutes = Math.round(totalSeconds / 60);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours === 0) {
    const rest = totalSeconds % 60;
    return rest === 0 || totalSeconds >= 600
      ? `${totalMinutes} min`
      : `${Math.floor(totalSeconds / 60)} min ${rest} s`;
  }
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}
