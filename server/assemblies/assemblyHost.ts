import { randomUUID } from 'node:crypto';
import { type AssemblyDetails, type AssemblyState, emptyAssembly } from '../../shared/domain/assembly';
import { decide } from '../../shared/domain/decide';
import { evolveAll } from '../../shared/domain/evolve';
import { entriesFor, stateFor } from '../../shared/domain/views';
import { mayRun, parseCommand } from '../../shared/protocol/commands';
import { type Failure, failure } from '../../shared/protocol/errors';
import type { DomainEvent, JournalEntry } from '../../shared/protocol/events';
import type { Role, StaffRole } from '../../shared/protocol/roles';
import type { CommandReply, EventBatch, SyncReply, SyncRequest } from '../../shared/protocol/socket';
import type { Logger } from '../logger';
import type { Store } from '../store/store';
import { AssemblyRoom } from './assemblyRoom';
import { newAssemblyCode, newKeys, normaliseCode, roleForKey } from './keys';
import { WrongKeyLimiter } from './wrongKeyLimiter';

const SNAPSHOT_EVERY = 500;

export interface HostDeps {
  store: Store;
  logger: Logger;
  now?: () => number;
  /** Called once per committed batch, in seq order. */
  publish?: (code: string, batch: EventBatch, publicBatch: EventBatch) => void;
  /** Called when an assembly's stream broke (storage failed) and its clients must resync. */
  resync?: (code: string) => void;
}

export interface CreatedAssembly {
  code: string;
  keys: Record<StaffRole, string>;
}

export type RoleResult = { ok: true; role: Role } | Failure;

/**
 * Holds the live assemblies: loads them from the store, runs commands through the pure
 * domain, commits before acknowledging, and hands committed batches to `publish`.
 * It never touches a socket or an HTTP request, so every transport shares it.
 */
export class AssemblyHost {
  private readonly rooms = new Map<string, Promise<AssemblyRoom | null>>();
  private readonly limiter = new WrongKeyLimiter();
  private readonly now: () => number;

  constructor(private readonly deps: HostDeps) {
    this.now = deps.now ?? Date.now;
  }

  set publish(fn: HostDeps['publish']) {
    this.deps.publish = fn;
  }

  set resync(fn: HostDeps['resync']) {
    this.deps.resync = fn;
  }

  async create(details: AssemblyDetails): Promise<CreatedAssembly> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const code = newAssemblyCode();
      const { keys, hashes } = newKeys();
      const entry: JournalEntry = {
        seq: 1,
        at: this.now(),
        actor: 'admin',
        event: { type: 'assemblyCreated', code, ...details },
      };
      const record = { code, epoch: randomUUID(), keyHashes: hashes, createdAt: entry.at };
      if (await this.deps.store.createAssembly(record, [entry])) {
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

  private async load(code: string): Promise<AssemblyRoom | null> {
    const { store } = this.deps;
    const record = await store.getAssembly(code);
    if (!record) return null;
    const snapshot = await store.latestSnapshot(code);
    const base: AssemblyState = snapshot?.state ?? emptyAssembly(code);
    const entries = await store.readJournal(code, snapshot?.seq ?? 0);
    const state = evolveAll(
      base,
      entries.map((entry) => entry.event),
    );
    const seq = entries.at(-1)?.seq ?? snapshot?.seq ?? 0;
    const room = new AssemblyRoom(record, state, seq);
    this.deps.logger.info({ code, seq, replayed: entries.length }, 'assembly loaded');
    return room;
  }

  /** Which role a key opens for this assembly; wrong keys are counted per address. */
  roleFor(room: AssemblyRoom, key: string | undefined, address: string): RoleResult {
    if (key === undefined || key === '') return { ok: true, role: 'public' };
    if (this.limiter.isBlocked(address)) return failure('rate_limited');
    const role = roleForKey(room.record.keyHashes, key);
    if (role === null) {
      this.limiter.recordFailure(address);
      this.deps.logger.warn({ code: room.code, address }, 'wrong key');
      return failure('bad_key');
    }
    return { ok: true, role };
  }

  /** Runs one untrusted command. Acknowledged only once its events are on disk. */
  async execute(room: AssemblyRoom, role: Role, input: unknown): Promise<CommandReply> {
    const parsed = parseCommand(input);
    if (!parsed.ok) return parsed;
    const { command } = parsed;
    if (!mayRun(role, command.type))
      return failure('forbidden', `Your role (${role}) cannot ${command.type}.`);
    if (room.broken) return failure('unavailable');
    const now = this.now();
    const decision = decide(room.decided, command, { now });
    if (!decision.ok) return decision;
    if (decision.events.length === 0) return { ok: true, seq: room.decidedSeq };
    return this.record(room, role, decision.events, now);
  }

  private async record(
    room: AssemblyRoom,
    role: Role,
    events: DomainEvent[],
    at: number,
  ): Promise<CommandReply> {
    const entries = events.map((event, i) => ({ seq: room.decidedSeq + 1 + i, at, actor: role, event }));
    room.accept(entries);
    try {
      await this.deps.store.append(room.code, entries);
    } catch (error) {
      this.breakRoom(room, error);
      return failure('internal');
    }
    const prevSeq = room.committedSeq;
    room.commit(entries);
    const seq = room.committedSeq;
    this.deps.publish?.(
      room.code,
      { prevSeq, seq, entries },
      { prevSeq, seq, entries: entriesFor('public', entries) },
    );
    if (room.sinceSnapshot >= SNAPSHOT_EVERY) this.snapshot(room);
    return { ok: true, seq };
  }

  /** Storage failed: forget the in-memory state (it ran ahead of the disk) and reload. */
  private breakRoom(room: AssemblyRoom, error: unknown): void {
    if (room.broken) return;
    room.broken = true;
    this.deps.logger.error({ code: room.code, err: error }, 'journal append failed; reloading assembly');
    this.rooms.delete(room.code);
    this.deps.resync?.(room.code);
  }

  private snapshot(room: AssemblyRoom): void {
    room.sinceSnapshot = 0;
    const snapshot = { seq: room.committedSeq, state: room.committed };
    this.deps.store
      .saveSnapshot(room.code, snapshot)
      .catch((error) => this.deps.logger.error({ code: room.code, err: error }, 'snapshot failed'));
  }

  /** What a (re)connecting client needs: the gap since its seq, or a fresh snapshot. */
  sync(room: AssemblyRoom, role: Role, request: SyncRequest, publicUrl: string): SyncReply {
    const welcome = { role, epoch: room.record.epoch, publicUrl, serverNow: this.now() };
    const gap = request.epoch === room.record.epoch ? room.entriesAfter(request.seq) : null;
    if (gap !== null) return { ok: true, kind: 'replay', entries: entriesFor(role, gap), ...welcome };
    return {
      ok: true,
      kind: 'snapshot',
      seq: room.committedSeq,
      state: stateFor(role, room.committed),
      ...welcome,
    };
  }

  async list(): Promise<string[]> {
    return (await this.deps.store.listAssemblies()).map((record) => record.code);
  }

  /** Waits for every room being loaded, so close() does not race a load. */
  async settle(): Promise<void> {
    await Promise.allSettled(this.rooms.values());
  }
}
