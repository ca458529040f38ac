import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { AssemblyState } from '../../../../shared/domain/assembly';
import { LIMITS } from '../../../../shared/protocol/limits';
import { ScreenThumbnail } from './ScreenThumbnail';

/**
 * A banner on the projector ("Please take your seats"), cleared with one click. While the
 * chair types, the screen is drawn with the words as its banner, to see how they fit
 * before anyone in the hall does.
 */
export function MessageControl(props: {
  state: AssemblyState;
  code: string;
  publicUrl: string;
  onShow: (text: string) => Promise<boolean>;
  onClear: () => void;
  disabled: boolean;
}) {
  const { state } = props;
  const message = state.live.message;
  const [draft, setDraft] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const typed = draft.trim();
  const preview = useRef<HTMLDivElement>(null);
  const previewing = typed !== '';
  useEffect(() => {
    // The preview appears under the box: bring it into the panel's view as it does.
    if (previewing) preview.current?.scrollIntoView({ block: 'nearest' });
  }, [previewing]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!typed) return;
    // Hand the keyboard back to the console at once, not when the ack comes back: a Space
    // pressed a moment after Enter pauses the timer instead of typing into the message.
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    if (await props.onShow(typed)) setDraft('');
    // Refused or not sent: the words stay, with the cursor back in them.
    else input.current?.focus();
  };
  return (
    <fieldset className={`message-control ${typed ? 'previewing' : ''}`}>
      <legend>Message on the screen</legend>
      {message && (
        <p className="current-message">
          <span data-testid="current-message">“{message}”</span>{' '}
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
          aria-describedby={typed ? 'message-draft-count' : undefined}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" disabled={!typed || props.disabled}>
          Show message
        </button>
      </form>
      {typed && (
        <div className="message-preview" ref={preview}>
          <p className="preview-heading" id="message-draft-count">
            Preview, not on the screen until you press Show · {draft.length}/{LIMITS.message}
          </p>
          <div className="preview-box">
            <ScreenThumbnail
              state={{ ...state, live: { ...state.live, message: typed } }}
              code={props.code}
              publicUrl={props.publicUrl}
              label={`Preview of the screen with the message '${typed}'`}
              testId="message-preview"
            />
          </div>
        </div>
      )}
    </fieldset>
  );
}
