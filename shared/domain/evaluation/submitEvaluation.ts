import type { Command } from '../../protocol/commands';
import { type Failure, failure } from '../../protocol/errors';
import type { DomainEvent } from '../../protocol/events';
import { LIMITS } from '../../protocol/limits';
import type { AssemblyState } from '../assembly';

type SubmitEvaluation = Extract<Command, { type: 'submitEvaluation' }>;

/** One of the core team's evaluation, kept once however often it is sent. */
export function submitEvaluation(
  state: AssemblyState,
  command: SubmitEvaluation,
  ctx: { now: number },
): { ok: true; events: DomainEvent[] } | Failure {
  if (state.evaluations.some((e) => e.id === command.evaluationId)) return { ok: true, events: [] };
  // A rehearsal's end puts the night back: an evaluation made during one would be of no night.
  if (state.rehearsal)
    return failure('rehearsal_refused', 'End the rehearsal first: the evaluation is of the real night.');
  if (state.evaluations.length >= LIMITS.evaluations)
    return failure('invalid_body', `At most ${LIMITS.evaluations} evaluations in one assembly.`);
  const { evaluationId, name, worked, change, ratings } = command;
  return {
    ok: true,
    events: [
      {
        type: 'evaluationSubmitted',
        evaluation: { id: evaluationId, name, worked, change, ratings, at: ctx.now },
      },
    ],
  };
}
