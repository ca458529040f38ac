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
