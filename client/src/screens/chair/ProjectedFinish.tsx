import type { AssemblyState } from '../../../../shared/domain/assembly';
import { describeOverrun, schedule } from '../../../../shared/domain/schedule';
import { nextFinishChangeAt } from '../../components/nextChange';
import { useServerNow } from '../../components/useServerNow';
import { formatTimeOfDay } from '../../format';

/** Where the night is heading against the planned finish, redrawn when that changes. */
export function ProjectedFinish({ state }: { state: AssemblyState }) {
  // A closed assembly has finished: no finish left to project.
  if (state.status === 'closed') return null;
  return <Projection state={state} />;
}

function Projection({ state }: { state: AssemblyState }) {
  const now = useServerNow((at) => nextFinishChangeAt(state, at));
  const { projectedEndsAt, overByMs } = schedule(state, now);
  const over = overByMs !== null && overByMs >= 60_000;
  return (
    <div className={`projected ${over ? 'over' : ''}`} data-testid="projected-finish">
      <span className="muted">Projected finish</span> <strong>{formatTimeOfDay(projectedEndsAt)}</strong>
      {state.endsAt !== null && (
        <>
          {' '}
          <span className="muted">planned {formatTimeOfDay(state.endsAt)}</span>{' '}
          <strong className="overrun">{describeOverrun(overByMs)}</strong>
        </>
      )}
    </div>
  );
}
