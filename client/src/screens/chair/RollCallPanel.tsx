import type { AssemblyState } from '../../../../shared/domain/assembly';
import { currentItem } from '../../../../shared/domain/assembly';
import { rollCallBoard } from '../../../../shared/domain/rollCall';
import { ROLL_CALL_ORDERS, type RollCallOrder } from '../../../../shared/domain/turnout';
import type { CommandInput } from '../../../../shared/protocol/commands';
import { PhoneCheckIn } from '../../components/PhoneCheckIn';
import { formatCount } from '../../format';
import './rollCallNow.css';

const ORDER_LABELS: Record<RollCallOrder, string> = { section: 'By section', count: 'By count' };

/**
 * The chair's roll call: every institution's turnout, marked off as it is called. "Call"
 * lights a row on the projector (and ticks it); the tick box alone marks without lighting.
 */
export function RollCallPanel(props: {
  state: AssemblyState;
  run: (command: CommandInput) => Promise<boolean>;
  disabled: boolean;
}) {
  const { state, run, disabled } = props;
  const board = rollCallBoard(state.institutions, state.turnout, state.live.rollCallOrder);
  const onScreen = state.live.scene === 'rollCall' || currentItem(state)?.kind === 'rollCall';
  const called = board.rows.filter((row) => row.called).length;
  const callingNow = state.institutions.find((i) => i.id === state.live.rollCallNow) ?? null;
  return (
    <section className="roll-call-panel" aria-labelledby="roll-call-h">
      <div className="roll-call-panel-head">
        <h2 id="roll-call-h">Roll call</h2>
        <p className="muted" data-testid="chair-turnout">
          <strong>{formatCount(board.total)}</strong> checked in
          {board.committed > 0 && <> of {formatCount(board.committed)} committed</>}
          {board.headcount > 0 && <> · headcount {formatCount(board.headcount)}</>} · called {called} of{' '}
          {board.rows.length}
        </p>
        <div className="button-row">
          <button
            type="button"
            aria-pressed={state.live.scene === 'rollCall'}
            className={state.live.scene === 'rollCall' ? 'selected' : ''}
            onClick={() =>
              run({ type: 'setScene', scene: state.live.scene === 'rollCall' ? 'agenda' : 'rollCall' })
            }
            disabled={disabled}
          >
            {state.live.scene === 'rollCall' ? 'Back to agenda' : 'Show on screen'}
          </button>
          {onScreen && state.live.scene !== 'rollCall' && (
            <span className="muted">On the screen with this item</span>
          )}
          {ROLL_CALL_ORDERS.map((order) => (
            <button
              key={order}
              type="button"
              aria-pressed={state.live.rollCallOrder === order}
              className={state.live.rollCallOrder === order ? 'selected' : ''}
              onClick={() => run({ type: 'sortRollCall', order })}
              disabled={disabled}
            >
              {ORDER_LABELS[order]}
            </button>
          ))}
        </div>
        {callingNow && (
          <p className="roll-call-now-line" data-testid="calling-now">
            <span>
              Calling now: <strong>{callingNow.name}</strong>
            </span>
            <button
              type="button"
              disabled={disabled}
              onClick={() => run({ type: 'callNow', institutionId: null })}
            >
              Stop calling
            </button>
          </p>
        )}
        <PhoneCheckIn state={state} send={run} disabled={disabled} undoFlood />
      </div>
      {board.rows.length === 0 ? (
        <p className="muted">No institutions yet: the organiser adds them in the setup.</p>
      ) : (
        <ul className={`roll-call-checklist ${onScreen ? 'on-screen' : ''}`}>
          {board.rows.map(({ institution, checkedIn, called: isCalled }, i) => (
            <li
              key={institution.id}
              className={`${isCalled ? 'called' : ''} ${institution.id === callingNow?.id ? 'calling-now' : ''}`}
            >
              {state.live.rollCallOrder === 'section' &&
                institution.section !== board.rows[i - 1]?.institution.section && (
                  <span className="roll-call-checklist-section">{institution.section || 'No section'}</span>
                )}
              <label>
                <input
                  type="checkbox"
                  checked={isCalled}
                  disabled={disabled}
                  onChange={(e) =>
                    run({ type: 'markCalled', institutionId: institution.id, called: e.target.checked })
                  }
                />
                <span className="name">{institution.name}</span>
              </label>
              <button
                type="button"
                className={`call-now ${institution.id === callingNow?.id ? 'selected' : ''}`}
                aria-pressed={institution.id === callingNow?.id}
                aria-label={`Call ${institution.name} now`}
                disabled={disabled}
                onClick={() =>
                  run({
                    type: 'callNow',
                    institutionId: institution.id === callingNow?.id ? null : institution.id,
                  })
                }
              >
                Call
              </button>
              <span className="count">
                {checkedIn}
                {institution.committed > 0 && <span className="muted"> / {institution.committed}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
