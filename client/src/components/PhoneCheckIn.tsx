import { useState } from 'react';
import type { AssemblyState } from '../../../shared/domain/assembly';
import type { CommandInput } from '../../../shared/protocol/commands';
import { PhoneFlood } from './PhoneFlood';

/**
 * Whether phones may check in, with the switch: the chair's roll call, the door's counts
 * and the organiser's page all show and change the same state. Closing stops every phone,
 * so it asks first; the phones are told in words, and the door goes on.
 */
export function PhoneCheckIn({
  state,
  send,
  disabled = false,
  undoFlood = false,
}: {
  state: AssemblyState;
  /** Resolves true once the server took it (or the door's outbox holds it). */
  send: (command: CommandInput) => Promise<boolean>;
  disabled?: boolean;
  /** The chair and organiser may also undo a flood of fake phone check-ins. */
  undoFlood?: boolean;
}) {
  const closed = state.turnout.phonesClosed;
  const [busy, setBusy] = useState(false);
  async function toggle() {
    if (
      !closed &&
      !window.confirm(
        'Close check-in on phones? Every phone will be told to check in with a steward at the door.',
      )
    )
      return;
    setBusy(true);
    await send({ type: 'setPhoneCheckIn', open: closed });
    setBusy(false);
  }
  return (
    <div className="phone-check-in" data-testid="phone-check-in">
      <p>
        Phone check-in: <strong className={closed ? 'closed' : 'open'}>{closed ? 'closed' : 'open'}</strong>{' '}
        <button type="button" disabled={disabled || busy} onClick={() => void toggle()}>
          {closed ? 'Reopen phone check-in' : 'Close phone check-in'}
        </button>
      </p>
      {undoFlood && <PhoneFlood state={state} />}
    </div>
  );
}
