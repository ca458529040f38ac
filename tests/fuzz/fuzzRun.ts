import fc from 'fast-check';
import { io as connectSocket } from 'socket.io-client';
import type { Application } from '../../server/app';
import type { AssemblyRoom } from '../../server/assemblies/assemblyRoom';
import { MAX_MESSAGE_BYTES } from '../../server/io/socketServer';
import { emptyAssembly } from '../../shared/domain/assembly';
import { evolveAll } from '../../shared/domain/evolve';
import { valuesOf } from '../../shared/domain/register';
import { audienceOf, stateFor } from '../../shared/domain/views';
import { COMMAND_TYPES, mayRun } from '../../shared/protocol/commands';
import { ERROR_CODES } from '../../shared/protocol/errors';
import type { Role } from '../../shared/protocol/roles';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';
import {
  type Created,
  createAssembly,
  importSetup,
  MirrorClient,
  type TestSocket,
  waitFor,
} from '../integration/harness';
import {
  anyCommand,
  FUZZ_SETUP,
  type FuzzWorld,
  hostileShortString,
  hostileValue,
  OBJECT_WORDS,
} from './hostileValues';
import { canonicalJson, countProblems, withoutUndo } from './invariants';

// The real server under a hostile room: every command type, sync and the handshake, from
// every role, over Socket.IO and HTTP, with generated hostile values. Every reply must be
// ok or a coded error (never 'internal'), a refused command must change nothing, the server
// must stay up, and at the end every client's view must be what the server holds.
//
// Runs one command at a time per assembly, so the seq before and after each tells what it did.

export interface FuzzRuns {
  commands: number;
  sync: number;
  http: number;
  /** Hostile requests that cannot change the assembly (bad keys, bodies, paths): sent in parallel. */
  httpHostile: number;
  handshakes: number;
  events: number;
}

export const BOUNDED_RUNS: FuzzRuns = {
  commands: 1200,
  sync: 150,
  http: 250,
  httpHostile: 120,
  handshakes: 120,
  events: 120,
};

export interface FuzzReport {
  seed: number;
  /** One line per distinct violation (the first example), with how often it happened. */
  failures: string[];
  /** Replies by command type and outcome, to see what the fuzz reached. */
  outcomes: Record<string, number>;
  ms: Record<string, number>;
}

const PUBLIC_COMMANDS_PER_SOCKET = 20;
/** Presence and readiness (never journalled): each answers every call with a coded reply. */
const PRESENCE_EVENTS = ['presence', 'presenceList', 'flashScreen', 'serverReadiness'];

type Reply = { ok?: unknown; code?: unknown; message?: unknown; seq?: unknown; [key: string]: unknown };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What the server receives of a value sent as JSON (Socket.IO's and fetch's encoding). */
function received(value: unknown): unknown {
  try {
    return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  } catch {
    return value;
  }
}

function sizeOf(value: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(value) ?? '');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

const short = (value: unknown, max = 400): string => {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = '(unprintable)';
  }
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
};

const typeOf = (input: unknown): string => {
  const type = isObject(input) ? input.type : undefined;
  return typeof type === 'string' && (COMMAND_TYPES as string[]).includes(type) ? type : '(no command type)';
};

export async function fuzzServer(
  server: { url: string; app: Application },
  options: { seed: number; runs: FuzzRuns; log?: (line: string) => void },
): Promise<FuzzReport> {
  const { url, app } = server;
  const { seed, runs } = options;
  const log = options.log ?? (() => {});
  const failures = new Map<string, { example: string; count: number }>();
  const outcomes: Record<string, number> = {};
  const ms: Record<string, number> = {};
  const fail = (signature: string, example: string) => {
    const seen = failures.get(signature);
    if (seen) seen.count++;
    else {
      failures.set(signature, { example, count: 1 });
      log(`FAIL ${signature}: ${example}`);
    }
  };
  const count = (key: string) => {
    outcomes[key] = (outcomes[key] ?? 0) + 1;
  };

  const created: Created = await createAssembly(url, { title: 'Fuzz' });
  await importSetup(url, created, FUZZ_SETUP);
  const { code, keys } = created;
  const roomNow = async (): Promise<AssemblyRoom> => {
    const room = await app.host.room(code);
    if (!room) throw new Error('the fuzzed assembly is gone');
    return room;
  };
  let room = await roomNow();
  const world: FuzzWorld = {
    code,
    tickets: () => room.committed.attendance.registrants.map((r) => r.ticket),
    revision: () => room.committed.setupRevision,
    followUpIds: () => room.committed.followUps.map((f) => f.id),
    registrantIds: () => room.committed.attendance.registrants.map((r) => r.id),
    now: () => Date.now(),
  };
  const keyOf = (role: Role): string | undefined => (role === 'public' ? undefined : keys[role]);

  // Observers: as the browser runs them, they mirror the stream; compared with the server at the end.
  const observers = (['admin', 'door', 'public'] as const).map(
    (role) => [role, new MirrorClient(url, { code, key: keyOf(role) })] as const,
  );
  await Promise.all(observers.map(([, client]) => client.ready()));

  const senders = new Map<Role, { socket: TestSocket; used: number }>();
  const openSocket = (role: Role, auth: unknown = { code, key: keyOf(role), v: PROTOCOL_VERSION }) =>
    connectSocket(url, {
      auth: auth as Record<string, unknown>,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    }) as TestSocket;
  const connected = (socket: TestSocket) =>
    new Promise<void>((resolve, reject) => {
      if (socket.connected) return resolve();
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error) => reject(error));
    });
  /** Resolves once the socket is closed, or after `ms` (then senderFor finds it still open). */
  function closedWithin(socket: TestSocket, ms: number): Promise<void> {
    if (!socket.connected) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(done, ms);
      socket.once('disconnect', done);
    });
  }

  async function senderFor(role: Role): Promise<TestSocket> {
    let sender = senders.get(role);
    // Fresh public sockets every few commands: a phone sends a check-in or two, not a flood.
    const stale = role === 'public' && sender !== undefined && sender.used >= PUBLIC_COMMANDS_PER_SOCKET;
    if (!sender?.socket.connected || stale) {
      sender?.socket.disconnect();
      const socket = openSocket(role);
      await connected(socket);
      sender = { socket, used: 0 };
      senders.set(role, sender);
    }
    sender!.used++;
    return sender!.socket;
  }

  /** A reply to something that may change the assembly: coded, and a refusal changes nothing. */
  function checkReply(
    where: string,
    input: unknown,
    reply: unknown,
    before: { state: unknown; seq: number },
    after: AssemblyRoom,
  ): void {
    const type = typeOf(input);
    if (!isObject(reply)) {
      fail(`${where} ${type}: reply is not an object`, short({ input, reply }));
      return;
    }
    const r = reply as Reply;
    if (r.ok === true) {
      count(`${type}:${after.committedSeq === before.seq ? 'unchanged' : 'accepted'}`);
      if (typeof r.seq !== 'number') fail(`${where} ${type}: ok without a seq`, short({ input, reply }));
      else if (r.seq !== after.committedSeq)
        fail(
          `${where} ${type}: ok at seq ${r.seq}, committed ${after.committedSeq}`,
          short({ input, reply }),
        );
      if (after.committedSeq === before.seq && after.committed !== before.state)
        fail(`${where} ${type}: the state changed with no event recorded`, short(input));
      const problems = countProblems(after.committed);
      if (problems.length > 0) fail(`${where} ${type}: counts unsound: ${problems[0]}`, short(input));
      return;
    }
    count(`${type}:${String(r.code)}`);
    if (r.ok !== false || typeof r.code !== 'string' || !Object.hasOwn(ERROR_CODES, r.code)) {
      fail(`${where} ${type}: reply neither ok nor coded`, short({ input, reply }));
      return;
    }
    if (typeof r.message !== 'string')
      fail(`${where} ${type}: ${r.code} without a message`, short({ input, reply }));
    if (r.code === 'internal') fail(`${where} ${type}: internal`, short(input));
    if (
      after.committedSeq !== before.seq ||
      after.decidedSeq !== before.seq ||
      after.committed !== before.state
    )
      fail(`${where} ${type}: refused (${r.code}) but the assembly changed`, short(input));
  }

  const commandArb = fc.constantFrom<Role>('public', 'door', 'chair', 'admin').chain((role) =>
    fc.tuple(
      fc.constant(role),
      anyCommand(
        world,
        COMMAND_TYPES.filter((type) => mayRun(role, type)),
      ),
    ),
  );

  // --- Commands over Socket.IO.
  let started = Date.now();
  await fc.assert(
    fc.asyncProperty(commandArb, async ([role, input]) => {
      room = await roomNow();
      const before = { state: room.committed, seq: room.committedSeq };
      const socket = await senderFor(role);
      let reply: unknown;
      try {
        reply = await socket.timeout(10_000).emitWithAck('command', input as never);
      } catch (error) {
        // Too big for one message: Socket.IO closes the connection, by design.
        if (sizeOf(input) > MAX_MESSAGE_BYTES * 0.9) return void count('(too big: disconnected)');
        if (!socket.connected && role === 'public') return void count('(public socket dropped)');
        // socket.io-client itself recurses through what it sends: a value nested deep enough
        // overflows the sender's stack and never leaves it (HTTP sends those instead).
        if (error instanceof RangeError) return void count('(too deep for the client to send)');
        return fail(
          `socket ${typeOf(input)}: no answer (${role}, ${String(error)}, ${socket.connected ? 'connected' : 'disconnected'}, ${sizeOf(input)} bytes)`,
          short(input, 20_000),
        );
      }
      checkReply(`socket ${role}`, input, reply, before, await roomNow());
    }),
    { seed, numRuns: runs.commands, endOnFailure: true },
  );
  ms.commands = Date.now() - started;
  log(`commands: ${runs.commands} in ${ms.commands} ms`);

  // --- Commands over HTTP, one at a time, with the role's key.
  started = Date.now();
  const commandsUrl = `${url}/api/assemblies/${code}/commands`;
  await fc.assert(
    fc.asyncProperty(commandArb, async ([role, input]) => {
      room = await roomNow();
      const before = { state: room.committed, seq: room.committedSeq };
      const key = keyOf(role);
      const body = JSON.stringify(input ?? null);
      const response = await fetch(commandsUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body,
      });
      const json = (await response.json().catch(() => null)) as unknown;
      const type = typeOf(input);
      if (response.status >= 500) fail(`http ${type}: ${response.status}`, short({ input, json }));
      if (role === 'public') {
        // No key: refused (a body that is not a JSON object is refused before the key is asked for).
        const refused =
          response.status === 401 || (response.status === 400 && isObject(json) && json.code === 'bad_json');
        if (!refused || !isObject(json) || !Object.hasOwn(ERROR_CODES, String(json.code)))
          fail(`http ${type}: public without a key got ${response.status}`, short({ input, json }));
        if ((await roomNow()).committed !== before.state)
          fail(`http ${type}: public changed the assembly`, short(input));
        return;
      }
      if (body.length > 1_000_000) return void count('(http body over the limit)');
      checkReply(`http ${role}`, input, json, before, await roomNow());
    }),
    { seed: seed + 1, numRuns: runs.http, endOnFailure: true },
  );
  ms.http = Date.now() - started;
  log(`http: ${runs.http} in ${ms.http} ms`);

  // --- Hostile HTTP that must change nothing: bad keys, bodies, content types, paths.
  started = Date.now();
  {
    const before = { state: (await roomNow()).committed };
    const hostileRequest = fc.record({
      path: fc.oneof(
        fc.constant(`/api/assemblies/${code}/commands`),
        fc.constant(`/api/assemblies/${code.toLowerCase()}/commands`),
        fc
          .constantFrom('%', '%E0%A4%A', '__proto__', 'constructor', 'toString', 'a'.repeat(300), '..%2F..')
          .map((bad) => `/api/assemblies/${bad}/commands`),
        fc
          .constantFrom(...OBJECT_WORDS, 'turnout.csv', 'record.json', '%E0', 'x.csv')
          .map((file) => `/api/assemblies/${code}/export/${file}`),
        fc.constantFrom(
          `/api/assemblies/${code}`,
          `/api/assemblies/${code}/import`,
          '/api/__proto__',
          '/api/%',
        ),
      ),
      method: fc.constantFrom('POST', 'POST', 'GET', 'PUT'),
      key: fc.oneof(
        fc.constant(undefined),
        fc.constant(keys.door),
        fc.constant(`${keys.chair}x`),
        hostileShortString.filter((s) => /^[\x21-\x7e]+$/.test(s)),
        fc.constantFrom(...OBJECT_WORDS),
      ),
      contentType: fc.constantFrom(
        'application/json',
        'application/json; charset=utf-16',
        'application/json; charset=latin1',
        'text/plain',
        'text/csv',
        'application/x-www-form-urlencoded',
      ),
      body: fc.oneof(
        fc.constantFrom(
          '',
          'null',
          '[]',
          '"undo"',
          '{"type":"undo"',
          '{"__proto__":{"type":"undo"}}',
          '{"type":"undo","__proto__":{"admin":true}}',
          '{"constructor":{"prototype":{"polluted":1}},"type":"checkIn"}',
          '\uFEFF{"type":"undo"}',
          '{"type":"\\ud800"}',
        ),
        hostileValue.map((value) => JSON.stringify(value) ?? 'undefined'),
        fc.constant('{"a":"'.padEnd(1_100_000, 'x')),
      ),
    });
    const requests = fc.sample(hostileRequest, { seed: seed + 2, numRuns: runs.httpHostile });
    const one = async (request: (typeof requests)[number]) => {
      let response: Response;
      try {
        response = await fetch(`${url}${request.path}`, {
          method: request.method,
          headers: {
            'content-type': request.contentType,
            // Staff keys here are for the wrong thing or wrong: nothing may change.
            ...(request.key ? { authorization: `Bearer ${request.key}` } : {}),
          },
          body: request.method === 'GET' ? undefined : request.body,
        });
      } catch (error) {
        // fetch itself refuses some header values: nothing reached the server.
        if (error instanceof TypeError) return void count('(http request not sendable)');
        throw error;
      }
      const text = await response.text();
      count(`http hostile:${response.status}`);
      if (response.status >= 500)
        fail(`http hostile ${request.method} ${response.status}`, short(request, 300) + text.slice(0, 200));
      if (request.path.startsWith('/api/') && response.headers.get('content-type')?.includes('json')) {
        const json = JSON.parse(text) as unknown;
        if (
          isObject(json) &&
          json.ok === false &&
          !(typeof json.code === 'string' && Object.hasOwn(ERROR_CODES, json.code))
        )
          fail('http hostile: an error without a known code', short({ request, json }, 300));
      } else if (request.path.startsWith('/api/') && !request.path.includes('/export/'))
        fail(`http hostile: ${response.status} without JSON`, short(request, 300));
    };
    const door = (r: (typeof requests)[number]) => r.key === keys.door && r.method === 'POST';
    // A door key may run door commands: those are sent one at a time with the checks above. Here only bodies it cannot run.
    const harmless = requests.filter(
      (r) =>
        !door(r) || !r.path.endsWith('/commands') || !/checkIn|Headcount|scanTicket|setPhone/.test(r.body),
    );
    for (let i = 0; i < harmless.length; i += 8) await Promise.all(harmless.slice(i, i + 8).map(one));
    room = await roomNow();
    if (room.committed !== before.state) fail('http hostile: the assembly changed', '');
  }
  ms.httpHostile = Date.now() - started;
  log(`http hostile: ${runs.httpHostile} in ${ms.httpHostile} ms`);

  // --- Sync requests from every role.
  started = Date.now();
  const syncArb = fc.tuple(
    fc.constantFrom<Role>('public', 'door', 'chair', 'admin'),
    fc.oneof(
      {
        arbitrary: fc.record({
          epoch: fc.oneof(
            { arbitrary: fc.constant(null), weight: 2 },
            { arbitrary: fc.constant(null).map(() => observers[0]![1].epoch), weight: 4 },
            { arbitrary: hostileValue, weight: 1 },
          ),
          seq: fc.oneof(
            { arbitrary: fc.constant(0), weight: 1 },
            { arbitrary: fc.nat(40).map((back) => Math.max(0, room.committedSeq - back)), weight: 4 },
            { arbitrary: fc.constant(null).map(() => room.committedSeq + 1), weight: 1 },
            { arbitrary: hostileValue, weight: 1 },
          ),
        }),
        weight: 4,
      },
      { arbitrary: hostileValue, weight: 1 },
    ),
  );
  await fc.assert(
    fc.asyncProperty(syncArb, async ([role, request]) => {
      const socket = await senderFor(role);
      let reply: unknown;
      try {
        reply = await socket.timeout(10_000).emitWithAck('sync', request as never);
      } catch (error) {
        if (!socket.connected && role === 'public') return void count('(public socket dropped)');
        if (error instanceof RangeError) return void count('(too deep for the client to send)');
        // Over the socket's message size: the server closes the connection unread. Right.
        if (sizeOf(request) > MAX_MESSAGE_BYTES * 0.9) return void count('(too big: disconnected)');
        return fail(`sync: no answer (${role}, ${String(error)})`, short(request));
      }
      room = await roomNow();
      if (!isObject(reply)) return fail('sync: reply is not an object', short({ request, reply }));
      if (reply.ok === true) {
        count(`sync:${String(reply.kind)}`);
        if (reply.role !== role) fail(`sync: ${role} was welcomed as ${String(reply.role)}`, short(request));
        if (reply.kind === 'snapshot') {
          if (reply.seq !== room.committedSeq)
            fail('sync: a snapshot not at the committed seq', short(request));
          else if (canonicalJson(reply.state) !== canonicalJson(stateFor(audienceOf(role), room.committed)))
            fail(`sync: the ${role} snapshot is not the ${audienceOf(role)} view`, short(request));
        } else if (reply.kind !== 'replay' || !Array.isArray(reply.entries))
          fail('sync: ok but neither snapshot nor replay', short({ request, reply }));
        return;
      }
      count(`sync:${String(reply.code)}`);
      if (
        reply.ok !== false ||
        typeof reply.code !== 'string' ||
        !Object.hasOwn(ERROR_CODES, reply.code) ||
        reply.code === 'internal'
      )
        fail(`sync: ${String(reply.code)}`, short({ request, reply }));
    }),
    { seed: seed + 3, numRuns: runs.sync, endOnFailure: true },
  );
  ms.sync = Date.now() - started;
  log(`sync: ${runs.sync} in ${ms.sync} ms`);

  // --- Other events, and known ones with odd arguments, from a staff socket.
  started = Date.now();
  {
    const before = (await roomNow()).committed;
    const eventArb = fc.record({
      role: fc.constantFrom<Role>('public', 'door', 'chair', 'admin'),
      name: fc.oneof(
        fc.constantFrom(...OBJECT_WORDS, 'sync', 'command', 'clock', 'events', 'resync', ...PRESENCE_EVENTS),
        hostileShortString,
      ),
      args: fc.array(hostileValue, { maxLength: 3 }),
      ack: fc.boolean(),
    });
    const events = fc.sample(eventArb, { seed: seed + 4, numRuns: runs.events });
    for (const event of events) {
      // Untyped: any name, any arguments, as a raw client sends them.
      const socket = (await senderFor(event.role)) as unknown as {
        emit: (name: string, ...args: unknown[]) => void;
        timeout: (ms: number) => { emitWithAck: (name: string, ...args: unknown[]) => Promise<unknown> };
      };
      // Over the socket's message size, the server closes the connection unread (by design):
      // no answer is right, and the next event waits for a new socket, not a closing one.
      const tooBig = sizeOf([event.name, ...event.args]) > MAX_MESSAGE_BYTES * 0.9;
      try {
        if (tooBig) {
          socket.emit(event.name, ...event.args);
          await closedWithin(socket as unknown as TestSocket, 5_000);
          count('(too big: disconnected)');
          continue;
        }
        // The server's own events answer; an unknown one never calls its ack back, so that is not awaited.
        if (event.ack && ['sync', 'command', 'clock', ...PRESENCE_EVENTS].includes(event.name)) {
          let reply: unknown;
          try {
            reply = await socket
              .timeout(event.args.length === 0 ? 1_000 : 5_000)
              .emitWithAck(event.name, ...event.args);
          } catch {
            fail(`events: ${event.name} not answered`, short(event));
            continue;
          }
          const coded =
            isObject(reply) && (reply.ok === true || Object.hasOwn(ERROR_CODES, String(reply.code)));
          if (event.name !== 'clock' && !coded)
            fail(`events: ${event.name} answered uncoded`, short({ event, reply }));
          if (isObject(reply) && reply.code === 'internal')
            fail(`events: ${event.name} answered internal`, short(event));
        } else if (event.ack) socket.emit(event.name, ...event.args, () => {});
        else socket.emit(event.name, ...event.args);
        count('event:sent');
      } catch {
        // Reserved names are refused by the client; unknown events get no answer.
        count('event:unanswered');
      }
    }
    for (const role of ['door', 'chair', 'admin'] as const) {
      const socket = await senderFor(role);
      const now = await socket.timeout(5_000).emitWithAck('clock');
      if (typeof now !== 'number') fail('events: the clock no longer answers', role);
    }
    // Commands among them (and refused ones) may have changed the assembly; checked at the end.
    if ((await roomNow()).committed !== before) count('event:changed the assembly (a command among them)');
  }
  ms.events = Date.now() - started;
  log(`events: ${runs.events} in ${ms.events} ms`);

  // --- The handshake: hostile auth objects; each refused with a code, or let in as the key's role.
  started = Date.now();
  {
    const authArb = fc.oneof(
      {
        arbitrary: fc.record(
          {
            code: fc.oneof(
              { arbitrary: fc.constant(code), weight: 6 },
              { arbitrary: fc.constant(` ${code.toLowerCase()} `), weight: 1 },
              { arbitrary: fc.constantFrom('__proto__', 'constructor', '', 'ABCDEF'), weight: 1 },
              { arbitrary: hostileValue, weight: 1 },
            ),
            key: fc.oneof(
              { arbitrary: fc.constant(undefined), weight: 2 },
              { arbitrary: fc.constantFrom(keys.admin, keys.chair, keys.door), weight: 4 },
              { arbitrary: fc.constantFrom(`${keys.door} `, keys.door.slice(1), ''), weight: 1 },
              { arbitrary: fc.constantFrom(...OBJECT_WORDS), weight: 1 },
              { arbitrary: hostileValue, weight: 1 },
            ),
            v: fc.oneof(
              { arbitrary: fc.constant(PROTOCOL_VERSION), weight: 8 },
              {
                arbitrary: fc.constantFrom(PROTOCOL_VERSION + 1, `${PROTOCOL_VERSION}`, -0, Number.NaN),
                weight: 1,
              },
              { arbitrary: hostileValue, weight: 1 },
            ),
          },
          { requiredKeys: [] },
        ),
        weight: 6,
      },
      { arbitrary: hostileValue, weight: 1 },
    );
    const auths = fc.sample(authArb, { seed: seed + 5, numRuns: runs.handshakes });
    const roleOfKey = (key: unknown): Role | null =>
      key === undefined
        ? 'public'
        : key === keys.admin
          ? 'admin'
          : key === keys.chair
            ? 'chair'
            : key === keys.door
              ? 'door'
              : null;
    const one = async (auth: unknown) => {
      const socket = openSocket('public', auth);
      const outcome = await new Promise<
        { connected: true } | { connected: false; data: unknown; message: string }
      >((resolve) => {
        // Socket.IO drops a handshake that is not an object without a word: wait less for those.
        const timer = setTimeout(
          () => resolve({ connected: false, data: undefined, message: 'timeout' }),
          isObject(received(auth)) ? 10_000 : 1_000,
        );
        socket.once('connect', () => {
          clearTimeout(timer);
          resolve({ connected: true });
        });
        socket.once('connect_error', (error: Error & { data?: unknown }) => {
          clearTimeout(timer);
          resolve({ connected: false, data: error.data, message: error.message });
        });
      });
      try {
        const sent = received(auth);
        if (outcome.connected) {
          count('handshake:accepted');
          const reply = (await socket.timeout(5_000).emitWithAck('sync', { epoch: null, seq: 0 })) as Reply;
          // No auth object at all is no key: the public.
          const expected = isObject(sent) ? roleOfKey(sent.key) : 'public';
          if (reply.ok !== true || reply.role !== expected)
            fail(`handshake: let in as ${String(reply.role)}, expected ${String(expected)}`, short(auth));
          return;
        }
        const data = outcome.data as { code?: unknown } | undefined;
        // Over the socket's message size: the server closes the connection unread. Right.
        if (sizeOf(sent) > MAX_MESSAGE_BYTES * 0.9) {
          count('handshake:too large, closed');
          return;
        }
        count(`handshake:${String(data?.code ?? outcome.message)}`);
        if (!isObject(sent)) return; // Socket.IO itself refuses a handshake that is not an object.
        if (outcome.message === 'timeout') return fail('handshake: no answer', short(auth));
        if (typeof data?.code !== 'string' || !Object.hasOwn(ERROR_CODES, data.code))
          return fail('handshake: refused without a code', short({ auth, outcome }));
        if (data.code === 'internal' || data.code === 'unavailable')
          fail(`handshake: refused with ${data.code}`, short(auth));
        if (roleOfKey(sent.key) !== null && sent.code === code && sent.v === PROTOCOL_VERSION)
          fail(`handshake: a right key refused (${data.code})`, short(auth));
      } finally {
        socket.disconnect();
      }
    };
    for (let i = 0; i < auths.length; i += 12) await Promise.all(auths.slice(i, i + 12).map(one));
  }
  ms.handshakes = Date.now() - started;
  log(`handshakes: ${runs.handshakes} in ${ms.handshakes} ms`);

  // --- Afterwards: the server is up, every view is what it holds, the journal rebuilds it.
  started = Date.now();
  for (const { socket } of senders.values()) socket.disconnect();
  const health = await fetch(`${url}/healthz`);
  if (health.status !== 200) fail('after: /healthz', String(health.status));
  room = await roomNow();
  const final = room.committed;
  const problems = countProblems(final);
  if (problems.length > 0) fail('after: counts unsound', problems.join('; '));
  for (const file of [
    'turnout.csv',
    'attendees.csv',
    'registrants.csv',
    'responses.csv',
    'setup.json',
    'record.json',
  ]) {
    const response = await fetch(`${url}/api/assemblies/${code}/export/${file}`, {
      headers: { authorization: `Bearer ${keys.admin}` },
    });
    await response.arrayBuffer();
    if (response.status !== 200) fail(`after: export ${file} answers ${response.status}`, '');
  }
  for (const [role, observer] of observers) {
    try {
      await waitFor(() => observer.seq === room.committedSeq, 15_000, `${role} observer to catch up`);
    } catch {
      fail(`after: the ${role} observer is at seq ${observer.seq}, the server at ${room.committedSeq}`, '');
      continue;
    }
    const audience = audienceOf(role);
    const mirrored = audience === 'full' ? observer.state : withoutUndo(observer.state);
    if (canonicalJson(mirrored) !== canonicalJson(stateFor(audience, final)))
      fail(`after: the ${role} mirror differs from the server's ${audience} view`, '');
  }
  for (const role of ['public', 'door', 'chair', 'admin'] as const) {
    const fresh = new MirrorClient(url, { code, key: keyOf(role) }, { reconnection: false });
    try {
      await fresh.ready();
      if (canonicalJson(fresh.state) !== canonicalJson(stateFor(audienceOf(role), final)))
        fail(`after: a fresh ${role} snapshot differs from the server's view`, '');
    } catch (error) {
      fail(`after: a fresh ${role} client cannot sync`, String(error));
    } finally {
      fresh.close();
    }
  }
  const journal = await app.host.journal(code);
  const rebuilt = evolveAll(
    emptyAssembly(code),
    journal.map((entry) => entry.event),
  );
  if (journal.at(-1)?.seq !== room.committedSeq) fail('after: the journal ends before the committed seq', '');
  if (canonicalJson(rebuilt) !== canonicalJson(final))
    fail('after: the journal does not rebuild the assembly', '');
  for (const [, observer] of observers) observer.close();
  ms.after = Date.now() - started;
  log(
    `after: ${valuesOf(final.attendance.checkIns).length} check-ins, ${final.attendance.registrants.length} registrants, seq ${room.committedSeq}`,
  );

  return {
    seed,
    failures: [...failures].map(([signature, { example, count: n }]) => `${signature} (x${n}): ${example}`),
    outcomes,
    ms,
  };
}
