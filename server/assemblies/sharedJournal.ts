import type { AssemblyState } from '../../shared/domain/assembly';
import { type DecideContext, decide } from '../../shared/domain/decide';
import { evolveAll } from '../../shared/domain/evolve';
import type { AlreadyIn } from '../../shared/domain/samePerson';
import type { Command } from '../../shared/protocol/commands';
import { type Failure, failure } from '../../shared/protocol/errors';
import type { DomainEvent, JournalEntry } from '../../shared/protocol/events';
import type { Role } from '../../shared/protocol/roles';
import type { CommandReply, EventBatch } from '../../shared/protocol/socket';
import type { Logger } from '../logger';
import type { SharedStore } from '../store/store';
import type { AssemblyRoom } from './assemblyRoom';

/** A command to decide, or events the host decided already (a key regenerated). */
type Waiting = { role: Role; reply: (reply: CommandReply) => void } & (
  | { command: Command }
  | { events: DomainEvent[] }
);

/** One assembly's commands and catch-ups, run one step at a time. */
interface Line {
  waiting: Waiting[];
  catchUpWanted: boolean;
  caughtUp: (() => void)[];
  running: boolean;
}

export interface SharedJournalDeps {
  store: SharedStore;
  logger: Logger;
  now: () => number;
  newSecret: () => string;
  /**
   * Every committed batch, this node's and the ones it caught up on, for this node's own
   * clients: each node streams the whole journal to its clients, so they get it in order.
   */
  publish: (room: AssemblyRoom, batch: EventBatch) => void;
  committed: (room: AssemblyRoom) => void;
}

/**
 * Runs commands when several nodes share the journal. Each node's state is only a cache:
 * commands for one assembly are gathered while the previous transaction runs, then
 * decided together inside the store's per-assembly lock, after the entries other nodes
 * wrote (so nothing is decided against a stale state, and a storm still costs one
 * transaction per batch, not per check-in). Catch-ups run on the same line, so the
 * room's state only ever moves forward one step at a time, and what the node streams to
 * its clients is the journal in seq order.
 */
export class SharedJournal {
  private readonly lines = new WeakMap<AssemblyRoom, Line>();

  constructor(private readonly deps: SharedJournalDeps) {}

  private line(room: AssemblyRoom): Line {
    let line = this.lines.get(room);
    if (!line) {
      line = { waiting: [], catchUpWanted: false, caughtUp: [], running: false };
      this.lines.set(room, line);
    }
    return line;
  }

  run(room: AssemblyRoom, role: Role, command: Command): Promise<CommandReply> {
    return new Promise((reply) => {
      this.line(room).waiting.push({ role, command, reply });
      this.kick(room);
    });
  }

  /** Records events decided outside the domain (a regenerated key), in journal order. */
  record(room: AssemblyRoom, role: Role, events: DomainEvent[]): Promise<CommandReply> {
    return new Promise((reply) => {
      this.line(room).waiting.push({ role, events, reply });
      this.kick(room);
    });
  }

  /** Resolves once the room holds at least everything committed when this was called. */
  catchUp(room: AssemblyRoom): Promise<void> {
    return new Promise((resolve) => {
      const line = this.line(room);
      line.catchUpWanted = true;
      line.caughtUp.push(resolve);
      this.kick(room);
    });
  }

  private kick(room: AssemblyRoom): void {
    const line = this.line(room);
    if (line.running) return;
    line.running = true;
    void this.work(room, line);
  }

  private async work(room: AssemblyRoom, line: Line): Promise<void> {
    try {
      while (line.waiting.length > 0 || line.catchUpWanted) {
        const batch = line.waiting.splice(0);
        const caughtUp = line.caughtUp.splice(0);
        line.catchUpWanted = false;
        try {
          if (batch.length > 0) await this.commitBatch(room, batch);
          else await this.readMissed(room);
        } catch (error) {
          this.deps.logger.error({ code: room.code, err: error }, 'shared journal step failed');
        }
        for (const resolve of caughtUp) resolve();
      }
    } finally {
      // In the same step as the loop's last check: a command pushed after it finds the line
      // idle and starts it again (set later, in a callback, that command would wait forever).
      line.running = false;
    }
  }

  private async readMissed(room: AssemblyRoom): Promise<void> {
    const missed = await this.deps.store.readJournal(room.code, room.committedSeq);
    if (missed.length > 0) this.adopt(room, missed);
  }

  /** Moves the room on and tells this node's clients, in seq order, whichever node wrote it. */
  private adopt(room: AssemblyRoom, entries: JournalEntry[], state?: AssemblyState): void {
    const prevSeq = room.committedSeq;
    room.catchUp(entries, state);
    this.deps.publish(room, { prevSeq, seq: room.committedSeq, entries });
    this.deps.committed(room);
  }

  private async commitBatch(room: AssemblyRoom, batch: Waiting[]): Promise<void> {
    const now = this.deps.now();
    let replies: CommandReply[] = [];
    // The states the decisions were made on, so the room need not evolve the batch again.
    let afterMissed: AssemblyState = room.committed;
    let afterAll: AssemblyState = room.committed;
    let result: { missed: JournalEntry[]; appended: JournalEntry[] };
    try {
      result = await this.deps.store.appendDecided(room.code, room.committedSeq, (missed) => {
        replies = [];
        let state = evolveAll(
          room.committed,
          missed.map((entry) => entry.event),
        );
        afterMissed = state;
        let seq = missed.at(-1)?.seq ?? room.committedSeq;
        const entries: JournalEntry[] = [];
        for (const waiting of batch) {
          const decided = this.decideOne(room, state, waiting, now);
          if (!decided.ok) {
            replies.push(decided);
            continue;
          }
          const { events, already } = decided;
          for (const event of events) entries.push({ seq: ++seq, at: now, actor: waiting.role, event });
          state = decided.state;
          replies.push(already ? { ok: true, seq, already } : { ok: true, seq });
        }
        afterAll = state;
        return entries;
      });
    } catch (error) {
      // Rolled back: nothing of this batch is in the journal, and the room is unchanged.
      this.deps.logger.error(
        { code: room.code, err: error, size: batch.length },
        'shared journal append failed',
      );
      if (batch.length > 1) {
        // One command the store refuses must not fail everyone else's: try each alone.
        for (const waiting of batch) await this.commitBatch(room, [waiting]);
        return;
      }
      for (const waiting of batch) waiting.reply(failure('internal'));
      return;
    }
    if (result.missed.length > 0) this.adopt(room, result.missed, afterMissed);
    if (result.appended.length > 0) this.adopt(room, result.appended, afterAll);
    for (const [i, waiting] of batch.entries()) waiting.reply(replies[i]!);
  }

  /**
   * One command decided on the state so far, with the state after it. A command that makes
   * the domain throw is refused alone: the others in its batch are still decided.
   */
  private decideOne(
    room: AssemblyRoom,
    state: AssemblyState,
    waiting: Waiting,
    now: number,
  ): { ok: true; events: DomainEvent[]; already?: AlreadyIn; state: AssemblyState } | Failure {
    try {
      if (!('command' in waiting))
        return { ok: true, events: waiting.events, state: evolveAll(state, waiting.events) };
      const ctx: DecideContext = { now, actor: waiting.role, newSecret: this.deps.newSecret };
      const decision = decide(state, waiting.command, ctx);
      if (!decision.ok) return decision;
      return {
        ok: true,
        events: decision.events,
        already: decision.already,
        state: evolveAll(state, decision.events),
      };
    } catch (error) {
      const type = 'command' in waiting ? waiting.command.type : 'events';
      this.deps.logger.error({ code: room.code, err: error, type }, 'command failed in the domain');
      return failure('internal');
    }
  }
}
