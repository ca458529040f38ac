import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Presence, PresenceReport } from '../../shared/protocol/presence';
import type { PresenceReply } from '../../shared/protocol/socket';
import { DATABASE_URL, freshSchema, HOW_TO_RUN_SHARED, REDIS_URL } from '../postgres';
import { createAssembly, importSetup, MirrorClient, tempDir, waitFor } from './harness';
import { freePort, killHard, startServerProcess } from './serverProcess';

const available = DATABASE_URL !== undefined && REDIS_URL !== undefined;
if (!available) console.warn(`Two-node presence tests ${HOW_TO_RUN_SHARED}`);

const SCREEN_ID = 'aaaaaaaa-0000-4000-8000-00000000000b';
const DOOR_ID = 'bbbbbbbb-0000-4000-8000-00000000000b';

describe.skipIf(!available)('presence across two nodes sharing PostgreSQL and Redis', () => {
  const children: ChildProcess[] = [];
  const clients: MirrorClient[] = [];
  const closers: (() => unknown)[] = [];
  let env: { DATABASE_URL: string; REDIS_URL: string };

  beforeAll(async () => {
    const schema = await freshSchema(DATABASE_URL!);
    closers.push(schema.drop);
    env = { DATABASE_URL: schema.url, REDIS_URL: REDIS_URL! };
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await Promise.all(children.map(killHard));
    for (const close of closers.reverse()) await close();
  });

  const startNode = async () => {
    const port = await freePort();
    const child = await startServerProcess(port, tempDir(), env);
    children.push(child);
    return `http://127.0.0.1:${port}`;
  };
  const connect = async (url: string, auth: { code: string; key?: string }) => {
    const client = await new MirrorClient(url, auth).ready();
    clients.push(client);
    return client;
  };
  const report = (client: MirrorClient, payload: PresenceReport) =>
    client.socket.timeout(5_000).emitWithAck('presence', payload);
  async function until(client: MirrorClient, wanted: (presence: Presence) => boolean, what: string) {
    let last: PresenceReply | null = null;
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const reply: PresenceReply = await client.socket.timeout(8_000).emitWithAck('presenceList');
      last = reply;
      if (reply.ok && wanted(reply.presence)) return reply.presence;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`presence never showed ${what}: ${JSON.stringify(last)}`);
  }

  it("the organiser on one node sees the other node's screens, doors and phones come and go, and flashes its screen", async () => {
    const [nodeA, nodeB] = await Promise.all([startNode(), startNode()]);
    const created = await createAssembly(nodeA, { title: 'Two Node Presence' });
    await importSetup(nodeA, created);
    const { code, keys } = created;

    const admin = await connect(nodeA, { code, key: keys.admin });
    const chairOnB = await connect(nodeB, { code, key: keys.chair });
    const screenOnB = await connect(nodeB, { code });
    const doorOnB = await connect(nodeB, { code, key: keys.door });
    const phoneOnA = await connect(nodeA, { code });
    const phoneOnB = await connect(nodeB, { code });

    expect(
      await report(screenOnB, {
        device: 'screen',
        deviceId: SCREEN_ID,
        view: 'room',
        scene: 'join',
        clockOffsetMs: 7,
      }),
    ).toEqual({ ok: true });
    expect(
      await report(doorOnB, {
        device: 'door',
        deviceId: DOOR_ID,
        label: 'South door',
        waiting: 2,
        clockOffsetMs: 0,
      }),
    ).toEqual({ ok: true });
    expect(await report(phoneOnA, { device: 'phone' })).toEqual({ ok: true });
    expect(await report(phoneOnB, { device: 'phone' })).toEqual({ ok: true });

    const seen = await until(
      admin,
      (p) => p.screens.length === 1 && p.doors.length === 1 && p.phones === 2,
      "node B's screen and door, both nodes' phones",
    );
    expect(seen.screens[0]).toMatchObject({ deviceId: SCREEN_ID, scene: 'join', clockOffsetMs: 7 });
    expect(seen.doors[0]).toMatchObject({ label: 'South door', waiting: 2 });
    expect(seen.missingNodes).toBe(0);
    // The chair on B sees the same.
    await until(
      chairOnB,
      (p) => p.screens.length === 1 && p.doors.length === 1 && p.phones === 2,
      'the same on B',
    );

    // The organiser on A flashes the screen on B.
    const flashes: unknown[] = [];
    screenOnB.socket.on('flash', (flash) => flashes.push(flash));
    const flashed = await admin.socket
      .timeout(8_000)
      .emitWithAck('flashScreen', { deviceId: SCREEN_ID, label: 'Screen 1' });
    expect(flashed).toEqual({ ok: true });
    await waitFor(() => flashes.length === 1, 5_000, 'the flash across nodes');

    // A disconnect on B shows on A at once, and the organiser on A is told.
    let nudged = false;
    admin.socket.on('presenceChanged', () => {
      nudged = true;
    });
    screenOnB.close();
    doorOnB.close();
    phoneOnB.close();
    const gone = await until(
      admin,
      (p) => p.screens.length === 0 && p.doors.length === 0 && p.phones === 1,
      'B’s devices gone',
    );
    // The door on B is remembered there, and told to A, as gone.
    expect(gone.doorsGone).toEqual([expect.objectContaining({ label: 'South door', waiting: 2 })]);
    await waitFor(() => nudged, 5_000, 'presenceChanged across nodes');
  }, 120_000);
});
