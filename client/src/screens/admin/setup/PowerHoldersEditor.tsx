import { DraftField } from './DraftField';
import { editDraft, newId, updateRow, useSetupDraft } from './setupDraft';

/** A power-holder removed is no longer a target of any ask. */
function remove(index: number): void {
  editDraft((draft) => {
    const gone = draft.powerHolders[index]?.id;
    return {
      ...draft,
      powerHolders: draft.powerHolders.filter((_, i) => i !== index),
      asks: draft.asks.map((ask) => ({ ...ask, targets: ask.targets.filter((id) => id !== gone) })),
    };
  });
}

/** The people the asks are put to. */
export function PowerHoldersEditor() {
  const powerHolders = useSetupDraft((s) => s.draft?.powerHolders ?? []);
  const add = () => {
    editDraft((draft) => ({
      ...draft,
      powerHolders: [
        ...draft.powerHolders,
        { id: newId('ph'), name: '', role: '', organisation: '', attending: true },
      ],
    }));
    requestAnimationFrame(() =>
      document.getElementById(`setup-powerHolders-${powerHolders.length}-name`)?.focus(),
    );
  };
  return (
    <section aria-labelledby="power-holders-editor-h" className="setup-section">
      <h3 id="power-holders-editor-h">Power-holders</h3>
      <ul className="setup-rows">
        {powerHolders.map((holder, index) => {
          const at = (field: string) => `powerHolders.${index}.${field}`;
          return (
            <li key={holder.id} className="setup-row" data-testid="power-holder-row">
              <DraftField path={at('name')} label="Name" className="wide">
                {(props) => (
                  <input
                    {...props}
                    value={holder.name}
                    onChange={(e) => updateRow('powerHolders', index, { name: e.target.value })}
                  />
                )}
              </DraftField>
              <DraftField path={at('role')} label="Role">
                {(props) => (
                  <input
                    {...props}
                    value={holder.role}
                    onChange={(e) => updateRow('powerHolders', index, { role: e.target.value })}
                  />
                )}
              </DraftField>
              <DraftField path={at('organisation')} label="Organisation">
                {(props) => (
                  <input
                    {...props}
                    value={holder.organisation}
                    onChange={(e) => updateRow('powerHolders', index, { organisation: e.target.value })}
                  />
                )}
              </DraftField>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={holder.attending}
                  onChange={(e) => updateRow('powerHolders', index, { attending: e.target.checked })}
                />{' '}
                Attending
              </label>
              <button type="button" className="quiet" onClick={() => remove(index)}>
                Remove<span className="visually-hidden"> {holder.name || `power-holder ${index + 1}`}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={add}>
        Add a power-holder
      </button>
    </section>
  );
}
