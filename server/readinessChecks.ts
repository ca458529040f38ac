import fs from 'node:fs/promises';
import path from 'node:path';
import type { JournalSpace, LastBackup, ServerReadiness } from '../shared/protocol/serverReadiness';

/** `npm run backup`'s own name for its copies in the data folder (backup.ts). */
const BACKUP_FILE = /^backup-.+\.sqlite$/;

export interface ReadinessOptions {
  /** The SQLite journal's folder (DATA_DIR); unset when the journal is in PostgreSQL. */
  journalDir?: string;
  /** PUBLIC_URL is set. */
  publicUrlSet: boolean;
  now?: () => number;
}

async function journalSpace(journalDir: string | undefined): Promise<JournalSpace> {
  if (!journalDir) return { store: 'postgres' };
  try {
    const stats = await fs.statfs(journalDir);
    return { store: 'sqlite', freeBytes: stats.bavail * stats.bsize };
  } catch {
    return { store: 'sqlite', freeBytes: null };
  }
}

async function lastBackup(journalDir: string | undefined): Promise<LastBackup> {
  if (!journalDir) return { store: 'postgres' };
  try {
    const names = (await fs.readdir(journalDir)).filter((name) => BACKUP_FILE.test(name));
    const times = await Promise.all(
      names.map(async (name) => (await fs.stat(path.join(journalDir, name))).mtimeMs),
    );
    return { store: 'sqlite', newestAt: times.length > 0 ? Math.round(Math.max(...times)) : null };
  } catch {
    return { store: 'sqlite', newestAt: null };
  }
}

/** What the server checks of itself for the organiser's "Ready for the night?". */
export function readinessChecks(options: ReadinessOptions) {
  const now = options.now ?? Date.now;
  return async (publicUrl: string): Promise<ServerReadiness> => {
    const [journal, backup] = await Promise.all([
      journalSpace(options.journalDir),
      lastBackup(options.journalDir),
    ]);
    return { publicUrl, publicUrlSet: options.publicUrlSet, journal, backup, serverNow: now() };
  };
}
