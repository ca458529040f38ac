import { type FormEvent, useId, useState } from 'react';
import type { Institution } from '../../../../shared/domain/assembly';
import { GUEST_WORDS } from '../../../../shared/domain/turnout';
import { LIMITS } from '../../../../shared/protocol/limits';
import { newUuid } from '../../connection/deviceId';
import { queueCommand } from '../../connection/outbox';
import { GUEST, InstitutionPicker } from './InstitutionPicker';
import type { MyCheckIn } from './myCheckIn';

interface Props {
  title: string;
  institutions: Institution[];
  onCheckedIn: (mine: MyCheckIn) => void;
  /** Chosen already by the table card's link (`?institution=`); the person may change it. */
  preset?: string | null;
}

/** Name, institution, optional contact with consent: under 15 seconds on a phone. */
export function CheckInForm({ title, institutions, onCheckedIn, preset = null }: Props) {
  const ids = useId();
  const [name, setName] = useState('');
  const [choice, setChoice] = useState(preset ?? '');
  // Chosen by the link: the list stays folded away (the form fits the first screen) until
  // the person asks to change it.
  const [picking, setPicking] = useState(!preset);
  const [guestOf, setGuestOf] = useState('');
  const [contact, setContact] = useState('');
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<{ name?: string; institution?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  const chosen = institutions.find((i) => i.id === choice);
  const choose = (id: string) => {
    setChoice(id);
    if (errors.institution) setErrors(({ institution: _fixed, ...rest }) => rest);
  };

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
      institutionId,
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
          onChange={(e) => {
            const typed = e.currentTarget.value;
            setName(typed);
            if (errors.name && typed.trim()) setErrors(({ name: _fixed, ...rest }) => rest);
          }}
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
      <InstitutionPicker
        ids={ids}
        institutions={institutions}
        choice={choice}
        onChoose={choose}
        folded={!picking}
        onUnfold={() => setPicking(true)}
        guestOf={guestOf}
        onGuestOf={setGuestOf}
        error={errors.institution}
      />
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
