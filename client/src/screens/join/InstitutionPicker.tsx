import { useState } from 'react';
import type { Institution } from '../../../../shared/domain/assembly';
import { GUEST_WORDS } from '../../../../shared/domain/turnout';
import { LIMITS } from '../../../../shared/protocol/limits';

export const GUEST = '__guest';
const SEARCH_FROM = 8;
const SHOWN = 40;

interface Props {
  ids: string;
  institutions: Institution[];
  choice: string;
  onChoose: (id: string) => void;
  /** Chosen by the table card's link: only the choice and "Change" are shown. */
  folded: boolean;
  onUnfold: () => void;
  guestOf: string;
  onGuestOf: (organisation: string) => void;
  error: string | undefined;
}

/** The person's institution: a searchable list, or the one their table card's link chose. */
export function InstitutionPicker(props: Props) {
  const { ids, institutions, choice, onChoose, folded, error } = props;
  const [search, setSearch] = useState('');
  const chosen = institutions.find((i) => i.id === choice);
  const errorId = error ? `${ids}-inst-error` : undefined;

  if (folded && chosen)
    return (
      <fieldset className="institution-picker">
        <legend>Your institution</legend>
        <p className="institution-chosen" data-testid="institution-chosen">
          <span aria-hidden="true">✓</span> <strong>{chosen.name}</strong>
          <button type="button" onClick={props.onUnfold}>
            Change <span className="visually-hidden">institution</span>
          </button>
        </p>
      </fieldset>
    );

  const term = search.trim().toLocaleLowerCase();
  const matches = institutions.filter((i) => !term || i.name.toLocaleLowerCase().includes(term));
  const shown = matches.slice(0, SHOWN);
  // The chosen institution stays visible even when the search no longer matches it.
  if (chosen && !shown.includes(chosen)) shown.unshift(chosen);
  return (
    <fieldset
      className="institution-picker"
      aria-invalid={error ? true : undefined}
      aria-describedby={errorId}
    >
      <legend>Your institution</legend>
      {institutions.length >= SEARCH_FROM && (
        <div className="field">
          <label htmlFor={`${ids}-search`}>Search</label>
          <input
            id={`${ids}-search`}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            placeholder="Start typing its name"
            autoComplete="off"
          />
        </div>
      )}
      <ul className="choices">
        {shown.map((institution) => (
          <li key={institution.id}>
            <Choice
              name={`${ids}-institution`}
              value={institution.id}
              label={institution.name}
              checked={choice === institution.id}
              onChoose={onChoose}
              describedBy={errorId}
            />
          </li>
        ))}
        {matches.length > SHOWN && (
          <li className="muted">…and {matches.length - SHOWN} more: type to narrow the list.</li>
        )}
        {term && matches.length === 0 && <li className="muted">No institution matches “{search}”.</li>}
        <li>
          <Choice
            name={`${ids}-institution`}
            value={GUEST}
            label={GUEST_WORDS.choice}
            checked={choice === GUEST}
            onChoose={onChoose}
            describedBy={undefined}
          />
        </li>
      </ul>
      {choice === GUEST && (
        <div className="field">
          <label htmlFor={`${ids}-guest`}>Organisation (optional)</label>
          <input
            id={`${ids}-guest`}
            value={props.guestOf}
            onChange={(e) => props.onGuestOf(e.currentTarget.value)}
            maxLength={LIMITS.personName}
            autoComplete="organization"
          />
        </div>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

function Choice(props: {
  name: string;
  value: string;
  label: string;
  checked: boolean;
  onChoose: (id: string) => void;
  describedBy: string | undefined;
}) {
  return (
    <label className={props.checked ? 'chosen' : ''}>
      <input
        type="radio"
        name={props.name}
        aria-describedby={props.describedBy}
        value={props.value}
        checked={props.checked}
        onChange={() => props.onChoose(props.value)}
      />
      {props.label}
    </label>
  );
}
