import type { AssemblyState } from '../../shared/domain/assembly';
import { evolveAll } from '../../shared/domain/evolve';
import type { JournalEntry } from '../../shared/protocol/events';
import type { AssemblyRecord } from '../store/store';

/** How many recent entries stay in memory, so a reconnecting client gets the gap, not a snapshot. */
const RECENT = 1000;

/**
 * One assembly held in memory. `decided` runs ahead of `committed` while a group commit is
 * in flight, so the next command is decided against everything already accepted; clients
 * only ever see `committed`.
 */
export class AssemblyRoom {
  decided: AssemblyState;
  decidedSeq: number;
  committed: AssemblyState;
  committedSeq: number;
  sinceSnapshot = 0;
  broken = false;
  /** Settles true once the newest append is on disk, false if it failed. */
  lastAppend: Promise<boolean> = Promise.resolve(true);
  private recent: JournalEntry[];

  constructor(
    /** Replaced whole (never mutated) when a key is regenerated. */
    public record: AssemblyRecord,
    state: AssemblyState,
    seq: number,
    recent: JournalEntry[] = [],
  ) {
    this.recent = recent;
    this.decided = state;
    this.committed = state;
    this.decidedSeq = seq;
    this.committedSeq = seq;
  }

  get code(): string {
    return this.record.code;
  }

  accept(entries: JournalEntry[]): void {
    this.decided = evolveAll(
      this.decided,
      entries.map((entry) => entry.event),
    );
    this.decidedSeq = entries.at(-1)!.seq;
  }

  commit(entries: JournalEntry[]): void {
    this.committed = evolveAll(
      this.committed,
      entries.map((entry) => entry.event),
    );
    this.committedSeq = entries.at(-1)!.seq;
    this.sinceSnapshot += entries.length;
    this.recent.push(...entries);
    if (this.recent.length > 2 * RECENT) this.recent = this.recent.slice(-RECENT);
  }

  /**
   * Entries committed through the shared store's lock (by this node or another): nothing
   * of this node is in flight then, so what was decided is what is committed.
   */
  catchUp(entries: JournalEntry[]): void {
    this.commit(entries);
    this.decided = this.committed;
    this.decidedSeq = this.committedSeq;
  }

  /** Committed entries after `seq`, or null when they are no longer held in memory. */
  entriesAfter(seq: number): JournalEntry[] | null {
    if (seq === this.committedSeq) return [];
    const first = this.recent[0];
    if (!first || seq < first.seq - 1 || seq > this.committedSeq) return null;
    return this.recent.slice(seq - first.seq + 1);
  }
}
