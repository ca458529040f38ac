import type {
  AgendaItem,
  Ask,
  AssemblyDetails,
  Institution,
  Live,
  PowerHolder,
  Scene,
  SpeakerCue,
} from '../domain/assembly';
import type { Card, CardOption, CardTally } from '../domain/cards';
import type { CoreTeamEvaluation } from '../domain/evaluation/coreTeamEvaluation';
import type { Answer, FollowUp } from '../domain/responses';
import type { CheckIn, Registrant, RollCallOrder, Turnout } from '../domain/turnout';
import type { Role, StaffRole } from './roles';

export type DomainEvent =
  // Journals written before the time zone setting have none: the server's, then.
  | ({ type: 'assemblyCreated'; code: string } & Omit<AssemblyDetails, 'timeZone'> & { timeZone?: string })
  | { type: 'detailsUpdated'; details: Omit<AssemblyDetails, 'timeZone'> & { timeZone?: string } }
  | {
      type: 'setupImported';
      details: Partial<AssemblyDetails>;
      agenda: AgendaItem[];
      institutions: Institution[];
      powerHolders: PowerHolder[];
      asks: Ask[];
    }
  | { type: 'itemEntered'; itemId: string }
  | { type: 'timerStarted'; at: number }
  | { type: 'timerPaused'; at: number }
  | { type: 'timerReset' }
  | { type: 'timerAdjusted'; deltaMs: number }
  | { type: 'sceneChanged'; scene: Scene }
  | { type: 'messageShown'; text: string }
  | { type: 'messageCleared' }
  /** Undo of a live change: the live state before it. */
  | { type: 'undone'; live: Live }
  | { type: 'assemblyClosed'; at: number }
  | { type: 'assemblyReopened' }
  /** A rehearsal begins: everything works as on the night, and its end puts the night back. */
  | {
      type: 'rehearsalStarted';
      at: number;
      /**
       * The counts as they stood (public already): every mirror keeps these as the night
       * before, whatever its own copy, so a tally coalesced across the start cannot leak the
       * rehearsal into the night. Absent in journals written before.
       */
      turnout?: Turnout;
      cardsTally?: CardTally;
    }
  /** The night as it was before the rehearsal, the setup as it is now (rehearsal.ts). */
  | { type: 'rehearsalEnded'; at: number }
  | { type: 'checkedIn'; checkIn: CheckIn }
  | { type: 'checkInUndone'; checkInId: string; at: number }
  /** Someone already in another way is this registrant: now they show as arrived. Counts nothing. */
  | { type: 'checkInLinked'; checkInId: string; registrantId: string; at: number }
  /** Two check-ins of one person: the duplicate stops counting (its registration moves over). */
  | { type: 'checkInsMerged'; keptId: string; duplicateId: string; at: number }
  /** Every phone check-in (typed on a phone) made at or after `since` is undone. */
  | { type: 'phoneCheckInsUndone'; since: number; at: number }
  | { type: 'headcountSet'; section: string; deviceId: string; count: number }
  | { type: 'registrantsAdded'; registrants: Registrant[] }
  /** A correction of name, institution or email; the ticket is the same one. */
  | { type: 'registrantUpdated'; registrant: Registrant }
  /** Their ticket is withdrawn with them. */
  | { type: 'registrantRemoved'; registrantId: string; at: number }
  | { type: 'rollCallMarked'; institutionId: string; called: boolean; at: number }
  | { type: 'rollCallSorted'; order: RollCallOrder }
  /** The chair is calling this institution now (null: no one). */
  | { type: 'calledNow'; institutionId: string | null }
  /** The chair's cue to the speaker's monitor (null: cleared). */
  | { type: 'speakerCued'; cue: SpeakerCue | null }
  | { type: 'phoneCheckInSet'; open: boolean }
  | {
      type: 'responseRecorded';
      askId: string;
      powerHolderId: string;
      answer: Answer;
      note: string;
      at: number;
    }
  /** The chair's undo of the last answer recorded: the journal keeps both. */
  | { type: 'responseWithdrawn'; askId: string; powerHolderId: string; at: number }
  | { type: 'responseTimerStarted'; askId: string; powerHolderId: string; durationMs: number; at: number }
  | { type: 'responseTimerStopped'; at: number }
  | { type: 'followUpAdded'; followUp: FollowUp }
  /** A follow-up entered by mistake; the journal keeps both. */
  | { type: 'followUpRemoved'; followUpId: string; at: number }
  /** A staff link replaced: the record shows when, never the key or its hash. */
  | { type: 'keyRegenerated'; role: StaffRole }
  /** The commitment card's options (setup). */
  | { type: 'cardOptionsSet'; options: CardOption[] }
  /** Phones show the card, or stop showing it. */
  | { type: 'cardsOpenSet'; open: boolean }
  /** A card filled; `replaces`: the same attendee's earlier card, now corrected. Staff only. */
  | { type: 'cardSubmitted'; card: Card; replaces: string | null }
  /** A card entered by mistake; the journal keeps both. Staff only. */
  | { type: 'cardWithdrawn'; cardId: string; at: number }
  | CardsTallied
  /** One of the core team's evaluation; null as the door and the public hear of it (views.ts). */
  | { type: 'evaluationSubmitted'; evaluation: CoreTeamEvaluation | null }
  | TurnoutTallied;

/** Never recorded: what the door and public hear of cards, the whole tally (counts only). */
export interface CardsTallied {
  type: 'cardsTallied';
  tally: CardTally;
}

/**
 * Never recorded: what the screen and phones get instead of each check-in, once per
 * coalesced batch. Absolute counts for what changed, so applying it twice is harmless.
 */
export interface TurnoutTallied {
  type: 'turnoutTallied';
  byInstitution: Record<string, number>;
  guests: number;
  byDevice: Record<string, number>;
  headcounts: Record<string, Record<string, number>>;
}

/**
 * The high-volume events, coalesced for broadcast, and the registrant changes with them:
 * the public hears only counts of all of these, never a name.
 */
export const TURNOUT_EVENTS = new Set<DomainEvent['type']>([
  'checkedIn',
  'checkInUndone',
  'checkInLinked',
  'checkInsMerged',
  'phoneCheckInsUndone',
  'headcountSet',
  'registrantsAdded',
  'registrantUpdated',
  'registrantRemoved',
]);

/** What a card rush sends: coalesced for broadcast like turnout, heard as one tally (views.ts). */
export const CARD_EVENTS = new Set<DomainEvent['type']>(['cardSubmitted', 'cardWithdrawn']);

/** Held and merged for broadcast, paced over a few turns of the event loop (broadcaster.ts). */
export const COALESCED_EVENTS = new Set<DomainEvent['type']>([...TURNOUT_EVENTS, ...CARD_EVENTS]);

/** One accepted event as the journal keeps it: the record of who did what, when. */
export interface JournalEntry {
  seq: number;
  at: number;
  actor: Role;
  event: DomainEvent;
}
