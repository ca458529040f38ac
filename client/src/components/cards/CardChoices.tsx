import type { CardChoice, CardOption } from '../../../../shared/domain/cards';
import { MAX_CARD_NUMBER } from '../../../../shared/domain/cards';
import { formatDate } from '../../format';

/** "Come to the follow-up · 12 January · Housing team": what an option says beside its box. */
export function optionDetail(option: CardOption): string {
  return [option.date !== null && formatDate(option.date), option.owner].filter(Boolean).join(' · ');
}

/**
 * The commitments on a card, each a box to tick (and "how many?" for one that asks), for a
 * phone's own card and a steward's paper one alike. `chosen` maps an option to its number.
 */
export function CardChoices({
  ids,
  options,
  chosen,
  onChange,
}: {
  ids: string;
  options: readonly CardOption[];
  chosen: ReadonlyMap<string, number>;
  onChange: (next: Map<string, number>) => void;
}) {
  const set = (id: string, number: number | null) => {
    const next = new Map(chosen);
    if (number === null) next.delete(id);
    else next.set(id, number);
    onChange(next);
  };
  return (
    <fieldset className="card-choices">
      <legend>I will…</legend>
      {options.map((option) => {
        const number = chosen.get(option.id);
        const detail = optionDetail(option);
        return (
          <div key={option.id} className="card-choice">
            <label className="card-tick">
              <input
                type="checkbox"
                checked={number !== undefined}
                onChange={(e) => set(option.id, e.currentTarget.checked ? (number ?? 1) : null)}
              />
              <span>
                {option.text}
                {detail && <span className="muted small card-detail">{detail}</span>}
              </span>
            </label>
            {option.asksNumber && number !== undefined && (
              <label className="card-number">
                How many?
                <input
                  id={`${ids}-n-${option.id}`}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={MAX_CARD_NUMBER}
                  value={number}
                  onChange={(e) => {
                    const n = Math.round(Number(e.currentTarget.value));
                    set(option.id, Number.isFinite(n) ? Math.min(MAX_CARD_NUMBER, Math.max(1, n)) : 1);
                  }}
                />
              </label>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

/** The ticks as the command sends them. */
export const choicesOf = (chosen: ReadonlyMap<string, number>): CardChoice[] =>
  [...chosen].map(([optionId, number]) => ({ optionId, number }));
