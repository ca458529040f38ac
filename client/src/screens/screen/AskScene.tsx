import type { AgendaItem, Ask, AssemblyState, PowerHolder } from '../../../../shared/domain/assembly';
import { ITEM_KIND_LABELS } from '../../../../shared/domain/assembly';
import { currentAnswer, shownAnswer } from '../../../../shared/domain/responses';
import { AnswerChip } from '../../components/AnswerChip';
import { fitted } from '../../components/fitted';
import { TimerClock } from '../../components/TimerClock';
import { askWordingType } from './stageFit';

/** The ask on the projector: its wording large, then each answer landing as it is recorded. */
export function AskScene({ state, item, ask }: { state: AssemblyState; item: AgendaItem; ask: Ask }) {
  const holders = ask.targetIds
    .map((id) => state.powerHolders.find((p) => p.id === id))
    .filter((p): p is PowerHolder => p !== undefined);
  const clock = state.live.responseTimer;
  return (
    <div className="scene scene-ask" data-testid="scene-ask">
      <header className="ask-head">
        <p className="kind">
          {ITEM_KIND_LABELS[item.kind]} · {ask.title}
        </p>
        {item.durationMs > 0 && !clock && (
          <TimerClock timer={state.live.timer} warningMs={item.warningMs} className="timer-corner" />
        )}
      </header>
      {/* The exact words, never cut: the longer they are, the smaller the type. */}
      <blockquote
        className="ask-wording-large fitted"
        style={fitted((width) => askWordingType(ask.wording, holders.length, width))}
      >
        {ask.wording}
      </blockquote>
      <ul
        className="ask-answers"
        data-count={holders.length > 6 ? 'many' : holders.length > 3 ? 'some' : 'few'}
      >
        {holders.map((holder) => {
          const answer = currentAnswer(state.responses, ask.id, holder.id);
          const shown = shownAnswer(holder, answer);
          const timing = clock?.askId === ask.id && clock.powerHolderId === holder.id;
          return (
            <li
              key={holder.id}
              className={`ask-answer ${timing ? 'answering' : ''}`}
              data-testid="ask-answer"
              data-holder={holder.id}
            >
              <p className="ask-holder">{holder.name}</p>
              {holder.role && <p className="ask-holder-role">{holder.role}</p>}
              {/* Keyed by time: a new answer mounts afresh and lands with its animation. */}
              <AnswerChip key={answer?.at ?? shown} answer={shown} className="landing" />
              {answer?.note && <p className="ask-note">“{answer.note}”</p>}
              {timing && clock && (
                <TimerClock timer={clock.timer} warningMs={10_000} className="timer-answer" />
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
