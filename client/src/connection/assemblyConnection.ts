import { io, type Socket } from 'socket.io-client';
import type { CommandInput } from '../../../shared/protocol/commands';
import { ERROR_CODES, failure, isErrorCode } from '../../../shared/protocol/errors';
import type {
  ClientToServer,
  CommandReply,
  EventBatch,
  ServerToClient,
  SyncReply,
} from '../../../shared/protocol/socket';
import { PROTOCOL_VERSION } from '../../../shared/protocol/version';
import { callApi } from '../api';
import { useAssembly } from './assemblyStore';
import { bestSample, type ClockSample, sampleFrom, withSample } from './clockOffset';
import { forgetKey, rememberKey } from './heldKeys';
import { forgetCachedMirror, loadCachedMirror, saveCachedMirror } from './mirrorCache';
import { applyEntries, applyInOrder, GAP_WAIT_MS } from './stream';

type AssemblySocket = Socket<ServerToClient, ClientToServer>;

/** Refusals a retry cannot fix: the page says why and stops trying. */
const FINAL = new Set(['unknown_assembly', 'bad_key', 'protocol_mismatch', 'invalid_body']);
const COMMAND_TIMEOUT_MS = 8_000;

let socket: AssemblySocket | null = null;
let cacheMirror = false;
/** The assembly and key of the open connection, for commands too large for the socket. */
let opened: { code: string; key?: string } | null = null;

/** Listens to one socket for messages beyond the state's (presence, flash); returns how to stop. */
export type SocketListener = (socket: AssemblySocket) => () => void;
const listeners = new Map<SocketListener, (() => void) | null>();

/** Keeps a listener on whichever socket is open now and on every later one. */
export function onEachSocket(listen: SocketListener): () => void {
  listeners.set(listen, socket ? listen(socket) : null);
  return () => {
    listeners.get(listen)?.();
    listeners.delete(listen);
  };
}

/** The open socket, if connected: for messages that are not commands (presence.ts). */
export const connectedSocket = (): AssemblySocket | null => (socket?.connected ? socket : null);

export interface ConnectOptions {
  code: string;
  key?: string;
  /** Public screens keep the last state on the device, so a reload never shows a blank projector. */
  cache?: boolean;
}

export function connectAssembly({ code, key, cache = false }: ConnectOptions): () => void {
  disconnectAssembly();
  cacheMirror = cache;
  opened = { code, key };
  // A staff key's view (the door's, with names) and the public's are cached apart: a phone
  // that checked in and then opened the door link must not start from the counts-only view.
  const slot = key ? 'staff' : 'public';
  const cached = cache ? loadCachedMirror(code, slot) : null;
  useAssembly.setState({
    ...useAssembly.getInitialState(),
    code,
    ...(cached ? { epoch: cached.epoch, seq: cached.seq, state: cached.state, status: 'reconnecting' } : {}),
  });

  // Each handshake says what this page last saw, and the server answers it as soon as the
  // socket is in (`synced`): on a slow venue link, a round trip sooner than asking after.
  let handshakeAt = 0;
  const s: AssemblySocket = io({
    auth: (send) => {
      handshakeAt = Date.now();
      const { epoch, seq } = useAssembly.getState();
      send({ code, key, v: PROTOCOL_VERSION, sync: { epoch, seq } });
    },
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    // Thousands of phones come back together after a restart: spread them out (+-50%), but
    // within 2 s, as tldraw's sync does: with 5 s, phones that tried while the server was
    // starting waited up to 7.5 s more, and 5,000 took 10 s to resync after a kill -9 (bench).
    reconnectionDelay: 500,
    reconnectionDelayMax: 2_000,
    randomizationFactor: 0.5,
  });
  socket = s;
  for (const listen of listeners.keys()) listeners.set(listen, listen(s));
  let syncing = false;
  let buffered: EventBatch[] = [];
  let early: EventBatch[] = [];
  let gapTimer: ReturnType<typeof setTimeout> | undefined;
  let clockTimer: ReturnType<typeof setInterval> | undefined;
  let settledClock: ReturnType<typeof setTimeout> | undefined;
  // Recent samples only: the device's clock may drift or be corrected during the night.
  let clockSamples: ClockSample[] = [];

  // Only the newest sync's reply counts: an older one (from before a reconnect) could
  // carry a state behind what this page already shows.
  let generation = 0;

  const retrySync = (mine: number) => {
    syncing = false;
    if (useAssembly.getState().status !== 'refused') useAssembly.setState({ status: 'reconnecting' });
    setTimeout(() => mine === generation && s.connected && sync(), 1_000 + Math.random() * 2_000);
  };

  const beginSync = () => {
    const mine = ++generation;
    syncing = true;
    // Held batches past a gap may still continue what the sync brings.
    buffered = early;
    early = [];
    clearTimeout(gapTimer);
    return mine;
  };

  const settleSync = (mine: number, sentAt: number, error: Error | null, reply?: SyncReply) => {
    if (mine !== generation) return;
    if (error || !reply) return retrySync(mine);
    if (!reply.ok) {
      if (!FINAL.has(reply.code)) return retrySync(mine);
      syncing = false;
      useAssembly.setState({ status: 'refused', refusal: reply });
      return;
    }
    // A first clock estimate, until the pings refine it.
    clockSamples = withSample(clockSamples, sampleFrom(sentAt, reply.serverNow, Date.now()));
    useAssembly.setState({ clockOffsetMs: Math.round(bestSample(clockSamples)!.offsetMs) });
    const current = useAssembly.getState();
    const base = reply.kind === 'snapshot' ? { seq: reply.seq, state: reply.state } : null;
    let mirror = base ?? (current.state ? { seq: current.seq, state: current.state } : null);
    if (!mirror) {
      // A replay needs a state to apply to; without one ask for everything.
      useAssembly.setState({ epoch: null, seq: 0 });
      return sync();
    }
    if (reply.kind === 'replay') mirror = applyEntries(mirror, reply.entries);
    let ordered = { mirror, early: [] as EventBatch[] };
    for (const batch of buffered) ordered = applyInOrder(ordered.mirror, ordered.early, batch);
    mirror = ordered.mirror;
    syncing = false;
    buffered = [];
    useAssembly.setState({
      status: 'live',
      refusal: null,
      role: reply.role,
      epoch: reply.epoch,
      publicUrl: reply.publicUrl,
      seq: mirror.seq,
      state: mirror.state,
    });
    persist();
    // The server accepted this key for this role: worth remembering on this device.
    if (key && reply.role !== 'public') rememberKey(code, reply.role, key, mirror.state.title);
    early = ordered.early;
    if (early.length > 0) gapTimer = setTimeout(() => early.length > 0 && sync(), GAP_WAIT_MS);
  };

  const sync = () => {
    const mine = beginSync();
    const { epoch, seq } = useAssembly.getState();
    const sentAt = Date.now();
    s.timeout(COMMAND_TIMEOUT_MS).emit('sync', { epoch, seq }, (error: Error | null, reply?: SyncReply) =>
      settleSync(mine, sentAt, error, reply),
    );
  };

  // The sync the handshake carried, answered by the server without being asked.
  let awaitingSynced: number | null = null;
  let syncedTimer: ReturnType<typeof setTimeout> | undefined;
  const awaitHandshakeSync = () => {
    const mine = beginSync();
    awaitingSynced = mine;
    clearTimeout(syncedTimer);
    syncedTimer = setTimeout(() => {
      if (awaitingSynced !== mine || mine !== generation) return;
      awaitingSynced = null;
      sync();
    }, COMMAND_TIMEOUT_MS);
  };
  s.on('synced', (reply) => {
    const mine = awaitingSynced;
    if (mine === null) return;
    awaitingSynced = null;
    clearTimeout(syncedTimer);
    settleSync(mine, handshakeAt, null, reply);
  });

  const persist = () => {
    const { epoch, seq, state } = useAssembly.getState();
    if (cacheMirror && epoch && state) saveCachedMirror(code, slot, { epoch, seq, state });
  };

  const measureClock = async (pings: number) => {
    for (let i = 0; i < pings && s.connected; i++) {
      const sentAt = Date.now();
      try {
        const serverTime = await s.timeout(3_000).emitWithAck('clock');
        clockSamples = withSample(clockSamples, sampleFrom(sentAt, serverTime, Date.now()));
      } catch {
        return;
      }
    }
    const best = bestSample(clockSamples);
    if (best) useAssembly.setState({ clockOffsetMs: Math.round(best.offsetMs) });
  };

  s.on('connect', () => {
    useAssembly.setState((state) => ({ status: state.state ? 'reconnecting' : 'connecting' }));
    awaitHandshakeSync();
    void measureClock(5);
    // Those first pings share the page with the sync's snapshot and the first render, which
    // can hold their answers up; a few more once the page has settled give a clean one.
    clearTimeout(settledClock);
    settledClock = setTimeout(() => void measureClock(5), 2_000);
    clearInterval(clockTimer);
    clockTimer = setInterval(() => void measureClock(3), 60_000);
  });

  s.on('events', (batch) => {
    if (syncing) {
      buffered.push(batch);
      return;
    }
    const { seq, state } = useAssembly.getState();
    if (!state) return;
    const ordered = applyInOrder({ seq, state }, early, batch);
    early = ordered.early;
    if (ordered.mirror.seq !== seq) {
      useAssembly.setState({ seq: ordered.mirror.seq, state: ordered.mirror.state });
      persist();
    }
    clearTimeout(gapTimer);
    if (early.length > 0) gapTimer = setTimeout(() => early.length > 0 && sync(), GAP_WAIT_MS);
  });

  s.on('resync', () => sync());

  // This link was replaced by a new one: say so, and do not come back with the old key.
  // The names it held go too: a replaced link is often a lost or stolen device. What waits
  // in the outbox stays, to go with the new link.
  s.on('keyReplaced', () => {
    if (key) forgetKey(key);
    forgetCachedMirror(code, slot);
    useAssembly.setState({
      status: 'refused',
      refusal: failure('key_replaced'),
      state: null,
      seq: 0,
      epoch: null,
    });
    s.disconnect();
  });

  s.on('disconnect', (reason) => {
    clearInterval(clockTimer);
    clearTimeout(settledClock);
    if (useAssembly.getState().status !== 'refused') useAssembly.setState({ status: 'reconnecting' });
    // The server hung up on purpose (a restart, or a message over the size limit): come back.
    if (reason === 'io server disconnect') setTimeout(() => s.connect(), 1_000);
  });

  s.on('connect_error', (error) => {
    const data = (error as Error & { data?: { code?: unknown; message?: string } }).data;
    const code = data?.code;
    if (isErrorCode(code) && FINAL.has(code)) {
      if (code === 'bad_key' && key) forgetKey(key);
      useAssembly.setState({ status: 'refused', refusal: failure(code, data?.message ?? ERROR_CODES[code]) });
      return;
    }
    useAssembly.setState((state) => ({ status: state.state ? 'reconnecting' : 'connecting' }));
    // A refusal from our own middleware is not retried by Socket.IO: retry it ourselves.
    if (isErrorCode(code)) setTimeout(() => s.connect(), code === 'rate_limited' ? 60_000 : 2_000);
  });

  // Phones sleep and wifi drops: when the browser says it is back, reconnect at once.
  const wake = () => {
    // A device back from sleep may have had its clock corrected: measure again at once.
    if (s.connected && document.visibilityState === 'visible') void measureClock(3);
    if (
      !s.connected &&
      document.visibilityState === 'visible' &&
      useAssembly.getState().status !== 'refused'
    ) {
      s.connect();
    }
  };
  // Offline now: say so at once (and queue check-ins) rather than after the ping times out.
  let offlineRetry: ReturnType<typeof setInterval> | undefined;
  const offline = () => {
    s.disconnect();
    if (useAssembly.getState().status !== 'refused') useAssembly.setState({ status: 'reconnecting' });
    // We hung up ourselves, so Socket.IO will not retry: do it if 'online' never comes.
    clearInterval(offlineRetry);
    offlineRetry = setInterval(() => {
      if (s.connected) clearInterval(offlineRetry);
      else if (navigator.onLine) wake();
    }, 5_000);
  };
  window.addEventListener('online', wake);
  window.addEventListener('offline', offline);
  document.addEventListener('visibilitychange', wake);

  return () => {
    clearInterval(clockTimer);
    clearTimeout(settledClock);
    clearTimeout(gapTimer);
    window.removeEventListener('online', wake);
    window.removeEventListener('offline', offline);
    clearInterval(offlineRetry);
    document.removeEventListener('visibilitychange', wake);
    s.removeAllListeners();
    s.disconnect();
    if (socket === s) socket = null;
  };
}

export function disconnectAssembly(): void {
  socket?.disconnect();
  socket = null;
}

/**
 * A command too large for the socket (the setup editor's whole setup): sockets take small
 * messages only, so it goes over HTTP with the same key, and its events come back on the socket.
 */
export async function sendLargeCommand(command: CommandInput): Promise<CommandReply> {
  if (!opened?.key) return failure('unavailable', 'Not connected: nothing was sent.');
  const reply = await callApi<{ seq: number }>(
    `/api/assemblies/${opened.code}/commands`,
    command,
    opened.key,
  );
  return reply.ok ? { ok: true, seq: reply.seq } : reply;
}

/** Sends a command; resolves with the server's answer, or a clear failure when offline. */
export async function sendCommand(command: CommandInput): Promise<CommandReply> {
  const s = socket;
  if (!s?.connected)
    return failure('unavailable', 'Not connected: nothing was sent. Try again when reconnected.');
  try {
    return await s.timeout(COMMAND_TIMEOUT_MS).emitWithAck('command', command);
  } catch {
    return failure('unavailable', 'No answer from the server. Check the screen before trying again.');
  }
}
