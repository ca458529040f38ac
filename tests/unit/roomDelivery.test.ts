import { describe, expect, it } from 'vitest';
import { RoomDelivery } from '../../server/io/roomDelivery';
import type { EventBatch } from '../../shared/protocol/socket';

const batch = (seq: number): EventBatch => ({ prevSeq: seq - 1, seq, entries: [] });
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** A room of `size` sockets; records what each socket got and how many writes each turn made. */
function roomOf(size: number, perTurn = 100) {
  const members = new Set(Array.from({ length: size }, (_, i) => `s${i}`));
  const got = new Map<string, number[]>([...members].map((id) => [id, []]));
  let writes = 0;
  const delivery = new RoomDelivery({
    membersOf: (room) => (room === 'public' ? members : undefined),
    emit: (to, b) => {
      const ids = typeof to === 'string' ? [...members] : to.filter((id) => members.has(id));
      for (const id of ids) got.get(id)?.push(b.seq);
      writes += ids.length;
    },
    perTurn,
  });
  return {
    delivery,
    members,
    got,
    takeWrites: () => {
      const n = writes;
      writes = 0;
      return n;
    },
  };
}

describe('delivering batches to a room', () => {
  it('a paced batch to a large room goes a slice per turn, and reaches every socket once', async () => {
    const { delivery, got, takeWrites } = roomOf(1_000);
    delivery.deliver('public', batch(2), true);
    expect(takeWrites()).toBe(0);
    const perTurn: number[] = [];
    for (let turn = 0; turn < 12; turn++) {
      await nextTurn();
      perTurn.push(takeWrites());
    }
    expect(Math.max(...perTurn)).toBe(100);
    expect([...got.values()].every((seqs) => seqs.length === 1 && seqs[0] === 2)).toBe(true);
  });

  it('a small room, or a batch that cannot wait, goes at once', () => {
    const small = roomOf(50);
    small.delivery.deliver('public', batch(2), true);
    expect(small.takeWrites()).toBe(50);
    const large = roomOf(1_000);
    large.delivery.deliver('public', batch(2), false);
    expect(large.takeWrites()).toBe(1_000);
  });

  it("every socket gets its batches in seq order, though the chair's press overtakes paced turnout", async () => {
    const { delivery, got, members } = roomOf(1_000);
    delivery.deliver('public', batch(2), true);
    await nextTurn();
    delivery.deliver('public', batch(3), true);
    await nextTurn();
    // A phone leaves before its slice came, and one joins mid-delivery (it synced past the batches under way).
    members.delete('s999');
    members.add('late');
    got.set('late', []);
    delivery.deliver('public', batch(4), false);
    for (let turn = 0; turn < 30; turn++) await nextTurn();
    for (const [id, seqs] of got) {
      if (id === 'late') expect(seqs).toEqual([4]);
      else if (id === 's999') expect(seqs).toEqual([]);
      else expect(seqs).toEqual([2, 3, 4]);
    }
  });

  it('a dropped room gets nothing more of what was under way', async () => {
    const { delivery, takeWrites } = roomOf(1_000);
    delivery.deliver('public', batch(2), true);
    await nextTurn();
    takeWrites();
    delivery.drop('public');
    for (let turn = 0; turn < 12; turn++) await nextTurn();
    expect(takeWrites()).toBe(0);
  });
});
