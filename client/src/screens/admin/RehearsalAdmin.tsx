import { useState } from 'react';
import type { AssemblyState } from '../../../../shared/domain/assembly';
import { rehearsalRefused } from '../../../../shared/domain/rehearsal';
import type { CommandInput } from '../../../../shared/protocol/commands';
import { RehearsalControl } from '../../components/RehearsalControl';
import { sendCommand } from '../../connection/assemblyConnection';

/** The organiser's rehearsal: start one the day before, end it, and see why one cannot start. */
export function RehearsalAdmin({ state }: { state: AssemblyState }) {
  const [refused, setRefused] = useState<string | null>(null);
  const run = async (command: CommandInput) => {
    const reply = await sendCommand(command);
    setRefused(reply.ok ? null : reply.message);
  };
  const blocked = state.rehearsal ? null : rehearsalRefused(state);
  return (
    <section aria-labelledby="rehearsal-h">
      <h2 id="rehearsal-h">Rehearsal</h2>
      <p className="muted">
        {state.rehearsal
          ? `Rehearsal ${state.rehearsal.number} is under way: every screen shows REHEARSAL. Ending it clears the check-ins, headcounts, answers, roll call and timers it recorded.`
          : 'Run the night through the day before: check-ins, the door, timers and answers all work, every screen says REHEARSAL, and ending it puts everything back. The setup and every link stay.'}
        {state.rehearsals > 0 && !state.rehearsal && ` Rehearsals so far: ${state.rehearsals}.`}
      </p>
      {blocked && state.status !== 'closed' && (
        <p className="muted small" data-testid="rehearsal-blocked">
          {blocked}
        </p>
      )}
      {!blocked && (
        <div className="button-row">
          <RehearsalControl state={state} run={run} />
        </div>
      )}
      {refused && (
        <p className="error" role="alert">
          {refused}
        </p>
      )}
    </section>
  );
}
