import path from 'node:path';

export interface Config {
  port: number;
  host: string | undefined;
  dataDir: string;
  publicUrl: string | undefined;
  logLevel: string;
  /** PostgreSQL instead of the SQLite file: several nodes can then share the assemblies. */
  databaseUrl: string | undefined;
  /** Redis for Socket.IO's adapter, so a broadcast reaches clients on every node. */
  redisUrl: string | undefined;
  /** ADMIN_TOKEN: when set, creating (or duplicating) an assembly needs it. */
  adminToken: string | undefined;
}

/** Reads the environment, refusing values that would fail later in a confusing way. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be 0 to 65535, not "${env.PORT}"`);
  const publicUrl = env.PUBLIC_URL?.trim() || undefined;
  if (publicUrl && !/^https?:\/\/[^\s/]+/.test(publicUrl)) {
    throw new Error(`PUBLIC_URL must look like http://host:port, not "${publicUrl}"`);
  }
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must look like postgres://user@host:5432/database');
  }
  const redisUrl = env.REDIS_URL?.trim() || undefined;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    throw new Error('REDIS_URL must look like redis://host:6379');
  }
  return {
    port,
    host: env.HOST?.trim() || undefined,
    dataDir: path.resolve(env.DATA_DIR?.trim() || 'data'),
    publicUrl,
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    databaseUrl,
    redisUrl,
    adminToken: env.ADMIN_TOKEN?.trim() || undefined,
  };
}
