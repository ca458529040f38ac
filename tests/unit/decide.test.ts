import { describe, expect, it } from 'vitest';
import type { AssemblyState } from '../../shared/domain/assembly';
import { decide } from '../../shared/domain/decide';
import { evolveAll } from '../../shared/domain/evolve';
import type { Command } from '../../shared/protocol/commands';
import { assembly, ctx, MIN, T0 } from './fixtures';

const at = (state: AssemblyState, command: Command, now = T0) => decide(state, command, ctx(now));

describe('decide: what a command means in a state', () => {
  const fresh = assembly();
  const onStory = assembly({ type: 'itemEntered', itemId: 'story' });
  const running = assembly({ type: 'itemEntered', itemId: 'story' }, { type: 'timerStarted', at: T0 });
  const closed = assembly({ type: 'assemblyClosed', at: T0 });

  it.each<{ name: string; state: AssemblyState; command: Command; events?: unknown[]; code?: string }>([
    {
      name: 'next from the start enters the first item',
      state: fresh,
      command: { type: 'nextItem', fromItemId: null },
      events: [{ type: 'itemEntered', itemId: 'welcome' }],
    },
    {
      name: 'next moves one on',
      state: onStory,
      command: { type: 'nextItem', fromItemId: 'story' },
      events: [{ type: 'itemEntered', itemId: 'close' }],
    },
    {
      name: 'a stale next (double press) is a no-op',
      state: onStory,
      command: { type: 'nextItem', fromItemId: 'welcome' },
      events: [],
    },
    {
      name: 'next past the end is refused',
      state: assembly({ type: 'itemEntered', itemId: 'close' }),
      command: { type: 'nextItem', fromItemId: 'close' },
      code: 'end_of_agenda',
    },
    {
      name: 'previous moves back',
      state: onStory,
      command: { type: 'previousItem', fromItemId: 'story' },
      events: [{ type: 'itemEntered', itemId: 'welcome' }],
    },
    {
      name: 'previous before the start is refused',
      state: fresh,
      command: { type: 'previousItem', fromItemId: null },
      code: 'end_of_agenda',
    },
    {
      name: 'jump to an item',
      state: fresh,
      command: { type: 'goToItem', itemId: 'close' },
      events: [{ type: 'itemEntered', itemId: 'close' }],
    },
    {
      name: 'jump to the current item changes nothing',
      state: onStory,
      command: { type: 'goToItem', itemId: 'story' },
      events: [],
    },
    {
      name: 'jump to an unknown item',
      state: fresh,
      command: { type: 'goToItem', itemId: 'nope' },
      code: 'unknown_item',
    },
    { name: 'start with no item', state: fresh, command: { type: 'startTimer' }, code: 'no_current_item' },
    {
      name: 'start',
      state: onStory,
      command: { type: 'startTimer' },
      events: [{ type: 'timerStarted', at: T0 }],
    },
    { name: 'start while running is a no-op', state: running, command: { type: 'startTimer' }, events: [] },
    {
      name: 'pause',
      state: running,
      command: { type: 'pauseTimer' },
      events: [{ type: 'timerPaused', at: T0 }],
    },
    { name: 'pause while paused is a no-op', state: onStory, command: { type: 'pauseTimer' }, events: [] },
    { name: 'reset a fresh timer is a no-op', state: onStory, command: { type: 'resetTimer' }, events: [] },
    {
      name: 'reset a running timer',
      state: running,
      command: { type: 'resetTimer' },
      events: [{ type: 'timerReset' }],
    },
    {
      name: 'add 30 s',
      state: onStory,
      command: { type: 'adjustTimer', deltaMs: 30_000 },
      events: [{ type: 'timerAdjusted', deltaMs: 30_000 }],
    },
    {
      name: 'same scene is a no-op',
      state: fresh,
      command: { type: 'setScene', scene: 'agenda' },
      events: [],
    },
    {
      name: 'show the join QR',
      state: fresh,
      command: { type: 'setScene', scene: 'join' },
      events: [{ type: 'sceneChanged', scene: 'join' }],
    },
    { name: 'clear with no message is a no-op', state: fresh, command: { type: 'clearMessage' }, events: [] },
    { name: 'undo with nothing done', state: fresh, command: { type: 'undo' }, code: 'nothing_to_undo' },
    {
      name: 'a closed assembly refuses the chair',
      state: closed,
      command: { type: 'nextItem', fromItemId: null },
      code: 'assembly_closed',
    },
    {
      name: 'a closed assembly can reopen',
      state: closed,
      command: { type: 'reopenAssembly' },
      events: [{ type: 'assemblyReopened' }],
    },
    { name: 'close twice is a no-op', state: closed, command: { type: 'closeAssembly' }, events: [] },
  ])('$name', ({ state, command, events, code }) => {
    const decision = at(state, command);
    if (code) expect(decision).toMatchObject({ ok: false, code });
    else expect(decision).toEqual({ ok: true, events });
  });

  it('an import that drops the running item is refused while live', () => {
    const decision = at(onStory, {
      type: 'importSetup',
      setup: {
        institutions: [],
        powerHolders: [],
        asks: [],
        agenda: [
          {
            id: 'other',
            kind: 'welcome',
            title: 'Other',
            speaker: '',
            minutes: 1,
            warningSeconds: 30,
            notes: '',
            ask: null,
            responseSeconds: 60,
          },
        ],
      },
    });
    expect(decision).toMatchObject({ ok: false, code: 'assembly_live' });
  });
});

describe('evolve: the night as it runs', () => {
  it('entering an item loads its duration, stopped, and makes the assembly live', () => {
    const state = assembly({ type: 'itemEntered', itemId: 'story' });
    expect(state.status).toBe('live');
    expect(state.live.timer).toEqual({ durationMs: 10 * MIN, startedAt: null, accumulatedMs: 0 });
  });

  it('pause keeps the elapsed time; reset restores the planned duration', () => {
    let state = assembly(
      { type: 'itemEntered', itemId: 'story' },
      { type: 'timerStarted', at: T0 },
      { type: 'timerAdjusted', deltaMs: 30_000 },
      { type: 'timerPaused', at: T0 + 90_000 },
    );
    expect(state.live.timer).toEqual({ durationMs: 10.5 * MIN, startedAt: null, accumulatedMs: 90_000 });
    state = evolveAll(state, [{ type: 'timerReset' }]);
    expect(state.live.timer).toEqual({ durationMs: 10 * MIN, startedAt: null, accumulatedMs: 0 });
  });

  it('undo restores the live state before the last action, a step at a time', () => {
    const base = assembly({ type: 'itemEntered', itemId: 'story' }, { type: 'timerStarted', at: T0 });
    let state = evolveAll(base, [{ type: 'timerReset' }, { type: 'sceneChanged', scene: 'blank' }]);
    for (const expected of [
      { scene: 'blank', startedAt: null },
      { scene: 'agenda', startedAt: null },
    ]) {
      expect({ scene: state.live.scene, startedAt: state.live.timer.startedAt }).toEqual(expected);
      const decision = decide(state, { type: 'undo' }, ctx(T0 + MIN));
      if (!decision.ok) throw new Error(decision.message);
      state = evolveAll(state, decision.events);
    }
    // The reset was undone: the timer runs on from its original start, as if never pressed.
    expect(state.live).toEqual(base.live);
  });

  it('the undo stack is bounded', () => {
    const events = Array.from({ length: 50 }, (_, i) => ({ type: 'messageShown' as const, text: `m${i}` }));
    expect(assembly(...events).undo).toHaveLength(20);
  });

  it('closing stops the clock', () => {
    const state = assembly(
      { type: 'itemEntered', itemId: 'story' },
      { type: 'timerStarted', at: T0 },
      { type: 'assemblyClosed', at: T0 + MIN },
    );
    expect(state.status).toBe('closed');
    expect(state.live.timer).toMatchObject({ startedAt: null, accumulatedMs: MIN });
  });
});
