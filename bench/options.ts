import { parseArgs } from 'node:util';

export interface BenchOptions {
  quick: boolean;
  clients: number;
  checkIns: number;
  rounds: number;
  offeredSeconds: number;
  generators: number;
  doors: number;
  window: number;
  profile: boolean;
  /** 2 or more: also fan-out across that many nodes sharing PostgreSQL and Redis, against one. */
  nodes: number;
  /** Seconds of each hostile window, with and without the flood. */
  hostileSeconds: number;
  /** Pairs of hostile windows (one without the flood, one with it). */
  hostileRounds: number;
  /** The flooding process's niceness: 19 by default, so an attacker's CPU is not the server's. */
  flooderNice: number;
  /** Hostile commands in the long fuzz run (tests/fuzz), after the other phases; 0 skips it. */
  fuzzRuns: number;
  /** The venue phase (`--only venue`): slow-phone first visits, timed this many times each. */
  venueRuns: number;
  /** Changes of the projectors' timer digits compared. */
  clockFlips: number;
  /** The join rush: phones opening the join link, within this many seconds. */
  rushPhones: number;
  rushSeconds: number;
  /** Every n-th phone of the rush checks its person in (0: none). */
  rushCheckInEvery: number;
  /** The chair's presses a second during the rush. */
  chairPerSecond: number;
  /** Many assemblies on one node (`--only assemblies`): how many, and phones in each. */
  assemblies: number;
  phonesPerAssembly: number;
  /** `hostile`, `fuzz`, `venue` or `assemblies`: that phase alone, on its own server. */
  only: 'all' | 'hostile' | 'fuzz' | 'venue' | 'assemblies';
  out: string;
}

const HELP = `npm run bench [-- options]
  --quick            1,000 clients, 5,000 check-ins, 10 s offered load, 5 s hostile
                     windows (about a minute and a half)
  --clients N        public clients (default 5000)
  --checkins M       check-ins acked in the storm (default 20000)
  --rounds R         fan-out rounds (default 100: the p99 is then not just the slowest)
  --offered-seconds  seconds of 200 check-ins/s offered (default 30)
  --generators G     load-generator processes (default 2)
  --doors D          door devices in the storm (default 16)
  --window W         check-ins each door keeps in flight (default 16)
  --profile          CPU-profile the server during fan-out, the check-in storm and the
                     first hostile flood window
  --nodes N          also fan-out across N nodes sharing PostgreSQL and Redis, against one
                     such node (needs DATABASE_URL and REDIS_URL; see docs/deploy.md)
  --hostile-seconds  seconds of each hostile window, doors and chair at work with and
                     without one public socket flooding (default 10; 5 with --quick)
  --hostile-rounds R pairs of hostile windows, without and with the flood (default 2)
  --flooder-nice N   niceness of the flooding process, 0 to 19 (default 19: it floods
                     with the CPU nothing else on the machine wants)
  --fuzz-runs N      hostile commands in the long fuzz run, with syncs, requests and
                     handshakes in proportion (default 5000; 0 with --quick: skipped)
  --only hostile     just the hostile phase, on its own server, with --clients phones
                     (default out: bench/results/hostile.json, hostile-quick.json with --quick)
  --only fuzz        just the long fuzz run (default out: bench/results/fuzz.json)
  --only venue       the venue phase (npm run bench:venue, which builds the client first):
                     the join page's transfer, a slow phone's first visit, the join rush,
                     two projectors' clocks, in Chromium (default out:
                     bench/results/venue.json, venue-quick.json with --quick)
  --venue-runs N     slow-phone first visits timed (default 5; 1 with --quick)
  --clock-flips N    timer changes compared across two projectors (default 20; 8 with --quick)
  --rush-phones N    phones opening the join link in the rush (default 2000; 300 with --quick)
  --rush-seconds S   the window they arrive in (default 120; 30 with --quick)
  --rush-check-in-every N  every n-th rush phone checks someone in (default 2; 0: none)
  --chair-per-second N     the chair's presses a second during the rush (default 2)
  --only assemblies  many assemblies on one node, against the bare floor with as many rooms:
                     every chair pressing at once and each alone (--rounds each), RSS per
                     phone, one assembly's check-in storm under the others' presses (default
                     out: bench/results/assemblies.json). More generators are started than
                     --generators if needed, so none holds over 12,000 phones; each storm is
                     --checkins check-ins (at most 25,000: two fit in one assembly); with
                     --profile, the server's CPU during all at once and during the storms
  --assemblies N     assemblies on the node (default 18)
  --phones-per-assembly P  phones connected to each, on each server (default 1000); either
                     of these without --only implies --only assemblies
  --out FILE         where to write the results (default bench/results/latest.json)`;

export function readOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      clients: { type: 'string' },
      checkins: { type: 'string' },
      rounds: { type: 'string' },
      'offered-seconds': { type: 'string' },
      generators: { type: 'string' },
      doors: { type: 'string' },
      window: { type: 'string' },
      profile: { type: 'boolean', default: false },
      nodes: { type: 'string' },
      'hostile-seconds': { type: 'string' },
      'hostile-rounds': { type: 'string' },
      'flooder-nice': { type: 'string' },
      'fuzz-runs': { type: 'string' },
      'venue-runs': { type: 'string' },
      'clock-flips': { type: 'string' },
      'rush-phones': { type: 'string' },
      'rush-seconds': { type: 'string' },
      'rush-check-in-every': { type: 'string' },
      'chair-per-second': { type: 'string' },
      assemblies: { type: 'string' },
      'phones-per-assembly': { type: 'string' },
      only: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const count = (name: string, value: string | undefined, fallback: number, min = 1) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min)
      throw new Error(`--${name} must be a whole number of at least ${min}`);
    return n;
  };
  const quick = values.quick;
  const phases = ['hostile', 'fuzz', 'venue', 'assemblies'] as const;
  // `--assemblies N` (or `--phones-per-assembly P`) says which phase is meant: the full run
  // has no use for either.
  const manyAssemblies = values.assemblies !== undefined || values['phones-per-assembly'] !== undefined;
  const asked = values.only ?? (manyAssemblies ? 'assemblies' : undefined);
  const only = asked === undefined ? 'all' : phases.find((phase) => phase === asked);
  if (only === undefined) throw new Error('--only takes one phase: hostile, fuzz, venue or assemblies');
  const defaultOut =
    only === 'hostile' || only === 'venue'
      ? `bench/results/${only}${quick ? '-quick' : ''}.json`
      : only === 'fuzz' || only === 'assemblies'
        ? `bench/results/${only}.json`
        : `bench/results/${quick ? 'quick' : 'latest'}.json`;
  return {
    quick,
    clients: count('clients', values.clients, quick ? 1000 : 5000),
    checkIns: count('checkins', values.checkins, quick ? 5000 : 20_000),
    rounds: count('rounds', values.rounds, 100),
    offeredSeconds: count('offered-seconds', values['offered-seconds'], quick ? 10 : 30),
    generators: count('generators', values.generators, 2),
    doors: count('doors', values.doors, 16),
    window: count('window', values.window, 16),
    profile: values.profile,
    nodes: count('nodes', values.nodes, 1),
    hostileSeconds: count('hostile-seconds', values['hostile-seconds'], quick ? 5 : 10),
    hostileRounds: count('hostile-rounds', values['hostile-rounds'], 2),
    flooderNice: Math.min(19, count('flooder-nice', values['flooder-nice'], 19, 0)),
    fuzzRuns: count('fuzz-runs', values['fuzz-runs'], quick && only !== 'fuzz' ? 0 : 5000, 0),
    venueRuns: count('venue-runs', values['venue-runs'], quick ? 1 : 5),
    clockFlips: count('clock-flips', values['clock-flips'], quick ? 8 : 20),
    rushPhones: count('rush-phones', values['rush-phones'], quick ? 300 : 2000),
    rushSeconds: count('rush-seconds', values['rush-seconds'], quick ? 30 : 120),
    rushCheckInEvery: count('rush-check-in-every', values['rush-check-in-every'], 2, 0),
    chairPerSecond: count('chair-per-second', values['chair-per-second'], 2),
    assemblies: count('assemblies', values.assemblies, 18),
    phonesPerAssembly: count('phones-per-assembly', values['phones-per-assembly'], 1000),
    only,
    out: values.out ?? defaultOut,
  };
}
