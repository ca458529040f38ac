import { useLayoutEffect, useState } from 'react';
import { useAssembly } from '../connection/assemblyStore';

/**
 * The server's time, for a component whose face is a function of it. `nextChangeAt(now)`
 * says when that face next changes (server time; null: never by itself), and the component
 * re-renders then and only then: in the first frame after the instant passes, so every
 * screen with a good clock estimate flips together, instead of each on its own interval.
 *
 * Each wait is measured afresh from the clock to an absolute instant, so nothing drifts;
 * a new timer (start, pause, ±30 s) or a new clock estimate reschedules at once. Hidden
 * tabs draw nothing (their frames stop, their timeouts are throttled), and the first
 * frame after they are shown again draws the current face.
 */
export function useServerNow(nextChangeAt: (now: number) => number | null): number {
  const offsetMs = useAssembly((s) => s.clockOffsetMs);
  // Bumped when the instant passes: the render that follows has a later `next`, which
  // schedules the one after (every nextChangeAt answers an instant after its `now`).
  const [, setPassed] = useState(0);
  const now = Date.now() + offsetMs;
  const next = nextChangeAt(now);
  // A layout effect: the next wait is set as the frame is drawn, not a frame later, so an
  // instant right after this one (the millisecond from "0:00" to "+0:00") is not missed.
  useLayoutEffect(() => {
    if (next === null) return;
    let timeout: ReturnType<typeof setTimeout> | undefined;
    let frame: number | undefined;
    const arm = () => {
      clearTimeout(timeout);
      if (frame !== undefined) cancelAnimationFrame(frame);
      frame = undefined;
      const wait = next - (Date.now() + offsetMs);
      // A timeout may wake a millisecond early by the wall clock: it waits again.
      if (wait > 0) timeout = setTimeout(arm, wait);
      else
        frame = requestAnimationFrame(() => {
          // Past it (unless the wall clock was just put back: then wait again).
          if (Date.now() + offsetMs >= next) setPassed((n) => n + 1);
          else arm();
        });
    };
    arm();
    // A tab shown again may still have a throttled timeout pending: look again at once.
    const onVisible = () => document.visibilityState === 'visible' && arm();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(timeout);
      if (frame !== undefined) cancelAnimationFrame(frame);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [next, offsetMs]);
  return now;
}
