import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgStore } from '../../server/store/pgStore';
import { snapshotText } from '../../server/store/snapshotText';
import { SqliteStore } from '../../server/store/sqliteStore';
import { JournalGapError, type Store } from '../../server/store/store';
import type { JournalEntry } from '../../shared/protocol/events';
import { DATABASE_URL, freshSchema, HOW_TO_RUN_SHARED } from '../postgres';
import { assembly } from '../unit/fixtures';

const quiet = { warn: () => {}, error: () => {} };
let codes = 0;
/** A code no earlier test in this run used: the PostgreSQL schema lives for the whole file. */
const newCode = () => `S${String(++codes).padStart(5, '0')}`;

const record = (code: string) => ({
  code,
  epoch: `epoch-${code}`,
  keyHashes: { admin: 'a'.repeat(64), chair: 'b'.repeat(64), door: 'c'.repeat(64) },
  createdAt: 1,
});
const entry = (seq: number, text = `m${seq}`): JournalEntry => ({
  seq,
  at: 1_700_000_000_000 + seq,
  actor: 'chair',
  event: { type: 'messageShown', text },
});

let pgUrl: string | undefined;
let dropSchema = async () => {};
beforeAll(async () => {
  if (!DATABASE_URL) return;
  const schema = await freshSchema(DATABASE_URL);
  pgUrl = schema.url;
  dropSchema = schema.drop;
});
afterAll(() => dropSchema());

const stores: [string, () => Promise<Store>, boolean][] = [
  ['SQLite', async () => new SqliteStore(':memory:'), true],
  ['PostgreSQL', () => PgStore.open(pgUrl!, quiet), DATABASE_URL !== undefined],
];

if (!DATABASE_URL) console.warn(`PostgreSQL store suite ${HOW_TO_RUN_SHARED}`);

// One suite, every store: the host above must not be able to tell them apart.
describe.each(stores)('%s store', (_name, open, available) => {
  describe.skipIf(!available)('', () => {
    it('creates once per code', async () => {
      const store = await open();
      const code = newCode();
      expect(await store.createAssembly(record(code), [entry(1)])).toBe(true);
      expect(await store.createAssembly(record(code), [entry(1)])).toBe(false);
      expect(await store.getAssembly(code)).toEqual(record(code));
      expect(await store.getAssembly(newCode())).toBeNull();
      expect((await store.listAssemblies()).map((r) => r.code)).toContain(code);
      await store.close();
    });

    it('appends in order, refuses a gap or a taken seq without sinking other appends', async () => {
      const store = await open();
      const [a, b] = [newCode(), newCode()];
      await store.createAssembly(record(a), [entry(1)]);
      await store.createAssembly(record(b), [entry(1)]);
      const results = await Promise.allSettled([
        store.append(a, [entry(2), entry(3)]),
        store.append(b, [entry(5)]),
        store.append(a, [entry(4)]),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(JournalGapError);
      expect((await store.readJournal(a, 1)).map((e) => e.seq)).toEqual([2, 3, 4]);
      expect(await store.readJournal(b, 0)).toEqual([entry(1)]);
      await expect(store.append(a, [entry(4, 'again')])).rejects.toBeInstanceOf(JournalGapError);
      expect((await store.readJournal(a, 3))[0]!.event).toEqual(entry(4).event);
      await store.close();
    });

    it('reads back exactly what was written, and survives reopening', async () => {
      const store = await open();
      const code = newCode();
      const odd: JournalEntry = {
        seq: 2,
        at: 1_800_000_000_123,
        actor: 'public',
        event: { type: 'messageShown', text: 'Ünïcode "quotes" \\ back\\slash {braces} \u{1F44D}' },
      };
      await store.createAssembly(record(code), [entry(1)]);
      await store.append(code, [odd]);
      expect(await store.readJournal(code, 0)).toEqual([entry(1), odd]);
      await store.close();
    });

    it('replaces one staff key hash and nothing else', async () => {
      const store = await open();
      const code = newCode();
      await store.createAssembly(record(code), [entry(1)]);
      await store.replaceKeyHash(code, 'door', 'd'.repeat(64));
      expect(await store.getAssembly(code)).toEqual({
        ...record(code),
        keyHashes: { ...record(code).keyHashes, door: 'd'.repeat(64) },
      });
      await expect(store.replaceKeyHash(newCode(), 'door', 'd'.repeat(64))).rejects.toThrow();
      await store.close();
    });

    it('keeps the newest snapshot only', async () => {
      const store = await open();
      const code = newCode();
      await store.createAssembly(record(code), [entry(1)]);
      const state = assembly();
      await store.saveSnapshot(code, 5, await snapshotText(state));
      await store.saveSnapshot(code, 3, JSON.stringify({ ...state, title: 'older' }));
      expect(await store.latestSnapshot(code)).toEqual({ seq: 5, state });
      expect(await store.latestSnapshot(newCode())).toBeNull();
      await store.check();
      await store.close();
    });
  });
});

describe.skipIf(!DATABASE_URL)('PostgreSQL store shared by two nodes', () => {
  it('serialises decisions per assembly: every entry decided against the journal as it stood', async () => {
    const [nodeA, nodeB] = await Promise.all([PgStore.open(pgUrl!, quiet), PgStore.open(pgUrl!, quiet)]);
    const heard: number[] = [];
    nodeB.onAppended((code, seq) => code === shared && heard.push(seq));
    const shared = newCode();
    await nodeA.createAssembly(record(shared), [entry(1)]);
    // Each node thinks it is at seq 1 and never catches up by itself: only what the
    // store hands back as `missed` tells it where the journal stands.
    const seen = { a: 1, b: 1 };
    const press = (store: PgStore, node: 'a' | 'b', i: number) =>
      store
        .appendDecided(shared, seen[node], (missed) => {
          const last = missed.at(-1)?.seq ?? seen[node];
          return [entry(last + 1, `${node}${i}`)];
        })
        .then((result) => {
          seen[node] = result.appended.at(-1)!.seq;
        });
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => [press(nodeA, 'a', i), press(nodeB, 'b', i)]).flat(),
    );
    const journal = await nodeA.readJournal(shared, 0);
    expect(journal.map((e) => e.seq)).toEqual(Array.from({ length: 81 }, (_, i) => i + 1));
    const texts = journal.slice(1).map((e) => (e.event as { text: string }).text);
    expect(new Set(texts).size).toBe(80);
    await expect.poll(() => heard.at(-1), { timeout: 5000 }).toBe(81);
    await Promise.all([nodeA.close(), nodeB.close()]);
  });

  it('refuses entries that do not continue the journal, and writes none of them', async () => {
    const store = await PgStore.open(pgUrl!, quiet);
    const code = newCode();
    await store.createAssembly(record(code), [entry(1)]);
    await expect(store.appendDecided(code, 1, () => [entry(3)])).rejects.toBeInstanceOf(JournalGapError);
    await expect(store.appendDecided(code, 0, () => [entry(1, 'dup')])).rejects.toBeInstanceOf(
      JournalGapError,
    );
    expect(await store.readJournal(code, 0)).toEqual([entry(1)]);
    await store.close();
  });

  it('migrates once when two nodes start together, and again is a no-op', async () => {
    const stores = await Promise.all([1, 2, 3].map(() => PgStore.open(pgUrl!, quiet)));
    await Promise.all(stores.map((store) => store.check()));
    await Promise.all(stores.map((store) => store.close()));
  });
});
