import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import {
  constants,
  type IntervalHistogram,
  monitorEventLoopDelay,
  PerformanceObserver,
} from 'node:perf_hooks';

// Preloaded into a server the bench starts (`--import bench/serverProbe.ts`), answering over
// the IPC channel the bench opened: the heap after a full GC, a CPU profile (the same V8
// profiler as `node --cpu-prof`) of just the phase being measured, and the event loop's delay
// (perf_hooks.monitorEventLoopDelay) with the process's CPU time over one window. Without an IPC channel
// (any other start) it does nothing, so the production server carries no bench code.

type ProbeRequest =
  | { probe: 'memory'; id: number }
  | { probe: 'profileStart'; id: number }
  | { probe: 'profileStop'; id: number; file: string }
  | { probe: 'loopStart'; id: number }
  | { probe: 'loopStop'; id: number }
  | { probe: 'gcStart'; id: number }
  | { probe: 'gcStop'; id: number };

/** One garbage collection: when it began (wall-clock ms, as the bench's), how long, what kind. */
export interface GcPause {
  at: number;
  ms: number;
  kind: 'minor' | 'major' | 'incremental' | 'weak';
}

const GC_KINDS: Record<number, GcPause['kind']> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak',
};

/** What the event loop went through over one window: delays in ms, CPU in ms of the process. */
export interface LoopReading {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
  cpuMs: number;
  elapsedMs: number;
  /** The delay timer's interval: a loop never held reads about this much. */
  resolutionMs: number;
}

const LOOP_RESOLUTION_MS = 1;

const gc = (globalThis as { gc?: () => void }).gc;
let session: Session | null = null;
let loop: { histogram: IntervalHistogram; cpu: NodeJS.CpuUsage; at: number } | null = null;
let gcWatch: { observer: PerformanceObserver; pauses: GcPause[] } | null = null;
const ms = (ns: number) => Math.round(ns / 1e4) / 100;

async function answer(request: ProbeRequest): Promise<unknown> {
  switch (request.probe) {
    case 'memory':
      gc?.();
      return process.memoryUsage();
    case 'profileStart':
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
      return true;
    case 'profileStop': {
      if (!session) return false;
      const { profile } = await session.post('Profiler.stop');
      fs.writeFileSync(request.file, JSON.stringify(profile));
      session.disconnect();
      session = null;
      return true;
    }
    case 'loopStart':
      loop?.histogram.disable();
      loop = {
        histogram: monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS }),
        cpu: process.cpuUsage(),
        at: performance.now(),
      };
      loop.histogram.enable();
      return true;
    case 'loopStop': {
      if (!loop) return null;
      const { histogram, cpu, at } = loop;
      histogram.disable();
      loop = null;
      const used = process.cpuUsage(cpu);
      return {
        p50Ms: ms(histogram.percentile(50)),
        p99Ms: ms(histogram.percentile(99)),
        maxMs: ms(histogram.max),
        meanMs: ms(histogram.mean),
        cpuMs: Math.round((used.user + used.system) / 1000),
        elapsedMs: Math.round(performance.now() - at),
        resolutionMs: LOOP_RESOLUTION_MS,
      } satisfies LoopReading;
    }
    case 'gcStart': {
      gcWatch?.observer.disconnect();
      const pauses: GcPause[] = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? -1;
          pauses.push({
            at: performance.timeOrigin + entry.startTime,
            ms: entry.duration,
            kind: GC_KINDS[kind] ?? 'minor',
          });
        }
      });
      observer.observe({ entryTypes: ['gc'] });
      gcWatch = { observer, pauses };
      return true;
    }
    case 'gcStop': {
      if (!gcWatch) return [];
      // The observer hands entries over asynchronously: let the last ones in first.
      await new Promise((resolve) => setTimeout(resolve, 50));
      gcWatch.observer.disconnect();
      const { pauses } = gcWatch;
      gcWatch = null;
      return pauses;
    }
    default:
      return request satisfies never;
  }
}

if (process.send) {
  process.on('message', (message: ProbeRequest) => {
    if (typeof message !== 'object' || message === null || !('probe' in message)) return;
    answer(message).then(
      (result) => process.send?.({ id: message.id, result }),
      (error: unknown) => process.send?.({ id: message.id, error: String(error) }),
    );
  });
  // The channel must not keep a server alive that would otherwise exit.
  process.channel?.unref();
}
