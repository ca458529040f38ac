import type { AssemblyState } from '../../../shared/domain/assembly';
import { CLOCK_SANE_MS, type Presence } from '../../../shared/protocol/presence';
import type { ServerReadiness } from '../../../shared/protocol/serverReadiness';
import { linkReach } from '../links/linkReach';
import { describeClockOffset, type KnownDoor } from './connectedDevices';

// Pure: the organiser's "Ready for the night?", each item ready or with what to do about it.

export type CheckStatus = 'ready' | 'warning' | 'todo' | 'unknown';

export interface ReadinessCheck {
  id:
    | 'joinLink'
    | 'https'
    | 'projector'
    | 'doors'
    | 'plannedTimes'
    | 'askTargets'
    | 'agendaFits'
    | 'journalSpace'
    | 'backup';
  title: string;
  status: CheckStatus;
  /** What is right, or what to do. */
  detail: string;
}

export interface ReadinessInput {
  state: AssemblyState;
  /** The links' base this page was given; the server's own answer wins once it is in. */
  publicUrl: string;
  server: ServerReadiness | null;
  /** Null until the first list arrives. */
  presence: Presence | null;
  /** Every door seen since the panel opened, online or not (connectedDevices.ts). */
  doors: readonly KnownDoor[];
}

/** Below this the journal may fill the disk on a big night; below the first, it is urgent. */
export const DISK_TODO_BYTES = 200 * 1024 * 1024;
export const DISK_WARNING_BYTES = 1024 * 1024 * 1024;
/** A backup older than this was not taken for this night. */
export const BACKUP_FRESH_MS = 24 * 60 * 60 * 1000;

const minutes = (ms: number) => `${Math.round(ms / 60_000)} min`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function joinLink(base: string): ReadinessCheck {
  const title = 'Phones can open the join link';
  switch (linkReach(base)) {
    case 'anywhere':
      return { id: 'joinLink', title, status: 'ready', detail: `Links start ${base}.` };
    case 'thisNetwork':
      return {
        id: 'joinLink',
        title,
        status: 'warning',
        detail: `Links start ${base}, a local network address: phones must be on this wifi, and it may change at the venue (reprint the QR then). Set PUBLIC_URL for an address that stays.`,
      };
    case 'thisComputer':
      return {
        id: 'joinLink',
        title,
        status: 'todo',
        detail: `Links start ${base}, which only this computer can open. Set PUBLIC_URL, or open this page at the computer's network address.`,
      };
    case 'unreadable':
      return {
        id: 'joinLink',
        title,
        status: 'todo',
        detail: `The links' base "${base}" is not an address: set PUBLIC_URL.`,
      };
  }
}

function https(base: string): ReadinessCheck {
  const title = 'Secure (https)';
  return base.startsWith('https://')
    ? {
        id: 'https',
        title,
        status: 'ready',
        detail: 'Door cameras can scan tickets and pages reload offline.',
      }
    : {
        id: 'https',
        title,
        status: 'todo',
        detail:
          'Plain http: door cameras cannot scan and a reload with no network fails. Put the server behind https and set PUBLIC_URL=https://… (docs/deploy.md).',
      };
}

function projector(presence: Presence | null): ReadinessCheck {
  const title = 'A projector is connected';
  if (!presence) return { id: 'projector', title, status: 'unknown', detail: 'Asking the server…' };
  const rooms = presence.screens.filter((screen) => screen.view === 'room').length;
  return rooms > 0
    ? { id: 'projector', title, status: 'ready', detail: `${plural(rooms, 'screen')} connected.` }
    : { id: 'projector', title, status: 'todo', detail: "Open the screen link on the projector's computer." };
}

function doors(presence: Presence | null, known: readonly KnownDoor[]): ReadinessCheck {
  const title = 'Doors are connected, their clocks right';
  if (!presence) return { id: 'doors', title, status: 'unknown', detail: 'Asking the server…' };
  if (known.length === 0)
    return { id: 'doors', title, status: 'todo', detail: "Open the door link on each steward's phone." };
  const problems: string[] = [];
  const gone = known.filter((door) => !door.online);
  if (gone.length > 0) problems.push(`${gone.map((door) => door.label).join(', ')} went offline`);
  for (const door of known.filter((d) => d.online && Math.abs(d.clockOffsetMs) > CLOCK_SANE_MS)) {
    problems.push(
      `${door.label}'s clock is ${describeClockOffset(door.clockOffsetMs)} off: set it to automatic time`,
    );
  }
  const waiting = known.filter((door) => door.waiting > 0);
  for (const door of waiting) problems.push(`${door.label} has ${door.waiting} waiting to sync`);
  const online = known.length - gone.length;
  if (problems.length === 0)
    return {
      id: 'doors',
      title,
      status: 'ready',
      detail: `${plural(online, 'door')} connected, clocks right.`,
    };
  return { id: 'doors', title, status: online === 0 ? 'todo' : 'warning', detail: `${problems.join('; ')}.` };
}

function plannedTimes(state: AssemblyState): ReadinessCheck {
  const title = 'Planned start and finish';
  if (state.startsAt === null || state.endsAt === null)
    return {
      id: 'plannedTimes',
      title,
      status: 'todo',
      detail: 'Set the planned start and finish in Details.',
    };
  if (state.endsAt <= state.startsAt)
    return {
      id: 'plannedTimes',
      title,
      status: 'todo',
      detail: 'The planned finish is not after the start: correct it in Details.',
    };
  return {
    id: 'plannedTimes',
    title,
    status: 'ready',
    detail: `${minutes(state.endsAt - state.startsAt)} planned.`,
  };
}

function askTargets(state: AssemblyState): ReadinessCheck {
  const title = 'Every ask is put to someone';
  const nobody = state.asks.filter((ask) => ask.targetIds.length === 0);
  if (nobody.length > 0)
    return {
      id: 'askTargets',
      title,
      status: 'todo',
      detail: `Choose who is asked ${nobody.map((ask) => `'${ask.title}'`).join(', ')} in Asks.`,
    };
  return {
    id: 'askTargets',
    title,
    status: 'ready',
    detail:
      state.asks.length === 0
        ? 'No asks.'
        : `${plural(state.asks.length, 'ask')}, each with its power-holders.`,
  };
}

function agendaFits(state: AssemblyState): ReadinessCheck {
  const title = 'The agenda fits the planned finish';
  if (state.agenda.length === 0)
    return { id: 'agendaFits', title, status: 'todo', detail: 'The agenda is empty.' };
  const total = state.agenda.reduce((sum, item) => sum + item.durationMs, 0);
  if (state.startsAt === null || state.endsAt === null)
    return {
      id: 'agendaFits',
      title,
      status: 'unknown',
      detail: `The agenda runs ${minutes(total)}; set the start and finish to check it.`,
    };
  const planned = state.endsAt - state.startsAt;
  if (total > planned)
    return {
      id: 'agendaFits',
      title,
      status: 'todo',
      detail: `The agenda runs ${minutes(total)}, ${minutes(total - planned)} past the planned finish: shorten items or move the finish.`,
    };
  return {
    id: 'agendaFits',
    title,
    status: 'ready',
    detail: `The agenda's ${minutes(total)} fit the ${minutes(planned)} planned.`,
  };
}

function journalSpace(server: ServerReadiness | null): ReadinessCheck {
  const title = 'Room on the disk for the record';
  if (!server) return { id: 'journalSpace', title, status: 'unknown', detail: 'Asking the server…' };
  if (server.journal.store === 'postgres')
    return {
      id: 'journalSpace',
      title,
      status: 'ready',
      detail: "The record is in PostgreSQL: its own server's disk holds it.",
    };
  const free = server.journal.freeBytes;
  if (free === null)
    return {
      id: 'journalSpace',
      title,
      status: 'warning',
      detail: 'The server could not read its free disk space.',
    };
  const mb = `${Math.round(free / (1024 * 1024))} MB free`;
  if (free < DISK_TODO_BYTES)
    return {
      id: 'journalSpace',
      title,
      status: 'todo',
      detail: `Only ${mb}: free some space on the server.`,
    };
  if (free < DISK_WARNING_BYTES)
    return { id: 'journalSpace', title, status: 'warning', detail: `${mb}: enough for a night, but little.` };
  return { id: 'journalSpace', title, status: 'ready', detail: `${mb}.` };
}

function backup(server: ServerReadiness | null): ReadinessCheck {
  const title = 'A recent backup';
  if (!server) return { id: 'backup', title, status: 'unknown', detail: 'Asking the server…' };
  if (server.backup.store === 'postgres')
    return {
      id: 'backup',
      title,
      status: 'unknown',
      detail: 'Back PostgreSQL up with pg_dump before the night (docs/deploy.md).',
    };
  const at = server.backup.newestAt;
  if (at === null)
    return {
      id: 'backup',
      title,
      status: 'warning',
      detail: 'No backup in the data folder yet: run npm run backup.',
    };
  const age = server.serverNow - at;
  if (age > BACKUP_FRESH_MS)
    return {
      id: 'backup',
      title,
      status: 'warning',
      detail: `The last backup is ${Math.round(age / 3_600_000)} hours old: run npm run backup.`,
    };
  return {
    id: 'backup',
    title,
    status: 'ready',
    detail: `Backed up ${Math.max(0, Math.round(age / 60_000))} min ago.`,
  };
}

export function readinessChecklist(input: ReadinessInput): ReadinessCheck[] {
  const base = input.server?.publicUrl ?? input.publicUrl;
  return [
    joinLink(base),
    https(base),
    projector(input.presence),
    doors(input.presence, input.doors),
    plannedTimes(input.state),
    askTargets(input.state),
    agendaFits(input.state),
    journalSpace(input.server),
    backup(input.server),
  ];
}
