import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { io as connectSocket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandReply } from '../../shared/protocol/socket';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';
import { DATABASE_URL, freshSchema, HOW_TO_RUN_SHARED, REDIS_URL } from '../postgres';
import { createAssembly, importSetup, MirrorClient, post, refusalOf, tempDir, waitFor } from './harness';
import { startLoadBalancer } from './loadBalancer';
import { freePort, killHard, startServerProcess } from './serverProcess';

const available = DATABASE_URL !== undefined && REDIS_URL !== undefined;
if (!available) console.warn(`Two-node tests ${HOW_TO_RUN_SHARED}`);

const turnoutOf = (client: MirrorClient) =>
  Object.values(client.state.turnout.byInstitution).reduce((sum, n) => sum + n, 0);

describe.skipIf(!available)('two nodes sharing PostgreSQL and Redis', () => {
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
    return { port, child, url: `http://127.0.0.1:${port}` };
  };
  const connect = async (url: string, auth: { code: string; key?: string }) => {
    const client = await new MirrorClient(url, auth).ready();
    clients.push(client);
    return client;
  };

  it('agree across nodes, serialise presses made at once on both, and survive a node dying', async () => {
    const [nodeA, nodeB] = await Promise.all([startNode(), startNode()]);
    // The chair reaches the nodes through a balancer that prefers A; the others go to B.
    const balancer = await startLoadBalancer([nodeA.port, nodeB.port]);
    closers.push(balancer.close);

    const created = await createAssembly(nodeA.url, { title: 'Two Node Assembly' });
    await importSetup(nodeA.url, created);
    const chair = await connect(balancer.url, { code: created.code, key: created.keys.chair });
    const chairOnB = await connect(nodeB.url, { code: created.code, key: created.keys.chair });
    const screen = await connect(nodeB.url, { code: created.code });
    const phone = await connect(nodeB.url, { code: created.code });
    const door = await connect(nodeA.url, { code: created.code, key: created.keys.door });
    const doorOnB = await connect(nodeB.url, { code: created.code, key: created.keys.door });
    expect(screen.state.agenda).toHaveLength(3);

    // Both chairs press Next at the same moment, on two nodes: the agenda moves one step.
    expect((await chair.command({ type: 'goToItem', itemId: 'welcome' })).ok).toBe(true);
    const nexts = await Promise.all([
      chair.command({ type: 'nextItem', fromItemId: 'welcome' }),
      chairOnB.command({ type: 'nextItem', fromItemId: 'welcome' }),
    ]);
    expect(nexts.every((reply) => reply.ok)).toBe(true);
    // The chair on A runs the item; the screen on B sees it.
    expect((await chair.command({ type: 'startTimer' })).ok).toBe(true);
    await waitFor(
      () => screen.state.live.currentItemId === 'story' && screen.state.live.timer.startedAt !== null,
    );

    // A phone on B checks in; the chair on A sees the name, the screen the count.
    const phoneReply = await phone.command({
      type: 'checkIn',
      checkInId: randomUUID(),
      name: 'Grace Phone',
      institutionId: 'stmarys',
    });
    expect(phoneReply.ok).toBe(true);
    await waitFor(() => chair.state.attendance.checkIns.size === 1 && turnoutOf(screen) === 1);

    // Two chairs on two nodes press at once, and doors on both nodes check people in.
    const presses: Promise<CommandReply>[] = [];
    for (let i = 0; i < 30; i++) {
      presses.push(chair.command({ type: 'showMessage', text: `from A ${i}` }));
      presses.push(chairOnB.command({ type: 'showMessage', text: `from B ${i}` }));
      presses.push(
        door.command({ type: 'checkIn', checkInId: randomUUID(), name: `A${i}`, institutionId: 'mosque' }),
      );
      // (A door: one phone may check in only a handful of people.)
      presses.push(
        doorOnB.command({
          type: 'checkIn',
          checkInId: randomUUID(),
          name: `B${i}`,
          institutionId: 'stmarys',
        }),
      );
    }
    const replies = await Promise.all(presses);
    expect(replies.every((reply) => reply.ok)).toBe(true);
    const seqs = replies.map((reply) => (reply.ok ? reply.seq : 0));
    expect(new Set(seqs).size).toBe(seqs.length);

    let adminKey = created.keys.admin;
    const journal = async (url: string) => {
      const response = await fetch(`${url}/api/assemblies/${created.code}/export/record.json`, {
        headers: { authorization: `Bearer ${adminKey}` },
      });
      return ((await response.json()) as { journal: { seq: number; event: { type: string } }[] }).journal;
    };
    const fromA = await journal(nodeA.url);
    const fromB = await journal(nodeB.url);
    expect(fromB).toEqual(fromA);
    expect(fromA.map((entry) => entry.seq)).toEqual(fromA.map((_, i) => i + 1));
    expect(fromA.filter((entry) => entry.event.type === 'messageShown')).toHaveLength(60);
    expect(fromA.filter((entry) => entry.event.type === 'checkedIn')).toHaveLength(61);

    const last = fromA.at(-1)!.seq;
    for (const client of [chair, chairOnB, screen, phone, door]) {
      await waitFor(() => client.seq === last, 10_000, `a client to reach seq ${last}`);
    }
    expect(turnoutOf(screen)).toBe(61);
    expect(chair.state.attendance.checkIns.size).toBe(61);
    expect(chairOnB.state).toEqual(chair.state);
    // Each node streams the journal to its own clients in seq order: nobody had to resync.
    for (const client of [chair, chairOnB, screen, phone, door]) expect(client.syncs).toBe(1);

    // The organiser, working on node B, regenerates the organiser link: the session using
    // the old one on node A is closed (through Redis), and node A refuses the old key.
    const organiserOnA = await connect(nodeA.url, { code: created.code, key: adminKey });
    let closedByServer = false;
    let toldFirst = false;
    organiserOnA.socket.on('keyReplaced', () => {
      toldFirst = !closedByServer;
    });
    organiserOnA.socket.on('disconnect', (reason) => {
      closedByServer ||= reason === 'io server disconnect';
    });
    const regenerated = await post(`${nodeB.url}/api/assemblies/${created.code}/keys/admin`, {}, adminKey);
    expect(regenerated.status).toBe(200);
    const oldAdminKey = adminKey;
    adminKey = new URL(regenerated.json!.link as string).hash.replace('#key=', '');
    await waitFor(() => closedByServer, 5_000, 'the old organiser session on node A to be closed');
    // Told why (through Redis too) before it was closed.
    expect(toldFirst).toBe(true);
    expect(
      await refusalOf(nodeA.url, { v: PROTOCOL_VERSION, code: created.code, key: oldAdminKey }),
    ).toMatchObject({ code: 'bad_key' });
    expect((await journal(nodeA.url)).at(-1)!.event.type).toBe('keyRegenerated');

    // Node A dies in the middle of a burst of check-ins from its door.
    const chairSyncs = chair.syncs;
    const acked: string[] = [];
    const burst: Promise<void>[] = [];
    for (let i = 0; i < 100; i++) {
      const name = `Burst ${i}`;
      burst.push(
        door.command({ type: 'checkIn', checkInId: randomUUID(), name, institutionId: 'mosque' }).then(
          (reply) => {
            if (reply.ok) acked.push(name);
            if (acked.length === 20) void killHard(nodeA.child);
          },
          () => {},
        ),
      );
    }
    await Promise.all(burst);
    await killHard(nodeA.child);
    expect(acked.length).toBeGreaterThanOrEqual(20);

    // The chair comes back through the balancer, now on B, and carries on.
    await waitFor(
      () => chair.syncs > chairSyncs && chair.socket.connected,
      15_000,
      'the chair to reconnect to node B and resync',
    );
    const next = await chair.command({ type: 'nextItem', fromItemId: 'story' });
    expect(next.ok).toBe(true);
    await waitFor(
      () => screen.state.live.currentItemId === 'close' && chair.state.live.currentItemId === 'close',
    );
    const afterKill = await journal(nodeB.url);
    const names = new Set(
      afterKill.flatMap((entry) =>
        entry.event.type === 'checkedIn'
          ? [(entry.event as unknown as { checkIn: { name: string } }).checkIn.name]
          : [],
      ),
    );
    for (const name of acked) expect(names.has(name)).toBe(true);
    await waitFor(() => chair.seq === afterKill.at(-1)!.seq && screen.seq === chair.seq);
    expect(turnoutOf(screen)).toBe(turnoutOf(chair));
  });

  it('count one person once across nodes: a phone on one, the door on the other', async () => {
    const [nodeA, nodeB] = await Promise.all([startNode(), startNode()]);
    const created = await createAssembly(nodeA.url, { title: 'Counted Once, Two Nodes' });
    await importSetup(nodeA.url, created);
    const phoneOnB = await connect(nodeB.url, { code: created.code });
    const phoneOnA = await connect(nodeA.url, { code: created.code });
    const doorOnA = await connect(nodeA.url, { code: created.code, key: created.keys.door });
    const first = await phoneOnB.command({
      type: 'checkIn',
      checkInId: randomUUID(),
      name: 'Dana Roe',
      institutionId: 'mosque',
    });
    expect(first).toMatchObject({ ok: true });
    // The other node decides against the shared journal: the second phone is told, not counted.
    const again = await phoneOnA.command({
      type: 'checkIn',
      checkInId: randomUUID(),
      name: 'dana roe',
      institutionId: 'mosque',
    });
    expect(again).toMatchObject({ ok: true, already: { method: 'self' } });
    expect(JSON.stringify(again)).not.toContain('Dana');
    const atDoor = await doorOnA.command({
      type: 'checkIn',
      checkInId: randomUUID(),
      name: 'Dana Row',
      institutionId: 'mosque',
      device: 'Door',
    });
    expect(atDoor).toMatchObject({ ok: false, code: 'possible_duplicate', match: { name: 'Dana Roe' } });
    await waitFor(() => turnoutOf(phoneOnA) === 1 && turnoutOf(phoneOnB) === 1 && turnoutOf(doorOnA) === 1);
  });

  it('count an address once across nodes: wrong keys on one node block it on the other', async () => {
    const [nodeA, nodeB] = await Promise.all([startNode(), startNode()]);
    const created = await createAssembly(nodeA.url, { title: 'Limits Across Nodes' });
    // A client address of its own for this run (the limits live in Redis for a minute).
    const address = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    const refusal = (url: string, key: string) =>
      new Promise<string>((resolve) => {
        const socket = connectSocket(url, {
          auth: { code: created.code, key, v: PROTOCOL_VERSION },
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
          extraHeaders: { 'x-forwarded-for': address },
        });
        socket.on('connect_error', (error) => {
          socket.disconnect();
          resolve((error as Error & { data?: { code?: string } }).data?.code ?? 'none');
        });
        socket.on('connect', () => {
          socket.disconnect();
          resolve('accepted');
        });
      });
    for (let i = 0; i < 10; i++) expect(await refusal(nodeA.url, `guess-${i}`)).toBe('bad_key');
    expect(await refusal(nodeB.url, 'guess-on-b')).toBe('rate_limited');
    // A right key always opens its role, on either node.
    expect(await refusal(nodeB.url, created.keys.chair)).toBe('accepted');
  });
});
