import type { Scene } from '../domain/assembly';

// Who is connected now: the room's screens, the doors and the phones. Presence is not a fact
// of the night's record: it lives on the sockets, never in the journal. No zod here: the
// projector, the door and the phones import it (presenceSchemas.ts is the server's check).

/** How often a screen or a door says it is still there. */
export const PRESENCE_EVERY_MS = 4_000;
/** A screen or door not heard from for this long counts as gone, whatever its socket says. */
export const PRESENCE_STALE_MS = 12_000;
/** How long "Flash screen 2" shows its overlay on the projector. */
export const FLASH_MS = 6_000;
/** A clock further off than this is worth setting right (the device's own times are shown). */
export const CLOCK_SANE_MS = 30_000;
/** Bounds on a reported clock offset and outbox: a day, and more than any door can queue. */
export const MAX_CLOCK_OFFSET_MS = 86_400_000;
export const MAX_WAITING = 100_000;
/** A door that went is listed as offline this long after it was last heard from. */
export const GONE_KEPT_MS = 6 * 60 * 60 * 1000;
/** At most this many gone doors are kept per assembly on each node. */
export const GONE_KEPT = 100;
/**
 * At most this many screens, and doors, are listed: the screen link is public, and a script
 * opening thousands must not make every look at the list a large one. The earliest connected
 * are kept (the real projectors are set up before the doors open).
 */
export const MAX_LISTED = 200;

export type ScreenView = 'room' | 'speaker';

/** What a page says about itself, every PRESENCE_EVERY_MS (a phone once, on connecting). */
export type PresenceReport =
  | { device: 'screen'; deviceId: string; view: ScreenView; scene: Scene; clockOffsetMs: number }
  | { device: 'door'; deviceId: string; label: string; waiting: number; clockOffsetMs: number }
  | { device: 'phone' };

export interface ScreenPresence {
  deviceId: string;
  view: ScreenView;
  scene: Scene;
  clockOffsetMs: number;
  /** Server time its socket connected: screens are numbered in that order. */
  connectedAt: number;
}

export interface DoorPresence {
  deviceId: string;
  label: string;
  waiting: number;
  clockOffsetMs: number;
  connectedAt: number;
}

/** A door device that went (closed, or silent): what it last said, and when. */
export interface GoneDoor extends DoorPresence {
  lastSeenAt: number;
}

/** Who is connected to one assembly now, across every node. */
export interface Presence {
  screens: ScreenPresence[];
  doors: DoorPresence[];
  /** Doors seen lately that are not connected now (newest word from each). */
  doorsGone: GoneDoor[];
  phones: number;
  /** Nodes that did not answer in time: their devices are missing from the lists. */
  missingNodes: number;
}

/** The organiser's or chair's "Flash screen 2": that projector shows `label` large. */
export interface FlashRequest {
  deviceId: string;
  label: string;
}

export interface Flash {
  label: string;
  ms: number;
}
