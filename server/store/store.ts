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
  saveSnapshot(code: string, snapshot: Snapshot): Promise<void>;
  latestSnapshot(code: string): Promise<Snapshot | null>;
  /** Throws when the database cannot answer. */
  check(): Promise<void>;
  close(): Promise<void>;
}

export class JournalGapError extends Error {
  constructor(code: string, expected: number, got: number) {
    super(`journal for ${code} expected seq ${expected}, got ${got}`);
    this.name = 'JournalGapError';
  }
}
