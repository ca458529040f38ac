import { describe, expect, it } from 'vitest';
import { AssemblyHost } from '../../server/assemblies/assemblyHost';
import { createLogger } from '../../server/logger';
import { SqliteStore } from '../../server/store/sqliteStore';
import type { JournalEntry } from '../../shared/protocol/events';
import { SMALL_SETUP } from './harness';

/** A real SQLite store whose appends can be made to fail, as a full or failing disk would. */
class FailingStore extends SqliteStore {
  failAppends = false;
  override append(code: string, entries: JournalEntry[]): Promise<void> {
    return this.failAppends ? Promise.reject(new Error('disk I/O error')) : super.append(code, entries);
  }
}

describe('when the disk fails', () => {
  it('a repeated command is not acked ahead of the append it depends on', async () => {
    const store = new FailingStore(':memory:');
    const resyncs: string[] = [];
    const host = new AssemblyHost({
      store,
      logger: createLogger('silent'),
      resync: (code) => resyncs.push(code),
    });
    const { code } = await host.create({ title: 'Disk', venue: '', startsAt: null, endsAt: null });
    const room = (await host.room(code))!;
    await host.execute(room, 'admin', { type: 'importSetup', setup: SMALL_SETUP });

    store.failAppends = true;
    const first = host.execute(room, 'chair', { type: 'setScene', scene: 'join' });
    const second = host.execute(room, 'chair', { type: 'setScene', scene: 'join' });
    expect(await first).toMatchObject({ ok: false, code: 'internal' });
    expect(await second).toMatchObject({ ok: false, code: 'internal' });
    expect(resyncs).toEqual([code]);

    // The host forgets the state that ran ahead of the disk and carries on from what is stored.
    store.failAppends = false;
    const reloaded = (await host.room(code))!;
    expect(reloaded).not.toBe(room);
    expect(reloaded.committed.live.scene).toBe('agenda');
    expect(await host.execute(reloaded, 'chair', { type: 'setScene', scene: 'join' })).toMatchObject({
      ok: true,
    });
    expect(await host.execute(room, 'chair', { type: 'undo' })).toMatchObject({
      ok: false,
      code: 'unavailable',
    });
  });

  it('a failing database rejects the batch instead of crashing the process', async () => {
    const store = new SqliteStore(':memory:');
    (store as unknown as { db: { close(): void } }).db.close();
    const entry: JournalEntry = { seq: 1, at: 1, actor: 'chair', event: { type: 'messageCleared' } };
    await expect(store.append('AAAAAA', [entry])).rejects.toThrow(/not open/);
  });
});
