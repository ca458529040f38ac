import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import { AUDIENCES, type Audience, audienceOf } from '../../shared/domain/views';
import { ERROR_CODES, type ErrorCode, failure } from '../../shared/protocol/errors';
import type { Role } from '../../shared/protocol/roles';
import {
  type ClientToServer,
  type ConnectRefusal,
  handshakeSchema,
  type ServerToClient,
  syncRequestSchema,
} from '../../shared/protocol/socket';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';
import type { AssemblyHost } from '../assemblies/assemblyHost';
import type { AssemblyRoom } from '../assemblies/assemblyRoom';
import { roleForKey } from '../assemblies/keys';
import { clientAddress } from '../http/clientAddress';
import type { Logger } from '../logger';
import { Broadcaster } from './broadcaster';
import { RoomDelivery } from './roomDelivery';

interface SocketData {
  room: AssemblyRoom;
  role: Role;
  publicUrl: string;
}

export type AssemblyServer = Server<ClientToServer, ServerToClient, Record<string, never>, SocketData>;
type AssemblySocket = Socket<ClientToServer, ServerToClient, Record<string, never>, SocketData>;

/** One Socket.IO room per assembly and audience: a broadcast is projected once, not per socket. */
const roomFor = (code: string, audience: Audience) => `${code}:${audience}`;
/** Every socket also joins one room per role, so a regenerated key can close its sessions. */
const roleRoom = (code: string, role: Role) => `${code}:role:${role}`;

/** Socket.IO's cap on one message; anything bigger closes that client's connection. */
export const MAX_MESSAGE_BYTES = 1_000_000;

function refusal(code: ErrorCode, message: string = ERROR_CODES[code]): Error {
  const error = new Error(message) as Error & { data: ConnectRefusal };
  error.data = { code, message };
  return error;
}

export interface SocketDeps {
  host: AssemblyHost;
  logger: Logger;
  publicUrl: (hostHeader: string | undefined, forwardedProto: string | undefined) => string;
  /** Socket.IO's Redis Streams adapter when several nodes serve the same assemblies. */
  adapter?: ServerOptions['adapter'];
}

export function attachSockets(
  httpServer: HttpServer,
  { host, logger, publicUrl, adapter }: SocketDeps,
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
  host.resync = (code) => {
    broadcaster.drop(code);
    for (const audience of AUDIENCES) delivery.drop(roomFor(code, audience));
    io.to(AUDIENCES.map((audience) => roomFor(code, audience))).emit('resync');
  };

  io.use(async (socket, next) => {
    try {
      const auth = handshakeSchema.safeParse(socket.handshake.auth);
      if (!auth.success) return next(refusal('protocol_mismatch'));
      if (auth.data.v !== PROTOCOL_VERSION) return next(refusal('protocol_mismatch'));
      const room = await host.room(auth.data.code);
      if (!room) return next(refusal('unknown_assembly'));
      const address = clientAddress(socket.handshake.address, socket.handshake.headers['x-forwarded-for']);
      const role = await host.roleFor(room, auth.data.key, address);
      if (!role.ok) return next(refusal(role.code, role.message));
      const headers = socket.handshake.headers;
      socket.data = {
        room,
        role: role.role,
        publicUrl: publicUrl(headers.host, headers['x-forwarded-proto'] as string | undefined),
      };
      next();
    } catch (error) {
      logger.error({ err: error }, 'handshake failed');
      next(refusal('unavailable'));
    }
  });

  io.on('connection', (socket) => onConnection(socket, host, logger));
  return io;
}

// Acks come from untrusted clients too: a raw client may send no callback at all.
const isFunction = (value: unknown): value is (answer: unknown) => void => typeof value === 'function';

function onConnection(socket: AssemblySocket, host: AssemblyHost, logger: Logger): void {
  const { role } = socket.data;
  const address = clientAddress(socket.handshake.address, socket.handshake.headers['x-forwarded-for']);
  const code = socket.data.room.code;
  socket.join(roleRoom(code, role));
  // A key regenerated while this socket was being let in: it missed the disconnect, so check again.
  const key = (socket.handshake.auth as { key?: string }).key;
  if (role !== 'public' && (!key || roleForKey(socket.data.room.record.keyHashes, key) !== role)) {
    socket.emit('keyReplaced');
    socket.disconnect(true);
    return;
  }

  // The room object is re-fetched per message: after a storage failure the host reloads it.
  const currentRoom = async () => (await host.room(code)) ?? socket.data.room;

  socket.on('sync', async (request: unknown, reply: unknown) => {
    if (!isFunction(reply)) return;
    try {
      const parsed = syncRequestSchema.safeParse(request);
      if (!parsed.success) return reply(failure('invalid_body', 'sync needs {epoch, seq}'));
      // With a shared store, caught up first: another node may have moved the assembly on.
      const room = (await host.currentRoom(code)) ?? socket.data.room;
      // Join and answer in one synchronous step: no committed batch can fall between them.
      socket.join(roomFor(code, audienceOf(role)));
      reply(host.sync(room, role, parsed.data, socket.data.publicUrl));
    } catch (error) {
      logger.error({ err: error, code }, 'sync failed');
      reply(failure('internal'));
    }
  });

  socket.on('command', async (command: unknown, reply: unknown) => {
    const answer = isFunction(reply) ? reply : () => {};
    try {
      answer(await host.execute(await currentRoom(), role, command, address));
    } catch (error) {
      logger.error({ err: error, code }, 'command failed');
      answer(failure('internal'));
    }
  });

  socket.on('clock', (reply: unknown) => {
    if (isFunction(reply)) reply(Date.now());
  });
}
