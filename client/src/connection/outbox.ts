import { create } from 'zustand';
import type { CommandInput } from '../../../shared/protocol/commands';
import type { CommandReply } from '../../../shared/protocol/socket';
import { sendCommand } from './assemblyConnection';
import { useAssembly } from './assemblyStore';

// Check-ins made while the venue's wifi is down wait here, on the device (localStorage),
// and go in order when the connection returns. Every queued command is idempotent (a
// check-in carries its own id, a headcount is absolute), so a resend never counts twice.

export interface Queued {
  key: string;
  command: CommandInput;
  /** What the steward sees in the list ("Check in Grace Obi"). */
  label: string;
}

export interface Refusal {
  key: string;
  label: string;
  message: string;
}

interface OutboxState {
  code: string;
  waiting: Queued[];
  /** Queued commands the server refused when they finally went: shown, never silently dropped. */
  refused: Refusal[];
}

export const useOutbox = create<OutboxState>(() => ({ code: '', waiting: [], refused: [] }));

const storageKey = (code: string) => `assembly-live:outbox:${code}`;
/** Failures a retry can fix: keep the command queued. */
const TRANSIENT = new Set(['unavailable', 'internal', 'rate_limited']);

function save(): void {
  const { code, waiting } = useOutbox.getState();
  try {
    if (waiting.length === 0) localStorage.removeItem(storageKey(code));
    else localStorage.setItem(storageKey(code), JSON.stringify(waiting));
  } catch {
    // Storage full or off: the queue still lives as long as the page does.
  }
}

function load(code: string): Queued[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(storageKey(code)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((q) => typeof q?.key === 'string' && q.command) : [];
  } catch {
    return [];
  }
}

type Outcome = CommandReply | { ok: 'queued' };
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
 * `{ok: 'queued'}` when it must wait for the connection. `key` replaces a queued command
 * with the same key (a newer headcount supersedes an older one).
 */
export function queueCommand(command: CommandInput, label: string, key: string): Promise<Outcome> {
  const waiting = useOutbox.getState().waiting.filter((q) => q.key !== key);
  waiters.get(key)?.({ ok: 'queued' });
  useOutbox.setState({ waiting: [...waiting, { key, command, label }] });
  save();
  const outcome = new Promise<Outcome>((resolve) => waiters.set(key, resolve));
  void flush();
  return outcome;
}

async function flush(): Promise<void> {
  if (flushing) return;
  flushing = true;
  try {
    while (useAssembly.getState().status === 'live') {
      const next = useOutbox.getState().waiting[0];
      if (!next) break;
      const reply = await sendCommand(next.command);
      if (!reply.ok && TRANSIENT.has(reply.code)) break;
      useOutbox.setState((s) => ({
        waiting: s.waiting.filter((q) => q !== next),
        refused: reply.ok
          ? s.refused
          : [...s.refused, { key: next.key, label: next.label, message: reply.message }].slice(-20),
      }));
      save();
      const waiter = waiters.get(next.key);
      waiters.delete(next.key);
      waiter?.(reply);
    }
  } finally {
    flushing = false;
  }
  // Anyone still waiting hears that their command is safe on the device.
  for (const q of useOutbox.getState().waiting) {
    waiters.get(q.key)?.({ ok: 'queued' });
    waiters.delete(q.key);
  }
  if (useAssembly.getState().status === 'live' && useOutbox.getState().waiting.length > 0) {
    setTimeout(() => void flush(), 3_000);
  }
}

export const dismissRefusals = () => useOutbox.setState({ refused: [] });
