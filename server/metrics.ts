import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { COMMAND_TYPES, type CommandType } from '../shared/protocol/commands';
import type { CommandReply } from '../shared/protocol/socket';
import { turnoutIntervalMs } from './io/broadcaster';
import type { AssemblyServer } from './io/socketServer';

// What the server says about itself at /metrics, in Prometheus's text format (prom-client):
// who is connected, what was asked and refused, how long acks and the journal take, and the
// event loop's delay. Labels come from fixed sets only (roles, command types, error codes),
// never from what a client sent, so a hostile client cannot grow the series without end.

export interface Metrics {
  registry: Registry;
  /** One command answered, after `seconds`. */
  command(type: unknown, reply: CommandReply, seconds: number): void;
  /** One journal commit of `entries` entries, after `seconds`. */
  committed(entries: number, seconds: number): void;
  /** Counts the sockets of this node, by role, when scraped. */
  watch(io: AssemblyServer): void;
}

const KNOWN = new Set<string>(COMMAND_TYPES);
const typeLabel = (type: unknown): CommandType | 'unknown' =>
  typeof type === 'string' && KNOWN.has(type) ? (type as CommandType) : 'unknown';

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });
  const commands = new Counter({
    name: 'assembly_live_commands_total',
    help: 'Commands answered, by type and result (ok, or the refusal code).',
    labelNames: ['type', 'result'] as const,
    registers: [registry],
  });
  const ack = new Histogram({
    name: 'assembly_live_ack_seconds',
    help: 'From a command received to its answer (after its events are on disk).',
    labelNames: ['type'] as const,
    buckets: [0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const commitSeconds = new Histogram({
    name: 'assembly_live_journal_commit_seconds',
    help: 'One journal commit (a group of appends in one transaction).',
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  const batchSize = new Histogram({
    name: 'assembly_live_journal_batch_entries',
    help: 'Entries written by one journal commit.',
    buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
    registers: [registry],
  });
  let io: AssemblyServer | null = null;
  new Gauge({
    name: 'assembly_live_sockets',
    help: 'Sockets connected to this node, by role.',
    labelNames: ['role'] as const,
    registers: [registry],
    collect() {
      this.reset();
      const counts = { admin: 0, chair: 0, door: 0, public: 0 };
      for (const socket of io?.of('/').sockets.values() ?? []) {
        const role = socket.data.role;
        if (role && Object.hasOwn(counts, role)) counts[role]++;
      }
      for (const [role, n] of Object.entries(counts)) this.set({ role }, n);
    },
  });
  new Gauge({
    name: 'assembly_live_assemblies_connected',
    help: 'Assemblies with at least one socket on this node.',
    registers: [registry],
    collect() {
      this.set(assembliesOf(io).size);
    },
  });
  new Gauge({
    name: 'assembly_live_turnout_interval_seconds',
    help: 'The longest gap between turnout updates any assembly on this node has now (it grows with its phones).',
    registers: [registry],
    collect() {
      const phones = [...assembliesOf(io).values()];
      this.set(phones.length === 0 ? 0 : turnoutIntervalMs(Math.max(...phones)) / 1000);
    },
  });
  return {
    registry,
    command(type, reply, seconds) {
      const label = typeLabel(type);
      commands.inc({ type: label, result: reply.ok ? 'ok' : reply.code });
      ack.observe({ type: label }, seconds);
    },
    committed(entries, seconds) {
      commitSeconds.observe(seconds);
      batchSize.observe(entries);
    },
    watch(server) {
      io = server;
    },
  };
}

/** Each assembly with sockets here, to its number of public sockets (phones and screens). */
function assembliesOf(io: AssemblyServer | null): Map<string, number> {
  const phones = new Map<string, number>();
  for (const socket of io?.of('/').sockets.values() ?? []) {
    const code = socket.data.room?.code;
    if (!code) continue;
    phones.set(code, (phones.get(code) ?? 0) + (socket.data.role === 'public' ? 1 : 0));
  }
  return phones;
}

/**
 * GET /metrics: open by default (it names no person and no assembly), or behind a Bearer
 * token (METRICS_TOKEN) where the server is on the open internet. Compared in constant time.
 */
export function metricsRoute(metrics: Metrics, token: string | undefined): RequestHandler {
  const expected = token === undefined ? null : Buffer.from(`Bearer ${token}`);
  return async (req, res) => {
    if (expected) {
      const given = Buffer.from(req.get('authorization') ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        return res.status(401).set('www-authenticate', 'Bearer').type('text').send('METRICS_TOKEN required');
    }
    res.set('content-type', metrics.registry.contentType).set('cache-control', 'no-store');
    res.send(await metrics.registry.metrics());
  };
}
