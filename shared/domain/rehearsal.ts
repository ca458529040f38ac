import { type AssemblyState, idleTimer, type NightRecord } from './assembly';
import { emptyCards } from './cards';
import { headcountTotal, namedTotal } from './turnout';

// The core team rehearses the day before: the chair runs the agenda, stewards practise
// check-ins, the screens are tested. Everything works as on the night, and "End rehearsal"
// puts back what the night records as it was before, keeping the setup and every link.

export function nightRecordOf(state: AssemblyState): NightRecord {
  const { registrants: _registrants, withdrawnTickets: _withdrawn, ...attendance } = state.attendance;
  return {
    status: state.status,
    live: state.live,
    turnout: state.turnout,
    attendance,
    responses: state.responses,
    followUps: state.followUps,
    undo: state.undo,
    cards: withoutOptions(state.cards),
  };
}

const withoutOptions = ({ options: _options, ...cards }: AssemblyState['cards']) => cards;

/**
 * The assembly as the real night knows it: during a rehearsal, the night put back as it was
 * before it began, with the setup as it is now. What "End rehearsal" leaves, and what the
 * public record and the exports show while a rehearsal is under way.
 */
export function withoutRehearsal(state: AssemblyState): AssemblyState {
  const rehearsal = state.rehearsal;
  if (!rehearsal) return state;
  const { before } = rehearsal;
  const live = before.live;
  // The setup may have changed during the rehearsal: an item or institution gone is no longer current.
  const keepsItem = live.currentItemId === null || state.agenda.some((i) => i.id === live.currentItemId);
  const keepsCalled = live.rollCallNow === null || state.institutions.some((i) => i.id === live.rollCallNow);
  return {
    ...state,
    status: before.status,
    live: {
      ...live,
      ...(keepsItem ? {} : { currentItemId: null, timer: idleTimer() }),
      rollCallNow: keepsCalled ? live.rollCallNow : null,
    },
    turnout: before.turnout,
    attendance: {
      ...before.attendance,
      registrants: state.attendance.registrants,
      withdrawnTickets: state.attendance.withdrawnTickets,
    },
    responses: before.responses,
    followUps: before.followUps,
    // A snapshot of a rehearsal begun before cards existed has none.
    cards: { ...state.cards, ...(before.cards ?? withoutOptions(emptyCards())) },
    // An undo step made before a setup change could point at what the change removed.
    undo: state.setupRevision === rehearsal.setupRevision ? before.undo : [],
    rehearsal: null,
  };
}

/** What "End rehearsal" will clear, so the chair is told before pressing it. */
export interface RehearsalClears {
  checkIns: number;
  headcount: number;
  answers: number;
  rollCallMarks: number;
  followUps: number;
  cards: number;
  /** The item, timer, scene or message differ from before the rehearsal. */
  live: boolean;
}

export function rehearsalClears(state: AssemblyState): RehearsalClears | null {
  const rehearsal = state.rehearsal;
  if (!rehearsal) return null;
  const { before } = rehearsal;
  const answersIn = (responses: AssemblyState['responses']) =>
    Object.values(responses).reduce(
      (total, byHolder) => total + Object.values(byHolder).reduce((n, history) => n + history.length, 0),
      0,
    );
  return {
    checkIns: Math.max(0, namedTotal(state.turnout) - namedTotal(before.turnout)),
    headcount: Math.max(0, headcountTotal(state.turnout) - headcountTotal(before.turnout)),
    answers: Math.max(0, answersIn(state.responses) - answersIn(before.responses)),
    rollCallMarks: Math.max(
      0,
      Object.keys(state.turnout.called).length - Object.keys(before.turnout.called).length,
    ),
    followUps: Math.max(0, state.followUps.length - before.followUps.length),
    cards: Math.max(0, state.cards.byId.size - (before.cards?.byId.size ?? 0)),
    live: JSON.stringify(state.live) !== JSON.stringify(before.live) || state.status !== before.status,
  };
}

/**
 * Why a rehearsal may not start now, or null. Once real people are counted or a real
 * answer is on the board, a rehearsal would mix test data into the record of the night.
 */
export function rehearsalRefused(state: AssemblyState): string | null {
  if (state.status === 'closed') return 'The assembly is closed: reopen it to rehearse.';
  // The counts hold every check-in still counted (and the public's copy holds no check-ins).
  const people = namedTotal(state.turnout);
  if (people > 0)
    return `${people === 1 ? '1 person is' : `${people} people are`} checked in for real: a rehearsal cannot start once the night has begun. Undo those check-ins at the door first if they were tests.`;
  if (
    Object.keys(state.responses).some((askId) =>
      Object.values(state.responses[askId] ?? {}).some((h) => h.length > 0),
    )
  )
    return 'Answers are recorded for real: a rehearsal cannot start once the night has begun.';
  return null;
}

/**
 * The journal with each rehearsal's entries marked by its number, its start and end among
 * them: record.json keeps the rehearsals, so nothing is hidden, and says which they were.
 */
export function markRehearsals<E extends { event: { type: string } }>(
  entries: readonly E[],
): (E & { rehearsal?: number })[] {
  let number = 0;
  let under = false;
  return entries.map((entry) => {
    if (entry.event.type === 'rehearsalStarted') {
      number++;
      under = true;
    }
    const marked = under ? { ...entry, rehearsal: number } : entry;
    if (entry.event.type === 'rehearsalEnded') under = false;
    return marked;
  });
}
