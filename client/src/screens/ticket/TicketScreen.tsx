import { useEffect, useState } from 'react';
import type { AssemblyStatus } from '../../../../shared/domain/assembly';
import { CHECK_IN_METHOD_LABELS, type CheckInMethod } from '../../../../shared/domain/turnout';
import { JoinQr } from '../../components/JoinQr';
import { RehearsalMark } from '../../components/RehearsalMark';
import { newUuid } from '../../connection/deviceId';
import { formatTimeOfDay } from '../../format';
import { whenAndWhere } from '../../whenAndWhere';
import '../join/phone.css';
import './ticket.css';

interface Ticket {
  assembly: {
    code: string;
    title: string;
    venue: string;
    startsAt: number | null;
    endsAt: number | null;
    timeZone: string;
    status: AssemblyStatus;
    phonesClosed: boolean;
    /** The rehearsal under way, if one is. */
    rehearsal?: number | null;
  };
  name: string;
  institution: string;
  checkedInAt: number | null;
  checkedInBy: CheckInMethod | null;
  url: string;
}

type Loaded = { kind: 'loading' } | { kind: 'ticket'; ticket: Ticket } | { kind: 'failed'; message: string };

/** A registrant's ticket: its QR for the door, printable, or shown on the phone. */
export default function TicketScreen({ token }: { token: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  useEffect(() => {
    let cancelled = false;
    fetch(`/api/tickets/${encodeURIComponent(token)}`)
      .then(async (response) => {
        const json = await response.json().catch(() => null);
        if (cancelled) return;
        if (response.ok && json?.ok) setLoaded({ kind: 'ticket', ticket: json as Ticket });
        else
          setLoaded({ kind: 'failed', message: json?.message ?? `The server answered ${response.status}.` });
      })
      .catch(() => !cancelled && setLoaded({ kind: 'failed', message: 'Could not reach the server.' }));
    return () => {
      cancelled = true;
    };
  }, [token]);

  if (loaded.kind === 'loading') return <p className="boot">Loading your ticket…</p>;
  if (loaded.kind === 'failed') {
    return (
      <main className="page narrow">
        <h1>Ticket not found</h1>
        <p>{loaded.message}</p>
        <p>Check the link, or ask at the door: they can find you by name.</p>
      </main>
    );
  }
  const { ticket } = loaded;
  return (
    <main className="page narrow ticket" data-testid="ticket">
      <RehearsalMark
        rehearsal={ticket.assembly.rehearsal ?? null}
        note="Practice: checking in now is cleared when the rehearsal ends, and this ticket works again on the night."
      />
      <p className="kind">Ticket</p>
      <h1>{ticket.assembly.title}</h1>
      <TicketWhen assembly={ticket.assembly} />
      <div className="ticket-holder">
        <p className="ticket-name">{ticket.name}</p>
        {ticket.institution && <p>{ticket.institution}</p>}
      </div>
      <JoinQr url={ticket.url} className="ticket-qr" />
      <p className="hint">Show this at the door. The steward scans it and you are in.</p>
      <ImHere
        token={token}
        ticket={ticket}
        onCheckedIn={(at, by) =>
          setLoaded({ kind: 'ticket', ticket: { ...ticket, checkedInAt: at, checkedInBy: by } })
        }
      />
      <button type="button" className="no-print" onClick={() => window.print()}>
        Print this ticket
      </button>
    </main>
  );
}

/** When and where, large enough to read off a phone in the queue; says so when not set yet. */
function TicketWhen({ assembly }: { assembly: Ticket['assembly'] }) {
  const when = whenAndWhere({
    ...assembly,
    endsAt: assembly.endsAt ?? null,
    timeZone: assembly.timeZone ?? '',
  });
  return (
    <div className="ticket-when" data-testid="when-and-where">
      {when.date ? (
        <p>
          <strong>{when.date}</strong>
          {when.time && <>, {when.time}</>}
        </p>
      ) : (
        <p className="muted no-print">Date and time to be announced.</p>
      )}
      {when.venue ? <p>{when.venue}</p> : <p className="muted no-print">Venue to be announced.</p>}
    </div>
  );
}

/**
 * "I'm here": the holder checks themselves in from their own ticket, without retyping a
 * name. Retried with the same id, so a double tap or a lost answer counts once.
 */
function ImHere({
  token,
  ticket,
  onCheckedIn,
}: {
  token: string;
  ticket: Ticket;
  onCheckedIn: (at: number, by: CheckInMethod | null) => void;
}) {
  const [checkInId] = useState(newUuid);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  if (ticket.checkedInAt !== null) {
    const how = ticket.checkedInBy
      ? ` (${CHECK_IN_METHOD_LABELS[ticket.checkedInBy].toLocaleLowerCase()})`
      : '';
    return (
      <p className="in-at" role="status" data-testid="ticket-checked-in">
        You’re checked in: since {formatTimeOfDay(ticket.checkedInAt)}
        {how}.
      </p>
    );
  }
  if (ticket.assembly.status === 'closed') return <p className="hint">The assembly has closed.</p>;
  if (ticket.assembly.phonesClosed)
    return <p className="hint">Check-in on phones is closed: show this ticket at the door.</p>;
  async function checkIn() {
    setBusy(true);
    setProblem('');
    try {
      const response = await fetch(`/api/tickets/${encodeURIComponent(token)}/check-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ checkInId }),
      });
      const json = await response.json().catch(() => null);
      if (response.ok && json?.ok && typeof json.checkedInAt === 'number')
        onCheckedIn(json.checkedInAt, json.checkedInBy);
      else setProblem(json?.message ?? `The server answered ${response.status}.`);
    } catch {
      setProblem('Could not reach the server. Try again, or show this ticket at the door.');
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="im-here no-print">
      <button type="button" className="primary big" disabled={busy} onClick={() => void checkIn()}>
        {busy ? 'Checking in…' : 'I’m here'}
      </button>
      <p className="hint">Already at the venue? Check yourself in: no need to queue at the door.</p>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
