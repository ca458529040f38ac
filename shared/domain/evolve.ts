import type { DomainEvent } from '../protocol/events';
import { type AssemblyState, emptyAssembly, idleTimer, type Live, UNDO_DEPTH } from './assembly';
import { adjustTimer, pauseTimer, startTimer } from './timer';

/** A change the chair can take back: the live state before it goes on the undo stack. */
function changeLive(state: AssemblyState, live: Live): AssemblyState {
  return { ...state, live, undo: [...state.undo, state.live].slice(-UNDO_DEPTH) };
}

/** Applies one recorded fact. Pure and total: the server and every client run this. */
export function evolve(state: AssemblyState, event: DomainEvent): AssemblyState {
  const live = state.live;
  switch (event.type) {
    case 'assemblyCreated':
      return {
        ...emptyAssembly(event.code),
        title: event.title,
        venue: event.venue,
        startsAt: event.startsAt,
        endsAt: event.endsAt,
      };
    case 'detailsUpdated':
      return { ...state, ...event.details };
    case 'setupImported': {
      const { details, agenda, institutions, powerHolders, asks } = event;
      const keepsCurrent = agenda.some((item) => item.id === live.currentItemId);
      return {
        ...state,
        ...details,
        agenda,
        institutions,
        powerHolders,
        asks,
        live: keepsCurrent ? live : { ...live, currentItemId: null, timer: idleTimer() },
        undo: [],
      };
    }
    case 'itemEntered': {
      const item = state.agenda.find((candidate) => candidate.id === event.itemId);
      const next = changeLive(state, {
        ...live,
        currentItemId: event.itemId,
        timer: idleTimer(item?.durationMs ?? 0),
      });
      return state.status === 'draft' ? { ...next, status: 'live' } : next;
    }
    case 'timerStarted': {
      const next = changeLive(state, { ...live, timer: startTimer(live.timer, event.at) });
      return state.status === 'draft' ? { ...next, status: 'live' } : next;
    }
    case 'timerPaused':
      return changeLive(state, { ...live, timer: pauseTimer(live.timer, event.at) });
    case 'timerReset': {
      const item = state.agenda.find((candidate) => candidate.id === live.currentItemId);
      return changeLive(state, { ...live, timer: idleTimer(item?.durationMs ?? live.timer.durationMs) });
    }
    case 'timerAdjusted':
      return changeLive(state, { ...live, timer: adjustTimer(live.timer, event.deltaMs) });
    case 'sceneChanged':
      return changeLive(state, { ...live, scene: event.scene });
    case 'messageShown':
      return changeLive(state, { ...live, message: event.text });
    case 'messageCleared':
      return changeLive(state, { ...live, message: null });
    case 'undone':
      return { ...state, live: event.live, undo: state.undo.slice(0, -1) };
    case 'assemblyClosed':
      // Undo never reaches back across a close: the record of the night is settled.
      return {
        ...state,
        status: 'closed',
        live: { ...live, timer: pauseTimer(live.timer, event.at) },
        undo: [],
      };
    case 'assemblyReopened':
      return { ...state, status: 'live' };
    default:
      return event satisfies never;
  }
}

export const evolveAll = (state: AssemblyState, events: readonly DomainEvent[]): AssemblyState =>
  events.reduce(evolve, state);
