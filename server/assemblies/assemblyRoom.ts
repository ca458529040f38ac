import type { AssemblyState } from '../../shared/domain/assembly';
import { evolveAll } from '../../shared/domain/evolve';
import type { JournalEntry } from '../../shared/protocol/events';
import type { AssemblyRecord } from '../store/store';

/** How many recent entries stay in memory, so a reconnecting client gets the gap, not a snapshot. */
const RECENT = 1000;
/** Sync answers kept per committed seq: the audiences times the few seqs phones come back from. */
const MAX_PROJECTIONS = 16;

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
  /** When a client, command or read last used it: a room quiet for long enough is let go. */
  lastUsed = Date.now();
  /** Settles true once the newest append is on disk, false if it failed. */
  lastAppend: Promise<boolean> = Promise.resolve(true);
  private recent: JournalEntry[];
  /** Sync answers projected at `projectedSeq`, by audience and the seq asked from. */
  private readonly projections = new Map<string, unknown>();
  private projectedSeq = -1;

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

  /**
   * Decided entries, ahead of the disk. Returns the state after them: appends commit in the
   * order they were accepted, so it is also the committed state once they are on disk, and
   * commit() need not evolve the same entries a second time (a tenth of a storm's time).
   */
  accept(entries: JournalEntry[]): AssemblyState {
    this.decided = evolveAll(
      this.decided,
      entries.map((entry) => entry.event),
    );
    this.decidedSeq = entries.at(-1)!.seq;
    return this.decided;
  }

  /** `state`: the state after `entries`, when the caller has evolved it already. */
  commit(
    entries: JournalEntry[],
    state = evolveAll(
      this.committed,
      entries.map((entry) => entry.event),
    ),
  ): void {
    if (entries[0]!.seq !== this.committedSeq + 1)
      throw new Error(`commit of ${entries[0]!.seq} after ${this.committedSeq}: out of order`);
    this.committed = state;
    this.committedSeq = entries.at(-1)!.seq;
    this.sinceSnapshot += entries.length;
    this.recent.push(...entries);
    if (this.recent.length > 2 * RECENT) this.recent = this.recent.slice(-RECENT);
  }

  /**
   * Entries committed through the shared store's lock (by this node or another): nothing
   * of this node is in flight then, so what was decided is what is committed.
   */
  catchUp(entries: JournalEntry[], state?: AssemblyState): void {
    this.commit(entries, state);
    this.decided = this.committed;
    this.decidedSeq = this.committedSeq;
  }

  /**
   * A projection of the committed state, made once per committed seq and key. After a restart
   * thousands of phones sync at once, most from the same seq: projecting their gap (up to a
   * thousand entries) for each of them held the others back for seconds.
   */
  projected<T>(key: string, project: () => T): T {
    // Bounded: a client asking from every seq in turn must not pile projections up.
    if (this.projectedSeq !== this.committedSeq || this.projections.size >= MAX_PROJECTIONS) {
      this.projections.clear();
      this.projectedSeq = this.committedSeq;
    }
    if (!this.projections.has(key)) this.projections.set(key, project());
    return this.projections.get(key) as T;
  }

  /** Committed entries after `seq`, or null when they are no longer held in memory. */
  entriesAfter(seq: number): JournalEntry[] | null {
    if (seq === this.committedSeq) return [];
    const first = this.recent[0];
    if (!first || seq < first.seq - 1 || seq > this.committedSeq) return null;
    return this.recent.slice(seq - first.seq + 1);
  }
}
