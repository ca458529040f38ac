import type { AssemblyState } from '../../../shared/domain/assembly';
import type { CommandInput } from '../../../shared/protocol/commands';
import { endRehearsalQuestion, START_REHEARSAL_QUESTION } from './rehearsalWords';

/**
 * Start or end a rehearsal, for the chair and the organiser. Each asks first, and End says
 * what it will clear. A refused start (real people are in) comes back through `run`'s notice.
 */
export function RehearsalControl({
  state,
  run,
}: {
  state: AssemblyState;
  run: (command: CommandInput) => unknown;
}) {
  if (state.rehearsal) {
    return (
      <button
        type="button"
        className="rehearsal-end"
        data-testid="end-rehearsal"
        onClick={() => {
          if (confirm(endRehearsalQuestion(state))) void run({ type: 'endRehearsal' });
        }}
      >
        End rehearsal…
      </button>
    );
  }
  if (state.status === 'closed') return null;
  return (
    <button
      type="button"
      className="quiet"
      data-testid="start-rehearsal"
      onClick={() => {
        if (confirm(START_REHEARSAL_QUESTION)) void run({ type: 'startRehearsal' });
      }}
    >
      Rehearse…
    </button>
  );
}
