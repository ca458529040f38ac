import { type AssemblyState, type Live, SPEAKER_CUE_WORDS } from './assembly';
import { ANSWER_LOOK, currentAnswer } from './responses';

const SCENE_NAMES: Record<Live['scene'], string> = {
  agenda: 'follow agenda',
  rollCall: 'roll call',
  commitments: 'commitments board',
  join: 'join QR',
  blank: 'blank screen',
};

/**
 * What pressing undo will take back, in the chair's words ("go to Testimony: Grace"), so
 * the button says what it does before it is pressed. Null when there is nothing to undo.
 */
export function describeUndo(state: AssemblyState): string | null {
  const step = state.undo.at(-1);
  if (!step) return null;
  if (step.kind === 'response') {
    const holder = state.powerHolders.find((p) => p.id === step.powerHolderId);
    const ask = state.asks.find((a) => a.id === step.askId);
    const answer = currentAnswer(state.responses, step.askId, step.powerHolderId);
    return `${holder?.name ?? 'answer'}: ${answer ? ANSWER_LOOK[answer.answer].word : 'answer'}${ask ? ` on ${ask.title}` : ''}`;
  }
  const before = step.live;
  const now = state.live;
  if (before.responseTimer !== now.responseTimer)
    return now.responseTimer ? 'answer clock' : 'stop answer clock';
  if (before.currentItemId !== now.currentItemId) {
    const item = state.agenda.find((candidate) => candidate.id === now.currentItemId);
    return item ? `go to ${item.title}` : 'change of item';
  }
  if (before.scene !== now.scene) return SCENE_NAMES[now.scene];
  if (before.speakerCue !== now.speakerCue)
    return now.speakerCue ? `cue "${SPEAKER_CUE_WORDS[now.speakerCue]}"` : 'clear cue';
  if (before.rollCallNow !== now.rollCallNow) {
    const called = state.institutions.find((i) => i.id === now.rollCallNow);
    return called ? `call ${called.name}` : 'stop calling';
  }
  if (before.rollCallOrder !== now.rollCallOrder) return `sort roll call by ${now.rollCallOrder}`;
  if (before.message !== now.message) return now.message === null ? 'clear message' : 'message';
  const [was, is] = [before.timer, now.timer];
  if (was.startedAt === null && is.startedAt !== null) return 'start';
  if (was.startedAt !== null && is.startedAt === null && is.accumulatedMs > 0) return 'pause';
  if (was.durationMs !== is.durationMs && is.accumulatedMs === was.accumulatedMs) {
    const delta = Math.round((is.durationMs - was.durationMs) / 1000);
    return `${delta > 0 ? '+' : '−'}${Math.abs(delta)} s`;
  }
  if (was.accumulatedMs !== is.accumulatedMs || was.startedAt !== is.startedAt) return 'reset';
  return 'last change';
}
