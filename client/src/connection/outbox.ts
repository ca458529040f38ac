import { create } from 'zustand';
import type { CommandInput } from '../../../shared/protocol/commands';
import { type Failure, failure } from '../../../shared/protocol/errors';
import type { CommandReply } from '../../../shared/protocol/socket';
import { sendCommand } from './assemblyConnection';
import { useAssembly } from './assemblyStore';
import { newUuid } from './deviceId';
import { forgetStored, storedJson, storeJson } from './deviceStorage';

// Check-ins made while the venue's wifi is down wait here, on the device (localStorage),
// and go in order when the connection returns. Every queued command is idempotent (a
// check-in carries its own id, a headcount is absolute), so a resend never counts twice.

export interface Queued {
  /** This queued send, unique. */
  id: string;
  /** What it is about: a newer command with the same key replaces a waiting one. */
  key: string;
  command: CommandInput;
  /** What the steward sees in the list ("Check in Grace Obi"). */
  label: string;
  /** Times the server answered `internal` to it: past a few, it is shown, not retried. */
  failures?: number;
  /** The rehearsal it was made in (absent: the real night). Sent after that rehearsal ended, it would count for real. */
  rehearsal?: number;
}

/** A queued command the server refused when it finally went: shown, never silently dropped. */
export interface Refusal {
  id: string;
  key: string;
  label: string;
  failure: Failure;
  /** What was refused, so the steward can answer a "same person?" and send it again. */
  command: CommandInput;
}

interface OutboxState {
  code: string;
  waiting: Queued[];
  refused: Refusal[];
}

export const useOutbox = create<OutboxState>(() => ({ code: '', waiting: [], refused: [] }));

const storageKey = (code: string) => `assembly-live:outbox:${code}`;
/** Failures a retry can fix: keep the command queued. */
const TRANSIENT = new Set(['unavailable', 'internal', 'rate_limited']);
/**
 * A command the server failed on this many times is not the network's fault: it stops
 * holding up the queue behind it and is shown to the steward instead.
 */
export const MAX_SERVER_FAILURES = 3;

function save(): void {
  const { code, waiting } = useOutbox.getState();
  if (waiting.length === 0) forgetStored(storageKey(code));
  else storeJson(storageKey(code), waiting);
}

function load(code: string): Queued[] {
  const parsed = storedJson(storageKey(code));
  return Array.isArray(parsed)
    ? parsed.filter((q) => typeof q?.id === 'string' && typeof q.key === 'string' && q.command)
    : [];
}

/** After the night, once nothing waits: the queue's storage goes. */
export const forgetOutbox = (code: string): void => forgetStored(storageKey(code));

export type Outcome = CommandReply | { ok: 'queued' };
/** Callers still waiting for the first answer to their command, by queued id. */
const waiters = new Map<string, (outcome: Outcome) => void>();
let flushing = false;
let unsubscribe: (() => void) | null = null;

/** Opens the device's outbox for an assembly and sends what waits whenever the link is up. */
export function openOutbox(code: string): () => void {
  useOutbox.setState({ code, waiting: load(code), refused: [] });
  unsubscribe?.();
  unsubscribe = useAssembly.subscribe((state, previous) => {
    if (state.status === 'live' && previous.status !== 'live') void flush();
  });
  if (useAssembly.getState().status === 'live') void flush();
  return () => {
    unsubscribe?.();
    unsubscribe = null;
  };
}

/**
 * Queues a command and tries to send it now. Resolves with the server's answer, or
 * `{ok: 'queued'}` when it must wait for the connection (a later refusal then lands in
 * `refused`). A waiting command with the same `key` is replaced.
 */
export function queueCommand(command: CommandInput, label: string, key: string): Promise<Outcome> {
  const replaced = useOutbox.getState().waiting.filter((q) => q.key === key);
  for (const old of replaced) settle(old.id, { ok: 'queued' });
  const rehearsal = useAssembly.getState().state?.rehearsal?.number;
  const item: Queued = { id: newUuid(), key, command, label, ...(rehearsal ? { rehearsal } : {}) };
  useOutbox.setState((s) => ({ waiting: [...s.waiting.filter((q) => q.key !== key), item] }));
  save();
  const outcome = new Promise<Outcome>((resolve) => waiters.set(item.id, resolve));
  void flush();
  return outcome;
}

function settle(id: string, outcome: Outcome): boolean {
  const waiter = waiters.get(id);
  waiters.delete(id);
  waiter?.(outcome);
  return waiter !== undefined;
}

async function flush(): Promise<void> {
  if (flushing) return;
  flushing = true;
  try {
    while (useAssembly.getState().status === 'live') {
      const next = useOutbox.getState().waiting[0];
      if (!next) break;
      let reply: CommandReply = rehearsalOver(next)
        ? failure('rehearsal_refused', REHEARSAL_OVER)
        : await sendCommand(next.command);
      if (!reply.ok && reply.code === 'internal') {
        const failures = (next.failures ?? 0) + 1;
        if (failures < MAX_SERVER_FAILURES) {
          useOutbox.setState((s) => ({
            waiting: s.waiting.map((q) => (q.id === next.id ? { ...q, failures } : q)),
          }));
          save();
          break;
        }
        reply = {
          ...reply,
          message: `The server could not take this ${failures} times, so it was not counted. Try it again by hand, or tell the organiser.`,
        };
      } else if (!reply.ok && TRANSIENT.has(reply.code)) break;
      // Whoever is still waiting hears the answer; otherwise it was queued earlier and a
      // refusal must be shown here. One update, so no screen sees it gone and not refused.
      const told = settle(next.id, reply);
      useOutbox.setState((s) => ({
        waiting: s.waiting.filter((q) => q.id !== next.id),
        refused:
          reply.ok || told
            ? s.refused
            : [
                ...s.refused,
                { id: next.id, key: next.key, label: next.label, failure: reply, command: next.command },
              ].slice(-20),
      }));
      save();
    }
  } finally {
    flushing = false;
  }
  // Anyone still waiting hears that their command is safe on the device.
  for (const q of useOutbox.getState().waiting) settle(q.id, { ok: 'queued' });
  if (useAssembly.getState().status === 'live' && useOutbox.getState().waiting.length > 0) {
    setTimeout(() => void flush(), 3_000);
  }
}

export const REHEARSAL_OVER =
  'Made during the rehearsal, which has ended: not sent, so it does not count on the night.';

/** Made during a rehearsal that is no longer under way. */
function rehearsalOver(queued: Queued): boolean {
  if (queued.rehearsal === undefined) return false;
  return useAssembly.getState().state?.rehearsal?.number !== queued.rehearsal;
}

export const dismissRefusal = (id: string) =>
  useOutbox.setState((s) => ({ refused: s.refused.filter((r) => r.id !== id) }));
export const dismissRefusals = () => useOutbox.setState({ refused: [] });
