import { describe, expect, it } from 'vitest';
import { describeOverrun, schedule } from '../../shared/domain/schedule';
import { assembly, MIN, T0 } from './fixtures';

describe('projected finish', () => {
  it('before the start: the planned start plus the whole agenda', () => {
    const s = schedule(assembly(), T0 - 30 * MIN);
    expect(s.plannedStarts).toEqual([T0, T0 + 5 * MIN, T0 + 15 * MIN]);
    expect(s.projectedEndsAt).toBe(T0 + 18 * MIN);
    expect(s.overByMs).toBe(-2 * MIN);
  });

  it('a late start pushes the finish', () => {
    expect(schedule(assembly(), T0 + 10 * MIN).overByMs).toBe(8 * MIN);
  });

  it('during an item: its remaining time plus what follows', () => {
    const state = assembly(
      { type: 'itemEntered', itemId: 'story' },
      { type: 'timerStarted', at: T0 + 5 * MIN },
    );
    expect(schedule(state, T0 + 8 * MIN).projectedEndsAt).toBe(T0 + 8 * MIN + 7 * MIN + 3 * MIN);
  });

  it('an overrunning speaker pushes the finish as it happens', () => {
    const state = assembly({ type: 'itemEntered', itemId: 'story' }, { type: 'timerStarted', at: T0 });
    const s = schedule(state, T0 + 14 * MIN);
    expect(s.projectedEndsAt).toBe(T0 + 14 * MIN + 3 * MIN);
    expect(s.overByMs).toBe(-3 * MIN);
    expect(schedule(state, T0 + 21 * MIN).overByMs).toBe(4 * MIN);
  });

  it.each([
    { over: null, text: 'no planned finish' },
    { over: 4 * MIN, text: '+4 min over' },
    { over: 20_000, text: 'on time' },
    { over: -6 * MIN, text: '6 min early' },
  ])('describeOverrun($over) is "$text"', ({ over, text }) => {
    expect(describeOverrun(over)).toBe(text);
  });
});
