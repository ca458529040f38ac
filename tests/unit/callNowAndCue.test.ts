import { describe, expect, it } from 'vitest';
import { undoWhat } from '../../client/src/screens/chair/undoLabel';
import type { AssemblyState } from '../../shared/domain/assembly';
import { decide } from '../../shared/domain/decide';
import { evolveAll } from '../../shared/domain/evolve';
import { stateFor } from '../../shared/domain/views';
import type { Command } from '../../shared/protocol/commands';
import { mayRun, parseCommand } from '../../shared/protocol/commands';
import type { DomainEvent } from '../../shared/protocol/events';
import { assembly, ctx, T0 } from './fixtures';

/** Decides and applies, as the server does: the state after the command, or the refusal's code. */
function run(state: AssemblyState, command: Command): AssemblyState | string {
  const decision = decide(state, command, ctx(T0));
  return decision.ok ? evolveAll(state, decision.events) : decision.code;
}

const onStory: DomainEvent = { type: 'itemEntered', itemId: 'story' };

describe('the institution being called now', () => {
  it('calling one highlights it and ticks it as called, once', () => {
    const decision = decide(assembly(), { type: 'callNow', institutionId: 'mosque' }, ctx(T0));
    expect(decision).toEqual({
      ok: true,
      events: [
        { type: 'rollCallMarked', institutionId: 'mosque', called: true, at: T0 },
        { type: 'calledNow', institutionId: 'mosque' },
      ],
    });
    const after = run(assembly(), { type: 'callNow', institutionId: 'mosque' }) as AssemblyState;
    expect(after.live.rollCallNow).toBe('mosque');
    expect(Object.keys(after.turnout.called)).toEqual(['mosque']);
    // Already ticked: calling it now is the highlight alone.
    const ticked = assembly({ type: 'rollCallMarked', institutionId: 'stmarys', called: true, at: T0 });
    expect(decide(ticked, { type: 'callNow', institutionId: 'stmarys' }, ctx(T0))).toEqual({
      ok: true,
      events: [{ type: 'calledNow', institutionId: 'stmarys' }],
    });
  });

  it.each<{ name: string; state: AssemblyState; command: Command; result: string | null }>([
    {
      name: 'an unknown institution is refused',
      state: assembly(),
      command: { type: 'callNow', institutionId: 'nowhere' },
      result: 'unknown_institution',
    },
    {
      name: 'calling the one being called changes nothing',
      state: assembly({ type: 'calledNow', institutionId: 'mosque' }),
      command: { type: 'callNow', institutionId: 'mosque' },
      result: 'mosque',
    },
    {
      name: 'null stops calling anyone',
      state: assembly({ type: 'calledNow', institutionId: 'mosque' }),
      command: { type: 'callNow', institutionId: null },
      result: null,
    },
    {
      name: 'a closed assembly calls no one',
      state: assembly({ type: 'assemblyClosed', at: T0 }),
      command: { type: 'callNow', institutionId: 'mosque' },
      result: 'assembly_closed',
    },
  ])('$name', ({ state, command, result }) => {
    const after = run(state, command);
    if (typeof after === 'string') expect(after).toBe(result);
    else expect(after.live.rollCallNow).toBe(result);
  });

  it('undo takes the highlight back (the tick stays), and says so', () => {
    const called = run(assembly(), { type: 'callNow', institutionId: 'mosque' }) as AssemblyState;
    expect(undoWhat(called)).toBe('call East London Mosque');
    const undone = run(called, { type: 'undo' }) as AssemblyState;
    expect(undone.live.rollCallNow).toBeNull();
    expect(Object.keys(undone.turnout.called)).toEqual(['mosque']);
  });

  it('a new item, or a setup without the institution, stops the highlight', () => {
    expect(assembly({ type: 'calledNow', institutionId: 'mosque' }, onStory).live.rollCallNow).toBeNull();
    const before = assembly({ type: 'calledNow', institutionId: 'mosque' });
    const resetup = evolveAll(before, [
      {
        type: 'setupImported',
        details: {},
        agenda: before.agenda,
        institutions: [before.institutions[0]!],
        powerHolders: [],
        asks: [],
      },
    ]);
    expect(resetup.live.rollCallNow).toBeNull();
  });
});

describe("the speaker's cue", () => {
  it.each<{ name: string; state: AssemblyState; command: Command; result: string | null }>([
    {
      name: 'wrap up reaches the speaker',
      state: assembly(onStory),
      command: { type: 'cueSpeaker', cue: 'wrapUp' },
      result: 'wrapUp',
    },
    {
      name: 'thirty seconds replaces wrap up',
      state: assembly(onStory, { type: 'speakerCued', cue: 'wrapUp' }),
      command: { type: 'cueSpeaker', cue: 'thirtySeconds' },
      result: 'thirtySeconds',
    },
    {
      name: 'clearing it',
      state: assembly(onStory, { type: 'speakerCued', cue: 'wrapUp' }),
      command: { type: 'cueSpeaker', cue: null },
      result: null,
    },
    {
      name: 'no item, no speaker to cue',
      state: assembly(),
      command: { type: 'cueSpeaker', cue: 'wrapUp' },
      result: 'no_current_item',
    },
    {
      name: 'a closed assembly cues no one',
      state: assembly(onStory, { type: 'assemblyClosed', at: T0 }),
      command: { type: 'cueSpeaker', cue: 'wrapUp' },
      result: 'assembly_closed',
    },
  ])('$name', ({ state, command, result }) => {
    const after = run(state, command);
    if (typeof after === 'string') expect(after).toBe(result);
    else expect(after.live.speakerCue).toBe(result);
  });

  it('the same cue twice records nothing', () => {
    const cued = assembly(onStory, { type: 'speakerCued', cue: 'wrapUp' });
    expect(decide(cued, { type: 'cueSpeaker', cue: 'wrapUp' }, ctx(T0))).toEqual({ ok: true, events: [] });
  });

  it('is undoable, in words, and ends with the item', () => {
    const cued = assembly(onStory, { type: 'speakerCued', cue: 'thirtySeconds' });
    expect(undoWhat(cued)).toBe('cue "30 seconds" to the speaker');
    expect((run(cued, { type: 'undo' }) as AssemblyState).live.speakerCue).toBeNull();
    expect(
      undoWhat(assembly(onStory, { type: 'speakerCued', cue: 'wrapUp' }, { type: 'speakerCued', cue: null })),
    ).toBe('clearing the speaker\'s cue "Wrap up"');
    expect(evolveAll(cued, [{ type: 'itemEntered', itemId: 'close' }]).live.speakerCue).toBeNull();
  });

  it('an undo saved before the cue existed leaves it empty', () => {
    const cued = assembly(onStory, { type: 'speakerCued', cue: 'wrapUp' });
    const { speakerCue: _cue, rollCallNow: _now, ...oldLive } = assembly(onStory).live;
    const after = evolveAll(cued, [{ type: 'undone', live: oldLive as AssemblyState['live'] }]);
    expect(after.live.speakerCue).toBeNull();
    expect(after.live.rollCallNow).toBeNull();
  });
});

describe('at the edge', () => {
  it.each([
    { type: 'cueSpeaker', cue: 'Wrap up now, please' },
    { type: 'cueSpeaker', cue: '' },
    { type: 'cueSpeaker' },
    { type: 'cueSpeaker', cue: 'wrapUp', text: 'extra' },
    { type: 'callNow' },
    { type: 'callNow', institutionId: '<b>' },
    { type: 'callNow', institutionId: 42 },
  ])('refuses %o', (input) => {
    expect(parseCommand(input)).toMatchObject({ ok: false, code: 'invalid_command' });
  });

  it('accepts the fixed cues, null, and an institution id', () => {
    for (const cue of ['wrapUp', 'thirtySeconds', null])
      expect(parseCommand({ type: 'cueSpeaker', cue })).toEqual({
        ok: true,
        command: { type: 'cueSpeaker', cue },
      });
    expect(parseCommand({ type: 'callNow', institutionId: 'mosque' })).toMatchObject({ ok: true });
  });

  it('the chair and organiser may send them; a door or a phone may not', () => {
    for (const type of ['callNow', 'cueSpeaker'] as const) {
      expect(mayRun('chair', type)).toBe(true);
      expect(mayRun('admin', type)).toBe(true);
      expect(mayRun('door', type)).toBe(false);
      expect(mayRun('public', type)).toBe(false);
    }
  });

  it('the public view carries the cue (the speaker monitor is a public page) but no undo', () => {
    const cued = assembly(onStory, { type: 'speakerCued', cue: 'wrapUp' });
    const shown = stateFor('public', cued);
    expect(shown.live.speakerCue).toBe('wrapUp');
    expect(shown.undo).toEqual([]);
  });
});
