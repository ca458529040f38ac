import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Presence, PresenceReport } from '../../shared/protocol/presence';
import type { OkReply, PresenceReply, ServerReadinessReply } from '../../shared/protocol/socket';
import { type MirrorClient, startAssembly, waitFor } from './harness';

const SCREEN_ID = 'aaaaaaaa-0000-4000-8000-000000000001';
const SPEAKER_ID = 'aaaaaaaa-0000-4000-8000-000000000002';
const DOOR_ID = 'bbbbbbbb-0000-4000-8000-000000000001';

const screenReport = (deviceId = SCREEN_ID, view: 'room' | 'speaker' = 'room'): PresenceReport => ({
  device: 'screen',
  deviceId,
  view,
  scene: 'agenda',
  clockOffsetMs: 40,
});
const doorReport = (extra: Partial<PresenceReport> = {}) => ({
  device: 'door',
  deviceId: DOOR_ID,
  label: 'North door',
  waiting: 3,
  clockOffsetMs: -120,
  ...extra,
});

const report = (client: MirrorClient, payload: unknown): Promise<OkReply> =>
  client.socket.timeout(5_000).emitWithAck('presence', payload as PresenceReport);
const list = (client: MirrorClient): Promise<PresenceReply> =>
  client.socket.timeout(5_000).emitWithAck('presenceList');
const presenceOf = async (client: MirrorClient): Promise<Presence> => {
  const reply = await list(client);
  if (!reply.ok) throw new Error(reply.message);
  return reply.presence;
};
/** Polls the list until it says what is wanted (the list answers at once; changes land in ms). */
async function until(
  client: MirrorClient,
  wanted: (presence: Presence) => boolean,
  what: string,
  { ms = 5_000, every = 50 } = {},
) {
  let last: Presence | null = null;
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    last = await presenceOf(client);
    if (wanted(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, every));
  }
  throw new Error(`presence never showed ${what}: ${JSON.stringify(last)}`);
}

describe('presence: who is connected now', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it('each screen, door and phone comes and goes with its connection; the chair and organiser see it', async () => {
    const assembly = await startAssembly();
    close = assembly.close;
    const { keys } = assembly.created;
    const chair = await assembly.open(keys.chair);
    const admin = await assembly.open(keys.admin);
    expect(await presenceOf(chair)).toEqual({
      screens: [],
      doors: [],
      doorsGone: [],
      phones: 0,
      missingNodes: 0,
    });

    let nudges = 0;
    chair.socket.on('presenceChanged', () => nudges++);

    const screen = await assembly.open();
    const speaker = await assembly.open();
    const door = await assembly.open(keys.door);
    const phone = await assembly.open();
    expect(await report(screen, screenReport())).toEqual({ ok: true });
    expect(await report(speaker, screenReport(SPEAKER_ID, 'speaker'))).toEqual({ ok: true });
    expect(await report(door, doorReport())).toEqual({ ok: true });
    expect(await report(phone, { device: 'phone' })).toEqual({ ok: true });

    const all = await presenceOf(admin);
    expect(all.screens.map((s) => [s.deviceId, s.view, s.scene, s.clockOffsetMs])).toEqual([
      [SCREEN_ID, 'room', 'agenda', 40],
      [SPEAKER_ID, 'speaker', 'agenda', 40],
    ]);
    expect(all.doors.map((d) => [d.label, d.waiting, d.clockOffsetMs])).toEqual([['North door', 3, -120]]);
    expect(all.phones).toBe(1);
    // Told that something came, so the panel asks at once rather than at its next look.
    await waitFor(() => nudges > 0, 3_000, 'presenceChanged');

    // A door's next report updates it in place: its outbox emptied.
    expect(await report(door, doorReport({ waiting: 0 }))).toEqual({ ok: true });
    expect((await presenceOf(chair)).doors[0]?.waiting).toBe(0);

    // A disconnect removes at once.
    const before = nudges;
    screen.close();
    door.close();
    phone.close();
    const after = await until(
      chair,
      (p) => p.screens.length === 1 && p.doors.length === 0 && p.phones === 0,
      'the screen, door and phone gone',
    );
    expect(after.screens[0]?.deviceId).toBe(SPEAKER_ID);
    await waitFor(() => nudges > before, 3_000, 'presenceChanged after the disconnect');
    // The door is remembered as gone, with what it last said: a page opened now sees it too.
    const late = await assembly.open(keys.admin);
    expect((await presenceOf(late)).doorsGone).toEqual([
      expect.objectContaining({
        deviceId: DOOR_ID,
        label: 'North door',
        waiting: 0,
        lastSeenAt: expect.any(Number),
      }),
    ]);
    // Back again, it is online and no longer gone.
    const doorAgain = await assembly.open(keys.door);
    await report(doorAgain, doorReport());
    const back = await presenceOf(late);
    expect(back.doors.map((d) => d.label)).toEqual(['North door']);
    expect(back.doorsGone).toEqual([]);
  });

  it('a screen or door that falls silent counts as gone within seconds, though its socket is open', async () => {
    const assembly = await startAssembly();
    close = assembly.close;
    const { keys } = assembly.created;
    const chair = await assembly.open(keys.chair);
    const screen = await assembly.open();
    const door = await assembly.open(keys.door);
    await report(screen, screenReport());
    await report(door, doorReport());
    const startedAt = Date.now();
    expect((await presenceOf(chair)).screens).toHaveLength(1);
    // Neither says anything more: past PRESENCE_STALE_MS (12 s) both go, the door as gone.
    const silent = await until(chair, (p) => p.screens.length === 0 && p.doors.length === 0, 'both gone', {
      ms: 16_000,
      every: 500,
    });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(11_000);
    expect(silent.doorsGone.map((d) => d.label)).toEqual(['North door']);
    expect(screen.socket.connected && door.socket.connected).toBe(true);
    // A word from the screen brings it back at once.
    await report(screen, screenReport());
    expect((await presenceOf(chair)).screens).toHaveLength(1);
  }, 30_000);

  it('refuses malformed or misplaced reports, changing nothing, and keeps serving', async () => {
    const assembly = await startAssembly();
    close = assembly.close;
    const { keys } = assembly.created;
    const chair = await assembly.open(keys.chair);
    const screen = await assembly.open();
    const door = await assembly.open(keys.door);
    expect(await report(screen, screenReport())).toEqual({ ok: true });

    const bad: unknown[] = [
      null,
      'screen',
      42,
      [],
      { device: 'projector', deviceId: SCREEN_ID },
      { ...screenReport(), scene: 'hacked' },
      { ...screenReport(), deviceId: '../../etc/passwd' },
      { ...screenReport(), clockOffsetMs: Number.NaN },
      { ...screenReport(), clockOffsetMs: 1e15 },
      { ...screenReport(), extra: 'x'.repeat(10_000) },
      { ...screenReport(), view: ['room'] },
    ];
    for (const payload of bad) {
      const reply = await report(screen, payload);
      expect(reply.ok, JSON.stringify(payload)).toBe(false);
      if (!reply.ok) expect(reply.code).toBe('invalid_body');
    }
    // A public page cannot claim to be a door; staff pages are not screens.
    expect(await report(screen, doorReport())).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await report(chair, screenReport())).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await report(door, { device: 'phone' })).toMatchObject({ ok: false, code: 'forbidden' });
    for (const payload of [
      doorReport({ label: '' }),
      doorReport({ label: 'x'.repeat(41) }),
      doorReport({ label: 'North\ndoor' }),
      doorReport({ waiting: -1 }),
      doorReport({ waiting: 1.5 }),
      doorReport({ waiting: 1e9 }),
    ]) {
      expect(await report(door, payload)).toMatchObject({ ok: false, code: 'invalid_body' });
    }
    // No answer asked for: still refused, silently, and the socket lives on.
    screen.socket.emit('presence', { device: 'nonsense' } as never);
    door.socket.emit('presence', undefined as never);

    // What the screen said before stands; the door never counted.
    const presence = await presenceOf(chair);
    expect(presence.screens.map((s) => [s.deviceId, s.view])).toEqual([[SCREEN_ID, 'room']]);
    expect(presence.doors).toEqual([]);
    expect(presence.phones).toBe(0);
    expect(screen.socket.connected && door.socket.connected).toBe(true);

    // Only the organiser and chair may look, or flash.
    expect(await list(screen)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await list(door)).toMatchObject({ ok: false, code: 'forbidden' });
    const flashFromDoor = await door.socket
      .timeout(5_000)
      .emitWithAck('flashScreen', { deviceId: SCREEN_ID, label: 'Screen 1' });
    expect(flashFromDoor).toMatchObject({ ok: false, code: 'forbidden' });
    const readinessFromScreen = await screen.socket.timeout(5_000).emitWithAck('serverReadiness');
    expect(readinessFromScreen).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('"Flash screen 2" reaches that screen only; bad flashes are refused; flashes are limited', async () => {
    const assembly = await startAssembly();
    close = assembly.close;
    const { keys } = assembly.created;
    const chair = await assembly.open(keys.chair);
    const first = await assembly.open();
    const second = await assembly.open();
    await report(first, screenReport(SCREEN_ID));
    await report(second, screenReport(SPEAKER_ID));
    const seen: Record<string, unknown[]> = { first: [], second: [] };
    first.socket.on('flash', (flash) => seen.first!.push(flash));
    second.socket.on('flash', (flash) => seen.second!.push(flash));

    const flash = (payload: unknown): Promise<OkReply> =>
      chair.socket.timeout(5_000).emitWithAck('flashScreen', payload as { deviceId: string; label: string });
    expect(await flash({ deviceId: SPEAKER_ID, label: 'Screen 2' })).toEqual({ ok: true });
    await waitFor(() => seen.second!.length === 1, 3_000, 'the flash');
    expect(seen.second).toEqual([{ label: 'Screen 2', ms: expect.any(Number) }]);
    expect(seen.first).toEqual([]);

    for (const payload of [
      null,
      {},
      { deviceId: SPEAKER_ID },
      { deviceId: SPEAKER_ID, label: '' },
      { deviceId: SPEAKER_ID, label: 'x'.repeat(500) },
      { deviceId: 'not-a-device', label: 'Screen 2' },
      { deviceId: SPEAKER_ID, label: 'Screen 2', html: '<script>' },
    ]) {
      expect(await flash(payload), JSON.stringify(payload)).toMatchObject({
        ok: false,
        code: 'invalid_body',
      });
    }
    expect(
      await flash({ deviceId: 'cccccccc-0000-4000-8000-000000000009', label: 'Screen 9' }),
    ).toMatchObject({
      ok: false,
      code: 'not_found',
    });

    // A socket that changes its device id is that device only: the old id no longer reaches it.
    const OTHER_ID = 'dddddddd-0000-4000-8000-000000000004';
    await report(second, screenReport(OTHER_ID));
    expect(await flash({ deviceId: SPEAKER_ID, label: 'Screen 2' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(await flash({ deviceId: OTHER_ID, label: 'Screen 2' })).toEqual({ ok: true });
    await waitFor(() => seen.second!.length === 2, 3_000, 'the flash to the new id');

    // A person presses; a script making the projectors blink is stopped.
    const replies: OkReply[] = [];
    for (let i = 0; i < 12; i++) replies.push(await flash({ deviceId: SCREEN_ID, label: 'Screen 1' }));
    expect(replies.some((reply) => !reply.ok && reply.code === 'rate_limited')).toBe(true);
    expect(seen.first!.length).toBeLessThan(12);
  });

  it('the server checks its own base URL, disk space and backups', async () => {
    const assembly = await startAssembly();
    close = assembly.close;
    const admin = await assembly.open(assembly.created.keys.admin);
    const ask = (): Promise<ServerReadinessReply> =>
      admin.socket.timeout(5_000).emitWithAck('serverReadiness');
    const first = await ask();
    if (!first.ok) throw new Error(first.message);
    expect(first.readiness).toMatchObject({
      publicUrl: 'http://phones.example',
      publicUrlSet: true,
      journal: { store: 'sqlite' },
      backup: { store: 'sqlite', newestAt: null },
    });
    if (first.readiness.journal.store === 'sqlite')
      expect(first.readiness.journal.freeBytes).toBeGreaterThan(0);

    fs.writeFileSync(path.join(assembly.server.dataDir, 'backup-2026-11-28T17-00-00-000Z.sqlite'), '');
    const second = await ask();
    if (!second.ok) throw new Error(second.message);
    expect(second.readiness.backup).toEqual({ store: 'sqlite', newestAt: expect.any(Number) });
  });
});
