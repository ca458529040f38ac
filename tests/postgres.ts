import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The PostgreSQL and Redis that the shared-store tests run against: DATABASE_URL and
 * REDIS_URL, as in production. Without them those tests are skipped, saying how to run them.
 */
export const DATABASE_URL = process.env.DATABASE_URL?.trim() || undefined;
export const REDIS_URL = process.env.REDIS_URL?.trim() || undefined;

export const HOW_TO_RUN_SHARED =
  'skipped: set DATABASE_URL=postgres://postgres@127.0.0.1:5432/test and REDIS_URL=redis://127.0.0.1:6379 to run the PostgreSQL/Redis tests';

/**
 * A fresh, empty schema in the test database, so runs never see each other's rows; the URL
 * it returns points the connection's search_path at it.
 */
export async function freshSchema(databaseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    },
  };
}
