import { spawn } from 'node:child_process';
import path from 'node:path';
import { log } from './phases';

// The long fuzz run (tests/fuzz): the same hostile commands, syncs, requests and handshakes
// as the bounded run in `npm test`, many times over, against a server of its own.

const ROOT = path.resolve(import.meta.dirname, '..');

export interface FuzzResult {
  commands: number;
  seed: number;
  wallSeconds: number;
  /** One line per distinct violation: a reply `internal` or uncoded, a refusal that changed something. */
  failures: string[];
  /** Replies by command type and outcome, summed by outcome. */
  outcomes: Record<string, number>;
}

export function fuzzPhase(commands: number, seed = Date.now() % 1_000_000_000): Promise<FuzzResult> {
  log(
    `fuzz: ${commands} hostile commands (seed ${seed}), and as many syncs, requests and handshakes in proportion`,
  );
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fuzz/run.ts'], {
      cwd: ROOT,
      env: { ...process.env, FUZZ_RUNS: String(commands), FUZZ_SEED: String(seed) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      // The report is the JSON the run prints last.
      const at = out.lastIndexOf('\n{\n');
      let report: { failures?: string[]; outcomes?: Record<string, number> } = {};
      try {
        report = JSON.parse(out.slice(at + 1));
      } catch {
        report = { failures: [`the fuzz run ended (exit ${code}) without a report`] };
      }
      const outcomes: Record<string, number> = {};
      for (const [key, n] of Object.entries(report.outcomes ?? {})) {
        const outcome = key.split(':').at(-1) ?? key;
        outcomes[outcome] = (outcomes[outcome] ?? 0) + n;
      }
      const failures = report.failures ?? [];
      if (code !== 0 && failures.length === 0) failures.push(`the fuzz run exited ${code}`);
      resolve({ commands, seed, wallSeconds: Math.round((Date.now() - started) / 1000), failures, outcomes });
    });
  });
}
