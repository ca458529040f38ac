import { create } from 'zustand';
import type { CommandInput } from '../../../../shared/protocol/commands';
import { queueCommand } from '../../connection/outbox';
import { formatTimeOfDay } from '../../format';
import { rememberCheckIn } from './myCheckIns';

/** The door's answer to the last action, in a colour, a symbol and words. */
export interface Report {
  tone: 'ok' | 'warn' | 'error' | 'queued';
  text: string;
  /** The check-in this report is about, so it can be undone from the report. */
  checkInId?: string;
  who?: string;
}

export const useDoorReport = create<{ report: Report | null }>(() => ({ report: null }));

export const report = (value: Report | null) => useDoorReport.setState({ report: value });

/** Sends a check-in through the outbox and says what happened to it. */
export async function checkInAtDoor(
  command: CommandInput & { checkInId: string },
  who: string,
): Promise<boolean> {
  const outcome = await queueCommand(command, `Check in ${who}`, command.checkInId);
  const { checkInId } = command;
  if (outcome.ok === 'queued') {
    rememberCheckIn(checkInId, who);
    report({
      tone: 'queued',
      text: `${who}: saved on this device, will sync when back online.`,
      checkInId,
      who,
    });
    return true;
  }
  if (outcome.ok) {
    rememberCheckIn(checkInId, who);
    report({ tone: 'ok', text: `${who} is checked in.`, checkInId, who });
    return true;
  }
  if (outcome.code === 'already_checked_in') {
    const when = outcome.at ? ` at ${formatTimeOfDay(outcome.at)}` : '';
    report({
      tone: 'warn',
      text: `${outcome.message.replace(/ is already checked in\.$/, '')}: already in${when}.`,
    });
    return false;
  }
  report({ tone: 'error', text: outcome.message });
  return false;
}

/** Undoes a check-in; one still waiting to sync is undone right after it syncs, in order. */
export async function undoCheckIn(checkInId: string, who: string): Promise<void> {
  const outcome = await queueCommand({ type: 'undoCheckIn', checkInId }, `Undo ${who}`, `undo-${checkInId}`);
  if (outcome.ok === 'queued') report({ tone: 'queued', text: `Undo of ${who} will sync when back online.` });
  else if (outcome.ok) report({ tone: 'warn', text: `${who}: check-in undone.` });
  else report({ tone: 'error', text: outcome.message });
}
