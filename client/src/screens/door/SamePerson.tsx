import { useState } from 'react';
import type { Report } from './doorReport';

/** The steward's answer to a likely match: nothing is counted until one button is pressed. */
export function SamePerson({ question }: { question: NonNullable<Report['question']> }) {
  const [busy, setBusy] = useState(false);
  const answer = (same: boolean) => {
    setBusy(true);
    void question.answer(same).finally(() => setBusy(false));
  };
  return (
    <span className="same-person">
      <button type="button" className="primary" disabled={busy} onClick={() => answer(true)}>
        {question.match.at === null
          ? `Same person: check in ${question.match.name}`
          : 'Same person: count nothing'}
      </button>
      <button type="button" disabled={busy} onClick={() => answer(false)}>
        Different person: check in
      </button>
    </span>
  );
}
