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
  /** `hostile` or `fuzz`: that phase alone, on its own server. */
  only: 'all' | 'hostile' | 'fuzz';
  out: string;
}

const HELP = `npm run bench [-- options]
  --quick            1,000 clients, 5,000 check-ins, 10 s offered load, 5 s hostile
                     windows (about a minute and a half)
  --clients N        public clients (default 5000)
  --checkins M       check-ins acked in the storm (default 20000)
  --rounds R         fan-out rounds (default 30)
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
  if (values.only !== undefined && values.only !== 'hostile' && values.only !== 'fuzz')
    throw new Error('--only takes one phase: hostile or fuzz');
  const only = values.only === 'hostile' || values.only === 'fuzz' ? values.only : 'all';
  const defaultOut =
    only === 'hostile'
      ? `bench/results/${quick ? 'hostile-quick' : 'hostile'}.json`
      : only === 'fuzz'
        ? 'bench/results/fuzz.json'
        : `bench/results/${quick ? 'quick' : 'latest'}.json`;
  return {
    quick,
    clients: count('clients', values.clients, quick ? 1000 : 5000),
    checkIns: count('checkins', values.checkins, quick ? 5000 : 20_000),
    rounds: count('rounds', values.rounds, 30),
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
    only,
    out: values.out ?? defaultOut,
  };
}
