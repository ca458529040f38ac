import type { DoorResult, RushResult } from './generatorProtocol';
import { log } from './phases';
import type { Generator, Ipc } from './processes';
import type { LoopReading } from './serverProbe';
import { percentile, round, wallNow } from './stats';

// The join rush (issue 13): N phones open the join link within a window while the chair
// runs the assembly. The phones are spread over the load generators (rushPhones.ts), the
// chair presses from its own process, so its ack is timed when it arrives.

export interface JoinRushResult {
  phones: number;
  seconds: number;
  /** Every n-th phone checked its person in. */
  checkInEvery: number;
  files: number;
  loaded: number;
  synced: number;
  requests: number;
  httpErrors: Record<string, number>;
  http: { p50Ms: number; p99Ms: number; maxMs: number };
  /** One phone's whole page: the HTML, then the rest. */
  page: { p50Ms: number; p99Ms: number; maxMs: number };
  /** Files loaded to socket connected and synced. */
  sync: { p50Ms: number; p99Ms: number; maxMs: number };
  /** Bodies as sent, per phone, and how many responses came compressed. */
  kibPerPhone: number;
  compressedResponses: number;
  checkIns: { sent: number; acked: number; refusals: Record<string, number>; lost: number; retries: number };
  checkInAck: { p50Ms: number; p99Ms: number };
  chair: {
    perSecond: number;
    sent: number;
    acked: number;
    lost: number;
    p50Ms: number;
    p99Ms: number;
    maxMs: number;
  };
  /** The server's event loop over the window (1 ms timer; an idle loop reads about 1 ms). */
  loop: LoopReading;
  /** How late the generators started phones against the schedule (their own bottleneck). */
  generatorLateMsMax: number;
}

const spread = (samples: number[]) => ({
  p50Ms: round(percentile(samples, 50), 1),
  p99Ms: round(percentile(samples, 99), 1),
  maxMs: round(percentile(samples, 100), 1),
});

export async function joinRushPhase(run: {
  gens: Generator[];
  chairGen: Generator;
  server: Ipc;
  url: string;
  code: string;
  chairKey: string;
  phones: number;
  seconds: number;
  checkInEvery: number;
  chairPerSecond: number;
  paths: string[];
}): Promise<JoinRushResult> {
  const durationMs = run.seconds * 1000;
  const startAt = wallNow() + 1500;
  const holdUntil = startAt + durationMs + 1000;
  log(
    `join rush: ${run.phones} phones in ${run.seconds} s (${run.paths.length} files each, 1 in ${run.checkInEvery} checks in), chair ${run.chairPerSecond}/s`,
  );
  await run.server.ask({ probe: 'loopStart' });
  const chair = run.chairGen.ask<DoorResult>({
    op: 'chairPresses',
    url: run.url,
    code: run.code,
    key: run.chairKey,
    perSecond: run.chairPerSecond,
    durationMs,
    label: 'Rush chair',
    startAt,
  });
  const [chairResult, ...results] = await Promise.all([
    chair,
    ...run.gens.map((g, index) =>
      g.ask<RushResult>({
        op: 'joinRush',
        url: run.url,
        code: run.code,
        total: run.phones,
        index,
        of: run.gens.length,
        startAt,
        durationMs,
        paths: run.paths,
        checkInEvery: run.checkInEvery,
        holdUntil,
      }),
    ),
  ]);
  const loop = await run.server.ask<LoopReading>({ probe: 'loopStop' });
  const all = <T>(pick: (r: RushResult) => T[]) => results.flatMap(pick);
  const sum = (pick: (r: RushResult) => number) => results.reduce((n, r) => n + pick(r), 0);
  const httpErrors: Record<string, number> = {};
  const refusals: Record<string, number> = {};
  for (const r of results) {
    for (const [why, n] of Object.entries(r.httpErrors)) httpErrors[why] = (httpErrors[why] ?? 0) + n;
    for (const [code, n] of Object.entries(r.checkIns.refusals)) refusals[code] = (refusals[code] ?? 0) + n;
  }
  const loaded = sum((r) => r.loaded);
  return {
    phones: sum((r) => r.phones),
    seconds: run.seconds,
    checkInEvery: run.checkInEvery,
    files: run.paths.length,
    loaded,
    synced: sum((r) => r.synced),
    requests: sum((r) => r.requests),
    httpErrors,
    http: spread(all((r) => r.requestMs)),
    page: spread(all((r) => r.pageMs)),
    sync: spread(all((r) => r.syncMs)),
    kibPerPhone: loaded ? round(sum((r) => r.bodyBytes) / loaded / 1024, 1) : 0,
    compressedResponses: sum((r) => r.compressed),
    checkIns: {
      sent: sum((r) => r.checkIns.sent),
      acked: sum((r) => r.checkIns.acked),
      refusals,
      lost: sum((r) => r.checkIns.lost),
      retries: sum((r) => r.checkIns.retries ?? 0),
    },
    checkInAck: (({ p50Ms, p99Ms }) => ({ p50Ms, p99Ms }))(spread(all((r) => r.checkIns.ackMs))),
    chair: {
      perSecond: run.chairPerSecond,
      sent: chairResult.sent,
      acked: chairResult.acked,
      lost: chairResult.lost,
      ...spread(chairResult.ackMs),
    },
    loop,
    generatorLateMsMax: round(Math.max(...results.map((r) => r.lateMsMax)), 1),
  };
}
