import { type FormEvent, useRef, useState } from 'react';
import type { Institution } from '../../../../shared/domain/assembly';
import { GUEST_WORDS } from '../../../../shared/domain/turnout';
import { LIMITS } from '../../../../shared/protocol/limits';
import { newUuid } from '../../connection/deviceId';
import { checkInAtDoor } from './doorReport';

const GUEST = '__guest';

/** For people without phones and walk-ins: type a name, pick the institution, Enter. */
export function QuickCheckIn({ institutions, device }: { institutions: Institution[]; device: string }) {
  const [name, setName] = useState('');
  // Groups arrive together: the institution stays chosen for the next person.
  const [institution, setInstitution] = useState('');
  const [error, setError] = useState('');
  const nameRef = useRef<HTMLInputElement>(null);
  const sorted = [...institutions].sort((a, b) => a.name.localeCompare(b.name));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setError('Type the person’s name.');
    if (!institution) return setError(`Choose an institution (or ${GUEST_WORDS.choice}).`);
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
            onChange={(e) => setName(e.target.value)}
            maxLength={LIMITS.personName}
            autoComplete="off"
          />
        </div>
        <div className="field">
          <label htmlFor="quick-institution">Institution</label>
          <select id="quick-institution" value={institution} onChange={(e) => setInstitution(e.target.value)}>
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
