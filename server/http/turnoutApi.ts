import type express from 'express';
import type { Request, Response } from 'express';
import { lookup } from '../../shared/domain/register';
import { ticketAssembly, ticketFromScan, ticketPath } from '../../shared/domain/tickets';
import { problemsInOneLine } from '../../shared/protocol/csvImport';
import { garbledText } from '../../shared/protocol/csvText';
import { type Failure, failure } from '../../shared/protocol/errors';
import type { Role } from '../../shared/protocol/roles';
import type { AssemblyHost } from '../assemblies/assemblyHost';
import type { Located } from './located';
import { type RegistrantsResult, registrantsFromCsv, registrantsFromJson } from './registrantsImport';

interface TurnoutDeps {
  host: AssemblyHost;
  locate: (req: Request, res: Response, needs?: Role) => Promise<Located | null>;
  send: (res: Response, result: Failure) => void;
  baseUrl: (req: Request) => string;
}

/** Registrants in, tickets out. */
export function turnoutRoutes(router: express.Router, { host, locate, send, baseUrl }: TurnoutDeps): void {
  router.post('/assemblies/:code/registrants', async (req, res) => {
    const found = await locate(req, res, 'admin');
    if (!found) return;
    const { room } = found;
    const { institutions } = room.committed;
    let checked: RegistrantsResult;
    const garbled = typeof req.body === 'string' ? garbledText(req.body) : null;
    if (garbled) return send(res, failure('invalid_body', garbled));
    if (typeof req.body === 'string')
      checked = registrantsFromCsv(req.body, institutions, req.query.rows === 'valid');
    else if (Array.isArray(req.body)) checked = registrantsFromJson(req.body, institutions);
    else if (Array.isArray(req.body?.registrants))
      checked = registrantsFromJson(req.body.registrants, institutions);
    else
      return send(
        res,
        failure('invalid_body', 'Send a CSV file (text/csv) or JSON: {"registrants": [...]}.'),
      );
    if (!checked.ok) {
      res.status(400).json({
        ...failure('invalid_body', problemsInOneLine(checked.problems)),
        problems: checked.problems,
      });
      return;
    }
    // Anything this import records comes after what has been decided so far.
    const seqBefore = room.decidedSeq;
    const reply = await host.execute(
      room,
      found.role,
      { type: 'addRegistrants', registrants: checked.registrants },
      { address: req.ip ?? 'unknown' },
    );
    if (!reply.ok) return send(res, reply);
    // The tickets made by this import: read from the event recorded at its seq (another
    // import running at the same moment has its own seq).
    const entry =
      reply.seq > seqBefore
        ? (await host.room(room.code))?.entriesAfter(reply.seq - 1)?.find((e) => e.seq === reply.seq)
        : undefined;
    const asked = new Set(checked.registrants.map((r) => `${r.name}|${r.institutionId}|${r.email}`));
    const added =
      entry?.event.type === 'registrantsAdded'
        ? entry.event.registrants.filter((r) => asked.has(`${r.name}|${r.institutionId}|${r.email}`))
        : [];
    const base = baseUrl(req);
    res.json({
      ok: true,
      seq: reply.seq,
      added: added.length,
      alreadyRegistered: checked.registrants.length - added.length,
      tickets: added.map((r) => ({ id: r.id, name: r.name, url: `${base}${ticketPath(r.ticket)}` })),
    });
  });

  // The ticket's secret is its own key: whoever holds the ticket may see it.
  router.get('/tickets/:token', async (req, res) => {
    const token = ticketFromScan(String(req.params.token));
    const code = token === null ? null : ticketAssembly(token);
    const room = code === null ? null : await host.currentRoom(code);
    const state = room?.committed;
    const registrant = state?.attendance.registrants.find((r) => r.ticket === token);
    if (!state || !registrant) {
      const withdrawn = token !== null && state?.attendance.withdrawnTickets.includes(token);
      return send(res, failure(withdrawn ? 'ticket_withdrawn' : 'unknown_ticket'));
    }
    const checkInId = lookup(state.attendance.admitted, registrant.id);
    const checkIn = checkInId === undefined ? undefined : lookup(state.attendance.checkIns, checkInId);
    res.set('cache-control', 'no-store').json({
      ok: true,
      assembly: {
        code: state.code,
        title: state.title,
        venue: state.venue,
        startsAt: state.startsAt,
        status: state.status,
        phonesClosed: state.turnout.phonesClosed,
      },
      name: registrant.name,
      institution: state.institutions.find((i) => i.id === registrant.institutionId)?.name ?? '',
      checkedInAt: checkIn?.at ?? null,
      checkedInBy: checkIn?.method ?? null,
      url: `${baseUrl(req)}${ticketPath(registrant.ticket)}`,
    });
  });

  // "I'm here": the holder checks in from their own ticket, without retyping their name.
  router.post('/tickets/:token/check-in', async (req, res) => {
    const token = ticketFromScan(String(req.params.token));
    const code = token === null ? null : ticketAssembly(token);
    const room = code === null ? null : await host.currentRoom(code);
    if (!room || token === null) return send(res, failure('unknown_ticket'));
    const checkInId = (req.body as { checkInId?: unknown } | undefined)?.checkInId;
    const reply = await host.execute(
      room,
      'public',
      { type: 'checkInOwnTicket', checkInId, ticket: token },
      { address: req.ip ?? 'unknown' },
    );
    if (!reply.ok) return send(res, reply);
    const state = room.committed;
    const registrant = state.attendance.registrants.find((r) => r.ticket === token);
    const admittedBy = registrant && lookup(state.attendance.admitted, registrant.id);
    const checkIn = admittedBy === undefined ? undefined : lookup(state.attendance.checkIns, admittedBy);
    res.set('cache-control', 'no-store').json({
      ok: true,
      seq: reply.seq,
      checkedInAt: checkIn?.at ?? reply.already?.at ?? null,
      checkedInBy: checkIn?.method ?? reply.already?.method ?? null,
      already: reply.already !== undefined,
    });
  });
}
