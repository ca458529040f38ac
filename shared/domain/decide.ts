import type { Command } from '../protocol/commands';
import { ERROR_CODES, type Failure, failure } from '../protocol/errors';
import type { DomainEvent } from '../protocol/events';
import { LIMITS } from '../protocol/limits';
import type { Role } from '../protocol/roles';
import { normaliseSetup, type SetupFile } from '../protocol/setup';
import { type AssemblyState, currentIndex, currentItem } from './assembly';
import * as cardRules from './cardRules';
import { submitEvaluation } from './evaluation/submitEvaluation';
import { ownValue } from './ownKeys';
import { lookup } from './register';
import { rehearsalRefused } from './rehearsal';
import { currentAnswer, DEFAULT_RESPONSE_MS } from './responses';
import {
  type AlreadyIn,
  type Arrival,
  arrivalOf,
  arrivalOfRegistrant,
  type StewardsAnswer,
} from './samePerson';
import { setupChangeRefused } from './setupChanges';
import { ticketAssembly, ticketFromScan, ticketToken } from './tickets';
import { isRunning } from './timer';
import {
  type CheckIn,
  nextRegistrantNumber,
  PHONES_DEVICE,
  phoneCheckInsSince,
  type Registrant,
  registrantKey,
} from './turnout';

export interface DecideContext {
  now: number;
  /** Who sent the command: a phone checks itself in, a steward checks others in. */
  actor: Role;
  /** A fresh unguessable secret (tickets). */
  newSecret: () => string;
}

export type Decision = { ok: true; events: DomainEvent[]; already?: AlreadyIn } | Failure;

const accept = (...events: DomainEvent[]): Decision => ({ ok: true, events });
const outcome = (result: DomainEvent[] | Failure): Decision =>
  Array.isArray(result) ? accept(...result) : result;
/** Already so: acknowledged, nothing recorded (a double press is harmless). */
const unchanged = (): Decision => ({ ok: true, events: [] });

// After the night the record is settled, but follow-up on commitments goes on.
const CLOSED_ALLOWS = new Set<Command['type']>([
  'reopenAssembly',
  'updateDetails',
  'closeAssembly',
  'addFollowUp',
  'removeFollowUp',
  // Cards filled at the close still come in (the chair may close first), and paper ones after.
  'openCards',
  'submitCard',
  'withdrawCard',
  'setCardOptions',
  // The evaluation follows straight after the close.
  'submitEvaluation',
]);

/** The rules of the night: what a command means in this state. Pure; time comes from ctx. */
export function decide(state: AssemblyState, command: Command, ctx: DecideContext): Decision {
  // A rehearsal may rehearse the close: its end still puts the night back.
  const endsRehearsal = command.type === 'endRehearsal' && state.rehearsal !== null;
  // Cards may open after the close: the room can still see their tally, and go back to the thanks.
  const cardsScene =
    command.type === 'setScene' && (command.scene === 'cards' || state.live.scene === 'cards');
  if (state.status === 'closed' && !CLOSED_ALLOWS.has(command.type) && !endsRehearsal && !cardsScene)
    return failure('assembly_closed');
  const live = state.live;
  switch (command.type) {
    case 'goToItem': {
      if (!state.agenda.some((item) => item.id === command.itemId)) return failure('unknown_item');
      return live.currentItemId === command.itemId
        ? unchanged()
        : accept({ type: 'itemEntered', itemId: command.itemId });
    }
    case 'nextItem':
    case 'previousItem': {
      if (state.agenda.length === 0) return failure('no_agenda');
      if (command.fromItemId !== live.currentItemId) return unchanged();
      const index = currentIndex(state);
      const target = command.type === 'nextItem' ? index + 1 : index < 0 ? -1 : index - 1;
      const item = state.agenda[target];
      if (!item) {
        return failure(
          'end_of_agenda',
          command.type === 'nextItem' ? 'This is the last item.' : 'This is the first item.',
        );
      }
      return accept({ type: 'itemEntered', itemId: item.id });
    }
    case 'startTimer':
      if (!currentItem(state)) return failure('no_current_item');
      return isRunning(live.timer) ? unchanged() : accept({ type: 'timerStarted', at: ctx.now });
    case 'pauseTimer':
      if (!currentItem(state)) return failure('no_current_item');
      return isRunning(live.timer) ? accept({ type: 'timerPaused', at: ctx.now }) : unchanged();
    case 'resetTimer': {
      const item = currentItem(state);
      if (!item) return failure('no_current_item');
      const t = live.timer;
      const fresh = !isRunning(t) && t.accumulatedMs === 0 && t.durationMs === item.durationMs;
      return fresh ? unchanged() : accept({ type: 'timerReset' });
    }
    case 'adjustTimer':
      if (!currentItem(state)) return failure('no_current_item');
      return accept({ type: 'timerAdjusted', deltaMs: command.deltaMs });
    case 'setScene':
      return live.scene === command.scene
        ? unchanged()
        : accept({ type: 'sceneChanged', scene: command.scene });
    case 'showMessage':
      return live.message === command.text
        ? unchanged()
        : accept({ type: 'messageShown', text: command.text });
    case 'clearMessage':
      return live.message === null ? unchanged() : accept({ type: 'messageCleared' });
    case 'undo': {
      const step = state.undo.at(-1);
      if (!step) return failure('nothing_to_undo');
      return step.kind === 'live'
        ? accept({ type: 'undone', live: step.live })
        : accept({
            type: 'responseWithdrawn',
            askId: step.askId,
            powerHolderId: step.powerHolderId,
            at: ctx.now,
          });
    }
    case 'closeAssembly':
      return state.status === 'closed' ? unchanged() : accept({ type: 'assemblyClosed', at: ctx.now });
    case 'reopenAssembly':
      return state.status === 'closed' ? accept({ type: 'assemblyReopened' }) : unchanged();
    case 'startRehearsal': {
      if (state.rehearsal) return unchanged();
      const refused = rehearsalRefused(state);
      return refused
        ? failure('rehearsal_refused', refused)
        : accept({
            type: 'rehearsalStarted',
            at: ctx.now,
            turnout: state.turnout,
            cardsTally: state.cards.tally,
          });
    }
    case 'endRehearsal':
      return state.rehearsal ? accept({ type: 'rehearsalEnded', at: ctx.now }) : unchanged();
    case 'updateDetails':
      return accept({ type: 'detailsUpdated', details: command.details });
    case 'importSetup':
      return changeSetup(state, command.setup);
    case 'editSetup':
      // The editor's draft was made from one revision; saving over someone else's save would lose it.
      if (command.revision !== state.setupRevision) return failure('setup_changed');
      return changeSetup(state, command.setup);
    case 'checkIn': {
      if (command.institutionId !== null && !hasInstitution(state, command.institutionId))
        return failure('unknown_institution');
      const self = ctx.actor === 'public';
      if (lookup(state.attendance.checkIns, command.checkInId)) return unchanged();
      if (self) {
        const closed = phonesRefused(state);
        if (closed) return closed;
      }
      const arrival = arrivalOf(
        state.attendance,
        { name: command.name, institutionId: command.institutionId, contact: command.contact },
        // A phone cannot be asked "same person?": it learns nothing of others. Likely twins
        // are counted, and the organiser's duplicates list shows them.
        self ? { newPerson: false } : command,
      );
      const checkIn = {
        id: command.checkInId,
        name: command.name,
        institutionId: command.institutionId,
        guestOf: command.institutionId === null ? command.guestOf : '',
        // Contact details are kept only with the person's consent.
        contact: command.consent ? command.contact : '',
        consent: command.consent && command.contact !== '',
        method: self ? ('self' as const) : ('walkIn' as const),
        device: self ? PHONES_DEVICE : doorLabel(command.device),
        registrantId: null,
      };
      if (arrival.kind === 'likely' && self) return checkInOnce(state, ctx, checkIn);
      return arrive(state, ctx, arrival, checkIn);
    }
    case 'checkInRegistrant': {
      const registrant = state.attendance.registrants.find((r) => r.id === command.registrantId);
      if (!registrant) return failure('unknown_registrant');
      return admit(state, ctx, registrant, command, 'steward', doorLabel(command.device));
    }
    case 'scanTicket': {
      const registrant = ticketHolder(state, command.ticket);
      if (!('id' in registrant)) return registrant;
      return admit(state, ctx, registrant, command, 'ticket', doorLabel(command.device));
    }
    case 'checkInOwnTicket': {
      const registrant = ticketHolder(state, command.ticket);
      if (!('id' in registrant)) return registrant;
      if (!lookup(state.attendance.checkIns, command.checkInId)) {
        const closed = phonesRefused(state);
        if (closed) return closed;
      }
      return admit(state, ctx, registrant, { checkInId: command.checkInId }, 'ownTicket', PHONES_DEVICE);
    }
    case 'undoCheckIn': {
      const checkIn = lookup(state.attendance.checkIns, command.checkInId);
      if (!checkIn) return failure('unknown_check_in');
      return checkIn.undoneAt !== null
        ? unchanged()
        : accept({ type: 'checkInUndone', checkInId: checkIn.id, at: ctx.now });
    }
    case 'mergeCheckIns':
      return mergeCheckIns(state, command.keptId, command.duplicateId, ctx);
    case 'undoPhoneCheckIns': {
      if (command.since > ctx.now) return failure('invalid_command', 'Choose a time that has passed.');
      const closing = state.turnout.phonesClosed ? [] : [{ type: 'phoneCheckInSet' as const, open: false }];
      const undone = phoneCheckInsSince(state.attendance, command.since).length;
      if (undone === 0 && closing.length === 0) return unchanged();
      return accept(
        ...closing,
        ...(undone > 0 ? [{ type: 'phoneCheckInsUndone' as const, since: command.since, at: ctx.now }] : []),
      );
    }
    case 'setHeadcount': {
      const sections = new Set(state.institutions.map((i) => i.section));
      if (sections.size === 0) sections.add('');
      if (!sections.has(command.section)) return failure('unknown_section');
      const devices = ownValue(state.turnout.headcounts, command.section);
      const current = (devices && ownValue(devices, command.deviceId)) ?? 0;
      return current === command.count
        ? unchanged()
        : accept({
            type: 'headcountSet',
            section: command.section,
            deviceId: command.deviceId,
            count: command.count,
          });
    }
    case 'markCalled': {
      if (!hasInstitution(state, command.institutionId)) return failure('unknown_institution');
      const called = Object.hasOwn(state.turnout.called, command.institutionId);
      return called === command.called
        ? unchanged()
        : accept({
            type: 'rollCallMarked',
            institutionId: command.institutionId,
            called: command.called,
            at: ctx.now,
          });
    }
    case 'callNow': {
      const id = command.institutionId;
      if (id !== null && !hasInstitution(state, id)) return failure('unknown_institution');
      if (live.rollCallNow === id) return unchanged();
      // Called now is called: the tick goes on with it (taking the highlight back leaves the tick).
      const tick =
        id !== null && !Object.hasOwn(state.turnout.called, id)
          ? [{ type: 'rollCallMarked' as const, institutionId: id, called: true, at: ctx.now }]
          : [];
      return accept(...tick, { type: 'calledNow', institutionId: id });
    }
    case 'cueSpeaker':
      if (command.cue !== null && !currentItem(state)) return failure('no_current_item');
      return live.speakerCue === command.cue
        ? unchanged()
        : accept({ type: 'speakerCued', cue: command.cue });
    case 'setPhoneCheckIn':
      return state.turnout.phonesClosed === !command.open
        ? unchanged()
        : accept({ type: 'phoneCheckInSet', open: command.open });
    case 'sortRollCall':
      return live.rollCallOrder === command.order
        ? unchanged()
        : accept({ type: 'rollCallSorted', order: command.order });
    case 'addRegistrants': {
      const { registrants } = state.attendance;
      if (registrants.length + command.registrants.length > LIMITS.registrants) {
        return failure('invalid_body', `At most ${LIMITS.registrants} registrants in one assembly.`);
      }
      const unknown = command.registrants.findIndex(
        (r) => r.institutionId !== null && !hasInstitution(state, r.institutionId),
      );
      if (unknown >= 0)
        return failure(
          'unknown_institution',
          `Registrant ${unknown + 1}: ${ERROR_CODES.unknown_institution}`,
        );
      // The same spreadsheet imported twice must not give anyone two tickets.
      const seen = new Set(registrants.map(registrantKey));
      const fresh = command.registrants.filter(
        (r) => !seen.has(registrantKey(r)) && seen.add(registrantKey(r)),
      );
      if (fresh.length === 0) return unchanged();
      const first = nextRegistrantNumber(state.attendance);
      const added: Registrant[] = fresh.map((r, i) => ({
        id: `r${first + i}`,
        name: r.name,
        institutionId: r.institutionId,
        email: r.email,
        ticket: ticketToken(state.code, ctx.newSecret()),
      }));
      return accept({ type: 'registrantsAdded', registrants: added });
    }
    case 'updateRegistrant':
      return updateRegistrant(state, command);
    case 'removeRegistrant': {
      const registrant = state.attendance.registrants.find((r) => r.id === command.registrantId);
      if (!registrant) return failure('unknown_registrant');
      // The night's record points at them: the door takes the check-in back first.
      if (lookup(state.attendance.admitted, registrant.id) !== undefined)
        return failure(
          'registrant_checked_in',
          `${registrant.name} is checked in: undo the check-in at the door first.`,
        );
      return accept({ type: 'registrantRemoved', registrantId: registrant.id, at: ctx.now });
    }
    case 'recordResponse': {
      const refused = askedOf(state, command.askId, command.powerHolderId);
      if (refused) return refused;
      const now = currentAnswer(state.responses, command.askId, command.powerHolderId);
      if (now?.answer === command.answer && now.note === command.note) return unchanged();
      return accept({
        type: 'responseRecorded',
        askId: command.askId,
        powerHolderId: command.powerHolderId,
        answer: command.answer,
        note: command.note,
        at: ctx.now,
      });
    }
    case 'startResponseTimer': {
      const refused = askedOf(state, command.askId, command.powerHolderId);
      if (refused) return refused;
      const item = currentItem(state);
      const durationMs = item?.askId === command.askId ? item.responseMs : DEFAULT_RESPONSE_MS;
      return accept({
        type: 'responseTimerStarted',
        askId: command.askId,
        powerHolderId: command.powerHolderId,
        durationMs,
        at: ctx.now,
      });
    }
    case 'stopResponseTimer':
      return live.responseTimer === null
        ? unchanged()
        : accept({ type: 'responseTimerStopped', at: ctx.now });
    case 'addFollowUp': {
      const refused = askedOf(state, command.askId, command.powerHolderId);
      if (refused) return refused;
      if (state.followUps.length >= LIMITS.followUps) return failure('invalid_body', 'Too many follow-ups.');
      return accept({
        type: 'followUpAdded',
        followUp: {
          id: newFollowUpId(state, ctx.now),
          askId: command.askId,
          powerHolderId: command.powerHolderId,
          status: command.status,
          note: command.note,
          link: command.link,
          date: command.date,
          at: ctx.now,
        },
      });
    }
    case 'setCardOptions':
      return outcome(cardRules.setCardOptions(state, command));
    case 'openCards':
      return outcome(cardRules.openCards(state, command.open));
    case 'submitCard':
      return outcome(cardRules.submitCard(state, command, ctx.actor, ctx.now));
    case 'withdrawCard':
      return outcome(cardRules.withdrawCard(state, command.cardId, ctx.now));
    case 'removeFollowUp':
      if (!state.followUps.some((f) => f.id === command.followUpId))
        return failure('not_found', 'There is no such follow-up.');
      return accept({ type: 'followUpRemoved', followUpId: command.followUpId, at: ctx.now });
    case 'submitEvaluation':
      return submitEvaluation(state, command, ctx);
    default:
      return command satisfies never;
  }
}

/**
 * Unique among the follow-ups held: counting them alone gave a removed one's successor, added
 * in the same millisecond, the id of one still there (and removing either removed both).
 */
function newFollowUpId(state: AssemblyState, now: number): string {
  const stem = `f${now.toString(36)}`;
  let n = state.followUps.length + 1;
  while (state.followUps.some((f) => f.id === `${stem}${n}`)) n++;
  return `${stem}${n}`;
}

/** Refuses an answer, clock or follow-up for an ask that does not exist or was not put to this power-holder. */
function askedOf(state: AssemblyState, askId: string, powerHolderId: string): Failure | null {
  const ask = state.asks.find((a) => a.id === askId);
  if (!ask) return failure('unknown_ask');
  if (!state.powerHolders.some((p) => p.id === powerHolderId)) return failure('unknown_power_holder');
  if (!ask.targetIds.includes(powerHolderId)) {
    const holder = state.powerHolders.find((p) => p.id === powerHolderId);
    return failure(
      'not_asked',
      `${holder ? holder.name : 'That power-holder'} was not asked “${ask.title}”.`,
    );
  }
  return null;
}

function changeSetup(state: AssemblyState, file: SetupFile): Decision {
  const result = normaliseSetup(file);
  if (!result.ok) return failure('invalid_setup', result.problems.slice(0, 10).join('; '));
  const refused = setupChangeRefused(state, result.setup);
  if (refused) return failure('assembly_live', refused);
  return accept({ type: 'setupImported', ...result.setup });
}

function updateRegistrant(
  state: AssemblyState,
  command: Extract<Command, { type: 'updateRegistrant' }>,
): Decision {
  const { registrants, admitted } = state.attendance;
  const registrant = registrants.find((r) => r.id === command.registrantId);
  if (!registrant) return failure('unknown_registrant');
  if (command.institutionId !== null && !hasInstitution(state, command.institutionId))
    return failure('unknown_institution');
  const corrected: Registrant = {
    ...registrant,
    name: command.name,
    institutionId: command.institutionId,
    email: command.email,
  };
  const key = registrantKey(corrected);
  const other = registrants.find((r) => r.id !== registrant.id && registrantKey(r) === key);
  if (other)
    return failure(
      'already_registered',
      `${other.name} is already registered with that institution and email: remove one of them instead.`,
    );
  // Their check-in was counted for an institution; moving them would leave the count behind.
  if (corrected.institutionId !== registrant.institutionId && lookup(admitted, registrant.id) !== undefined)
    return failure(
      'registrant_checked_in',
      `${registrant.name} is checked in: undo the check-in at the door first to change their institution.`,
    );
  const same =
    corrected.name === registrant.name &&
    corrected.institutionId === registrant.institutionId &&
    corrected.email === registrant.email;
  return same ? unchanged() : accept({ type: 'registrantUpdated', registrant: corrected });
}

const hasInstitution = (state: AssemblyState, id: string) => state.institutions.some((i) => i.id === id);

/** A check-in id seen before is the same check-in retried: acknowledged, counted once. */
function checkInOnce(
  state: AssemblyState,
  ctx: DecideContext,
  checkIn: Omit<CheckIn, 'at' | 'undoneAt'>,
): Decision {
  const { checkIns } = state.attendance;
  if (lookup(checkIns, checkIn.id)) return unchanged();
  if (checkIns.size >= LIMITS.checkIns) return failure('turnout_full');
  return accept({ type: 'checkedIn', checkIn: { ...checkIn, at: ctx.now, undoneAt: null } });
}

/** A registrant arriving (their ticket, a steward's search): counted once, whichever way. */
function admit(
  state: AssemblyState,
  ctx: DecideContext,
  registrant: Registrant,
  command: { checkInId: string } & StewardsAnswer,
  method: 'steward' | 'ticket' | 'ownTicket',
  device: string,
): Decision {
  const { attendance } = state;
  if (lookup(attendance.checkIns, command.checkInId)) return unchanged();
  const arrival = arrivalOfRegistrant(attendance, registrant, method === 'ownTicket' ? {} : command);
  // The registrant's own phone is not asked "same person?": a likely twin is left for the organiser.
  if (arrival.kind === 'likely' && method === 'ownTicket')
    return arrive(
      state,
      ctx,
      { kind: 'registrant', registrant },
      checkInFor(registrant, command, method, device),
    );
  return arrive(state, ctx, arrival, checkInFor(registrant, command, method, device));
}

const checkInFor = (
  registrant: Registrant,
  command: { checkInId: string },
  method: CheckIn['method'],
  device: string,
): Omit<CheckIn, 'at' | 'undoneAt'> => ({
  id: command.checkInId,
  name: registrant.name,
  institutionId: registrant.institutionId,
  guestOf: '',
  contact: '',
  consent: false,
  method,
  device,
  registrantId: registrant.id,
});

/** What a check-in records once the rules of samePerson.ts have said who they are. */
function arrive(
  state: AssemblyState,
  ctx: DecideContext,
  arrival: Arrival,
  checkIn: Omit<CheckIn, 'at' | 'undoneAt'>,
): Decision {
  const staff = ctx.actor !== 'public';
  switch (arrival.kind) {
    case 'new':
      return checkInOnce(state, ctx, checkIn);
    case 'registrant':
      return checkInOnce(state, ctx, { ...checkIn, registrantId: arrival.registrant.id });
    case 'already':
    case 'link': {
      const earlier = arrival.checkIn;
      const already = { at: earlier.at, method: earlier.method, ...(staff ? { name: earlier.name } : {}) };
      // At the door, someone already in is refused, saying when and how they came in: the
      // steward must see it, not a green tick. A phone is simply told it is done.
      if (arrival.kind === 'already' && staff)
        return {
          ...failure('already_checked_in', `${earlier.name} is already checked in.`),
          at: earlier.at,
          already,
        };
      const events: DomainEvent[] =
        arrival.kind === 'link'
          ? [
              {
                type: 'checkInLinked',
                checkInId: earlier.id,
                registrantId: arrival.registrant.id,
                at: ctx.now,
              },
            ]
          : [];
      return { ok: true, events, already };
    }
    case 'likely':
      return {
        ...failure(
          'possible_duplicate',
          `${arrival.match.name} ${arrival.match.at === null ? 'is registered and not in yet' : 'is already checked in'}: is this the same person?`,
        ),
        match: arrival.match,
      };
    default:
      return arrival satisfies never;
  }
}

function ticketHolder(state: AssemblyState, scanned: string): Registrant | Failure {
  const token = ticketFromScan(scanned);
  if (token === null || ticketAssembly(token) !== state.code) return failure('unknown_ticket');
  const registrant = state.attendance.registrants.find((r) => r.ticket === token);
  if (registrant) return registrant;
  return failure(state.attendance.withdrawnTickets.includes(token) ? 'ticket_withdrawn' : 'unknown_ticket');
}

function phonesRefused(state: AssemblyState): Failure | null {
  if (state.turnout.phonesClosed) return failure('phone_check_in_closed');
  if ((state.turnout.byDevice[PHONES_DEVICE] ?? 0) >= LIMITS.phoneCheckIns)
    return failure('turnout_full', 'Check-in on phones is full. Please check in with a steward at the door.');
  return null;
}

function mergeCheckIns(
  state: AssemblyState,
  keptId: string,
  duplicateId: string,
  ctx: DecideContext,
): Decision {
  const { checkIns } = state.attendance;
  const kept = lookup(checkIns, keptId);
  const duplicate = lookup(checkIns, duplicateId);
  if (!kept || !duplicate) return failure('unknown_check_in');
  if (duplicate.mergedInto === keptId) return unchanged();
  if (keptId === duplicateId) return failure('not_same_person', 'A check-in cannot be merged with itself.');
  if (kept.undoneAt !== null || duplicate.undoneAt !== null)
    return failure('not_same_person', 'One of those check-ins was undone: it no longer counts.');
  if (kept.registrantId !== null && duplicate.registrantId !== null)
    return failure(
      'not_same_person',
      `${kept.name} and ${duplicate.name} are two registrants: remove one registration instead.`,
    );
  return accept({ type: 'checkInsMerged', keptId, duplicateId, at: ctx.now });
}

/**
 * The door a steward's device names itself ("North door"). A door cannot call itself what the
 * phones are counted under: its check-ins would be counted as phones' (and against their cap).
 */
function doorLabel(device: string): string {
  if (device === '') return 'Door';
  return device.trim().toLowerCase() === PHONES_DEVICE.toLowerCase() ? `${device} (door)` : device;
}
