import { useDeferredValue, useMemo, useState } from 'react';
import { valuesOf } from '../../../../shared/domain/register';
import { type Evidence, likelyDuplicates } from '../../../../shared/domain/samePerson';
import { CHECK_IN_METHOD_LABELS, type CheckIn } from '../../../../shared/domain/turnout';
import { NotArrived } from '../../components/NotArrived';
import { PhoneCheckIn } from '../../components/PhoneCheckIn';
import { sendCommand } from '../../connection/assemblyConnection';
import { formatTimeOfDay } from '../../format';
import type { OrganiserSection } from './organiserSection';

const WHY: Record<Evidence, string> = {
  ticket: 'the same ticket',
  contact: 'the same email or phone number',
  name: 'the same name and institution',
  nameElsewhere: 'the same name, another institution',
  spelling: 'a close spelling, the same institution',
};

const SHOWN = 50;

/**
 * After the fact: check-ins that are likely one person, to merge (the duplicate stops
 * counting, the journal keeps both), and who registered but has not come.
 */
export function DuplicatesAdmin({ state }: OrganiserSection) {
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  // Pairs the organiser said are two people: not offered again on this page.
  const [distinct, setDistinct] = useState<Set<string>>(() => new Set());
  const names = new Map(state.institutions.map((i) => [i.id, i.name]));
  // Check-ins arrive a few times a second on the night: find the pairs once per change, and
  // let the page stay responsive while they are found.
  const checkIns = useDeferredValue(state.attendance.checkIns);
  const all = useMemo(() => likelyDuplicates(valuesOf(checkIns)), [checkIns]);
  const pairs = all.filter((p) => !distinct.has(`${p.kept.id}|${p.duplicate.id}`));
  const checkInLine = (c: CheckIn) =>
    `${c.name} (${c.institutionId === null ? 'guest' : (names.get(c.institutionId) ?? '')}), ${CHECK_IN_METHOD_LABELS[c.method].toLocaleLowerCase()} at ${formatTimeOfDay(c.at)}`;

  async function merge(kept: CheckIn, duplicate: CheckIn) {
    const reply = await sendCommand({ type: 'mergeCheckIns', keptId: kept.id, duplicateId: duplicate.id });
    setOutcome(
      reply.ok
        ? { ok: true, text: `Merged: ${duplicate.name} now counts once, as ${kept.name}.` }
        : { ok: false, text: reply.message },
    );
  }

  return (
    <section aria-labelledby="duplicates-h">
      <h2 id="duplicates-h">Counted once: duplicates and who has not come</h2>
      {pairs.length === 0 ? (
        <p className="muted">No likely duplicates among the check-ins.</p>
      ) : (
        <>
          <p>
            {pairs.length} pair{pairs.length === 1 ? '' : 's'} of check-ins may be one person. Merging keeps
            the first and stops counting the second; the record keeps both.
          </p>
          <ul className="duplicates" data-testid="duplicates">
            {pairs.slice(0, SHOWN).map(({ kept, duplicate, evidence }) => (
              <li key={`${kept.id}|${duplicate.id}`}>
                <span>
                  <strong>{checkInLine(kept)}</strong> and <strong>{checkInLine(duplicate)}</strong>:{' '}
                  <span className="muted">{WHY[evidence]}</span>
                </span>
                <span className="button-row">
                  <button type="button" onClick={() => void merge(kept, duplicate)}>
                    Same person: merge
                  </button>
                  <button
                    type="button"
                    className="quiet"
                    onClick={() => setDistinct((s) => new Set(s).add(`${kept.id}|${duplicate.id}`))}
                  >
                    Two people
                  </button>
                </span>
              </li>
            ))}
          </ul>
          {pairs.length > SHOWN && (
            <p className="muted small">and {pairs.length - SHOWN} more after these.</p>
          )}
        </>
      )}
      {outcome && (
        <p className={outcome.ok ? 'success' : 'field-error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}
      <NotArrived state={state} headingLevel={3} />
      <h3>Phone check-in</h3>
      <PhoneCheckIn state={state} send={async (command) => (await sendCommand(command)).ok} undoFlood />
    </section>
  );
}
