import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApplication } from '../../server/app';
import { createLogger } from '../../server/logger';
import { PgStore } from '../../server/store/pgStore';
import { valuesOf } from '../../shared/domain/register';
import type { JournalEntry } from '../../shared/protocol/events';
import { DATABASE_URL, freshSchema, HOW_TO_RUN_SHARED } from '../postgres';
import { expectEvictedIntact } from './eviction';
import { createAssembly, importSetup, MirrorClient, waitFor } from './harness';

// The hostile room with PostgreSQL: what jsonb refuses, and a listening connection that
// goes quiet without a word.

if (!DATABASE_URL) console.warn(`Hostile-room PostgreSQL tests ${HOW_TO_RUN_SHARED}`);
const quiet = { warn: () => {}, error: () => {} };

let url = '';
let drop = async () => {};
beforeAll(async () => {
  if (!DATABASE_URL) return;
  const schema = await freshSchema(DATABASE_URL);
  url = schema.url;
  drop = schema.drop;
});
afterAll(() => drop());

/** A TCP proxy to PostgreSQL that can go silent on the connections it holds (a NAT forgetting them). */
async function silenceableProxy(target: URL) {
  const open: { client: net.Socket; server: net.Socket; silent: boolean }[] = [];
  const proxy = net.createServer((client) => {
    const server = net.connect(Number(target.port || 5432), target.hostname);
    const pair = { client, server, silent: false };
    open.push(pair);
    client.on('data', (data) => pair.silent || server.write(data));
    server.on('data', (data) => pair.silent || client.write(data));
    const end = () => {
      client.destroy();
      server.destroy();
    };
    client.on('error', end);
    server.on('error', end);
    client.on('close', end);
    server.on('close', end);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const port = (proxy.address() as net.AddressInfo).port;
  const through = new URL(target);
  through.hostname = '127.0.0.1';
  through.port = String(port);
  return {
    url: through.toString(),
    silenceAll: () => {
      for (const pair of open) pair.silent = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const pair of open) {
          pair.client.destroy();
          pair.server.destroy();
        }
        proxy.close(() => resolve());
      }),
  };
}

/** The whole server in this process, on the test schema. */
async function serverOnPostgres() {
  const store = await PgStore.open(url, quiet);
  const app = createApplication({
    store,
    logger: createLogger('silent'),
    publicUrl: 'http://phones.example',
  });
  const port = await app.listen(0, '127.0.0.1');
  return { app, base: `http://127.0.0.1:${port}` };
}

const message = (seq: number): JournalEntry => ({
  seq,
  at: Date.now(),
  actor: 'chair',
  event: { type: 'messageShown', text: `m${seq}` },
});

describe.skipIf(!DATABASE_URL)('a hostile room on PostgreSQL', () => {
  it('half characters never reach jsonb: everyone in the batch is answered', async () => {
    const { app, base } = await serverOnPostgres();
    const clients: MirrorClient[] = [];
    try {
      const created = await createAssembly(base);
      await importSetup(base, created);
      const open = async (key?: string) => {
        const client = await new MirrorClient(base, { code: created.code, key }).ready();
        clients.push(client);
        return client;
      };
      const [door, chair, phone] = await Promise.all([
        open(created.keys.door),
        open(created.keys.chair),
        open(),
      ]);
      // Sent together, so they are decided in the same transactions.
      const replies = await Promise.all([
        door.command({
          type: 'checkIn',
          checkInId: randomUUID(),
          name: 'Amal \ud83d',
          institutionId: 'stmarys',
          device: 'Door \udc00',
        }),
        chair.command({ type: 'nextItem', fromItemId: null }),
        phone.command({ type: 'checkIn', checkInId: randomUUID(), name: 'x\ud800', institutionId: 'mosque' }),
        door.command({
          type: 'checkIn',
          checkInId: randomUUID(),
          name: 'Grace Obi',
          institutionId: 'mosque',
        }),
      ]);
      expect(replies.map((r) => r.ok)).toEqual([true, true, true, true]);
      await waitFor(() => valuesOf(door.state.attendance.checkIns).length === 3);
      expect(
        valuesOf(door.state.attendance.checkIns)
          .map((c) => c.name)
          .sort(),
      ).toEqual(['Amal', 'Grace Obi', 'x']);
    } finally {
      for (const client of clients) client.close();
      await app.close();
    }
  });

  it('a listening connection gone silent is noticed and replaced; nothing is missed', async () => {
    const proxy = await silenceableProxy(new URL(url));
    const node = await PgStore.open(proxy.url, quiet, { heartbeatMs: 300 });
    const other = await PgStore.open(url, quiet);
    const heard: (string | null)[] = [];
    node.onAppended((code) => heard.push(code));
    try {
      const code = 'QUIET2';
      await other.createAssembly(
        {
          code,
          epoch: 'e',
          keyHashes: { admin: 'a'.repeat(64), chair: 'b'.repeat(64), door: 'c'.repeat(64) },
          createdAt: 1,
        },
        [message(1)],
      );
      await waitFor(() => heard.includes(code), 5_000, 'the first notice');
      // The node's connections stop hearing anything, with no error and no close.
      proxy.silenceAll();
      heard.length = 0;
      await other.append(code, [message(2)]);
      // The heartbeat notices, listens again on a new connection, and says "catch up on all".
      await waitFor(() => heard.includes(null), 5_000, 'the node to notice it was deaf');
      await other.append(code, [message(3)]);
      await waitFor(() => heard.includes(code), 5_000, 'notices again');
    } finally {
      await other.close();
      await node.close();
      await proxy.close();
    }
  });

  it('an idle assembly is let go from memory and comes back intact', async () => {
    const { app, base } = await serverOnPostgres();
    try {
      const created = await createAssembly(base);
      await importSetup(base, created);
      await expectEvictedIntact(base, app.host, created);
    } finally {
      await app.close();
    }
  });
});
