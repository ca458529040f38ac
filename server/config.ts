import path from 'node:path';
import { ALLOWANCES } from './assemblies/rateLimits';
import { DEFAULT_TRUST_PROXY, trustedProxies } from './http/clientAddress';

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
  /** IDLE_EVICT_MINUTES: an assembly nobody uses for this long is let go from memory (0: never). */
  idleEvictMinutes: number;
  /** CREATIONS_PER_ADDRESS: assemblies one address may create in ten minutes. */
  creationsPerAddress: number;
  /** TRUST_PROXY: the proxies whose X-Forwarded-For is believed (see clientAddress.ts). */
  trustProxy: string;
  /** METRICS_TOKEN: when set, /metrics needs it as a Bearer token. */
  metricsToken: string | undefined;
}

/** Shorter than this, an admin token can be guessed between two blocked minutes. */
export const MIN_ADMIN_TOKEN_LENGTH = 16;

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
  const adminToken = env.ADMIN_TOKEN?.trim() || undefined;
  if (adminToken && adminToken.length < MIN_ADMIN_TOKEN_LENGTH) {
    throw new Error(
      `ADMIN_TOKEN must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters (a long random value, e.g. from \`openssl rand -base64 24\`)`,
    );
  }
  const metricsToken = env.METRICS_TOKEN?.trim() || undefined;
  if (metricsToken && metricsToken.length < MIN_ADMIN_TOKEN_LENGTH)
    throw new Error(
      `METRICS_TOKEN must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters (a long random value)`,
    );
  const trustProxy = env.TRUST_PROXY?.trim() || DEFAULT_TRUST_PROXY;
  try {
    trustedProxies(trustProxy);
  } catch (error) {
    throw new Error(
      `TRUST_PROXY must list proxies' addresses or subnets, e.g. "loopback" or "10.0.0.5, 10.0.1.0/24" (${(error as Error).message})`,
    );
  }
  const idleEvictMinutes =
    env.IDLE_EVICT_MINUTES === undefined || env.IDLE_EVICT_MINUTES.trim() === ''
      ? 30
      : Number(env.IDLE_EVICT_MINUTES);
  if (!Number.isFinite(idleEvictMinutes) || idleEvictMinutes < 0)
    throw new Error(
      `IDLE_EVICT_MINUTES must be a number of minutes (0: never), not "${env.IDLE_EVICT_MINUTES}"`,
    );
  const creationsPerAddress =
    env.CREATIONS_PER_ADDRESS === undefined || env.CREATIONS_PER_ADDRESS.trim() === ''
      ? ALLOWANCES.creations.points
      : Number(env.CREATIONS_PER_ADDRESS);
  if (!Number.isInteger(creationsPerAddress) || creationsPerAddress < 1)
    throw new Error(
      `CREATIONS_PER_ADDRESS must be a whole number of assemblies, 1 or more, not "${env.CREATIONS_PER_ADDRESS}"`,
    );
  return {
    port,
    host: env.HOST?.trim() || undefined,
    dataDir: path.resolve(env.DATA_DIR?.trim() || 'data'),
    publicUrl,
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    databaseUrl,
    redisUrl,
    adminToken,
    trustProxy,
    idleEvictMinutes,
    creationsPerAddress,
    metricsToken,
  };
}
