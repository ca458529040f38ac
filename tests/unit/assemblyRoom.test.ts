import { describe, expect, it } from 'vitest';
import { AssemblyRoom } from '../../server/assemblies/assemblyRoom';
import { assembly, T0 } from './fixtures';

const newRoom = () =>
  new AssemblyRoom(
    { code: 'ABC234', epoch: 'e1', keyHashes: { admin: 'a', chair: 'c', door: 'd' }, createdAt: T0 },
    assembly(),
    1,
  );

describe('sync answers projected once per committed seq', () => {
  it('thousands of phones syncing from one seq share one projection; a commit makes it anew', () => {
    const room = newRoom();
    let made = 0;
    const project = () => ({ made: ++made, seq: room.committedSeq });
    const first = room.projected('public:1', project);
    for (let i = 0; i < 5_000; i++) expect(room.projected('public:1', project)).toBe(first);
    expect(made).toBe(1);
    expect(room.projected('door:1', project)).not.toBe(first);
    room.commit([{ seq: 2, at: T0, actor: 'chair', event: { type: 'messageShown', text: 'Welcome' } }]);
    expect(room.projected('public:1', project)).toEqual({ made: 3, seq: 2 });
  });

  it('a client asking from every seq in turn does not pile projections up', () => {
    const room = newRoom();
    let made = 0;
    for (let seq = 0; seq < 1_000; seq++) room.projected(`public:${seq}`, () => ++made);
    expect(made).toBe(1_000);
    // Only the last few are kept: asking again from the first makes it again.
    room.projected('public:0', () => ++made);
    expect(made).toBe(1_001);
  });
});
