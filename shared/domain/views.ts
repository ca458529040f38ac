import type { DomainEvent, JournalEntry } from '../protocol/events';
import type { Role } from '../protocol/roles';
import type { AgendaItem, AssemblyState } from './assembly';

// Public and personal data never share a channel. Each role hears one audience's stream:
// the chair and organiser everything; door stewards and the public a projection without
// the chair's private notes (door stewards are volunteers on their own phones).

export const AUDIENCES = ['full', 'door', 'public'] as const;
export type Audience = (typeof AUDIENCES)[number];

export function audienceOf(role: Role): Audience {
  switch (role) {
    case 'admin':
    case 'chair':
      return 'full';
    case 'door':
      return 'door';
    case 'public':
      return 'public';
    default:
      return role satisfies never;
  }
}

const withoutNotes = (agenda: AgendaItem[]): AgendaItem[] =>
  agenda.map((item) => (item.notes ? { ...item, notes: '' } : item));

export function publicState(state: AssemblyState): AssemblyState {
  return { ...state, agenda: withoutNotes(state.agenda), undo: [] };
}

export function publicEvent(event: DomainEvent): DomainEvent {
  switch (event.type) {
    case 'setupImported':
      return { ...event, agenda: withoutNotes(event.agenda) };
    default:
      return event;
  }
}

export const stateFor = (audience: Audience, state: AssemblyState): AssemblyState =>
  audience === 'full' ? state : publicState(state);

export const entriesFor = (audience: Audience, entries: JournalEntry[]): JournalEntry[] =>
  audience === 'full' ? entries : entries.map((entry) => ({ ...entry, event: publicEvent(entry.event) }));
