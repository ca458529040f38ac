import { type FormEvent, useState } from 'react';
import { LIMITS } from '../../../../shared/protocol/limits';

/** A banner on the projector ("Please take your seats"), cleared with one click. */
export function MessageControl(props: {
  message: string | null;
  onShow: (text: string) => Promise<boolean>;
  onClear: () => void;
}) {
  const [draft, setDraft] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim() && (await props.onShow(draft.trim()))) setDraft('');
  };
  return (
    <fieldset className="message-control">
      <legend>Message on the screen</legend>
      {props.message && (
        <p className="current-message">
          <span data-testid="current-message">“{props.message}”</span>{' '}
          <button type="button" onClick={props.onClear}>
            Clear message
          </button>
        </p>
      )}
      <form onSubmit={submit} className="inline-form">
        <label htmlFor="message-draft" className="visually-hidden">
          Message text
        </label>
        <input
          id="message-draft"
          value={draft}
          maxLength={LIMITS.message}
          placeholder="Please take your seats"
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" disabled={!draft.trim()}>
          Show message
        </button>
      </form>
    </fieldset>
  );
}
