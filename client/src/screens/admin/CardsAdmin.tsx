import { useEffect, useId, useState } from 'react';
import type { AssemblyState } from '../../../../shared/domain/assembly';
import { MAX_CARD_OPTIONS, optionsWithCards, tallyLine } from '../../../../shared/domain/cards';
import { LIMITS } from '../../../../shared/protocol/limits';
import { sendCommand } from '../../connection/assemblyConnection';
import { useAssembly } from '../../connection/assemblyStore';
import { formatCount } from '../../format';
import { downloadExport } from './download';

const CARD_EXPORTS = [
  ['cards.csv', 'Cards by commitment (CSV)'],
  ['cards-by-institution.csv', 'Cards by institution (CSV)'],
] as const;

interface Row {
  id?: string;
  text: string;
  /** YYYY-MM-DD, or ''. */
  date: string;
  owner: string;
  asksNumber: boolean;
}

const rowsOf = (state: AssemblyState): Row[] =>
  state.cards.options.map((o) => ({
    id: o.id,
    text: o.text,
    date: o.date === null ? '' : new Date(o.date).toISOString().slice(0, 10),
    owner: o.owner,
    asksNumber: o.asksNumber,
  }));

/**
 * The commitment card's options (up to 8): what attendees can tick at the close, each with an
 * optional date and the team or person who follows it up. An option people ticked keeps its
 * wording. Below, the tally so far and the exports for the follow-up one-to-ones.
 */
export function CardsAdmin({
  state,
  code,
  staffKey,
}: {
  state: AssemblyState;
  code: string;
  staffKey: string;
}) {
  const ids = useId();
  const [rows, setRows] = useState<Row[]>(() => rowsOf(state));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const saved = JSON.stringify(rowsOf(state));
  const changed = JSON.stringify(rows) !== saved;
  // Saved here: once this page's copy has reached the save's seq, the server's rows (with the
  // ids it gave, its cleaned text) replace these. Saved by someone else: theirs replace these
  // while nothing here is changed.
  const seq = useAssembly((s) => s.seq);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the saved options or the seq change
  useEffect(() => {
    const arrived = savedAt !== null && seq >= savedAt;
    if (arrived || (!changed && savedAt === null)) setRows(rowsOf(state));
    if (arrived) setSavedAt(null);
  }, [saved, seq, savedAt]);
  const ticked = optionsWithCards(state.cards);
  const update = (i: number, patch: Partial<Row>) =>
    setRows((all) => all.map((row, at) => (at === i ? { ...row, ...patch } : row)));

  async function save() {
    const reply = await sendCommand({
      type: 'setCardOptions',
      options: rows
        .filter((row) => row.text.trim() !== '')
        .map((row) => ({
          ...(row.id ? { id: row.id } : {}),
          text: row.text.trim(),
          // Midday UTC: the same calendar day wherever the page is read.
          date: row.date ? `${row.date}T12:00:00Z` : null,
          owner: row.owner.trim(),
          asksNumber: row.asksNumber,
        })),
    });
    setMessage(reply.ok ? { ok: true, text: 'The card is saved.' } : { ok: false, text: reply.message });
    if (reply.ok) setSavedAt(reply.seq);
  }

  const cards = state.cards.byId.size;
  return (
    <section aria-labelledby="cards-admin-h">
      <h2 id="cards-admin-h">Commitment cards</h2>
      <p className="muted">
        What people can commit to at the close (“join the housing team”, “come to the follow-up on 12
        January”, “bring people next time”): the chair opens the card on every phone, stewards enter paper
        cards at the door, and the screen shows the tally. Up to {MAX_CARD_OPTIONS}.
      </p>
      <ul className="setup-rows card-options">
        {rows.map((row, i) => {
          const locked = row.id !== undefined && ticked.has(row.id);
          return (
            <li key={row.id ?? `new-${i}`} className="card-option-row" data-testid="card-option-row">
              <div className="field">
                <label htmlFor={`${ids}-text-${i}`}>I will…</label>
                <input
                  id={`${ids}-text-${i}`}
                  value={row.text}
                  maxLength={LIMITS.cardOption}
                  readOnly={locked}
                  aria-describedby={locked ? `${ids}-locked-${i}` : undefined}
                  onChange={(e) => update(i, { text: e.currentTarget.value })}
                />
                {locked && (
                  <p className="hint" id={`${ids}-locked-${i}`}>
                    On cards already filled: its wording stays.
                  </p>
                )}
              </div>
              <div className="field">
                <label htmlFor={`${ids}-date-${i}`}>Date (optional)</label>
                <input
                  id={`${ids}-date-${i}`}
                  type="date"
                  value={row.date}
                  onChange={(e) => update(i, { date: e.currentTarget.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`${ids}-owner-${i}`}>Team or owner</label>
                <input
                  id={`${ids}-owner-${i}`}
                  value={row.owner}
                  maxLength={LIMITS.personName}
                  onChange={(e) => update(i, { owner: e.currentTarget.value })}
                />
              </div>
              <label className="consent">
                <input
                  type="checkbox"
                  checked={row.asksNumber}
                  disabled={locked}
                  onChange={(e) => update(i, { asksNumber: e.currentTarget.checked })}
                />
                Asks how many
              </label>
              {!locked && (
                <button
                  type="button"
                  className="quiet"
                  onClick={() => setRows((all) => all.filter((_, at) => at !== i))}
                >
                  Remove
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <div className="button-row">
        {rows.length < MAX_CARD_OPTIONS && (
          <button
            type="button"
            onClick={() => setRows((all) => [...all, { text: '', date: '', owner: '', asksNumber: false }])}
          >
            Add a commitment
          </button>
        )}
        <button type="button" className="primary" disabled={!changed} onClick={() => void save()}>
          Save the card
        </button>
      </div>
      {message && (
        <p className={message.ok ? 'success' : 'error'} role="status" data-testid="cards-admin-result">
          {message.text}
        </p>
      )}
      {state.cards.options.length > 0 && (
        <>
          <h3>
            So far: {formatCount(cards)} {cards === 1 ? 'card' : 'cards'}
          </h3>
          <ul className="cards-so-far" data-testid="cards-so-far">
            {state.cards.options.map((option) => {
              const line = tallyLine(option, state.cards.tally);
              return (
                <li key={option.id}>
                  <strong>{formatCount(line.people)}</strong> {option.text}
                  {line.number !== null && ` (${formatCount(line.number)} in all)`}
                </li>
              );
            })}
          </ul>
          <p>For the follow-up one-to-ones (consented contacts only):</p>
          <div className="button-row">
            {CARD_EXPORTS.map(([file, words]) => (
              <button
                key={file}
                type="button"
                onClick={async () => {
                  const failed = await downloadExport(code, file, staffKey);
                  if (failed) setMessage({ ok: false, text: failed });
                }}
              >
                {words}
              </button>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
