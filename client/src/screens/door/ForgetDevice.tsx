import { useState } from 'react';
import { disconnectAssembly } from '../../connection/assemblyConnection';
import { forgetRole } from '../../connection/heldKeys';
import { forgetCachedMirror } from '../../connection/mirrorCache';
import { forgetOutbox, useOutbox } from '../../connection/outbox';
import { forgetMyCheckIns } from './myCheckIns';
import { forgetMyTally } from './myTally';

/**
 * After the night: a steward's own phone should not keep attendees' names. Refused while
 * anything is still waiting to sync, so no check-in is lost to a tidy-up.
 */
export function ForgetDevice({ code }: { code: string }) {
  const waiting = useOutbox((s) => s.waiting.length);
  const [problem, setProblem] = useState('');
  const forget = () => {
    if (waiting > 0) {
      setProblem(`${waiting} still waiting to sync: connect this device first, or they are lost.`);
      return;
    }
    if (!confirm('Remove this assembly’s names and counts from this device? The server keeps everything.'))
      return;
    disconnectAssembly();
    forgetCachedMirror(code, 'staff');
    forgetMyCheckIns(code);
    forgetMyTally(code);
    forgetOutbox(code);
    // And the door link itself: the home page would otherwise still list it.
    forgetRole(code, 'door');
    location.replace('/');
  };
  return (
    <footer className="door-forget">
      <button type="button" className="quiet" onClick={forget}>
        Clear this device after the night
      </button>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </footer>
  );
}
