import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { readConfig } from './config';

/**
 * `npm run backup -- FILE`: a consistent copy of the SQLite database, taken with SQLite's
 * online backup while the server keeps running (a plain file copy mid-commit can be torn).
 */
async function main(): Promise<void> {
  const config = readConfig();
  if (config.databaseUrl) {
    console.error('DATABASE_URL is set: back PostgreSQL up with pg_dump (see docs/deploy.md).');
    process.exit(2);
  }
  const source = path.join(config.dataDir, 'assembly-live.sqlite');
  if (!fs.existsSync(source)) {
    console.error(`No database at ${source}. Set DATA_DIR to the server's data folder.`);
    process.exit(2);
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = path.resolve(process.argv[2] ?? path.join(config.dataDir, `backup-${stamp}.sqlite`));
  if (fs.existsSync(target)) {
    console.error(`${target} exists already; give another file name.`);
    process.exit(2);
  }
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  console.log(`Backed up ${source} to ${target}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
