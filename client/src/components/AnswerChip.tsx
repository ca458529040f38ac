import { ANSWER_LOOK, type Answer } from '../../../shared/domain/responses';

/** An answer as the room sees it: colour, symbol and word (never colour alone). */
export function AnswerChip({ answer, className = '' }: { answer: Answer | 'pending'; className?: string }) {
  const look = ANSWER_LOOK[answer];
  return (
    <span className={`answer-chip answer-${answer} ${className}`} data-answer={answer}>
      <span aria-hidden="true">{look.symbol}</span> {look.word}
    </span>
  );
}
