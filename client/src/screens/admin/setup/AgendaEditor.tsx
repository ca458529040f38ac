import { type DragEvent, type KeyboardEvent, useState } from 'react';
import { ITEM_KIND_LABELS, ITEM_KINDS, type ItemKind } from '../../../../../shared/domain/assembly';
import { formatDuration } from '../../../../../shared/domain/timer';
import { DraftField, numberFrom, shownNumber } from './DraftField';
import { editDraft, moveRow, newId, removeRow, updateRow, useSetupDraft } from './setupDraft';

/**
 * The run of show: add, edit, delete and reorder items (drag the handle, or Move up /
 * Move down, or Alt+Arrow on an item), with a running total against the planned finish.
 */
export function AgendaEditor({ startsAt, endsAt }: { startsAt: number | null; endsAt: number | null }) {
  const agenda = useSetupDraft((s) => s.draft?.agenda ?? []);
  const asks = useSetupDraft((s) => s.draft?.asks ?? []);
  const [dragging, setDragging] = useState<number | null>(null);
  const [announce, setAnnounce] = useState('');

  const totalMinutes = agenda.reduce(
    (sum, item) => sum + (Number.isFinite(item.minutes) ? item.minutes : 0),
    0,
  );
  const plannedMinutes = startsAt !== null && endsAt !== null ? (endsAt - startsAt) / 60_000 : null;
  const over = plannedMinutes !== null && totalMinutes > plannedMinutes;

  const move = (from: number, to: number) => {
    if (to < 0 || to >= agenda.length) return;
    const pressed =
      document.activeElement instanceof HTMLElement ? document.activeElement.dataset.move : undefined;
    moveRow('agenda', from, to);
    setAnnounce(`${agenda[from]?.title || 'Item'} moved to position ${to + 1} of ${agenda.length}.`);
    // Keep the keyboard where the item went. Moved by its Move up / Move down button, stay on
    // that button so pressing again moves it on; once the item reaches an end and the button
    // is disabled, the other one (focus on a disabled button would fall back to the page).
    requestAnimationFrame(() => {
      const row = document.getElementById(`agenda-item-${to}`);
      const button = pressed
        ? (row?.querySelector<HTMLButtonElement>(`button[data-move="${pressed}"]:not(:disabled)`) ??
          row?.querySelector<HTMLButtonElement>('button[data-move]:not(:disabled)'))
        : null;
      (button ?? row)?.focus();
    });
  };

  const add = () => {
    editDraft((draft) => ({
      ...draft,
      agenda: [
        ...draft.agenda,
        {
          id: newId('item'),
          kind: 'custom',
          title: '',
          speaker: '',
          minutes: 5,
          warningSeconds: 30,
          notes: '',
          ask: null,
          responseSeconds: 60,
        },
      ],
    }));
    requestAnimationFrame(() => document.getElementById(`setup-agenda-${agenda.length}-title`)?.focus());
  };

  const onKeyDown = (index: number) => (event: KeyboardEvent) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    move(index, event.key === 'ArrowUp' ? index - 1 : index + 1);
  };
  const onDrop = (index: number) => (event: DragEvent) => {
    event.preventDefault();
    if (dragging !== null) move(dragging, index);
    setDragging(null);
  };

  return (
    <section aria-labelledby="agenda-editor-h" className="setup-section">
      <h3 id="agenda-editor-h">Agenda</h3>
      <p className={over ? 'error' : 'muted'} data-testid="agenda-total" role={over ? 'alert' : undefined}>
        {agenda.length} items, {formatDuration(totalMinutes * 60_000)} in all
        {plannedMinutes !== null &&
          (over
            ? ` — ${formatDuration((totalMinutes - plannedMinutes) * 60_000)} over the planned ${formatDuration(plannedMinutes * 60_000)}. Shorten or drop something.`
            : ` of the planned ${formatDuration(plannedMinutes * 60_000)}.`)}
        {plannedMinutes === null && ' (set a planned start and finish to check it fits).'}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
      <ol className="agenda-editor">
        {agenda.map((item, index) => {
          const at = (field: string) => `agenda.${index}.${field}`;
          const name = item.title || `item ${index + 1}`;
          return (
            <li
              key={item.id ?? index}
              id={`agenda-item-${index}`}
              tabIndex={-1}
              aria-label={`Item ${index + 1}: ${item.title || 'untitled'}`}
              className={`agenda-row ${dragging === index ? 'dragging' : ''}`}
              onKeyDown={onKeyDown(index)}
              onDragOver={(event) => event.preventDefault()}
              onDrop={onDrop(index)}
              data-testid="agenda-row"
            >
              <div className="row-tools">
                <span
                  className="drag-handle"
                  draggable
                  onDragStart={(event) => {
                    event.dataTransfer.effectAllowed = 'move';
                    event.dataTransfer.setData('text/plain', String(index));
                    setDragging(index);
                  }}
                  onDragEnd={() => setDragging(null)}
                  title="Drag to reorder (or Alt+Up / Alt+Down)"
                  aria-hidden="true"
                >
                  ⠿ {index + 1}
                </span>
                <button
                  type="button"
                  onClick={() => move(index, index - 1)}
                  disabled={index === 0}
                  data-move="up"
                  aria-label={`Move up: ${name}`}
                >
                  Move up
                </button>
                <button
                  type="button"
                  onClick={() => move(index, index + 1)}
                  disabled={index === agenda.length - 1}
                  data-move="down"
                  aria-label={`Move down: ${name}`}
                >
                  Move down
                </button>
                <button
                  type="button"
                  className="quiet"
                  onClick={() => removeRow('agenda', index)}
                  aria-label={`Delete ${name}`}
                >
                  Delete
                </button>
              </div>
              <div className="row-fields">
                <DraftField path={at('title')} label="Title" className="wide">
                  {(props) => (
                    <input
                      {...props}
                      value={item.title}
                      maxLength={200}
                      onChange={(e) => updateRow('agenda', index, { title: e.target.value })}
                    />
                  )}
                </DraftField>
                <DraftField path={at('kind')} label="Kind">
                  {(props) => (
                    <select
                      {...props}
                      value={item.kind}
                      onChange={(e) => updateRow('agenda', index, { kind: e.target.value as ItemKind })}
                    >
                      {ITEM_KINDS.map((kind) => (
                        <option key={kind} value={kind}>
                          {ITEM_KIND_LABELS[kind]}
                        </option>
                      ))}
                    </select>
                  )}
                </DraftField>
                <DraftField path={at('speaker')} label="Speaker">
                  {(props) => (
                    <input
                      {...props}
                      value={item.speaker}
                      onChange={(e) => updateRow('agenda', index, { speaker: e.target.value })}
                    />
                  )}
                </DraftField>
                <DraftField path={at('minutes')} label="Minutes">
                  {(props) => (
                    <input
                      {...props}
                      type="number"
                      min={0}
                      max={600}
                      step="any"
                      value={shownNumber(item.minutes)}
                      onChange={(e) => updateRow('agenda', index, { minutes: numberFrom(e.target.value) })}
                    />
                  )}
                </DraftField>
                <DraftField path={at('warningSeconds')} label="Warn at (seconds left)">
                  {(props) => (
                    <input
                      {...props}
                      type="number"
                      min={0}
                      max={3600}
                      value={shownNumber(item.warningSeconds)}
                      onChange={(e) =>
                        updateRow('agenda', index, { warningSeconds: numberFrom(e.target.value) })
                      }
                    />
                  )}
                </DraftField>
                <DraftField path={at('ask')} label="The ask it puts">
                  {(props) => (
                    <select
                      {...props}
                      value={item.ask ?? ''}
                      onChange={(e) => updateRow('agenda', index, { ask: e.target.value || null })}
                    >
                      <option value="">None</option>
                      {asks.map((ask) => (
                        <option key={ask.id} value={ask.id}>
                          {ask.title || ask.id}
                        </option>
                      ))}
                    </select>
                  )}
                </DraftField>
                {item.ask !== null && (
                  <DraftField path={at('responseSeconds')} label="Each answer (seconds)">
                    {(props) => (
                      <input
                        {...props}
                        type="number"
                        min={5}
                        max={600}
                        value={shownNumber(item.responseSeconds)}
                        onChange={(e) =>
                          updateRow('agenda', index, { responseSeconds: numberFrom(e.target.value) })
                        }
                      />
                    )}
                  </DraftField>
                )}
                <DraftField path={at('notes')} label="Chair's notes (private)" className="wide">
                  {(props) => (
                    <textarea
                      {...props}
                      rows={1}
                      value={item.notes}
                      onChange={(e) => updateRow('agenda', index, { notes: e.target.value })}
                    />
                  )}
                </DraftField>
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={add}>
        Add an agenda item
      </button>
    </section>
  );
}
