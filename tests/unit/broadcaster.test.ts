import { describe, expect, it } from 'vitest';
import type { AssemblyRoom } from '../../server/assemblies/assemblyRoom';
import { Broadcaster } from '../../server/io/broadcaster';
import type { JournalEntry } from '../../shared/protocol/events';
import type { EventBatch } from '../../shared/protocol/socket';
import { assembly, T0 } from './fixtures';

const checkIn = (seq: number): JournalEntry => ({
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

describe('the broadcaster', () => {
  const room = { code: 'ABC234', committed: assembly() } as unknown as AssemblyRoom;

  it('merges a storm of turnout batches into one, continuing seq to seq', () => {
    const sent: EventBatch[] = [];
    let now = 0;
    const broadcaster = new Broadcaster(
      (_code, audience, batch) => audience === 'full' && sent.push(batch),
      300,
      () => now,
    );
    broadcaster.publish(room, { prevSeq: 1, seq: 2, entries: [checkIn(2)] });
    now = 10;
    broadcaster.publish(room, { prevSeq: 2, seq: 3, entries: [checkIn(3)] });
    broadcaster.publish(room, { prevSeq: 3, seq: 4, entries: [checkIn(4)] });
    broadcaster.flush(room.code);
    expect(sent.map((b) => [b.prevSeq, b.seq, b.entries.length])).toEqual([
      [1, 2, 1],
      [2, 4, 2],
    ]);
    broadcaster.stop();
  });

  it('never merges across entries another node committed: what is held goes out alone', () => {
    const sent: EventBatch[] = [];
    const broadcaster = new Broadcaster(
      (_code, audience, batch) => audience === 'full' && sent.push(batch),
      300,
      () => 0,
    );
    broadcaster.publish(room, { prevSeq: 1, seq: 2, entries: [checkIn(2)] });
    broadcaster.publish(room, { prevSeq: 2, seq: 3, entries: [checkIn(3)] });
    // Seqs 4 and 5 were another node's; this node's next commit is 6.
    broadcaster.publish(room, { prevSeq: 5, seq: 6, entries: [checkIn(6)] });
    broadcaster.flush(room.code);
    expect(sent.map((b) => [b.prevSeq, b.seq, b.entries.map((e) => e.seq)])).toEqual([
      [1, 2, [2]],
      [2, 3, [3]],
      [5, 6, [6]],
    ]);
    broadcaster.stop();
  });
});
