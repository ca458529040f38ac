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
  | { op: 'resynced'; epoch: string; seq: number }
  | { op: 'statesMatching'; state: unknown };

export interface DoorResult {
  acked: number;
  failed: number;
  ackMs: number[];
  ackedIds: string[];
  elapsedMs: number;
}

export interface Receipts {
  /** [`${tag}:${seq}`, each phone's receipt time in wall-clock ms] per round. */
  byKey: [string, number[]][];
  /** JSON length of one update as a phone received it. */
  payloadBytes: Record<Tag, number>;
}

export type Envelope = { id: number } & GeneratorRequest;
export type Answer = { id: number; result?: unknown; error?: string };
