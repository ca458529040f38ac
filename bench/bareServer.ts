import { createServer } from 'node:http';
import { Server } from 'socket.io';

// The floor: Socket.IO 4.8 with the websocket transport and no application at all. It
// receives one event and broadcasts a payload as big as the project's update to one room,
// then acks with the round, as the project acks a command with its seq. The room is the code
// the socket gave in its handshake, as the project's room is its assembly's, so the floor can
// hold many assemblies' rooms on one process too (the many-assemblies phase); a socket with
// no code joins the one default room.

const port = Number(process.env.PORT ?? 0);
const payloadBytes = Number(process.env.PAYLOAD_BYTES ?? 120);

// The health check is the only route; Socket.IO takes its own path before this sees it.
const http = createServer((req, res) => {
  res.writeHead(req.url === '/healthz' ? 200 : 404).end();
});
const io = new Server(http, { transports: ['websocket'], serveClient: false });

/** A batch shaped like the project's, padded to the same JSON length. */
function batchFor(round: number) {
  const base = { prevSeq: round - 1, seq: round, entries: [{ pad: '' }] };
  const missing = Math.max(0, payloadBytes - JSON.stringify(base).length);
  return { ...base, entries: [{ pad: 'x'.repeat(missing) }] };
}

const DEFAULT_ROOM = 'public';
const roomOf = (auth: { code?: unknown }) =>
  typeof auth?.code === 'string' && auth.code !== '' ? auth.code : DEFAULT_ROOM;

io.on('connection', (socket) => {
  const room = roomOf(socket.handshake.auth);
  socket.join(room);
  socket.on('command', (command: { round?: unknown }, reply: unknown) => {
    const round = typeof command?.round === 'number' ? command.round : 0;
    io.to(room).emit('events', batchFor(round));
    if (typeof reply === 'function') reply({ ok: true, seq: round });
  });
});

http.listen(port, '127.0.0.1', () => {
  const address = http.address();
  console.log(`bare socket.io listening on ${typeof address === 'object' ? address?.port : address}`);
});
