import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { applyEntries, applyInOrder, GAP_WAIT_MS, type Mirror } from '../../client/src/connection/stream';
import { createApplication } from '../../server/app';
import { createLogger } from '../../server/logger';
import { SqliteStore } from '../../server/store/sqliteStore';
import type { AssemblyState } from '../../shared/domain/assembly';
import type { CommandInput } from '../../shared/protocol/commands';
import type {
  ClientToServer,
  CommandReply,
  EventBatch,
  ServerToClient,
  SyncReply,
} from '../../shared/protocol/socket';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';

export type TestSocket = Socket<ServerToClient, ClientToServer>;

export const tempDir = (prefix = 'assembly-live-') => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/** A real server on a free port, with its own SQLite file. */
export async function startServer(
  options: { dataDir?: string; adminToken?: string; now?: () => number } = {},
) {
  const dataDir = options.dataDir ?? tempDir();
  const store = new SqliteStore(path.join(dataDir, 'assembly-live.sqlite'));
  const app = createApplication({
    store,
    logger: createLogger('silent'),
    publicUrl: 'http://phones.example',
    adminToken: options.adminToken,
    now: options.now,
    journalDir: dataDir,
  });
  const port = await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  return { app, store, url, port, dataDir, close: () => app.close() };
}

export interface Created {
  code: string;
  keys: { admin: string; chair: string; door: string };
  links: Record<'admin' | 'chair' | 'door' | 'screen' | 'join', string>;
}

export async function createAssembly(
  url: string,
  body: object = { title: 'Test Assembly' },
): Promise<Created> {
  const response = await fetch(`${url}/api/assemblies`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`create failed: ${response.status} ${await response.text()}`);
  const json = (await response.json()) as Omit<Created, 'keys'>;
  const key = (link: string) => new URL(link).hash.replace('#key=', '');
  return {
    ...json,
    keys: { admin: key(json.links.admin), chair: key(json.links.chair), door: key(json.links.door) },
  };
}

export async function post(url: string, body: unknown, key?: string, raw = false) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: raw ? (body as string) : JSON.stringify(body),
  });
  return {
    status: response.status,
    json: (await response.json().catch(() => null)) as Record<string, unknown> | null,
  };
}

/** A check-in command for someone of St Mary's (SMALL_SETUP), with its own id. */
export const checkIn = (name: string, extra: Record<string, unknown> = {}) => ({
  type: 'checkIn',
  checkInId: randomUUID(),
  name,
  institutionId: 'stmarys',
  ...extra,
});

export const SMALL_SETUP = {
  agenda: [
    { id: 'welcome', kind: 'welcome', title: 'Welcome', minutes: 2, notes: 'SECRET-CHAIR-NOTE' },
    { id: 'story', kind: 'testimony', title: 'Testimony: Grace', speaker: 'Grace', minutes: 3 },
    { id: 'close', kind: 'close', title: 'Close', minutes: 1 },
  ],
  institutions: [
    { id: 'stmarys', name: "St Mary's", section: 'Stalls', committed: 20 },
    { id: 'mosque', name: 'East London Mosque', section: 'Balcony', committed: 30 },
  ],
};

export async function importSetup(url: string, created: Created, setup: object = SMALL_SETUP) {
  const result = await post(`${url}/api/assemblies/${created.code}/import`, setup, created.keys.admin);
  if (result.status !== 200) throw new Error(`import failed: ${JSON.stringify(result.json)}`);
  return result;
}

/**
 * A client as the browser runs one: connects, syncs, mirrors the state with the shared
 * evolve, resyncs after a reconnect. Records every batch it received.
 */
export class MirrorClient {
  readonly socket: TestSocket;
  mirror: Mirror | null = null;
  epoch: string | null = null;
  received: unknown[] = [];
  syncs = 0;
  private early: EventBatch[] = [];
  private gapTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    url: string,
    auth: { code: string; key?: string; v?: number },
    options: { reconnection?: boolean } = {},
  ) {
    this.socket = connectSocket(url, {
      auth: { v: PROTOCOL_VERSION, ...auth },
      transports: ['websocket'],
      reconnection: options.reconnection ?? true,
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
      forceNew: true,
    });
    this.socket.on('connect', () => void this.sync());
    this.socket.on('events', (batch: EventBatch) => {
      this.received.push(batch);
      if (!this.mirror) return;
      // As the browser does: a batch past a gap waits a moment for the one before it.
      const ordered = applyInOrder(this.mirror, this.early, batch);
      this.mirror = ordered.mirror;
      this.early = ordered.early;
      clearTimeout(this.gapTimer);
      if (this.early.length > 0) {
        this.gapTimer = setTimeout(() => this.early.length > 0 && void this.sync(), GAP_WAIT_MS);
      }
    });
  }

  private async sync() {
    let reply: SyncReply;
    try {
      reply = await this.socket.emitWithAck('sync', { epoch: this.epoch, seq: this.mirror?.seq ?? 0 });
    } catch {
      return; // Disconnected mid-sync: the next connect syncs again.
    }
    this.received.push(reply);
    if (!reply.ok) return;
    this.epoch = reply.epoch;
    if (reply.kind === 'snapshot') this.mirror = { seq: reply.seq, state: reply.state };
    else if (this.mirror) this.mirror = applyEntries(this.mirror, reply.entries);
    const held = this.early;
    this.early = [];
    for (const batch of held) {
      const ordered = applyInOrder(this.mirror!, this.early, batch);
      this.mirror = ordered.mirror;
      this.early = ordered.early;
    }
    this.syncs++;
  }

  get state(): AssemblyState {
    if (!this.mirror) throw new Error('not synced');
    return this.mirror.state;
  }

  get seq(): number {
    return this.mirror?.seq ?? -1;
  }

  command(command: CommandInput | Record<string, unknown>): Promise<CommandReply> {
    return this.socket.timeout(5_000).emitWithAck('command', command as CommandInput);
  }

  async ready(): Promise<this> {
    await waitFor(() => this.mirror !== null && this.socket.connected);
    return this;
  }

  close() {
    clearTimeout(this.gapTimer);
    this.socket.disconnect();
  }
}

/** Resolves with the refusal a server sends to a connection it will not take. */
export function refusalOf(
  url: string,
  auth: Record<string, unknown>,
): Promise<{ code?: string; message?: string }> {
  return new Promise((resolve, reject) => {
    const socket = connectSocket(url, {
      auth,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    socket.on('connect', () => {
      socket.disconnect();
      reject(new Error('connection was accepted'));
    });
    socket.on('connect_error', (error) => {
      socket.disconnect();
      resolve((error as Error & { data?: { code?: string; message?: string } }).data ?? {});
    });
  });
}

export async function waitFor(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * A server with one assembly set up (SMALL_SETUP), and `open` for clients on it that are
 * closed with the server. One per test, so tests run in any order.
 */
export async function startAssembly(
  details: object = { title: 'Test Assembly' },
  serverOptions: Parameters<typeof startServer>[0] = {},
) {
  const server = await startServer(serverOptions);
  const created = await createAssembly(server.url, details);
  await importSetup(server.url, created);
  const clients: MirrorClient[] = [];
  return {
    server,
    created,
    open(key?: string): Promise<MirrorClient> {
      const client = new MirrorClient(server.url, { code: created.code, key });
      clients.push(client);
      return client.ready();
    },
    async close() {
      for (const client of clients) client.close();
      await server.close();
    },
  };
}
