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
  type Comeback,
  type DoorResult,
  type DoorRun,
  type Envelope,
  type FloodResult,
  type FloodRun,
  type LastReceipt,
  perTag,
  type Receipts,
  type RoomPress,
  roomReceiptKey,
  type SteadyRun,
  type Tag,
  type Target,
  tagOf,
} from './generatorProtocol';
import { joinRush } from './rushPhones';
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
  // Phones in rooms (many assemblies at once) hold theirs until the orchestrator says every
  // room's round is in (`applyHeld`): counting per room here would cost more than it saves.
  if (phone.room !== undefined && recordingReceipts) return;
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
  readonly room: string | undefined;
  epoch: string | null = null;
  mirror: Mirror | null = null;
  turnoutTimes: number[] = [];
  private syncing = false;
  private syncedTimer: ReturnType<typeof setTimeout> | undefined;
  /** Since the last disconnect: reconnection attempts, and when it was back in and synced. */
  comeback: Comeback | null = null;

  constructor(
    target: Target,
    auth: { key?: string } = {},
    options: { reconnection: boolean } = { reconnection: true },
  ) {
    this.tag = tagOf(target);
    this.room = target.room;
    this.socket = connectSocket(target.url, {
      // As the browser: each handshake carries what this phone last saw, and the server
      // answers it (`synced`) as soon as the socket is in, a round trip sooner than asking.
      auth: target.bare
        ? { v: PROTOCOL_VERSION, code: target.code, ...auth }
        : (send) =>
            send({
              v: PROTOCOL_VERSION,
              code: target.code,
              ...auth,
              sync: { epoch: this.epoch, seq: this.mirror?.seq ?? 0 },
            }),
      transports: ['websocket'],
      forceNew: true,
      // As the browser's connection (client/src/connection/assemblyConnection.ts).
      reconnection: options.reconnection,
      reconnectionDelay: 500,
      reconnectionDelayMax: 2_000,
      randomizationFactor: 0.5,
    });
    this.socket.on('disconnect', () => {
      this.comeback = { lostAt: wallNow(), attempts: 0, connectedAt: null, syncedAt: null };
    });
    this.socket.io.on('reconnect_attempt', () => {
      if (this.comeback) this.comeback.attempts++;
    });
    if (!target.bare) {
      this.socket.on('connect', () => {
        if (this.comeback) this.comeback.connectedAt ??= wallNow();
        this.awaitHandshakeSync();
      });
      this.socket.on('synced', (reply: SyncReply) => {
        clearTimeout(this.syncedTimer);
        this.syncedTimer = undefined;
        this.settle(reply);
        this.syncing = false;
      });
    }
    this.socket.on('events', (batch: EventBatch) => {
      const at = wallNow();
      if (recordingReceipts) {
        const key =
          this.room === undefined
            ? receiptKey(this.tag, batch.seq)
            : roomReceiptKey(this.tag, this.room, batch.seq);
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

  /** The handshake's sync is answered unasked; without an answer in time, ask. */
  private awaitHandshakeSync() {
    this.syncing = true;
    clearTimeout(this.syncedTimer);
    this.syncedTimer = setTimeout(() => {
      this.syncedTimer = undefined;
      this.syncing = false;
      void this.sync();
    }, SYNC_TIMEOUT_MS);
  }

  private settle(reply: SyncReply) {
    if (!reply.ok) return;
    if (this.comeback?.connectedAt) this.comeback.syncedAt ??= wallNow();
    if (reply.kind === 'snapshot') this.mirror = { seq: reply.seq, state: reply.state };
    else if (this.mirror) this.mirror = applyEntries(this.mirror, reply.entries);
    this.epoch = reply.epoch;
  }

  async sync(): Promise<void> {
    if (this.syncing) return;
    this.syncing = true;
    try {
      this.settle(
        await this.socket
          .timeout(SYNC_TIMEOUT_MS)
          .emitWithAck('sync', { epoch: this.epoch, seq: this.mirror?.seq ?? 0 }),
      );
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

/** Many assemblies' chairs, by `${tag}:${room}`, with how often each has pressed. */
const roomChairs = new Map<string, { socket: Socket; presses: number }>();

async function openRoomChair(target: Target & { key: string; room: string }) {
  const socket = connectSocket(target.url, {
    auth: { v: PROTOCOL_VERSION, code: target.code, key: target.key },
    transports: ['websocket'],
    forceNew: true,
  });
  await waitUntil(() => socket.connected, 30_000, `the chair of ${target.room} to connect`);
  roomChairs.set(`${tagOf(target)}:${target.room}`, { socket, presses: 0 });
  return true;
}

/**
 * These rooms' chairs press together: every command is emitted in one turn, each timed from
 * just before its own emit. Each chair starts and pauses its timer in turn (its own count, as
 * a room may press in any round), the floor's chair sends its count as the round.
 */
async function roomPresses(tag: Tag, rooms: string[]): Promise<RoomPress[]> {
  const pressing = rooms.map((room) => {
    const chair = roomChairs.get(`${tag}:${room}`);
    if (!chair) throw new Error(`no chair for ${tag} in ${room}`);
    chair.presses++;
    const command =
      tag === 'bare'
        ? { round: chair.presses }
        : { type: chair.presses % 2 === 1 ? 'startTimer' : 'pauseTimer' };
    const sentAt = wallNow();
    const acked = chair.socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('command', command) as Promise<CommandReply>;
    return { room, sentAt, acked };
  });
  return Promise.all(
    pressing.map(async ({ room, sentAt, acked }) => {
      const reply = await acked;
      if (!reply.ok) throw new Error(`chair of ${room} refused: ${reply.code} ${reply.message}`);
      return { room, sentAt, seq: reply.seq, ackMs: wallNow() - sentAt };
    }),
  );
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

type Reply = CommandReply | SyncReply;
const codeOf = (reply: unknown) =>
  typeof reply === 'object' && reply !== null && 'ok' in reply && !(reply as Reply).ok
    ? (reply as Extract<Reply, { ok: false }>).code
    : 'ok';

/** A phone's outbox resends a check-in refused for now this often, for this long (outbox.ts). */
const PHONE_RETRY_MS = 3_000;
const PHONE_RETRY_FOR_MS = 30_000;

/**
 * Sends one command and counts what came back: acked (timed), refused by code, or lost. With
 * `retryFor`, as a phone's outbox sends a check-in: refused for now (`rate_limited`), the same
 * command goes again 3 s later until it is acked or that long has passed; the ack time is then
 * the person's wait, from the first send.
 */
async function timedCommand(
  socket: Socket,
  command: unknown,
  result: DoorResult,
  retryFor = 0,
): Promise<boolean> {
  result.sent++;
  const at = wallNow();
  for (;;) {
    try {
      const reply: CommandReply = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('command', command);
      if (reply.ok) {
        result.acked++;
        result.ackMs.push(wallNow() - at);
        return true;
      }
      if (reply.code === 'rate_limited' && wallNow() - at < retryFor) {
        result.retries = (result.retries ?? 0) + 1;
        await new Promise((resolve) => setTimeout(resolve, PHONE_RETRY_MS));
        continue;
      }
      result.refusals[reply.code] = (result.refusals[reply.code] ?? 0) + 1;
    } catch {
      result.lost++;
    }
    result.failed++;
    return false;
  }
}

/** A check-in as a phone's outbox sends it (timedCommand, resent while refused for now). */
const retriedCommand = (socket: Socket, command: unknown, result: DoorResult) =>
  timedCommand(socket, command, result, PHONE_RETRY_FOR_MS);

const emptyResult = (): DoorResult => ({
  sent: 0,
  acked: 0,
  failed: 0,
  refusals: {},
  lost: 0,
  ackMs: [],
  ackedIds: [],
  elapsedMs: 0,
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
  await sleepUntil(run.startAt);
  const result = emptyResult();
  let inFlight = 0;
  const started = wallNow();
  const send = async (socket: Socket): Promise<void> => {
    const command = checkInFor(run.label, result.sent, `Door ${sockets.indexOf(socket) + 1}`);
    inFlight++;
    if (await timedCommand(socket, command, result)) result.ackedIds.push(command.checkInId);
    inFlight--;
  };
  const alive = () => !doorsStopped && sockets.some((s) => s.connected);

  if (run.perSecond !== undefined) {
    const duration = run.durationMs ?? 10_000;
    const pending: Promise<void>[] = [];
    const tickMs = 10;
    while (wallNow() - started < duration && alive()) {
      const due = Math.floor(((wallNow() - started) / 1000) * run.perSecond);
      while (result.sent < due) pending.push(send(sockets[result.sent % sockets.length]!));
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

/** Commands offered at a steady rate over some sockets in turn, whatever the acks do. */
async function steadily(
  sockets: Socket[],
  run: SteadyRun,
  commandFor: (n: number) => unknown,
  send: typeof timedCommand = timedCommand,
): Promise<DoorResult> {
  await sleepUntil(run.startAt);
  const result = emptyResult();
  const pending: Promise<boolean>[] = [];
  const started = wallNow();
  for (let n = 0; wallNow() - started < run.durationMs; n++) {
    const dueAt = started + (n * 1000) / run.perSecond;
    if (dueAt - started >= run.durationMs) break;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, dueAt - wallNow())));
    pending.push(send(sockets[n % sockets.length]!, commandFor(n), result));
  }
  await Promise.all(pending);
  result.elapsedMs = wallNow() - started;
  return result;
}

/** The chair at work: the timer nudged a second on, then back, so each press is an update. */
async function chairPresses(run: SteadyRun): Promise<DoorResult> {
  const socket = connectSocket(run.url, {
    auth: { v: PROTOCOL_VERSION, code: run.code, key: run.key },
    transports: ['websocket'],
    forceNew: true,
  });
  try {
    await waitUntil(() => socket.connected, 30_000, 'the chair to connect');
    return await steadily([socket], run, (n) => ({
      type: 'adjustTimer',
      deltaMs: n % 2 === 0 ? 1000 : -1000,
    }));
  } finally {
    socket.disconnect();
  }
}

/** Honest phones (no key, the same address as any flooder here) checking their people in. */
async function phoneCheckIns(run: SteadyRun & { phones: number }): Promise<DoorResult> {
  const target = { url: run.url, code: run.code, bare: false };
  const honest = Array.from({ length: run.phones }, () => new Phone(target));
  try {
    await waitUntil(() => honest.every((phone) => phone.ready), 30_000, 'honest phones to sync');
    return await steadily(
      honest.map((phone) => phone.socket),
      run,
      (n) => checkInFor(run.label, n, ''),
      retriedCommand,
    );
  } finally {
    for (const phone of honest) phone.close();
  }
}

/** Messages the flood cycles through: well-formed check-ins, garbage, full resyncs, clocks. */
const FLOOD_KINDS: { kind: string; event: 'command' | 'sync' | 'clock'; body: (n: number) => unknown }[] = [
  { kind: 'checkIn', event: 'command', body: (n) => checkInFor('Flood', n, '') },
  { kind: 'unknownCommand', event: 'command', body: () => ({ type: 'launchFireworks', loud: true }) },
  {
    kind: 'invalidCheckIn',
    event: 'command',
    body: () => ({ type: 'checkIn', checkInId: 'not-a-uuid', name: '', institutionId: 7 }),
  },
  { kind: 'notAnObject', event: 'command', body: (n) => `garbage ${n} ${'x'.repeat(40)}` },
  { kind: 'forbidden', event: 'command', body: () => ({ type: 'closeAssembly' }) },
  { kind: 'syncFromZero', event: 'sync', body: () => ({ epoch: null, seq: 0 }) },
  { kind: 'clock', event: 'clock', body: () => undefined },
];
/** Queued in the flood socket's buffer before it waits for the kernel to take more. */
const FLOOD_HIGH_WATER_BYTES = 512 * 1024;
const FLOOD_BURST = 64;
const FLOOD_DRAIN_TIMEOUT_MS = 60_000;

const bufferedBytes = (socket: Socket) =>
  (socket.io.engine?.transport as unknown as { ws?: { bufferedAmount: number } } | undefined)?.ws
    ?.bufferedAmount ?? 0;

/**
 * One public socket (no key) sending as fast as its socket takes it, reconnecting as fast as
 * the client allows if the server closes it. Counts what was sent, answered and refused.
 */
async function flood(run: FloodRun): Promise<FloodResult> {
  const socket = connectSocket(run.url, {
    auth: { v: PROTOCOL_VERSION, code: run.code },
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
  });
  const result: FloodResult = {
    sendingMs: 0,
    sent: 0,
    answered: 0,
    accepted: 0,
    refused: 0,
    byKind: Object.fromEntries(FLOOD_KINDS.map(({ kind }) => [kind, { sent: 0, answered: 0, answers: {} }])),
    disconnects: {},
    reconnects: 0,
    connectRefusals: {},
    drainMs: 0,
    cpuMs: 0,
  };
  let connects = 0;
  let lastAnswerAt = 0;
  socket.on('connect', () => {
    if (connects++ > 0) result.reconnects++;
  });
  let flooding = true;
  socket.on('disconnect', (reason) => {
    result.disconnects[reason] = (result.disconnects[reason] ?? 0) + 1;
    // Closed by the server: a determined attacker comes straight back (Socket.IO itself
    // would not), and floods again on the new connection.
    if (reason === 'io server disconnect' && flooding) socket.connect();
  });
  socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
    const code = error.data?.code ?? error.message;
    result.connectRefusals[code] = (result.connectRefusals[code] ?? 0) + 1;
  });
  try {
    await waitUntil(() => socket.connected, 30_000, 'the flood socket to connect');
    await sleepUntil(run.startAt);
    const cpu = process.cpuUsage();
    const started = wallNow();
    const answer = (kind: string) => (reply: unknown) => {
      const counts = result.byKind[kind]!;
      const code = kind === 'clock' ? 'ok' : codeOf(reply);
      counts.answered++;
      counts.answers[code] = (counts.answers[code] ?? 0) + 1;
      result.answered++;
      if (code === 'ok') result.accepted++;
      else result.refused++;
      lastAnswerAt = wallNow();
    };
    while (wallNow() - started < run.durationMs) {
      if (socket.connected && bufferedBytes(socket) < FLOOD_HIGH_WATER_BYTES) {
        for (let i = 0; i < FLOOD_BURST; i++) {
          const { kind, event, body } = FLOOD_KINDS[result.sent % FLOOD_KINDS.length]!;
          result.byKind[kind]!.sent++;
          result.sent++;
          if (event === 'clock') socket.emit('clock', answer(kind));
          else socket.emit(event, body(result.sent) as never, answer(kind) as never);
        }
        // Let the answers in (and the burst out) before the next one.
        await new Promise((resolve) => setImmediate(resolve));
      } else {
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    }
    const stoppedAt = wallNow();
    flooding = false;
    result.sendingMs = Math.round(stoppedAt - started);
    result.cpuMs = Math.round(cpuMs(process.cpuUsage(cpu)));
    // The server's backlog (kernel buffers hold megabytes of it): wait until every message is
    // answered, unless the server closed the socket, so that the next window starts on a
    // server that has caught up. A loop held for seconds is part of the backlog, not its end.
    await waitQuietly(() => result.answered >= result.sent || !socket.connected, FLOOD_DRAIN_TIMEOUT_MS);
    result.drainMs = Math.round(Math.max(0, lastAnswerAt - stoppedAt));
    return result;
  } finally {
    socket.disconnect();
  }
}

const sleepUntil = (at: number | undefined) =>
  new Promise((resolve) => setTimeout(resolve, at === undefined ? 0 : Math.max(0, at - wallNow())));

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

async function waitQuietly(check: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
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
    case 'chairPresses':
      return chairPresses(request);
    case 'phoneCheckIns':
      return phoneCheckIns(request);
    case 'flood':
      return flood(request);
    case 'joinRush':
      return joinRush(request, {
        newPhone: (target) => new Phone(target),
        checkIn: retriedCommand,
        checkInFor,
        emptyResult,
      });
    case 'resynced':
      return phonesOf('project').filter(
        (phone) =>
          phone.socket.connected && phone.epoch === request.epoch && phone.mirror?.seq === request.seq,
      ).length;
    case 'comebacks':
      return phonesOf('project').flatMap((phone) => (phone.comeback ? [phone.comeback] : []));
    case 'openRoomChair':
      return openRoomChair(request);
    case 'roomPresses':
      return roomPresses(request.tag, request.rooms);
    case 'closeRoomChairs':
      for (const [key, chair] of roomChairs) {
        if (!key.startsWith(`${request.tag}:`)) continue;
        chair.socket.disconnect();
        roomChairs.delete(key);
      }
      return true;
    case 'receivedInRooms':
      return request.keys.reduce((n, key) => n + (recordingReceipts?.get(key)?.length ?? 0), 0);
    case 'applyHeld':
      applySoon();
      return true;
    case 'lastReceipts': {
      const last: LastReceipt[] = [...(recordingReceipts ?? new Map<string, number[]>())].map(
        ([key, times]) => [key, times.length, Math.max(...times)],
      );
      recordingReceipts = null;
      applySoon();
      return last;
    }
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
