import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Created, importSetup, startAssembly, waitFor } from './harness';

describe('a live assembly, chair to screen', () => {
  let assembly: Awaited<ReturnType<typeof startAssembly>>;
  let server: typeof assembly.server;
  let created: Created;
  const open = (key?: string) => assembly.open(key);

  beforeEach(async () => {
    assembly = await startAssembly({ title: 'Riverside Assembly', venue: 'St Mary’s Hall' });
    ({ server, created } = assembly);
  });

  afterEach(() => assembly.close());

  it('gives role links for every role', () => {
    expect(created.code).toMatch(/^[A-Z2-9]{6}$/);
    expect(created.links.chair).toBe(
      `http://phones.example/a/${created.code}/chair#key=${created.keys.chair}`,
    );
    expect(created.links.screen).toBe(`http://phones.example/a/${created.code}/screen`);
    expect(created.links.join).toBe(`http://phones.example/j/${created.code}`);
    expect(new Set(Object.values(created.keys)).size).toBe(3);
  });

  it('a chair action reaches every screen, acked only after it is recorded', async () => {
    const chair = await open(created.keys.chair);
    const screens = await Promise.all([open(), open(), open()]);
    expect(chair.state.agenda).toHaveLength(3);

    const entered = await chair.command({ type: 'nextItem', fromItemId: null });
    expect(entered).toEqual({ ok: true, seq: expect.any(Number) });
    const started = await chair.command({ type: 'startTimer' });
    expect(started.ok).toBe(true);
    const seq = started.ok ? started.seq : -1;

    for (const screen of screens) {
      await waitFor(() => screen.seq === seq, 5_000, 'screen to catch up');
      expect(screen.state.live.currentItemId).toBe('welcome');
      expect(screen.state.live.timer.startedAt).not.toBeNull();
      expect(screen.state.live).toEqual(chair.state.live);
    }
    const stored = await server.store.readJournal(created.code, 0);
    expect(stored.at(-1)).toMatchObject({ seq, actor: 'chair', event: { type: 'timerStarted' } });
  });

  it('screens and door stewards never receive the chair’s private notes', async () => {
    const chair = await open(created.keys.chair);
    const screen = await open();
    const door = await open(created.keys.door);
    expect(chair.state.agenda[0]!.notes).toBe('SECRET-CHAIR-NOTE');
    await importSetup(server.url, created, {
      agenda: [{ id: 'w2', kind: 'welcome', title: 'Welcome', minutes: 1, notes: 'ANOTHER-SECRET' }],
    });
    await waitFor(() => screen.state.agenda[0]?.id === 'w2' && door.state.agenda[0]?.id === 'w2');
    expect(JSON.stringify(screen.received)).not.toMatch(/SECRET/);
    expect(JSON.stringify(door.received)).not.toMatch(/SECRET/);
    await waitFor(() => chair.state.agenda[0]?.id === 'w2');
    expect(chair.state.agenda[0]!.notes).toBe('ANOTHER-SECRET');
  });

  it('undo takes back the last action, and a double press moves one step', async () => {
    const chair = await open(created.keys.chair);
    await chair.command({ type: 'nextItem', fromItemId: null });
    const [first, second] = await Promise.all([
      chair.command({ type: 'nextItem', fromItemId: 'welcome' }),
      chair.command({ type: 'nextItem', fromItemId: 'welcome' }),
    ]);
    expect(first.ok && second.ok).toBe(true);
    await waitFor(() => chair.state.live.currentItemId === 'story');
    await chair.command({ type: 'setScene', scene: 'blank' });
    await waitFor(() => chair.state.live.scene === 'blank');
    expect(await chair.command({ type: 'undo' })).toMatchObject({ ok: true });
    await waitFor(() => chair.state.live.scene === 'agenda');
    expect(chair.state.live.currentItemId).toBe('story');
  });

  it('a reloaded screen comes back to the same state', async () => {
    const chair = await open(created.keys.chair);
    await chair.command({ type: 'goToItem', itemId: 'story' });
    await chair.command({ type: 'showMessage', text: 'Please take your seats' });
    const reply = await chair.command({ type: 'startTimer' });
    const screen = await open();
    expect(screen.seq).toBe(reply.ok ? reply.seq : -1);
    expect(screen.state.live).toEqual(chair.state.live);
    expect(screen.state.live.message).toBe('Please take your seats');
  });

  it('a reconnecting client gets only the gap', async () => {
    const chair = await open(created.keys.chair);
    const screen = await open();
    screen.socket.disconnect();
    await chair.command({ type: 'nextItem', fromItemId: null });
    await chair.command({ type: 'startTimer' });
    const before = screen.received.length;
    screen.socket.connect();
    await waitFor(() => screen.seq === chair.seq && screen.syncs === 2);
    const reply = screen.received[before] as { kind: string; entries: unknown[] };
    expect(reply.kind).toBe('replay');
    expect(reply.entries).toHaveLength(2);
    expect(screen.state.live).toEqual(chair.state.live);
  });

  it('the same assembly over HTTP commands', async () => {
    const screen = await open();
    const response = await fetch(`${server.url}/api/assemblies/${created.code}/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${created.keys.chair}` },
      body: JSON.stringify({ type: 'showMessage', text: 'Hello room' }),
    });
    expect(response.status).toBe(200);
    await waitFor(() => screen.state.live.message === 'Hello room');
  });

  it('healthz answers once the database is ready', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true });
  });
});
