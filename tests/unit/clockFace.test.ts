import { describe, expect, it } from 'vitest';
import { nextFinishChangeAt, nextPageTurnAt } from '../../client/src/components/nextChange';
import { bestSample, sampleFrom, withSample } from '../../client/src/connection/clockOffset';
import type { AssemblyState, Timer } from '../../shared/domain/assembly';
import { describeOverrun, schedule } from '../../shared/domain/schedule';
import { formatClock, nextClockChangeAt, remainingMs, timerTone } from '../../shared/domain/timer';
import { assembly, MIN, T0 } from './fixtures';

/** What a screen shows of a timer: its digits and its tone. */
const face = (timer: Timer, warningMs: number, now: number) =>
  `${formatClock(remainingMs(timer, now))} ${timerTone(timer, warningMs, now)}`;

/** The face holds from `now` until just before `next` and differs at `next`, millisecond by millisecond. */
function expectFirstChangeAt(show: (now: number) => string, now: number, next: number) {
  expect(next).toBeGreaterThan(now);
  const before = show(now);
  for (let t = now; t < next; t++)
    if (show(t) !== before) expect.fail(`changed at ${t - now} ms, before ${next - now} ms`);
  expect(show(next), `at ${next - now} ms`).not.toBe(before);
}

const running = (durationMs: number, accumulatedMs = 0): Timer => ({
  durationMs,
  startedAt: T0,
  accumulatedMs,
});

describe('when a timer next changes on screen', () => {
  it('never, while paused or idle', () => {
    for (const timer of [
      { durationMs: 60_000, startedAt: null, accumulatedMs: 0 },
      { durationMs: 60_000, startedAt: null, accumulatedMs: 75_250 },
      { durationMs: 0, startedAt: null, accumulatedMs: 0 },
    ])
      expect(nextClockChangeAt(timer, 10_000, T0)).toBeNull();
  });

  it('counting down, when the next whole second is left', () => {
    const timer = running(60_000);
    expect(face(timer, 10_000, T0)).toBe('1:00 normal');
    expect(nextClockChangeAt(timer, 10_000, T0)).toBe(T0 + 1_000);
    expect(nextClockChangeAt(timer, 10_000, T0 + 1)).toBe(T0 + 1_000);
    expect(nextClockChangeAt(timer, 10_000, T0 + 999)).toBe(T0 + 1_000);
    expect(nextClockChangeAt(timer, 10_000, T0 + 1_000)).toBe(T0 + 2_000);
    // Paused after 20.3 s and resumed at T0: its seconds turn 0.3 s off T0's.
    expect(nextClockChangeAt(running(60_000, 20_300), 10_000, T0)).toBe(T0 + 700);
  });

  it('at the warning, and at time up: red 0:00, then +0:00 a millisecond later', () => {
    const timer = running(60_000);
    expect(nextClockChangeAt(timer, 10_000, T0 + 49_500)).toBe(T0 + 50_000);
    expect(face(timer, 10_000, T0 + 50_000)).toBe('0:10 warning');
    // A warning off the second still lands at its own instant.
    expect(nextClockChangeAt(timer, 10_500, T0 + 49_000)).toBe(T0 + 49_500);
    expect(face(timer, 10_500, T0 + 49_500)).toBe('0:11 warning');
    expect(nextClockChangeAt(timer, 10_000, T0 + 59_200)).toBe(T0 + 60_000);
    expect(face(timer, 10_000, T0 + 60_000)).toBe('0:00 overtime');
    expect(nextClockChangeAt(timer, 10_000, T0 + 60_000)).toBe(T0 + 60_001);
    expect(face(timer, 10_000, T0 + 60_001)).toBe('+0:00 overtime');
  });

  it('in overtime, counting up each whole second over', () => {
    const timer = running(60_000);
    expect(nextClockChangeAt(timer, 10_000, T0 + 60_001)).toBe(T0 + 61_000);
    expect(nextClockChangeAt(timer, 10_000, T0 + 61_000)).toBe(T0 + 62_000);
    expect(face(timer, 10_000, T0 + 61_000)).toBe('+0:01 overtime');
    expect(nextClockChangeAt(timer, 10_000, T0 + 3_660_999)).toBe(T0 + 3_661_000);
  });

  it('holds still before its start (a device whose estimate is behind the chair)', () => {
    expect(nextClockChangeAt(running(60_000), 10_000, T0 - 300)).toBe(T0 + 1_000);
    // No allowance at all: "0:00", red from the first millisecond of running.
    expect(nextClockChangeAt(running(0), 10_000, T0 - 300)).toBe(T0 + 1);
  });

  it('is exactly the first instant the face changes, for any timer', () => {
    let seed = 7;
    const random = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % below;
    };
    for (let i = 0; i < 300; i++) {
      const timer = {
        durationMs: random(4) === 0 ? 0 : random(90_000),
        startedAt: T0 + random(3_000),
        accumulatedMs: random(3) === 0 ? random(100_000) : 0,
      };
      const warningMs = [0, 10_000, 30_000, 12_345][random(4)]!;
      let now = T0 + random(120_000);
      // Follow the clock from each change to the next, as the screen does.
      for (let step = 0; step < 4; step++) {
        const next = nextClockChangeAt(timer, warningMs, now)!;
        expectFirstChangeAt((t) => face(timer, warningMs, t), now, next);
        now = next;
      }
    }
  });
});

describe('when the projected finish next changes', () => {
  /** The chair's line, with the time of day as a UTC minute. */
  const show = (state: AssemblyState) => (now: number) => {
    const { projectedEndsAt, overByMs } = schedule(state, now);
    return `${Math.floor(projectedEndsAt / MIN)} ${describeOverrun(overByMs)} ${overByMs! >= MIN}`;
  };

  it('holds while the timer runs with time left, and before the planned start', () => {
    const state = assembly({ type: 'itemEntered', itemId: 'story' }, { type: 'timerStarted', at: T0 });
    expect(nextFinishChangeAt(state, T0 + 3 * MIN)).toBe(T0 + 10 * MIN);
    expect(nextFinishChangeAt(assembly(), T0 - 30 * MIN)).toBe(T0);
  });

  it('moves with the clock in overtime, paused, or after a late start', () => {
    const overtime = assembly(
      { type: 'itemEntered', itemId: 'story' },
      { type: 'timerStarted', at: T0 + 7_300 },
    );
    const paused = assembly(
      { type: 'itemEntered', itemId: 'story' },
      { type: 'timerStarted', at: T0 + 1_234 },
      { type: 'timerPaused', at: T0 + 3 * MIN },
    );
    for (const [state, from] of [
      [overtime, T0 + 10 * MIN + 9_000],
      [paused, T0 + 4 * MIN],
      [assembly(), T0 + 2 * MIN + 4_321],
    ] as const) {
      let now = from;
      for (let step = 0; step < 5; step++) {
        const next = nextFinishChangeAt(state, now);
        expectFirstChangeAt(show(state), now, next);
        now = next;
      }
    }
  });
});

describe('when the roll call turns its page', () => {
  it('never with one page; else on the page time, or when a called page has been held', () => {
    expect(nextPageTurnAt(1, {}, T0, 12_000, 30_000)).toBeNull();
    const grid = Math.ceil((T0 + 1) / 12_000) * 12_000;
    expect(nextPageTurnAt(3, {}, T0, 12_000, 30_000)).toBe(grid);
    expect(nextPageTurnAt(3, { a: T0 - 29_990 }, T0, 12_000, 30_000)).toBe(T0 + 10);
    expect(nextPageTurnAt(3, { a: T0 - 40_000 }, T0, 12_000, 30_000)).toBe(grid);
  });
});

describe('the clock offset samples', () => {
  it('keeps the samples that agree, and trusts the smallest round trip', () => {
    let samples = withSample([], sampleFrom(0, 520, 40)); // offset 500 ± 20
    samples = withSample(samples, sampleFrom(1_000, 1_505, 1_010)); // 500 ± 5
    samples = withSample(samples, sampleFrom(2_000, 2_530, 2_060)); // 500 ± 30
    expect(samples).toHaveLength(3);
    expect(bestSample(samples)).toEqual({ offsetMs: 500, roundTripMs: 10 });
  });

  it('drops older samples that a newer one contradicts: a clock moved', () => {
    let samples = withSample([], sampleFrom(0, 501, 2)); // 500 ± 1, the best there is
    samples = withSample(samples, sampleFrom(1_000, 1_310, 1_020)); // 300 ± 10: the device's clock was put forward
    expect(bestSample(samples)).toEqual({ offsetMs: 300, roundTripMs: 20 });
  });

  it('keeps the last ten', () => {
    let samples: ReturnType<typeof withSample> = [];
    for (let i = 0; i < 15; i++)
      samples = withSample(samples, sampleFrom(i * 1000, i * 1000 + 500 + i, i * 1000 + 2 * i));
    expect(samples).toHaveLength(10);
  });
});
