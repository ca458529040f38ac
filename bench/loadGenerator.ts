import { randomUUID } from 'node:crypto';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { applyEntries, applyInOrder, type Mirror } from '../client/src/connection/stream';
import { stateFor } from '../shared/domain/views';
import { TURNOUT_EVENTS } from '../shared/protocol/events';
import type { CommandReply, EventBatch, SyncReply } from '../shared/protocol/socket';
import { PROTOCOL_VERSION } from '../shared/protocol/version';
import { canonicalJson } from './canonicalJson';
import {
  type Answer,
  type DoorResult,
  type DoorRun,
  type Envelope,
  perTag,
  type Receipts,
  type Tag,
  type Target,
  tagOf,
} from './generatorProtocol';
import { mostInWindow, wallNow } from './stats';

// One load-generator process: phones, a chair and door devices, driven by run.ts over IPC.
// Phones behave as the browser's connection does (sync with epoch + seq, apply batches,
// resync on a gap, the same reconnect backoff), but the receipt time is taken first thing
// and the state is applied after the turn, so measuring one phone does not delay the next.

const CONNECT_BATCH = 250;
const SYNC_TIMEOUT_MS = 20_000;
const ACK_TIMEOUT_MS = 20_000;
/** The demo assembly's member institutions (examples/demo-assembly.json), which the bench imports. */
const INSTITUTIONS = [
  'st-marys',
  'al-noor',
  'riverside-primary',
  'oakfield-academy',
  'unison-riverside',
  'beth-shalom',
  'gurdwara',
  'riverside-college',
  'st-josephs',
  'new-life',
  'tenants-union',
  'refugee-welcome',
];

const isTurnout = (type: string) => type === 'turnoutTallied' || TURNOUT_EVENTS.has(type as never);

/** Receipt times per `${tag}:${seq}`, while a fan-out is timed. */
let recordingReceipts: Map<string, number[]> | null = null;
const payloadBytes: Record<Tag, number> = perTag(() => 0);
const receiptKey = (tag: Tag, seq: number) => `${tag}:${seq}`;
let recordingTurnout = false;

const toApply: [Phone, EventBatch][] = [];
let applyScheduled = false;
/**
 * Phones apply batches after the turn; while a fan-out round is timed, only once the round
 * has reached every phone of this process: applying the first phones' batches in between
 * the reads would delay the last phones' receipts, a cost the bare floor's phones never pay.
 */
function applyLater(phone: Phone, batch: EventBatch) {
  toApply.push([phone, batch]);
  const received = recordingReceipts?.get(receiptKey(phone.tag, batch.seq))?.length;
  if (received !== undefined && received < phoneCount[phone.tag]) return;
  applySoon();
}
function applySoon() {
  if (applyScheduled) return;
  applyScheduled = true;
  setImmediate(() => {
    applyScheduled = false;
    for (const [p, b] of toApply.splice(0)) p.apply(b);
  });
}

class Phone {
  readonly socket: Socket;
  readonly tag: Tag;
  epoch: string | null = null;
  mirror: Mirror | null = null;
  turnoutTimes: number[] = [];
  private syncing = false;

  constructor(
    target: Target,
    auth: { key?: string } = {},
    options: { reconnection: boolean } = { reconnection: true },
  ) {
    this.tag = tagOf(target);
    this.socket = connectSocket(target.url, {
      auth: { v: PROTOCOL_VERSION, code: target.code, ...auth },
      transports: ['websocket'],
      forceNew: true,
      // As the browser's connection (client/src/connection/assemblyConnection.ts).
      reconnection: options.reconnection,
      reconnectionDelay: 500,
      reconnectionDelayMax: 2_000,
      randomizationFactor: 0.5,
    });
    if (!target.bare) this.socket.on('connect', () => void this.sync());
    this.socket.on('events', (batch: EventBatch) => {
      const at = wallNow();
      if (recordingReceipts) {
        const key = receiptKey(this.tag, batch.seq);
        let times = recordingReceipts.get(key);
        if (!times) {
          times = [];
          recordingReceipts.set(key, times);
          payloadBytes[this.tag] = JSON.stringify(batch).length;
        }
        times.push(at);
      }
      if (recordingTurnout && batch.entries.some((entry) => isTurnout(entry.event?.type))) {
        this.turnoutTimes.push(at);
      }
      if (!target.bare) applyLater(this, batch);
    });
  }

  get ready(): boolean {
    return this.socket.connected && (this.mirror !== null || this.epoch === 'bare');
  }

  apply(batch: EventBatch) {
    if (!this.mirror || this.syncing) return;
    const ordered = applyInOrder(this.mirror, [], batch);
    this.mirror = ordered.mirror;
    // A gap on one node's ordered stream is a fault to count, not to wait out: sync now.
    if (ordered.early.length > 0) void this.sync();
  }

  async sync(): Promise<void> {
    if (this.syncing) return;
    this.syncing = true;
    try {
      const reply: SyncReply = await this.socket
        .timeout(SYNC_TIMEOUT_MS)
        .emitWithAck('sync', { epoch: this.epoch, seq: this.mirror?.seq ?? 0 });
      if (!reply.ok) return;
      if (reply.kind === 'snapshot') this.mirror = { seq: reply.seq, state: reply.state };
      else if (this.mirror) this.mirror = applyEntries(this.mirror, reply.entries);
      this.epoch = reply.epoch;
    } catch {
      // Timed out or disconnected: the next connect syncs again.
    } finally {
      this.syncing = false;
    }
  }

  close() {
    this.socket.disconnect();
  }
}

let phones: Phone[] = [];
const phonesOf = (tag: Tag) => phones.filter((phone) => phone.tag === tag);
/** Kept as phones come and go: counting them per received batch would cost the generator N². */
const phoneCount: Record<Tag, number> = perTag(() => 0);
const chairs = new Map<Tag, Socket>();
let doorsStopped = false;

async function waitUntil(check: () => boolean, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function connectPhones(target: Target & { count: number }) {
  for (let made = 0; made < target.count; made += CONNECT_BATCH) {
    const batch: Phone[] = [];
    for (let i = made; i < Math.min(target.count, made + CONNECT_BATCH); i++) {
      const phone = new Phone(target);
      if (target.bare) phone.epoch = 'bare';
      batch.push(phone);
    }
    phones.push(...batch);
    phoneCount[tagOf(target)] += batch.length;
    await waitUntil(() => batch.every((phone) => phone.ready), 60_000, 'phones to connect and sync');
  }
  return phones.length;
}

async function openChair(target: Target & { key: string }) {
  const socket = connectSocket(target.url, {
    auth: { v: PROTOCOL_VERSION, code: target.code, key: target.key },
    transports: ['websocket'],
    forceNew: true,
  });
  await waitUntil(() => socket.connected, 30_000, 'the chair to connect');
  chairs.set(tagOf(target), socket);
  return true;
}

/** One chair action: start and pause the timer in turn, so every round is an update. */
async function chairPress(tag: Tag, round: number) {
  const chair = chairs.get(tag);
  if (!chair) throw new Error(`no chair for ${tag}`);
  const command = tag === 'bare' ? { round } : { type: round % 2 === 1 ? 'startTimer' : 'pauseTimer' };
  const sentAt = wallNow();
  const reply: CommandReply = await chair.timeout(ACK_TIMEOUT_MS).emitWithAck('command', command);
  if (!reply.ok) throw new Error(`chair refused: ${reply.code} ${reply.message}`);
  return { sentAt, seq: reply.seq, ackMs: wallNow() - sentAt };
}

const checkInFor = (label: string, n: number, device: string) => ({
  type: 'checkIn',
  checkInId: randomUUID(),
  name: `${label} attendee ${n}`,
  institutionId: INSTITUTIONS[n % INSTITUTIONS.length],
  device,
});

/** Door devices checking people in, closed loop (as fast as acks return) or at an offered rate. */
async function runDoors(run: DoorRun): Promise<DoorResult> {
  doorsStopped = false;
  const sockets = Array.from({ length: run.doors }, () =>
    connectSocket(run.url, {
      auth: { v: PROTOCOL_VERSION, code: run.code, key: run.key },
      transports: ['websocket'],
      forceNew: true,
      // A door whose server died stops here: nothing is queued to replay on a new server.
      reconnection: false,
    }),
  );
  await waitUntil(() => sockets.every((s) => s.connected), 30_000, 'doors to connect');
  const result: DoorResult = { acked: 0, failed: 0, ackMs: [], ackedIds: [], elapsedMs: 0 };
  let sent = 0;
  let inFlight = 0;
  const started = wallNow();
  const send = (socket: Socket): Promise<void> => {
    const command = checkInFor(run.label, sent, `Door ${sockets.indexOf(socket) + 1}`);
    sent++;
    inFlight++;
    const at = wallNow();
    return socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('command', command)
      .then(
        (reply: CommandReply) => {
          if (reply.ok) {
            result.acked++;
            result.ackMs.push(wallNow() - at);
            result.ackedIds.push(command.checkInId);
          } else result.failed++;
        },
        () => {
          result.failed++;
        },
      )
      .finally(() => {
        inFlight--;
      });
  };
  const alive = () => !doorsStopped && sockets.some((s) => s.connected);

  if (run.perSecond !== undefined) {
    const duration = run.durationMs ?? 10_000;
    const pending: Promise<void>[] = [];
    const tickMs = 10;
    while (wallNow() - started < duration && alive()) {
      const due = Math.floor(((wallNow() - started) / 1000) * run.perSecond);
      while (sent < due) pending.push(send(sockets[sent % sockets.length]!));
      await new Promise((resolve) => setTimeout(resolve, tickMs));
    }
    await Promise.all(pending);
  } else {
    const target = run.target ?? Number.POSITIVE_INFINITY;
    await Promise.all(
      sockets.map(async (socket) => {
        const lanes = Array.from({ length: run.window }, async () => {
          while (result.acked + inFlight < target && socket.connected && !doorsStopped) await send(socket);
        });
        await Promise.all(lanes);
      }),
    );
  }
  result.elapsedMs = wallNow() - started;
  for (const socket of sockets) socket.disconnect();
  return result;
}

async function handle(request: Envelope): Promise<unknown> {
  switch (request.op) {
    case 'connectPhones':
      return connectPhones(request);
    case 'closePhones':
      for (const phone of phonesOf(request.tag)) phone.close();
      phones = phones.filter((phone) => phone.tag !== request.tag);
      phoneCount[request.tag] = 0;
      chairs.get(request.tag)?.disconnect();
      chairs.delete(request.tag);
      return true;
    case 'openChair':
      return openChair(request);
    case 'chairPress':
      return chairPress(request.tag, request.round);
    case 'recordReceipts':
      recordingReceipts = new Map();
      return true;
    case 'receivedCount':
      return recordingReceipts?.get(receiptKey(request.tag, request.seq))?.length ?? 0;
    case 'receipts': {
      const receipts: Receipts = { byKey: [...(recordingReceipts ?? new Map())], payloadBytes };
      recordingReceipts = null;
      applySoon();
      return receipts;
    }
    case 'recordTurnout':
      recordingTurnout = true;
      for (const phone of phonesOf('project')) phone.turnoutTimes = [];
      return true;
    case 'turnoutPeak': {
      recordingTurnout = false;
      let peak = 0;
      let total = 0;
      const project = phonesOf('project');
      for (const phone of project) {
        peak = Math.max(peak, mostInWindow(phone.turnoutTimes, 1000));
        total += phone.turnoutTimes.length;
      }
      return { peak, meanPerPhone: project.length ? total / project.length : 0 };
    }
    case 'doors':
      return runDoors(request);
    case 'stopDoors':
      doorsStopped = true;
      return true;
    case 'resynced':
      return phonesOf('project').filter(
        (phone) =>
          phone.socket.connected && phone.epoch === request.epoch && phone.mirror?.seq === request.seq,
      ).length;
    case 'statesMatching': {
      // The server's public snapshot leaves out the chair's undo stack, which a phone's mirror
      // grows from the live events it applies: compare what the public sees.
      const expected = canonicalJson(request.state);
      const seen = (phone: Phone) => phone.mirror && canonicalJson(stateFor('public', phone.mirror.state));
      const project = phonesOf('project');
      const matching = project.filter((phone) => seen(phone) === expected);
      const other = project.find((phone) => !matching.includes(phone));
      if (other) {
        const got = seen(other) || 'no state';
        let i = 0;
        while (i < got.length && got[i] === expected[i]) i++;
        console.error(
          `state differs: server ...${expected.slice(i - 100, i + 100)}\n phone ...${got.slice(i - 100, i + 100)}`,
        );
      }
      return matching.length;
    }
    default:
      return request satisfies never;
  }
}

process.on('message', (request: Envelope) => {
  handle(request).then(
    (result) => process.send?.({ id: request.id, result } satisfies Answer),
    (error: unknown) =>
      process.send?.({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
