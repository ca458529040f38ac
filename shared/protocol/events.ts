import type {
  AgendaItem,
  Ask,
  AssemblyDetails,
  Institution,
  Live,
  PowerHolder,
  Scene,
} from '../domain/assembly';
import type { Role } from './roles';

export type DomainEvent =
  | ({ type: 'assemblyCreated'; code: string } & AssemblyDetails)
  | { type: 'detailsUpdated'; details: AssemblyDetails }
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
  | { type: 'undone'; live: Live }
  | { type: 'assemblyClosed'; at: number }
  | { type: 'assemblyReopened' };

/** One accepted event as the journal keeps it: the record of who did what, when. */
export interface JournalEntry {
  seq: number;
  at: number;
  actor: Role;
  event: DomainEvent;
}
