import { useState } from 'react';
import type { AssemblyState } from '../../../shared/domain/assembly';
import { phoneCheckInsSince } from '../../../shared/domain/turnout';
import { sendCommand } from '../connection/assemblyConnection';
import { formatTimeOfDay } from '../format';

const TEN_MINUTES = 10 * 60_000;
const pad = (n: number) => String(n).padStart(2, '0');
const timeField = (ms: number) => {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** "19:40" today on this device's clock; a time later than now was yesterday's (after midnight). */
function sinceOf(field: string, now: number): number | null {
  const match = field.match(/^(\d{2}):(\d{2})$/);
  if (!match) return null;
  const d = new Date(now);
  d.setHours(Number(match[1]), Number(match[2]), 0, 0);
  const ms = d.getTime();
  return ms > now ? ms - 24 * 60 * 60_000 : ms;
}

/**
 * Fake turnout: someone floods the phone check-in. One step closes it and undoes the phone
 * check-ins made since a chosen time (tickets' own "I'm here" and the door's stay); the
 * record keeps every one of them, and the step.
 */
export function PhoneFlood({ state }: { state: AssemblyState }) {
  const [open, setOpen] = useState(false);
  const [field, setField] = useState(() => timeField(Date.now() - TEN_MINUTES));
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const since = sinceOf(field, Date.now());
  // Counted only while the form is open: the chair's console re-renders with every turnout batch.
  const count = !open || since === null ? 0 : phoneCheckInsSince(state.attendance, since).length;

  async function undo() {
    if (since === null) return;
    const sure = window.confirm(
      `Close phone check-in and undo ${count} phone check-in${count === 1 ? '' : 's'} made since ${formatTimeOfDay(since)}? The record keeps them, marked undone.`,
    );
    if (!sure) return;
    const reply = await sendCommand({ type: 'undoPhoneCheckIns', since });
    setOutcome(
      reply.ok
        ? {
            ok: true,
            text: `Phone check-in closed; ${count} phone check-ins since ${formatTimeOfDay(since)} undone.`,
          }
        : { ok: false, text: reply.message },
    );
    if (reply.ok) setOpen(false);
  }

  return (
    <div className="phone-flood">
      {!open ? (
        <button type="button" className="quiet" onClick={() => setOpen(true)}>
          Remove a flood of fake phone check-ins…
        </button>
      ) : (
        <fieldset>
          <legend>Undo phone check-ins (fake turnout)</legend>
          <label htmlFor="phone-flood-since">Made since</label>{' '}
          <input
            id="phone-flood-since"
            type="time"
            value={field}
            onChange={(e) => setField(e.target.value)}
            aria-describedby="phone-flood-count"
          />{' '}
          <span id="phone-flood-count" role="status">
            {since === null ? 'Give a time.' : `${count} phone check-in${count === 1 ? '' : 's'} since then.`}
          </span>
          <div className="button-row">
            <button type="button" className="danger" disabled={since === null} onClick={() => void undo()}>
              Close phone check-in and remove them
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </fieldset>
      )}
      {outcome && (
        <p className={outcome.ok ? 'success' : 'field-error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}
    </div>
  );
}
