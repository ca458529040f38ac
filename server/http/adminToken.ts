import { createHash, timingSafeEqual } from 'node:crypto';
import { type Failure, failure } from '../../shared/protocol/errors';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * With ADMIN_TOKEN set, only those who know it may create assemblies on this server.
 * Compared as SHA-256 digests in constant time: neither the length nor the first wrong
 * character shows in how long the answer takes.
 */
export function adminTokenRefusal(expected: string | undefined, given: string | undefined): Failure | null {
  if (expected === undefined) return null;
  if (given === undefined || given.trim() === '') return failure('admin_token_required');
  return timingSafeEqual(digest(expected), digest(given.trim())) ? null : failure('bad_admin_token');
}
