// The assembly's authoritative state: what the server holds and every client mirrors.
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
}

export interface Institution {
  id: string;
  name: string;
  section: string;
  committed: number;
}

export interface PowerHolder {
  id: string;
  name: string;
  role: string;
  organisation: string;
  attending: boolean;
}

export interface Commitment {
  action: string;
  deadline: string;
  owner: string;
  measure: string;
}

export interface Ask {
  id: string;
  title: string;
  wording: string;
  targetIds: string[];
  commitment: Commitment;
}

/** Timers are state, not ticks: everyone computes the remaining time from server time. */
export interface Timer {
  durationMs: number;
  startedAt: number | null;
  accumulatedMs: number;
}

export const SCENES = ['agenda', 'rollCall', 'join', 'blank'] as const;
export type Scene = (typeof SCENES)[number];

export interface Live {
  currentItemId: string | null;
  timer: Timer;
  scene: Scene;
  message: string | null;
  rollCallOrder: RollCallOrder;
}

export type AssemblyStatus = 'draft' | 'live' | 'closed';

export interface AssemblyDetails {
  title: string;
  venue: string;
  startsAt: number | null;
  endsAt: number | null;
}

export interface AssemblyState extends AssemblyDetails {
  code: string;
  status: AssemblyStatus;
  agenda: AgendaItem[];
  institutions: Institution[];
  powerHolders: PowerHolder[];
  asks: Ask[];
  live: Live;
  /** Counts: public. */
  turnout: Turnout;
  /** Names and contacts: staff only (views.ts strips them for everyone else). */
  attendance: Attendance;
  /** Earlier live states, newest last, so the chair can undo a wrong press. */
  undo: Live[];
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
    status: 'draft',
    agenda: [],
    institutions: [],
    powerHolders: [],
    asks: [],
    live: {
      currentItemId: null,
      timer: idleTimer(),
      scene: 'agenda',
      message: null,
      rollCallOrder: 'section',
    },
    turnout: emptyTurnout(),
    attendance: emptyAttendance(),
    undo: [],
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
    attendance: { ...empty.attendance, ...saved.attendance },
  };
}

export function currentItem(state: AssemblyState): AgendaItem | null {
  const id = state.live.currentItemId;
  return id === null ? null : (state.agenda.find((item) => item.id === id) ?? null);
}

export function currentIndex(state: AssemblyState): number {
  const id = state.live.currentItemId;
  return id === null ? -1 : state.agenda.findIndex((item) => item.id === id);
}
