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
  out: string;
}

const HELP = `npm run bench [-- options]
  --quick            1,000 clients, 5,000 check-ins, 10 s offered load (about a minute)
  --clients N        public clients (default 5000)
  --checkins M       check-ins acked in the storm (default 20000)
  --rounds R         fan-out rounds (default 30)
  --offered-seconds  seconds of 200 check-ins/s offered (default 30)
  --generators G     load-generator processes (default 2)
  --doors D          door devices in the storm (default 16)
  --window W         check-ins each door keeps in flight (default 16)
  --profile          CPU-profile the server during fan-out and the check-in storm
  --nodes N          also fan-out across N nodes sharing PostgreSQL and Redis, against one
                     such node (needs DATABASE_URL and REDIS_URL; see docs/deploy.md)
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
    out: values.out ?? (quick ? 'bench/results/quick.json' : 'bench/results/latest.json'),
  };
}
