import type express from 'express';
import type { Request, Response } from 'express';
import { lookup } from '../../shared/domain/register';
import { ticketAssembly, ticketFromScan, ticketPath } from '../../shared/domain/tickets';
import type { Registrant } from '../../shared/domain/turnout';
import { problemsInOneLine } from '../../shared/protocol/csvImport';
import { garbledText } from '../../shared/protocol/csvText';
import { type Failure, failure } from '../../shared/protocol/errors';
import { LIMITS } from '../../shared/protocol/limits';
import type { Role } from '../../shared/protocol/roles';
import type { AssemblyHost } from '../assemblies/assemblyHost';
import type { AssemblyRoom } from '../assemblies/assemblyRoom';
import type { Located } from './located';
import {
  pause,
  type RegistrantRow,
  type RegistrantsResult,
  registrantsFromCsv,
  registrantsFromJson,
} from './registrantsImport';

interface TurnoutDeps {
  host: AssemblyHost;
  locate: (req: Request, res: Response, needs?: Role) => Promise<Located | null>;
  send: (res: Response, result: Failure) => void;
  baseUrl: (req: Request) => string;
}

/** Rows added per command: each is decided and written in a few milliseconds. */
const REGISTRANTS_PER_STEP = 1000;

/**
 * The registrants one slice added: read from the event recorded at its seq (another import
 * running at the same moment has its own seq). Rows already registered are not in it.
 */
function addedAt(room: AssemblyRoom, seqBefore: number, seq: number, asked: RegistrantRow[]): Registrant[] {
  if (seq <= seqBefore) return [];
  const entry = room.entriesAfter(seq - 1)?.find((e) => e.seq === seq);
  if (entry?.event.type !== 'registrantsAdded') return [];
  const keys = new Set(asked.map((r) => `${r.name}|${r.institutionId}|${r.email}`));
  return entry.event.registrants.filter((r) => keys.has(`${r.name}|${r.institutionId}|${r.email}`));
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
      checked = await registrantsFromCsv(req.body, institutions, req.query.rows === 'valid');
    else if (Array.isArray(req.body)) checked = await registrantsFromJson(req.body, institutions);
    else if (Array.isArray(req.body?.registrants))
      checked = await registrantsFromJson(req.body.registrants, institutions);
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
    // Added a slice at a time, the server's other work running in between: one 20,000-row
    // import must not hold up the night. The rows were all checked above, and the total is
    // checked first, so only a storage failure can stop it part way (it then says how far).
    const total = room.decided.attendance.registrants.length + checked.registrants.length;
    if (total > LIMITS.registrants)
      return send(res, failure('invalid_body', `At most ${LIMITS.registrants} registrants in one assembly.`));
    const added: Registrant[] = [];
    let seq = room.decidedSeq;
    for (let at = 0; at < checked.registrants.length; at += REGISTRANTS_PER_STEP) {
      if (at > 0) await pause();
      const slice = checked.registrants.slice(at, at + REGISTRANTS_PER_STEP);
      const current = (await host.room(room.code)) ?? room;
      // Anything this slice records comes after what has been decided so far.
      const seqBefore = current.decidedSeq;
      const reply = await host.execute(
        current,
        found.role,
        { type: 'addRegistrants', registrants: slice },
        { address: req.ip ?? 'unknown' },
      );
      if (!reply.ok) {
        const message = at === 0 ? reply.message : `${reply.message} The first ${at} rows were added.`;
        return send(res, { ...reply, message });
      }
      seq = reply.seq;
      added.push(...addedAt(current, seqBefore, reply.seq, slice));
    }
    const base = baseUrl(req);
    res.json({
      ok: true,
      seq,
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
        endsAt: state.endsAt,
        timeZone: state.timeZone,
        status: state.status,
        phonesClosed: state.turnout.phonesClosed,
        rehearsal: state.rehearsal?.number ?? null,
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
