import express, { type NextFunction, type Request, type Response } from 'express';
import { nextAssemblySetup } from '../../shared/domain/nextAssembly';
import { audienceOf, stateFor } from '../../shared/domain/views';
import { type ErrorCode, type Failure, failure } from '../../shared/protocol/errors';
import { describeIssues } from '../../shared/protocol/fields';
import { type Role, STAFF_ROLES, type StaffRole } from '../../shared/protocol/roles';
import { assemblyDetailsSchema } from '../../shared/protocol/setup';
import type { AssemblyHost } from '../assemblies/assemblyHost';
import type { Logger } from '../logger';
import { adminTokenRefusal } from './adminToken';
import { evaluationRoutes } from './evaluationApi';
import { exportRoutes } from './exportsApi';
import { heldRoutes } from './heldApi';
import type { Located } from './located';
import { setupCsvRoutes } from './setupCsvApi';
import { turnoutRoutes } from './turnoutApi';

export const MAX_BODY = '1mb';

const STATUS: Partial<Record<ErrorCode, number>> = {
  invalid_command: 400,
  unknown_command: 400,
  invalid_body: 400,
  bad_json: 400,
  invalid_setup: 400,
  payload_too_large: 413,
  unknown_ticket: 404,
  ticket_withdrawn: 410,
  unknown_assembly: 404,
  not_found: 404,
  key_required: 401,
  admin_token_required: 401,
  bad_admin_token: 403,
  bad_key: 403,
  forbidden: 403,
  rate_limited: 429,
  phone_limit_reached: 429,
  unavailable: 503,
  internal: 500,
};

/** Domain refusals (nothing to undo, end of agenda, ...) are conflicts with the current state. */
export const statusFor = (code: ErrorCode): number => STATUS[code] ?? 409;

/** Errors the request caused (a malformed %-escape, a bad path): a 400, never a 500. */
export function isClientError(error: unknown): boolean {
  if (error instanceof URIError) return true;
  const status = (error as { status?: number } | null)?.status;
  return status !== undefined && status >= 400 && status < 500;
}

export const send = (res: Response, result: Failure) => res.status(statusFor(result.code)).json(result);

export interface ApiDeps {
  host: AssemblyHost;
  logger: Logger;
  publicUrl: (hostHeader: string | undefined, forwardedProto: string | undefined) => string;
  /** When set, creating or duplicating an assembly needs it (the X-Admin-Token header). */
  adminToken?: string;
  /** This running server, and its address on its own machine: the home page keeps its list there. */
  thisServer: () => { id: string; localhost: string };
}

const isStaffRole = (role: string): role is StaffRole => (STAFF_ROLES as readonly string[]).includes(role);

const bearer = (req: Request): string | undefined => {
  const header = req.get('authorization');
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
};

export function apiRouter({ host, logger, publicUrl, adminToken, thisServer }: ApiDeps): express.Router {
  const router = express.Router();
  router.use(express.json({ limit: MAX_BODY }));
  // Spreadsheets: registrants may be posted as CSV.
  router.use(express.text({ type: ['text/csv', 'application/csv'], limit: MAX_BODY }));

  // Wrong admin tokens are counted per address: past ten a minute, every try gets
  // rate_limited until the minute is out, the right token too, so guessing tells nothing.
  const tokenRefusal = async (req: Request): Promise<Failure | null> => {
    if (adminToken === undefined) return null;
    const address = req.ip ?? 'unknown';
    if (await host.limits.wrongAdminTokens.exhausted(address))
      return failure('rate_limited', 'Too many wrong admin tokens. Wait a minute.');
    const refused = adminTokenRefusal(adminToken, req.get('x-admin-token'));
    if (refused?.code === 'bad_admin_token') await host.limits.wrongAdminTokens.take(address);
    return refused;
  };

  const baseUrl = (req: Request) => publicUrl(req.get('host'), req.get('x-forwarded-proto'));

  /** Finds the assembly and the caller's role, answering the request itself when it cannot. */
  async function locate(req: Request, res: Response, needs?: Role): Promise<Located | null> {
    const room = await host.currentRoom(String(req.params.code));
    if (!room) {
      send(res, failure('unknown_assembly'));
      return null;
    }
    const key = bearer(req);
    if (needs && needs !== 'public' && !key) {
      send(res, failure('key_required'));
      return null;
    }
    const role = await host.roleFor(room, key, req.ip ?? 'unknown');
    if (!role.ok) {
      send(res, role);
      return null;
    }
    if (needs === 'admin' && role.role !== 'admin') {
      send(res, failure('forbidden', 'This needs the organiser link.'));
      return null;
    }
    return { room, role: role.role };
  }

  // A new key for a staff link (lost, or in the wrong hands): the old one stops working now.
  // Before the body check below: it takes no body, so a bare POST (curl -X POST) is enough.
  router.post('/assemblies/:code/keys/:role', async (req, res) => {
    const role = String(req.params.role);
    if (!isStaffRole(role))
      return send(res, failure('not_found', `Staff links are ${STAFF_ROLES.join(', ')}.`));
    const found = await locate(req, res, 'admin');
    if (!found) return;
    const regenerated = await host.regenerateKey(found.room, role);
    if (!('key' in regenerated)) return send(res, regenerated);
    const link = roleLinks(baseUrl(req), found.room.code, {
      admin: '',
      chair: '',
      door: '',
      [role]: regenerated.key,
    })[role];
    res.json({ ok: true, role, link });
  });

  // Without a JSON content type express leaves the body undefined: say what to send.
  router.use((req, res, next) => {
    if (req.method === 'POST' && req.body === undefined) {
      return send(
        res,
        failure(
          'invalid_body',
          'Send a JSON body with Content-Type: application/json (or text/csv where it says so).',
        ),
      );
    }
    next();
  });

  // The home page asks whether to show the admin token field, where the links point, and which
  // server this is: a browser keeps one list of assemblies per address, so the home page moves
  // to this server's localhost (or else the links' address) when that answers as this same
  // server. Public facts, so a page at another address may ask (CORS, and Chrome's preflight
  // for a page on the LAN asking localhost).
  router.options('/creating', (_req, res) => {
    res
      .set({
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'GET',
        'access-control-allow-private-network': 'true',
      })
      .status(204)
      .end();
  });
  router.get('/creating', (req, res) => {
    const server = thisServer();
    res.set('access-control-allow-origin', '*').json({
      ok: true,
      needsToken: adminToken !== undefined,
      publicUrl: baseUrl(req),
      server: server.id,
      localhost: server.localhost,
    });
  });

  router.post('/assemblies', async (req, res) => {
    const refused = await tokenRefusal(req);
    if (refused) return send(res, refused);
    if (!(await host.mayCreate(req.ip ?? 'unknown'))) {
      return send(res, failure('rate_limited', 'Too many assemblies created from here. Wait a few minutes.'));
    }
    const parsed = assemblyDetailsSchema.safeParse(req.body);
    if (!parsed.success) return send(res, failure('invalid_body', describeIssues(parsed.error)));
    const { code, keys } = await host.create(parsed.data);
    res.status(201).json({ code, links: roleLinks(baseUrl(req), code, keys) });
  });

  // Next year's assembly from this one (needs its organiser key): see shared/domain/nextAssembly.ts.
  router.post('/assemblies/:code/duplicate', async (req, res) => {
    const refused = await tokenRefusal(req);
    if (refused) return send(res, refused);
    const found = await locate(req, res, 'admin');
    if (!found) return;
    const parsed = assemblyDetailsSchema.safeParse(req.body);
    if (!parsed.success) return send(res, failure('invalid_body', describeIssues(parsed.error)));
    if (!(await host.mayCreate(req.ip ?? 'unknown'))) {
      return send(res, failure('rate_limited', 'Too many assemblies created from here. Wait a few minutes.'));
    }
    const setup = nextAssemblySetup(found.room.committed);
    // Next year's assembly is held where this one was, unless told otherwise.
    const created = await host.createWithSetup(
      { ...parsed.data, timeZone: parsed.data.timeZone || found.room.committed.timeZone },
      setup,
    );
    if (!('keys' in created)) {
      logger.error({ from: found.room.code, reply: created }, 'duplicate setup refused');
      return send(res, failure('internal', 'The setup could not be copied: no new assembly was made.'));
    }
    res.status(201).json({
      code: created.code,
      links: roleLinks(baseUrl(req), created.code, created.keys),
      carriedForward: setup.asks.length,
    });
  });

  router.get('/assemblies/:code', async (req, res) => {
    const found = await locate(req, res);
    if (!found) return;
    const { room, role } = found;
    if (role === 'public' && !(await host.limits.publicStateReadsPerAddress.take(req.ip ?? 'unknown')))
      return send(res, failure('rate_limited', 'Too many reads from here. Wait a minute.'));
    // Projected once per seq, as syncs are: a thousand reads cost one projection.
    const audience = audienceOf(role);
    const state = room.projected(`${audience}:state`, () => stateFor(audience, room.committed));
    // Staff state holds names and notes: no cache, shared or private, may keep it.
    res.set('cache-control', 'no-store').json({ ok: true, seq: room.committedSeq, role, state });
  });

  router.post('/assemblies/:code/commands', async (req, res) => {
    const found = await locate(req, res, 'chair');
    if (!found) return;
    const reply = await host.execute(found.room, found.role, req.body, { address: req.ip ?? 'unknown' });
    if (reply.ok) res.json(reply);
    else send(res, reply);
  });

  router.post('/assemblies/:code/import', async (req, res) => {
    const found = await locate(req, res, 'admin');
    if (!found) return;
    const reply = await host.execute(found.room, found.role, { type: 'importSetup', setup: req.body });
    if (reply.ok) res.json(reply);
    else send(res, reply.code === 'invalid_command' ? { ...reply, code: 'invalid_setup' } : reply);
  });

  turnoutRoutes(router, { host, locate, send, baseUrl });
  exportRoutes(router, { host, locate, send, baseUrl });
  evaluationRoutes(router, { host, locate, send });
  setupCsvRoutes(router, { host, locate, send });
  heldRoutes(router, { host, send });

  router.use((_req, res) => send(res, failure('not_found')));

  // Express hands body-parser's and handlers' errors here; the process never crashes on input.
  router.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large')
      return send(res, failure('payload_too_large', `The body is over ${MAX_BODY}.`));
    if (type === 'entity.parse.failed') return send(res, failure('bad_json'));
    if (type === 'encoding.unsupported' || type === 'charset.unsupported')
      return send(res, failure('invalid_body'));
    if (isClientError(error))
      return send(res, failure('invalid_body', 'The address or request is malformed.'));
    logger.error({ err: error }, 'request failed');
    send(res, failure('internal'));
  });

  return router;
}

export function roleLinks(base: string, code: string, keys: { admin: string; chair: string; door: string }) {
  return {
    admin: `${base}/a/${code}/admin#key=${keys.admin}`,
    chair: `${base}/a/${code}/chair#key=${keys.chair}`,
    door: `${base}/a/${code}/door#key=${keys.door}`,
    screen: `${base}/a/${code}/screen`,
    join: `${base}/j/${code}`,
  };
}
