import fs from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Server } from 'socket.io';

// The check-in storm's floor: Socket.IO 4.8 with the websocket transport, and a durable
// write before each ack as the project makes one. Every check-in is inserted as a journal
// row shaped like the project's (the event as JSON), the inserts arriving in one turn of the
// event loop share one transaction, and SQLite runs in WAL mode with synchronous=FULL, so an
// ack means the row is on disk. No validation, no domain, no broadcast: what is left is the
// least a durable check-in can cost on this machine.

const port = Number(process.env.PORT ?? 0);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assembly-live-floor-'));
const db = new Database(path.join(dataDir, 'floor.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(`CREATE TABLE journal (
  code TEXT NOT NULL, seq INTEGER NOT NULL, at INTEGER NOT NULL, actor TEXT NOT NULL,
  type TEXT NOT NULL, event TEXT NOT NULL, PRIMARY KEY (code, seq)
)`);
const insert = db.prepare(
  'INSERT INTO journal (code, seq, at, actor, type, event) VALUES (?, ?, ?, ?, ?, ?)',
);

type Ack = (reply: { ok: boolean; seq?: number; code?: string }) => void;
let seq = 0;
let pending: { event: string; ack: Ack }[] = [];
let scheduled = false;

const commit = db.transaction((batch: { event: string }[], firstSeq: number, at: number) => {
  for (const [i, entry] of batch.entries())
    insert.run('floor', firstSeq + i, at, 'door', 'checkedIn', entry.event);
});

function flush() {
  scheduled = false;
  const batch = pending;
  pending = [];
  const first = seq + 1;
  try {
    commit(batch, first, Date.now());
  } catch {
    for (const entry of batch) entry.ack({ ok: false, code: 'internal' });
    return;
  }
  seq += batch.length;
  for (const [i, entry] of batch.entries()) entry.ack({ ok: true, seq: first + i });
}

// The health check is the only route; Socket.IO takes its own path before this sees it.
const http = createServer((req, res) => {
  res.writeHead(req.url === '/healthz' ? 200 : 404).end();
});
const io = new Server(http, { transports: ['websocket'], serveClient: false });

io.on('connection', (socket) => {
  socket.on('command', (command: unknown, ack: unknown) => {
    if (typeof ack !== 'function') return;
    pending.push({ event: JSON.stringify({ type: 'checkedIn', checkIn: command }), ack: ack as Ack });
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  });
});

process.on('exit', () => {
  db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});
process.on('SIGTERM', () => process.exit(0));

http.listen(port, '127.0.0.1', 8192, () => {
  const address = http.address();
  console.log(`check-in floor listening on ${typeof address === 'object' ? address?.port : address}`);
});
