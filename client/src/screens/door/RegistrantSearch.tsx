import { useState } from 'react';
import type { AssemblyState } from '../../../../shared/domain/assembly';
import { lookup } from '../../../../shared/domain/register';
import { CHECK_IN_METHOD_LABELS, GUEST_WORDS } from '../../../../shared/domain/turnout';
import { newUuid } from '../../connection/deviceId';
import { useOutbox } from '../../connection/outbox';
import { formatTimeOfDay } from '../../format';
import { checkInAtDoor } from './doorReport';

const SHOWN = 12;
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase();

/** Type-ahead among the pre-registered; one tap checks a person in. */
export function RegistrantSearch({
  state,
  device,
  onWalkIn,
}: {
  state: AssemblyState;
  device: string;
  /** Nobody registered by that name: check them in as a walk-in, with the name typed so far. */
  onWalkIn: (name: string) => void;
}) {
  const [term, setTerm] = useState('');
  // Registrants checked in on this device and still waiting to sync: not offered again.
  const waiting = useOutbox((s) => s.waiting);
  const queued = waiting.flatMap((q) =>
    q.command.type === 'checkInRegistrant' ? [q.command.registrantId] : [],
  );
  const { registrants, admitted, checkIns } = state.attendance;
  if (registrants.length === 0) return null;
  const names = new Map(state.institutions.map((i) => [i.id, i.name]));
  const words = fold(term).split(/\s+/).filter(Boolean);
  const matches =
    words.length === 0 ? [] : registrants.filter((r) => words.every((word) => fold(r.name).includes(word)));

  return (
    <section className="door-card" aria-labelledby="search-h">
      <h2 id="search-h">Find a registrant</h2>
      <div className="field">
        <label htmlFor="registrant-search">Name ({registrants.length} registered)</label>
        <input
          id="registrant-search"
          type="search"
          value={term}
          onChange={(e) => setTerm(e.target.value)}
          autoComplete="off"
          placeholder="Start typing a name"
        />
      </div>
      {words.length > 0 && (
        <ul className="registrant-results" aria-live="polite">
          {matches.length === 0 && (
            <li className="registrant-none">
              <span className="muted">Nobody registered by that name.</span>
              <button type="button" onClick={() => onWalkIn(term.trim())}>
                Check in as a walk-in
              </button>
            </li>
          )}
          {matches.slice(0, SHOWN).map((registrant) => {
            const checkInId = lookup(admitted, registrant.id);
            const checkIn = checkInId === undefined ? undefined : lookup(checkIns, checkInId);
            const institution = registrant.institutionId
              ? names.get(registrant.institutionId)
              : GUEST_WORDS.one;
            return (
              <li key={registrant.id} data-testid="registrant">
                <span>
                  <strong>{registrant.name}</strong> <span className="muted">{institution}</span>
                </span>
                {checkIn ? (
                  <span className="in-at">
                    In at {formatTimeOfDay(checkIn.at)} (
                    {CHECK_IN_METHOD_LABELS[checkIn.method].toLocaleLowerCase()})
                  </span>
                ) : queued.includes(registrant.id) ? (
                  <span className="in-at">In · waiting to sync</span>
                ) : (
                  <button
                    type="button"
                    className="primary"
                    onClick={() =>
                      void checkInAtDoor(
                        {
                          type: 'checkInRegistrant',
                          checkInId: newUuid(),
                          registrantId: registrant.id,
                          device,
                        },
                        registrant.name,
                      ).then((ok) => ok && setTerm(''))
                    }
                  >
                    Check in <span className="visually-hidden">{registrant.name}</span>
                  </button>
                )}
              </li>
            );
          })}
          {matches.length > SHOWN && (
            <li className="muted">{matches.length - SHOWN} more: type more of the name.</li>
          )}
        </ul>
      )}
    </section>
  );
}
