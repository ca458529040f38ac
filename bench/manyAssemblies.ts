import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LIMITS } from '../shared/protocol/limits';
import { type AssembliesBenchResults, judgeAssemblies, printAssemblies } from './assembliesReport';
import {
  type DoorResult,
  type LastReceipt,
  type Receipts,
  type RoomPress,
  roomReceiptKey,
  type Tag,
} from './generatorProtocol';
import { machine, openFilesLimit } from './machine';
import type { BenchOptions } from './options';
import { createBenchAssembly, log, shares, sleep, untilAll, WARM_UP_ROUNDS } from './phases';
import {
  freePort,
  type Generator,
  type Ipc,
  memoryOf,
  rssKib,
  startBareServer,
  startGenerator,
  startProjectServer,
} from './processes';
import { summariseProfile } from './profileSummary';
import { round, spreadOf, wallNow } from './stats';

// Issue 19, "Many assemblies on one node": a national alliance runs many assemblies on one
// server on the same evening. N assemblies with P phones each on the compiled server, and the
// bare Socket.IO floor with the same N rooms of P phones, rounds interleaved as the single
// assembly's fan-out is. `npm run bench -- --only assemblies`; see BENCHMARKS.md.

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * Both servers' phones are held at once, so that the rounds can interleave: 2 x N x P client
 * sockets over the generators. Each process has its own open-files limit (20,000 here), and a
 * generator holding many thousands of phones is itself slow to read them, so more generators
 * are started than --generators when needed, none holding more than this many phones.
 */
const PHONES_PER_GENERATOR = 12_000;

/** One room's update reaching its phones: the last phone's receipt, ms after the press. */
export interface DeliveryFigures {
  deliveries: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The fewest phones any delivery reached (the run waits for all of a room's P phones). */
  fewestPhones: number;
  /** Each press's emit to its ack: for the project, decide + durable commit + broadcast. */
  chairAckP50Ms: number;
  chairAckP99Ms: number;
}

export interface AgainstFloor {
  /** Rounds timed; a round is one press per room pressing (all N, or one). */
  rounds: number;
  project: DeliveryFigures;
  bare: DeliveryFigures;
  ratioP50: number;
  ratioP99: number;
}

export interface PhoneMemory {
  emptyRssKib: number;
  rssKib: number;
  kibPerPhone: number;
  heapKibPerPhone: number;
}

export interface StormFigures {
  /** The assembly whose doors storm (the first); every other one's chair keeps pressing. */
  stormAssembly: number;
  others: number;
  doors: number;
  inFlightPerDoor: number;
  /** Each storm: --checkins, acked as fast as they come back. */
  checkInsPerStorm: number;
  /** The others' deliveries, all their chairs pressing at once, without the storm and during it. */
  without: DeliveryFigures;
  during: DeliveryFigures;
  ratioP99: number;
  /**
   * Each window in the order run, its timed rounds (without: half of --rounds; during: as
   * many as the storm lasted) and p99: how far one pair agrees with the other.
   */
  windows: { kind: 'without' | 'during'; rounds: number; p99Ms: number }[];
  checkIns: {
    acked: number;
    failed: number;
    /** Failed ones by the server's code, and those never answered. */
    refusals: Record<string, number>;
    lost: number;
    perSecond: number;
    ackP50Ms: number;
    ackP99Ms: number;
  };
}

export interface ManyAssembliesResult {
  assemblies: number;
  phonesPerAssembly: number;
  /** Phones on each server: assemblies x phones per assembly. */
  phones: number;
  generators: number;
  payloadBytes: number;
  /** Every assembly's chair pressing at once: N deliveries a round. */
  allAtOnce: AgainstFloor;
  /** One assembly's chair pressing, the others quiet: each round the next assembly in turn. */
  alone: AgainstFloor;
  memory: {
    project: PhoneMemory;
    bare: PhoneMemory;
    /** Each phone generator's RSS with both servers' phones in: its own limit is the machine's. */
    generatorRssKib: number[];
  };
  /** Null with one assembly: there are no others to press. */
  storm: StormFigures | null;
}

/** One server's side: its rooms (a room per assembly), their codes, and the chairs' generator. */
interface Side {
  tag: Tag;
  url: string;
  codes: string[];
}

interface Timed extends RoomPress {
  tag: Tag;
}

interface Delivery extends Timed {
  lastMs: number;
  phones: number;
}

const roomName = (i: number) => `a${i + 1}`;
const CHECK_IN_LIMIT = LIMITS.checkIns;

class Rooms {
  constructor(
    readonly gens: Generator[],
    /** Holds every chair, so a press is timed by a process not also reading thousands of phones. */
    readonly chairGen: Generator,
    readonly phonesPerRoom: number,
  ) {}

  /** Each room's phones spread evenly over the generators, one room at a time. */
  async connect(side: Side) {
    const each = shares(this.phonesPerRoom, this.gens.length);
    const started = wallNow();
    for (const [i, code] of side.codes.entries()) {
      await Promise.all(
        this.gens.map((g, k) =>
          each[k]! > 0
            ? g.ask({
                op: 'connectPhones',
                url: side.url,
                code,
                bare: side.tag === 'bare',
                room: roomName(i),
                count: each[k]!,
              })
            : undefined,
        ),
      );
    }
    log(
      `${side.tag}: ${side.codes.length} x ${this.phonesPerRoom} phones connected in ${round((wallNow() - started) / 1000, 1)} s`,
    );
  }

  async openChairs(side: Side, keys: string[]) {
    for (const [i, code] of side.codes.entries()) {
      await this.chairGen.ask({
        op: 'openRoomChair',
        url: side.url,
        code,
        key: keys[i]!,
        bare: side.tag === 'bare',
        room: roomName(i),
      });
    }
  }

  /** These rooms' chairs press at once; resolves when every phone of each room has the update. */
  async press(tag: Tag, rooms: string[]): Promise<Timed[]> {
    const presses = await this.chairGen.ask<RoomPress[]>({ op: 'roomPresses', tag, rooms });
    const keys = presses.map((p) => roomReceiptKey(tag, p.room, p.seq));
    const all = await untilAll(
      this.gens,
      (g) => g.ask<number>({ op: 'receivedInRooms', keys }),
      rooms.length * this.phonesPerRoom,
      30_000,
    );
    if (!all) throw new Error(`${tag} ${rooms.join(',')}: not every phone got the update`);
    await Promise.all(this.gens.map((g) => g.ask({ op: 'applyHeld' })));
    await sleep(50);
    return presses.map((p) => ({ ...p, tag }));
  }

  /**
   * Rounds of presses, after the warm-up ones: `plan(r)` says who presses in round r, in
   * order (project and bare in turn, as the single assembly's fan-out interleaves them).
   * `howMany` timed rounds, or as long as it says so (at least one).
   */
  async rounds(
    howMany: number | (() => boolean),
    plan: (r: number) => { tag: Tag; rooms: string[] }[],
    warmUp = WARM_UP_ROUNDS,
  ): Promise<Delivery[]> {
    const more = (timedRounds: number) =>
      typeof howMany === 'number' ? timedRounds < howMany : timedRounds === 0 || howMany();
    await Promise.all(this.gens.map((g) => g.ask({ op: 'recordReceipts' })));
    const timed: Timed[] = [];
    for (let r = 1; r <= warmUp || more(r - 1 - warmUp); r++) {
      for (const { tag, rooms } of plan(r)) {
        const presses = await this.press(tag, rooms);
        if (r > warmUp) timed.push(...presses);
      }
    }
    const last = new Map<string, { phones: number; at: number }>();
    for (const receipts of await Promise.all(
      this.gens.map((g) => g.ask<LastReceipt[]>({ op: 'lastReceipts' })),
    )) {
      for (const [key, phones, at] of receipts) {
        const seen = last.get(key);
        last.set(key, { phones: (seen?.phones ?? 0) + phones, at: Math.max(seen?.at ?? 0, at) });
      }
    }
    return timed.map((press) => {
      const got = last.get(roomReceiptKey(press.tag, press.room, press.seq));
      return { ...press, lastMs: got ? got.at - press.sentAt : Number.NaN, phones: got?.phones ?? 0 };
    });
  }
}

/**
 * With --profile, the project server's CPU profile over `work`, written to
 * bench/results/profiles/assemblies-<name>.cpuprofile with its summary beside it.
 */
async function profiled<T>(options: BenchOptions, server: Ipc, name: string, work: () => Promise<T>) {
  if (!options.profile) return work();
  await server.ask({ probe: 'profileStart' });
  try {
    return await work();
  } finally {
    const dir = path.join(ROOT, 'bench/results/profiles');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `assemblies-${name}.cpuprofile`);
    await server.ask({ probe: 'profileStop', file });
    const summary = summariseProfile(JSON.parse(fs.readFileSync(file, 'utf8')), 25);
    fs.writeFileSync(file.replace(/\.cpuprofile$/, '.txt'), `${summary}\n`);
    log(`CPU profile of the server during ${name}: ${path.relative(ROOT, file)}`);
    console.log(summary.split('\n').slice(0, 16).join('\n'));
  }
}

function figures(deliveries: Delivery[]): DeliveryFigures {
  const last = spreadOf(deliveries.map((d) => d.lastMs));
  const ack = spreadOf(deliveries.map((d) => d.ackMs));
  return {
    deliveries: deliveries.length,
    p50Ms: round(last.p50),
    p95Ms: round(last.p95),
    p99Ms: round(last.p99),
    maxMs: round(last.max),
    fewestPhones: Math.min(...deliveries.map((d) => d.phones)),
    chairAckP50Ms: round(ack.p50),
    chairAckP99Ms: round(ack.p99),
  };
}

function againstFloor(rounds: number, deliveries: Delivery[]): AgainstFloor {
  const project = figures(deliveries.filter((d) => d.tag === 'project'));
  const bare = figures(deliveries.filter((d) => d.tag === 'bare'));
  return {
    rounds,
    project,
    bare,
    ratioP50: round(project.p50Ms / bare.p50Ms),
    ratioP99: round(project.p99Ms / bare.p99Ms),
  };
}

/** RSS and heap (after a full GC) with no phones, then with every room's phones in. */
async function memoryWithPhones(server: Ipc, phones: number, connect: () => Promise<void>) {
  await sleep(1000);
  const empty = await memoryOf(server);
  await connect();
  await sleep(3000);
  const full = await memoryOf(server);
  return {
    emptyRssKib: empty.rssKib,
    rssKib: full.rssKib,
    kibPerPhone: round((full.rssKib - empty.rssKib) / phones, 1),
    heapKibPerPhone: round((full.heapUsedKib - empty.heapUsedKib) / phones, 1),
  };
}

/** Project and bare in turn, the order flipped every round, as fanOut does. */
const inTurn = (r: number, rooms: string[]) =>
  (r % 2 === 0 ? (['project', 'bare'] as const) : (['bare', 'project'] as const)).map((tag) => ({
    tag,
    rooms,
  }));

export async function manyAssembliesPhase(options: BenchOptions): Promise<ManyAssembliesResult> {
  const n = options.assemblies;
  const p = options.phonesPerAssembly;
  const phones = n * p;
  const generators = Math.max(options.generators, Math.ceil((2 * phones) / PHONES_PER_GENERATOR));
  if (n > 1 && 2 * options.checkIns > CHECK_IN_LIMIT) {
    throw new Error(
      `--checkins ${options.checkIns}: the storm runs twice in one assembly, which holds at most ${CHECK_IN_LIMIT}`,
    );
  }
  const limit = openFilesLimit();
  // Each server holds N x P sockets (and the chairs and doors); each generator its share of both.
  const needed = Math.max(phones, Math.ceil((2 * phones) / generators)) + 500;
  if (limit < needed) {
    throw new Error(
      `The open-files limit is ${limit}, too low for ${phones} phones on each server: run \`ulimit -n ${needed}\` first.`,
    );
  }
  const gens = Array.from({ length: generators }, startGenerator);
  const chairGen = startGenerator();
  const doorGen = startGenerator();
  const rooms = new Rooms(gens, chairGen, p);
  const names = Array.from({ length: n }, (_, i) => roomName(i));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assembly-live-bench-assemblies-'));
  const servers: Ipc[] = [];
  try {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    log(`starting the server (compiled, as npm start runs it) on ${port}, data in ${dataDir}`);
    // Every assembly is created from 127.0.0.1, past the 30 an address may make in ten minutes.
    const server = await startProjectServer(port, dataDir, {
      DATABASE_URL: '',
      REDIS_URL: '',
      CREATIONS_PER_ADDRESS: String(Math.max(30, n)),
    });
    servers.push(server);
    const made: Awaited<ReturnType<typeof createBenchAssembly>>[] = [];
    for (let i = 0; i < n; i++) made.push(await createBenchAssembly(url));
    const project: Side = { tag: 'project', url, codes: made.map((a) => a.code) };
    log(`${n} assemblies, ${p} phones each, over ${generators} load generators`);
    const projectMemory = await memoryWithPhones(server, phones, () => rooms.connect(project));
    await rooms.openChairs(
      project,
      made.map((a) => a.keys.chair),
    );

    // The project's update as a phone gets it, so the floor broadcasts as many bytes.
    await Promise.all(gens.map((g) => g.ask({ op: 'recordReceipts' })));
    for (let r = 0; r < WARM_UP_ROUNDS; r++) await rooms.press('project', names);
    const sized = await Promise.all(gens.map((g) => g.ask<Receipts>({ op: 'receipts' })));
    const payloadBytes = Math.max(...sized.map((s) => s.payloadBytes.project));

    const barePort = await freePort();
    const bareUrl = `http://127.0.0.1:${barePort}`;
    log(`bare Socket.IO server on ${barePort}, ${n} rooms, payload ${payloadBytes} bytes`);
    const bare = await startBareServer(barePort, payloadBytes);
    servers.push(bare);
    const floor: Side = { tag: 'bare', url: bareUrl, codes: names.map((name) => `bare-${name}`) };
    const bareMemory = await memoryWithPhones(bare, phones, () => rooms.connect(floor));
    await rooms.openChairs(
      floor,
      names.map(() => ''),
    );

    const generatorRssKib = gens.map((g) => rssKib(g.pid));
    log(`load generators' RSS: ${generatorRssKib.map((kib) => `${Math.round(kib / 1024)} MiB`).join(', ')}`);
    log(`every chair at once: ${options.rounds} rounds on each server, interleaved`);
    const allAtOnce = againstFloor(
      options.rounds,
      await profiled(options, server, 'all-at-once', () =>
        rooms.rounds(options.rounds, (r) => inTurn(r, names)),
      ),
    );
    log(`each chair alone, in turn: ${options.rounds} rounds on each server, interleaved`);
    const alone = againstFloor(
      options.rounds,
      await rooms.rounds(options.rounds, (r) => inTurn(r, [names[(r - 1) % n]!])),
    );
    // The storm is the project's alone: the floor has no check-ins to compare with.
    await Promise.all(gens.map((g) => g.ask({ op: 'closePhones', tag: 'bare' })));
    await chairGen.ask({ op: 'closeRoomChairs', tag: 'bare' });
    await bare.stop();

    const storm =
      n > 1
        ? await profiled(options, server, 'storm', () =>
            stormUnderPresses(rooms, doorGen, options, url, made, names),
          )
        : null;
    await Promise.all(gens.map((g) => g.ask({ op: 'closePhones', tag: 'project' })));
    await chairGen.ask({ op: 'closeRoomChairs', tag: 'project' });
    return {
      assemblies: n,
      phonesPerAssembly: p,
      phones,
      generators,
      payloadBytes,
      allAtOnce,
      alone,
      memory: { project: projectMemory, bare: bareMemory, generatorRssKib },
      storm,
    };
  } finally {
    for (const g of [...gens, chairGen, doorGen]) g.child.disconnect();
    await Promise.all(servers.map((s) => s.stop()));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Windows of each kind in this order (as the hostile phase's): noise then weighs on both. */
const STORM_WINDOWS = ['without', 'during', 'during', 'without'] as const;

/**
 * The first assembly's doors check in --checkins people as fast as acks return (--doors x
 * --window in flight: the single assembly's storm) while every other assembly's chair
 * presses, all at once, round after round until the storm is over; in the windows without,
 * half of --rounds. Windows in the order of STORM_WINDOWS; each kind's deliveries are held
 * against the other's. Two storms of new names each: an assembly holds 50,000 check-ins.
 */
async function stormUnderPresses(
  rooms: Rooms,
  doorGen: Generator,
  options: BenchOptions,
  url: string,
  made: { code: string; keys: { door: string } }[],
  names: string[],
): Promise<StormFigures> {
  const others = names.slice(1);
  const plan = () => [{ tag: 'project' as const, rooms: others }];
  const perWindow = Math.ceil(options.rounds / 2);
  log(
    `storm: ${others.length} other chairs at once, ${perWindow} rounds without; during ${options.checkIns} check-ins by ${options.doors} doors x ${options.window} in flight in ${names[0]}`,
  );
  const byKind: Record<(typeof STORM_WINDOWS)[number], Delivery[]> = { without: [], during: [] };
  const windows: StormFigures['windows'] = [];
  const checkIns: DoorResult[] = [];
  for (const kind of STORM_WINDOWS) {
    if (kind === 'without') {
      const deliveries = await rooms.rounds(perWindow, plan);
      byKind.without.push(...deliveries);
      windows.push({ kind, rounds: perWindow, p99Ms: figures(deliveries).p99Ms });
      continue;
    }
    // The doors connect first and start together; the rounds start with them, no warm-up
    // (the server is warm), and go on until the last check-in is acked.
    const startAt = wallNow() + 2000;
    let storming = true;
    const stormDone = doorGen
      .ask<DoorResult>({
        op: 'doors',
        url,
        code: made[0]!.code,
        key: made[0]!.keys.door,
        doors: options.doors,
        window: options.window,
        target: options.checkIns,
        // Names differ from one storm to the next: the same person twice is refused.
        label: `Storm ${checkIns.length + 1}`,
        startAt,
      })
      .finally(() => {
        storming = false;
      });
    await sleep(startAt - wallNow());
    const deliveries = await rooms.rounds(() => storming, plan, 0);
    checkIns.push(await stormDone);
    byKind.during.push(...deliveries);
    windows.push({ kind, rounds: deliveries.length / others.length, p99Ms: figures(deliveries).p99Ms });
  }
  const without = figures(byKind.without);
  const during = figures(byKind.during);
  const acked = checkIns.reduce((n, r) => n + r.acked, 0);
  const stormMs = checkIns.reduce((n, r) => n + r.elapsedMs, 0);
  const ack = spreadOf(checkIns.flatMap((r) => r.ackMs));
  return {
    stormAssembly: 1,
    others: others.length,
    doors: options.doors,
    inFlightPerDoor: options.window,
    checkInsPerStorm: options.checkIns,
    without,
    during,
    ratioP99: round(during.p99Ms / without.p99Ms),
    windows,
    checkIns: {
      acked,
      failed: checkIns.reduce((n, r) => n + r.failed, 0),
      refusals: checkIns.reduce<Record<string, number>>((all, r) => {
        for (const [code, n] of Object.entries(r.refusals)) all[code] = (all[code] ?? 0) + n;
        return all;
      }, {}),
      lost: checkIns.reduce((n, r) => n + r.lost, 0),
      perSecond: round(acked / (stormMs / 1000), 0),
      ackP50Ms: round(ack.p50),
      ackP99Ms: round(ack.p99),
    },
  };
}

/** `--only assemblies`: the phase alone, its own servers and generators, its own record. */
export async function assembliesOnly(options: BenchOptions) {
  log(
    `bench, many assemblies on one node: ${options.assemblies} x ${options.phonesPerAssembly} phones, ${options.rounds} rounds`,
  );
  const started = wallNow();
  const assemblies = await manyAssembliesPhase(options);
  const results: AssembliesBenchResults = {
    date: new Date().toISOString(),
    machine: machine(),
    options,
    assemblies,
    targets: judgeAssemblies(assemblies, options),
  };
  const out = path.resolve(ROOT, options.out);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  log(`results: ${path.relative(ROOT, out)}`);
  printAssemblies(results);
  log(`many-assemblies phase took ${round((wallNow() - started) / 1000, 0)} s`);
}
