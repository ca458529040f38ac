import { z } from 'zod';
import type { AssemblyDetails, AssemblyStatus } from '../domain/assembly';
import type { StaffRole } from './roles';

/** The most a home page asks about at once: far more than one browser holds links for. */
export const HELD_ASSEMBLIES_LIMIT = 100;

/**
 * The home page's list: the assemblies this browser holds a staff key for, each with one of
 * its keys, so the server tells the date and status only to whoever holds a key.
 */
export const heldAssembliesRequest = z
  .object({
    assemblies: z
      .array(
        z
          .object({
            code: z.string().min(1).max(12),
            key: z
              .string()
              .min(1)
              .max(64)
              .regex(/^[A-Za-z0-9_-]+$/, 'a key is letters, digits, - and _'),
          })
          .strict(),
      )
      .max(HELD_ASSEMBLIES_LIMIT),
  })
  .strict();

export type HeldAssemblySummary =
  | ({ code: string; ok: true; role: StaffRole; status: AssemblyStatus } & AssemblyDetails)
  /** unknown_assembly: not on this server (another server's, or deleted); bad_key: replaced since. */
  | { code: string; ok: false; refused: 'unknown_assembly' | 'bad_key' | 'rate_limited' };
