import { type FormEvent, useId, useState } from 'react';
import type { AssemblyState } from '../../../../shared/domain/assembly';
import { GUEST_WORDS } from '../../../../shared/domain/turnout';
import { LIMITS } from '../../../../shared/protocol/limits';
import { CardChoices, choicesOf } from '../../components/cards/CardChoices';
import { sendCommand } from '../../connection/assemblyConnection';
import { newUuid } from '../../connection/deviceId';
import { queueCommand } from '../../connection/outbox';

type Entered = { cardId: string; who: string; queued: boolean } | null;

/**
 * A paper commitment card typed in at the door, for someone without a phone: who, their
 * institution, what they ticked, a contact with their consent. Queued on the device like a
 * check-in (its id makes a resend count once); "Undo" takes a mistyped one back.
 */
export function PaperCard({ state }: { state: AssemblyState }) {
  const ids = useId();
  const [name, setName] = useState('');
  const [institution, setInstitution] = useState('');
  const [chosen, setChosen] = useState(() => new Map<string, number>());
  const [contact, setContact] = useState('');
  const [consent, setConsent] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [entered, setEntered] = useState<Entered>(null);
  const sorted = [...state.institutions].sort((a, b) => a.name.localeCompare(b.name));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setProblem('Type the name on the card.');
    if (chosen.size === 0) return setProblem('Tick what the card says they will do.');
    setProblem(null);
    const cardId = newUuid();
    const who = name.trim();
    const outcome = await queueCommand(
      {
        type: 'submitCard',
        cardId,
        name: who,
        institutionId: institution || null,
        contact: consent ? contact : '',
        consent,
        choices: choicesOf(chosen),
      },
      `Commitment card of ${who}`,
      cardId,
    );
    if (outcome.ok === false) return setProblem(outcome.message);
    setEntered({ cardId, who, queued: outcome.ok === 'queued' });
    setName('');
    setChosen(new Map());
    setContact('');
    setConsent(false);
  }

  async function undo() {
    if (!entered) return;
    const reply = await sendCommand({ type: 'withdrawCard', cardId: entered.cardId });
    if (reply.ok) setEntered(null);
    else setProblem(reply.message);
  }

  return (
    <form className="door-card paper-card" onSubmit={submit} noValidate aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>Enter a paper card</h2>
      {entered && (
        <p className="success" role="status" data-testid="paper-card-result">
          {entered.queued ? `${entered.who}’s card is saved on this device.` : `${entered.who}’s card is in.`}{' '}
          {!entered.queued && (
            <button type="button" className="link" onClick={() => void undo()}>
              Undo
            </button>
          )}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${ids}-name`}>Name on the card</label>
        <input
          id={`${ids}-name`}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          maxLength={LIMITS.personName}
          autoComplete="off"
        />
      </div>
      <div className="field">
        <label htmlFor={`${ids}-institution`}>Institution</label>
        <select
          id={`${ids}-institution`}
          value={institution}
          onChange={(e) => setInstitution(e.currentTarget.value)}
        >
          <option value="">{`None written: ${GUEST_WORDS.choice.toLocaleLowerCase()}`}</option>
          {sorted.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
        </select>
      </div>
      <CardChoices ids={ids} options={state.cards.options} chosen={chosen} onChange={setChosen} />
      <div className="field">
        <label htmlFor={`${ids}-contact`}>Email or phone on the card</label>
        <input
          id={`${ids}-contact`}
          value={contact}
          onChange={(e) => setContact(e.currentTarget.value)}
          maxLength={LIMITS.contact}
          autoComplete="off"
        />
        <label className="consent">
          <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} />
          They ticked “you may contact me”
        </label>
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="primary">
        Enter card
      </button>
    </form>
  );
}
