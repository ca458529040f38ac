// What the server can check about itself before the night (server/readinessChecks.ts).

/** Where the journal is kept, and how much room is left for it. */
export type JournalSpace =
  | { store: 'sqlite'; freeBytes: number | null }
  /** PostgreSQL's disk is the database server's: this one cannot see it. */
  | { store: 'postgres' };

/** The newest `npm run backup` copy in the data folder (SQLite); PostgreSQL is pg_dump's. */
export type LastBackup = { store: 'sqlite'; newestAt: number | null } | { store: 'postgres' };

export interface ServerReadiness {
  /** The base of the join link and QR, as this page's phones would be given it. */
  publicUrl: string;
  /** PUBLIC_URL is set, rather than guessed from this machine's address. */
  publicUrlSet: boolean;
  journal: JournalSpace;
  backup: LastBackup;
  serverNow: number;
}
