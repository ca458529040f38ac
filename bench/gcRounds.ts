import type { GcPause } from './serverProbe';
import { round } from './stats';

// What the garbage collector did while the phones waited: the server's GC pauses (the probe's
// PerformanceObserver) laid over each fan-out round, so a slow round can be told apart as
// "a major GC landed in it" or "something else".

export interface GcRound {
  lastMs: number;
  gcMs: number;
  kinds: string[];
}

export interface GcSummary {
  pauses: number;
  majorPauses: number;
  totalMs: number;
  longestMs: number;
  /** Rounds in which any pause fell, and how many of the slowest tenth did. */
  roundsWithGc: number;
  slowestTenthWithGc: number;
  /** The five slowest rounds, slowest first, each with the GC time inside it. */
  slowest: GcRound[];
}

export function gcOverRounds(rounds: { sentAt: number; lastMs: number }[], pauses: GcPause[]): GcSummary {
  const within = rounds.map(({ sentAt, lastMs }) => {
    const inside = pauses.filter((p) => p.at + p.ms >= sentAt && p.at <= sentAt + lastMs);
    return {
      lastMs: round(lastMs),
      gcMs: round(inside.reduce((n, p) => n + p.ms, 0)),
      kinds: [...new Set(inside.map((p) => p.kind))],
    };
  });
  const slowFirst = [...within].sort((a, b) => b.lastMs - a.lastMs);
  const tenth = slowFirst.slice(0, Math.max(1, Math.ceil(within.length / 10)));
  return {
    pauses: pauses.length,
    majorPauses: pauses.filter((p) => p.kind === 'major').length,
    totalMs: round(pauses.reduce((n, p) => n + p.ms, 0)),
    longestMs: round(Math.max(0, ...pauses.map((p) => p.ms))),
    roundsWithGc: within.filter((r) => r.gcMs > 0).length,
    slowestTenthWithGc: tenth.filter((r) => r.gcMs > 0).length,
    slowest: slowFirst.slice(0, 5),
  };
}
