import os from 'node:os';
import { round } from './stats';

/** The machine a run was on, as every phase's record holds it. */
export const machine = () => ({
  cores: os.availableParallelism(),
  node: process.version,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  memoryGiB: round(os.totalmem() / 2 ** 30, 1),
  loadAverage: os.loadavg().map((n) => round(n, 2)),
});
