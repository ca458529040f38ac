import { type JournalEntry, TURNOUT_EVENTS } from '../../protocol/events';
import { type AssemblyState, emptyAssembly } from '../assembly';
import { evolve } from '../evolve';
import { markRehearsals, withoutRehearsal } from '../rehearsal';

/** What a stretch keeps of the assembly: enough for the schedule and the clocks, not the attendance. */
export type StretchState = Pick<AssemblyState, 'status' | 'live' | 'agenda' | 'startsAt' | 'endsAt'>;

/** One stretch of the night: the assembly as it stood from `from` until `until`. */
export interface NightStretch {
  state: StretchState;
  from: number;
  until: number;
}

export interface NightWalk {
  /** Every stretch between two entries of the real night, in order (rehearsals left out). */
  stretches: NightStretch[];
  /** The night's entries alone, in order: no rehearsal's, none made during one. */
  entries: JournalEntry[];
  /** The assembly as the real night left it: its setup, answers and evaluations (turnout: nightTurnout.ts). */
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
  let open: { state: StretchState; from: number } | null = null;
  let lastAt = Number.NEGATIVE_INFINITY;
  for (const entry of markRehearsals(journal)) {
    // Check-ins change nothing a stretch keeps, and replaying thousands would hold the server up.
    const turnout = TURNOUT_EVENTS.has(entry.event.type) || entry.event.type === 'turnoutTallied';
    // A check-in in the night leaves the stretch as it was: one stretch, not thousands.
    if (turnout && open && entry.rehearsal === undefined) {
      const { rehearsal: _mark, ...plain } = entry;
      entries.push(plain);
      lastAt = entry.at;
      continue;
    }
    if (!turnout) state = evolve(state ?? emptyAssembly(''), entry.event);
    if (open && entry.at >= open.from) stretches.push({ ...open, until: entry.at });
    open = null;
    if (entry.rehearsal !== undefined) continue;
    const { rehearsal: _mark, ...plain } = entry;
    entries.push(plain);
    lastAt = entry.at;
    if (state) {
      const { status, live, agenda, startsAt, endsAt } = state;
      open = { state: { status, live, agenda, startsAt, endsAt }, from: entry.at };
    }
  }
  // The night ends at its last entry: the stretch still open runs until then.
  if (open && lastAt > open.from) stretches.push({ ...open, until: lastAt });
  return { stretches, entries, night: withoutRehearsal(state ?? emptyAssembly('')) };
}
