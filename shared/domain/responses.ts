import type { Ask, PowerHolder, Timer } from './asks';
import { ownValue } from './ownKeys';

// Power-holders answer asks in public: yes, no, a waffle (a non-answer), or the empty
// chair. Every answer is kept with its time; a changed answer keeps the earlier one.

export const ANSWERS = ['yes', 'no', 'waffle', 'absent'] as const;
export type Answer = (typeof ANSWERS)[number];

/** Colour is never the only signal: each answer has a symbol and a word too (colour-blind safe). */
export const ANSWER_LOOK: Record<Answer | 'pending', { word: string; symbol: string }> = {
  yes: { word: 'YES', symbol: '✓' },
  no: { word: 'NO', symbol: '✕' },
  waffle: { word: 'WAFFLE', symbol: '~' },
  absent: { word: 'ABSENT', symbol: '○' },
  pending: { word: 'NO ANSWER', symbol: '…' },
};

/**
 * One vocabulary for an answer not given, on every screen and file: the empty chair of a
 * power-holder not attending is "absent"; an answer still to come is "no answer yet".
 */
export const NO_ANSWER_WORDS = { absent: 'absent (empty chair)', pending: 'no answer yet' } as const;

export interface ResponseEntry {
  answer: Answer;
  /** A quote or condition: "yes, within 60 days". */
  note: string;
  at: number;
}

/** Ask id, then power-holder id, to every answer recorded, oldest first: the last one stands. */
export type Responses = Record<string, Record<string, ResponseEntry[]>>;

/** The clock on one power-holder's answer (default a minute, set per agenda item). */
export interface ResponseTimer {
  askId: string;
  powerHolderId: string;
  timer: Timer;
}

export const FOLLOW_UP_STATUSES = ['win', 'progress', 'stalled', 'broken'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const FOLLOW_UP_LOOK: Record<FollowUpStatus, { word: string; symbol: string }> = {
  win: { word: 'WIN', symbol: '★' },
  progress: { word: 'PROGRESS', symbol: '→' },
  stalled: { word: 'STALLED', symbol: '‖' },
  broken: { word: 'BROKEN', symbol: '✕' },
};

/** After the night: where a commitment (a power-holder's answer to an ask) stands. */
export interface FollowUp {
  id: string;
  askId: string;
  powerHolderId: string;
  status: FollowUpStatus;
  note: string;
  /** Evidence: a minute, an article, a letter. */
  link: string;
  /** The day it was so, as the organiser says. */
  date: number;
  /** When it was recorded. */
  at: number;
}

export const DEFAULT_RESPONSE_MS = 60_000;

export function historyOf(responses: Responses, askId: string, powerHolderId: string): ResponseEntry[] {
  const forAsk = ownValue(responses, askId);
  return (forAsk && ownValue(forAsk, powerHolderId)) ?? [];
}

export function currentAnswer(
  responses: Responses,
  askId: string,
  powerHolderId: string,
): ResponseEntry | null {
  return historyOf(responses, askId, powerHolderId).at(-1) ?? null;
}

/**
 * Where a commitment stands now: the follow-up for the latest day the organiser gave (of two
 * on the same day, the one recorded last), or null if none was recorded.
 */
export function latestFollowUp(
  followUps: readonly FollowUp[],
  askId: string,
  powerHolderId: string,
): FollowUp | null {
  let latest: FollowUp | null = null;
  for (const f of followUps)
    if (
      f.askId === askId &&
      f.powerHolderId === powerHolderId &&
      (!latest || f.date > latest.date || (f.date === latest.date && f.at >= latest.at))
    )
      latest = f;
  return latest;
}

export interface BoardCell {
  asked: boolean;
  response: ResponseEntry | null;
}

export interface CommitmentsBoard {
  asks: Ask[];
  powerHolders: PowerHolder[];
  /** cells[ask][powerHolder], in the order of `asks` and `powerHolders`. */
  cells: BoardCell[][];
}

/** Asks against power-holders: only those asked something, in the setup's order. */
export function commitmentsBoard(
  asks: Ask[],
  powerHolders: PowerHolder[],
  responses: Responses,
): CommitmentsBoard {
  const asked = new Set(asks.flatMap((ask) => ask.targetIds));
  const holders = powerHolders.filter((p) => asked.has(p.id));
  return {
    asks,
    powerHolders: holders,
    cells: asks.map((ask) =>
      holders.map((holder) => ({
        asked: ask.targetIds.includes(holder.id),
        response: currentAnswer(responses, ask.id, holder.id),
      })),
    ),
  };
}

/**
 * What the room sees for a power-holder's answer: the answer recorded, else the empty
 * chair for someone not attending, else pending.
 */
export function shownAnswer(holder: PowerHolder, entry: ResponseEntry | null): Answer | 'pending' {
  return entry?.answer ?? (holder.attending ? 'pending' : 'absent');
}
