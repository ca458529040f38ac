import { type AssemblyState, type Live, SPEAKER_CUE_WORDS } from '../../../../shared/domain/assembly';
import { ANSWER_LOOK, currentAnswer } from '../../../../shared/domain/responses';
import { itemName, shortened } from './itemName';
import { SCENE_LABELS } from './sceneLabels';

/**
 * What the undo button takes back, in words, from the last step on the undo stack
 * (shared/domain/undo.ts decides what is undoable): "Undo: start of 'Testimony: damp
 * homes'", "Undo: answer YES from Cllr Smith", "Undo: scene change to Commitments".
 * Null when there is nothing to undo.
 */
export function undoLabel(state: AssemblyState): string | null {
  const what = undoWhat(state);
  return what === null ? null : `Undo: ${what}`;
}

/** The words after "Undo: ", for a button that sets them on a line of their own. */
export function undoWhat(state: AssemblyState): string | null {
  const step = state.undo.at(-1);
  if (!step) return null;
  if (step.kind === 'response') {
    const holder = state.powerHolders.find((p) => p.id === step.powerHolderId);
    const answer = currentAnswer(state.responses, step.askId, step.powerHolderId);
    const word = answer ? `${ANSWER_LOOK[answer.answer].word} ` : '';
    return `answer ${word}from ${holder?.name ?? 'a power-holder'}`;
  }
  return liveChange(state, step.live, state.live);
}

/** The one change from `before` to `now`, told in the order evolve could have made it. */
function liveChange(state: AssemblyState, before: Live, now: Live): string {
  const named = (itemId: string | null) => {
    const item = state.agenda.find((candidate) => candidate.id === itemId);
    return item ? `'${itemName(item)}'` : 'the item';
  };
  const holderName = (id: string) => state.powerHolders.find((p) => p.id === id)?.name ?? 'a power-holder';
  // Entering an item also resets its timer and stops an answer clock: it is told first.
  if (before.currentItemId !== now.currentItemId) {
    return now.currentItemId === null ? 'leaving the agenda' : `move to ${named(now.currentItemId)}`;
  }
  if (!sameClock(before.responseTimer, now.responseTimer)) {
    return now.responseTimer
      ? `answer clock for ${holderName(now.responseTimer.powerHolderId)}`
      : `stopping ${before.responseTimer ? `${holderName(before.responseTimer.powerHolderId)}'s ` : 'the '}answer clock`;
  }
  if (before.scene !== now.scene) return `scene change to ${SCENE_LABELS[now.scene]}`;
  if (before.speakerCue !== now.speakerCue) {
    return now.speakerCue
      ? `cue "${SPEAKER_CUE_WORDS[now.speakerCue]}" to the speaker`
      : `clearing the speaker's cue "${before.speakerCue ? SPEAKER_CUE_WORDS[before.speakerCue] : ''}"`;
  }
  if (before.rollCallNow !== now.rollCallNow) {
    const name = (id: string | null) => state.institutions.find((i) => i.id === id)?.name ?? 'an institution';
    return now.rollCallNow ? `call ${name(now.rollCallNow)}` : `stop calling ${name(before.rollCallNow)}`;
  }
  if (before.rollCallOrder !== now.rollCallOrder) return `roll call sorted by ${now.rollCallOrder}`;
  if (before.message !== now.message) {
    return now.message === null
      ? `clearing the message '${shortened(before.message ?? '')}'`
      : `message '${shortened(now.message)}'`;
  }
  const [was, is] = [before.timer, now.timer];
  const item = named(now.currentItemId);
  if (was.startedAt === null && is.startedAt !== null) return `start of ${item}`;
  if (was.startedAt !== null && is.startedAt === null && is.accumulatedMs > 0) return `pause of ${item}`;
  if (
    was.durationMs !== is.durationMs &&
    was.accumulatedMs === is.accumulatedMs &&
    was.startedAt === is.startedAt
  ) {
    const seconds = Math.round((is.durationMs - was.durationMs) / 1000);
    return `${seconds > 0 ? '+' : '−'}${Math.abs(seconds)} s on ${item}`;
  }
  if (was.accumulatedMs !== is.accumulatedMs || was.startedAt !== is.startedAt) return `reset of ${item}`;
  return 'the last change';
}

/** By value: a state from a snapshot holds equal clocks as different objects. */
function sameClock(a: Live['responseTimer'], b: Live['responseTimer']): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.askId === b.askId &&
    a.powerHolderId === b.powerHolderId &&
    a.timer.startedAt === b.timer.startedAt &&
    a.timer.durationMs === b.timer.durationMs &&
    a.timer.accumulatedMs === b.timer.accumulatedMs
  );
}
