import { useState } from 'react';
import type { Refusal } from '../../connection/outbox';
import { dismissRefusal } from '../../connection/outbox';
import { answerSamePerson, type Report } from './doorReport';

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

/**
 * A check-in queued while offline that turned out to be a likely match when it synced: the
 * steward answers now, and it is sent again with the answer (or, for "same person", the
 * door says who they are already in as).
 */
export function AnswerLater({ refusal }: { refusal: Refusal }) {
  const { command } = refusal;
  if (command.type !== 'checkIn' && command.type !== 'checkInRegistrant' && command.type !== 'scanTicket')
    return null;
  const who = command.type === 'checkIn' ? command.name : (refusal.failure.match?.name ?? 'Ticket');
  const resend = (same: boolean) => {
    const { match } = refusal.failure;
    if (!match) return;
    dismissRefusal(refusal.id);
    void answerSamePerson(command, who, match, same);
  };
  return (
    <span className="same-person">
      <button type="button" onClick={() => resend(true)}>
        Same person
      </button>
      <button type="button" onClick={() => resend(false)}>
        Different person: check in
      </button>
    </span>
  );
}
