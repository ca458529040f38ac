import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freshSchema } from '../tests/postgres';
import { connectPhones, createBenchAssembly, fanOut, log, WARM_UP_ROUNDS } from './phases';
import { freePort, type Generator, type Ipc, startProjectServer } from './processes';
import { round, spreadOf } from './stats';

export interface NodesResult {
  count: number;
  clients: number;
  store: string;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  oneNodeP50Ms: number;
  oneNodeP95Ms: number;
  oneNodeP99Ms: number;
  oneNodeMaxMs: number;
  ratioP50: number;
  ratioP99: number;
}

export interface NodesRun {
  gens: Generator[];
  nodes: number;
  clients: number;
  rounds: number;
}

/**
 * `--nodes N`: the same fan-out, with the assembly served by N nodes sharing PostgreSQL and
 * Redis (phones spread evenly over the nodes, the chair on the first), against one node on
 * the same PostgreSQL and Redis. Rounds interleave, as for the bare floor, so the machine's
 * noise weighs on both alike. On one machine this shows what sharing costs, not what more
 * machines would gain: every node shares the same cores.
 */
export async function fanOutAcrossNodes(run: NodesRun): Promise<NodesResult> {
  const databaseUrl = process.env.DATABASE_URL?.trim();
  const redisUrl = process.env.REDIS_URL?.trim();
  if (!databaseUrl || !redisUrl) {
    throw new Error(
      '--nodes needs DATABASE_URL and REDIS_URL, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test REDIS_URL=redis://127.0.0.1:6379 npm run bench -- --nodes 2',
    );
  }
  const { gens, nodes, clients } = run;
  const schema = await freshSchema(databaseUrl);
  const shared = { DATABASE_URL: schema.url, REDIS_URL: redisUrl };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assembly-live-bench-nodes-'));
  const servers: Ipc[] = [];
  try {
    const start = async () => {
      const port = await freePort();
      servers.push(await startProjectServer(port, dataDir, shared));
      return `http://127.0.0.1:${port}`;
    };
    const single = await start();
    const cluster: string[] = [];
    for (let i = 0; i < nodes; i++) cluster.push(await start());
    log(
      `nodes: one node on ${single}, ${nodes} nodes on ${cluster.join(', ')}, sharing PostgreSQL and Redis`,
    );

    const one = await createBenchAssembly(single);
    const many = await createBenchAssembly(cluster[0]!);
    await connectPhones(gens, single, one.code, false, clients, 'project');
    for (const [i, url] of cluster.entries()) {
      const share = Math.floor((clients + i) / nodes);
      await connectPhones(gens, url, many.code, false, share, 'nodes');
    }
    await gens[0]!.ask({ op: 'openChair', url: single, code: one.code, key: one.keys.chair, bare: false });
    await gens[0]!.ask({
      op: 'openChair',
      url: cluster[0]!,
      code: many.code,
      key: many.keys.chair,
      bare: false,
      tag: 'nodes',
    });

    log(`nodes: fan-out, ${run.rounds} rounds on one node and on ${nodes}, interleaved`);
    const fanned = await fanOut(gens, ['project', 'nodes'], clients, run.rounds, WARM_UP_ROUNDS);
    await Promise.all(gens.map((g) => g.ask({ op: 'closePhones', tag: 'project' })));
    await Promise.all(gens.map((g) => g.ask({ op: 'closePhones', tag: 'nodes' })));

    const oneNode = spreadOf(fanned.project.lastByRound);
    const several = spreadOf(fanned.nodes.lastByRound);
    return {
      count: nodes,
      clients,
      store: 'PostgreSQL + Redis',
      p50Ms: round(several.p50),
      p95Ms: round(several.p95),
      p99Ms: round(several.p99),
      maxMs: round(several.max),
      oneNodeP50Ms: round(oneNode.p50),
      oneNodeP95Ms: round(oneNode.p95),
      oneNodeP99Ms: round(oneNode.p99),
      oneNodeMaxMs: round(oneNode.max),
      ratioP50: round(several.p50 / oneNode.p50),
      ratioP99: round(several.p99 / oneNode.p99),
    };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await schema.drop().catch(() => {});
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
