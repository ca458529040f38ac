import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { AssemblyHost } from '../../server/assemblies/assemblyHost';
import { stateFor } from '../../shared/domain/views';
import { type Created, MirrorClient } from './harness';

/**
 * Runs a little of the night, lets the assembly go from memory once nobody is connected,
 * and checks that the next socket, read and command find it exactly as it was.
 */
export async function expectEvictedIntact(url: string, host: AssemblyHost, created: Created): Promise<void> {
  const open = (key?: string) => new MirrorClient(url, { code: created.code, key }).ready();
  const [door, chair] = await Promise.all([open(created.keys.door), open(created.keys.chair)]);
  for (const name of ['Amal', 'Grace Obi', 'Yusef Hasan'])
    expect(
      await door.command({ type: 'checkIn', checkInId: randomUUID(), name, institutionId: 'mosque' }),
    ).toMatchObject({ ok: true });
  expect(await chair.command({ type: 'nextItem', fromItemId: null })).toMatchObject({ ok: true });
  expect(await chair.command({ type: 'startTimer' })).toMatchObject({ ok: true });
  const before = (await host.room(created.code))!;
  const { committedSeq: seq, committed: state } = before;
  // Not while anyone is connected, however long it has been quiet.
  expect(await host.evictIdle(0)).toEqual([]);
  door.close();
  chair.close();
  let evicted: string[] = [];
  for (let i = 0; i < 100 && evicted.length === 0; i++) {
    evicted = await host.evictIdle(0);
    if (evicted.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(evicted).toEqual([created.code]);
  expect(host.loadedCount).toBe(0);
  // Back on the next socket, equal to before, and it goes on from where it was.
  const again = await open(created.keys.door);
  expect(again.seq).toBe(seq);
  const reloaded = (await host.room(created.code))!;
  expect(reloaded).not.toBe(before);
  expect(reloaded.committedSeq).toBe(seq);
  const plain = (value: unknown) => JSON.parse(JSON.stringify(value));
  expect(plain(reloaded.committed)).toEqual(plain(state));
  expect(plain(again.state)).toEqual(plain(stateFor('door', state)));
  expect(
    await again.command({ type: 'checkIn', checkInId: randomUUID(), name: 'Late', institutionId: 'stmarys' }),
  ).toMatchObject({ ok: true, seq: seq + 1 });
  again.close();
}
