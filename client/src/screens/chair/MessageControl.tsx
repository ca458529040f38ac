import { type FormEvent, useRef, useState } from 'react';
import { LIMITS } from '../../../../shared/protocol/limits';

/** A banner on the projector ("Please take your seats"), cleared with one click. */
export function MessageControl(props: {
  message: string | null;
  onShow: (text: string) => Promise<boolean>;
  onClear: () => void;
  disabled: boolean;
}) {
  const [draft, setDraft] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft.trim()) return;
    // Hand the keyboard back to the console at once, not when the ack comes back: a Space
    // pressed a moment after Enter pauses the timer instead of typing into the message.
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    if (await props.onShow(draft.trim())) setDraft('');
    // Refused or not sent: the words stay, with the cursor back in them.
    else input.current?.focus();
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
          ref={input}
          id="message-draft"
          value={draft}
          maxLength={LIMITS.message}
          placeholder="Please take your seats"
          disabled={props.disabled}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" disabled={!draft.trim() || props.disabled}>
          Show message
        </button>
      </form>
    </fieldset>
  );
}
