import type { AssemblyState } from '../../../shared/domain/assembly';
import { evolveAll } from '../../../shared/domain/evolve';
import type { JournalEntry } from '../../../shared/protocol/events';
import type { EventBatch } from '../../../shared/protocol/socket';

export interface Mirror {
  seq: number;
  state: AssemblyState;
}

export type BatchOutcome = { kind: 'applied'; mirror: Mirror } | { kind: 'seen' } | { kind: 'gap' };

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

/** A batch continues the mirror, repeats what it has, or shows a gap (then: resync). */
export function applyBatch(mirror: Mirror, batch: EventBatch): BatchOutcome {
  if (batch.seq <= mirror.seq) return { kind: 'seen' };
  if (batch.prevSeq > mirror.seq) return { kind: 'gap' };
  return { kind: 'applied', mirror: applyEntries(mirror, batch.entries) };
}
