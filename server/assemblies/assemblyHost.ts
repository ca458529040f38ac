import { randomBytes, randomUUID } from 'node:crypto';
import {
  type AssemblyDetails,
  type AssemblyState,
  emptyAssembly,
  withCurrentShape,
} from '../../shared/domain/assembly';
import { type Decision, decide } from '../../shared/domain/decide';
import { evolveAll } from '../../shared/domain/evolve';
import { audienceOf, entriesFor, stateFor } from '../../shared/domain/views';
import {
  COMMAND_TYPES,
  type Command,
  type CommandType,
  mayRun,
  parseCommand,
} from '../../shared/protocol/commands';
import { type Failure, failure } from '../../shared/protocol/errors';
import type { DomainEvent, JournalEntry } from '../../shared/protocol/events';
import type { Role, StaffRole } from '../../shared/protocol/roles';
import type { CommandReply, EventBatch, SyncReply, SyncRequest } from '../../shared/protocol/socket';
import type { Logger } from '../logger';
import { snapshotText } from '../store/snapshotText';
import { isShared, type Store } from '../store/store';
import { AssemblyRoom } from './assemblyRoom';
import { hashKey, newAssemblyCode, newKey, newKeys, normaliseCode, roleForKey } from './keys';
import { type Limit, type LimitName, limitsFor, NEW_CONNECTION_MS } from './rateLimits';
import { SharedJournal } from './sharedJournal';

const SNAPSHOT_EVERY = 500;
/**
 * A snapshot costs in proportion to the state, which grows with check-ins: take one only
 * after a quarter as many events as there are check-ins, so its cost per event stays flat
 * (at 20,000 check-ins, saving every 500 events took a sixth of the server's time) and a
 * restart replays at most a quarter of them.
 */
const snapshotThreshold = (room: AssemblyRoom) =>
  Math.max(SNAPSHOT_EVERY, room.committed.attendance.checkIns.size / 4);
/**
 * A due snapshot waits for the room to be quiet this long (serialising 20,000 check-ins holds
 * the loop for about 60 ms, which a storm's acks would wait out), unless twice as many events
 * as it was due after have passed: a restart then still replays at most half the check-ins.
 */
const SNAPSHOT_QUIET_MS = 1000;
/** Entries read back into memory on load, so clients a little behind get the gap after a restart. */
const RECENT_ON_LOAD = 1000;
/** Wrong keys past the limit are answered this much later: guessing slows to a crawl. */
const WRONG_KEY_PENALTY_MS = 1000;

/** Commands that may carry up to a megabyte (over HTTP): checked, then decided a step later. */
const LARGE_COMMANDS = new Set<CommandType>(['importSetup', 'editSetup', 'addRegistrants']);

/** Where a command came from: limits count per address, and per connection where there is one. */
export interface Origin {
  address: string;
  /** The socket's id: a phone's connection may check in a family, not a crowd. */
  connection?: string;
  /** When that connection was made (epoch ms). */
  connectedAt?: number;
}

export interface HostDeps {
  store: Store;
  logger: Logger;
  now?: () => number;
  /** Called once per committed batch, in seq order, with the full entries (the room holds the state). */
  publish?: (room: AssemblyRoom, batch: EventBatch) => void;
  /** Called when an assembly's stream broke (storage failed) and its clients must resync. */
  resync?: (code: string) => void;
  /** Closes every open connection of one role in one assembly (its key was regenerated). */
  disconnectRole?: (code: string, role: StaffRole) => void;
  /** The rate limits (rateLimits.ts), shared through Redis when nodes share assemblies. */
  limits?: Record<LimitName, Limit>;
  /**
   * An assembly with no client connected and nothing asked of it for this long is let go
   * from memory (its journal is on disk; the next client loads it again). 0 keeps all.
   */
  idleEvictMs?: number;
  /** Whether any client of this node is connected to an assembly (sockets say). */
  watched?: (code: string) => boolean;
  /** Called when an assembly is let go, so the transports forget it too. */
  evicted?: (code: string) => void;
  /** Told of every command answered, with its type as sent and how long it took (/metrics). */
  answered?: (type: unknown, reply: CommandReply, seconds: number) => void;
}

/** Idle assemblies are looked for this often. */
const EVICTION_SWEEP_MS = 60_000;
const DEFAULT_IDLE_EVICT_MS = 30 * 60_000;

export type NewAssemblyDetails = Omit<AssemblyDetails, 'timeZone'> & { timeZone?: string };

export interface CreatedAssembly {
  code: string;
  keys: Record<StaffRole, string>;
}

const newSecret = () => randomBytes(16).toString('base64url');

export type RoleResult = { ok: true; role: Role } | Failure;

/**
 * Holds the live assemblies: loads them from the store, runs commands through the pure
 * domain, commits before acknowledging, and hands committed batches to `publish`.
 * It never touches a socket or an HTTP request, so every transport shares it.
 */
export class AssemblyHost {
  private readonly rooms = new Map<string, Promise<AssemblyRoom | null>>();
  /** The same rooms once loaded, for the shared store's "journal grew" notices. */
  private readonly loaded = new Map<string, AssemblyRoom>();
  /** Snapshots due, waiting for their room to be quiet (snapshotWhenQuiet). */
  private readonly snapshotsWaiting = new Map<
    AssemblyRoom,
    { lastCommitAt: number; timer: ReturnType<typeof setTimeout> | undefined }
  >();
  /** Rooms whose snapshot is being written now, and when it will be. */
  private readonly snapshotting = new Map<AssemblyRoom, Promise<void>>();
  /** Set when other nodes share the store: commands then go through its lock. */
  private readonly shared: SharedJournal | null = null;
  readonly limits: Record<LimitName, Limit>;
  private readonly now: () => number;

  private readonly sweep: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly deps: HostDeps) {
    this.now = deps.now ?? Date.now;
    this.limits = deps.limits ?? limitsFor();
    const idleMs = deps.idleEvictMs ?? DEFAULT_IDLE_EVICT_MS;
    if (idleMs > 0) {
      this.sweep = setInterval(() => this.evictIdle(idleMs), Math.min(EVICTION_SWEEP_MS, idleMs));
      this.sweep.unref();
    }
    const { store } = deps;
    if (isShared(store)) {
      const shared = new SharedJournal({
        store,
        logger: deps.logger,
        now: this.now,
        newSecret,
        publish: (room, batch) => this.deps.publish?.(room, batch),
        committed: (room) => this.snapshotWhenQuiet(room),
      });
      this.shared = shared;
      store.onAppended((code, seq) => {
        if (code === null) {
          for (const room of this.loaded.values()) void shared.catchUp(room);
          return;
        }
        const room = this.loaded.get(code);
        if (room && seq > room.committedSeq) void shared.catchUp(room);
      });
    }
  }

  /** True when other nodes share the journal: each node then streams it to its own clients. */
  get sharesJournal(): boolean {
    return this.shared !== null;
  }

  set publish(fn: HostDeps['publish']) {
    this.deps.publish = fn;
  }

  set resync(fn: HostDeps['resync']) {
    this.deps.resync = fn;
  }

  set disconnectRole(fn: HostDeps['disconnectRole']) {
    this.deps.disconnectRole = fn;
  }

  set watched(fn: HostDeps['watched']) {
    this.deps.watched = fn;
  }

  set evicted(fn: HostDeps['evicted']) {
    this.deps.evicted = fn;
  }

  /** How many assemblies this node holds in memory now. */
  get loadedCount(): number {
    return this.loaded.size;
  }

  /**
   * Lets go of assemblies nobody uses: no client connected here, nothing asked for `idleMs`,
   * nothing on its way to disk. A snapshot is saved first, so the next load is quick; the
   * next socket, read or command loads it again with nothing lost.
   */
  async evictIdle(idleMs: number): Promise<string[]> {
    const evicted: string[] = [];
    const now = Date.now();
    for (const [code, room] of this.loaded) {
      if (now - room.lastUsed < idleMs || this.deps.watched?.(code)) continue;
      if (room.broken || room.decidedSeq !== room.committedSeq) continue;
      const seq = room.committedSeq;
      if (room.sinceSnapshot > 0) {
        try {
          await this.deps.store.saveSnapshot(code, seq, await snapshotText(room.committed));
        } catch (error) {
          this.deps.logger.warn({ code, err: error }, 'snapshot before eviction failed; kept in memory');
          continue;
        }
      }
      // Used again while the snapshot was saved: keep it.
      if (now - room.lastUsed < idleMs || room.decidedSeq !== seq || room.committedSeq !== seq) continue;
      if (this.loaded.get(code) !== room) continue;
      this.loaded.delete(code);
      this.rooms.delete(code);
      this.deps.evicted?.(code);
      evicted.push(code);
      this.deps.logger.info({ code, seq: room.committedSeq }, 'idle assembly let go from memory');
    }
    return evicted;
  }

  /** Stops looking for idle assemblies (the server is closing). */
  stop(): void {
    clearInterval(this.sweep);
    for (const { timer } of this.snapshotsWaiting.values()) clearTimeout(timer);
    this.snapshotsWaiting.clear();
  }

  /**
   * A new key for one staff role. The old link stops working at once: the new hash is on
   * disk and in the room before this resolves, and every open session that came in with
   * the old key is disconnected (it reconnects, is refused, and says so). The journal
   * records that it happened, never the key or its hash.
   */
  async regenerateKey(room: AssemblyRoom, role: StaffRole): Promise<{ key: string } | Failure> {
    if (room.broken) return failure('unavailable');
    const key = newKey();
    const hash = hashKey(key);
    await this.deps.store.replaceKeyHash(room.code, role, hash);
    room.record = { ...room.record, keyHashes: { ...room.record.keyHashes, [role]: hash } };
    this.deps.disconnectRole?.(room.code, role);
    const events: DomainEvent[] = [{ type: 'keyRegenerated', role }];
    const recorded = this.shared
      ? await this.shared.record(room, 'admin', events)
      : await this.record(room, 'admin', events, this.now());
    if (!recorded.ok) this.deps.logger.error({ code: room.code, role }, 'key regenerated but not recorded');
    this.deps.logger.info({ code: room.code, role }, 'key regenerated');
    return { key };
  }

  /** Anyone may create an assembly (until ADMIN_TOKEN); a flood from one address may not. */
  mayCreate(address: string): Promise<boolean> {
    return this.limits.creations.take(address);
  }

  async create(details: NewAssemblyDetails): Promise<CreatedAssembly> {
    const created = await this.createWith(details, () => ({ ok: true, events: [] }));
    if (!('keys' in created)) throw new Error(created.message);
    return created;
  }

  /**
   * A new assembly with a setup (next year's, from this year's). The setup is decided on the
   * new assembly before anything is written, and both go to disk in one step: a setup that is
   * refused leaves no half-made assembly behind.
   */
  createWithSetup(details: NewAssemblyDetails, setup: unknown): Promise<CreatedAssembly | Failure> {
    return this.createWith(details, (state) => {
      const parsed = parseCommand({ type: 'importSetup', setup });
      if (!parsed.ok) return parsed;
      return decide(state, parsed.command, { now: this.now(), actor: 'admin', newSecret });
    });
  }

  private async createWith(
    details: NewAssemblyDetails,
    then: (state: AssemblyState) => Decision,
  ): Promise<CreatedAssembly | Failure> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const code = newAssemblyCode();
      const { keys, hashes } = newKeys();
      const at = this.now();
      const created: DomainEvent = { type: 'assemblyCreated', code, ...details };
      const decision = then(evolveAll(emptyAssembly(code), [created]));
      if (!decision.ok) return decision;
      const entries: JournalEntry[] = [created, ...decision.events].map((event, i) => ({
        seq: i + 1,
        at,
        actor: 'admin',
        event,
      }));
      const record = { code, epoch: randomUUID(), keyHashes: hashes, createdAt: at };
      if (await this.deps.store.createAssembly(record, entries)) {
        this.deps.logger.info({ code }, 'assembly created');
        return { code, keys };
      }
    }
    throw new Error('could not find a free assembly code');
  }

  /** The assembly for a code typed or linked by a person, loaded on first use. */
  room(codeInput: string): Promise<AssemblyRoom | null> {
    const code = normaliseCode(codeInput);
    if (code === null) return Promise.resolve(null);
    const loaded = this.loaded.get(code);
    if (loaded) loaded.lastUsed = Date.now();
    let room = this.rooms.get(code);
    if (!room) {
      room = this.load(code);
      this.rooms.set(code, room);
      // An unknown code is not cached: the assembly may be created a moment later.
      room.then(
        (loaded) => loaded === null && this.rooms.delete(code),
        () => this.rooms.delete(code),
      );
    }
    return room;
  }

  /**
   * The assembly as it stands now, for a client's sync or an HTTP read. With a shared store
   * another node may have moved it on: catch up from the journal first.
   */
  async currentRoom(codeInput: string): Promise<AssemblyRoom | null> {
    const room = await this.room(codeInput);
    if (room && this.shared) await this.shared.catchUp(room);
    return room;
  }

  private async load(code: string): Promise<AssemblyRoom | null> {
    const { store } = this.deps;
    const record = await store.getAssembly(code);
    if (!record) return null;
    const snapshot = await store.latestSnapshot(code);
    const snapshotSeq = snapshot?.seq ?? 0;
    // Read a little before the snapshot too, to seed the replay window.
    const entries = await store.readJournal(code, Math.max(0, snapshotSeq - RECENT_ON_LOAD));
    const tail = entries.filter((entry) => entry.seq > snapshotSeq);
    const state = evolveAll(
      snapshot ? withCurrentShape(snapshot.state) : emptyAssembly(code),
      tail.map((entry) => entry.event),
    );
    const seq = tail.at(-1)?.seq ?? snapshotSeq;
    const room = new AssemblyRoom(record, state, seq, entries.slice(-RECENT_ON_LOAD));
    this.loaded.set(code, room);
    this.deps.logger.info({ code, seq, replayed: tail.length }, 'assembly loaded');
    return room;
  }

  /**
   * Which role a key opens. A right key always opens it: on the night, one steward's stale
   * link retried from the venue's shared address must not lock out the chair. Wrong keys
   * are counted per address; past ten a minute each is answered a second late.
   */
  async roleFor(room: AssemblyRoom, key: string | undefined, address: string): Promise<RoleResult> {
    if (key === undefined || key === '') return { ok: true, role: 'public' };
    if (this.shared) {
      // Another node may have regenerated this key a moment ago: ask the database, not the cache.
      const fresh = await this.deps.store.getAssembly(room.code);
      if (fresh) room.record = fresh;
    }
    const role = roleForKey(room.record.keyHashes, key);
    if (role !== null) return { ok: true, role };
    if (!(await this.limits.wrongKeys.take(address))) {
      await new Promise((resolve) => setTimeout(resolve, WRONG_KEY_PENALTY_MS));
      return failure('rate_limited');
    }
    this.deps.logger.warn({ code: room.code, address }, 'wrong key');
    return failure('bad_key');
  }

  /** Runs one untrusted command. Acknowledged only once its events are on disk. */
  async execute(
    room: AssemblyRoom,
    role: Role,
    input: unknown,
    origin: Origin = { address: 'unknown' },
  ): Promise<CommandReply> {
    if (!this.deps.answered) return this.run(room, role, input, origin);
    const started = performance.now();
    const reply = await this.run(room, role, input, origin);
    this.deps.answered(
      (input as { type?: unknown } | null)?.type,
      reply,
      (performance.now() - started) / 1000,
    );
    return reply;
  }

  private async run(room: AssemblyRoom, role: Role, input: unknown, origin: Origin): Promise<CommandReply> {
    // Refuse by role before parsing: the public need not have a 1 MB import parsed.
    const type = (input as { type?: unknown } | null)?.type;
    if (COMMAND_TYPES.includes(type as CommandType) && !mayRun(role, type as CommandType)) {
      return failure('forbidden', `Your role (${role}) cannot ${String(type)}.`);
    }
    const parsed = parseCommand(input);
    if (!parsed.ok) return parsed;
    const { command } = parsed;
    // A whole setup or a thousand registrants: checking it took the loop a while, so let
    // the night's other commands in before deciding it.
    if (LARGE_COMMANDS.has(command.type)) await new Promise((resolve) => setImmediate(resolve));
    if (role === 'public') {
      const limited = await this.publicLimit(origin, command.type);
      if (limited) return limited;
    }
    if (room.broken) return failure('unavailable');
    if (this.shared) return this.shared.run(room, role, command);
    const now = this.now();
    const decision = this.decide(room, role, command, now);
    if (!decision.ok) return decision;
    const reply =
      decision.events.length === 0
        ? await this.unchanged(room)
        : await this.record(room, role, decision.events, now);
    // Someone already in: the ack says since when and how, so the sender can say so.
    return reply.ok && decision.already ? { ...reply, already: decision.already } : reply;
  }

  /** The domain's decision; one that throws refuses this command alone and changes nothing. */
  private decide(room: AssemblyRoom, role: Role, command: Command, now: number): Decision {
    try {
      return decide(room.decided, command, { now, actor: role, newSecret });
    } catch (error) {
      this.deps.logger.error(
        { code: room.code, err: error, type: command.type },
        'command failed in the domain',
      );
      return failure('internal');
    }
  }

  /**
   * A phone's connection may check in a handful of people; an address (a whole venue's
   * wifi) a few hundred a minute. Only well-formed commands count, and the address only
   * counts what the connection's own limit let through, so one script flooding from the
   * venue's wifi uses up its own allowance, never the honest phones'.
   */
  private async publicLimit(
    { address, connection, connectedAt }: Origin,
    type: CommandType,
  ): Promise<Failure | null> {
    // A card (and its corrections) has an allowance of its own: it never uses up the check-ins'.
    const card = type === 'submitCard';
    const perPhone = card ? this.limits.cardsPerPhone : this.limits.checkInsPerPhone;
    if (connection !== undefined && !(await perPhone.take(connection)))
      return card
        ? failure('rate_limited', 'This phone has sent enough cards for now. Hand a paper card to a steward.')
        : failure('phone_limit_reached');
    const young = connectedAt !== undefined && this.now() - connectedAt < NEW_CONNECTION_MS;
    if (young && (await this.limits.floodedAddresses.exhausted(address)))
      return failure(
        'rate_limited',
        'Too many check-ins from here just now. It will go through in a moment.',
      );
    if (!(await this.limits.publicCommandsPerAddress.take(address)))
      return failure('rate_limited', 'Too many check-ins from here. Wait a minute.');
    return null;
  }

  /**
   * Nothing to record, but the state it was decided against may still be on its way to
   * disk (a double press right behind the first): ack only once that is durable.
   */
  private async unchanged(room: AssemblyRoom): Promise<CommandReply> {
    const seq = room.decidedSeq;
    if (seq > room.committedSeq && !(await room.lastAppend)) return failure('internal');
    return { ok: true, seq };
  }

  private async record(
    room: AssemblyRoom,
    role: Role,
    events: DomainEvent[],
    at: number,
  ): Promise<CommandReply> {
    const entries = events.map((event, i) => ({ seq: room.decidedSeq + 1 + i, at, actor: role, event }));
    const after = room.accept(entries);
    const append = this.deps.store.append(room.code, entries);
    room.lastAppend = append.then(
      () => true,
      () => false,
    );
    try {
      await append;
    } catch (error) {
      this.breakRoom(room, error);
      return failure('internal');
    }
    const prevSeq = room.committedSeq;
    room.commit(entries, after);
    const seq = room.committedSeq;
    // The reply leaves first: the press is on disk, and the chair hears so before thousands of
    // phones' sockets are written to (a join rush's 2,000 held the chair's ack p99 near 200 ms).
    // Batches still go out in commit order, and a socket that synced in between skips what it has.
    setImmediate(() => this.deps.publish?.(room, { prevSeq, seq, entries }));
    this.snapshotWhenQuiet(room);
    return { ok: true, seq };
  }

  /** Storage failed: forget the in-memory state (it ran ahead of the disk) and reload. */
  private breakRoom(room: AssemblyRoom, error: unknown): void {
    if (room.broken) return;
    room.broken = true;
    this.deps.logger.error({ code: room.code, err: error }, 'journal append failed; reloading assembly');
    this.rooms.delete(room.code);
    this.loaded.delete(room.code);
    this.deps.resync?.(room.code);
  }

  /** After a commit: a snapshot now, once the room is quiet, or not yet. */
  private snapshotWhenQuiet(room: AssemblyRoom): void {
    const threshold = snapshotThreshold(room);
    if (room.sinceSnapshot < threshold) return;
    if (room.sinceSnapshot >= 2 * threshold) {
      this.snapshot(room);
      return;
    }
    const waiting = this.snapshotsWaiting.get(room);
    if (waiting) {
      waiting.lastCommitAt = Date.now();
      return;
    }
    const later = { lastCommitAt: Date.now(), timer: undefined as ReturnType<typeof setTimeout> | undefined };
    const wait = (ms: number) => {
      later.timer = setTimeout(() => {
        const quietFor = Date.now() - later.lastCommitAt;
        if (quietFor < SNAPSHOT_QUIET_MS) {
          wait(SNAPSHOT_QUIET_MS - quietFor);
          return;
        }
        this.snapshotsWaiting.delete(room);
        // Let go of, or broken and reloaded, meanwhile: that room's snapshot is not wanted.
        if (!room.broken && this.loaded.get(room.code) === room && room.sinceSnapshot > 0)
          this.snapshot(room);
      }, ms);
      later.timer.unref();
    };
    this.snapshotsWaiting.set(room, later);
    wait(SNAPSHOT_QUIET_MS);
  }

  private snapshot(room: AssemblyRoom): void {
    const waiting = this.snapshotsWaiting.get(room);
    if (waiting) {
      clearTimeout(waiting.timer);
      this.snapshotsWaiting.delete(room);
    }
    // One at a time per room: the next commit past the due count asks again once it is saved.
    if (this.snapshotting.has(room)) return;
    room.sinceSnapshot = 0;
    const { committedSeq: seq, committed: state } = room;
    const written = snapshotText(state)
      .then((text) => this.deps.store.saveSnapshot(room.code, seq, text))
      .catch((error) => this.deps.logger.error({ code: room.code, err: error }, 'snapshot failed'))
      .finally(() => this.snapshotting.delete(room));
    this.snapshotting.set(room, written);
  }

  /** What a (re)connecting client needs: the gap since its seq, or a fresh snapshot. */
  sync(room: AssemblyRoom, role: Role, request: SyncRequest, publicUrl: string): SyncReply {
    const welcome = { role, epoch: room.record.epoch, publicUrl, serverNow: this.now() };
    const audience = audienceOf(role);
    const replay = request.epoch === room.record.epoch;
    const projected = room.projected(`${audience}:${replay ? request.seq : 'snapshot'}`, () => {
      const gap = replay ? room.entriesAfter(request.seq) : null;
      if (gap !== null)
        return { kind: 'replay' as const, entries: entriesFor(audience, gap, room.committed) };
      return { kind: 'snapshot' as const, seq: room.committedSeq, state: stateFor(audience, room.committed) };
    });
    return { ok: true, ...projected, ...welcome };
  }

  /** The whole journal of an assembly, for the organiser's record. */
  journal(code: string): Promise<JournalEntry[]> {
    return this.deps.store.readJournal(code, 0);
  }

  async list(): Promise<string[]> {
    return (await this.deps.store.listAssemblies()).map((record) => record.code);
  }

  /** Waits for every room being loaded and every snapshot being written, so close() races neither. */
  async settle(): Promise<void> {
    await Promise.allSettled(this.rooms.values());
    await this.snapshotsWritten();
  }

  /** Resolves once every snapshot being written now is in the store (or has failed). */
  async snapshotsWritten(): Promise<void> {
    await Promise.allSettled(this.snapshotting.values());
  }
}
