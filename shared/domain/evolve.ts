import type { DomainEvent } from '../protocol/events';
import {
  type AssemblyState,
  emptyAssembly,
  idleTimer,
  type Live,
  UNDO_DEPTH,
  type UndoStep,
} from './assembly';
import { cardAdded, cardRemoved } from './cardsEvolve';
import { ownValue } from './ownKeys';
import { lookup, put, remove } from './register';
import { nightRecordOf, withoutRehearsal } from './rehearsal';
import type { ResponseEntry, Responses } from './responses';
import { indexed, unindexed } from './samePerson';
import { adjustTimer, pauseTimer, startTimer } from './timer';
import { bump, type CheckIn, phoneCheckInsSince, type Turnout } from './turnout';

/** A change the chair can take back: the live state before it goes on the undo stack. */
function changeLive(state: AssemblyState, live: Live): AssemblyState {
  return pushUndo({ ...state, live }, { kind: 'live', live: state.live });
}

function pushUndo(state: AssemblyState, step: UndoStep): AssemblyState {
  return { ...state, undo: [...state.undo, step].slice(-UNDO_DEPTH) };
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
        timeZone: event.timeZone ?? '',
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
        setupRevision: state.setupRevision + 1,
        live: {
          ...(keepsCurrent ? live : { ...live, currentItemId: null, timer: idleTimer() }),
          // The institution being called may have gone with the new setup.
          rollCallNow: institutions.some((i) => i.id === live.rollCallNow) ? live.rollCallNow : null,
        },
        undo: [],
      };
    }
    case 'itemEntered': {
      const item = state.agenda.find((candidate) => candidate.id === event.itemId);
      const next = changeLive(state, {
        ...live,
        currentItemId: event.itemId,
        timer: idleTimer(item?.durationMs ?? 0),
        responseTimer: null,
        // A new item is a new speaker and a new moment: last one's cue and call are over.
        speakerCue: null,
        rollCallNow: null,
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
      // A live state saved before a part of it existed has that part empty.
      return {
        ...state,
        live: { ...emptyAssembly(state.code).live, ...event.live },
        undo: state.undo.slice(0, -1),
      };
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
    case 'rehearsalStarted': {
      // Each mirror keeps its own view of the night as it was (the public's holds counts only),
      // with the counts the event carries.
      const before = nightRecordOf(state);
      return {
        ...state,
        rehearsal: {
          number: state.rehearsals + 1,
          startedAt: event.at,
          setupRevision: state.setupRevision,
          before: {
            ...before,
            turnout: event.turnout ?? before.turnout,
            cards: { ...before.cards, tally: event.cardsTally ?? before.cards.tally },
          },
        },
        rehearsals: state.rehearsals + 1,
        // Undo never reaches back across the start: the night before it comes back whole at the end.
        undo: [],
      };
    }
    case 'rehearsalEnded':
      return withoutRehearsal(state);
    case 'checkedIn': {
      const { checkIn } = event;
      const { attendance } = state;
      return {
        ...state,
        turnout: counted(state.turnout, checkIn, 1),
        attendance: {
          ...attendance,
          ...indexed(attendance, checkIn),
          checkIns: put(attendance.checkIns, checkIn.id, checkIn),
          admitted: checkIn.registrantId
            ? put(attendance.admitted, checkIn.registrantId, checkIn.id)
            : attendance.admitted,
        },
      };
    }
    case 'checkInUndone':
      return uncounted(state, event.checkInId, event.at, null);
    case 'checkInLinked':
      return linked(state, event.checkInId, event.registrantId);
    case 'checkInsMerged': {
      const duplicate = lookup(state.attendance.checkIns, event.duplicateId);
      const kept = lookup(state.attendance.checkIns, event.keptId);
      const next = uncounted(state, event.duplicateId, event.at, event.keptId);
      // The registration goes with the person: the kept check-in now admits them.
      return duplicate?.registrantId && kept && !kept.registrantId
        ? linked(next, kept.id, duplicate.registrantId)
        : next;
    }
    case 'phoneCheckInsUndone':
      return phoneCheckInsSince(state.attendance, event.since).reduce(
        (next, checkIn) => uncounted(next, checkIn.id, event.at, null),
        state,
      );
    case 'headcountSet': {
      const { headcounts } = state.turnout;
      const { [event.deviceId]: _old, ...others } = ownValue(headcounts, event.section) ?? {};
      const devices = event.count > 0 ? { ...others, [event.deviceId]: event.count } : others;
      return {
        ...state,
        turnout: { ...state.turnout, headcounts: { ...headcounts, [event.section]: devices } },
      };
    }
    case 'registrantsAdded':
      return {
        ...state,
        attendance: {
          ...state.attendance,
          registrants: [...state.attendance.registrants, ...event.registrants],
        },
      };
    case 'registrantUpdated': {
      const { registrant } = event;
      return {
        ...state,
        attendance: {
          ...state.attendance,
          registrants: state.attendance.registrants.map((r) => (r.id === registrant.id ? registrant : r)),
        },
      };
    }
    case 'registrantRemoved': {
      const { attendance } = state;
      const gone = attendance.registrants.find((r) => r.id === event.registrantId);
      if (!gone) return state;
      return {
        ...state,
        attendance: {
          ...attendance,
          registrants: attendance.registrants.filter((r) => r !== gone),
          // The door's copy has no ticket secrets to remember.
          withdrawnTickets: gone.ticket
            ? [...attendance.withdrawnTickets, gone.ticket]
            : attendance.withdrawnTickets,
        },
      };
    }
    case 'rollCallMarked': {
      const { [event.institutionId]: _old, ...others } = state.turnout.called;
      const called = event.called ? { ...others, [event.institutionId]: event.at } : others;
      return { ...state, turnout: { ...state.turnout, called } };
    }
    case 'phoneCheckInSet':
      return { ...state, turnout: { ...state.turnout, phonesClosed: !event.open } };
    case 'rollCallSorted':
      return changeLive(state, { ...live, rollCallOrder: event.order });
    case 'calledNow':
      return changeLive(state, { ...live, rollCallNow: event.institutionId });
    case 'speakerCued':
      return changeLive(state, { ...live, speakerCue: event.cue });
    case 'responseRecorded': {
      const { askId, powerHolderId, answer, note, at } = event;
      const responses = withHistory(state.responses, askId, powerHolderId, (history) => [
        ...history,
        { answer, note, at },
      ]);
      // The answer has landed: its clock stops.
      const timer = live.responseTimer;
      const answered = timer?.askId === askId && timer.powerHolderId === powerHolderId;
      const next = { ...state, responses, live: answered ? { ...live, responseTimer: null } : live };
      return pushUndo(next, { kind: 'response', askId, powerHolderId, clock: answered ? timer : null });
    }
    case 'responseWithdrawn': {
      const responses = withHistory(state.responses, event.askId, event.powerHolderId, (history) =>
        history.slice(0, -1),
      );
      // The answer clock it stopped runs on, as if the answer had not been pressed.
      const step = state.undo.at(-1);
      const clock = step?.kind === 'response' ? step.clock : null;
      return {
        ...state,
        responses,
        live: clock ? { ...live, responseTimer: clock } : live,
        undo: state.undo.slice(0, -1),
      };
    }
    case 'keyRegenerated':
      return state;
    case 'evaluationSubmitted':
      return event.evaluation ? { ...state, evaluations: [...state.evaluations, event.evaluation] } : state;
    case 'followUpRemoved':
      return { ...state, followUps: state.followUps.filter((f) => f.id !== event.followUpId) };
    case 'responseTimerStarted':
      return changeLive(state, {
        ...live,
        responseTimer: {
          askId: event.askId,
          powerHolderId: event.powerHolderId,
          timer: startTimer(idleTimer(event.durationMs), event.at),
        },
      });
    case 'responseTimerStopped':
      return changeLive(state, { ...live, responseTimer: null });
    case 'followUpAdded':
      return { ...state, followUps: [...state.followUps, event.followUp] };
    case 'cardOptionsSet':
      return { ...state, cards: { ...state.cards, options: event.options } };
    case 'cardsOpenSet':
      return { ...state, cards: { ...state.cards, open: event.open } };
    case 'cardSubmitted': {
      const { card, replaces } = event;
      const without = cardRemoved(cardRemoved(state.cards, card.id), replaces);
      return { ...state, cards: cardAdded(without, card) };
    }
    case 'cardWithdrawn':
      return { ...state, cards: cardRemoved(state.cards, event.cardId) };
    case 'cardsTallied':
      return { ...state, cards: { ...state.cards, tally: event.tally } };
    case 'turnoutTallied': {
      const { turnout } = state;
      return {
        ...state,
        turnout: {
          ...turnout,
          byInstitution: withCounts(turnout.byInstitution, event.byInstitution),
          guests: event.guests,
          byDevice: withCounts(turnout.byDevice, event.byDevice),
          headcounts: { ...turnout.headcounts, ...event.headcounts },
        },
      };
    }
    default:
      return event satisfies never;
  }
}

/** A check-in is a registrant's arrival: they show as in. Counts nothing. */
function linked(state: AssemblyState, checkInId: string, registrantId: string): AssemblyState {
  const { attendance } = state;
  const checkIn = lookup(attendance.checkIns, checkInId);
  // Counts-only mirrors (the public) never hold the check-in.
  if (!checkIn) return state;
  return {
    ...state,
    attendance: {
      ...attendance,
      checkIns: put(attendance.checkIns, checkIn.id, { ...checkIn, registrantId }),
      admitted: put(attendance.admitted, registrantId, checkIn.id),
    },
  };
}

/** A check-in stops counting: undone, or merged into another check-in of the same person. */
function uncounted(
  state: AssemblyState,
  checkInId: string,
  at: number,
  mergedInto: string | null,
): AssemblyState {
  const { attendance } = state;
  const checkIn = lookup(attendance.checkIns, checkInId);
  // Counts-only mirrors (the public) never hold the check-in: their tally comes separately.
  if (!checkIn || checkIn.undoneAt !== null) return state;
  const after: CheckIn =
    mergedInto === null ? { ...checkIn, undoneAt: at } : { ...checkIn, undoneAt: at, mergedInto };
  return {
    ...state,
    turnout: counted(state.turnout, checkIn, -1),
    attendance: {
      ...attendance,
      ...unindexed(attendance, checkIn),
      checkIns: put(attendance.checkIns, checkIn.id, after),
      admitted: checkIn.registrantId
        ? remove(attendance.admitted, checkIn.registrantId)
        : attendance.admitted,
    },
  };
}

function counted(turnout: Turnout, checkIn: CheckIn, delta: 1 | -1): Turnout {
  return {
    ...turnout,
    byInstitution:
      checkIn.institutionId === null
        ? turnout.byInstitution
        : bump(turnout.byInstitution, checkIn.institutionId, delta),
    guests: checkIn.institutionId === null ? Math.max(0, turnout.guests + delta) : turnout.guests,
    byDevice: bump(turnout.byDevice, checkIn.device, delta),
  };
}

function withHistory(
  responses: Responses,
  askId: string,
  powerHolderId: string,
  change: (history: ResponseEntry[]) => ResponseEntry[],
): Responses {
  const forAsk = ownValue(responses, askId) ?? {};
  return {
    ...responses,
    [askId]: { ...forAsk, [powerHolderId]: change(ownValue(forAsk, powerHolderId) ?? []) },
  };
}

/** Absolute counts for some keys; a zero removes the key. */
function withCounts(counts: Record<string, number>, changed: Record<string, number>): Record<string, number> {
  const next = { ...counts, ...changed };
  for (const [key, n] of Object.entries(changed)) if (n <= 0) delete next[key];
  return next;
}

export const evolveAll = (state: AssemblyState, events: readonly DomainEvent[]): AssemblyState =>
  events.reduce(evolve, state);
