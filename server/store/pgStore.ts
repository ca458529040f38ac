import pg from 'pg';
import type { JournalEntry } from '../../shared/protocol/events';
import type { StaffRole } from '../../shared/protocol/roles';
import type { Logger } from '../logger';
import { migrate } from './pgMigrations';
import {
  type AssemblyRecord,
  type AssemblyRow,
  type DecidedAppend,
  JournalGapError,
  type SharedStore,
  type Snapshot,
  toRecord,
} from './store';

interface JournalRow {
  seq: number;
  at: string;
  actor: string;
  event: JournalEntry['event'];
}

/** Nodes tell each other "this assembly's journal grew" on this channel (payload "CODE SEQ"). */
const CHANNEL = 'assembly_journal';
const RELISTEN_MS = 1000;
/**
 * The listening connection is asked for a reply this often: a connection dropped without a
 * word (a NAT or firewall forgetting it) would otherwise leave this node deaf to the others
 * for good. TCP keepalive backs it up.
 */
const HEARTBEAT_MS = 10_000;
const HEARTBEAT_TIMEOUT_MS = 5_000;

const toEntry = (row: JournalRow): JournalEntry => ({
  seq: row.seq,
  at: Number(row.at),
  actor: row.actor as JournalEntry['actor'],
  event: row.event,
});

/**
 * The journal in PostgreSQL, shared by every node. Appends for one assembly are serialised
 * by a transaction-scoped advisory lock on its code, taken before reading the journal's
 * end, so two nodes can never both write seq N; the (code, seq) primary key backs it up.
 */
export class PgStore implements SharedStore {
  readonly shared = true;
  private readonly pool: pg.Pool;
  private listener: pg.Client | null = null;
  private readonly listeners: ((code: string | null, seq: number) => void)[] = [];
  private closed = false;
  private everListened = false;
  private stopHeartbeat: () => void = () => {};

  private constructor(
    private readonly connectionString: string,
    private readonly logger: Pick<Logger, 'warn' | 'error'>,
    private readonly heartbeatMs: number,
  ) {
    this.pool = new pg.Pool({ connectionString, max: 10 });
    // An idle connection dropped by the server must not take the process with it.
    this.pool.on('error', (error) => this.logger.warn({ err: error }, 'idle PostgreSQL connection failed'));
  }

  /** Connects, runs the migrations and starts listening for other nodes' appends. */
  static async open(
    connectionString: string,
    logger: Pick<Logger, 'warn' | 'error'>,
    { heartbeatMs = HEARTBEAT_MS } = {},
  ): Promise<PgStore> {
    const store = new PgStore(connectionString, logger, heartbeatMs);
    try {
      const client = await store.pool.connect();
      try {
        await migrate(client);
      } finally {
        client.release();
      }
      await store.listen();
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.connectionString,
      keepAlive: true,
      keepAliveInitialDelayMillis: this.heartbeatMs,
    });
    let heartbeat: ReturnType<typeof setInterval> | undefined;
    let lost = false;
    const relisten = (error: unknown) => {
      if (lost) return;
      lost = true;
      clearInterval(heartbeat);
      this.logger.warn({ err: error }, 'PostgreSQL listener failed; listening again');
      if (this.listener === client) this.listener = null;
      client.end().catch(() => {});
      this.listenAgain();
    };
    client.on('notification', (message) => {
      const [code, seq] = (message.payload ?? '').split(' ');
      if (code && Number.isInteger(Number(seq)))
        for (const listener of this.listeners) listener(code, Number(seq));
    });
    client.on('error', relisten);
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      lost = true;
      client.end().catch(() => {});
      throw error;
    }
    heartbeat = setInterval(() => {
      const timeout = new Promise((_, reject) =>
        setTimeout(
          () => reject(new Error('no answer to the heartbeat')),
          Math.min(HEARTBEAT_TIMEOUT_MS, this.heartbeatMs),
        ).unref(),
      );
      Promise.race([client.query('SELECT 1'), timeout]).catch(relisten);
    }, this.heartbeatMs);
    heartbeat.unref();
    this.stopHeartbeat = () => clearInterval(heartbeat);
    const again = this.listener === null && this.everListened;
    this.listener = client;
    this.everListened = true;
    // Notices sent while no one listened are gone: tell the host to catch everything up.
    if (again) for (const listener of this.listeners) listener(null, 0);
  }

  /** Another try at listening in a moment, and again after that until one works. */
  private listenAgain(): void {
    setTimeout(() => {
      if (this.closed) return;
      this.listen().catch((err) => {
        this.logger.error({ err }, 'PostgreSQL listen failed; trying again');
        this.listenAgain();
      });
    }, RELISTEN_MS).unref();
  }

  onAppended(listener: (code: string | null, seq: number) => void): void {
    this.listeners.push(listener);
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  onCommitted?: (entries: number, seconds: number) => void;

  private async insertEntries(client: pg.PoolClient, code: string, entries: JournalEntry[]): Promise<void> {
    const started = performance.now();
    await client.query(
      `INSERT INTO journal (code, seq, at, actor, type, event)
       SELECT $1, * FROM unnest($2::int[], $3::bigint[], $4::text[], $5::text[], $6::jsonb[])`,
      [
        code,
        entries.map((entry) => entry.seq),
        entries.map((entry) => entry.at),
        entries.map((entry) => entry.actor),
        entries.map((entry) => entry.event.type),
        entries.map((entry) => JSON.stringify(entry.event)),
      ],
    );
    this.onCommitted?.(entries.length, (performance.now() - started) / 1000);
    await client.query('SELECT pg_notify($1, $2)', [CHANNEL, `${code} ${entries.at(-1)!.seq}`]);
  }

  /** Held until the transaction ends: the one writer of this assembly's journal, across nodes. */
  private async lock(client: pg.PoolClient, code: string): Promise<void> {
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [code]);
  }

  private async read(
    client: pg.Pool | pg.PoolClient,
    code: string,
    afterSeq: number,
  ): Promise<JournalEntry[]> {
    const { rows } = await client.query<JournalRow>(
      'SELECT seq, at, actor, event FROM journal WHERE code = $1 AND seq > $2 ORDER BY seq',
      [code, afterSeq],
    );
    return rows.map(toEntry);
  }

  async createAssembly(record: AssemblyRecord, entries: JournalEntry[]): Promise<boolean> {
    const { admin, chair, door } = record.keyHashes;
    return this.transaction(async (client) => {
      const inserted = await client.query(
        `INSERT INTO assemblies (code, epoch, admin_hash, chair_hash, door_hash, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (code) DO NOTHING`,
        [record.code, record.epoch, admin, chair, door, record.createdAt],
      );
      if (inserted.rowCount === 0) return false;
      if (entries.length > 0) await this.insertEntries(client, record.code, entries);
      return true;
    });
  }

  async getAssembly(code: string): Promise<AssemblyRecord | null> {
    const { rows } = await this.pool.query<AssemblyRow>('SELECT * FROM assemblies WHERE code = $1', [code]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async listAssemblies(): Promise<AssemblyRecord[]> {
    const { rows } = await this.pool.query<AssemblyRow>('SELECT * FROM assemblies ORDER BY created_at');
    return rows.map(toRecord);
  }

  async replaceKeyHash(code: string, role: StaffRole, hash: string): Promise<void> {
    // One statement per role: a column name is never built from input.
    const column = { admin: 'admin_hash', chair: 'chair_hash', door: 'door_hash' } as const;
    const result = await this.pool.query(`UPDATE assemblies SET ${column[role]} = $1 WHERE code = $2`, [
      hash,
      code,
    ]);
    if (result.rowCount !== 1) throw new Error(`no assembly ${code} to replace a key of`);
  }

  async append(code: string, entries: JournalEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.transaction(async (client) => {
      const last = await this.lastSeq(client, code);
      if (entries[0]!.seq !== last + 1) throw new JournalGapError(code, last + 1, entries[0]!.seq);
      await this.insertEntries(client, code, entries);
    });
  }

  private async lastSeq(client: pg.PoolClient, code: string): Promise<number> {
    await this.lock(client, code);
    const { rows } = await client.query<{ seq: number | null }>(
      'SELECT max(seq) AS seq FROM journal WHERE code = $1',
      [code],
    );
    return rows[0]?.seq ?? 0;
  }

  async appendDecided(
    code: string,
    afterSeq: number,
    decide: (missed: JournalEntry[]) => JournalEntry[],
  ): Promise<DecidedAppend> {
    return this.transaction(async (client) => {
      await this.lock(client, code);
      const missed = await this.read(client, code, afterSeq);
      const appended = decide(missed);
      const next = (missed.at(-1)?.seq ?? afterSeq) + 1;
      if (appended.length > 0) {
        if (appended[0]!.seq !== next) throw new JournalGapError(code, next, appended[0]!.seq);
        await this.insertEntries(client, code, appended);
      }
      return { missed, appended };
    });
  }

  readJournal(code: string, afterSeq: number): Promise<JournalEntry[]> {
    return this.read(this.pool, code, afterSeq);
  }

  async saveSnapshot(code: string, seq: number, text: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO snapshots (code, seq, state) VALUES ($1, $2, $3)
       ON CONFLICT (code) DO UPDATE SET seq = excluded.seq, state = excluded.state
       WHERE excluded.seq > snapshots.seq`,
      [code, seq, text],
    );
  }

  async latestSnapshot(code: string): Promise<Snapshot | null> {
    const { rows } = await this.pool.query<{ seq: number; state: string }>(
      'SELECT seq, state FROM snapshots WHERE code = $1',
      [code],
    );
    return rows[0] ? { seq: rows[0].seq, state: JSON.parse(rows[0].state) } : null;
  }

  async check(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopHeartbeat();
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => {});
    await this.pool.end().catch(() => {});
  }
}
