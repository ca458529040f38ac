import { describe, expect, it } from 'vitest';
import {
  adjustTimer,
  elapsedMs,
  formatClock,
  formatDuration,
  pauseTimer,
  remainingMs,
  startTimer,
  timerTone,
} from '../../shared/domain/timer';

const T0 = 1_800_000_000_000;

describe('timer math', () => {
  it.each([
    {
      name: 'idle',
      timer: { durationMs: 60_000, startedAt: null, accumulatedMs: 0 },
      now: T0,
      remaining: 60_000,
    },
    {
      name: 'running 10 s',
      timer: { durationMs: 60_000, startedAt: T0, accumulatedMs: 0 },
      now: T0 + 10_000,
      remaining: 50_000,
    },
    {
      name: 'paused after 20 s',
      timer: { durationMs: 60_000, startedAt: null, accumulatedMs: 20_000 },
      now: T0 + 99_000,
      remaining: 40_000,
    },
    {
      name: 'resumed',
      timer: { durationMs: 60_000, startedAt: T0, accumulatedMs: 20_000 },
      now: T0 + 5_000,
      remaining: 35_000,
    },
    {
      name: 'overtime',
      timer: { durationMs: 60_000, startedAt: T0, accumulatedMs: 0 },
      now: T0 + 75_000,
      remaining: -15_000,
    },
    {
      name: 'clock behind start',
      timer: { durationMs: 60_000, startedAt: T0, accumulatedMs: 0 },
      now: T0 - 500,
      remaining: 60_000,
    },
  ])('$name', ({ timer, now, remaining }) => {
    expect(remainingMs(timer, now)).toBe(remaining);
  });

  it('start, pause and resume accumulate running time only', () => {
    let timer = { durationMs: 120_000, startedAt: null as number | null, accumulatedMs: 0 };
    timer = startTimer(timer, T0);
    timer = pauseTimer(timer, T0 + 30_000);
    expect(timer).toEqual({ durationMs: 120_000, startedAt: null, accumulatedMs: 30_000 });
    timer = startTimer(timer, T0 + 100_000);
    expect(startTimer(timer, T0 + 101_000)).toBe(timer);
    expect(elapsedMs(timer, T0 + 110_000)).toBe(40_000);
  });

  it.each([
    { deltaMs: 30_000, duration: 90_000 },
    { deltaMs: -30_000, duration: 30_000 },
    { deltaMs: -120_000, duration: 0 },
  ])('adjust by $deltaMs gives $duration', ({ deltaMs, duration }) => {
    expect(adjustTimer({ durationMs: 60_000, startedAt: null, accumulatedMs: 0 }, deltaMs).durationMs).toBe(
      duration,
    );
  });

  it.each([
    { left: 31_000, tone: 'normal' },
    { left: 30_000, tone: 'warning' },
    { left: 1, tone: 'warning' },
    { left: 0, tone: 'overtime' },
    { left: -5_000, tone: 'overtime' },
  ])('$left ms left is $tone', ({ left, tone }) => {
    const timer = { durationMs: 60_000, startedAt: null, accumulatedMs: 60_000 - left };
    expect(timerTone(timer, 30_000, T0)).toBe(tone);
  });

  it.each([
    {
      name: 'an idle timer with no allowance',
      timer: { durationMs: 0, startedAt: null, accumulatedMs: 0 },
      tone: 'normal',
    },
    {
      name: 'a timer taken to zero, then started',
      timer: { durationMs: 0, startedAt: T0, accumulatedMs: 0 },
      tone: 'overtime',
    },
    {
      name: 'a paused timer taken below its elapsed time',
      timer: { durationMs: 0, startedAt: null, accumulatedMs: 4_000 },
      tone: 'overtime',
    },
  ])('$name is $tone', ({ timer, tone }) => {
    expect(timerTone(timer, 30_000, T0 + 5_000)).toBe(tone);
  });

  it.each([
    { ms: 300_000, text: '5:00' },
    { ms: 299_001, text: '5:00' },
    { ms: 299_000, text: '4:59' },
    { ms: 9_500, text: '0:10' },
    { ms: 1, text: '0:01' },
    { ms: 0, text: '0:00' },
    { ms: -999, text: '+0:00' },
    { ms: -12_000, text: '+0:12' },
    { ms: -125_000, text: '+2:05' },
    { ms: 3_723_000, text: '1:02:03' },
  ])('formatClock($ms) is $text', ({ ms, text }) => {
    expect(formatClock(ms)).toBe(text);
  });

  it.each([
    { ms: 45_000, text: '45 s' },
    { ms: 90_000, text: '1 min 30 s' },
    { ms: 300_000, text: '5 min' },
    { ms: 3_900_000, text: '1 h 5 min' },
    { ms: 7_200_000, text: '2 h' },
  ])('formatDuration($ms) is $text', ({ ms, text }) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
