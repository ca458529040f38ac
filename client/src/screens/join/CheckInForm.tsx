import { type FormEvent, useId, useState } from 'react';
import type { Institution } from '../../../../shared/domain/assembly';
import { GUEST_WORDS } from '../../../../shared/domain/turnout';
import { LIMITS } from '../../../../shared/protocol/limits';
import { newUuid } from '../../connection/deviceId';
import { queueCommand } from '../../connection/outbox';
import type { MyCheckIn } from './myCheckIn';

const GUEST = '__guest';
const SEARCH_FROM = 8;
const SHOWN = 40;

interface Props {
  title: string;
  institutions: Institution[];
  onCheckedIn: (mine: MyCheckIn) => void;
}

/** Name, institution, optional contact with consent: under 15 seconds on a phone. */
export function CheckInForm({ title, institutions, onCheckedIn }: Props) {
  const ids = useId();
  const [name, setName] = useState('');
  const [search, setSearch] = useState('');
  const [choice, setChoice] = useState('');
  const [guestOf, setGuestOf] = useState('');
  const [contact, setContact] = useState('');
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<{ name?: string; institution?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  const term = search.trim().toLocaleLowerCase();
  const matches = institutions.filter((i) => !term || i.name.toLocaleLowerCase().includes(term));
  const shown = matches.slice(0, SHOWN);
  // The chosen institution stays visible even when the search no longer matches it.
  const chosen = institutions.find((i) => i.id === choice);
  if (chosen && !shown.includes(chosen)) shown.unshift(chosen);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: typeof errors = {};
    if (!name.trim()) problems.name = 'Please type your name.';
    if (!choice) problems.institution = `Please choose your institution, or ${GUEST_WORDS.choice}.`;
    setErrors(problems);
    if (problems.name || problems.institution) {
      // Take the person to what needs doing: a screen reader reads the field and its error.
      const first = problems.name
        ? document.getElementById(`${ids}-name`)
        : document.querySelector<HTMLInputElement>(`input[name="${ids}-institution"]`);
      first?.focus();
      return;
    }
    setBusy(true);
    const checkInId = newUuid();
    const institutionId = choice === GUEST ? null : choice;
    const mine = {
      checkInId,
      name: name.trim(),
      institution: chosen?.name ?? (guestOf.trim() || GUEST_WORDS.one),
      confirmed: false,
    };
    const outcome = await queueCommand(
      {
        type: 'checkIn',
        checkInId,
        name,
        institutionId,
        guestOf: institutionId === null ? guestOf : '',
        contact: consent ? contact : '',
        consent: consent && contact.trim() !== '',
      },
      `Check in ${mine.name}`,
      checkInId,
    );
    setBusy(false);
    if (outcome.ok === 'queued') return onCheckedIn(mine);
    if (outcome.ok)
      return onCheckedIn({
        ...mine,
        confirmed: true,
        ...(outcome.already ? { alreadyAt: outcome.already.at } : {}),
      });
    setErrors({ form: outcome.message });
  }

  return (
    <form className="check-in-form" onSubmit={submit} noValidate aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>Check in</h2>
      <div className="field">
        <label htmlFor={`${ids}-name`}>Your name</label>
        <input
          id={`${ids}-name`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoComplete="name"
          maxLength={LIMITS.personName}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? `${ids}-name-error` : undefined}
        />
        {errors.name && (
          <p className="field-error" id={`${ids}-name-error`}>
            {errors.name}
          </p>
        )}
      </div>
      <fieldset
        className="institution-picker"
        aria-invalid={errors.institution ? true : undefined}
        aria-describedby={errors.institution ? `${ids}-inst-error` : undefined}
      >
        <legend>Your institution</legend>
        {institutions.length >= SEARCH_FROM && (
          <div className="field">
            <label htmlFor={`${ids}-search`}>Search</label>
            <input
              id={`${ids}-search`}
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              placeholder="Start typing its name"
              autoComplete="off"
            />
          </div>
        )}
        <ul className="choices">
          {shown.map((institution) => (
            <li key={institution.id}>
              <label className={choice === institution.id ? 'chosen' : ''}>
                <input
                  type="radio"
                  name={`${ids}-institution`}
                  aria-describedby={errors.institution ? `${ids}-inst-error` : undefined}
                  value={institution.id}
                  checked={choice === institution.id}
                  onChange={() => setChoice(institution.id)}
                />
                {institution.name}
              </label>
            </li>
          ))}
          {matches.length > SHOWN && (
            <li className="muted">…and {matches.length - SHOWN} more: type to narrow the list.</li>
          )}
          {term && matches.length === 0 && <li className="muted">No institution matches “{search}”.</li>}
          <li>
            <label className={choice === GUEST ? 'chosen' : ''}>
              <input
                type="radio"
                name={`${ids}-institution`}
                value={GUEST}
                checked={choice === GUEST}
                onChange={() => setChoice(GUEST)}
              />
              {GUEST_WORDS.choice}
            </label>
          </li>
        </ul>
        {choice === GUEST && (
          <div className="field">
            <label htmlFor={`${ids}-guest`}>Organisation (optional)</label>
            <input
              id={`${ids}-guest`}
              value={guestOf}
              onChange={(e) => setGuestOf(e.target.value)}
              maxLength={LIMITS.personName}
              autoComplete="organization"
            />
          </div>
        )}
        {errors.institution && (
          <p className="field-error" id={`${ids}-inst-error`}>
            {errors.institution}
          </p>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor={`${ids}-contact`}>Email or phone (optional)</label>
        <input
          id={`${ids}-contact`}
          value={contact}
          onChange={(e) => setContact(e.target.value)}
          maxLength={LIMITS.contact}
          autoComplete="email"
          aria-describedby={`${ids}-contact-hint`}
        />
        <label className="consent">
          <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />
          {title
            ? `The organisers of ${title} may contact me about what happens next.`
            : 'The organisers may contact me about what happens next.'}
        </label>
        <p className="hint" id={`${ids}-contact-hint`}>
          Kept only if you tick the box, and used only for follow-up.
        </p>
      </div>
      {errors.form && (
        <p className="field-error" role="alert">
          {errors.form}
        </p>
      )}
      <button type="submit" className="primary big" disabled={busy}>
        {busy ? 'Checking in…' : 'Check in'}
      </button>
    </form>
  );
}
