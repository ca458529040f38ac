import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import { type Allowances, limitsFor } from '../assemblies/rateLimits';
import type { Logger } from '../logger';

/**
 * Socket.IO's Redis Streams adapter: a broadcast made on one node reaches the clients of
 * every node, and a node that loses Redis for a while resumes the stream where it was.
 */
export async function connectRedisAdapter(url: string, logger: Logger) {
  const client = createClient({ url });
  // node-redis reconnects by itself; an error event left unheard would crash the process.
  client.on('error', (error) => logger.warn({ err: error }, 'Redis connection failed'));
  await client.connect();
  return {
    adapter: createAdapter(client),
    async close() {
      await client.quit().catch(() => {});
    },
  };
}

/**
 * The rate limits in Redis, so an address is counted once across nodes. Commands fail at
 * once while Redis is away (no offline queue): the limits then count in each node's memory
 * rather than keep a check-in waiting.
 */
export async function connectRedisLimits(url: string, logger: Logger, allowances: Allowances = {}) {
  const client = createClient({ url, disableOfflineQueue: true });
  client.on('error', (error) => logger.warn({ err: error }, 'Redis (rate limits) connection failed'));
  await client.connect();
  return {
    limits: limitsFor(client, allowances),
    async close() {
      await client.quit().catch(() => {});
    },
  };
}
