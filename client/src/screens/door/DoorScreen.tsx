import { useEffect, useState } from 'react';
import { Connecting } from '../../components/Connecting';
import { ConnectionBadge } from '../../components/ConnectionBadge';
import { NotArrived } from '../../components/NotArrived';
import { Refused } from '../../components/Refused';
import { useAssembly } from '../../connection/assemblyStore';
import { dismissRefusals, openOutbox, useOutbox } from '../../connection/outbox';
import { useAssemblyConnection } from '../../connection/useAssemblyConnection';
import { DoorCounts } from './DoorCounts';
import { useDoorLabel } from './doorLabel';
import { report, undoCheckIn, useDoorReport } from './doorReport';
import { ForgetDevice } from './ForgetDevice';
import { Headcount } from './Headcount';
import { openMyCheckIns } from './myCheckIns';
import { openMyTally } from './myTally';
import { QuickCheckIn } from './QuickCheckIn';
import { RecentCheckIns } from './RecentCheckIns';
import { RegistrantSearch } from './RegistrantSearch';
import { AnswerLater, SamePerson } from './SamePerson';
import { TicketScanner } from './TicketScanner';
import './door.css';

const SYMBOL = { ok: '✓', warn: '!', error: '✕', queued: '⏳', ask: '?' } as const;

/** The door steward's page: check people in, scan tickets, count heads, on a phone or laptop. */
export default function DoorScreen({ code, staffKey }: { code: string; staffKey: string | undefined }) {
  // The door keeps its state on the device: a reload with no signal still finds registrants.
  useAssemblyConnection(code, staffKey, true);
  useEffect(() => {
    openMyCheckIns(code);
    openMyTally(code);
    return openOutbox(code);
  }, [code]);
  const state = useAssembly((s) => s.state);
  const refusal = useAssembly((s) => s.refusal);
  const waitingList = useOutbox((s) => s.waiting);
  const waiting = waitingList.length;
  const refused = useOutbox((s) => s.refused);
  const result = useDoorReport((s) => s.report);
  const [device, setDevice, unnamed] = useDoorLabel();
  const [editing, setEditing] = useState(false);

  // A check-in that waited on this device has synced: say so, rather than "will sync".
  useEffect(() => {
    if (result?.tone !== 'queued' || !result.checkInId) return;
    if (!waitingList.some((q) => q.key === result.checkInId)) {
      report({
        tone: 'ok',
        text: `${result.who ?? 'Check-in'}: synced.`,
        checkInId: result.checkInId,
        who: result.who,
      });
    }
  }, [result, waitingList]);

  if (refusal) return <Refused />;
  if (!state) return <Connecting code={code} />;
  return (
    <main className="page door">
      <ConnectionBadge />
      <header className="door-head">
        <h1>Door · {state.title}</h1>
        <div className="door-device">
          {editing ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                setDevice(new FormData(e.currentTarget).get('device') as string);
                setEditing(false);
              }}
            >
              <label htmlFor="door-device">This door</label>{' '}
              <input id="door-device" name="device" defaultValue={device} />{' '}
              <button type="submit">Save</button>
            </form>
          ) : (
            <p>
              This door: <strong>{device}</strong>{' '}
              <button type="button" className="link" onClick={() => setEditing(true)}>
                {unnamed ? 'name this door' : 'rename'}
              </button>
            </p>
          )}
        </div>
      </header>
      {state.status === 'closed' && <p className="hint">The assembly is closed: check-in has stopped.</p>}
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
      <div className="door-grid">
        <div>
          <RegistrantSearch state={state} device={device} />
          <QuickCheckIn institutions={state.institutions} device={device} />
          <TicketScanner device={device} />
        </div>
        <div>
          <DoorCounts state={state} />
          <Headcount state={state} />
          <NotArrived state={state} />
          <RecentCheckIns state={state} />
        </div>
      </div>
      <ForgetDevice code={code} />
    </main>
  );
}
