import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import QRCode from 'qrcode';
import { createApplication, DEFAULT_CLIENT_DIR } from './app';
import { ALLOWANCES, limitsFor } from './assemblies/rateLimits';
import { readConfig } from './config';
import { createDemoAssembly } from './demo';
import { nightClock, playDemoNight } from './demoNight';
import { roleLinks } from './http/api';
import { publicBaseUrl, reachableLanAddress } from './http/publicUrl';
import { createLogger } from './logger';
import { newestChange } from './newestChange';
import { ROOT } from './root';
import { SqliteStore } from './store/sqliteStore';

async function buildClientIfStale(): Promise<void> {
  const index = path.join(DEFAULT_CLIENT_DIR, 'index.html');
  if (fs.existsSync(index)) {
    const built = fs.statSync(index).mtimeMs;
    const sources = Math.max(
      newestChange(path.join(ROOT, 'client')),
      newestChange(path.join(ROOT, 'shared')),
    );
    if (sources <= built) return;
  }
  console.log('Building the client...');
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

/** Host and database of a connection string, never its password. */
function safeDatabaseName(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  await buildClientIfStale();

  const store = config.databaseUrl
    ? // PostgreSQL and Redis are loaded only where they are used: a single node starts sooner.
      await (await import('./store/pgStore')).PgStore.open(config.databaseUrl, logger)
    : new SqliteStore(path.join(config.dataDir, 'assembly-live.sqlite'));
  const redis = config.redisUrl
    ? { url: config.redisUrl, ...(await import('./io/redisAdapter')) }
    : undefined;
  const adapter = redis ? await redis.connectRedisAdapter(redis.url, logger) : undefined;
  const allowances = { creations: { ...ALLOWANCES.creations, points: config.creationsPerAddress } };
  const limits = redis
    ? await redis.connectRedisLimits(redis.url, logger, allowances)
    : { limits: limitsFor(undefined, allowances), close: async () => {} };
  // The demo night sets the server's clock while it plays (an instant), then lets it run free.
  const clock = nightClock();
  const app = createApplication({
    store,
    logger,
    now: clock.now,
    publicUrl: config.publicUrl,
    adminToken: config.adminToken,
    trustProxy: config.trustProxy,
    metricsToken: config.metricsToken,
    idleEvictMs: config.idleEvictMinutes * 60_000,
    limits,
    adapter,
    journalDir: config.databaseUrl ? undefined : config.dataDir,
  });
  const port = await app.listen(config.port, config.host);
  const lan = reachableLanAddress((app.httpServer.address() as AddressInfo | null)?.address);
  const base = publicBaseUrl(config.publicUrl, `localhost:${port}`, undefined, port, lan);

  const existing = await app.host.list();
  // Nodes sharing a database would each make one when started together: only on request there.
  if (args.has('--demo') || args.has('--demo-night') || (existing.length === 0 && !store.shared)) {
    const demo = args.has('--demo-night')
      ? await playDemoNight(app.host, clock)
      : await createDemoAssembly(app.host);
    const links = roleLinks(base, demo.code, demo.keys);
    console.log(`\nDemo assembly ${demo.code} created. Its links (keep the staff ones private):`);
    if (args.has('--demo-night'))
      console.log(`  evaluation ${links.admin.replace('/admin#', '/evaluation#')}`);
    console.log(`  organiser  ${links.admin}`);
    console.log(`  chair      ${links.chair}`);
    console.log(`  door       ${links.door}`);
    console.log(`  screen     ${links.screen}`);
    console.log(`  join       ${links.join}\n`);
    console.log(await QRCode.toString(links.join, { type: 'terminal', small: true }));
  } else {
    console.log(
      `\n${existing.length} assemblies in ${config.databaseUrl ? 'PostgreSQL' : config.dataDir}. \`npm start -- --demo\` makes a fresh demo.`,
    );
  }
  console.log(`Assembly Live is running: http://localhost:${port}/`);
  if (lan && !config.publicUrl) console.log(`Phones on this network reach it at http://${lan}:${port}/`);
  console.log(
    `Data: ${config.databaseUrl ? `PostgreSQL ${safeDatabaseName(config.databaseUrl)}` : config.dataDir}`,
  );
  if (adapter) console.log('Broadcasts and rate limits go through Redis to every node.');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(
      `Port ${process.env.PORT ?? 3000} is already in use. Stop the other server or set PORT, e.g. PORT=3001 npm start`,
    );
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
