import type { DomainEvent, JournalEntry } from '../protocol/events';
import type { Role } from '../protocol/roles';
import type { AgendaItem, AssemblyState } from './assembly';

// Public and personal data never share a channel: the screen and phones get this projection.

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

export const stateFor = (role: Role, state: AssemblyState): AssemblyState =>
  role === 'public' ? publicState(state) : state;

export const entriesFor = (role: Role, entries: JournalEntry[]): JournalEntry[] =>
  role === 'public' ? entries.map((entry) => ({ ...entry, event: publicEvent(entry.event) })) : entries;
