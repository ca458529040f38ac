import type { JournalEntry } from '../../protocol/events';
import { type AssemblyState, emptyAssembly } from '../assembly';
import { evolve } from '../evolve';
import { markRehearsals, withoutRehearsal } from '../rehearsal';

/** One stretch of the night: the assembly as it stood from `from` until `until`. */
export interface NightStretch {
  state: AssemblyState;
  from: number;
  until: number;
}

export interface NightWalk {
  /** Every stretch between two entries of the real night, in order (rehearsals left out). */
  stretches: NightStretch[];
  /** The night's entries alone, in order: no rehearsal's, none made during one. */
  entries: JournalEntry[];
  /** The assembly as the real night left it. */
  night: AssemblyState;
}

/**
 * Replays the journal through the same evolve as everyone, so an undo or a rehearsal's end
 * puts the state back exactly as on the night; only what happened outside a rehearsal is
 * looked at. Pure: the journal in, the night out.
 */
export function walkNight(journal: readonly JournalEntry[]): NightWalk {
  const stretches: NightStretch[] = [];
  const entries: JournalEntry[] = [];
  let state: AssemblyState | null = null;
  let open: { state: AssemblyState; from: number } | null = null;
  for (const entry of markRehearsals(journal)) {
    // Never recorded, but a journal handed in from outside might hold one.
    if (entry.event.type === 'turnoutTallied') continue;
    state = evolve(state ?? emptyAssembly(''), entry.event);
    if (open && entry.at >= open.from) stretches.push({ ...open, until: entry.at });
    open = null;
    if (entry.rehearsal !== undefined) continue;
    const { rehearsal: _mark, ...plain } = entry;
    entries.push(plain);
    open = { state, from: entry.at };
  }
  return { stretches, entries, night: withoutRehearsal(state ?? emptyAssembly('')) };
}
