import type { JournalEntry } from '../../protocol/events';
import type { AssemblyState } from '../assembly';
import { type Answer, currentAnswer, shownAnswer } from '../responses';
import { elapsedMs } from '../timer';
import type { NightStretch } from './nightWalk';

/** One answer pressed on the night, and whether the chair took it back. */
export interface AnswerStep {
  answer: Answer;
  note: string;
  at: number;
  /** When the chair's undo withdrew it (null: it stood, or was changed by a later answer). */
  withdrawnAt: number | null;
}

export interface PowerHolderAnswer {
  powerHolderId: string;
  name: string;
  /** The answer that stands, the empty chair, or none yet. */
  standing: Answer | 'pending';
  note: string;
  /** Every answer pressed, oldest first: a waffle pressed into a yes keeps both. */
  steps: AnswerStep[];
  /** The time the answer clock gave (null: it never ran) and the time it ran. */
  givenMs: number | null;
  usedMs: number;
}

export interface AskAnswers {
  askId: string;
  title: string;
  answers: PowerHolderAnswer[];
}

/**
 * Every ask with each power-holder's answer and how it came about, and the answer clock
 * against the time it gave: counted over the stretches its clock was on that power-holder.
 */
export function answersGiven(
  entries: readonly JournalEntry[],
  stretches: readonly NightStretch[],
  night: AssemblyState,
): AskAnswers[] {
  const key = (askId: string, holderId: string) => JSON.stringify([askId, holderId]);
  const steps = new Map<string, AnswerStep[]>();
  for (const { event, at } of entries) {
    if (event.type === 'responseRecorded') {
      const list = steps.get(key(event.askId, event.powerHolderId)) ?? [];
      list.push({ answer: event.answer, note: event.note, at: event.at ?? at, withdrawnAt: null });
      steps.set(key(event.askId, event.powerHolderId), list);
    }
    if (event.type === 'responseWithdrawn') {
      const list = steps.get(key(event.askId, event.powerHolderId)) ?? [];
      const standing = list.findLast((step) => step.withdrawnAt === null);
      if (standing) standing.withdrawnAt = event.at;
    }
  }
  const clocks = new Map<string, { givenMs: number; usedMs: number }>();
  for (const { state, until } of stretches) {
    const clock = state.live.responseTimer;
    if (!clock || state.status !== 'live') continue;
    const k = key(clock.askId, clock.powerHolderId);
    const seen = clocks.get(k) ?? { givenMs: clock.timer.durationMs, usedMs: 0 };
    seen.givenMs = clock.timer.durationMs;
    // The clock as the room saw it: an answer undone gives it back, running on from its start.
    seen.usedMs = Math.max(seen.usedMs, elapsedMs(clock.timer, until));
    clocks.set(k, seen);
  }
  return night.asks.map((ask) => ({
    askId: ask.id,
    title: ask.title,
    answers: ask.targetIds.flatMap((holderId) => {
      const holder = night.powerHolders.find((p) => p.id === holderId);
      if (!holder) return [];
      const now = currentAnswer(night.responses, ask.id, holderId);
      const clock = clocks.get(key(ask.id, holderId));
      return [
        {
          powerHolderId: holderId,
          name: holder.name,
          standing: shownAnswer(holder, now),
          note: now?.note ?? '',
          steps: steps.get(key(ask.id, holderId)) ?? [],
          givenMs: clock?.givenMs ?? null,
          usedMs: clock?.usedMs ?? 0,
        },
      ];
    }),
  }));
}
