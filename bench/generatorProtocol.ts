// What the bench's orchestrator (run.ts) asks of a load generator (loadGenerator.ts) over
// the IPC channel, and what each answer holds. Every request carries an id; the answer
// echoes it.

export interface Target {
  url: string;
  code: string;
  /** The bare Socket.IO floor: no sync, no keys, a round number instead of a command. */
  bare: boolean;
  /** Which series its rounds count in, when not simply the project or the bare floor. */
  tag?: Tag;
  /**
   * One of many assemblies on one server (the many-assemblies phase): its receipts are kept
   * apart from the other rooms' (seqs repeat across assemblies) under `roomReceiptKey`.
   */
  room?: string;
}

/** A receipt's key for a phone in a room: `${tag}:${room}:${seq}`. */
export const roomReceiptKey = (tag: Tag, room: string, seq: number) => `${tag}:${room}:${seq}`;

/** One room's chair press, as the generator holding the chairs sent it. */
export interface RoomPress {
  room: string;
  sentAt: number;
  seq: number;
  ackMs: number;
}

/** Which server a phone or chair is on: both are driven in one run, rounds interleaved. */
/** `nodes`: the project on several nodes sharing PostgreSQL and Redis (`--nodes`). */
export type Tag = 'project' | 'bare' | 'nodes';
export const TAGS: readonly Tag[] = ['project', 'bare', 'nodes'];
export const tagOf = (target: Target): Tag => target.tag ?? (target.bare ? 'bare' : 'project');
export const perTag = <T>(make: () => T) =>
  Object.fromEntries(TAGS.map((tag) => [tag, make()])) as Record<Tag, T>;

export interface DoorRun {
  url: string;
  code: string;
  key: string;
  doors: number;
  /** Closed loop: each door keeps this many check-ins in flight, sending the next as each ack returns. */
  window: number;
  /** Stop once this many are acked (closed loop). */
  target?: number;
  /** Open loop: offer this many per second in total, whatever the acks do. */
  perSecond?: number;
  durationMs?: number;
  /** Named so the check-ins of one run are told apart in the record. */
  label: string;
  /** Wall-clock ms: connect first, then start at this moment (windows that must line up). */
  startAt?: number;
}

/** A steady stream of one honest client's commands (the chair's presses, phones' check-ins). */
export interface SteadyRun {
  url: string;
  code: string;
  /** No key: public phones, each checking one person in. */
  key?: string;
  perSecond: number;
  durationMs: number;
  label: string;
  startAt?: number;
}

/** The hostile phase's flood: one public socket, as fast as its socket takes it. */
export interface FloodRun {
  url: string;
  code: string;
  durationMs: number;
  startAt?: number;
}

/**
 * The join rush (venue phase): this generator's share of the phones opening the join link,
 * each at its moment in the window. Phone `index + k * of` of `total` arrives at
 * `startAt + durationMs * (index + k * of) / total`, so the generators' phones interleave.
 */
export interface RushRun {
  url: string;
  code: string;
  total: number;
  index: number;
  of: number;
  startAt: number;
  durationMs: number;
  /** The join page's files as the browser fetched them: the page first, then the rest. */
  paths: string[];
  /** Every n-th phone checks its person in once synced (0: none). */
  checkInEvery: number;
  /** Wall-clock ms: the phones stay connected, following the assembly, until then. */
  holdUntil: number;
}

export interface RushResult {
  phones: number;
  /** Phones whose every file came back 200. */
  loaded: number;
  /** Phones whose socket connected and synced. */
  synced: number;
  requests: number;
  /** Requests that failed, by status code or error. */
  httpErrors: Record<string, number>;
  /** Each request's time to its last byte. */
  requestMs: number[];
  /** Each phone's time to have every file (the page, then the rest, 6 at a time). */
  pageMs: number[];
  /** Bytes of bodies received (as sent: compressed or not). */
  bodyBytes: number;
  /** Responses that came with a Content-Encoding. */
  compressed: number;
  /** From the files loaded to the socket connected and synced. */
  syncMs: number[];
  checkIns: DoorResult;
  /** How late the generator started its phones against their schedule: its own bottleneck. */
  lateMsMax: number;
}

export type GeneratorRequest =
  | ({ op: 'connectPhones'; count: number } & Target)
  | { op: 'closePhones'; tag: Tag }
  | ({ op: 'openChair'; key: string } & Target)
  | { op: 'chairPress'; tag: Tag; round: number }
  | { op: 'recordReceipts' }
  | { op: 'receivedCount'; tag: Tag; seq: number }
  | { op: 'receipts' }
  | { op: 'recordTurnout' }
  | { op: 'turnoutPeak' }
  | ({ op: 'doors' } & DoorRun)
  | { op: 'stopDoors' }
  | ({ op: 'chairPresses' } & SteadyRun)
  | ({ op: 'phoneCheckIns'; phones: number } & SteadyRun)
  | ({ op: 'flood' } & FloodRun)
  | ({ op: 'joinRush' } & RushRun)
  | { op: 'resynced'; epoch: string; seq: number }
  | { op: 'comebacks' }
  | { op: 'statesMatching'; state: unknown }
  // The many-assemblies phase (manyAssemblies.ts): a chair per room, several pressing at once.
  | ({ op: 'openRoomChair'; key: string; room: string } & Target)
  | { op: 'roomPresses'; tag: Tag; rooms: string[] }
  | { op: 'closeRoomChairs'; tag: Tag }
  /** How many receipts this generator holds for these keys, summed. */
  | { op: 'receivedInRooms'; keys: string[] }
  /** Apply the batches held while rooms' rounds are timed (see applyLater). */
  | { op: 'applyHeld' }
  /** Ends the recording: per key, how many phones here got it and the last one's time. */
  | { op: 'lastReceipts' };

export interface DoorResult {
  /** Commands sent; each is acked, refused (`refusals` by code) or lost (no answer in time). */
  sent: number;
  acked: number;
  failed: number;
  refusals: Record<string, number>;
  lost: number;
  ackMs: number[];
  ackedIds: string[];
  elapsedMs: number;
  /** Resends of a command refused for now (`rate_limited`), as a phone's outbox resends it. */
  retries?: number;
}

/** What one flood message kind got back. */
export interface FloodKind {
  sent: number;
  answered: number;
  /** Answers by code: `ok`, or the failure's code. */
  answers: Record<string, number>;
}

export interface FloodResult {
  /** From the first message to the last one sent. */
  sendingMs: number;
  sent: number;
  answered: number;
  accepted: number;
  refused: number;
  byKind: Record<string, FloodKind>;
  /** Times the socket was closed, by Socket.IO's reason (`io server disconnect`: the server closed it). */
  disconnects: Record<string, number>;
  /** Connections made again after a disconnect (the flooder reconnects as fast as the client lets it). */
  reconnects: number;
  /** Reconnections the server refused, by code. */
  connectRefusals: Record<string, number>;
  /** From the last message sent to the last answer: the server's backlog. */
  drainMs: number;
  /** The flooding process's own CPU while it sent (user + system). */
  cpuMs: number;
}

/** [key, phones here that got it, the last one's receipt time]: all a room's round needs. */
export type LastReceipt = [string, number, number];

export interface Receipts {
  /** [`${tag}:${seq}`, each phone's receipt time in wall-clock ms] per round. */
  byKey: [string, number[]][];
  /** JSON length of one update as a phone received it. */
  payloadBytes: Record<Tag, number>;
}

export type Envelope = { id: number } & GeneratorRequest;
export type Answer = { id: number; result?: unknown; error?: string };

/** A phone's way back after its socket dropped (wall-clock ms; null: not yet). */
export interface Comeback {
  lostAt: number;
  attempts: number;
  connectedAt: number | null;
  syncedAt: number | null;
}
