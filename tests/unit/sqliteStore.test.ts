import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../server/store/sqliteStore';
import { JournalGapError } from '../../server/store/store';
import type { JournalEntry } from '../../shared/protocol/events';
import { assembly } from './fixtures';

const record = (code: string) => ({
  code,
  epoch: `epoch-${code}`,
  keyHashes: { admin: 'a'.repeat(64), chair: 'b'.repeat(64), door: 'c'.repeat(64) },
  createdAt: 1,
});
const entry = (seq: number): JournalEntry => ({
  seq,
  at: seq,
  actor: 'chair',
  event: { type: 'messageShown', text: `m${seq}` },
});

describe('SQLite store', () => {
  it('creates once per code', async () => {
    const store = new SqliteStore(':memory:');
    expect(await store.createAssembly(record('AAAAAA'), [entry(1)])).toBe(true);
    expect(await store.createAssembly(record('AAAAAA'), [entry(1)])).toBe(false);
    expect(await store.getAssembly('AAAAAA')).toEqual(record('AAAAAA'));
    expect(await store.getAssembly('BBBBBB')).toBeNull();
    await store.close();
  });

  it('commits appends from one turn together, in order, and refuses a gap without sinking the rest', async () => {
    const store = new SqliteStore(':memory:');
    await store.createAssembly(record('AAAAAA'), [entry(1)]);
    await store.createAssembly(record('BBBBBB'), [entry(1)]);
    const results = await Promise.allSettled([
      store.append('AAAAAA', [entry(2), entry(3)]),
      store.append('BBBBBB', [entry(5)]),
      store.append('AAAAAA', [entry(4)]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(JournalGapError);
    expect((await store.readJournal('AAAAAA', 1)).map((e) => e.seq)).toEqual([2, 3, 4]);
    expect((await store.readJournal('BBBBBB', 0)).map((e) => e.seq)).toEqual([1]);
    await expect(store.append('AAAAAA', [entry(4)])).rejects.toBeInstanceOf(JournalGapError);
    await store.close();
  });

  it('keeps the newest snapshot only', async () => {
    const store = new SqliteStore(':memory:');
    const state = assembly();
    await store.saveSnapshot('AAAAAA', { seq: 5, state });
    await store.saveSnapshot('AAAAAA', { seq: 3, state: { ...state, title: 'older' } });
    expect(await store.latestSnapshot('AAAAAA')).toEqual({ seq: 5, state });
    await store.close();
  });
});
