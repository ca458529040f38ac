import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { Institution } from '../../../../shared/domain/assembly';
import { GUEST_WORDS } from '../../../../shared/domain/turnout';
import { LIMITS } from '../../../../shared/protocol/limits';
import { newUuid } from '../../connection/deviceId';
import { checkInAtDoor } from './doorReport';

const GUEST = '__guest';
const NO_NAME = 'Type the person’s name.';
const NO_INSTITUTION = `Choose an institution (or ${GUEST_WORDS.choice}).`;

/** For people without phones and walk-ins: type a name, pick the institution, Enter. */
export function QuickCheckIn({
  institutions,
  device,
  seed,
}: {
  institutions: Institution[];
  device: string;
  /** A name typed into the search that found nobody registered: it carries on here. */
  seed: { name: string } | null;
}) {
  const [name, setName] = useState('');
  useEffect(() => {
    if (seed) setName(seed.name);
  }, [seed]);
  // Groups arrive together: the institution stays chosen for the next person.
  const [institution, setInstitution] = useState('');
  const [error, setError] = useState('');
  const nameRef = useRef<HTMLInputElement>(null);
  const sorted = [...institutions].sort((a, b) => a.name.localeCompare(b.name));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setError(NO_NAME);
    if (!institution) return setError(NO_INSTITUTION);
    setError('');
    const who = name.trim();
    const institutionId = institution === GUEST ? null : institution;
    const ok = await checkInAtDoor(
      { type: 'checkIn', checkInId: newUuid(), name: who, institutionId, device },
      who,
    );
    if (ok) setName('');
    nameRef.current?.focus();
  }

  return (
    <form className="door-card quick-check-in" onSubmit={submit} noValidate aria-labelledby="quick-h">
      <h2 id="quick-h">Check someone in</h2>
      <div className="door-row">
        <div className="field">
          <label htmlFor="quick-name">Name</label>
          <input
            id="quick-name"
            ref={nameRef}
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              if (error === NO_NAME && e.currentTarget.value.trim()) setError('');
            }}
            maxLength={LIMITS.personName}
            autoComplete="off"
          />
        </div>
        <div className="field">
          <label htmlFor="quick-institution">Institution</label>
          <select
            id="quick-institution"
            value={institution}
            onChange={(e) => {
              setInstitution(e.currentTarget.value);
              if (error === NO_INSTITUTION && e.currentTarget.value) setError('');
            }}
          >
            <option value="">Choose…</option>
            {sorted.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
            <option value={GUEST}>{GUEST_WORDS.choice}</option>
          </select>
        </div>
        <button type="submit" className="primary">
          Check in
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
