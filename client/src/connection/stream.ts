import type { AssemblyState } from '../../../shared/domain/assembly';
import { evolveAll } from '../../../shared/domain/evolve';
import type { JournalEntry } from '../../../shared/protocol/events';
import type { EventBatch } from '../../../shared/protocol/socket';

export interface Mirror {
  seq: number;
  state: AssemblyState;
}

/** Applies the committed entries after the mirror's seq; anything already seen is skipped. */
export function applyEntries(mirror: Mirror, entries: JournalEntry[]): Mirror {
  const fresh = entries.filter((entry) => entry.seq > mirror.seq);
  if (fresh.length === 0) return mirror;
  return {
    seq: fresh.at(-1)!.seq,
    state: evolveAll(
      mirror.state,
      fresh.map((entry) => entry.event),
    ),
  };
}

/** How long batches that arrived ahead of a gap wait for the missing one before a resync. */
export const GAP_WAIT_MS = 1500;

export interface Ordered {
  mirror: Mirror;
  /** Batches past a gap, waiting for the one before them. */
  early: EventBatch[];
}

/**
 * Applies a batch and any held ones it unblocks, in seq order. With several nodes, each
 * publishes its own commits, so one assembly's batches can arrive out of order by a few
 * milliseconds: a batch past a gap is held, not a reason to resync at once.
 */
export function applyInOrder(mirror: Mirror, early: EventBatch[], batch: EventBatch): Ordered {
  let current = mirror;
  let waiting = [...early, batch];
  for (;;) {
    waiting = waiting.filter((held) => held.seq > current.seq);
    const next = waiting.find((held) => held.prevSeq <= current.seq);
    if (!next) return { mirror: current, early: waiting };
    current = applyEntries(current, next.entries);
    waiting = waiting.filter((held) => held !== next);
  }
}
