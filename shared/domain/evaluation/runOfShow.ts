import type { AgendaItem, AssemblyState } from '../assembly';
import { schedule } from '../schedule';
import { isRunning, remainingMs, timerEndsAt } from '../timer';
import type { NightStretch, StretchState } from './nightWalk';

/** One agenda item as planned and as it went. */
export interface ItemAsRun {
  itemId: string;
  title: string;
  kind: AgendaItem['kind'];
  /** When the plan had it start (null without a planned start for the assembly). */
  plannedStartAt: number | null;
  plannedMs: number;
  /** When it first came on (null: never reached). */
  startedAt: number | null;
  /** The time it took: its clock's running time, or its time on stage if its clock never ran. */
  actualMs: number;
  /** Whether its clock ran at all (a roll call often runs untimed). */
  timed: boolean;
  /** How long it was the current item, pauses and all. */
  onStageMs: number;
  /** The allowance its clock had when it was last on, after the chair's ±30 s. */
  givenMs: number;
  /** Positive: over its plan by this much; negative: under. */
  overMs: number;
  /** How many times it came on: more than 1 when the chair went back to it. */
  visits: number;
}

export interface FinishPoint {
  at: number;
  /** Where the finish was heading at that moment (schedule.ts). */
  projectedEndsAt: number;
}

export interface RunOfShow {
  items: ItemAsRun[];
  plannedFinishAt: number | null;
  /** When the night ended: its close, else its last change. Null before anything ran. */
  finishedAt: number | null;
  /** The projected finish as it moved through the night, from the first item on. */
  finish: FinishPoint[];
}

/**
 * Planned against actual for every item, from the night's stretches: time is counted only
 * while the assembly was live, for the item current then, so pauses, undo (which puts the
 * live state back), revisits and a changed allowance all fall out of the replayed state.
 */
export function runOfShow(stretches: readonly NightStretch[], night: AssemblyState): RunOfShow {
  const plannedStarts = schedule(night, night.startsAt ?? 0).plannedStarts;
  const seen = new Map<
    string,
    {
      startedAt: number;
      runningMs: number;
      onStageMs: number;
      timed: boolean;
      givenMs: number;
      visits: number;
    }
  >();
  const finish: FinishPoint[] = [];
  let finishedAt: number | null = null;
  let previousItem: string | null = null;
  for (const { state, from, until } of stretches) {
    const itemId = state.live.currentItemId;
    const live = state.status === 'live' && itemId !== null;
    if (!live) {
      previousItem = null;
      continue;
    }
    const timer = state.live.timer;
    let record = seen.get(itemId);
    if (!record) {
      record = {
        startedAt: from,
        runningMs: 0,
        onStageMs: 0,
        timed: false,
        givenMs: timer.durationMs,
        visits: 0,
      };
      seen.set(itemId, record);
    }
    if (previousItem !== itemId) record.visits++;
    previousItem = itemId;
    record.onStageMs += until - from;
    record.givenMs = timer.durationMs;
    if (isRunning(timer)) {
      record.timed = true;
      record.runningMs += until - Math.max(from, timer.startedAt ?? from);
    }
    finishedAt = until;
    addFinishPoints(finish, state, from, until);
  }
  const items = night.agenda.map((item, index): ItemAsRun => {
    const record = seen.get(item.id);
    const actualMs = record ? (record.timed ? record.runningMs : record.onStageMs) : 0;
    return {
      itemId: item.id,
      title: item.title,
      kind: item.kind,
      plannedStartAt: plannedStarts[index] ?? null,
      plannedMs: item.durationMs,
      startedAt: record?.startedAt ?? null,
      actualMs,
      timed: record?.timed ?? false,
      onStageMs: record?.onStageMs ?? 0,
      givenMs: record?.givenMs ?? item.durationMs,
      overMs: record ? actualMs - item.durationMs : 0,
      visits: record?.visits ?? 0,
    };
  });
  return { items, plannedFinishAt: night.endsAt, finishedAt, finish: fewerFinishPoints(finish) };
}

/** The finish as the chair's console projected it over one stretch: steady, then moving once over time. */
function addFinishPoints(points: FinishPoint[], state: StretchState, from: number, until: number): void {
  const add = (at: number) => points.push({ at, projectedEndsAt: schedule(state, at).projectedEndsAt });
  add(from);
  const endsAt = timerEndsAt(state.live.timer);
  // Past its time, a speaker pushes the finish out as the seconds go.
  if (endsAt !== null && endsAt > from && endsAt < until && remainingMs(state.live.timer, until) < 0)
    add(endsAt);
  add(until);
}

/** The same line with fewer points: a point in the middle of a steady or a moving run says nothing. */
export function fewerFinishPoints(points: readonly FinishPoint[]): FinishPoint[] {
  const kept: FinishPoint[] = [];
  for (const point of points) {
    const last = kept.at(-1);
    if (last && last.at === point.at && last.projectedEndsAt === point.projectedEndsAt) continue;
    const before = kept.at(-2);
    if (
      before &&
      last &&
      sameRun(before, last) &&
      sameRun(last, point) &&
      slope(before, last) === slope(last, point)
    )
      kept[kept.length - 1] = point;
    else kept.push(point);
  }
  return kept;
}

const slope = (a: FinishPoint, b: FinishPoint): 'steady' | 'moving' | 'other' =>
  b.projectedEndsAt === a.projectedEndsAt
    ? 'steady'
    : b.projectedEndsAt - a.projectedEndsAt === b.at - a.at
      ? 'moving'
      : 'other';
const sameRun = (a: FinishPoint, b: FinishPoint): boolean => b.at > a.at && slope(a, b) !== 'other';
