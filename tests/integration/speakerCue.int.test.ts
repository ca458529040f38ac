import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Created, startAssembly, waitFor } from './harness';

// The chair's cue to the speaker's monitor, and the institution being called now, from the
// chair's socket to every screen's copy of the state.
describe("the speaker's cue and the roll call's called-now, chair to screens", () => {
  let assembly: Awaited<ReturnType<typeof startAssembly>>;
  let created: Created;

  beforeEach(async () => {
    assembly = await startAssembly({ title: 'Riverside Assembly' });
    ({ created } = assembly);
  });
  afterEach(() => assembly.close());

  it("a cue reaches the screens' state (the speaker's monitor is a public page), is undone, and ends with the item", async () => {
    const chair = await assembly.open(created.keys.chair);
    const screen = await assembly.open();
    const door = await assembly.open(created.keys.door);
    // No item yet: no one to cue.
    expect(await chair.command({ type: 'cueSpeaker', cue: 'wrapUp' })).toMatchObject({
      ok: false,
      code: 'no_current_item',
    });
    await chair.command({ type: 'goToItem', itemId: 'story' });
    const cued = await chair.command({ type: 'cueSpeaker', cue: 'wrapUp' });
    expect(cued.ok).toBe(true);
    const seq = cued.ok ? cued.seq : -1;
    await waitFor(() => screen.seq >= seq && door.seq >= seq, 5_000, 'screens to catch up');
    expect(screen.state.live.speakerCue).toBe('wrapUp');
    expect(door.state.live.speakerCue).toBe('wrapUp');
    // What the public stream carried is the fixed cue, never text the chair typed.
    expect(JSON.stringify(screen.received)).toContain('"speakerCued"');

    await chair.command({ type: 'undo' });
    await waitFor(() => screen.state.live.speakerCue === null, 5_000, 'undo to reach the screen');
    await chair.command({ type: 'cueSpeaker', cue: 'thirtySeconds' });
    await waitFor(() => screen.state.live.speakerCue === 'thirtySeconds');
    await chair.command({ type: 'nextItem', fromItemId: 'story' });
    await waitFor(() => screen.state.live.currentItemId === 'close');
    expect(screen.state.live.speakerCue).toBeNull();
  });

  it('bad cues and calls are refused with a clear error and change nothing; only the chair may send them', async () => {
    const chair = await assembly.open(created.keys.chair);
    const door = await assembly.open(created.keys.door);
    const phone = await assembly.open();
    await chair.command({ type: 'goToItem', itemId: 'story' });
    const journal = () => assembly.server.store.readJournal(created.code, 0);
    const before = (await journal()).length;
    for (const bad of [
      { type: 'cueSpeaker', cue: 'Wrap up now or else' },
      { type: 'cueSpeaker', cue: 7 },
      { type: 'cueSpeaker' },
      { type: 'callNow', institutionId: '__proto__!' },
      { type: 'callNow', institutionId: 'stmarys', extra: true },
    ])
      expect(await chair.command(bad), JSON.stringify(bad)).toMatchObject({
        ok: false,
        code: 'invalid_command',
      });
    expect(await chair.command({ type: 'callNow', institutionId: 'nowhere' })).toMatchObject({
      ok: false,
      code: 'unknown_institution',
    });
    for (const other of [door, phone]) {
      expect(await other.command({ type: 'cueSpeaker', cue: 'wrapUp' })).toMatchObject({ ok: false });
      expect(await other.command({ type: 'callNow', institutionId: 'stmarys' })).toMatchObject({ ok: false });
    }
    expect((await journal()).length).toBe(before);
    await waitFor(() => chair.state.live.currentItemId === 'story');
    expect(chair.state.live.speakerCue).toBeNull();
    expect(chair.state.live.rollCallNow).toBeNull();
  });

  it('calling an institution lights it on every screen and ticks it; the next call moves the light', async () => {
    const chair = await assembly.open(created.keys.chair);
    const screen = await assembly.open();
    expect((await chair.command({ type: 'callNow', institutionId: 'mosque' })).ok).toBe(true);
    await waitFor(() => screen.state.live.rollCallNow === 'mosque');
    expect(Object.keys(screen.state.turnout.called)).toEqual(['mosque']);
    await chair.command({ type: 'callNow', institutionId: 'stmarys' });
    await waitFor(() => screen.state.live.rollCallNow === 'stmarys');
    expect(Object.keys(screen.state.turnout.called).sort()).toEqual(['mosque', 'stmarys']);
    await chair.command({ type: 'callNow', institutionId: null });
    await waitFor(() => screen.state.live.rollCallNow === null);
  });
});
