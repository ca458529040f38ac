import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DoorResult, FloodKind, FloodResult } from './generatorProtocol';
import type { BenchOptions } from './options';
import { connectPhones, createBenchAssembly, log, sleep } from './phases';
import { freePort, type Generator, type Ipc, rssKib, startGenerator, startProjectServer } from './processes';
import type { LoopReading } from './serverProbe';
import { round, spreadOf, wallNow } from './stats';

// The hostile phase: doors and the chair at work, with and without one public socket (no
// key) flooding the server as fast as it can, windows interleaved so the shared machine's
// noise weighs on both alike. See BENCHMARKS.md, "A hostile room".

/** Door check-ins offered per second in every window, as in the offered-load phase. */
export const HOSTILE_DOORS_PER_SECOND = 200;
/** The chair's presses per second (adjustTimer, one second on, then back). */
export const HOSTILE_CHAIR_PER_SECOND = 2;
/** Honest phones on the flooder's address, and their check-ins per second between them. */
export const HOSTILE_PHONES = 5;
export const HOSTILE_PHONES_PER_SECOND = 1;
/** Connections made and phones synced before a window starts, so its clients start together. */
const LEAD_MS = 1500;
/** Between windows, after the flood's backlog is answered. */
const SETTLE_MS = 1000;

export type WindowKind = 'baseline' | 'flood';

interface Spread {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** What honest clients sent and got back: acked, refused (by code), lost (no answer in 20 s). */
export interface HonestCounts {
  sent: number;
  acked: number;
  refusals: Record<string, number>;
  lost: number;
  /** Honest phones' resends of a check-in refused for now, as their outbox does (every 3 s). */
  retries: number;
}

export interface HostileWindow {
  kind: WindowKind;
  startedAt: string;
  doors: HonestCounts & Spread;
  chair: HonestCounts & Spread;
  phones: HonestCounts & Spread;
  /** The server's event loop over the window (perf_hooks.monitorEventLoopDelay), and its CPU. */
  loop: LoopReading;
  serverCpuPercent: number;
  serverRssKib: number;
  loadAverage: number;
  flood?: FloodResult;
}

export interface AckFigures {
  baseline: Spread;
  flood: Spread;
  ratioP99: number;
  pairRatiosP99: number[];
}

export interface HostileResult {
  clients: number;
  windowSeconds: number;
  /** Pairs of windows, one without the flood and one with it, alternating in order. */
  rounds: number;
  doors: number;
  doorsPerSecond: number;
  chairPerSecond: number;
  honestPhones: number;
  phonesPerSecond: number;
  flooderNice: number;
  /** `ratioP99` over all windows of each kind; `pairRatiosP99` per pair of neighbouring windows. */
  doorAck: AckFigures;
  chairAck: AckFigures;
  /** Doors, chair and phones together: every command sent must be answered. */
  honest: { baseline: HonestCounts; flood: HonestCounts };
  /** The honest phones alone (they share the flooder's address). */
  phones: { baseline: HonestCounts; flood: HonestCounts };
  /** The worst window of each kind: its p99 and its longest delay. */
  loop: { baseline: { p99Ms: number; maxMs: number }; flood: { p99Ms: number; maxMs: number } };
  serverCpuPercent: { baseline: number; flood: number };
  /** The server's RSS once the phones are connected, and the most at the end of any window. */
  serverRssKib: { start: number; peak: number };
  flooder: {
    sent: number;
    answered: number;
    accepted: number;
    refused: number;
    /** Messages sent per second of flooding. */
    perSecond: number;
    answeredPerSecond: number;
    byKind: Record<string, FloodKind>;
    disconnects: Record<string, number>;
    disconnected: boolean;
    reconnects: number;
    connectRefusals: Record<string, number>;
    drainMsMax: number;
    cpuSeconds: number;
  };
  windows: HostileWindow[];
}

const spread = (samples: number[]): Spread => {
  const s = spreadOf(samples);
  return { p50Ms: round(s.p50), p95Ms: round(s.p95), p99Ms: round(s.p99), maxMs: round(s.max) };
};

const counts = (r: DoorResult): HonestCounts => ({
  sent: r.sent,
  acked: r.acked,
  refusals: r.refusals,
  lost: r.lost,
  retries: r.retries ?? 0,
});

const addCounts = (into: Record<string, number>, from: Record<string, number>) => {
  for (const [key, n] of Object.entries(from)) into[key] = (into[key] ?? 0) + n;
  return into;
};

function sumCounts(all: HonestCounts[]): HonestCounts {
  return {
    sent: all.reduce((n, c) => n + c.sent, 0),
    acked: all.reduce((n, c) => n + c.acked, 0),
    refusals: all.reduce((into, c) => addCounts(into, c.refusals), {} as Record<string, number>),
    lost: all.reduce((n, c) => n + c.lost, 0),
    retries: all.reduce((n, c) => n + c.retries, 0),
  };
}

/** Baseline and flood windows in turn: B F, F B, B F, ... */
export const windowOrder = (rounds: number): WindowKind[] =>
  Array.from({ length: rounds }, (_, r) =>
    r % 2 === 0 ? (['baseline', 'flood'] as const) : (['flood', 'baseline'] as const),
  ).flat();

export interface HostileRun {
  gens: Generator[];
  doorGen: Generator;
  options: BenchOptions;
  /** With --profile: the server's CPU profile over the first flood window. */
  profiled: <T>(server: Ipc, name: string, work: () => Promise<T>) => Promise<T>;
}

/**
 * Its own server, data dir and assembly (the earlier phases leave tens of thousands of
 * check-ins, near the assembly's cap), with every phone connected as on the night.
 */
export async function hostilePhase({ gens, doorGen, options, profiled }: HostileRun): Promise<HostileResult> {
  const floodGen = startGenerator();
  os.setPriority(floodGen.pid, options.flooderNice);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assembly-live-bench-hostile-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  log(`hostile: a fresh server on ${port}, ${options.clients} phones`);
  const server = await startProjectServer(port, dataDir);
  try {
    const { code, keys } = await createBenchAssembly(url);
    await connectPhones(gens, url, code, false, options.clients);
    const startRssKib = rssKib(server.pid);
    const durationMs = options.hostileSeconds * 1000;
    const windows: HostileWindow[] = [];
    const samples: AckSamples[] = [];
    const order = windowOrder(options.hostileRounds);
    for (const [i, kind] of order.entries()) {
      log(`hostile: window ${i + 1} of ${order.length}, ${kind} (${options.hostileSeconds} s)`);
      const label = `Hostile ${i + 1}`;
      const startAt = wallNow() + LEAD_MS;
      const flooding =
        kind === 'flood'
          ? floodGen.ask<FloodResult>({ op: 'flood', url, code, durationMs, startAt })
          : undefined;
      const honest = Promise.all([
        doorGen.ask<DoorResult>({
          op: 'doors',
          url,
          code,
          key: keys.door,
          doors: options.doors,
          window: 1,
          perSecond: HOSTILE_DOORS_PER_SECOND,
          durationMs,
          label,
          startAt,
        }),
        doorGen.ask<DoorResult>({
          op: 'chairPresses',
          url,
          code,
          key: keys.chair,
          perSecond: HOSTILE_CHAIR_PER_SECOND,
          durationMs,
          label,
          startAt,
        }),
        doorGen.ask<DoorResult>({
          op: 'phoneCheckIns',
          url,
          code,
          phones: HOSTILE_PHONES,
          perSecond: HOSTILE_PHONES_PER_SECOND,
          durationMs,
          label: `${label} phone`,
          startAt,
        }),
      ]);
      await sleep(Math.max(0, startAt - wallNow()));
      const startedAt = new Date().toISOString();
      const measured = async () => {
        await server.ask({ probe: 'loopStart' });
        const [doors, chair, phones] = await honest;
        const flood = await flooding;
        const loop = await server.ask<LoopReading>({ probe: 'loopStop' });
        return { doors, chair, phones, flood, loop };
      };
      const firstFlood = kind === 'flood' && !windows.some((w) => w.kind === 'flood');
      const { doors, chair, phones, flood, loop } = firstFlood
        ? await profiled(server, 'hostile-flood', measured)
        : await measured();
      samples.push({ kind, doors: doors.ackMs, chair: chair.ackMs });
      windows.push({
        kind,
        startedAt,
        doors: { ...counts(doors), ...spread(doors.ackMs) },
        chair: { ...counts(chair), ...spread(chair.ackMs) },
        phones: { ...counts(phones), ...spread(phones.ackMs) },
        loop,
        serverCpuPercent: round((100 * loop.cpuMs) / loop.elapsedMs, 0),
        serverRssKib: rssKib(server.pid),
        loadAverage: round(os.loadavg()[0]!, 2),
        ...(flood ? { flood } : {}),
      });
      const w = windows.at(-1)!;
      log(
        `  doors ack p99 ${w.doors.p99Ms} ms (${w.doors.acked}/${w.doors.sent}), chair p99 ${w.chair.p99Ms} ms, phones ${w.phones.acked}/${w.phones.sent}, loop max ${loop.maxMs} ms${flood ? `, flood ${flood.sent} sent, ${flood.answered} answered` : ''}`,
      );
      await sleep(SETTLE_MS);
    }
    await Promise.all(gens.map((g) => g.ask({ op: 'closePhones', tag: 'project' })));
    return summarise(windows, samples, options, startRssKib);
  } finally {
    floodGen.child.disconnect();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Every ack's time in one window, kept for the percentiles over all windows of a kind. */
interface AckSamples {
  kind: WindowKind;
  doors: number[];
  chair: number[];
}

function summarise(
  windows: HostileWindow[],
  samples: AckSamples[],
  options: BenchOptions,
  startRssKib: number,
): HostileResult {
  const of = (kind: WindowKind) => windows.filter((w) => w.kind === kind);
  // Percentiles over every ack of that kind of window, not an average of the windows' own.
  const acks = (kind: WindowKind, who: 'doors' | 'chair') =>
    spread(samples.filter((s) => s.kind === kind).flatMap((s) => s[who]));
  const figures = (who: 'doors' | 'chair'): AckFigures => {
    const baseline = acks('baseline', who);
    const flood = acks('flood', who);
    const pairRatiosP99 = [];
    for (let i = 0; i + 1 < windows.length; i += 2) {
      const [a, b] = [windows[i]!, windows[i + 1]!];
      const [without, withFlood] = a.kind === 'baseline' ? [a, b] : [b, a];
      pairRatiosP99.push(round(withFlood[who].p99Ms / without[who].p99Ms));
    }
    return { baseline, flood, ratioP99: round(flood.p99Ms / baseline.p99Ms), pairRatiosP99 };
  };
  const honestOf = (kind: WindowKind) => sumCounts(of(kind).flatMap((w) => [w.doors, w.chair, w.phones]));
  const phonesOf = (kind: WindowKind) => sumCounts(of(kind).map((w) => w.phones));
  const worstLoop = (kind: WindowKind) => ({
    p99Ms: Math.max(...of(kind).map((w) => w.loop.p99Ms)),
    maxMs: Math.max(...of(kind).map((w) => w.loop.maxMs)),
  });
  const cpuOf = (kind: WindowKind) => {
    const ws = of(kind);
    const cpu = ws.reduce((n, w) => n + w.loop.cpuMs, 0);
    const elapsed = ws.reduce((n, w) => n + w.loop.elapsedMs, 0);
    return round((100 * cpu) / elapsed, 0);
  };
  const floods = of('flood').flatMap((w) => (w.flood ? [w.flood] : []));
  const byKind: Record<string, FloodKind> = {};
  for (const flood of floods) {
    for (const [kind, k] of Object.entries(flood.byKind)) {
      const into = byKind[kind] ?? { sent: 0, answered: 0, answers: {} };
      byKind[kind] = into;
      into.sent += k.sent;
      into.answered += k.answered;
      addCounts(into.answers, k.answers);
    }
  }
  const total = (pick: (f: FloodResult) => number) => floods.reduce((n, f) => n + pick(f), 0);
  const sendingSeconds = total((f) => f.sendingMs) / 1000;
  const disconnects = floods.reduce(
    (into, f) => addCounts(into, f.disconnects),
    {} as Record<string, number>,
  );
  // The bench's own close at the end of each flood is not the server's doing.
  delete disconnects['io client disconnect'];
  return {
    clients: options.clients,
    windowSeconds: options.hostileSeconds,
    rounds: options.hostileRounds,
    doors: options.doors,
    doorsPerSecond: HOSTILE_DOORS_PER_SECOND,
    chairPerSecond: HOSTILE_CHAIR_PER_SECOND,
    honestPhones: HOSTILE_PHONES,
    phonesPerSecond: HOSTILE_PHONES_PER_SECOND,
    flooderNice: options.flooderNice,
    doorAck: figures('doors'),
    chairAck: figures('chair'),
    honest: { baseline: honestOf('baseline'), flood: honestOf('flood') },
    phones: { baseline: phonesOf('baseline'), flood: phonesOf('flood') },
    loop: { baseline: worstLoop('baseline'), flood: worstLoop('flood') },
    serverCpuPercent: { baseline: cpuOf('baseline'), flood: cpuOf('flood') },
    serverRssKib: { start: startRssKib, peak: Math.max(...windows.map((w) => w.serverRssKib)) },
    flooder: {
      sent: total((f) => f.sent),
      answered: total((f) => f.answered),
      accepted: total((f) => f.accepted),
      refused: total((f) => f.refused),
      perSecond: round(total((f) => f.sent) / sendingSeconds, 0),
      answeredPerSecond: round(total((f) => f.answered) / sendingSeconds, 0),
      byKind,
      disconnects,
      disconnected: Object.keys(disconnects).length > 0,
      reconnects: total((f) => f.reconnects),
      connectRefusals: floods.reduce(
        (into, f) => addCounts(into, f.connectRefusals),
        {} as Record<string, number>,
      ),
      drainMsMax: round(Math.max(...floods.map((f) => f.drainMs)), 0),
      cpuSeconds: round(total((f) => f.cpuMs) / 1000, 1),
    },
    windows,
  };
}
