import { useEffect, useState } from 'react';
import { JoinQr } from '../../components/JoinQr';
import { formatDate, formatTimeOfDay } from '../../format';

interface Ticket {
  assembly: { code: string; title: string; venue: string; startsAt: number | null };
  name: string;
  institution: string;
  checkedInAt: number | null;
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
      <p className="kind">Ticket</p>
      <h1>{ticket.assembly.title}</h1>
      <p className="muted">
        {[
          ticket.assembly.venue,
          ticket.assembly.startsAt !== null && formatDate(ticket.assembly.startsAt, true),
        ]
          .filter(Boolean)
          .join(' · ')}
        {ticket.assembly.startsAt !== null && `, ${formatTimeOfDay(ticket.assembly.startsAt)}`}
      </p>
      <div className="ticket-holder">
        <p className="ticket-name">{ticket.name}</p>
        {ticket.institution && <p>{ticket.institution}</p>}
      </div>
      <JoinQr url={ticket.url} className="ticket-qr" />
      <p className="hint">Show this at the door. The steward scans it and you are in.</p>
      {ticket.checkedInAt !== null && (
        <p className="in-at" role="status">
          Checked in at {formatTimeOfDay(ticket.checkedInAt)}.
        </p>
      )}
      <button type="button" className="no-print" onClick={() => window.print()}>
        Print this ticket
      </button>
    </main>
  );
}
