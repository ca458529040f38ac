import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Answer, GeneratorRequest } from './generatorProtocol';

const ROOT = path.resolve(import.meta.dirname, '..');
const PROBE = path.join(ROOT, 'bench/serverProbe.ts');

const started = new Set<ChildProcess>();
/** Whatever happens to the bench, the processes it started do not outlive it. */
process.on('exit', () => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
});

// The tests' own way of finding a free port serves the bench too.
export { freePort } from '../tests/integration/serverProcess';

/** A child with an IPC channel answering `{id, ...}` requests with `{id, result | error}`. */
export class Ipc {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  output = '';

  constructor(readonly child: ChildProcess) {
    started.add(child);
    child.on('message', (answer: Answer) => {
      const waiter = this.waiting.get(answer.id);
      if (!waiter) return;
      this.waiting.delete(answer.id);
      if (answer.error !== undefined) waiter.reject(new Error(answer.error));
      else waiter.resolve(answer.result);
    });
    child.on('exit', (code, signal) => {
      started.delete(child);
      for (const waiter of this.waiting.values())
        waiter.reject(
          new Error(`process ${child.pid} exited (${signal ?? code}): ${this.output.slice(-2000)}`),
        );
      this.waiting.clear();
    });
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  get pid(): number {
    return this.child.pid!;
  }

  ask<T>(request: object): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const gone = () =>
        new Error(
          `process ${this.child.pid} is gone (${this.child.exitCode ?? this.child.signalCode}): ${this.output.slice(-2000)}`,
        );
      if (!this.child.connected) return reject(gone());
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ ...request, id }, (error) => {
        if (!error || !this.waiting.delete(id)) return;
        reject(gone());
      });
    });
  }

  killHard(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.kill('SIGKILL');
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) return resolve();
      const force = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
      this.child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      this.child.kill('SIGTERM');
    });
  }
}

async function untilHealthy(ipc: Ipc, port: number, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (ipc.child.exitCode !== null) throw new Error(`server exited: ${ipc.output}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`server on ${port} did not answer /healthz: ${ipc.output}`);
}

const nodeArgs = ['--expose-gc', '--import', 'tsx', '--import', PROBE];

/**
 * The server as `npm start` runs it, compiled ahead of time (scripts/build-server.mjs), and
 * the probe beside it as plain JavaScript too: the process the bench kills and restarts loads
 * no TypeScript. Built once per bench, into a folder of its own, removed when the bench ends.
 */
let compiled: Promise<{ main: string; probe: string }> | undefined;
function compiledServer() {
  const outdir = path.join(ROOT, '.tmp', `bench-server-${process.pid}`);
  compiled ??= (async () => {
    process.once('exit', () => fs.rmSync(outdir, { recursive: true, force: true }));
    const { buildServer } = (await import(path.join(ROOT, 'scripts/build-server.mjs'))) as {
      buildServer: (outdir: string) => Promise<string>;
    };
    await buildServer(outdir);
    const { build } = await import('esbuild');
    const probe = path.join(outdir, 'serverProbe.js');
    await build({
      entryPoints: [PROBE],
      outfile: probe,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20.19',
      packages: 'external',
      logLevel: 'warning',
    });
    return { main: path.join(outdir, 'main.js'), probe };
  })();
  return compiled;
}

/**
 * The production entry point (npm start: the compiled server) as its own process, with the
 * bench's probe preloaded. SQLite in `dataDir`, unless `shared` names the PostgreSQL and Redis
 * that several nodes share (`--nodes`): the bench's own environment is never passed down.
 * `CREATIONS_PER_ADDRESS` lets one address (the bench's) create more than 30 assemblies.
 */
export async function startProjectServer(
  port: number,
  dataDir: string,
  shared: { DATABASE_URL: string; REDIS_URL: string; CREATIONS_PER_ADDRESS?: string } = {
    DATABASE_URL: '',
    REDIS_URL: '',
  },
): Promise<Ipc> {
  const { main, probe } = await compiledServer();
  const child = spawn(process.execPath, ['--expose-gc', '--enable-source-maps', '--import', probe, main], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...shared,
      PORT: String(port),
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const ipc = new Ipc(child);
  await untilHealthy(ipc, port);
  return ipc;
}

export async function startBareServer(port: number, payloadBytes: number): Promise<Ipc> {
  const child = spawn(process.execPath, [...nodeArgs, 'bench/bareServer.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), PAYLOAD_BYTES: String(payloadBytes) },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const ipc = new Ipc(child);
  await untilHealthy(ipc, port);
  return ipc;
}

/** The check-in storm's floor (checkInFloor.ts): acks each check-in once it is durable, nothing else. */
export async function startCheckInFloor(port: number): Promise<Ipc> {
  const child = spawn(process.execPath, [...nodeArgs, 'bench/checkInFloor.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const ipc = new Ipc(child);
  await untilHealthy(ipc, port);
  return ipc;
}

export type Generator = Ipc & { ask<T>(request: GeneratorRequest): Promise<T> };

export function startGenerator(): Generator {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/loadGenerator.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Ipc(child) as Generator;
}

/** Resident memory of a process in KiB, as the kernel counts it. */
export function rssKib(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = status.match(/^VmRSS:\s+(\d+)\s+kB/m);
  if (!match) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]);
}

export interface MemoryReading {
  rssKib: number;
  heapUsedKib: number;
}

/** Memory after a full GC (the probe runs it), so garbage does not count as per-client cost. */
export async function memoryOf(server: Ipc): Promise<MemoryReading> {
  const usage = await server.ask<NodeJS.MemoryUsage>({ probe: 'memory' });
  await new Promise((resolve) => setTimeout(resolve, 200));
  return { rssKib: rssKib(server.pid), heapUsedKib: Math.round(usage.heapUsed / 1024) };
}

/**
 * Connections the kernel dropped because a listening socket's queue was full (TcpExt
 * ListenOverflows, for the whole machine): each costs a phone a 1 s SYN retransmission.
 */
export function listenOverflows(): number {
  const lines = fs.readFileSync('/proc/net/netstat', 'utf8').split('\n');
  const names = lines.find((line) => line.startsWith('TcpExt:'))?.split(/\s+/) ?? [];
  const values = lines.filter((line) => line.startsWith('TcpExt:'))[1]?.split(/\s+/) ?? [];
  const at = names.indexOf('ListenOverflows');
  return at < 0 ? 0 : Number(values[at] ?? 0);
}
