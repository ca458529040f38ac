import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import { AUDIENCES, type Audience, audienceOf } from '../../shared/domain/views';
import { ERROR_CODES, type ErrorCode, failure } from '../../shared/protocol/errors';
import { type Role, STAFF_ROLES } from '../../shared/protocol/roles';
import type { ServerReadiness } from '../../shared/protocol/serverReadiness';
import {
  type ClientToServer,
  type ConnectRefusal,
  handshakeSchema,
  type ServerToClient,
  type SyncReply,
  syncRequestSchema,
} from '../../shared/protocol/socket';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';
import type { AssemblyHost } from '../assemblies/assemblyHost';
import type { AssemblyRoom } from '../assemblies/assemblyRoom';
import { roleForKey } from '../assemblies/keys';
import type { Logger } from '../logger';
import { type ReadinessOptions, readinessChecks } from '../readinessChecks';
import { Broadcaster } from './broadcaster';
import { type HeldPresence, type NodePresence, PresenceBoard } from './presenceBoard';
import { RoomDelivery } from './roomDelivery';

interface SocketData {
  room: AssemblyRoom;
  role: Role;
  publicUrl: string;
  /** Where it came from, by the same rule as HTTP's (clientAddress.ts). */
  address: string;
  /** What this screen, door or phone last said about itself (presenceBoard.ts). */
  presence?: HeldPresence;
}

/** Between nodes: each answers for its own sockets' presence. */
interface InterServer {
  presence: (code: string, reply: (answer: NodePresence) => void) => void;
}

export type AssemblyServer = Server<ClientToServer, ServerToClient, InterServer, SocketData>;
type AssemblySocket = Socket<ClientToServer, ServerToClient, InterServer, SocketData>;

/** One Socket.IO room per assembly and audience: a broadcast is projected once, not per socket. */
const roomFor = (code: string, audience: Audience) => `${code}:${audience}`;
/** Every socket also joins one room per role, so a regenerated key can close its sessions. */
const roleRoom = (code: string, role: Role) => `${code}:role:${role}`;

/**
 * Socket.IO's cap on one message; anything bigger closes that client's connection. Every
 * socket command is small (the largest, a follow-up's 2,000-character note, is under 13 KB
 * even escaped): the organiser's large imports and setup saves go over HTTP, after the key.
 */
export const MAX_MESSAGE_BYTES = 64 * 1024;
/**
 * What one socket may have waiting to be written before it is closed: a client that stops
 * reading must not make the server hold its broadcasts (or its syncs) without end. A closed
 * client that comes back resyncs.
 */
const MAX_UNSENT_BYTES = 8 * 1024 * 1024;
const MAX_UNSENT_PACKETS = 2_000;
const PACKETS_IN_PASSING = 50;
/** A sync is answered only once the last one's reply has left: one snapshot waiting at most. */
const SYNC_WAITING_BYTES = 64 * 1024;
const SWEEP_MS = 5_000;
/** Presence changes are told to the organiser and chair at most this often per assembly. */
const CHANGED_EVERY_MS = 500;

function refusal(code: ErrorCode, message: string = ERROR_CODES[code]): Error {
  const error = new Error(message) as Error & { data: ConnectRefusal };
  error.data = { code, message };
  return error;
}

export interface SocketDeps {
  host: AssemblyHost;
  logger: Logger;
  publicUrl: (hostHeader: string | undefined, forwardedProto: string | undefined) => string;
  /** The client's address, by the same rule as HTTP's (clientAddress.ts). */
  addressOf: (request: IncomingMessage) => string;
  /** Socket.IO's Redis Streams adapter when several nodes serve the same assemblies. */
  adapter?: ServerOptions['adapter'];
  /** What the server checks of itself before the night (readinessChecks.ts). */
  readiness: ReadinessOptions;
}

export function attachSockets(
  httpServer: HttpServer,
  { host, logger, publicUrl, addressOf, adapter, readiness }: SocketDeps,
): AssemblyServer {
  const io: AssemblyServer = new Server(httpServer, {
    ...(adapter ? { adapter } : {}),
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    pingInterval: 10_000,
    pingTimeout: 20_000,
    serveClient: false,
  });

  // With nodes sharing a journal, each streams all of it to its own clients (in seq order,
  // coalesced and paced here), so the journal's batches never cross Redis.
  const stream = host.sharesJournal ? io.local : io;
  const delivery = new RoomDelivery({
    membersOf: (room) => io.sockets.adapter.rooms.get(room),
    emit: (to, batch) => stream.to(to).emit('events', batch),
  });
  const broadcaster = new Broadcaster(
    (code, audience, batch, paced) => delivery.deliver(roomFor(code, audience), batch, paced),
    undefined,
    undefined,
    (code) => io.sockets.adapter.rooms.get(roomFor(code, 'public'))?.size ?? 0,
  );
  host.publish = (room, batch) => broadcaster.publish(room, batch);
  // Told why first, then closed. Both go through the adapter in order, so with several nodes
  // (Redis) the sessions on every node hear the reason before they are closed.
  host.disconnectRole = (code, role) => {
    io.to(roleRoom(code, role)).emit('keyReplaced');
    io.in(roleRoom(code, role)).disconnectSockets(true);
  };
  // An idle assembly is let go only while no client of this node is connected to it.
  host.watched = (code) =>
    [...STAFF_ROLES, 'public' as const].some(
      (role) => (io.sockets.adapter.rooms.get(roleRoom(code, role))?.size ?? 0) > 0,
    );
  // What is held back for an assembly's rooms (paced batches) goes: it was let go, or broke.
  const forget = (code: string) => {
    broadcaster.drop(code);
    for (const audience of AUDIENCES) delivery.drop(roomFor(code, audience));
  };
  host.evicted = forget;
  host.resync = (code) => {
    forget(code);
    io.to(AUDIENCES.map((audience) => roomFor(code, audience))).emit('resync');
  };

  io.use(async (socket, next) => {
    try {
      const auth = handshakeSchema.safeParse(socket.handshake.auth);
      if (!auth.success) return next(refusal('protocol_mismatch'));
      if (auth.data.v !== PROTOCOL_VERSION) return next(refusal('protocol_mismatch'));
      const room = await host.room(auth.data.code);
      if (!room) return next(refusal('unknown_assembly'));
      const address = addressOf(socket.request);
      const role = await host.roleFor(room, auth.data.key, address);
      if (!role.ok) return next(refusal(role.code, role.message));
      const headers = socket.handshake.headers;
      socket.data = {
        room,
        role: role.role,
        publicUrl: publicUrl(headers.host, headers['x-forwarded-proto'] as string | undefined),
        address,
      };
      next();
    } catch (error) {
      logger.error({ err: error }, 'handshake failed');
      next(refusal('unavailable'));
    }
  });

  const board = presenceBoardFor(io, Boolean(adapter), logger);
  const serverReadiness = readinessChecks(readiness);
  io.on('connection', (socket) => onConnection(socket, host, logger, { board, serverReadiness }));
  // Clients that stopped reading are let go, so their unsent messages do not pile up.
  const sweep = setInterval(() => {
    for (const socket of io.of('/').sockets.values()) {
      if (unsent(socket).stalled) {
        logger.warn(
          { code: socket.data.room?.code, role: socket.data.role },
          'socket stopped reading; closed',
        );
        socket.disconnect(true);
      }
    }
  }, SWEEP_MS);
  sweep.unref();
  httpServer.on('close', () => clearInterval(sweep));
  return io;
}

/** Presence across nodes: this node's sockets at once, the others' over the adapter. */
function presenceBoardFor(io: AssemblyServer, clustered: boolean, logger: Logger): PresenceBoard {
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const board = new PresenceBoard({
    now: Date.now,
    localHeld: (room) =>
      [...(io.sockets.adapter.rooms.get(room) ?? [])].map((id) => io.sockets.sockets.get(id)?.data.presence),
    otherNodes: async (code) => {
      if (!clustered) return { answers: [], missing: 0 };
      try {
        return { answers: await io.serverSideEmitWithAck('presence', code), missing: 0 };
      } catch (error) {
        // A node did not answer within the adapter's timeout (5 s): list those that did.
        return { answers: (error as { responses?: unknown[] }).responses ?? [], missing: 1 };
      }
    },
    countIn: async (room) => (await io.in(room).fetchSockets()).length,
    flash: (room, flash) => io.to(room).emit('flash', flash),
    // Coalesced: a screen reloading, or a script opening many, is one nudge a moment.
    changed: (code) => {
      if (pending.has(code)) return;
      const timer = setTimeout(() => {
        pending.delete(code);
        io.to([roleRoom(code, 'admin'), roleRoom(code, 'chair')]).emit('presenceChanged');
      }, CHANGED_EVERY_MS);
      timer.unref();
      pending.set(code, timer);
    },
  });
  if (clustered) {
    io.on('presence', (code, reply) => {
      try {
        if (typeof code === 'string' && typeof reply === 'function') reply(board.here(code));
      } catch (error) {
        logger.warn({ err: error }, 'presence for another node failed');
      }
    });
  }
  return board;
}

// Acks come from untrusted clients too: a raw client may send no callback at all.
const isFunction = (value: unknown): value is (answer: unknown) => void => typeof value === 'function';

/** What is waiting to be written to a socket: in Engine.IO's buffer, and in the WebSocket's. */
function unsent(socket: AssemblySocket): { bytes: number; stalled: boolean } {
  const conn = socket.conn as unknown as {
    writeBuffer?: unknown[];
    transport?: { writable?: boolean; socket?: { bufferedAmount?: number } };
  };
  // A few packets wait between two writes (or two long-polls) all the time; many do not.
  const packets = conn.writeBuffer?.length ?? 0;
  const bytes = conn.transport?.socket?.bufferedAmount ?? 0;
  return {
    bytes: bytes + (packets > PACKETS_IN_PASSING ? SYNC_WAITING_BYTES : 0),
    stalled: packets > MAX_UNSENT_PACKETS || bytes > MAX_UNSENT_BYTES,
  };
}

/**
 * What a client sent and how to answer it. Socket.IO puts the ack last, however many
 * arguments came before it: a raw client may send none, one or several.
 */
function ackOf(args: unknown[]): { payload: unknown; reply: ((answer: unknown) => void) | null } {
  const last = args.at(-1);
  return isFunction(last)
    ? { payload: args.length > 1 ? args[0] : undefined, reply: last }
    : { payload: args[0], reply: null };
}

const tooMany = (what: string) =>
  failure('rate_limited', `Too many ${what} from this connection. Wait a little.`);

interface Readiness {
  board: PresenceBoard;
  serverReadiness: (publicUrl: string) => Promise<ServerReadiness>;
}

function onConnection(
  socket: AssemblySocket,
  host: AssemblyHost,
  logger: Logger,
  { board, serverReadiness }: Readiness,
): void {
  const { role, address } = socket.data;
  const code = socket.data.room.code;
  const { limits } = host;
  socket.join(roleRoom(code, role));
  // A key regenerated while this socket was being let in: it missed the disconnect, so check again.
  const key = (socket.handshake.auth as { key?: string }).key;
  if (role !== 'public' && (!key || roleForKey(socket.data.room.record.keyHashes, key) !== role)) {
    socket.emit('keyReplaced');
    socket.disconnect(true);
    return;
  }

  // Every message counts against the socket's allowance, whatever it is and before it is
  // looked at: past it, each is refused (answered only if it asked for an answer), and a
  // socket that keeps going at twice the allowance is closed.
  const events = role === 'public' ? limits.eventsPerPublicSocket : limits.eventsPerStaffSocket;
  socket.use((packet, next) => {
    void events.count(socket.id).then((used) => {
      if (used <= events.allowance.points) return next();
      if (used > 2 * events.allowance.points) {
        if (socket.connected) {
          logger.warn({ code, role, address }, 'socket flooding; closed');
          // New connections from here wait a moment before checking anyone in (rateLimits.ts).
          if (role === 'public') void limits.floodedAddresses.take(address);
        }
        socket.disconnect(true);
        return;
      }
      const reply = packet.at(-1);
      if (isFunction(reply)) reply(tooMany('messages'));
    });
  });
  socket.on('disconnect', () => {
    events.forget(socket.id);
    limits.syncsPerSocket.forget(socket.id);
    limits.checkInsPerPhone.forget(socket.id);
    limits.cardsPerPhone.forget(socket.id);
    limits.presenceListsPerSocket.forget(socket.id);
    limits.flashesPerSocket.forget(socket.id);
    limits.serverReadinessPerSocket.forget(socket.id);
    board.left(socket);
  });

  // The room object is re-fetched per message: after a storage failure the host reloads it.
  const currentRoom = async () => (await host.room(code)) ?? socket.data.room;

  // The whole assembly, or what this page missed, then the live stream: joined and answered
  // in one synchronous step, so no committed batch can fall between them.
  const answerSync = async (request: unknown, send: (reply: SyncReply) => void) => {
    try {
      const parsed = syncRequestSchema.safeParse(request);
      if (!parsed.success) return send(failure('invalid_body', 'sync needs {epoch, seq}'));
      // Each sync may be the whole assembly: one waiting to leave at a time, a few a minute.
      if (unsent(socket).bytes >= SYNC_WAITING_BYTES) return send(tooMany('syncs'));
      if (!(await limits.syncsPerSocket.take(socket.id))) return send(tooMany('syncs'));
      // With a shared store, caught up first: another node may have moved the assembly on.
      const room = (await host.currentRoom(code)) ?? socket.data.room;
      socket.join(roomFor(code, audienceOf(role)));
      send(host.sync(room, role, parsed.data, socket.data.publicUrl));
    } catch (error) {
      logger.error({ err: error, code }, 'sync failed');
      send(failure('internal'));
    }
  };

  socket.on('sync', (...args: unknown[]) => {
    const { payload, reply } = ackOf(args);
    if (reply) void answerSync(payload, reply);
  });
  // A page that said in its handshake what it last saw is answered at once, without asking:
  // on a slow venue link that is a round trip sooner to the check-in form.
  const handshakeSync = (socket.handshake.auth as { sync?: unknown }).sync;
  if (handshakeSync !== undefined) void answerSync(handshakeSync, (reply) => socket.emit('synced', reply));

  socket.on('command', async (...args: unknown[]) => {
    const { payload: command, reply } = ackOf(args);
    const answer = reply ?? (() => {});
    try {
      answer(
        await host.execute(await currentRoom(), role, command, {
          address,
          connection: socket.id,
          connectedAt: socket.handshake.issued,
        }),
      );
    } catch (error) {
      logger.error({ err: error, code }, 'command failed');
      answer(failure('internal'));
    }
  });

  socket.on('clock', (...args: unknown[]) => {
    ackOf(args).reply?.(Date.now());
  });

  // Presence (presenceBoard.ts): who is connected now. Never journalled.
  socket.on('presence', (...args: unknown[]) => {
    const { payload, reply } = ackOf(args);
    const answer = board.report(socket, payload);
    reply?.(answer);
  });
  /** Staff asks that cost a little each (a look across nodes, a disk check): limited per socket. */
  const limited =
    (
      limit: 'presenceListsPerSocket' | 'serverReadinessPerSocket',
      what: string,
      run: (payload: unknown) => Promise<unknown>,
    ) =>
    (...args: unknown[]) => {
      const { payload, reply } = ackOf(args);
      if (!reply) return;
      void (async () => {
        try {
          if (!(await limits[limit].take(socket.id))) return reply(tooMany(what));
          reply(await run(payload));
        } catch (error) {
          logger.error({ err: error, code }, `${what} failed`);
          reply(failure('internal'));
        }
      })();
    };
  socket.on(
    'presenceList',
    limited('presenceListsPerSocket', 'presence lists', () => board.list(role, code)),
  );
  socket.on('flashScreen', (...args: unknown[]) => {
    const { payload, reply } = ackOf(args);
    if (!reply) return;
    board
      .flash(role, code, payload, () => limits.flashesPerSocket.take(socket.id))
      .then(reply, (error) => {
        logger.error({ err: error, code }, 'flash failed');
        reply(failure('internal'));
      });
  });
  socket.on(
    'serverReadiness',
    limited('serverReadinessPerSocket', 'readiness checks', async () =>
      role === 'admin' || role === 'chair'
        ? { ok: true, readiness: await serverReadiness(socket.data.publicUrl) }
        : failure('forbidden', 'Only the organiser and the chair see the readiness checks.'),
    ),
  );
}
