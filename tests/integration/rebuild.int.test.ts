import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AssemblyHost } from '../../server/assemblies/assemblyHost';
import { createLogger } from '../../server/logger';
import { SqliteStore } from '../../server/store/sqliteStore';
import { SMALL_SETUP, tempDir } from './harness';

describe('state rebuilt from snapshot + journal', () => {
  it('a new process sees exactly the state the old one committed, past several snapshots', async () => {
    const file = path.join(tempDir(), 'assembly-live.sqlite');
    const logger = createLogger('silent');
    let now = Date.UTC(2026, 10, 28, 18, 0);
    const first = new AssemblyHost({ store: new SqliteStore(file), logger, now: () => now });
    const { code } = await first.create({ title: 'Snapshots', venue: '', startsAt: null, endsAt: null });
    const room = (await first.room(code))!;
    expect(await first.execute(room, 'admin', { type: 'importSetup', setup: SMALL_SETUP })).toMatchObject({
      ok: true,
    });

    // 1,200 commands: the host snapshots every 500 events, so the tail is replayed from the journal.
    const replies = [];
    for (let i = 0; i < 1_200; i++) {
      now += 1_000;
      const command =
        i % 3 === 0
          ? { type: 'showMessage', text: `message ${i}` }
          : i % 3 === 1
            ? { type: 'nextItem', fromItemId: room.decided.live.currentItemId }
            : { type: 'undo' };
      replies.push(first.execute(room, 'chair', command));
    }
    const settled = await Promise.all(replies);
    expect(settled.filter((reply) => reply.ok).length).toBeGreaterThan(800);
    await first.snapshotsWritten();
    const store = new SqliteStore(file);
    const snapshot = await store.latestSnapshot(code);
    expect(snapshot?.seq).toBeGreaterThanOrEqual(1_000);
    expect(snapshot!.seq).toBeLessThan(room.committedSeq);

    const second = new AssemblyHost({ store, logger });
    const reloaded = (await second.room(code))!;
    expect(reloaded.committedSeq).toBe(room.committedSeq);
    expect(reloaded.committed).toEqual(room.committed);
    // A client a few entries behind gets just the gap after the restart, not a snapshot.
    expect(reloaded.entriesAfter(room.committedSeq - 5)?.map((entry) => entry.seq)).toEqual(
      [4, 3, 2, 1, 0].map((back) => room.committedSeq - back),
    );
    await store.close();
  });

  it('a due snapshot waits for a quiet second, and is taken at once past twice its due', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const file = path.join(tempDir(), 'assembly-live.sqlite');
      const store = new SqliteStore(file);
      const host = new AssemblyHost({ store, logger: createLogger('silent') });
      const { code } = await host.create({ title: 'Quiet', venue: '', startsAt: null, endsAt: null });
      const room = (await host.room(code))!;
      const press = async (n: number) => {
        for (let i = 0; i < n; i++) {
          const reply = await host.execute(room, 'chair', { type: 'showMessage', text: `message ${i}` });
          expect(reply).toMatchObject({ ok: true });
          vi.advanceTimersByTime(100);
        }
      };
      // Due after 500 events, but the chair is still pressing: nothing is serialised yet.
      await press(600);
      await host.snapshotsWritten();
      expect(await store.latestSnapshot(code)).toBeNull();
      // A second of quiet: the snapshot is taken, of everything committed.
      vi.advanceTimersByTime(1_000);
      await host.snapshotsWritten();
      expect((await store.latestSnapshot(code))?.seq).toBe(room.committedSeq);
      // Pressing on without a pause: taken anyway once twice the due number have passed.
      const before = room.committedSeq;
      await press(1_000);
      await host.snapshotsWritten();
      expect((await store.latestSnapshot(code))!.seq).toBeGreaterThanOrEqual(before + 1_000);
      host.stop();
      await store.close();
    } finally {
      vi.useRealTimers();
    }
  });
});
