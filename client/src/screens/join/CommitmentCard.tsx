import { type FormEvent, useEffect, useId, useState } from 'react';
import type { AssemblyState } from '../../../../shared/domain/assembly';
import { GUEST_WORDS } from '../../../../shared/domain/turnout';
import { LIMITS } from '../../../../shared/protocol/limits';
import { CardChoices, choicesOf } from '../../components/cards/CardChoices';
import { newUuid } from '../../connection/deviceId';
import { dismissRefusal, queueCommand, useOutbox } from '../../connection/outbox';
import { loadMyCard, type MyCard, saveMyCard } from './myCard';
import type { MyCheckIn } from './myCheckIn';

const GUEST = '__guest';

/**
 * The commitment card on a phone, while the chair has it open: tick what you will do next,
 * leave a contact with consent (or rely on the one given at check-in), send. Sent again,
 * it corrects the same card. Credited to the institution the phone checked in with.
 */
export function CommitmentCard({
  code,
  state,
  checkedIn,
}: {
  code: string;
  state: AssemblyState;
  checkedIn: MyCheckIn | null;
}) {
  const ids = useId();
  const [mine, setMine] = useState<MyCard | null>(() => loadMyCard(code));
  const [editing, setEditing] = useState(mine === null);
  const [chosen, setChosen] = useState(() => new Map(mine?.choices ?? []));
  const [name, setName] = useState('');
  const [institution, setInstitution] = useState('');
  const [contact, setContact] = useState('');
  const [consent, setConsent] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const { options } = state.cards;
  // A card that waited on the phone is settled when it leaves the outbox: recorded, or refused
  // (the cards closed meanwhile): then the phone says so and shows the card again.
  const waiting = useOutbox((s) => mine !== null && s.waiting.some((q) => q.key === mine.cardId));
  const refusal = useOutbox((s) => (mine ? (s.refused.find((r) => r.key === mine.cardId) ?? null) : null));
  useEffect(() => {
    if (!mine || mine.confirmed || waiting) return;
    if (refusal) {
      // Kept in the outbox's refusals (so the card stays on the phone, cards closed or not)
      // until the person sends it again.
      setProblem(`Your card was not recorded: ${refusal.failure.message}`);
      setRefused(refusal.id);
      const unsent = { ...mine, confirmed: false };
      saveMyCard(code, null);
      setMine(null);
      setChosen(new Map(unsent.choices));
      setEditing(true);
    } else {
      const confirmed = { ...mine, confirmed: true };
      saveMyCard(code, confirmed);
      setMine(confirmed);
    }
  }, [code, mine, waiting, refusal]);
  // A phone checked in names its check-in (the server credits through it when it counts) and
  // says who it is too: someone already in another way, or undone, is still named.
  const viaCheckIn = checkedIn ? checkedIn.checkInId : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen.size === 0) return setProblem('Tick at least one thing you will do.');
    if (viaCheckIn === null && !name.trim()) return setProblem('Please type your name.');
    if (viaCheckIn === null && !institution)
      return setProblem(`Please choose your institution, or ${GUEST_WORDS.choice}.`);
    setBusy(true);
    setProblem(null);
    if (refused) dismissRefusal(refused);
    setRefused(null);
    const cardId = mine?.cardId ?? newUuid();
    const outcome = await queueCommand(
      {
        type: 'submitCard',
        cardId,
        checkInId: viaCheckIn,
        name: checkedIn ? checkedIn.name : name,
        institutionId: checkedIn
          ? (checkedIn.institutionId ?? null)
          : institution && institution !== GUEST
            ? institution
            : null,
        contact: consent ? contact : '',
        consent,
        choices: choicesOf(chosen),
      },
      `Commitment card${checkedIn ? ` of ${checkedIn.name}` : ''}`,
      cardId,
    );
    setBusy(false);
    if (outcome.ok === false) return setProblem(outcome.message);
    const kept = { cardId, choices: [...chosen], confirmed: outcome.ok === true };
    saveMyCard(code, kept);
    setMine(kept);
    setEditing(false);
  }

  if (!editing && mine) {
    const ticked = options.filter((o) => mine.choices.some(([id]) => id === o.id));
    return (
      <section className="commitment-card sent" aria-labelledby={`${ids}-h`} data-testid="card-sent">
        <h2 id={`${ids}-h`}>Your commitment card</h2>
        <p role="status">
          {mine.confirmed
            ? 'Thank you: your card is in.'
            : 'Saved on this phone: it goes as soon as the connection is back.'}
        </p>
        <ul>
          {ticked.map((o) => {
            const n = mine.choices.find(([id]) => id === o.id)?.[1] ?? 1;
            return <li key={o.id}>{o.asksNumber ? `${o.text}: ${n}` : o.text}</li>;
          })}
        </ul>
        <button type="button" className="link" onClick={() => setEditing(true)}>
          Change my card
        </button>
      </section>
    );
  }

  return (
    <form
      className="commitment-card"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${ids}-h`}
      data-testid="card-form"
    >
      <h2 id={`${ids}-h`}>Your commitment card</h2>
      <p className="hint">This is how tonight becomes action: tick what you will do next.</p>
      {viaCheckIn === null && (
        <>
          <div className="field">
            <label htmlFor={`${ids}-name`}>Your name</label>
            <input
              id={`${ids}-name`}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              autoComplete="name"
              maxLength={LIMITS.personName}
            />
          </div>
          <div className="field">
            <label htmlFor={`${ids}-institution`}>Your institution</label>
            <select
              id={`${ids}-institution`}
              value={institution}
              onChange={(e) => setInstitution(e.currentTarget.value)}
            >
              <option value="">Choose…</option>
              {state.institutions.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
              <option value={GUEST}>{GUEST_WORDS.choice}</option>
            </select>
          </div>
        </>
      )}
      <CardChoices ids={ids} options={options} chosen={chosen} onChange={setChosen} />
      <div className="field">
        <label htmlFor={`${ids}-contact`}>Email or phone for the follow-up</label>
        <input
          id={`${ids}-contact`}
          value={contact}
          onChange={(e) => setContact(e.currentTarget.value)}
          maxLength={LIMITS.contact}
          autoComplete="email"
          aria-describedby={`${ids}-contact-hint`}
        />
        <label className="consent">
          <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} />
          {`The organisers of ${state.title || 'this assembly'} may contact me about these commitments.`}
        </label>
        <p className="hint" id={`${ids}-contact-hint`}>
          Kept only if you tick the box. Gave it at check-in and agreed to be contacted? Just tick the box.
        </p>
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="primary big" disabled={busy}>
        {busy ? 'Sending…' : mine ? 'Send my changes' : 'Send my card'}
      </button>
    </form>
  );
}
