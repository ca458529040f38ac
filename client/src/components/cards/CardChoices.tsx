import { useState } from 'react';
import type { CardChoice, CardOption } from '../../../../shared/domain/cards';
import { MAX_CARD_NUMBER } from '../../../../shared/domain/cards';

/** A card option's date: a calendar day, kept at midday UTC, so read in UTC wherever the page is. */
export const optionDate = (ms: number): string =>
  new Intl.DateTimeFormat(undefined, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(ms);

/** "Come to the follow-up · 12 January · Housing team": what an option says beside its box. */
export function optionDetail(option: CardOption): string {
  return [option.date !== null && optionDate(option.date), option.owner].filter(Boolean).join(' · ');
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
              <HowMany
                id={`${ids}-n-${option.id}`}
                label={`How many: ${option.text}`}
                number={number}
                onChange={(n) => set(option.id, n)}
              />
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

/**
 * "How many?": the box may be emptied while typing (a 5 replaces the 1, never makes 15); what
 * the card holds is always a whole number from 1 to the most.
 */
function HowMany({
  id,
  label,
  number,
  onChange,
}: {
  id: string;
  label: string;
  number: number;
  onChange: (n: number) => void;
}) {
  const [typed, setTyped] = useState(String(number));
  return (
    <label className="card-number" htmlFor={id}>
      How many?
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_CARD_NUMBER}
        aria-label={label}
        value={typed}
        onChange={(e) => {
          const text = e.currentTarget.value;
          setTyped(text);
          const n = Math.round(Number(text));
          if (text.trim() !== '' && Number.isFinite(n)) onChange(Math.min(MAX_CARD_NUMBER, Math.max(1, n)));
        }}
        onBlur={() => setTyped(String(number))}
      />
    </label>
  );
}
