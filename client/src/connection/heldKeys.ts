import { STAFF_ROLES, type StaffRole } from '../../../shared/protocol/roles';
import { storedJson, storeJson } from './deviceStorage';

// The staff links this browser has opened or made, so the home page can list "your
// assemblies" and the organiser page can show the chair's and door's links again. Keys
// are secrets: they stay on this device, and the organiser can forget an assembly here.

const STORAGE_KEY = 'assembly-live:held-keys';

export interface HeldAssembly {
  code: string;
  title: string;
  keys: Partial<Record<StaffRole, string>>;
  /** When this browser last used it: the list is newest first. */
  at: number;
}

const CODE = /^[A-Z0-9]{1,12}$/;
const KEY = /^[A-Za-z0-9_-]{1,64}$/;

// Checked by hand, not with the protocol's schemas: this runs on every page, the join
// page included, whose phones should not download a validation library to read a list.
export function asHeld(value: unknown): HeldAssembly | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { code, title = '', keys, at } = value as Record<string, unknown>;
  if (typeof code !== 'string' || !CODE.test(code)) return undefined;
  if (typeof title !== 'string' || title.length > 400) return undefined;
  if (typeof at !== 'number' || !Number.isFinite(at)) return undefined;
  if (typeof keys !== 'object' || keys === null) return undefined;
  const held: HeldAssembly['keys'] = {};
  for (const role of STAFF_ROLES) {
    const key = Object.hasOwn(keys, role) ? (keys as Record<string, unknown>)[role] : undefined;
    if (typeof key === 'string' && KEY.test(key)) held[role] = key;
  }
  return { code, title, keys: held, at };
}

/** What this browser holds. Anything an older version or another tab wrote wrongly is dropped. */
export function heldAssemblies(): HeldAssembly[] {
  const stored = storedJson(STORAGE_KEY);
  if (!Array.isArray(stored)) return [];
  return stored
    .map(asHeld)
    .filter((held): held is HeldAssembly => held !== undefined)
    .sort((a, b) => b.at - a.at);
}

/** Remembers a key that the server just accepted for this role (never an unchecked one). */
export function rememberKey(code: string, role: StaffRole, key: string, title?: string): void {
  const all = heldAssemblies();
  const existing = all.find((held) => held.code === code);
  const updated: HeldAssembly = {
    code,
    title: title ?? existing?.title ?? '',
    keys: { ...existing?.keys, [role]: key },
    at: Date.now(),
  };
  storeJson(STORAGE_KEY, [updated, ...all.filter((held) => held.code !== code)]);
}

/** The whole list, as merged from another address of this server (screens/home/handOff.ts). */
export function keepHeld(held: HeldAssembly[]): void {
  storeJson(STORAGE_KEY, held);
}

export function forgetAssembly(code: string): void {
  storeJson(
    STORAGE_KEY,
    heldAssemblies().filter((held) => held.code !== code),
  );
}

export const heldKey = (code: string, role: StaffRole): string | undefined =>
  heldAssemblies().find((held) => held.code === code)?.keys[role];

/** A key the server refused (regenerated since): drop it wherever it is held. */
export function forgetKey(key: string): void {
  const all = heldAssemblies();
  if (!all.some((held) => Object.values(held.keys).includes(key))) return;
  storeJson(
    STORAGE_KEY,
    all.map((held) => ({
      ...held,
      keys: Object.fromEntries(Object.entries(held.keys).filter(([, held]) => held !== key)),
    })),
  );
}

/** One role's link forgotten on this device (a steward clearing the door page after the night). */
export function forgetRole(code: string, role: StaffRole): void {
  const key = heldKey(code, role);
  if (key) forgetKey(key);
  // An assembly with no links left is not "held" any more.
  storeJson(
    STORAGE_KEY,
    heldAssemblies().filter((held) => Object.keys(held.keys).length > 0),
  );
}
