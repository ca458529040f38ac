import { storedJson, storeJson } from '../../connection/deviceStorage';
import {
  asHeld,
  forgetAssembly,
  type HeldAssembly,
  heldAssemblies,
  keepHeld,
} from '../../connection/heldKeys';
import { linkReach } from '../../links/linkReach';

// A browser keeps its list of assemblies per address (localStorage is per origin), and one
// server answers at several: localhost, 127.0.0.1, the LAN address, PUBLIC_URL. The home page
// keeps the list at one of them, the address the links use, and the home page anywhere else
// moves there, carrying what it holds in the new address's #fragment (never sent to a server,
// nor in a Referer; staff keys travel in #key= fragments already).

const FORGOTTEN_KEY = 'assembly-live:forgotten-assemblies';
const MOST_CARRIED = 200;

/** When each assembly was forgotten here: one carried from elsewhere, used no later, stays forgotten. */
function forgottenAt(): Record<string, number> {
  const stored = storedJson(FORGOTTEN_KEY);
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  return Object.fromEntries(
    Object.entries(stored).filter(
      (entry): entry is [string, number] => typeof entry[1] === 'number' && Number.isFinite(entry[1]),
    ),
  );
}

/** Forgets an assembly on this address, so that a copy another address still holds does not bring it back. */
export function forgetHere(code: string, now = Date.now()): void {
  forgetAssembly(code);
  storeJson(FORGOTTEN_KEY, { ...forgottenAt(), [code]: now });
}

/**
 * This address's list with one carried from another: per assembly, the keys of both (the more
 * recently used one's where they differ: a key regenerated since replaced its old one), newest first.
 */
export function mergeHeld(
  mine: readonly HeldAssembly[],
  carried: readonly HeldAssembly[],
  forgotten: Readonly<Record<string, number>>,
): HeldAssembly[] {
  const merged = new Map(mine.map((held) => [held.code, held]));
  for (const other of carried) {
    const forgottenSince = forgotten[other.code];
    if (forgottenSince !== undefined && forgottenSince >= other.at) continue;
    const here = merged.get(other.code);
    if (!here) {
      merged.set(other.code, other);
      continue;
    }
    const [older, newer] = here.at >= other.at ? [other, here] : [here, other];
    merged.set(other.code, {
      code: other.code,
      title: newer.title || older.title,
      keys: { ...older.keys, ...newer.keys },
      at: newer.at,
    });
  }
  return [...merged.values()].sort((a, b) => b.at - a.at);
}

/** The home page at `base`, carrying this address's list and saying where it came from. */
export function handOffUrl(base: string, from: string, held: readonly HeldAssembly[]): string {
  const fragment = new URLSearchParams({ from, held: JSON.stringify(held.slice(0, MOST_CARRIED)) });
  return `${base}/#${fragment}`;
}

/** What a hand-off's fragment carries; anything malformed is dropped, never trusted. */
export function readHandOff(hash: string): { from: string; held: HeldAssembly[] } | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const from = params.get('from');
  const raw = params.get('held');
  if (from === null || raw === null) return null;
  let origin: string;
  try {
    const url = new URL(from);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    origin = url.origin;
  } catch {
    return null;
  }
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!Array.isArray(list)) return null;
  const held = list
    .slice(0, MOST_CARRIED)
    .map(asHeld)
    .filter((h): h is HeldAssembly => h !== undefined && Object.keys(h.keys).length > 0);
  return { from: origin, held };
}

/** On arrival from another address: keep what it carried, and take it out of the address bar. */
export function acceptHandOff(): string | null {
  const handOff = readHandOff(location.hash);
  if (!handOff) return null;
  keepHeld(mergeHeld(heldAssemblies(), handOff.held, forgottenAt()));
  history.replaceState(null, '', location.pathname + location.search);
  return handOff.from;
}

export type ListHome =
  | { kind: 'here' }
  | { kind: 'moving'; to: string }
  /** On another machine than the server, with the links' address not answering from here. */
  | { kind: 'unreachable'; to: string };

/** What the server says of itself (GET /api/creating). */
export interface ThisServer {
  /** This running server's id, to tell it from another answering at the same address. */
  server: string;
  /** Its address on its own machine: where a browser there keeps its list. */
  localhost: string;
  /** What the links start with. */
  publicUrl: string;
}

const answersAsThisServer = async (base: string, server: string): Promise<boolean> => {
  try {
    const response = await fetch(`${base}/api/creating`, { signal: AbortSignal.timeout(3000) });
    const json = (await response.json()) as { server?: unknown };
    return response.ok && json.server === server;
  } catch {
    return false;
  }
};

/**
 * Where this browser's list lives. On the server's own machine, at its localhost: the one
 * address that stays the same when the laptop moves from the office wifi to the venue's (a
 * LAN address does not), and a secure page for the chair and projector opened from the list.
 * On another machine, at the links' address. Moves only to an address that has answered as
 * this same server.
 */
export async function findListHome({ server, localhost, publicUrl }: ThisServer): Promise<ListHome> {
  if (location.origin === localhost) return { kind: 'here' };
  // A page at a public address is a deployed server's, seen from another machine: it does not
  // ask for this machine's localhost (Chrome would ask the organiser for local-network access).
  const onServersMachine = linkReach(location.origin) !== 'anywhere';
  if (onServersMachine && (await answersAsThisServer(localhost, server)))
    return { kind: 'moving', to: localhost };
  if (!publicUrl || location.origin === new URL(publicUrl).origin) return { kind: 'here' };
  if (await answersAsThisServer(publicUrl, server)) return { kind: 'moving', to: publicUrl };
  return { kind: 'unreachable', to: publicUrl };
}
