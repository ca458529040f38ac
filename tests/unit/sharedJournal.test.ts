import { describe, expect, it } from 'vitest';
import { AssemblyRoom } from '../../server/assemblies/assemblyRoom';
import { SharedJournal } from '../../server/assemblies/sharedJournal';
import type { SharedStore } from '../../server/store/store';
import type { AssemblyState } from '../../shared/domain/assembly';
import { parseCommand } from '../../shared/protocol/commands';
import type { JournalEntry } from '../../shared/protocol/events';
import type { CommandReply } from '../../shared/protocol/socket';
import { assembly } from './fixtures';

// The journal several nodes share: commands for one assembly are decided together in one
// transaction. One command must never fail the others in its batch.

const quiet = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} } as never;

/** A store in memory that refuses (as jsonb refused half characters) any batch holding `poison`. */
function memoryStore(poison = 'POISON') {
  const journal: JournalEntry[] = [];
  const store = {
    shared: true,
    transactions: 0,
    async appendDecided(_code: string, afterSeq: number, decide: (missed: JournalEntry[]) => JournalEntry[]) {
      store.transactions++;
      await Promise.resolve();
      const missed = journal.filter((e) => e.seq > afterSeq);
      const appended = decide(missed);
      if (appended.some((e) => JSON.stringify(e.event).includes(poison)))
        throw new Error('invalid input syntax');
      journal.push(...appended);
      return { missed, appended };
    },
    async readJournal(_code: string, afterSeq: number) {
      return journal.filter((e) => e.seq > afterSeq);
    },
    onAppended() {},
  };
  return { store, journal };
}

function journalFor(store: unknown) {
  return new SharedJournal({
    store: store as SharedStore,
    logger: quiet,
    now: () => 1_800_000_000_000,
    newSecret: () => 'secret',
    publish: () => {},
    committed: () => {},
  });
}

const roomOf = (state: AssemblyState) =>
  new AssemblyRoom({ code: 'TEST23', epoch: 'e', keyHashes: {} as never, createdAt: 0 }, state, 0);

const command = (input: unknown) => {
  const parsed = parseCommand(input);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.command;
};

describe('the shared journal', () => {
  it('a batch the store refuses is tried one command at a time: only the bad one fails', async () => {
    const { store, journal } = memoryStore();
    const shared = journalFor(store);
    const room = roomOf(assembly());
    const replies = await Promise.all(
      ['Welcome', 'POISON', 'Please sit down'].map((text) =>
        shared.run(room, 'chair', command({ type: 'showMessage', text })),
      ),
    );
    expect(replies.map((r) => r.ok)).toEqual([true, false, true]);
    expect(replies[1]).toMatchObject({ code: 'internal' });
    expect(journal.map((e) => (e.event as { text?: string }).text)).toEqual(['Welcome', 'Please sit down']);
    expect(room.committedSeq).toBe(2);
  });

  it('a command that makes the domain throw is refused alone', async () => {
    const { store } = memoryStore();
    const shared = journalFor(store);
    // A state the domain cannot read the agenda of (as if saved by some other version): the
    // chair's press throws, the message beside it must still go.
    const broken = { ...assembly(), agenda: null } as unknown as AssemblyState;
    const room = roomOf(broken);
    // The first goes at once; the two sent while it runs are decided together, in one batch.
    const [, press, message] = await Promise.all([
      shared.run(room, 'chair', command({ type: 'showMessage', text: 'First' })),
      shared.run(room, 'chair', command({ type: 'goToItem', itemId: 'welcome' })),
      shared.run(room, 'chair', command({ type: 'showMessage', text: 'Still here' })),
    ]);
    expect(store.transactions).toBe(2);
    expect(press).toMatchObject({ ok: false, code: 'internal' });
    expect(message).toMatchObject({ ok: true });
  });

  it('a command sent the moment the line goes idle is still run (no lost wakeup)', async () => {
    const { store } = memoryStore();
    const shared = journalFor(store);
    const room = roomOf(assembly());
    await shared.catchUp(room);
    // Straight after the catch-up resolved, before any later tick.
    const reply = await Promise.race([
      shared.run(room, 'chair', command({ type: 'showMessage', text: 'Right after' })),
      new Promise<CommandReply | 'lost'>((resolve) => setTimeout(() => resolve('lost'), 1_000)),
    ]);
    expect(reply).toMatchObject({ ok: true });
  });
});
