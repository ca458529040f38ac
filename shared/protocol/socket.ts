import { z } from 'zod';
import type { AssemblyState } from '../domain/assembly';
import type { AlreadyIn } from '../domain/samePerson';
import type { CommandInput } from './commands';
import type { Failure } from './errors';
import type { JournalEntry } from './events';
import type { Flash, FlashRequest, Presence, PresenceReport } from './presence';
import type { Role } from './roles';
import type { ServerReadiness } from './serverReadiness';

// The Socket.IO contract, shared by server and client: Server<ClientToServer, ServerToClient>.

/** The client says what it last saw; the server answers with the gap or everything. */
export const syncRequestSchema = z.object({
  epoch: z.string().max(64).nullable(),
  seq: z.number().int().min(0),
});
export type SyncRequest = z.infer<typeof syncRequestSchema>;

/**
 * Sent in the handshake's `auth`. With `sync`, the server answers it as soon as the socket is
 * in (the `synced` event), as if the client had sent `sync` first; it is checked there.
 */
export const handshakeSchema = z.object({
  code: z.string().trim().min(1).max(20),
  key: z.string().min(1).max(200).optional(),
  v: z.number().int(),
  sync: z.unknown().optional(),
});

export interface Welcome {
  role: Role;
  /** Changes if the assembly's journal is a different one (a restored or reset database). */
  epoch: string;
  /** The base URL phones should use (the join link and QR). */
  publicUrl: string;
  serverNow: number;
}

export type SyncReply =
  | ({ ok: true; kind: 'snapshot'; seq: number; state: AssemblyState } & Welcome)
  | ({ ok: true; kind: 'replay'; entries: JournalEntry[] } & Welcome)
  | Failure;

export type CommandReply = { ok: true; seq: number; already?: AlreadyIn } | Failure;

/** A batch of committed events. `prevSeq` lets a client notice a gap and resync. */
export interface EventBatch {
  prevSeq: number;
  seq: number;
  entries: JournalEntry[];
}

export interface ClientToServer {
  sync: (request: SyncRequest, reply: (reply: SyncReply) => void) => void;
  command: (command: CommandInput, reply: (reply: CommandReply) => void) => void;
  /** Clock-offset estimation: the server answers with its time. */
  clock: (reply: (serverNow: number) => void) => void;
  /** A screen, door or phone says it is here (never journalled: see presence.ts). */
  presence: (report: PresenceReport, reply?: (reply: OkReply) => void) => void;
  /** Staff (organiser, chair): who is connected now, across every node. */
  presenceList: (reply: (reply: PresenceReply) => void) => void;
  /** Staff (organiser, chair): one projector shows who it is, large, for a few seconds. */
  flashScreen: (request: FlashRequest, reply: (reply: OkReply) => void) => void;
  /** Staff (organiser, chair): what the server can check of itself before the night. */
  serverReadiness: (reply: (reply: ServerReadinessReply) => void) => void;
}

export type OkReply = { ok: true } | Failure;
export type PresenceReply = { ok: true; presence: Presence } | Failure;
export type ServerReadinessReply = { ok: true; readiness: ServerReadiness } | Failure;

export interface ServerToClient {
  events: (batch: EventBatch) => void;
  /** The answer to the `sync` the handshake carried. */
  synced: (reply: SyncReply) => void;
  /** Something went wrong with the stream (e.g. storage failed): sync again from scratch. */
  resync: () => void;
  /**
   * The organiser made a new key for this session's role: its key no longer works. Sent just
   * before the server closes the session, so the page can say why instead of "link does not work".
   */
  keyReplaced: () => void;
  /** To one screen: show who you are (the organiser's "Flash screen 2"). */
  flash: (flash: Flash) => void;
  /** To the organiser and chair: a screen or door came or went; ask presenceList again. */
  presenceChanged: () => void;
}

/** Data the server attaches to a refused connection (`connect_error`'s `err.data`). */
export interface ConnectRefusal {
  code: Failure['code'];
  message: string;
}
