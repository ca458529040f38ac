import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { waitFor } from './harness';

const ROOT = path.resolve(import.meta.dirname, '../..');

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
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
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
