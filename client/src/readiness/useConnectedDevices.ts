import { useEffect, useRef, useState } from 'react';
import type { Presence } from '../../../shared/protocol/presence';
import type { ServerReadiness } from '../../../shared/protocol/serverReadiness';
import type { OkReply } from '../../../shared/protocol/socket';
import { connectedSocket, onEachSocket } from '../connection/assemblyConnection';
import { useAssembly } from '../connection/assemblyStore';
import { type KnownDoor, rememberDoors } from './connectedDevices';

/** Asked this often, and at once when the server says a screen or door came or went. */
const ASK_EVERY_MS = 3_000;
const ASK_AFTER_CHANGE_MS = 150;
const SERVER_CHECK_EVERY_MS = 30_000;
const ANSWER_WITHIN_MS = 6_000;

export interface ConnectedDevices {
  presence: Presence | null;
  /** Every door seen since this page opened: those online now, and those gone. */
  doors: KnownDoor[];
  problem: string | null;
}

/** Who is connected now (organiser and chair only): kept fresh while the page is open. */
export function useConnectedDevices(): ConnectedDevices {
  const live = useAssembly((s) => s.status === 'live');
  const [seen, setSeen] = useState<ConnectedDevices>({ presence: null, doors: [], problem: null });
  const asking = useRef(false);
  useEffect(() => {
    if (!live) return;
    let stopped = false;
    const ask = async () => {
      const socket = connectedSocket();
      if (!socket || asking.current) return;
      asking.current = true;
      try {
        const reply = await socket.timeout(ANSWER_WITHIN_MS).emitWithAck('presenceList');
        if (stopped) return;
        if (reply.ok) {
          const presence = reply.presence;
          setSeen((before) => ({
            presence,
            doors: rememberDoors(before.doors, presence, Date.now()),
            problem: null,
          }));
        } else setSeen((before) => ({ ...before, problem: reply.message }));
      } catch {
        if (!stopped) setSeen((before) => ({ ...before, problem: 'No answer from the server.' }));
      } finally {
        asking.current = false;
      }
    };
    void ask();
    const timer = setInterval(() => void ask(), ASK_EVERY_MS);
    let soon: ReturnType<typeof setTimeout> | undefined;
    const stopListening = onEachSocket((socket) => {
      const changed = () => {
        clearTimeout(soon);
        soon = setTimeout(() => void ask(), ASK_AFTER_CHANGE_MS);
      };
      socket.on('presenceChanged', changed);
      return () => socket.off('presenceChanged', changed);
    });
    return () => {
      stopped = true;
      clearInterval(timer);
      clearTimeout(soon);
      stopListening();
    };
  }, [live]);
  return seen;
}

/** What the server checked of itself (disk, backup, its links' base): asked every half minute. */
export function useServerReadiness(): ServerReadiness | null {
  const live = useAssembly((s) => s.status === 'live');
  const [readiness, setReadiness] = useState<ServerReadiness | null>(null);
  useEffect(() => {
    if (!live) return;
    let stopped = false;
    const ask = async () => {
      try {
        const reply = await connectedSocket()?.timeout(ANSWER_WITHIN_MS).emitWithAck('serverReadiness');
        if (!stopped && reply?.ok) setReadiness(reply.readiness);
      } catch {
        // Asked again in a moment.
      }
    };
    void ask();
    const timer = setInterval(() => void ask(), SERVER_CHECK_EVERY_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [live]);
  return readiness;
}

/** "Flash screen 2": that projector shows its name large for a few seconds. */
export async function flashScreen(deviceId: string, label: string): Promise<OkReply> {
  const socket = connectedSocket();
  if (!socket) return { ok: false, code: 'unavailable', message: 'Not connected: nothing was sent.' };
  try {
    return await socket.timeout(ANSWER_WITHIN_MS).emitWithAck('flashScreen', { deviceId, label });
  } catch {
    return { ok: false, code: 'unavailable', message: 'No answer from the server.' };
  }
}
