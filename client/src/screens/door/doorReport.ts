import { create } from 'zustand';
import type { AlreadyIn, LikelyMatch } from '../../../../shared/domain/samePerson';
import { CHECK_IN_METHOD_LABELS } from '../../../../shared/domain/turnout';
import type { CommandInput } from '../../../../shared/protocol/commands';
import { useAssembly } from '../../connection/assemblyStore';
import { queueCommand } from '../../connection/outbox';
import { formatTimeOfDay } from '../../format';
import { signalOutcome } from './doorSignal';
import { rememberCheckIn } from './myCheckIns';
import { outcomeOf } from './signalPatterns';

/** The door's answer to the last action, in a colour, a symbol and words. */
export interface Report {
  tone: 'ok' | 'warn' | 'error' | 'queued' | 'ask';
  text: string;
  /** The check-in this report is about, so it can be undone from the report. */
  checkInId?: string;
  who?: string;
  /** A likely match: the steward answers "same person?" before anything is counted. */
  question?: { match: LikelyMatch; answer: (same: boolean) => Promise<boolean> };
}

export type DoorCheckIn = Extract<CommandInput, { type: 'checkIn' | 'checkInRegistrant' | 'scanTicket' }>;

/** "already in at 19:45 (phone)": when and how someone came in before. */
export function alreadyIn(already: AlreadyIn | undefined, at: number | undefined): string {
  const when = already?.at ?? at;
  const how = already ? ` (${CHECK_IN_METHOD_LABELS[already.method].toLocaleLowerCase()})` : '';
  return `already in${when ? ` at ${formatTimeOfDay(when)}` : ''}${how}`;
}

function question(match: LikelyMatch, institutions: ReadonlyMap<string, string>): string {
  const where = match.institutionId === null ? 'a guest' : (institutions.get(match.institutionId) ?? '');
  if (match.at === null) return `${match.name} (${where}) is registered and not in yet: same person?`;
  const how = match.method ? CHECK_IN_METHOD_LABELS[match.method].toLocaleLowerCase() : 'the door';
  return `${match.name} (${where}) checked in by ${how} at ${formatTimeOfDay(match.at)}: same person?`;
}

const institutionNames = () =>
  new Map((useAssembly.getState().state?.institutions ?? []).map((i) => [i.id, i.name] as const));

export const useDoorReport = create<{ report: Report | null }>(() => ({ report: null }));

export const report = (value: Report | null) => useDoorReport.setState({ report: value });

/** A check-in's or a scan's outcome: shown, and heard and felt (the steward is looking at the person). */
export function reportOutcome(value: Report): void {
  report(value);
  signalOutcome(outcomeOf(value.tone));
}

/** Sends a check-in through the outbox and says what happened to it. */
export async function checkInAtDoor(command: DoorCheckIn, who: string): Promise<boolean> {
  const outcome = await queueCommand(command, `Check in ${who}`, command.checkInId);
  const { checkInId } = command;
  if (outcome.ok === 'queued') {
    rememberCheckIn(checkInId, who);
    reportOutcome({
      tone: 'queued',
      text: `${who}: saved on this device, will sync when back online.`,
      checkInId,
      who,
    });
    return true;
  }
  if (outcome.ok) {
    if (outcome.already) {
      // In already another way (their phone): linked to their registration, counted once.
      reportOutcome({
        tone: 'warn',
        text: `${outcome.already.name ?? who}: ${alreadyIn(outcome.already, undefined)}.`,
      });
      return false;
    }
    rememberCheckIn(checkInId, who);
    reportOutcome({ tone: 'ok', text: `${who} is checked in.`, checkInId, who });
    return true;
  }
  if (outcome.code === 'already_checked_in') {
    const name = outcome.already?.name ?? outcome.message.replace(/ is already checked in\.$/, '');
    reportOutcome({ tone: 'warn', text: `${name}: ${alreadyIn(outcome.already, outcome.at)}.` });
    return false;
  }
  if (outcome.code === 'possible_duplicate' && outcome.match) {
    const match = outcome.match;
    reportOutcome({
      tone: 'ask',
      text: question(match, institutionNames()),
      question: {
        match,
        answer: (same) => answerSamePerson(command, who, match, same),
      },
    });
    return false;
  }
  reportOutcome({ tone: 'error', text: outcome.message });
  return false;
}

/**
 * The steward's answer to a likely match, sent as the same check-in again: someone else
 * (`newPerson`, counted), or the same person (`sameAs` the check-in they are in as, or, for
 * a registrant not yet in, their own arrival).
 */
export function answerSamePerson(
  command: DoorCheckIn,
  who: string,
  match: LikelyMatch,
  same: boolean,
): Promise<boolean> {
  if (!same) return checkInAtDoor({ ...command, newPerson: true }, who);
  if (match.checkInId === null && match.registrantId !== null)
    return checkInAtDoor(
      {
        type: 'checkInRegistrant',
        checkInId: command.checkInId,
        registrantId: match.registrantId,
        device: command.device ?? '',
      },
      match.name,
    );
  return checkInAtDoor({ ...command, sameAs: match.checkInId ?? undefined }, who);
}

/** Undoes a check-in; one still waiting to sync is undone right after it syncs, in order. */
export async function undoCheckIn(checkInId: string, who: string): Promise<void> {
  const outcome = await queueCommand({ type: 'undoCheckIn', checkInId }, `Undo ${who}`, `undo-${checkInId}`);
  if (outcome.ok === 'queued') report({ tone: 'queued', text: `Undo of ${who} will sync when back online.` });
  else if (outcome.ok) report({ tone: 'warn', text: `${who}: check-in undone.` });
  else report({ tone: 'error', text: outcome.message });
}
