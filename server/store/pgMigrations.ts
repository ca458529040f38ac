import type pg from 'pg';

/**
 * The PostgreSQL schema, as numbered steps run once each at start. Append a step; never
 * edit one that has shipped, since databases out there already ran it.
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE assemblies (
     code TEXT PRIMARY KEY,
     epoch TEXT NOT NULL,
     admin_hash TEXT NOT NULL,
     chair_hash TEXT NOT NULL,
     door_hash TEXT NOT NULL,
     created_at BIGINT NOT NULL
   );
   CREATE TABLE journal (
     code TEXT NOT NULL REFERENCES assemblies (code),
     seq INTEGER NOT NULL,
     at BIGINT NOT NULL,
     actor TEXT NOT NULL,
     type TEXT NOT NULL,
     event JSONB NOT NULL,
     PRIMARY KEY (code, seq)
   );
   -- The state is an opaque blob read whole on load: TEXT, which PostgreSQL does not re-parse.
   CREATE TABLE snapshots (
     code TEXT PRIMARY KEY REFERENCES assemblies (code),
     seq INTEGER NOT NULL,
     state TEXT NOT NULL
   );`,
];

/** Any fixed number: every node takes this lock, so two nodes starting together migrate once. */
const MIGRATION_LOCK = 7_314_001;

/** Brings the schema up to date, inside one transaction. Returns the steps it ran. */
export async function migrate(client: pg.PoolClient): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((row) => row.version));
    let ran = 0;
    for (const [index, sql] of MIGRATIONS.entries()) {
      const version = index + 1;
      if (done.has(version)) continue;
      await client.query(sql);
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
      ran++;
    }
    await client.query('COMMIT');
    return ran;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}
