import { LIMITS } from '../protocol/limits';
import type { SetupFile } from '../protocol/setup';
import type { AssemblyState } from './assembly';
import { currentAnswer, latestFollowUp } from './responses';

/** How a carried-forward ask is marked, so the room knows it is last time's promise. */
export const carriedForwardTitle = (title: string, from: string): string => {
  const suffix = ` (carried forward from ${from})`;
  return suffix.length >= LIMITS.title ? title : `${title.slice(0, LIMITS.title - suffix.length)}${suffix}`;
};

/**
 * The setup for next year's assembly, made from this one: the same institutions and
 * power-holders (same ids, so the organiser edits rather than retypes them), and every
 * commitment still open, so the room can hold power-holders to account for it.
 *
 * An ask is carried forward when at least one power-holder's answer stands at YES and the
 * commitment is not yet delivered; on the new assembly it is put only to those, with its exact wording and commitment
 * fields, and its title says where it came from. Answers, turnout, registrants, follow-ups
 * and the agenda stay with the old assembly (the new night has its own run of show).
 */
export function nextAssemblySetup(state: AssemblyState): SetupFile {
  const from = state.title || state.code;
  const asks = state.asks.flatMap((ask) => {
    // A promise already delivered (its latest follow-up a WIN) is not held to account again;
    // one in progress, stalled, broken or never followed up still is.
    const saidYes = ask.targetIds.filter(
      (holderId) =>
        currentAnswer(state.responses, ask.id, holderId)?.answer === 'yes' &&
        latestFollowUp(state.followUps, ask.id, holderId)?.status !== 'win',
    );
    if (saidYes.length === 0) return [];
    return [
      {
        id: ask.id,
        title: carriedForwardTitle(ask.title, from),
        wording: ask.wording,
        targets: saidYes,
        commitment: { ...ask.commitment },
      },
    ];
  });
  return {
    institutions: state.institutions.map((i) => ({ ...i })),
    powerHolders: state.powerHolders.map((p) => ({ ...p })),
    asks,
    agenda: [],
  };
}
