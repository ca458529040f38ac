import { type FormEvent, useState } from 'react';
import {
  ANSWER_LOOK,
  currentAnswer,
  FOLLOW_UP_LOOK,
  FOLLOW_UP_STATUSES,
  type FollowUpStatus,
  NO_ANSWER_WORDS,
} from '../../../../shared/domain/responses';
import { LIMITS } from '../../../../shared/protocol/limits';
import { callApi } from '../../api';
import { formatDate } from '../../format';
import type { OrganiserSection } from './organiserSection';

/** Today in the organiser's own time zone, as the date field wants it (YYYY-MM-DD). */
const today = () => new Date().toLocaleDateString('en-CA');

/** After the night: dated status updates on each commitment, shown on the public record. */
export function FollowUpAdmin({ code, staffKey, state }: OrganiserSection) {
  const commitments = state.asks.flatMap((ask) =>
    ask.targetIds.map((holderId) => {
      const holder = state.powerHolders.find((p) => p.id === holderId);
      const answer = currentAnswer(state.responses, ask.id, holderId);
      return {
        value: `${ask.id}|${holderId}`,
        label: `${ask.title}: ${holder?.name ?? holderId} (${answer ? ANSWER_LOOK[answer.answer].word : NO_ANSWER_WORDS.pending})`,
      };
    }),
  );
  const [commitment, setCommitment] = useState('');
  const [status, setStatus] = useState<FollowUpStatus>('progress');
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const [link, setLink] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  if (commitments.length === 0) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!commitment) return setResult({ ok: false, text: 'Choose the commitment first.' });
    const [askId, powerHolderId] = commitment.split('|');
    const reply = await callApi<{ seq: number }>(
      `/api/assemblies/${code}/commands`,
      { type: 'addFollowUp', askId, powerHolderId, status, date: `${date}T12:00`, note, link: link.trim() },
      staffKey,
    );
    // A failed save keeps everything typed.
    if (!reply.ok)
      return setResult({ ok: false, text: reply.message.replace(/^addFollowUp: /, 'Check the form: ') });
    setResult({ ok: true, text: 'Saved: it shows on the public record.' });
    setNote('');
    setLink('');
  }

  return (
    <section aria-labelledby="follow-up-h">
      <h2 id="follow-up-h">Follow-up on commitments</h2>
      <p>
        Each update shows, dated, on the public record at <a href={`/r/${code}`}>/r/{code}</a>.
      </p>
      <form className="follow-up-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="fu-commitment">Commitment</label>
          <select id="fu-commitment" value={commitment} onChange={(e) => setCommitment(e.target.value)}>
            <option value="">Choose…</option>
            {commitments.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="fu-status">Status</label>
          <select id="fu-status" value={status} onChange={(e) => setStatus(e.target.value as FollowUpStatus)}>
            {FOLLOW_UP_STATUSES.map((s) => (
              <option key={s} value={s}>
                {FOLLOW_UP_LOOK[s].word}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="fu-date">As of</label>
          <input id="fu-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="fu-note">Note</label>
          <input
            id="fu-note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={LIMITS.followUpNote}
          />
        </div>
        <div className="field">
          <label htmlFor="fu-link">Evidence link (optional)</label>
          <input
            id="fu-link"
            type="url"
            value={link}
            onChange={(e) => setLink(e.target.value)}
            maxLength={LIMITS.link}
            placeholder="https://"
          />
        </div>
        <button type="submit" className="primary">
          Add update
        </button>
      </form>
      {result && (
        <p className={result.ok ? 'success' : 'error'} role="status" data-testid="follow-up-result">
          {result.text}
        </p>
      )}
      {state.followUps.length > 0 && (
        <>
          <h3>Recorded</h3>
          <ul className="follow-up-list">
            {[...state.followUps]
              .sort((a, b) => b.at - a.at)
              .map((f) => {
                const ask = state.asks.find((a) => a.id === f.askId);
                const holder = state.powerHolders.find((p) => p.id === f.powerHolderId);
                const what = `${FOLLOW_UP_LOOK[f.status].word} on ${ask?.title ?? f.askId}: ${holder?.name ?? f.powerHolderId}`;
                return (
                  <li key={f.id}>
                    <span>
                      {what}, {formatDate(f.date)}
                      {f.note && <> · {f.note}</>}
                    </span>
                    <button
                      type="button"
                      className="quiet"
                      onClick={async () => {
                        if (!confirm(`Take “${what}” off the public record? The journal keeps it.`)) return;
                        const reply = await callApi(
                          `/api/assemblies/${code}/commands`,
                          { type: 'removeFollowUp', followUpId: f.id },
                          staffKey,
                        );
                        setResult(
                          reply.ok ? { ok: true, text: 'Removed.' } : { ok: false, text: reply.message },
                        );
                      }}
                    >
                      Remove <span className="visually-hidden">{what}</span>
                    </button>
                  </li>
                );
              })}
          </ul>
        </>
      )}
    </section>
  );
}
