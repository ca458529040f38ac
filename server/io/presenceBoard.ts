import { type Failure, failure } from '../../shared/protocol/errors';
import {
  type DoorPresence,
  FLASH_MS,
  type Flash,
  GONE_KEPT,
  GONE_KEPT_MS,
  type GoneDoor,
  MAX_LISTED,
  PRESENCE_STALE_MS,
  type Presence,
  type PresenceReport,
  type ScreenPresence,
} from '../../shared/protocol/presence';
import {
  flashRequestSchema,
  nodePresenceSchema,
  presenceReportSchema,
} from '../../shared/protocol/presenceSchemas';
import type { Role } from '../../shared/protocol/roles';
import type { OkReply, PresenceReply } from '../../shared/protocol/socket';

// Who is connected now, kept on the sockets themselves (never in the journal): each screen
// and door says it is here every few seconds, a phone once. Each node answers for its own
// sockets; the organiser's or chair's node asks the others over the adapter and merges.

/** What a socket last said about itself, kept in its socket.data. */
export interface HeldPresence {
  report: PresenceReport;
  receivedAt: number;
  connectedAt: number;
}

/** One node's answer for one assembly. */
export type NodePresence = Omit<Presence, 'missingNodes'>;

/** Every socket that reported joins this room, so a node can list its own at once. */
export const presenceRoom = (code: string) => `${code}:presence`;
/** A screen's own room, so "Flash screen 2" reaches that screen on whichever node holds it. */
export const deviceRoom = (code: string, deviceId: string) => `${code}:device:${deviceId}`;

/**
 * A node's own sockets for one assembly, stale screens left out and stale doors listed as
 * gone, with the doors whose sockets closed here (`departed`).
 */
export function nodePresence(
  held: Iterable<HeldPresence | undefined>,
  now: number,
  departed: Iterable<GoneDoor> = [],
): NodePresence {
  const screens: ScreenPresence[] = [];
  const doors: DoorPresence[] = [];
  const doorsGone: GoneDoor[] = [...departed].filter((door) => now - door.lastSeenAt <= GONE_KEPT_MS);
  let phones = 0;
  for (const entry of held) {
    if (!entry) continue;
    const { report, connectedAt } = entry;
    if (report.device === 'phone') {
      phones++;
      continue;
    }
    // A socket the network dropped can look open for half a minute: silence says sooner.
    const silent = now - entry.receivedAt > PRESENCE_STALE_MS;
    if (silent && report.device === 'door') doorsGone.push(goneDoor(entry));
    if (silent) continue;
    if (report.device === 'screen') {
      const { deviceId, view, scene, clockOffsetMs } = report;
      screens.push({ deviceId, view, scene, clockOffsetMs, connectedAt });
    } else {
      const { deviceId, label, waiting, clockOffsetMs } = report;
      doors.push({ deviceId, label, waiting, clockOffsetMs, connectedAt });
    }
  }
  return {
    screens: earliest(screens),
    doors: earliest(doors),
    doorsGone: doorsGone.slice(-GONE_KEPT),
    phones,
  };
}

/** What a door last said, as a gone door (its socket closed, or it fell silent). */
function goneDoor({ report, connectedAt, receivedAt }: HeldPresence): GoneDoor {
  if (report.device !== 'door') throw new Error('not a door');
  const { deviceId, label, waiting, clockOffsetMs } = report;
  return { deviceId, label, waiting, clockOffsetMs, connectedAt, lastSeenAt: receivedAt };
}

/** One device may hold two sockets for a moment (a reload landing on another node): the newest counts. */
function newestPerDevice<T extends { deviceId: string; connectedAt: number }>(entries: T[]): T[] {
  const byDevice = new Map<string, T>();
  for (const entry of entries) {
    const known = byDevice.get(entry.deviceId);
    if (!known || entry.connectedAt > known.connectedAt) byDevice.set(entry.deviceId, entry);
  }
  return earliest([...byDevice.values()]);
}

/** The earliest connected, at most MAX_LISTED of them, in the order they connected. */
function earliest<T extends { deviceId: string; connectedAt: number }>(entries: T[]): T[] {
  return entries
    .sort((a, b) => a.connectedAt - b.connectedAt || (a.deviceId < b.deviceId ? -1 : 1))
    .slice(0, MAX_LISTED);
}

export function mergePresence(answers: NodePresence[], missingNodes: number): Presence {
  const doors = newestPerDevice(answers.flatMap((answer) => answer.doors));
  const online = new Set(doors.map((door) => door.deviceId));
  const gone = new Map<string, GoneDoor>();
  for (const door of answers.flatMap((answer) => answer.doorsGone)) {
    if (online.has(door.deviceId)) continue;
    const known = gone.get(door.deviceId);
    if (!known || door.lastSeenAt > known.lastSeenAt) gone.set(door.deviceId, door);
  }
  return {
    screens: newestPerDevice(answers.flatMap((answer) => answer.screens)),
    doors,
    doorsGone: [...gone.values()].sort((a, b) => b.lastSeenAt - a.lastSeenAt),
    phones: answers.reduce((sum, answer) => sum + answer.phones, 0),
    missingNodes,
  };
}

/** What the board needs of its socket: who it is, where its presence is kept, its rooms. */
export interface ReportingSocket {
  data: { role: Role; presence?: HeldPresence; room: { code: string } };
  handshake: { issued: number };
  join(room: string): unknown;
  leave(room: string): unknown;
}

export interface PresenceDeps {
  now: () => number;
  /** What this node's sockets in a room said about themselves. */
  localHeld: (room: string) => (HeldPresence | undefined)[];
  /** The other nodes' answers for an assembly, and how many did not answer in time. */
  otherNodes: (code: string) => Promise<{ answers: unknown[]; missing: number }>;
  /** How many sockets, on every node, are in a room. */
  countIn: (room: string) => Promise<number>;
  flash: (room: string, flash: Flash) => void;
  /** Tells the assembly's organiser and chair pages to ask again. */
  changed: (code: string) => void;
}

const mayWatch = (role: Role) => role === 'admin' || role === 'chair';
const notStaff = (): Failure =>
  failure('forbidden', 'Only the organiser and the chair see who is connected.');

export class PresenceBoard {
  /** Per assembly, the doors whose sockets closed on this node, by device. */
  private readonly departed = new Map<string, Map<string, GoneDoor>>();

  constructor(private readonly deps: PresenceDeps) {}

  /** A socket says what it is. Checked whole; a bad one changes nothing it said before. */
  report(socket: ReportingSocket, payload: unknown): OkReply {
    const parsed = presenceReportSchema.safeParse(payload);
    if (!parsed.success)
      return failure('invalid_body', `presence: ${parsed.error.issues[0]?.message ?? 'not valid'}`);
    const report = parsed.data;
    const { role } = socket.data;
    // The screen link is public; a door's report needs the door's key.
    if (report.device === 'door' && role !== 'door')
      return failure('forbidden', 'Only a door link reports as a door.');
    if (report.device !== 'door' && role !== 'public')
      return failure('forbidden', 'Staff pages are not screens or phones.');
    const code = socket.data.room.code;
    const before = socket.data.presence?.report;
    const firstTime = !before || before.device !== report.device || deviceOf(before) !== deviceOf(report);
    if (firstTime) {
      socket.join(presenceRoom(code));
      // One device per socket: a socket that changes its id leaves the old one's room.
      if (before?.device === 'screen') socket.leave(deviceRoom(code, before.deviceId));
      if (report.device === 'screen') socket.join(deviceRoom(code, report.deviceId));
    }
    socket.data.presence = { report, receivedAt: this.deps.now(), connectedAt: socket.handshake.issued };
    if (report.device === 'door') this.departed.get(code)?.delete(report.deviceId);
    if (firstTime && report.device !== 'phone') this.deps.changed(code);
    return { ok: true };
  }

  /** A socket went: its screen or door goes from the list at once (a phone only from the count). */
  left(socket: ReportingSocket): void {
    const held = socket.data.presence;
    if (!held || held.report.device === 'phone') return;
    const code = socket.data.room.code;
    if (held.report.device === 'door') this.remember(code, goneDoor(held));
    this.deps.changed(code);
  }

  private remember(code: string, door: GoneDoor): void {
    const doors = this.departed.get(code) ?? new Map<string, GoneDoor>();
    this.departed.set(code, doors);
    doors.delete(door.deviceId);
    doors.set(door.deviceId, door);
    // The oldest go first: a script opening and closing door links cannot grow this.
    for (const deviceId of doors.keys()) {
      if (doors.size <= GONE_KEPT) break;
      doors.delete(deviceId);
    }
  }

  /** This node's own answer. */
  here(code: string): NodePresence {
    const now = this.deps.now();
    const departed = this.departed.get(code);
    if (departed) {
      for (const [deviceId, door] of departed)
        if (now - door.lastSeenAt > GONE_KEPT_MS) departed.delete(deviceId);
      if (departed.size === 0) this.departed.delete(code);
    }
    return nodePresence(this.deps.localHeld(presenceRoom(code)), now, departed?.values());
  }

  async list(role: Role, code: string): Promise<PresenceReply> {
    if (!mayWatch(role)) return notStaff();
    const others = await this.deps.otherNodes(code);
    const answers = [this.here(code)];
    let missing = others.missing;
    for (const answer of others.answers) {
      const parsed = nodePresenceSchema.safeParse(answer);
      if (parsed.success) answers.push(parsed.data);
      else missing++;
    }
    return { ok: true, presence: mergePresence(answers, missing) };
  }

  /** `allowed` counts it against the socket's limit: only a well-formed flash counts. */
  async flash(role: Role, code: string, payload: unknown, allowed: () => Promise<boolean>): Promise<OkReply> {
    if (!mayWatch(role)) return failure('forbidden', 'Only the organiser and the chair can flash a screen.');
    const parsed = flashRequestSchema.safeParse(payload);
    if (!parsed.success) return failure('invalid_body', 'flashScreen needs {deviceId, label}');
    if (!(await allowed()))
      return failure('rate_limited', 'Too many flashes from this connection. Wait a little.');
    const room = deviceRoom(code, parsed.data.deviceId);
    if ((await this.deps.countIn(room)) === 0)
      return failure('not_found', 'That screen is not connected now.');
    this.deps.flash(room, { label: parsed.data.label, ms: FLASH_MS });
    return { ok: true };
  }
}

const deviceOf = (report: PresenceReport) => (report.device === 'phone' ? '' : report.deviceId);
