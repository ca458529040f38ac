import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOUNDED_RUNS, fuzzServer } from '../fuzz/fuzzRun';
import { startServer } from './harness';

// A hostile room against the real server (tests/fuzz/fuzzRun.ts): every command type, sync
// and the handshake, from every role, over Socket.IO and HTTP. A bounded, seeded run here;
// `FUZZ_RUNS=20000 npm run fuzz` for a long one. The seed is in the failure message.

const SEED = Number(process.env.FUZZ_SEED ?? 20261128);

describe('a hostile room (fast-check, real server)', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('answers everything with ok or a coded error, changes only through accepted commands, stays up', {
    timeout: 120_000,
  }, async () => {
    const report = await fuzzServer(server, { seed: SEED, runs: BOUNDED_RUNS });
    expect(report.failures, `seed ${SEED}`).toEqual([]);
    // The fuzz reached the rules, not only the schemas: some of every kind were accepted.
    const accepted = Object.keys(report.outcomes).filter((key) => key.endsWith(':accepted'));
    expect(accepted.length, JSON.stringify(report.outcomes)).toBeGreaterThan(15);
  });
});
