import path from 'node:path';

export interface Config {
  port: number;
  host: string | undefined;
  dataDir: string;
  publicUrl: string | undefined;
  logLevel: string;
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
  return {
    port,
    host: env.HOST?.trim() || undefined,
    dataDir: path.resolve(env.DATA_DIR?.trim() || 'data'),
    publicUrl,
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    adminToken: env.ADMIN_TOKEN?.trim() || undefined,
  };
}
