import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AssemblyRoom } from '../../server/assemblies/assemblyRoom';
import { Broadcaster, TURNOUT_INTERVAL_MS } from '../../server/io/broadcaster';
import type { Audience } from '../../shared/domain/views';
import type { JournalEntry } from '../../shared/protocol/events';
import type { EventBatch } from '../../shared/protocol/socket';
import { assembly, T0 } from './fixtures';

const room = new AssemblyRoom(
  { code: 'ABC234', epoch: 'e1', keyHashes: { admin: 'a', chair: 'c', door: 'd' }, createdAt: T0 },
  assembly(),
  1,
);

let seq = 1;
const batchOf = (event: JournalEntry['event']): EventBatch => {
  const entry = { seq: ++seq, at: T0, actor: 'door' as const, event };
  return { prevSeq: seq - 1, seq, entries: [entry] };
};
const checkedIn = () =>
  batchOf({
    type: 'checkedIn',
    checkIn: {
      id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
      name: 'Person',
      institutionId: null,
      guestOf: '',
      contact: '',
      consent: false,
      method: 'walkIn',
      at: T0,
      device: 'North door',
      registrantId: null,
      undoneAt: null,
    },
  });

/** Public batches sent, with the clock they went at. */
function broadcasterWith(phones: number) {
  const sent: { at: number; seq: number }[] = [];
  const broadcaster = new Broadcaster(
    (_code, audience: Audience, batch) => {
      if (audience === 'public') sent.push({ at: Date.now(), seq: batch.seq });
    },
    TURNOUT_INTERVAL_MS,
    Date.now,
    () => phones,
  );
  return { broadcaster, sent };
}

describe('turnout updates are spaced by the audience they go to', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => vi.useRealTimers());

  it.each([
    { phones: 0, interval: TURNOUT_INTERVAL_MS },
    { phones: 500, interval: TURNOUT_INTERVAL_MS },
    { phones: 5_000, interval: 1_000 },
    { phones: 6_000, interval: 1_200 },
  ])('$phones phones: a check-in storm reaches them once per $interval ms', ({ phones, interval }) => {
    const { broadcaster, sent } = broadcasterWith(phones);
    expect(broadcaster.intervalFor(room.code)).toBe(interval);
    for (let ms = 0; ms < 5_000; ms += 10) {
      broadcaster.publish(room, checkedIn());
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(interval);
    const gaps = sent.slice(1).map((s, i) => s.at - sent[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(interval);
    // Nothing is lost by holding: the last update carries the last check-in.
    expect(sent.at(-1)?.seq).toBe(seq);
    broadcaster.stop();
  });

  it("the chair's press goes at once, even to 5,000 phones, taking held turnout with it", () => {
    const { broadcaster, sent } = broadcasterWith(5_000);
    broadcaster.publish(room, checkedIn());
    broadcaster.publish(room, checkedIn());
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(100);
    broadcaster.publish(room, batchOf({ type: 'timerStarted', at: T0 + 100 }));
    expect(sent.map((s) => s.seq)).toEqual([seq - 2, seq]);
    broadcaster.stop();
  });
});

const checkInAt = (seq: number): JournalEntry => ({
  seq,
  at: T0,
  actor: 'door',
  event: {
    type: 'checkedIn',
    checkIn: {
      id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
      name: `Person ${seq}`,
      institutionId: null,
      guestOf: '',
      contact: '',
      consent: false,
      method: 'walkIn',
      at: T0,
      device: '',
      registrantId: null,
      undoneAt: null,
    },
  },
});

describe('the broadcaster with a shared journal', () => {
  const sharedRoom = new AssemblyRoom(
    { code: 'DEF234', epoch: 'e2', keyHashes: { admin: 'a', chair: 'c', door: 'd' }, createdAt: T0 },
    assembly(),
    1,
  );

  it('never merges across entries another node committed: what is held goes out alone', () => {
    const sent: EventBatch[] = [];
    const broadcaster = new Broadcaster(
      (_code, audience, batch) => audience === 'full' && sent.push(batch),
      300,
      () => 0,
    );
    broadcaster.publish(sharedRoom, { prevSeq: 1, seq: 2, entries: [checkInAt(2)] });
    broadcaster.publish(sharedRoom, { prevSeq: 2, seq: 3, entries: [checkInAt(3)] });
    // Seqs 4 and 5 were another node's; this node's next commit is 6.
    broadcaster.publish(sharedRoom, { prevSeq: 5, seq: 6, entries: [checkInAt(6)] });
    broadcaster.flush(sharedRoom.code);
    expect(sent.map((b) => [b.prevSeq, b.seq, b.entries.map((e) => e.seq)])).toEqual([
      [1, 2, [2]],
      [2, 3, [3]],
      [5, 6, [6]],
    ]);
    broadcaster.stop();
  });
});
