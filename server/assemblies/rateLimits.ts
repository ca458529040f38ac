import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';

// Every limit the server keeps, in one place, counted by rate-limiter-flexible: in memory on
// one node; in Redis when nodes share the assemblies (REDIS_URL), so an address cannot
// dodge a limit by landing on another node. If Redis is unreachable each node falls back to
// its own memory (the insurance limiter) rather than refusing or stalling anyone.

/** How old a connection must be to check in from an address that just hosted a flood. */
export const NEW_CONNECTION_MS = 10_000;

/** A number of events per window. */
export interface Allowance {
  points: number;
  seconds: number;
}

export const ALLOWANCES = {
  /** Wrong staff keys per address: past this, each is answered a second late, refused. */
  wrongKeys: { points: 10, seconds: 60 },
  /** Wrong admin tokens per address: past this even the right one waits out the minute. */
  wrongAdminTokens: { points: 10, seconds: 60 },
  /** New assemblies per address (CREATIONS_PER_ADDRESS sets the number). */
  creations: { points: 30, seconds: 600 },
  /**
   * Well-formed public commands (self check-ins) per address. A venue's phones may share
   * one address behind its wifi, and a join rush is 2,000 phones in two minutes: 1,000 a
   * minute, with room to spare (a refused phone retries by itself). Only commands a
   * socket's own limits let through count, so one flooding socket cannot use up the
   * venue's share.
   */
  publicCommandsPerAddress: { points: 1_500, seconds: 60 },
  /** Check-ins one phone's connection may make: a family, not a crowd. */
  checkInsPerPhone: { points: 8, seconds: 600 },
  /** Commitment cards one phone's connection may send: its own, a family's, and corrections. */
  cardsPerPhone: { points: 12, seconds: 600 },
  /** Every message from a public socket, parsed or not (a phone sends a handful). */
  eventsPerPublicSocket: { points: 40, seconds: 10 },
  /**
   * Every message from a staff socket. A steward cannot type this fast, but a door flushing
   * its offline queue sends as fast as the acks come, and the bench's doors send 600 a
   * second each: this only stops a runaway script holding a staff link.
   */
  eventsPerStaffSocket: { points: 10_000, seconds: 10 },
  /** Full syncs one socket may ask for (each may be the whole assembly). */
  syncsPerSocket: { points: 12, seconds: 60 },
  /**
   * An address one of whose sockets was just closed for flooding: for a minute, a connection
   * from it younger than NEW_CONNECTION_MS may not check anyone in (it is asked to wait a
   * moment; a phone's queued check-in retries by itself). A flooder that comes straight back
   * cannot spend the venue's allowance; the honest phones, connected for longer, go on.
   */
  floodedAddresses: { points: 1, seconds: 60 },
  /** The whole state over HTTP without a key, per address (pages use the socket). */
  publicStateReadsPerAddress: { points: 120, seconds: 60 },
  /**
   * Who is connected, asked by an organiser or chair page (each a look across nodes): the
   * readiness panel asks every few seconds and when told something changed.
   */
  presenceListsPerSocket: { points: 90, seconds: 60 },
  /** "Flash screen 2": a person pressing, not a script making the projectors blink. */
  flashesPerSocket: { points: 10, seconds: 60 },
  /** The server's own readiness checks (a look at the disk): the panel asks every half minute. */
  serverReadinessPerSocket: { points: 12, seconds: 60 },
} as const satisfies Record<string, Allowance>;

export type LimitName = keyof typeof ALLOWANCES;

/** What a Redis-backed limit needs of a node-redis client. */
export type LimitsRedis = ConstructorParameters<typeof RateLimiterRedis>[0]['storeClient'];

/** One limit: events counted per key (an address, a socket) in a fixed window. */
export class Limit {
  private readonly limiter: RateLimiterAbstract;

  constructor(
    name: LimitName | string,
    readonly allowance: Allowance,
    redis?: LimitsRedis,
  ) {
    const options = {
      keyPrefix: `assembly-live:${name}`,
      points: allowance.points,
      duration: allowance.seconds,
    };
    this.limiter = redis
      ? new RateLimiterRedis({
          ...options,
          storeClient: redis,
          useRedisPackage: true,
          rejectIfRedisNotReady: true,
          insuranceLimiter: new RateLimiterMemory(options),
        })
      : new RateLimiterMemory(options);
  }

  /** Counts one (or `points`) for the key: true while within the allowance, this one included. */
  async take(key: string, points = 1): Promise<boolean> {
    return (await this.count(key, points)) <= this.allowance.points;
  }

  /** Counts one (or `points`) for the key and says how many it has used in this window. */
  async count(key: string, points = 1): Promise<number> {
    try {
      return (await this.limiter.consume(key, points)).consumedPoints;
    } catch (refused) {
      if (refused instanceof RateLimiterRes) return refused.consumedPoints;
      // The store failed and there was no insurance: never lock anyone out over it.
      return 0;
    }
  }

  /** True once the key has used its allowance in this window. */
  async exhausted(key: string): Promise<boolean> {
    return (await this.used(key)) >= this.allowance.points;
  }

  private async used(key: string): Promise<number> {
    try {
      return (await this.limiter.get(key))?.consumedPoints ?? 0;
    } catch {
      return 0;
    }
  }

  /** Forgets a key now (a socket that closed), rather than when its window ends. */
  forget(key: string): void {
    this.limiter.delete(key).catch(() => {});
  }
}

/** Allowances the operator set otherwise (CREATIONS_PER_ADDRESS). */
export type Allowances = Partial<Record<LimitName, Allowance>>;

/** The limits one node keeps: shared through Redis when it is there. */
export function limitsFor(redis?: LimitsRedis, set: Allowances = {}): Record<LimitName, Limit> {
  const allowance = (name: LimitName) => set[name] ?? ALLOWANCES[name];
  const shared = (name: LimitName) => new Limit(name, allowance(name), redis);
  // Sockets live on one node: their limits stay in its memory.
  const local = (name: LimitName) => new Limit(name, allowance(name));
  return {
    wrongKeys: shared('wrongKeys'),
    wrongAdminTokens: shared('wrongAdminTokens'),
    creations: shared('creations'),
    publicCommandsPerAddress: shared('publicCommandsPerAddress'),
    checkInsPerPhone: local('checkInsPerPhone'),
    cardsPerPhone: local('cardsPerPhone'),
    eventsPerPublicSocket: local('eventsPerPublicSocket'),
    eventsPerStaffSocket: local('eventsPerStaffSocket'),
    syncsPerSocket: local('syncsPerSocket'),
    publicStateReadsPerAddress: shared('publicStateReadsPerAddress'),
    floodedAddresses: shared('floodedAddresses'),
    presenceListsPerSocket: local('presenceListsPerSocket'),
    flashesPerSocket: local('flashesPerSocket'),
    serverReadinessPerSocket: local('serverReadinessPerSocket'),
  };
}
