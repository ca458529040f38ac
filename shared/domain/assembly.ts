// The assembly's authoritative state: what the server holds and every client mirrors.

import type { Ask, PowerHolder, Timer } from './asks';
import { type Cards, emptyCards } from './cards';
import type { CoreTeamEvaluation } from './evaluation/coreTeamEvaluation';
import { DEFAULT_RESPONSE_MS, type FollowUp, type Responses, type ResponseTimer } from './responses';
import { withPeopleIndex } from './samePerson';
import { type Attendance, emptyAttendance, emptyTurnout, type RollCallOrder, type Turnout } from './turnout';

export const ITEM_KINDS = [
  'welcome',
  'rollCall',
  'testimony',
  'ask',
  'response',
  'speech',
  'song',
  'break',
  'close',
  'custom',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const ITEM_KIND_LABELS: Record<ItemKind, string> = {
  welcome: 'Welcome',
  rollCall: 'Roll call',
  testimony: 'Testimony',
  ask: 'The ask',
  response: 'Response',
  speech: 'Speech',
  song: 'Song',
  break: 'Break',
  close: 'Close',
  custom: 'Item',
};

export interface AgendaItem {
  id: string;
  kind: ItemKind;
  title: string;
  speaker: string;
  durationMs: number;
  /** The timer turns amber when this much time is left (the timekeeper's yellow card). */
  warningMs: number;
  /** The chair's private notes: never sent to the screen or phones. */
  notes: string;
  askId: string | null;
  /** How long each power-holder has to answer this item's ask. */
  responseMs: number;
}

export interface Institution {
  id: string;
  name: string;
  section: string;
  committed: number;
}

export const SCENES = ['agenda', 'rollCall', 'commitments', 'cards', 'join', 'blank'] as const;
export type Scene = (typeof SCENES)[number];

/**
 * The chair's private cues to the speaker, shown on the stage-facing monitor only: a fixed
 * set, so one tap sends it, the speaker reads a word they know at a glance, and no typed
 * text can reach a stream that anyone may open.
 */
export const SPEAKER_CUES = ['wrapUp', 'thirtySeconds'] as const;
export type SpeakerCue = (typeof SPEAKER_CUES)[number];
export const SPEAKER_CUE_WORDS: Record<SpeakerCue, string> = {
  wrapUp: 'Wrap up',
  thirtySeconds: '30 seconds',
};

export interface Live {
  currentItemId: string | null;
  timer: Timer;
  scene: Scene;
  message: string | null;
  rollCallOrder: RollCallOrder;
  responseTimer: ResponseTimer | null;
  /** The institution the chair is calling in the roll call now: highlighted on the projector. */
  rollCallNow: string | null;
  /** The chair's cue to the speaker, on the speaker's monitor only. */
  speakerCue: SpeakerCue | null;
}

/** What undo takes back: a change to the live state, or the last answer recorded. */
export type UndoStep =
  | { kind: 'live'; live: Live }
  /** An answer recorded; `clock` is the answer clock it stopped, given back if it is undone. */
  | { kind: 'response'; askId: string; powerHolderId: string; clock: ResponseTimer | null };

export type { Ask, Commitment, PowerHolder, Timer } from './asks';

export type AssemblyStatus = 'draft' | 'live' | 'closed';

export interface AssemblyDetails {
  title: string;
  venue: string;
  startsAt: number | null;
  endsAt: number | null;
  /** The assembly's own time zone (IANA) for the exports' times; '' is the server's. */
  timeZone: string;
}

export interface AssemblyState extends AssemblyDetails {
  code: string;
  status: AssemblyStatus;
  agenda: AgendaItem[];
  institutions: Institution[];
  powerHolders: PowerHolder[];
  asks: Ask[];
  /** Counts setup changes, so an editor's save can tell it was made from the latest. */
  setupRevision: number;
  live: Live;
  /** Counts: public. */
  turnout: Turnout;
  /** Names and contacts: staff only (views.ts strips them for everyone else). */
  attendance: Attendance;
  responses: Responses;
  followUps: FollowUp[];
  /** What the chair can take back, newest last. */
  undo: UndoStep[];
  /** Commitment cards (cards.ts): the options are setup, the cards the night's record. */
  cards: Cards;
  /** A rehearsal under way (rehearsal.ts): everything works, and its end puts the night back. */
  rehearsal: Rehearsal | null;
  /** How many rehearsals this assembly has had. */
  rehearsals: number;
  /** The core team's evaluations after the night: staff only (views.ts). */
  evaluations: CoreTeamEvaluation[];
}

/** What the night records: what a rehearsal changes and its end puts back (rehearsal.ts). */
export interface NightRecord {
  status: AssemblyStatus;
  live: Live;
  turnout: Turnout;
  /** Check-ins and their indexes. The registrants are setup: a rehearsal keeps its corrections. */
  attendance: Omit<Attendance, 'registrants' | 'withdrawnTickets'>;
  responses: Responses;
  followUps: FollowUp[];
  undo: UndoStep[];
  /** The cards filled and whether phones show the card; the options are setup. */
  cards: Omit<Cards, 'options'>;
}

export interface Rehearsal {
  /** Its number among this assembly's rehearsals: 1 for the first. */
  number: number;
  startedAt: number;
  /** The setup's revision when it began: a setup changed since makes the old undo steps moot. */
  setupRevision: number;
  /** The night as it was when the rehearsal began (each audience holds its own view of it). */
  before: NightRecord;
}

export const UNDO_DEPTH = 20;
export const DEFAULT_WARNING_MS = 30_000;

export const idleTimer = (durationMs = 0): Timer => ({ durationMs, startedAt: null, accumulatedMs: 0 });

export function emptyAssembly(code: string): AssemblyState {
  return {
    code,
    title: '',
    venue: '',
    startsAt: null,
    endsAt: null,
    timeZone: '',
    status: 'draft',
    agenda: [],
    institutions: [],
    powerHolders: [],
    asks: [],
    setupRevision: 0,
    live: {
      currentItemId: null,
      timer: idleTimer(),
      scene: 'agenda',
      message: null,
      rollCallOrder: 'section',
      responseTimer: null,
      rollCallNow: null,
      speakerCue: null,
    },
    turnout: emptyTurnout(),
    attendance: emptyAttendance(),
    responses: {},
    followUps: [],
    undo: [],
    cards: emptyCards(),
    rehearsal: null,
    rehearsals: 0,
    evaluations: [],
  };
}

/**
 * A state saved by an earlier version (a snapshot on disk) gets the parts added since,
 * empty, so an assembly survives an upgrade of the server.
 */
export function withCurrentShape(saved: AssemblyState): AssemblyState {
  const empty = emptyAssembly(saved.code);
  return {
    ...empty,
    ...saved,
    live: { ...empty.live, ...saved.live },
    turnout: { ...empty.turnout, ...saved.turnout },
    // Before one person counted once, the attendance had no index of names.
    attendance: withPeopleIndex({
      ...empty.attendance,
      ...saved.attendance,
      byName: saved.attendance?.byName,
      byContact: saved.attendance?.byContact,
      byInstitution: saved.attendance?.byInstitution,
    }),
    agenda: saved.agenda.map((item) => ({ ...item, responseMs: item.responseMs ?? DEFAULT_RESPONSE_MS })),
    // Before answers could be undone, the undo stack held live states only.
    undo: (saved.undo as (UndoStep | Live)[]).map((step) =>
      'kind' in step ? step : { kind: 'live' as const, live: step },
    ),
  };
}

export function currentItem(state: Pick<AssemblyState, 'live' | 'agenda'>): AgendaItem | null {
  const id = state.live.currentItemId;
  return id === null ? null : (state.agenda.find((item) => item.id === id) ?? null);
}

export function currentIndex(state: Pick<AssemblyState, 'live' | 'agenda'>): number {
  const id = state.live.currentItemId;
  return id === null ? -1 : state.agenda.findIndex((item) => item.id === id);
}
