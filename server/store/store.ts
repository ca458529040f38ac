import type { AssemblyState } from '../../shared/domain/assembly';
import type { JournalEntry } from '../../shared/protocol/events';
import type { StaffRole } from '../../shared/protocol/roles';

export type KeyHashes = Record<StaffRole, string>;

export interface AssemblyRecord {
  code: string;
  /** Random per assembly: tells a client its cached seq belongs to another journal. */
  epoch: string;
  keyHashes: KeyHashes;
  createdAt: number;
}

/** An assembly as both databases keep it: one column per staff key hash. */
export interface AssemblyRow {
  code: string;
  epoch: string;
  admin_hash: string;
  chair_hash: string;
  door_hash: string;
  /** PostgreSQL hands a BIGINT back as a string. */
  created_at: number | string;
}

export const toRecord = (row: AssemblyRow): AssemblyRecord => ({
  code: row.code,
  epoch: row.epoch,
  keyHashes: { admin: row.admin_hash, chair: row.chair_hash, door: row.door_hash },
  createdAt: Number(row.created_at),
});

export interface Snapshot {
  seq: number;
  state: AssemblyState;
}

/**
 * Where assemblies are kept. Async from day one, so a PostgreSQL implementation can sit
 * behind it without touching the domain. `append` resolves only once the entries are
 * durable; entries for one assembly must continue its journal without a gap.
 */
export interface Store {
  /**
   * True when other server processes append to the same journals (PostgreSQL): the host
   * then decides under the store's per-assembly lock (`appendDecided`) and catches up
   * from the journal, instead of trusting the state it holds in memory.
   */
  readonly shared: boolean;
  /** Resolves false when the code is taken. */
  createAssembly(record: AssemblyRecord, entries: JournalEntry[]): Promise<boolean>;
  getAssembly(code: string): Promise<AssemblyRecord | null>;
  listAssemblies(): Promise<AssemblyRecord[]>;
  /**
   * Replaces one staff role's key hash (the organiser regenerated that link). Durable when
   * it resolves; the old key must open nothing from then on. Every other field of the
   * record is unchanged. An implementation only needs an UPDATE of one column.
   */
  replaceKeyHash(code: string, role: StaffRole, hash: string): Promise<void>;
  append(code: string, entries: JournalEntry[]): Promise<void>;
  readJournal(code: string, afterSeq: number): Promise<JournalEntry[]>;
  /** `text`: the state's JSON, written by the caller (snapshotText, a slice at a time). */
  saveSnapshot(code: string, seq: number, text: string): Promise<void>;
  latestSnapshot(code: string): Promise<Snapshot | null>;
  /** Throws when the database cannot answer. */
  check(): Promise<void>;
  close(): Promise<void>;
  /** Told of each journal commit (its entries and how long it took), for /metrics. */
  onCommitted?: (entries: number, seconds: number) => void;
}

/** What `appendDecided` found written by other nodes, and what it then appended. */
export interface DecidedAppend {
  missed: JournalEntry[];
  appended: JournalEntry[];
}

/** A store several server processes share. */
export interface SharedStore extends Store {
  readonly shared: true;
  /**
   * Takes the assembly's lock, reads what other nodes appended after `afterSeq`, calls
   * `decide` with it, appends what `decide` returns (continuing the journal) and commits,
   * all in one transaction: so every entry is decided against the journal exactly as it
   * stands. `decide` may be called again if the transaction is retried, so it must only
   * compute. Resolves once the entries are durable.
   */
  appendDecided(
    code: string,
    afterSeq: number,
    decide: (missed: JournalEntry[]) => JournalEntry[],
  ): Promise<DecidedAppend>;
  /**
   * Called when any node (this one too) appended to an assembly's journal; with `null`
   * when notices may have been missed (the connection carrying them was lost), so every
   * assembly should catch up.
   */
  onAppended(listener: (code: string | null, seq: number) => void): void;
}

export const isShared = (store: Store): store is SharedStore => store.shared;

export class JournalGapError extends Error {
  constructor(code: string, expected: number, got: number) {
    super(`journal for ${code} expected seq ${expected}, got ${got}`);
    this.name = 'JournalGapError';
  }
}
