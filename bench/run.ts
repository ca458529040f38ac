import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fuzzPhase } from './fuzz';
import { gcOverRounds } from './gcRounds';
import type { Comeback, DoorResult } from './generatorProtocol';
import { hostilePhase } from './hostile';
import { machine, openFilesLimit } from './machine';
import { assembliesOnly } from './manyAssemblies';
import { fanOutAcrossNodes } from './nodes';
import { readOptions } from './options';
import {
  connectPhones,
  createBenchAssembly,
  fanOut,
  log,
  shares,
  sleep,
  untilAll,
  WARM_UP_ROUNDS,
} from './phases';
import {
  freePort,
  type Generator,
  type Ipc,
  listenOverflows,
  memoryOf,
  startBareServer,
  startCheckInFloor,
  startGenerator,
  startProjectServer,
} from './processes';
import { summariseProfile } from './profileSummary';
import {
  type BenchResults,
  type HostileBenchResults,
  judge,
  judgeHostile,
  printFuzz,
  printHostile,
  printTable,
} from './report';
import type { GcPause } from './serverProbe';
import { round, spreadOf, wallNow } from './stats';
import { venuePhase } from './venue';
import { judgeVenue, printVenue, type VenueBenchResults } from './venueReport';

// `npm run bench`: the production server and a bare Socket.IO server, driven alike by the
// same load generators, one after the other on this machine. See BENCHMARKS.md.

const ROOT = path.resolve(import.meta.dirname, '..');

const options = readOptions(process.argv.slice(2));

async function memoryWithClients(server: Ipc, gens: Generator[], url: string, code: string, bare: boolean) {
  await sleep(1000);
  const empty = await memoryOf(server);
  await connectPhones(gens, url, code, bare, options.clients);
  await sleep(3000);
  const full = await memoryOf(server);
  return {
    empty,
    full,
    kibPerClient: round((full.rssKib - empty.rssKib) / options.clients, 1),
    heapKibPerClient: round((full.heapUsedKib - empty.heapUsedKib) / options.clients, 1),
  };
}

/** Door devices across the generators; resolves with every generator's result merged. */
async function doors(
  gens: Generator[],
  run: { target?: number; perSecond?: number; durationMs?: number; label: string },
  base: { url: string; code: string; key: string },
) {
  const doorsEach = shares(options.doors, gens.length);
  const targets = run.target === undefined ? [] : shares(run.target, gens.length);
  const rates = run.perSecond === undefined ? [] : shares(run.perSecond, gens.length);
  const results = await Promise.all(
    gens.map((g, i) =>
      g.ask<DoorResult>({
        op: 'doors',
        ...base,
        doors: Math.max(1, doorsEach[i]!),
        window: options.window,
        label: run.label,
        ...(run.target === undefined ? {} : { target: targets[i] }),
        ...(run.perSecond === undefined ? {} : { perSecond: rates[i], durationMs: run.durationMs }),
      }),
    ),
  );
  // The generators' doors ran side by side: the run took as long as the slowest.
  return combined(results, Math.max(...results.map((r) => r.elapsedMs)));
}

/** Door runs' counts and ack times added up, over `elapsedMs` in all. */
function combined(results: Pick<DoorResult, 'acked' | 'failed' | 'ackMs' | 'ackedIds'>[], elapsedMs: number) {
  return {
    acked: results.reduce((n, r) => n + r.acked, 0),
    failed: results.reduce((n, r) => n + r.failed, 0),
    ackMs: results.flatMap((r) => r.ackMs),
    ackedIds: results.flatMap((r) => r.ackedIds),
    elapsedMs,
  };
}

/**
 * The check-in storm on the project and on its floor (checkInFloor.ts), driven by the same
 * doors, in halves alternated project, floor, floor, project: a neighbour's burst on this
 * shared machine then falls on both alike. Each side's rate is its acks over its own time.
 */
async function stormAgainstFloor(gens: Generator[], base: { url: string; code: string; key: string }) {
  const floorPort = await freePort();
  const floorServer = await startCheckInFloor(floorPort);
  const floorBase = { url: `http://127.0.0.1:${floorPort}`, code: 'floor', key: '' };
  const half = Math.ceil(options.checkIns / 2);
  const halves: { side: 'project' | 'floor'; result: Awaited<ReturnType<typeof doors>> }[] = [];
  try {
    const order = [
      { side: 'project', at: base, target: half, label: 'Storm' },
      { side: 'floor', at: floorBase, target: half, label: 'Floor A' },
      { side: 'floor', at: floorBase, target: half, label: 'Floor B' },
      { side: 'project', at: base, target: options.checkIns - half, label: 'Second storm' },
    ] as const;
    // Each half names its people apart: the same name again, or one letter off, would be
    // someone already in, or maybe so.
    for (const { side, at, target, label } of order)
      halves.push({ side, result: await doors(gens, { target, label }, at) });
  } finally {
    await floorServer.stop();
  }
  // One side's halves ran one after the other: its time is theirs added up.
  const merged = (side: 'project' | 'floor') => {
    const mine = halves.filter((h) => h.side === side).map((h) => h.result);
    return combined(
      mine,
      mine.reduce((n, r) => n + r.elapsedMs, 0),
    );
  };
  return { storm: merged('project'), floor: merged('floor') };
}

function storedCheckIns(dbFile: string, code: string): Set<string> {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare<[string], { id: string }>(
        "SELECT json_extract(event, '$.checkIn.id') AS id FROM journal WHERE code = ? AND type = 'checkedIn'",
      )
      .all(code);
    return new Set(rows.map((row) => row.id));
  } finally {
    db.close();
  }
}

async function saveProfile(server: Ipc, name: string): Promise<void> {
  const dir = path.join(ROOT, 'bench/results/profiles');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.cpuprofile`);
  await server.ask({ probe: 'profileStop', file });
  const summary = summariseProfile(JSON.parse(fs.readFileSync(file, 'utf8')), 25);
  fs.writeFileSync(file.replace(/\.cpuprofile$/, '.txt'), `${summary}\n`);
  log(`CPU profile of the server during ${name}: ${path.relative(ROOT, file)}`);
  console.log(summary.split('\n').slice(0, 16).join('\n'));
}

async function profiled<T>(server: Ipc, name: string, work: () => Promise<T>): Promise<T> {
  if (!options.profile) return work();
  await server.ask({ probe: 'profileStart' });
  try {
    return await work();
  } finally {
    await saveProfile(server, name);
  }
}

function writeResults(results: object) {
  const out = path.resolve(ROOT, options.out);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  log(`results: ${path.relative(ROOT, out)}`);
}

/** `--only hostile`: that phase alone, with its own server and the same generators. */
async function hostileOnly() {
  log(
    `bench, hostile phase only: ${options.clients} clients, ${options.hostileRounds} x 2 windows of ${options.hostileSeconds} s${options.quick ? ' (quick)' : ''}`,
  );
  const gens = Array.from({ length: options.generators }, startGenerator);
  const doorGen = startGenerator();
  const hostile = await hostilePhase({ gens, doorGen, options, profiled });
  for (const g of [...gens, doorGen]) g.child.disconnect();
  const results: HostileBenchResults = {
    date: new Date().toISOString(),
    quick: options.quick,
    machine: machine(),
    options,
    hostile,
    targets: judgeHostile(hostile),
  };
  writeResults(results);
  printHostile(results);
}

/** `--only venue` (`npm run bench:venue`): Chromium pages and the join rush, on its own server. */
async function venueOnly() {
  log(
    `bench, venue phase: ${options.venueRuns} slow first visits, ${options.clockFlips} projector clock changes, ${options.rushPhones} phones in ${options.rushSeconds} s${options.quick ? ' (quick)' : ''}`,
  );
  const started = wallNow();
  const venue = await venuePhase(options);
  const results: VenueBenchResults = {
    date: new Date().toISOString(),
    quick: options.quick,
    machine: machine(),
    options,
    venue,
    targets: judgeVenue(venue),
  };
  writeResults(results);
  printVenue(results);
  log(`venue phase took ${round((wallNow() - started) / 1000, 0)} s`);
}

async function main() {
  if (options.only === 'assemblies') return assembliesOnly(options);
  const limit = openFilesLimit();
  const sockets = options.only === 'venue' ? options.rushPhones : options.clients;
  if (limit < sockets + 500) {
    throw new Error(
      `The open-files limit is ${limit}, too low for ${sockets} clients: run \`ulimit -n ${sockets * 2 + 1000}\` first.`,
    );
  }
  if (options.only === 'hostile') return hostileOnly();
  if (options.only === 'venue') return venueOnly();
  if (options.only === 'fuzz') {
    const fuzz = await fuzzPhase(options.fuzzRuns);
    writeResults({ date: new Date().toISOString(), machine: machine(), options, fuzz });
    printFuzz(fuzz);
    if (fuzz.failures.length > 0) process.exitCode = 1;
    return;
  }
  log(
    `bench: ${options.clients} clients, ${options.checkIns} check-ins, ${options.rounds} rounds, ${options.generators} load generators${options.quick ? ' (quick)' : ''}`,
  );
  const gens = Array.from({ length: options.generators }, startGenerator);
  const doorGens = [startGenerator()];

  // The production server, with a fresh database.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assembly-live-bench-'));
  const dbFile = path.join(dataDir, 'assembly-live.sqlite');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  log(`starting the server (compiled, as npm start runs it) on ${port}, data in ${dataDir}`);
  let server = await startProjectServer(port, dataDir);
  const { code, keys } = await createBenchAssembly(url);

  log('memory: idle clients');
  const memory = await memoryWithClients(server, gens, url, code, false);
  await gens[0]!.ask({ op: 'openChair', url, code, key: keys.chair, bare: false });
  // The project's update as a phone gets it, so the floor broadcasts as many bytes.
  const sized = await fanOut(gens, ['project'], options.clients, 1, WARM_UP_ROUNDS);

  // The floor: bare Socket.IO, the same generators, the same payload size, up beside the project.
  const barePort = await freePort();
  const bareUrl = `http://127.0.0.1:${barePort}`;
  log(`bare Socket.IO server on ${barePort}, payload ${sized.project.payloadBytes} bytes`);
  const bare = await startBareServer(barePort, sized.project.payloadBytes);
  log('bare memory: idle clients');
  const bareMemory = await memoryWithClients(bare, gens, bareUrl, 'bare', true);
  await gens[0]!.ask({ op: 'openChair', url: bareUrl, code: 'bare', key: '', bare: true });

  log(`fan-out: ${options.rounds} rounds on each server, interleaved`);
  if (options.profile) await bare.ask({ probe: 'profileStart' });
  await Promise.all([server, bare].map((s) => s.ask({ probe: 'gcStart' })));
  const fanned = await profiled(server, 'fanout', () =>
    fanOut(gens, ['project', 'bare'], options.clients, options.rounds, WARM_UP_ROUNDS),
  );
  const [projectGc, bareGc] = await Promise.all(
    [server, bare].map((s) => s.ask<GcPause[]>({ probe: 'gcStop' })),
  );
  if (options.profile) await saveProfile(bare, 'bare-fanout');
  const fan = fanned.project;
  const bareFan = fanned.bare;
  await Promise.all(gens.map((g) => g.ask({ op: 'closePhones', tag: 'bare' })));
  await bare.stop();

  log(
    `check-ins: ${options.checkIns} as fast as acks return, ${options.doors} doors x ${options.window} in flight`,
  );
  await Promise.all(gens.map((g) => g.ask({ op: 'recordTurnout' })));
  const { storm, floor: checkInFloor } = await profiled(server, 'checkins', () =>
    stormAgainstFloor(doorGens, { url, code, key: keys.door }),
  );
  // The last held update goes out up to one coalescing interval after the last check-in.
  await sleep(1000);
  const peaks = await Promise.all(
    gens.map((g) => g.ask<{ peak: number; meanPerPhone: number }>({ op: 'turnoutPeak' })),
  );
  const storedAfterStorm = storedCheckIns(dbFile, code).size;
  log(`check-ins: 200/s offered for ${options.offeredSeconds} s`);
  const offered = await profiled(server, 'offered', () =>
    doors(
      doorGens,
      { perSecond: 200, durationMs: options.offeredSeconds * 1000, label: 'Offered' },
      { url, code, key: keys.door },
    ),
  );

  log('restart: kill -9 in the middle of a check-in storm');
  const restartStorm = doors(doorGens, { label: 'Restart' }, { url, code, key: keys.door });
  await sleep(1500);
  const overflowsBefore = listenOverflows();
  const killedAt = wallNow();
  await server.killHard();
  await Promise.all(doorGens.map((g) => g.ask({ op: 'stopDoors' })));
  const inFlightAtKill = await restartStorm;
  server = await startProjectServer(port, dataDir);
  const backAt = wallNow();
  const publicView = (await (await fetch(`${url}/api/assemblies/${code}`)).json()) as {
    seq: number;
    state: unknown;
  };
  const epoch = storedEpoch(dbFile, code);
  const allBack = await profiled(server, 'resync', () =>
    untilAll(
      gens,
      (g) => g.ask<number>({ op: 'resynced', epoch, seq: publicView.seq }),
      options.clients,
      60_000,
    ),
  );
  const resyncedAt = wallNow();
  const comebacks = (await Promise.all(gens.map((g) => g.ask<Comeback[]>({ op: 'comebacks' })))).flat();
  const overflowsAtRestart = listenOverflows() - overflowsBefore;
  const statesMatching = (
    await Promise.all(gens.map((g) => g.ask<number>({ op: 'statesMatching', state: publicView.state })))
  ).reduce((a, b) => a + b, 0);
  const stored = storedCheckIns(dbFile, code);
  const acked = [...storm.ackedIds, ...offered.ackedIds, ...inFlightAtKill.ackedIds];
  const lostAcked = acked.filter((id) => !stored.has(id)).length;
  await Promise.all(gens.map((g) => g.ask({ op: 'closePhones', tag: 'project' })));
  await server.stop();

  const hostile = await hostilePhase({ gens, doorGen: doorGens[0]!, options, profiled });

  const nodes =
    options.nodes > 1
      ? await fanOutAcrossNodes({
          gens,
          nodes: options.nodes,
          clients: options.clients,
          rounds: options.rounds,
        })
      : undefined;

  for (const g of [...gens, ...doorGens]) g.child.disconnect();
  fs.rmSync(dataDir, { recursive: true, force: true });
  const fuzz = options.fuzzRuns > 0 ? await fuzzPhase(options.fuzzRuns) : undefined;

  const project = spreadOf(fan.lastByRound);
  const floor = spreadOf(bareFan.lastByRound);
  const stormAck = spreadOf(storm.ackMs);
  const results: BenchResults = {
    date: new Date().toISOString(),
    quick: options.quick,
    machine: machine(),
    options,
    fanout: {
      clients: options.clients,
      rounds: options.rounds,
      payloadBytes: fan.payloadBytes,
      p50Ms: round(project.p50),
      p95Ms: round(project.p95),
      p99Ms: round(project.p99),
      maxMs: round(project.max),
      bareP50Ms: round(floor.p50),
      bareP95Ms: round(floor.p95),
      bareP99Ms: round(floor.p99),
      bareMaxMs: round(floor.max),
      ratioP50: round(project.p50 / floor.p50),
      ratioP99: round(project.p99 / floor.p99),
      perClient: {
        project: mapSpread(spreadOf(fan.perClient)),
        bare: mapSpread(spreadOf(bareFan.perClient)),
      },
      chairAck: {
        project: mapSpread(spreadOf(fan.chairAckMs)),
        bare: mapSpread(spreadOf(bareFan.chairAckMs)),
      },
      gc: {
        project: gcOverRounds(fan.rounds, projectGc!),
        bare: gcOverRounds(bareFan.rounds, bareGc!),
      },
    },
    checkins: {
      doors: options.doors,
      inFlightPerDoor: options.window,
      perSecond: round(storm.acked / (storm.elapsedMs / 1000), 0),
      floorPerSecond: round(checkInFloor.acked / (checkInFloor.elapsedMs / 1000), 0),
      ratioToFloor: round(storm.acked / storm.elapsedMs / (checkInFloor.acked / checkInFloor.elapsedMs)),
      floorAckP50Ms: round(spreadOf(checkInFloor.ackMs).p50),
      floorAckP99Ms: round(spreadOf(checkInFloor.ackMs).p99),
      floorFailed: checkInFloor.failed,
      ackP50Ms: round(stormAck.p50),
      ackP99Ms: round(stormAck.p99),
      offered200AckP50Ms: round(spreadOf(offered.ackMs).p50),
      offered200AckP99Ms: round(spreadOf(offered.ackMs).p99),
      offered200Acked: offered.acked,
      stored: storedAfterStorm,
      acked: storm.acked,
      failed: storm.failed + offered.failed,
    },
    memory: {
      clients: options.clients,
      emptyRssKib: memory.empty.rssKib,
      rssKib: memory.full.rssKib,
      kibPerClient: memory.kibPerClient,
      heapKibPerClient: memory.heapKibPerClient,
      bareEmptyRssKib: bareMemory.empty.rssKib,
      bareRssKib: bareMemory.full.rssKib,
      bareKibPerClient: bareMemory.kibPerClient,
      bareHeapKibPerClient: bareMemory.heapKibPerClient,
    },
    coalescing: {
      phones: options.clients,
      maxPublicUpdatesPerSecond: Math.max(...peaks.map((p) => p.peak)),
      meanUpdatesPerPhone: round(peaks.reduce((n, p) => n + p.meanPerPhone, 0) / peaks.length, 1),
      stormSeconds: round(storm.elapsedMs / 1000, 1),
    },
    restart: {
      clients: options.clients,
      resyncSeconds: allBack ? round((resyncedAt - killedAt) / 1000, 2) : Number.NaN,
      serverBackSeconds: round((backAt - killedAt) / 1000, 2),
      resyncedAfterServerBackSeconds: allBack ? round((resyncedAt - backAt) / 1000, 2) : Number.NaN,
      statesMatching,
      listenOverflows: overflowsAtRestart,
      ...comebackFigures(comebacks, killedAt),
      ackedBeforeKill: inFlightAtKill.acked,
      lostAcked,
      totalAcked: acked.length,
      totalStored: stored.size,
    },
    ...(nodes ? { nodes } : {}),
    hostile,
    ...(fuzz ? { fuzz } : {}),
    targets: [],
  };
  results.targets = judge(results);
  writeResults(results);
  printTable(results);
  if (fuzz) printFuzz(fuzz);
}

/**
 * How the phones came back: when each was in again and synced (s after the kill), and after
 * how many reconnection attempts. Tells the backoff's share of the resync from the server's.
 */
function comebackFigures(comebacks: Comeback[], killedAt: number) {
  const seconds = (times: (number | null)[]) => {
    const s = spreadOf(times.filter((t): t is number => t !== null).map((t) => (t - killedAt) / 1000));
    return { p50: round(s.p50), p95: round(s.p95), max: round(s.max) };
  };
  const attempts = spreadOf(comebacks.map((c) => c.attempts));
  return {
    lostSeconds: seconds(comebacks.map((c) => c.lostAt)),
    connectedSeconds: seconds(comebacks.map((c) => c.connectedAt)),
    syncedSeconds: seconds(comebacks.map((c) => c.syncedAt)),
    attempts: { p50: attempts.p50, p95: attempts.p95, max: attempts.max },
  };
}

const mapSpread = (s: ReturnType<typeof spreadOf>) => ({
  p50Ms: round(s.p50),
  p95Ms: round(s.p95),
  p99Ms: round(s.p99),
  maxMs: round(s.max),
});

function storedEpoch(dbFile: string, code: string): string {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare<[string], { epoch: string }>('SELECT epoch FROM assemblies WHERE code = ?').get(code)!
      .epoch;
  } finally {
    db.close();
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
