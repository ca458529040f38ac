import type { DoorPresence, Presence, ScreenPresence } from '../../../shared/protocol/presence';

// Pure: how the readiness panel names what is connected, and remembers doors that went.

export interface NamedScreen extends ScreenPresence {
  /** "Screen 2", "Speaker monitor 1": numbered in the order they connected. */
  name: string;
}

export function namedScreens(screens: readonly ScreenPresence[]): NamedScreen[] {
  const ordered = [...screens].sort(
    (a, b) => a.connectedAt - b.connectedAt || (a.deviceId < b.deviceId ? -1 : 1),
  );
  let rooms = 0;
  let speakers = 0;
  return ordered.map((screen) => ({
    ...screen,
    name: screen.view === 'room' ? `Screen ${++rooms}` : `Speaker monitor ${++speakers}`,
  }));
}

/** A door device as the panel shows it: online now, or gone since it was last listed. */
export interface KnownDoor extends DoorPresence {
  online: boolean;
  lastSeenAt: number;
}

/**
 * The doors listed now, online, and those gone, offline with what they last said (how many
 * waited in their outbox): those the server remembers, and those this page saw go.
 */
export function rememberDoors(known: readonly KnownDoor[], presence: Presence, now: number): KnownDoor[] {
  const online = new Map(presence.doors.map((door) => [door.deviceId, door]));
  const doors: KnownDoor[] = presence.doors.map((door) => ({ ...door, online: true, lastSeenAt: now }));
  const gone = new Map<string, KnownDoor>();
  const offline = [
    ...presence.doorsGone.map((door) => ({ ...door, online: false })),
    ...known.map((door) => ({ ...door, online: false })),
  ];
  for (const door of offline) {
    if (online.has(door.deviceId)) continue;
    const seen = gone.get(door.deviceId);
    if (!seen || door.lastSeenAt > seen.lastSeenAt) gone.set(door.deviceId, door);
  }
  doors.push(...gone.values());
  return doors.sort((a, b) => a.label.localeCompare(b.label) || (a.deviceId < b.deviceId ? -1 : 1));
}

/** "+0.3 s", "−2 min": a device's clock against the server's (offset = server − device). */
export function describeClockOffset(offsetMs: number): string {
  const ahead = -offsetMs;
  const sign = ahead >= 0 ? '+' : '−';
  const size = Math.abs(ahead);
  if (size < 50) return '0.0 s';
  if (size < 60_000) return `${sign}${(size / 1000).toFixed(1)} s`;
  return `${sign}${Math.round(size / 60_000)} min`;
}
