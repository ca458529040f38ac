import type { FuzzResult } from './fuzz';
import type { GcSummary } from './gcRounds';
import type { AckFigures, HonestCounts, HostileResult } from './hostile';
import type { NodesResult } from './nodes';
import type { BenchOptions } from './options';

export interface TargetVerdict {
  name: string;
  target: string;
  actual: string;
  pass: boolean;
  /** False when the run was smaller than the target is stated for (a quick run). */
  atTargetScale: boolean;
}

interface Spread {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface BenchResults {
  /** The long fuzz run, when it ran (not in --quick). */
  fuzz?: FuzzResult;
  date: string;
  quick: boolean;
  machine: { cores: number; node: string; cpu: string; memoryGiB: number; loadAverage: number[] };
  options: BenchOptions;
  fanout: {
    clients: number;
    rounds: number;
    payloadBytes: number;
    p50Ms: number;
    p95Ms: number;
    p99Ms: number;
    maxMs: number;
    bareP50Ms: number;
    bareP95Ms: number;
    bareP99Ms: number;
    bareMaxMs: number;
    ratioP50: number;
    ratioP99: number;
    perClient: { project: Spread; bare: Spread };
    /** From the chair's emit to its ack: for the project, decide + durable commit + broadcast. */
    chairAck: { project: Spread; bare: Spread };
    /** Each server's GC pauses laid over the rounds (bench/gcRounds.ts). */
    gc: { project: GcSummary; bare: GcSummary };
  };
  checkins: {
    doors: number;
    inFlightPerDoor: number;
    perSecond: number;
    /** The floor's rate in the same run (checkInFloor.ts), and the project's as a share of it. */
    floorPerSecond: number;
    ratioToFloor: number;
    floorAckP50Ms: number;
    floorAckP99Ms: number;
    floorFailed: number;
    ackP50Ms: number;
    ackP99Ms: number;
    offered200AckP50Ms: number;
    offered200AckP99Ms: number;
    offered200Acked: number;
    stored: number;
    acked: number;
    failed: number;
  };
  memory: {
    clients: number;
    emptyRssKib: number;
    rssKib: number;
    kibPerClient: number;
    heapKibPerClient: number;
    bareEmptyRssKib: number;
    bareRssKib: number;
    bareKibPerClient: number;
    bareHeapKibPerClient: number;
  };
  coalescing: {
    phones: number;
    maxPublicUpdatesPerSecond: number;
    meanUpdatesPerPhone: number;
    stormSeconds: number;
  };
  restart: {
    clients: number;
    resyncSeconds: number;
    serverBackSeconds: number;
    resyncedAfterServerBackSeconds: number;
    /** SYNs the kernel dropped, its listen queue full, while the phones came back. */
    listenOverflows: number;
    /** Seconds after the kill each phone was in again / synced, and its reconnection attempts. */
    lostSeconds: { p50: number; p95: number; max: number };
    connectedSeconds: { p50: number; p95: number; max: number };
    syncedSeconds: { p50: number; p95: number; max: number };
    attempts: { p50: number; p95: number; max: number };
    statesMatching: number;
    ackedBeforeKill: number;
    lostAcked: number;
    totalAcked: number;
    totalStored: number;
  };
  /** With `--nodes N`: fan-out across N nodes sharing PostgreSQL and Redis, against one. */
  nodes?: NodesResult;
  /** Doors and the chair at work with and without one public socket flooding. */
  hostile: HostileResult;
  targets: TargetVerdict[];
}

/** `--only hostile`: the same record with just that phase. */
export type HostileBenchResults = Pick<
  BenchResults,
  'date' | 'quick' | 'machine' | 'options' | 'hostile' | 'targets'
>;

const answered = (c: HonestCounts) => c.sent - c.lost;

/** "Hold a hostile room": stated for the night (5,000 phones) and a 10 s flood. */
export function judgeHostile(h: HostileResult): TargetVerdict[] {
  const atTargetScale = h.clients >= 5000 && h.windowSeconds >= 10;
  const ratio = (name: string, a: AckFigures) => ({
    name: `${name} ack p99 under a flood, to without`,
    target: '<= 2x',
    actual: `${a.ratioP99}x (${a.flood.p99Ms} ms against ${a.baseline.p99Ms} ms)`,
    pass: a.ratioP99 <= 2,
    atTargetScale,
  });
  const honest = h.honest.flood;
  const phones = h.phones.flood;
  return [
    ratio('door', h.doorAck),
    ratio('chair', h.chairAck),
    {
      name: 'every honest command answered under a flood',
      target: 'all',
      actual: `${answered(honest)} of ${honest.sent} (${honest.acked} acked)`,
      pass: honest.lost === 0,
      atTargetScale,
    },
    {
      name: "honest phones' check-ins on the flooder's address",
      target: 'all acked',
      actual: `${phones.acked} of ${phones.sent}${refusalsText(phones.refusals)}`,
      pass: phones.acked === phones.sent,
      atTargetScale,
    },
  ];
}

const refusalsText = (refusals: Record<string, number>) => {
  const parts = Object.entries(refusals).map(([code, n]) => `${n} ${code}`);
  return parts.length > 0 ? `; refused: ${parts.join(', ')}` : '';
};

/** The issue's targets, stated for 5,000 clients and 20,000 check-ins on this 2-core machine. */
export function judge(r: BenchResults): TargetVerdict[] {
  return [...judgeCore(r), ...judgeHostile(r.hostile), ...(r.fuzz ? [judgeFuzz(r.fuzz)] : [])];
}

/** Every hostile command, sync, request and handshake answered ok or with a coded refusal. */
export const judgeFuzz = (f: FuzzResult): TargetVerdict => ({
  name: 'long fuzz: every reply ok or coded, nothing changed by a refusal, server up',
  target: 'no violations',
  actual: `${f.failures.length} violation(s) in ${f.commands} commands and the rest (seed ${f.seed}, ${f.wallSeconds} s)`,
  pass: f.failures.length === 0,
  atTargetScale: f.commands >= 5000,
});

export function printFuzz(f: FuzzResult): void {
  const outcomes = Object.entries(f.outcomes)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([outcome, n]) => `${outcome} ${n}`)
    .join(', ');
  printRows(
    [
      ['fuzz', `${f.commands} commands and the rest, seed ${f.seed}, ${f.wallSeconds} s`],
      ['fuzz outcomes', outcomes],
      ...f.failures.slice(0, 10).map((line): [string, string] => ['fuzz VIOLATION', line]),
    ],
    [judgeFuzz(f)],
  );
}

function judgeCore(r: BenchResults): TargetVerdict[] {
  const full = r.fanout.clients >= 5000;
  const fullStorm = r.checkins.acked >= 20_000;
  return [
    {
      name: 'fan-out p50 ratio to bare Socket.IO',
      target: '<= 1.10',
      actual: `${r.fanout.ratioP50}`,
      pass: r.fanout.ratioP50 <= 1.1,
      atTargetScale: full,
    },
    {
      name: 'fan-out p99 ratio to bare Socket.IO',
      target: '<= 1.25',
      actual: `${r.fanout.ratioP99}`,
      pass: r.fanout.ratioP99 <= 1.25,
      // Over fewer than 100 rounds the p99 is the slowest round: one round would decide it.
      atTargetScale: full && r.fanout.rounds >= 100,
    },
    {
      name: 'durable check-ins per second',
      target: '>= 10000',
      actual: `${r.checkins.perSecond}`,
      pass: r.checkins.perSecond >= 10_000,
      atTargetScale: fullStorm,
    },
    {
      name: 'durable check-ins per second, to their floor',
      target: '>= 0.8',
      actual: `${r.checkins.ratioToFloor} (${r.checkins.perSecond}/s against ${r.checkins.floorPerSecond}/s)`,
      pass: r.checkins.ratioToFloor >= 0.8,
      atTargetScale: fullStorm,
    },
    {
      name: 'check-in ack p99 at 200/s offered',
      target: '<= 25 ms',
      actual: `${r.checkins.offered200AckP99Ms} ms`,
      pass: r.checkins.offered200AckP99Ms <= 25,
      atTargetScale: r.options.offeredSeconds >= 30,
    },
    {
      name: 'every acked check-in stored, nothing more',
      target: 'stored = acked',
      actual: `${r.checkins.stored} stored, ${r.checkins.acked} acked`,
      pass: r.checkins.stored === r.checkins.acked,
      atTargetScale: fullStorm,
    },
    {
      name: 'server RSS per idle client',
      target: '<= 25 KiB',
      actual: `${r.memory.kibPerClient} KiB`,
      pass: r.memory.kibPerClient <= 25,
      atTargetScale: full,
    },
    {
      name: 'public turnout updates per phone per second',
      target: '<= 4',
      actual: `${r.coalescing.maxPublicUpdatesPerSecond}`,
      pass: r.coalescing.maxPublicUpdatesPerSecond <= 4,
      atTargetScale: full,
    },
    {
      name: 'the restarted server answers /healthz after kill -9',
      target: '<= 1 s',
      actual: `${r.restart.serverBackSeconds} s`,
      pass: r.restart.serverBackSeconds <= 1,
      atTargetScale: full,
    },
    {
      name: 'all clients resynced after kill -9',
      target: '<= 5 s',
      actual: `${r.restart.resyncSeconds} s, ${r.restart.statesMatching}/${r.restart.clients} states equal`,
      pass: r.restart.resyncSeconds <= 5 && r.restart.statesMatching === r.restart.clients,
      atTargetScale: full,
    },
    {
      name: 'acked check-ins lost to kill -9',
      target: '0',
      actual: `${r.restart.lostAcked} of ${r.restart.totalAcked}`,
      pass: r.restart.lostAcked === 0,
      atTargetScale: true,
    },
  ];
}

export function hostileRows(h: HostileResult): [string, string][] {
  const acks = (a: AckFigures) =>
    `p50 ${a.baseline.p50Ms} / p99 ${a.baseline.p99Ms} / max ${a.baseline.maxMs} ms without; p50 ${a.flood.p50Ms} / p99 ${a.flood.p99Ms} / max ${a.flood.maxMs} ms with (p99 ${a.ratioP99}x; per pair ${a.pairRatiosP99.join(', ')})`;
  const counted = (c: HonestCounts) =>
    `${c.acked} acked / ${c.sent} sent, ${c.lost} unanswered${refusalsText(c.refusals)}${c.retries ? `; ${c.retries} resent after rate_limited` : ''}`;
  const f = h.flooder;
  const kinds = Object.entries(f.byKind)
    .map(
      ([kind, k]) =>
        `${kind} ${k.answered}/${k.sent} (${
          Object.entries(k.answers)
            .map(([code, n]) => `${code} ${n}`)
            .join(', ') || 'none'
        })`,
    )
    .join('; ');
  const closed = Object.entries(f.disconnects)
    .map(([reason, n]) => `${n} ${reason}`)
    .join(', ');
  return [
    [
      'hostile windows',
      `${h.rounds} x (${h.windowSeconds} s without + ${h.windowSeconds} s with one public socket flooding), ${h.clients} phones, ${h.doorsPerSecond} door check-ins/s, chair ${h.chairPerSecond}/s`,
    ],
    ['hostile door ack', acks(h.doorAck)],
    ['hostile chair ack', acks(h.chairAck)],
    ['hostile honest, without', counted(h.honest.baseline)],
    ['hostile honest, with', counted(h.honest.flood)],
    ['hostile phones, without', counted(h.phones.baseline)],
    ['hostile phones, with', counted(h.phones.flood)],
    [
      'hostile event loop',
      `p99 ${h.loop.baseline.p99Ms} / max ${h.loop.baseline.maxMs} ms without; p99 ${h.loop.flood.p99Ms} / max ${h.loop.flood.maxMs} ms with (worst window); server CPU ${h.serverCpuPercent.baseline}% / ${h.serverCpuPercent.flood}%`,
    ],
    [
      'hostile server memory',
      `RSS ${Math.round(h.serverRssKib.start / 1024)} MiB with the phones connected, ${Math.round(h.serverRssKib.peak / 1024)} MiB at most after a window`,
    ],
    [
      'hostile flood',
      `${f.sent} sent (${f.perSecond}/s), ${f.answered} answered (${f.answeredPerSecond}/s), ${f.accepted} ok, ${f.refused} refused; backlog answered ${f.drainMsMax} ms after it stopped; flooder CPU ${f.cpuSeconds} s at nice ${h.flooderNice}`,
    ],
    ['hostile flood by kind', kinds],
    [
      'hostile flooder closed',
      f.disconnected
        ? `${closed}; reconnected ${f.reconnects}${refusalsText(f.connectRefusals)}`
        : 'never (the server kept it connected)',
    ],
  ];
}

export function printRows(rows: [string, string][], targets: TargetVerdict[]): void {
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log('');
  for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);
  console.log('');
  for (const t of targets) {
    const verdict = t.pass ? 'PASS' : 'MISS';
    const scale = t.atTargetScale ? '' : '  (below the target scale)';
    console.log(`${verdict}  ${t.name}: ${t.actual} (target ${t.target})${scale}`);
  }
  console.log('');
}

export function printHostile(r: HostileBenchResults): void {
  printRows(
    [
      ['machine', `${r.machine.cores} cores, ${r.machine.cpu}, node ${r.machine.node}`],
      ...hostileRows(r.hostile),
    ],
    r.targets,
  );
}

export function printTable(r: BenchResults): void {
  const rows: [string, string][] = [
    ['machine', `${r.machine.cores} cores, ${r.machine.cpu}, node ${r.machine.node}`],
    [
      'fan-out clients',
      `${r.fanout.clients} (+ chair), ${r.fanout.rounds} rounds, ${r.fanout.payloadBytes} B`,
    ],
    [
      'fan-out last client, project',
      `p50 ${r.fanout.p50Ms} / p95 ${r.fanout.p95Ms} / p99 ${r.fanout.p99Ms} / max ${r.fanout.maxMs} ms`,
    ],
    [
      'fan-out last client, bare',
      `p50 ${r.fanout.bareP50Ms} / p95 ${r.fanout.bareP95Ms} / p99 ${r.fanout.bareP99Ms} / max ${r.fanout.bareMaxMs} ms`,
    ],
    ['fan-out ratio', `p50 ${r.fanout.ratioP50}, p99 ${r.fanout.ratioP99}`],
    ['fan-out GC, project', gcText(r.fanout.gc.project)],
    ['fan-out GC, bare', gcText(r.fanout.gc.bare)],
    [
      'fan-out each client',
      `project p50 ${r.fanout.perClient.project.p50Ms} / p99 ${r.fanout.perClient.project.p99Ms} ms; bare p50 ${r.fanout.perClient.bare.p50Ms} / p99 ${r.fanout.perClient.bare.p99Ms} ms`,
    ],
    [
      'chair ack',
      `project p50 ${r.fanout.chairAck.project.p50Ms} / p99 ${r.fanout.chairAck.project.p99Ms} ms; bare p50 ${r.fanout.chairAck.bare.p50Ms} / p99 ${r.fanout.chairAck.bare.p99Ms} ms`,
    ],
    [
      'check-ins',
      `${r.checkins.perSecond}/s (${r.checkins.acked} acked, ${r.checkins.doors} doors x ${r.checkins.inFlightPerDoor}), ack p50 ${r.checkins.ackP50Ms} / p99 ${r.checkins.ackP99Ms} ms`,
    ],
    [
      'check-ins at 200/s',
      `ack p50 ${r.checkins.offered200AckP50Ms} / p99 ${r.checkins.offered200AckP99Ms} ms`,
    ],
    [
      'check-ins, floor',
      `${r.checkins.floorPerSecond}/s (ratio ${r.checkins.ratioToFloor}), ack p50 ${r.checkins.floorAckP50Ms} / p99 ${r.checkins.floorAckP99Ms} ms, failed ${r.checkins.floorFailed}`,
    ],
    ['check-ins stored', `${r.checkins.stored} (acked ${r.checkins.acked}, failed ${r.checkins.failed})`],
    [
      'memory per idle client',
      `project ${r.memory.kibPerClient} KiB RSS (heap ${r.memory.heapKibPerClient}); bare ${r.memory.bareKibPerClient} KiB (heap ${r.memory.bareHeapKibPerClient})`,
    ],
    [
      'turnout updates per phone',
      `max ${r.coalescing.maxPublicUpdatesPerSecond} in any second; ${r.coalescing.meanUpdatesPerPhone} in ${r.coalescing.stormSeconds} s`,
    ],
    [
      'restart',
      `${r.restart.clients} resynced ${r.restart.resyncSeconds} s after kill -9 (server back at ${r.restart.serverBackSeconds} s), states equal ${r.restart.statesMatching}, ${r.restart.listenOverflows} connections dropped by a full listen queue`,
    ],
    [
      'restart, each phone',
      `dropped p50 ${r.restart.lostSeconds.p50} / max ${r.restart.lostSeconds.max} s, in again p50 ${r.restart.connectedSeconds.p50} / p95 ${r.restart.connectedSeconds.p95} / max ${r.restart.connectedSeconds.max} s, synced p50 ${r.restart.syncedSeconds.p50} / p95 ${r.restart.syncedSeconds.p95} / max ${r.restart.syncedSeconds.max} s after the kill; attempts p50 ${r.restart.attempts.p50} / p95 ${r.restart.attempts.p95} / max ${r.restart.attempts.max}`,
    ],
    ['acked lost', `${r.restart.lostAcked} of ${r.restart.totalAcked} (stored ${r.restart.totalStored})`],
  ];
  if (r.nodes) {
    rows.push(
      [
        `fan-out, ${r.nodes.count} nodes`,
        `p50 ${r.nodes.p50Ms} / p95 ${r.nodes.p95Ms} / p99 ${r.nodes.p99Ms} / max ${r.nodes.maxMs} ms (${r.nodes.store})`,
      ],
      [
        'fan-out, one such node',
        `p50 ${r.nodes.oneNodeP50Ms} / p95 ${r.nodes.oneNodeP95Ms} / p99 ${r.nodes.oneNodeP99Ms} / max ${r.nodes.oneNodeMaxMs} ms`,
      ],
      [`fan-out ratio, ${r.nodes.count} nodes to one`, `p50 ${r.nodes.ratioP50}, p99 ${r.nodes.ratioP99}`],
    );
  }
  rows.push(...hostileRows(r.hostile));
  printRows(rows, r.targets);
}

const gcText = (g: GcSummary) =>
  `${g.pauses} pauses (${g.majorPauses} major), ${g.totalMs} ms in all, longest ${g.longestMs} ms; in ${g.roundsWithGc} rounds, ${g.slowestTenthWithGc} of the slowest tenth; slowest ${g.slowest.map((x) => `${x.lastMs} ms (GC ${x.gcMs}${x.kinds.length ? ` ${x.kinds.join('+')}` : ''})`).join(', ')}`;
