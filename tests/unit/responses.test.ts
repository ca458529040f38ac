import { describe, expect, it } from 'vitest';
import { undoWhat } from '../../client/src/screens/chair/undoLabel';
import type { AssemblyState } from '../../shared/domain/assembly';
import { decide } from '../../shared/domain/decide';
import { evolveAll } from '../../shared/domain/evolve';
import { commitmentsBoard, currentAnswer, historyOf } from '../../shared/domain/responses';
import { type Command, parseCommand } from '../../shared/protocol/commands';
import type { DomainEvent } from '../../shared/protocol/events';
import { assembly, ctx, MIN, T0 } from './fixtures';

/** The fixture assembly with two power-holders and two asks, the first put to both. */
function withAsks(...events: DomainEvent[]): AssemblyState {
  const base = assembly();
  return evolveAll(base, [
    {
      type: 'setupImported',
      details: {},
      agenda: [
        ...base.agenda,
        {
          id: 'ask-housing',
          kind: 'ask',
          title: 'The housing ask',
          speaker: '',
          durationMs: 10 * MIN,
          warningMs: 30_000,
          notes: '',
          askId: 'housing',
          responseMs: 30_000,
        },
      ],
      institutions: base.institutions,
      powerHolders: [
        { id: 'mayor', name: 'Mayor Jones', role: 'Mayor', organisation: 'City', attending: true },
        { id: 'ceo', name: 'Dr Patel', role: 'CEO', organisation: 'Hospital', attending: false },
      ],
      asks: [
        {
          id: 'housing',
          title: 'Homes',
          wording: 'Will you build 500 homes?',
          targetIds: ['mayor', 'ceo'],
          commitment: { action: '', deadline: '', owner: '', measure: '' },
        },
        {
          id: 'wage',
          title: 'Living wage',
          wording: 'Will you pay the living wage?',
          targetIds: ['ceo'],
          commitment: { action: '', deadline: '', owner: '', measure: '' },
        },
      ],
    },
    ...events,
  ]);
}

function run(state: AssemblyState, ...commands: Command[]): AssemblyState {
  let next = state;
  for (const [i, command] of commands.entries()) {
    const decision = decide(next, command, ctx(T0 + i * 1000, 'chair'));
    if (!decision.ok) throw new Error(`${command.type}: ${decision.message}`);
    next = evolveAll(next, decision.events);
  }
  return next;
}

const answer = (powerHolderId: string, value: 'yes' | 'no' | 'waffle' | 'absent', note = ''): Command => ({
  type: 'recordResponse',
  askId: 'housing',
  powerHolderId,
  answer: value,
  note,
});

describe('recording answers', () => {
  it('records an answer with its note and time', () => {
    const state = run(withAsks(), answer('mayor', 'yes', 'within 60 days'));
    expect(currentAnswer(state.responses, 'housing', 'mayor')).toEqual({
      answer: 'yes',
      note: 'within 60 days',
      at: T0,
    });
  });

  it('keeps both answers when a waffle is pressed into a yes', () => {
    const state = run(withAsks(), answer('mayor', 'waffle'), answer('mayor', 'yes', 'after pressure'));
    expect(historyOf(state.responses, 'housing', 'mayor')).toEqual([
      { answer: 'waffle', note: '', at: T0 },
      { answer: 'yes', note: 'after pressure', at: T0 + 1000 },
    ]);
  });

  it('treats the same answer pressed twice as one', () => {
    const state = run(withAsks(), answer('mayor', 'yes'));
    expect(decide(state, answer('mayor', 'yes'), ctx(T0, 'chair'))).toEqual({ ok: true, events: [] });
  });

  it('undoes the last answer, back to what stood before', () => {
    let state = run(withAsks(), answer('mayor', 'waffle'), answer('mayor', 'no'));
    expect(undoWhat(state)).toBe('answer NO from Mayor Jones');
    state = run(state, { type: 'undo' });
    expect(currentAnswer(state.responses, 'housing', 'mayor')?.answer).toBe('waffle');
    state = run(state, { type: 'undo' });
    expect(currentAnswer(state.responses, 'housing', 'mayor')).toBeNull();
  });

  it.each([
    {
      command: answer('nobody', 'yes'),
      code: 'unknown_power_holder',
      why: 'a power-holder who does not exist',
    },
    {
      command: {
        type: 'recordResponse',
        askId: 'wage',
        powerHolderId: 'mayor',
        answer: 'yes',
        note: '',
      } as Command,
      code: 'not_asked',
      why: 'an ask put to someone else',
    },
    {
      command: {
        type: 'recordResponse',
        askId: 'nothing',
        powerHolderId: 'mayor',
        answer: 'yes',
        note: '',
      } as Command,
      code: 'unknown_ask',
      why: 'an unknown ask',
    },
  ])('refuses $why, changing nothing', ({ command, code }) => {
    expect(decide(withAsks(), command, ctx(T0, 'chair'))).toMatchObject({ ok: false, code });
  });

  it('refuses a 100 KB note and an answer that is not one of the four', () => {
    expect(parseCommand({ ...answer('mayor', 'yes'), note: 'x'.repeat(100_000) })).toMatchObject({
      ok: false,
      code: 'invalid_command',
    });
    expect(parseCommand({ ...answer('mayor', 'yes'), answer: 'maybe' })).toMatchObject({ ok: false });
  });

  it('takes no answers once the assembly is closed, but follow-ups go on', () => {
    const closed = run(withAsks(), answer('mayor', 'yes'), { type: 'closeAssembly' });
    expect(decide(closed, answer('ceo', 'no'), ctx())).toMatchObject({ ok: false, code: 'assembly_closed' });
    const followed = run(closed, {
      type: 'addFollowUp',
      askId: 'housing',
      powerHolderId: 'mayor',
      status: 'progress',
      note: 'Site identified',
      link: 'https://example.org/minutes',
      date: T0 + 30 * 24 * 60 * MIN,
    });
    expect(followed.followUps).toEqual([
      expect.objectContaining({ status: 'progress', note: 'Site identified', askId: 'housing' }),
    ]);
    // A follow-up entered by mistake can be taken off the record (the journal keeps both).
    const removed = run(followed, { type: 'removeFollowUp', followUpId: followed.followUps[0]!.id });
    expect(removed.followUps).toEqual([]);
    expect(decide(removed, { type: 'removeFollowUp', followUpId: 'f1' }, ctx())).toMatchObject({ ok: false });
  });

  it('refuses a follow-up link that is not a web address', () => {
    for (const link of ['javascript:alert(1)', 'not a url', 'ftp://x.org/a'])
      expect(
        parseCommand({
          type: 'addFollowUp',
          askId: 'housing',
          powerHolderId: 'mayor',
          status: 'win',
          link,
          date: T0,
        }),
      ).toMatchObject({ ok: false });
  });
});

describe('the response clock', () => {
  it('runs for the item’s time per power-holder, and stops when the answer lands', () => {
    let state = run(withAsks(), { type: 'goToItem', itemId: 'ask-housing' });
    state = run(state, { type: 'startResponseTimer', askId: 'housing', powerHolderId: 'mayor' });
    expect(state.live.responseTimer).toEqual({
      askId: 'housing',
      powerHolderId: 'mayor',
      timer: { durationMs: 30_000, startedAt: T0, accumulatedMs: 0 },
    });
    const clock = state.live.responseTimer;
    state = run(state, answer('mayor', 'yes'));
    expect(state.live.responseTimer).toBeNull();
    // Undo the answer: the clock it stopped runs on from where it was.
    state = run(state, { type: 'undo' });
    expect(state.live.responseTimer).toEqual(clock);
    expect(currentAnswer(state.responses, 'housing', 'mayor')).toBeNull();
  });

  it('is cleared by moving to another item', () => {
    let state = run(withAsks(), { type: 'goToItem', itemId: 'ask-housing' });
    state = run(
      state,
      { type: 'startResponseTimer', askId: 'housing', powerHolderId: 'ceo' },
      { type: 'previousItem', fromItemId: 'ask-housing' },
    );
    expect(state.live.responseTimer).toBeNull();
  });
});

describe('the commitments board', () => {
  it('puts each answer in its cell, blank where an ask was not put', () => {
    const state = run(withAsks(), answer('mayor', 'yes'), answer('ceo', 'absent'));
    const board = commitmentsBoard(state.asks, state.powerHolders, state.responses);
    expect(board.powerHolders.map((p) => p.id)).toEqual(['mayor', 'ceo']);
    expect(
      board.cells.map((row) => row.map((cell) => (cell.asked ? (cell.response?.answer ?? 'pending') : '-'))),
    ).toEqual([
      ['yes', 'absent'],
      ['-', 'pending'],
    ]);
  });
});

describe('the setup of asks', () => {
  it('refuses an ask put to the same power-holder twice', async () => {
    const { parseCommand: parse } = await import('../../shared/protocol/commands');
    const parsed = parse({
      type: 'importSetup',
      setup: {
        powerHolders: [{ id: 'a', name: 'A' }],
        asks: [{ id: 'x', title: 'X', wording: 'Will you?', targets: ['a', 'a'] }],
      },
    });
    if (!parsed.ok) throw new Error(parsed.message);
    expect(decide(assembly(), parsed.command, ctx())).toMatchObject({
      ok: false,
      code: 'invalid_setup',
      message: expect.stringContaining('"a" appears twice'),
    });
  });
});

describe('a new setup after answers are given', () => {
  const importing = (asks: object[]): Command => {
    const parsed = parseCommand({
      type: 'importSetup',
      setup: {
        powerHolders: [
          { id: 'mayor', name: 'Mayor Jones' },
          { id: 'ceo', name: 'Dr Patel' },
        ],
        asks,
      },
    });
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.command;
  };
  const answered = () => run(withAsks(), answer('mayor', 'yes'));

  it.each([
    { change: 'drops the ask', asks: [], says: 'cannot be removed' },
    {
      change: 'changes its wording',
      asks: [
        { id: 'housing', title: 'Homes', wording: 'Will you build 50 homes?', targets: ['mayor', 'ceo'] },
      ],
      says: 'wording cannot change',
    },
    {
      change: 'drops the power-holder who answered',
      asks: [{ id: 'housing', title: 'Homes', wording: 'Will you build 500 homes?', targets: ['ceo'] }],
      says: 'Mayor Jones has answered',
    },
  ])('is refused when it $change', ({ asks, says }) => {
    expect(decide(answered(), importing(asks), ctx())).toMatchObject({
      ok: false,
      code: 'assembly_live',
      message: expect.stringContaining(says),
    });
  });

  it('is taken when the answered ask stays as it was', () => {
    const asks = [
      {
        id: 'housing',
        title: 'Homes (retitled)',
        wording: 'Will you build 500 homes?',
        targets: ['mayor', 'ceo'],
      },
    ];
    expect(decide(answered(), importing(asks), ctx())).toMatchObject({ ok: true });
  });
});
