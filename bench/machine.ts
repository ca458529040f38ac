import fs from 'node:fs';
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

/** This process's open-files limit: each phone the bench holds is an open socket. */
export function openFilesLimit(): number {
  const limits = fs.readFileSync('/proc/self/limits', 'utf8');
  const match = limits.match(/^Max open files\s+(\d+|unlimited)/m);
  return match?.[1] === 'unlimited' ? Number.POSITIVE_INFINITY : Number(match?.[1] ?? 1024);
}
