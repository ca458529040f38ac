// The long fuzz run, for the bench: `FUZZ_RUNS=20000 npm run fuzz` (FUZZ_SEED to repeat one).
// Starts its own server (SQLite in a temporary directory), prints what it found, and exits
// non-zero on any violation.
import { startServer } from '../integration/harness';
import { BOUNDED_RUNS, type FuzzRuns, fuzzServer } from './fuzzRun';

const runs = Number(process.env.FUZZ_RUNS ?? BOUNDED_RUNS.commands);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000_000);
const scale = runs / BOUNDED_RUNS.commands;
const scaled = Object.fromEntries(
  Object.entries(BOUNDED_RUNS).map(([phase, n]) => [phase, Math.max(1, Math.round(n * scale))]),
) as unknown as FuzzRuns;

const server = await startServer();
const started = Date.now();
console.log(`fuzz: seed ${seed}, ${JSON.stringify(scaled)}`);
try {
  const report = await fuzzServer(server, { seed, runs: scaled, log: (line) => console.log(line) });
  console.log(JSON.stringify({ ...report, wallMs: Date.now() - started }, null, 1));
  if (report.failures.length > 0) {
    console.error(`fuzz: ${report.failures.length} violation(s); repeat with FUZZ_SEED=${seed}`);
    process.exitCode = 1;
  }
} finally {
  await server.close();
}
