import { DraftField, numberFrom, shownNumber } from './DraftField';
import { editDraft, newId, removeRow, updateRow, useSetupDraft } from './setupDraft';

/** Member institutions: who they are, where they sit, and how many they promised to bring. */
export function InstitutionsEditor() {
  const institutions = useSetupDraft((s) => s.draft?.institutions ?? []);
  const committed = institutions.reduce(
    (sum, i) => sum + (Number.isFinite(i.committed) ? i.committed : 0),
    0,
  );
  const add = () => {
    editDraft((draft) => ({
      ...draft,
      institutions: [...draft.institutions, { id: newId('inst'), name: '', section: '', committed: 0 }],
    }));
    requestAnimationFrame(() =>
      document.getElementById(`setup-institutions-${institutions.length}-name`)?.focus(),
    );
  };
  return (
    <section aria-labelledby="institutions-editor-h" className="setup-section">
      <h3 id="institutions-editor-h">Institutions</h3>
      <p className="muted">
        {institutions.length} institutions, {committed} people committed.
      </p>
      <ul className="setup-rows">
        {institutions.map((institution, index) => {
          const at = (field: string) => `institutions.${index}.${field}`;
          return (
            <li key={institution.id ?? index} className="setup-row" data-testid="institution-row">
              <DraftField path={at('name')} label="Name" className="wide">
                {(props) => (
                  <input
                    {...props}
                    value={institution.name}
                    onChange={(e) => updateRow('institutions', index, { name: e.target.value })}
                  />
                )}
              </DraftField>
              <DraftField path={at('section')} label="Section">
                {(props) => (
                  <input
                    {...props}
                    value={institution.section}
                    onChange={(e) => updateRow('institutions', index, { section: e.target.value })}
                  />
                )}
              </DraftField>
              <DraftField path={at('committed')} label="Committed turnout">
                {(props) => (
                  <input
                    {...props}
                    type="number"
                    min={0}
                    value={shownNumber(institution.committed)}
                    onChange={(e) =>
                      updateRow('institutions', index, { committed: numberFrom(e.target.value) })
                    }
                  />
                )}
              </DraftField>
              <button type="button" className="quiet" onClick={() => removeRow('institutions', index)}>
                Remove
                <span className="visually-hidden"> {institution.name || `institution ${index + 1}`}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={add}>
        Add an institution
      </button>
    </section>
  );
}
