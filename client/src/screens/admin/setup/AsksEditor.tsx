import { DraftField } from './DraftField';
import { editDraft, newId, updateRow, useSetupDraft } from './setupDraft';

const COMMITMENT_FIELDS = [
  ['action', 'Action'],
  ['deadline', 'Deadline'],
  ['owner', 'Owner'],
  ['measure', 'Measure'],
] as const;

/** An ask removed is no longer put by any agenda item. */
function remove(index: number): void {
  editDraft((draft) => {
    const gone = draft.asks[index]?.id;
    return {
      ...draft,
      asks: draft.asks.filter((_, i) => i !== index),
      agenda: draft.agenda.map((item) => (item.ask === gone ? { ...item, ask: null } : item)),
    };
  });
}

/** The asks: a short title, the exact words read out, and who must answer. */
export function AsksEditor() {
  const asks = useSetupDraft((s) => s.draft?.asks ?? []);
  const powerHolders = useSetupDraft((s) => s.draft?.powerHolders ?? []);
  const add = () => {
    editDraft((draft) => ({
      ...draft,
      asks: [
        ...draft.asks,
        {
          id: newId('ask'),
          title: '',
          wording: '',
          targets: [],
          commitment: { action: '', deadline: '', owner: '', measure: '' },
        },
      ],
    }));
    requestAnimationFrame(() => document.getElementById(`setup-asks-${asks.length}-title`)?.focus());
  };
  return (
    <section aria-labelledby="asks-editor-h" className="setup-section">
      <h3 id="asks-editor-h">Asks</h3>
      <ul className="setup-rows">
        {asks.map((ask, index) => {
          const at = (field: string) => `asks.${index}.${field}`;
          const toggle = (holderId: string, on: boolean) =>
            updateRow('asks', index, {
              targets: on ? [...ask.targets, holderId] : ask.targets.filter((id) => id !== holderId),
            });
          return (
            <li key={ask.id} className="setup-row ask-row" data-testid="ask-row">
              <DraftField path={at('title')} label="Short title" className="wide">
                {(props) => (
                  <input
                    {...props}
                    value={ask.title}
                    onChange={(e) => updateRow('asks', index, { title: e.target.value })}
                  />
                )}
              </DraftField>
              <DraftField path={at('wording')} label="Exact wording" className="full">
                {(props) => (
                  <textarea
                    {...props}
                    rows={2}
                    value={ask.wording}
                    onChange={(e) => updateRow('asks', index, { wording: e.target.value })}
                  />
                )}
              </DraftField>
              <fieldset className="full">
                <legend>Put to</legend>
                {powerHolders.length === 0 && <p className="muted small">Add power-holders first.</p>}
                {powerHolders.map((holder) => (
                  <label key={holder.id} className="checkbox">
                    <input
                      type="checkbox"
                      checked={ask.targets.includes(holder.id)}
                      onChange={(e) => toggle(holder.id, e.target.checked)}
                    />{' '}
                    {holder.name || holder.id}
                  </label>
                ))}
              </fieldset>
              <fieldset className="full commitment">
                <legend>What a yes commits them to (optional)</legend>
                {COMMITMENT_FIELDS.map(([field, label]) => (
                  <DraftField key={field} path={at(`commitment.${field}`)} label={label}>
                    {(props) => (
                      <input
                        {...props}
                        value={ask.commitment[field]}
                        onChange={(e) =>
                          updateRow('asks', index, {
                            commitment: { ...ask.commitment, [field]: e.target.value },
                          })
                        }
                      />
                    )}
                  </DraftField>
                ))}
              </fieldset>
              <button type="button" className="quiet" onClick={() => remove(index)}>
                Remove<span className="visually-hidden"> {ask.title || `ask ${index + 1}`}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={add}>
        Add an ask
      </button>
    </section>
  );
}
