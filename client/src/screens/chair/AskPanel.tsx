import { useRef, useState } from 'react';
import type { Ask, AssemblyState, PowerHolder } from '../../../../shared/domain/assembly';
import {
  ANSWER_LOOK,
  ANSWERS,
  type Answer,
  historyOf,
  NO_ANSWER_WORDS,
  shownAnswer,
} from '../../../../shared/domain/responses';
import type { CommandInput } from '../../../../shared/protocol/commands';
import { LIMITS } from '../../../../shared/protocol/limits';
import { AnswerChip } from '../../components/AnswerChip';
import { TimerClock } from '../../components/TimerClock';
import { formatEarlierAnswers, formatTimeOfDay } from '../../format';

/** The ask on the console: its wording, and a card per power-holder to record the answer. */
export function AskPanel(props: {
  state: AssemblyState;
  ask: Ask;
  run: (command: CommandInput) => Promise<boolean>;
  disabled: boolean;
}) {
  const { state, ask, run, disabled } = props;
  const holders = ask.targetIds
    .map((id) => state.powerHolders.find((p) => p.id === id))
    .filter((p): p is PowerHolder => p !== undefined);
  return (
    <section className="ask-panel" aria-labelledby="ask-panel-h">
      <h2 id="ask-panel-h">Ask: {ask.title}</h2>
      <p className="ask-wording">{ask.wording}</p>
      <p className="hint">
        A wrong press? Undo takes it back, leaving no earlier answer on the record. Pressing another answer
        keeps both, as a change of mind.
      </p>
      <div className="holder-cards">
        {holders.map((holder) => (
          <HolderCard
            key={`${ask.id}-${holder.id}`}
            state={state}
            ask={ask}
            holder={holder}
            run={run}
            disabled={disabled}
          />
        ))}
      </div>
    </section>
  );
}

function HolderCard(props: {
  state: AssemblyState;
  ask: Ask;
  holder: PowerHolder;
  run: (command: CommandInput) => Promise<boolean>;
  disabled: boolean;
}) {
  const { state, ask, holder, run, disabled } = props;
  const history = historyOf(state.responses, ask.id, holder.id);
  const current = history.at(-1) ?? null;
  // A note belongs to the one answer it is typed for: the field is for the next press and
  // starts empty. The standing answer's note is shown above it, the earlier ones as "Before".
  const [note, setNote] = useState('');
  const clock = state.live.responseTimer;
  const timing = clock?.askId === ask.id && clock.powerHolderId === holder.id;
  const noteId = `note-${ask.id}-${holder.id}`;
  // The answer on its way to the server: a double tap on it is one press, or its second tap
  // (nothing typed, the first not yet back) would record it again without the note.
  const sending = useRef<Answer | null>(null);
  const record = async (answer: Answer) => {
    if (sending.current === answer) return;
    sending.current = answer;
    const typed = note.trim();
    setNote('');
    const sent = await run({
      type: 'recordResponse',
      askId: ask.id,
      powerHolderId: holder.id,
      answer,
      // The same answer pressed again with nothing typed keeps its note (and changes nothing).
      note: typed || (current?.answer === answer ? current.note : ''),
    });
    if (sending.current === answer) sending.current = null;
    // Refused: the words typed come back, for the chair to press again.
    if (!sent && typed) setNote((now) => now || typed);
  };
  return (
    <article
      className="holder-card"
      data-testid="holder-card"
      data-holder={holder.id}
      aria-label={holder.name}
    >
      <header>
        <h3>{holder.name}</h3>
        <p className="muted">
          {[holder.role, holder.organisation].filter(Boolean).join(', ')}
          {!holder.attending && <strong className="not-attending"> · {NO_ANSWER_WORDS.absent}</strong>}
        </p>
      </header>
      <p className="holder-answer">
        <AnswerChip answer={shownAnswer(holder, current)} />
        {current && <span className="muted"> {formatTimeOfDay(current.at)}</span>}
        {current?.note && <span className="holder-note">“{current.note}”</span>}
      </p>
      {history.length > 1 && <p className="holder-history muted">Before: {formatEarlierAnswers(history)}</p>}
      <div className="answer-buttons">
        {ANSWERS.map((answer) => (
          <button
            key={answer}
            type="button"
            className={`answer-button answer-${answer}`}
            aria-pressed={current?.answer === answer}
            disabled={disabled}
            onClick={() => void record(answer)}
          >
            <span aria-hidden="true">{ANSWER_LOOK[answer].symbol}</span> {ANSWER_LOOK[answer].word}
            <span className="visually-hidden"> for {holder.name}</span>
          </button>
        ))}
      </div>
      <div className="field">
        <label htmlFor={noteId}>Note (a quote or condition) for the next answer pressed</label>
        <input
          id={noteId}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={LIMITS.responseNote}
          placeholder="yes, within 60 days"
        />
      </div>
      <div className="holder-clock">
        {timing && clock ? (
          <>
            <TimerClock timer={clock.timer} warningMs={10_000} className="timer-answer" />
            <button type="button" onClick={() => run({ type: 'stopResponseTimer' })} disabled={disabled}>
              Stop clock
            </button>
          </>
        ) : (
          <button
            type="button"
            onClick={() => run({ type: 'startResponseTimer', askId: ask.id, powerHolderId: holder.id })}
            disabled={disabled}
          >
            Start answer clock
          </button>
        )}
      </div>
    </article>
  );
}
