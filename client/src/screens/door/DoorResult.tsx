import { dismissRefusals, useOutbox } from '../../connection/outbox';
import { undoCheckIn, useDoorReport } from './doorReport';
import { AnswerLater, SamePerson } from './SamePerson';

const SYMBOL = { ok: '✓', warn: '!', error: '✕', queued: '⏳', ask: '?' } as const;

/**
 * What just happened at this door, in a colour, a symbol and words, and what the server
 * refused when a queue synced. In the page's flow under the mode switch: never over the
 * controls or the headcount.
 */
export function DoorResult({ waiting }: { waiting: number }) {
  const result = useDoorReport((s) => s.report);
  const refused = useOutbox((s) => s.refused);
  return (
    <>
      <div className="door-status">
        {waiting > 0 && (
          <p className="outbox-waiting" role="status" data-testid="outbox-waiting">
            {waiting} waiting to sync
          </p>
        )}
        <div className="door-report" aria-live="polite" data-testid="door-report">
          {result && (
            <p className={`report report-${result.tone}`}>
              <span aria-hidden="true">{SYMBOL[result.tone]}</span> {result.text}
              {result.question && <SamePerson question={result.question} />}
              {result.checkInId && result.tone !== 'queued' && result.tone !== 'error' && (
                <button
                  type="button"
                  className="quiet"
                  onClick={() => void undoCheckIn(result.checkInId!, result.who ?? 'the check-in')}
                >
                  Undo
                </button>
              )}
            </p>
          )}
        </div>
      </div>
      {refused.length > 0 && (
        <div className="report report-error" role="alert">
          <p>Refused when they synced:</p>
          <ul>
            {refused.map((r) => (
              <li key={r.id}>
                {r.label}: {r.failure.message}
                {r.failure.code === 'possible_duplicate' && <AnswerLater refusal={r} />}
              </li>
            ))}
          </ul>
          <button type="button" onClick={dismissRefusals}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}
