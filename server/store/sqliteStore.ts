import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { JournalEntry } from '../../shared/protocol/events';
import type { StaffRole } from '../../shared/protocol/roles';
import {
  type AssemblyRecord,
  type AssemblyRow,
  JournalGapError,
  type Snapshot,
  type Store,
  toRecord,
} from './store';

interface PendingAppend {
  code: string;
  entries: JournalEntry[];
  resolve: () => void;
  reject: (error: Error) => void;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS assemblies (
  code TEXT PRIMARY KEY,
  epoch TEXT NOT NULL,
  admin_hash TEXT NOT NULL,
  chair_hash TEXT NOT NULL,
  door_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS journal (
  code TEXT NOT NULL,
  seq INTEGER NOT NULL,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  type TEXT NOT NULL,
  event TEXT NOT NULL,
  PRIMARY KEY (code, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS snapshots (
  code TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  state TEXT NOT NULL
);
`;

/**
 * SQLite in WAL mode with synchronous=FULL: an append is on disk before it resolves.
 * Appends arriving in the same turn of the event loop share one transaction (group
 * commit), so a storm of check-ins costs one fsync per batch, not one per check-in.
 */
export class SqliteStore implements Store {
  /** One process owns the file: what the host holds in memory is the whole truth. */
  readonly shared = false;
  private readonly db: Database.Database;
  private pending: PendingAppend[] = [];
  private flushScheduled = false;
  onCommitted?: (entries: number, seconds: number) => void;
  private readonly lastSeq = new Map<string, number>();
  private readonly statements;

  constructor(file: string) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.statements = {
      insertAssembly: this.db.prepare(
        'INSERT OR IGNORE INTO assemblies (code, epoch, admin_hash, chair_hash, door_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      getAssembly: this.db.prepare<[string], AssemblyRow>('SELECT * FROM assemblies WHERE code = ?'),
      listAssemblies: this.db.prepare<[], AssemblyRow>('SELECT * FROM assemblies ORDER BY created_at'),
      insertEntry: this.db.prepare(
        'INSERT INTO journal (code, seq, at, actor, type, event) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      maxSeq: this.db.prepare<[string], { seq: number | null }>(
        'SELECT max(seq) AS seq FROM journal WHERE code = ?',
      ),
      readJournal: this.db.prepare<
        [string, number],
        { seq: number; at: number; actor: string; event: string }
      >('SELECT seq, at, actor, event FROM journal WHERE code = ? AND seq > ? ORDER BY seq'),
      saveSnapshot: this.db.prepare(
        'INSERT INTO snapshots (code, seq, state) VALUES (?, ?, ?) ON CONFLICT (code) DO UPDATE SET seq = excluded.seq, state = excluded.state WHERE excluded.seq > snapshots.seq',
      ),
      latestSnapshot: this.db.prepare<[string], { seq: number; state: string }>(
        'SELECT seq, state FROM snapshots WHERE code = ?',
      ),
      check: this.db.prepare('SELECT 1'),
      // One statement per role: a column name is never built from input.
      replaceKeyHash: {
        admin: this.db.prepare('UPDATE assemblies SET admin_hash = ? WHERE code = ?'),
        chair: this.db.prepare('UPDATE assemblies SET chair_hash = ? WHERE code = ?'),
        door: this.db.prepare('UPDATE assemblies SET door_hash = ? WHERE code = ?'),
      },
    };
  }

  private insertEntries(code: string, entries: JournalEntry[]): void {
    for (const entry of entries) {
      this.statements.insertEntry.run(
        code,
        entry.seq,
        entry.at,
        entry.actor,
        entry.event.type,
        JSON.stringify(entry.event),
      );
    }
  }

  async replaceKeyHash(code: string, role: StaffRole, hash: string): Promise<void> {
    const result = this.statements.replaceKeyHash[role].run(hash, code);
    if (result.changes !== 1) throw new Error(`no assembly ${code} to replace a key of`);
  }

  async createAssembly(record: AssemblyRecord, entries: JournalEntry[]): Promise<boolean> {
    const { admin, chair, door } = record.keyHashes;
    const created = this.db.transaction(() => {
      const result = this.statements.insertAssembly.run(
        record.code,
        record.epoch,
        admin,
        chair,
        door,
        record.createdAt,
      );
      if (result.changes === 0) return false;
      this.insertEntries(record.code, entries);
      return true;
    })();
    if (created) this.lastSeq.set(record.code, entries.at(-1)?.seq ?? 0);
    return created;
  }

  async getAssembly(code: string): Promise<AssemblyRecord | null> {
    const row = this.statements.getAssembly.get(code);
    return row ? toRecord(row) : null;
  }

  async listAssemblies(): Promise<AssemblyRecord[]> {
    return this.statements.listAssemblies.all().map(toRecord);
  }

  append(code: string, entries: JournalEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.pending.push({ code, entries, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private storedLastSeq(code: string): number {
    let seq = this.lastSeq.get(code);
    if (seq === undefined) {
      seq = this.statements.maxSeq.get(code)?.seq ?? 0;
      this.lastSeq.set(code, seq);
    }
    return seq;
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    try {
      this.commitBatch(batch);
    } catch (error) {
      // A disk that fails here must fail these appends, never the process.
      this.lastSeq.clear();
      const failure = error instanceof Error ? error : new Error(String(error));
      for (const append of batch) append.reject(failure);
    }
  }

  private commitBatch(batch: PendingAppend[]): void {
    // Refuse an append that would leave a gap (its predecessor failed), before the
    // transaction, so one bad append does not sink the others in the batch.
    const expected = new Map<string, number>();
    const accepted: PendingAppend[] = [];
    const refused: [PendingAppend, Error][] = [];
    for (const append of batch) {
      const last = expected.get(append.code) ?? this.storedLastSeq(append.code);
      const first = append.entries[0]!.seq;
      if (first !== last + 1) {
        refused.push([append, new JournalGapError(append.code, last + 1, first)]);
        continue;
      }
      expected.set(append.code, append.entries.at(-1)!.seq);
      accepted.push(append);
    }
    const started = performance.now();
    this.db.transaction(() => {
      for (const append of accepted) this.insertEntries(append.code, append.entries);
    })();
    if (accepted.length > 0)
      this.onCommitted?.(
        accepted.reduce((n, append) => n + append.entries.length, 0),
        (performance.now() - started) / 1000,
      );
    for (const [code, seq] of expected) this.lastSeq.set(code, seq);
    for (const append of accepted) append.resolve();
    for (const [append, error] of refused) append.reject(error);
  }

  async readJournal(code: string, afterSeq: number): Promise<JournalEntry[]> {
    return this.statements.readJournal.all(code, afterSeq).map((row) => ({
      seq: row.seq,
      at: row.at,
      actor: row.actor as JournalEntry['actor'],
      event: JSON.parse(row.event) as JournalEntry['event'],
    }));
  }

  async saveSnapshot(code: string, seq: number, text: string): Promise<void> {
    this.statements.saveSnapshot.run(code, seq, text);
  }

  async latestSnapshot(code: string): Promise<Snapshot | null> {
    const row = this.statements.latestSnapshot.get(code);
    return row ? { seq: row.seq, state: JSON.parse(row.state) } : null;
  }

  async check(): Promise<void> {
    this.statements.check.get();
  }

  async close(): Promise<void> {
    if (this.pending.length > 0) this.flush();
    this.db.close();
  }
}
