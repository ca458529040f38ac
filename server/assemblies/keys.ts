import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { CODE_ALPHABET, CODE_LENGTH } from '../../shared/domain/assemblyCode';
import { STAFF_ROLES, type StaffRole } from '../../shared/protocol/roles';
import type { KeyHashes } from '../store/store';

// Role links carry a random key (144 bits); the server keeps only its SHA-256. A fast hash
// is enough here: the keys are random, not passwords, so there is nothing to guess at.

/** Short, human-typable, no 0/O or 1/I: read off a projector from the back of a hall. */
export function newAssemblyCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Codes are typed by people: accept any case and stray spaces; refuse anything else. */
export function normaliseCode(input: string): string | null {
  const code = input.trim().toUpperCase();
  return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : null;
}

export const newKey = (): string => randomBytes(18).toString('base64url');

export const hashKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

export function newKeys(): { keys: Record<StaffRole, string>; hashes: KeyHashes } {
  const keys = { admin: newKey(), chair: newKey(), door: newKey() };
  const hashes = { admin: hashKey(keys.admin), chair: hashKey(keys.chair), door: hashKey(keys.door) };
  return { keys, hashes };
}

/** The staff role this key opens, or null. Compares every hash in constant time. */
export function roleForKey(hashes: KeyHashes, key: string): StaffRole | null {
  const candidate = Buffer.from(hashKey(key), 'hex');
  let found: StaffRole | null = null;
  for (const role of STAFF_ROLES) {
    if (timingSafeEqual(candidate, Buffer.from(hashes[role], 'hex'))) found = role;
  }
  return found;
}
