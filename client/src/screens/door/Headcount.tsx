import type { AssemblyState } from '../../../../shared/domain/assembly';
import { sectionHeadcount } from '../../../../shared/domain/turnout';
import { deviceId } from '../../connection/deviceId';
import { queueCommand } from '../../connection/outbox';
import { formatCount } from '../../format';
import { setMyTally, useMyTally } from './myTally';

const MAIN_HALL = '';

/** A +1 / -1 clicker per section, beside the named check-ins: sign-in sheets under-count. */
export function Headcount({ state }: { state: AssemblyState }) {
  const me = deviceId();
  const tally = useMyTally((s) => s.tally);
  const sections = [...new Set(state.institutions.map((i) => i.section))].sort();
  if (sections.length === 0) sections.push(MAIN_HALL);

  /** This device's own tally: kept on the device; the server's copy seeds a fresh one. */
  const mine = (section: string) =>
    Object.hasOwn(tally, section) ? tally[section]! : (state.turnout.headcounts[section]?.[me] ?? 0);
  const click = (section: string, delta: 1 | -1) => {
    const count = Math.max(0, mine(section) + delta);
    setMyTally(section, count);
    void queueCommand(
      { type: 'setHeadcount', section, deviceId: me, count },
      `Headcount ${section || 'hall'}: ${count}`,
      `headcount:${section}`,
    );
  };
  const namedIn = (section: string) =>
    state.institutions
      .filter((i) => i.section === section)
      .reduce((total, i) => total + (state.turnout.byInstitution[i.id] ?? 0), 0);

  return (
    <section className="door-card" aria-labelledby="headcount-h">
      <h2 id="headcount-h">Headcount</h2>
      <ul className="headcount-list">
        {sections.map((section) => {
          const label = section || 'Hall';
          return (
            <li key={section} data-testid="headcount-section">
              <span className="headcount-label">
                <strong className="headcount-name">{label}</strong>
                <HeadcountNote counted={sectionHeadcount(state.turnout, section)} named={namedIn(section)} />
              </span>
              <button type="button" onClick={() => click(section, -1)} aria-label={`One less in ${label}`}>
                −1
              </button>
              <output className="headcount-mine" aria-label={`My count for ${label}`}>
                {mine(section)}
              </output>
              <button
                type="button"
                className="primary"
                onClick={() => click(section, 1)}
                aria-label={`One more in ${label}`}
              >
                +1
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The section's headcount from every door beside its named check-ins, and the gap. */
function HeadcountNote({ counted, named }: { counted: number; named: number }) {
  return (
    <span className="muted headcount-note">
      all doors {formatCount(counted)} · named {formatCount(named)}
      {counted > named && <> · {formatCount(counted - named)} not signed in</>}
    </span>
  );
}
