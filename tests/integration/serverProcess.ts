import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { waitFor } from './harness';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * The server as `npm start` runs it: compiled ahead of time (scripts/build-server.mjs), once
 * per test process into a folder of its own, so parallel test files never write one bundle.
 */
let compiled: Promise<string> | undefined;
const compiledServer = () => {
  const outdir = path.join(ROOT, '.tmp', `server-${process.pid}`);
  compiled ??= import(path.join(ROOT, 'scripts/build-server.mjs')).then(
    ({ buildServer }: { buildServer: (outdir: string) => Promise<string> }) => {
      process.once('exit', () => fs.rmSync(outdir, { recursive: true, force: true }));
      return buildServer(outdir);
    },
  );
  return compiled;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The production entry point (npm start) as its own process, so it can be killed for real.
 * SQLite in `dataDir` unless `env` names a DATABASE_URL / REDIS_URL: the test run's own
 * are never passed down by accident.
 */
export async function startServerProcess(
  port: number,
  dataDir: string,
  env: { DATABASE_URL?: string; REDIS_URL?: string } = {},
): Promise<ChildProcess> {
  const bundle = path.join(await compiledServer(), 'main.js');
  const child = spawn(process.execPath, ['--enable-source-maps', bundle], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: '',
      REDIS_URL: '',
      ...env,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  let healthy = false;
  const poll = setInterval(() => {
    fetch(`http://127.0.0.1:${port}/healthz`)
      .then((response) => {
        healthy = response.ok;
      })
      .catch(() => {});
  }, 100);
  try {
    await waitFor(() => healthy || child.exitCode !== null, 90_000, 'the server process to answer /healthz');
  } finally {
    clearInterval(poll);
  }
  if (!healthy) throw new Error(`server process exited: ${output}`);
  return child;
}

export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
