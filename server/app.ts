import { randomBytes } from 'node:crypto';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import helmet from 'helmet';
import { failure } from '../shared/protocol/errors';
import { AssemblyHost } from './assemblies/assemblyHost';
import type { Limit, LimitName } from './assemblies/rateLimits';
import { apiRouter, isClientError } from './http/api';
import { clientAddress, trustedProxies } from './http/clientAddress';
import { clientPages } from './http/clientPages';
import { publicBaseUrl, reachableLanAddress } from './http/publicUrl';
import { type AssemblyServer, attachSockets, type SocketDeps } from './io/socketServer';
import type { Logger } from './logger';
import { createMetrics, metricsRoute } from './metrics';
import { ROOT } from './root';
import type { Store } from './store/store';

export const DEFAULT_CLIENT_DIR = path.join(ROOT, 'dist/client');
/**
 * Connections the kernel holds for the server before it accepts them. Node's 511 overflows
 * when thousands of phones come back at once (a restart, the wifi back): the kernel drops
 * their SYNs and each phone waits out TCP's 1 s, then 3 s, retransmission. Linux caps it at
 * net.core.somaxconn (4096 on current kernels).
 */
const LISTEN_BACKLOG = 8192;
/** How long a closing server lets a request in flight finish (an export, a page's file). */
const CLOSE_GRACE_MS = 2000;

export interface AppOptions {
  store: Store;
  logger: Logger;
  /** PUBLIC_URL: the base for links and the join QR when the server sits behind a proxy. */
  publicUrl?: string;
  clientDir?: string;
  /** The SQLite journal's folder, for the readiness checks' disk space and backups (unset with PostgreSQL). */
  journalDir?: string;
  now?: () => number;
  /** The Redis adapter when nodes share assemblies, and how to let go of its connection. */
  adapter?: { adapter: SocketDeps['adapter']; close(): Promise<void> };
  /** ADMIN_TOKEN: when set, creating an assembly needs it. */
  adminToken?: string;
  /** The rate limits in Redis when nodes share assemblies, and how to let go of them. */
  limits?: { limits: Record<LimitName, Limit>; close(): Promise<void> };
  /** IDLE_EVICT_MINUTES in ms: an assembly nobody uses for this long is let go from memory (0: never). */
  idleEvictMs?: number;
  /** TRUST_PROXY: whose X-Forwarded-For to believe (default: a proxy on this machine). */
  trustProxy?: string;
  /** METRICS_TOKEN: when set, /metrics needs it as a Bearer token. */
  metricsToken?: string;
}

export interface Application {
  httpServer: HttpServer;
  io: AssemblyServer;
  host: AssemblyHost;
  /** Listens and resolves with the port (0 picks a free one, as the tests do). */
  listen(port: number, hostname?: string): Promise<number>;
  close(): Promise<void>;
}

const originOf = (base: string): string => {
  try {
    return new URL(base).origin;
  } catch {
    return "'self'";
  }
};

const forwardedProto = (header: string | string[] | undefined) =>
  Array.isArray(header) ? header[0] : header;

/** Builds the whole server without listening: only the entry point and tests call listen. */
export function createApplication(options: AppOptions): Application {
  const { store, logger } = options;
  const metrics = createMetrics();
  store.onCommitted = metrics.committed;
  const host = new AssemblyHost({
    store,
    logger,
    answered: metrics.command,
    now: options.now,
    limits: options.limits?.limits,
    idleEvictMs: options.idleEvictMs,
  });
  const app = express();
  const httpServer = createServer(app);
  const port = () => (httpServer.address() as AddressInfo | null)?.port ?? 0;
  const bound = () => (httpServer.address() as AddressInfo | null)?.address;
  const publicUrl = (hostHeader: string | undefined, proto: string | undefined) =>
    publicBaseUrl(options.publicUrl, hostHeader, proto, port(), reachableLanAddress(bound()));
  // Tells this process from another server that answers at the same address (another port's, a stale proxy's).
  const serverId = randomBytes(12).toString('base64url');
  const thisServer = () => ({ id: serverId, localhost: `http://localhost:${port()}` });

  // One resolver of the client's address for HTTP (req.ip) and sockets alike.
  const trusted = trustedProxies(options.trustProxy);
  app.disable('x-powered-by');
  app.set('trust proxy', trusted);
  app.use(
    helmet({
      // Served over plain http on a venue LAN as often as behind TLS: never force https.
      contentSecurityPolicy: {
        // ws:/wss: spelled out: older Safari does not count same-origin websockets as 'self'.
        directives: {
          upgradeInsecureRequests: null,
          // The door's ticket scanner decodes QR codes in WebAssembly (served from here, never a CDN).
          scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
          imgSrc: ["'self'", 'data:'],
          // And this server's localhost and the links' own address: the home page checks which
          // answers as this server before keeping its list there.
          connectSrc: [
            "'self'",
            'ws:',
            'wss:',
            () => thisServer().localhost,
            (req) => originOf(publicUrl(req.headers.host, forwardedProto(req.headers['x-forwarded-proto']))),
          ],
        },
      },
      strictTransportSecurity: false,
    }),
  );

  app.get('/healthz', async (_req, res) => {
    try {
      await store.check();
      res.json({ ok: true, uptimeSeconds: Math.round(process.uptime()) });
    } catch {
      res.status(503).json(failure('unavailable'));
    }
  });
  app.get('/metrics', metricsRoute(metrics, options.metricsToken));
  app.use(
    '/api',
    apiRouter({ host, logger, publicUrl, adminToken: options.adminToken, thisServer: () => thisServer() }),
  );
  app.use(clientPages(options.clientDir ?? DEFAULT_CLIENT_DIR));
  app.use((_req, res) => res.status(404).type('text').send('Not found'));
  // Never express's default error page: it shows a stack trace.
  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    if (isClientError(error)) {
      const status = (error as { status?: number }).status;
      return res
        .status(status && status < 500 ? status : 400)
        .type('text')
        .send(status === 404 ? 'Not found' : 'Bad request');
    }
    logger.error({ err: error }, 'request failed');
    res.status(500).type('text').send('Something went wrong');
  });

  const io = attachSockets(httpServer, {
    host,
    logger,
    publicUrl,
    addressOf: (request) => clientAddress(request, trusted),
    adapter: options.adapter?.adapter,
    readiness: { journalDir: options.journalDir, publicUrlSet: Boolean(options.publicUrl), now: options.now },
  });
  metrics.watch(io);

  return {
    httpServer,
    io,
    host,
    listen: (listenPort, hostname) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen({ port: listenPort, host: hostname, backlog: LISTEN_BACKLOG }, () =>
          resolve(port()),
        );
      }),
    async close() {
      host.stop();
      const closed = new Promise<void>((resolve) => io.close(() => resolve()));
      // A page left open keeps reconnecting over a keep-alive connection, which would hold
      // the close open for ever: idle connections go now, busy ones after a grace.
      httpServer.closeIdleConnections();
      const cut = setTimeout(() => httpServer.closeAllConnections(), CLOSE_GRACE_MS);
      await closed;
      clearTimeout(cut);
      await host.settle();
      await options.adapter?.close();
      await options.limits?.close();
      await store.close();
    },
  };
}
