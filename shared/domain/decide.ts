import type { Command } from '../protocol/commands';
import { ERROR_CODES, type Failure, failure } from '../protocol/errors';
import type { DomainEvent } from '../protocol/events';
import { LIMITS } from '../protocol/limits';
import type { Role } from '../protocol/roles';
import { normaliseSetup, type SetupFile } from '../protocol/setup';
import { type AssemblyState, currentIndex, currentItem } from './assembly';
import { lookup } from './register';
import { currentAnswer, DEFAULT_RESPONSE_MS } from './responses';
import { setupChangeRefused } from './setupChanges';
import { ticketAssembly, ticketFromScan, ticketToken } from './tickets';
import { isRunning } from './timer';
import { type CheckIn, nextRegistrantNumber, PHONES_DEVICE, type Registrant, registrantKey } from './turnout';

export interface DecideContext {
  now: number;
  /** Who sent the command: a phone checks itself in, a steward checks others in. */
  actor: Role;
  /** A fresh unguessable secret (tickets). */
  newSecret: () => string;
}

export type Decision = { ok: true; events: DomainEvent[] } | Failure;

const accept = (...events: DomainEvent[]): Decision => ({ ok: true, events });
/** Already so: acknowledged, nothing recorded (a double press is harmless). */
const unchanged = (): Decision => ({ ok: true, events: [] });

// After the night the record is settled, but follow-up on commitments goes on.
const CLOSED_ALLOWS = new Set<Command['type']>([
  'reopenAssembly',
  'updateDetails',
  'closeAssembly',
  'addFollowUp',
  'removeFollowUp',
]);

/** The rules of the night: what a command means in this state. Pure; time comes from ctx. */
export function decide(state: AssemblyState, command: Command, ctx: DecideContext): Decision {
  if (state.status === 'closed' && !CLOSED_ALLOWS.has(command.type)) return failure('assembly_closed');
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
      if (self && !lookup(state.attendance.checkIns, command.checkInId)) {
        if (state.turnout.phonesClosed) return failure('phone_check_in_closed');
        if ((state.turnout.byDevice[PHONES_DEVICE] ?? 0) >= LIMITS.phoneCheckIns)
          return failure(
            'turnout_full',
            'Check-in on phones is full. Please check in with a steward at the door.',
          );
      }
      return checkInOnce(state, ctx, {
        id: command.checkInId,
        name: command.name,
        institutionId: command.institutionId,
        guestOf: command.institutionId === null ? command.guestOf : '',
        // Contact details are kept only with the person's consent.
        contact: command.consent ? command.contact : '',
        consent: command.consent && command.contact !== '',
        method: self ? 'self' : 'walkIn',
        device: self ? PHONES_DEVICE : command.device || 'Door',
        registrantId: null,
      });
    }
    case 'checkInRegistrant': {
      const registrant = state.attendance.registrants.find((r) => r.id === command.registrantId);
      if (!registrant) return failure('unknown_registrant');
      return admit(state, ctx, registrant, command.checkInId, 'steward', command.device);
    }
    case 'scanTicket': {
      const token = ticketFromScan(command.ticket);
      if (token === null || ticketAssembly(token) !== state.code) return failure('unknown_ticket');
      const registrant = state.attendance.registrants.find((r) => r.ticket === token);
      if (!registrant)
        return failure(
          state.attendance.withdrawnTickets.includes(token) ? 'ticket_withdrawn' : 'unknown_ticket',
        );
      return admit(state, ctx, registrant, command.checkInId, 'ticket', command.device);
    }
    case 'undoCheckIn': {
      const checkIn = lookup(state.attendance.checkIns, command.checkInId);
      if (!checkIn) return failure('unknown_check_in');
      return checkIn.undoneAt !== null
        ? unchanged()
        : accept({ type: 'checkInUndone', checkInId: checkIn.id, at: ctx.now });
    }
    case 'setHeadcount': {
      const sections = new Set(state.institutions.map((i) => i.section));
      if (sections.size === 0) sections.add('');
      if (!sections.has(command.section)) return failure('unknown_section');
      const current = state.turnout.headcounts[command.section]?.[command.deviceId] ?? 0;
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
          id: `f${ctx.now.toString(36)}${state.followUps.length + 1}`,
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
    case 'removeFollowUp':
      if (!state.followUps.some((f) => f.id === command.followUpId))
        return failure('not_found', 'There is no such follow-up.');
      return accept({ type: 'followUpRemoved', followUpId: command.followUpId, at: ctx.now });
    default:
      return command satisfies never;
  }
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

function admit(
  state: AssemblyState,
  ctx: DecideContext,
  registrant: Registrant,
  checkInId: string,
  method: 'steward' | 'ticket',
  device: string,
): Decision {
  const { attendance } = state;
  const admittedBy = lookup(attendance.admitted, registrant.id);
  if (admittedBy !== undefined && admittedBy !== checkInId) {
    const earlier = lookup(attendance.checkIns, admittedBy);
    return { ...failure('already_checked_in', `${registrant.name} is already checked in.`), at: earlier?.at };
  }
  return checkInOnce(state, ctx, {
    id: checkInId,
    name: registrant.name,
    institutionId: registrant.institutionId,
    guestOf: '',
    contact: '',
    consent: false,
    method,
    device: device || 'Door',
    registrantId: registrant.id,
  });
}
