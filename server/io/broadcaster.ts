import { AUDIENCES, type Audience, entriesFor } from '../../shared/domain/views';
import { COALESCED_EVENTS, type JournalEntry } from '../../shared/protocol/events';
import type { EventBatch } from '../../shared/protocol/socket';
import type { AssemblyRoom } from '../assemblies/assemblyRoom';

/** At most one turnout update per this interval per assembly: a few a second, not one per check-in. */
export const TURNOUT_INTERVAL_MS = 300;
/**
 * And no more often than this much per connected phone. Every update is one socket write per
 * phone, about 20 us each on a 2-core machine (bench: writev was 45% of the server's time in a
 * check-in storm with 5,000 phones at 300 ms): 0.2 ms per phone keeps turnout broadcasts near a
 * tenth of one core however many phones are connected; at 5,000 phones, one update a second.
 */
export const TURNOUT_MS_PER_PHONE = 0.2;

/** The shortest gap between turnout updates to an assembly with this many public clients. */
export const turnoutIntervalMs = (phones: number, intervalMs = TURNOUT_INTERVAL_MS): number =>
  Math.max(intervalMs, phones * TURNOUT_MS_PER_PHONE);

interface Pending {
  room: AssemblyRoom;
  prevSeq: number;
  seq: number;
  entries: JournalEntry[];
  timer: ReturnType<typeof setTimeout> | null;
}

/** `paced`: turnout only, which may reach a large audience over a few turns of the event loop. */
export type Send = (code: string, audience: Audience, batch: EventBatch, paced: boolean) => void;

/**
 * Sends committed batches to each audience. During a check-in storm, batches of turnout
 * events are held and merged so each client gets a few updates a second; anything else
 * (the chair's press) goes at once, taking any held turnout with it. A client that synced
 * in the middle of a held batch skips the entries it has (the stream carries seqs) and
 * the public tally holds absolute counts, so applying it again is harmless.
 */
export class Broadcaster {
  private readonly pending = new Map<string, Pending>();
  private readonly lastSent = new Map<string, number>();

  constructor(
    private readonly send: Send,
    private readonly intervalMs = TURNOUT_INTERVAL_MS,
    private readonly now: () => number = Date.now,
    /** How many public clients (phones, screens) an assembly has connected. */
    private readonly phonesOf: (code: string) => number = () => 0,
  ) {}

  /** The shortest gap between turnout updates for an assembly, given its audience now. */
  intervalFor(code: string): number {
    return turnoutIntervalMs(this.phonesOf(code), this.intervalMs);
  }

  publish(room: AssemblyRoom, batch: EventBatch): void {
    const code = room.code;
    let held = this.pending.get(code);
    if (held && held.room === room && held.seq === batch.prevSeq) {
      held.entries.push(...batch.entries);
      held.seq = batch.seq;
    } else {
      // A reloaded room's clients resync anyway. Entries another node committed in between
      // (a shared store) are not ours to send: what is held goes out alone, whole.
      if (held && held.room === room) this.flush(code);
      else if (held) this.drop(code);
      held = { room, prevSeq: batch.prevSeq, seq: batch.seq, entries: [...batch.entries], timer: null };
      this.pending.set(code, held);
    }
    // Turnout and commitment cards: thousands of each in a rush, heard by the public as counts.
    const turnoutOnly = batch.entries.every((entry) => COALESCED_EVENTS.has(entry.event.type));
    if (held.timer) {
      if (!turnoutOnly) this.flush(code, false);
      return;
    }
    const wait = (this.lastSent.get(code) ?? Number.NEGATIVE_INFINITY) + this.intervalFor(code) - this.now();
    if (!turnoutOnly || wait <= 0) {
      this.flush(code, turnoutOnly);
      return;
    }
    held.timer = setTimeout(() => this.flush(code, true), wait);
    held.timer.unref();
  }

  flush(code: string, paced = false): void {
    const held = this.pending.get(code);
    if (!held) return;
    if (held.timer) clearTimeout(held.timer);
    this.pending.delete(code);
    this.lastSent.set(code, this.now());
    // Everything committed so far is in `held`, so the room's committed state is the one after it.
    const state = held.room.committed;
    for (const audience of AUDIENCES) {
      this.send(
        code,
        audience,
        {
          prevSeq: held.prevSeq,
          seq: held.seq,
          entries: entriesFor(audience, held.entries, state),
        },
        paced,
      );
    }
  }

  /** The assembly's stream broke and its clients will resync: forget what was held. */
  drop(code: string): void {
    const held = this.pending.get(code);
    if (held?.timer) clearTimeout(held.timer);
    this.pending.delete(code);
  }

  stop(): void {
    for (const code of this.pending.keys()) this.drop(code);
  }
}
