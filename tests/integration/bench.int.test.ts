import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AssembliesBenchResults } from '../../bench/assembliesReport';
import type { HostileResult } from '../../bench/hostile';
import type { DeliveryFigures } from '../../bench/manyAssemblies';
import type { BenchResults, HostileBenchResults } from '../../bench/report';
import type { VenueBenchResults } from '../../bench/venueReport';
import { chromiumPath } from '../e2e/browser';
import { DATABASE_URL, REDIS_URL } from '../postgres';
import { tempDir } from './harness';

/** `npm run bench` with these arguments, in its own process, within `timeout` ms: its output, once it exited 0. */
function bench(timeout: number, ...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout,
  });
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  return run;
}

const withNodes = DATABASE_URL !== undefined && REDIS_URL !== undefined;

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * The venue phase needs the built client (`npm test` builds it first) and a Chromium. Without
 * either it is skipped, except under CI, where the test fails and says which is missing.
 */
const venueCanRun =
  Boolean(process.env.CI) ||
  (fs.existsSync(path.join(ROOT, 'dist/client/index.html')) &&
    fs.existsSync(chromiumPath() ?? chromium.executablePath()));

// The bench's plumbing, at a size that says nothing about speed: both servers start, every
// phase runs, the record holds what the issue asks for, and the durability checks hold.
// The real run is `npm run bench` (BENCHMARKS.md); no timing is asserted here.
describe('npm run bench, tiny', () => {
  it('runs every phase against both servers and writes the results', () => {
    const out = path.join(tempDir('assembly-live-bench-test-'), 'results.json');
    const run = bench(
      150_000,
      ...['--clients', '20', '--checkins', '200', '--rounds', '3', '--offered-seconds', '1'],
      ...['--generators', '1', '--doors', '2', '--window', '4', '--out', out],
      ...['--hostile-seconds', '1', '--hostile-rounds', '1', '--fuzz-runs', '30'],
      // With PostgreSQL and Redis at hand, the fan-out across two nodes too.
      ...(withNodes ? ['--nodes', '2'] : []),
    );
    const results = JSON.parse(fs.readFileSync(out, 'utf8')) as BenchResults;

    expect(results.machine).toMatchObject({ cores: expect.any(Number), node: process.version });
    expect(results.fanout).toMatchObject({ clients: 20, rounds: 3 });
    for (const figure of ['p50Ms', 'p99Ms', 'bareP50Ms', 'bareP99Ms', 'ratioP50', 'ratioP99'] as const)
      expect(results.fanout[figure]).toBeGreaterThan(0);
    expect(results.fanout.payloadBytes).toBeGreaterThan(50);
    expect(results.checkins).toMatchObject({ acked: 200, stored: 200, failed: 0 });
    expect(results.checkins.perSecond).toBeGreaterThan(0);
    // The floor took as many check-ins through the same doors, every one acked.
    expect(results.checkins.floorPerSecond).toBeGreaterThan(0);
    expect(results.checkins.floorFailed).toBe(0);
    expect(results.checkins.ratioToFloor).toBeCloseTo(
      results.checkins.perSecond / results.checkins.floorPerSecond,
      1,
    );
    expect(results.checkins.offered200Acked).toBeGreaterThan(0);
    expect(Number.isFinite(results.checkins.offered200AckP99Ms)).toBe(true);
    expect(results.memory.clients).toBe(20);
    expect(Number.isFinite(results.memory.kibPerClient)).toBe(true);
    expect(Number.isFinite(results.memory.bareKibPerClient)).toBe(true);
    expect(results.coalescing.maxPublicUpdatesPerSecond).toBeGreaterThan(0);
    expect(results.restart).toMatchObject({ clients: 20, statesMatching: 20, lostAcked: 0 });
    expect(results.restart.ackedBeforeKill).toBeGreaterThan(0);
    expect(results.restart.listenOverflows).toBeGreaterThanOrEqual(0);
    expect(results.restart.serverBackSeconds).toBeGreaterThan(0);
    // The GC pauses laid over the rounds: each server's, and its slowest rounds.
    for (const server of ['project', 'bare'] as const) {
      expect(results.fanout.gc[server].slowest.length).toBeGreaterThan(0);
      expect(results.fanout.gc[server].roundsWithGc).toBeLessThanOrEqual(3);
    }
    expect(results.restart.totalStored).toBeGreaterThanOrEqual(results.restart.totalAcked);
    expectHostilePlumbing(results.hostile, 20);
    // The long fuzz, at a tiny size: it ran, on its own server, and found nothing.
    expect(results.fuzz).toMatchObject({ commands: 30, failures: [] });
    expect(results.fuzz?.wallSeconds).toBeGreaterThanOrEqual(0);
    expect(results.targets.map((target) => target.name)).toHaveLength(16);
    expect(run.stdout).toContain('fan-out ratio');
    expect(run.stdout).toContain('hostile door ack');
    if (withNodes) {
      expect(results.nodes).toMatchObject({ count: 2, clients: 20 });
      for (const figure of [
        'p50Ms',
        'p99Ms',
        'oneNodeP50Ms',
        'oneNodeP99Ms',
        'ratioP50',
        'ratioP99',
      ] as const)
        expect(results.nodes![figure]).toBeGreaterThan(0);
    } else {
      expect(results.nodes).toBeUndefined();
    }
  }, 180_000);

  it('runs the hostile phase alone with --only hostile', () => {
    const out = path.join(tempDir('assembly-live-bench-test-'), 'hostile.json');
    const run = bench(
      90_000,
      ...['--only', 'hostile', '--clients', '10', '--generators', '1', '--doors', '2'],
      ...['--hostile-seconds', '1', '--hostile-rounds', '1', '--out', out],
    );
    const results = JSON.parse(fs.readFileSync(out, 'utf8')) as HostileBenchResults & Partial<BenchResults>;
    expect(results.fanout).toBeUndefined();
    expectHostilePlumbing(results.hostile, 10);
    expect(results.targets.map((target) => target.name)).toHaveLength(4);
    expect(run.stdout).toContain('hostile flood');
  }, 120_000);

  it('runs many assemblies on one node with --only assemblies', () => {
    const out = path.join(tempDir('assembly-live-bench-test-'), 'assemblies.json');
    const run = bench(
      90_000,
      ...['--only', 'assemblies', '--assemblies', '3', '--phones-per-assembly', '50', '--rounds', '3'],
      ...['--generators', '1', '--doors', '2', '--window', '4', '--checkins', '300', '--out', out],
    );
    const { assemblies: a, targets } = JSON.parse(fs.readFileSync(out, 'utf8')) as AssembliesBenchResults;
    // One generator asked for, and one is enough for 2 x 150 phones.
    expect(a).toMatchObject({ assemblies: 3, phonesPerAssembly: 50, phones: 150, generators: 1 });
    expect(a.payloadBytes).toBeGreaterThan(50);
    // Every delivery was timed and reached all 50 phones of its room: 3 rooms a round at
    // once, one alone, on each server.
    const delivered = (f: DeliveryFigures, deliveries: number) => {
      expect(f).toMatchObject({ deliveries, fewestPhones: 50 });
      for (const figure of ['p50Ms', 'p95Ms', 'p99Ms', 'maxMs', 'chairAckP50Ms', 'chairAckP99Ms'] as const)
        expect(f[figure]).toBeGreaterThan(0);
    };
    for (const [block, deliveries] of [
      [a.allAtOnce, 9],
      [a.alone, 3],
    ] as const) {
      expect(block.rounds).toBe(3);
      delivered(block.project, deliveries);
      delivered(block.bare, deliveries);
      expect(block.ratioP50).toBeGreaterThan(0);
      expect(block.ratioP99).toBeGreaterThan(0);
    }
    for (const server of ['project', 'bare'] as const) {
      expect(a.memory[server].emptyRssKib).toBeGreaterThan(0);
      expect(a.memory[server].rssKib).toBeGreaterThan(0);
      expect(Number.isFinite(a.memory[server].kibPerPhone)).toBe(true);
      expect(Number.isFinite(a.memory[server].heapKibPerPhone)).toBe(true);
    }
    expect(a.memory.generatorRssKib).toHaveLength(1);
    expect(a.memory.generatorRssKib[0]).toBeGreaterThan(0);
    // The first assembly's storm, the other two pressing through it.
    // Windows without, during, during, without: 2 rounds (half of 3, rounded up) without, as
    // many as each storm of 300 check-ins lasted during.
    expect(a.storm).toMatchObject({ stormAssembly: 1, others: 2, doors: 2, inFlightPerDoor: 4 });
    expect(a.storm!.checkInsPerStorm).toBe(300);
    expect(a.storm!.windows.map((w) => w.kind)).toEqual(['without', 'during', 'during', 'without']);
    const rounds = (kind: string) =>
      a.storm!.windows.filter((w) => w.kind === kind).reduce((n, w) => n + w.rounds, 0);
    expect(rounds('without')).toBe(4);
    for (const w of a.storm!.windows) expect(w.rounds).toBeGreaterThanOrEqual(1);
    delivered(a.storm!.without, 8);
    delivered(a.storm!.during, 2 * rounds('during'));
    expect(a.storm!.ratioP99).toBeGreaterThan(0);
    expect(a.storm!.checkIns.acked).toBe(600);
    expect(a.storm!.checkIns).toMatchObject({ failed: 0, lost: 0, refusals: {} });
    expect(targets).toHaveLength(4);
    expect(run.stdout).toContain('all at once, ratio');
  }, 120_000);

  it.skipIf(!venueCanRun)(
    'runs the venue phase alone with --only venue, in Chromium',
    () => {
      expect(chromiumPath() ?? chromium.executablePath()).toBeTruthy();
      expect(fs.existsSync(path.join(ROOT, 'dist/client/index.html')), 'run npm run build first').toBe(true);
      const out = path.join(tempDir('assembly-live-bench-test-'), 'venue.json');
      const run = bench(
        150_000,
        ...['--only', 'venue', '--venue-runs', '1', '--clock-flips', '4', '--generators', '1'],
        ...['--rush-phones', '10', '--rush-seconds', '2', '--rush-check-in-every', '2', '--out', out],
      );
      const { venue, targets } = JSON.parse(fs.readFileSync(out, 'utf8')) as VenueBenchResults;
      // The join page as Chromium fetched it: the page first, then its scripts; the socket's frames.
      const { transfer } = venue;
      expect(transfer.staticPaths[0]).toMatch(/^\/j\/[A-Z0-9]+$/);
      expect(transfer.files.some((file) => file.path.endsWith('.js') && file.status === 200)).toBe(true);
      expect(transfer.httpBytes).toBe(transfer.files.reduce((n, file) => n + file.bytes, 0));
      expect(transfer.socketFrames.received).toBeGreaterThan(0);
      expect(transfer.totalBytes).toBe(transfer.httpBytes + transfer.socketBytes);
      // The slow phone checked in, over the throttled socket.
      expect(venue.firstVisit.formUsable.samplesMs).toHaveLength(1);
      expect(venue.firstVisit.confirmation.samplesMs).toHaveLength(1);
      expect(venue.firstVisit.socket.framesToServer).toBeGreaterThan(0);
      expect(venue.firstVisit.socket.framesToPage).toBeGreaterThan(0);
      expect(venue.clocks.openings).toBe(4);
      expect(venue.clocks.flips).toBeGreaterThan(0);
      expect(venue.clocks.differencesMs).toHaveLength(venue.clocks.flips);
      // Every rush phone loaded the page, synced, and every other one checked in.
      expect(venue.rush).toMatchObject({ phones: 10, loaded: 10, synced: 10, httpErrors: {} });
      expect(venue.rush.requests).toBe(10 * transfer.staticPaths.length);
      expect(venue.rush.checkIns).toMatchObject({ sent: 5, acked: 5, lost: 0 });
      expect(venue.rush.chair.sent).toBeGreaterThan(0);
      expect(venue.rush.chair.acked).toBe(venue.rush.chair.sent);
      expect(targets).toHaveLength(6);
      expect(run.stdout).toContain('join page transfer');
    },
    180_000,
  );
});

/** The hostile phase ran both kinds of window and recorded each figure; no timing is judged. */
function expectHostilePlumbing(hostile: HostileResult, clients: number) {
  expect(hostile).toMatchObject({ clients, windowSeconds: 1, rounds: 1 });
  expect(hostile.windows.map((w) => w.kind)).toEqual(['baseline', 'flood']);
  for (const kind of ['baseline', 'flood'] as const) {
    expect(hostile.doorAck[kind].p99Ms).toBeGreaterThan(0);
    expect(hostile.chairAck[kind].p99Ms).toBeGreaterThan(0);
    // Every honest command is answered, whatever the answer: nothing may be lost.
    expect(hostile.honest[kind].sent).toBeGreaterThan(0);
    expect(hostile.honest[kind].lost).toBe(0);
    expect(hostile.phones[kind].sent).toBeGreaterThan(0);
    expect(hostile.loop[kind].maxMs).toBeGreaterThan(0);
    expect(hostile.loop[kind].p99Ms).toBeGreaterThan(0);
    expect(hostile.serverCpuPercent[kind]).toBeGreaterThanOrEqual(0);
  }
  expect(hostile.doorAck.ratioP99).toBeGreaterThan(0);
  expect(hostile.chairAck.ratioP99).toBeGreaterThan(0);
  expect(hostile.doorAck.pairRatiosP99).toHaveLength(1);
  expect(hostile.serverRssKib.peak).toBeGreaterThan(0);
  const { flooder } = hostile;
  expect(flooder.sent).toBeGreaterThan(0);
  expect(flooder.answered).toBe(flooder.accepted + flooder.refused);
  expect(Object.keys(flooder.byKind)).toEqual(
    expect.arrayContaining(['checkIn', 'unknownCommand', 'syncFromZero', 'clock']),
  );
  expect(typeof flooder.disconnected).toBe('boolean');
  expect(flooder.reconnects).toBeGreaterThanOrEqual(0);
  expect(hostile.windows[1]!.flood?.sent).toBe(flooder.sent);
  expect(hostile.windows[0]!.flood).toBeUndefined();
}
