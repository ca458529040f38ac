import { describe, expect, it } from 'vitest';
import { itemName } from '../../client/src/screens/chair/itemName';
import { undoLabel } from '../../client/src/screens/chair/undoLabel';
import type { AssemblyState } from '../../shared/domain/assembly';
import { evolveAll } from '../../shared/domain/evolve';
import type { DomainEvent } from '../../shared/protocol/events';
import { assembly, MIN, T0 } from './fixtures';

/** The fixture's night with a testimony called "damp homes" and an ask put to Cllr Smith. */
function night(...events: DomainEvent[]): AssemblyState {
  const base = assembly();
  return evolveAll(base, [
    {
      type: 'setupImported',
      details: {},
      agenda: [
        ...base.agenda,
        { ...base.agenda[1]!, id: 'damp', title: 'damp homes' },
        {
          ...base.agenda[1]!,
          id: 'ask-housing',
          kind: 'ask',
          title: 'The housing ask',
          durationMs: 10 * MIN,
          askId: 'housing',
        },
      ],
      institutions: base.institutions,
      powerHolders: [
        { id: 'smith', name: 'Cllr Smith', role: 'Councillor', organisation: 'City', attending: true },
      ],
      asks: [
        {
          id: 'housing',
          title: 'Homes',
          wording: 'Will you build 500 homes?',
          targetIds: ['smith'],
          commitment: { action: '', deadline: '', owner: '', measure: '' },
        },
      ],
    },
    ...events,
  ]);
}

const onDamp: DomainEvent = { type: 'itemEntered', itemId: 'damp' };
const started: DomainEvent = { type: 'timerStarted', at: T0 };
const onAsk: DomainEvent = { type: 'itemEntered', itemId: 'ask-housing' };
const clock: DomainEvent = {
  type: 'responseTimerStarted',
  askId: 'housing',
  powerHolderId: 'smith',
  durationMs: 60_000,
  at: T0,
};
const yes: DomainEvent = {
  type: 'responseRecorded',
  askId: 'housing',
  powerHolderId: 'smith',
  answer: 'yes',
  note: '',
  at: T0 + 1_000,
};

describe('the undo button says in words what it takes back', () => {
  it.each<{ last: string; events: DomainEvent[]; says: string | null }>([
    { last: 'nothing', events: [], says: null },
    { last: 'itemEntered', events: [onDamp], says: "Undo: move to 'Testimony: damp homes'" },
    { last: 'timerStarted', events: [onDamp, started], says: "Undo: start of 'Testimony: damp homes'" },
    {
      last: 'timerPaused',
      events: [onDamp, started, { type: 'timerPaused', at: T0 + 5_000 }],
      says: "Undo: pause of 'Testimony: damp homes'",
    },
    {
      last: 'timerReset',
      events: [onDamp, started, { type: 'timerReset' }],
      says: "Undo: reset of 'Testimony: damp homes'",
    },
    {
      last: 'timerAdjusted +30 s',
      events: [onDamp, { type: 'timerAdjusted', deltaMs: 30_000 }],
      says: "Undo: +30 s on 'Testimony: damp homes'",
    },
    {
      last: 'timerAdjusted −30 s while running',
      events: [onDamp, started, { type: 'timerAdjusted', deltaMs: -30_000 }],
      says: "Undo: −30 s on 'Testimony: damp homes'",
    },
    {
      last: 'sceneChanged',
      events: [{ type: 'sceneChanged', scene: 'commitments' }],
      says: 'Undo: scene change to Commitments',
    },
    {
      last: 'sceneChanged back to the agenda',
      events: [
        { type: 'sceneChanged', scene: 'blank' },
        { type: 'sceneChanged', scene: 'agenda' },
      ],
      says: 'Undo: scene change to Follow agenda',
    },
    {
      last: 'messageShown',
      events: [{ type: 'messageShown', text: 'Please take your seats' }],
      says: "Undo: message 'Please take your seats'",
    },
    {
      last: 'messageShown, long',
      events: [
        { type: 'messageShown', text: 'Please take your seats now: the ask is about to be put to the mayor' },
      ],
      says: "Undo: message 'Please take your seats now: the ask is…'",
    },
    {
      last: 'messageCleared',
      events: [{ type: 'messageShown', text: 'Seats' }, { type: 'messageCleared' }],
      says: "Undo: clearing the message 'Seats'",
    },
    {
      last: 'rollCallSorted',
      events: [{ type: 'rollCallSorted', order: 'count' }],
      says: 'Undo: roll call sorted by count',
    },
    { last: 'responseTimerStarted', events: [onAsk, clock], says: 'Undo: answer clock for Cllr Smith' },
    {
      last: 'responseTimerStopped',
      events: [onAsk, clock, { type: 'responseTimerStopped', at: T0 + 2_000 }],
      says: "Undo: stopping Cllr Smith's answer clock",
    },
    { last: 'responseRecorded', events: [onAsk, clock, yes], says: 'Undo: answer YES from Cllr Smith' },
    {
      last: 'responseRecorded, a change of mind',
      events: [onAsk, yes, { ...yes, answer: 'waffle', at: T0 + 3_000 }],
      says: 'Undo: answer WAFFLE from Cllr Smith',
    },
    {
      last: 'itemEntered while an answer clock ran',
      events: [onAsk, clock, onDamp],
      says: "Undo: move to 'Testimony: damp homes'",
    },
    {
      last: 'undone: the step before is next',
      events: [onDamp, started, { type: 'undone', live: night(onDamp).live }],
      says: "Undo: move to 'Testimony: damp homes'",
    },
    {
      last: 'assemblyClosed: undo never reaches back across it',
      events: [onDamp, { type: 'assemblyClosed', at: T0 }],
      says: null,
    },
  ])('$last: $says', ({ events, says }) => {
    const state = night(...events);
    expect(undoLabel(state)).toBe(says);
    // A client that joined by snapshot holds the same state as plain data: the same words.
    expect(undoLabel(JSON.parse(JSON.stringify(state)) as AssemblyState)).toBe(says);
  });
});

describe('an item is named with its kind unless its title says it', () => {
  it.each([
    { kind: 'testimony', title: 'damp homes', name: 'Testimony: damp homes' },
    { kind: 'testimony', title: 'Testimony: working two jobs', name: 'Testimony: working two jobs' },
    { kind: 'ask', title: 'The housing ask', name: 'The housing ask' },
    { kind: 'ask', title: 'Homes', name: 'The ask: Homes' },
    { kind: 'rollCall', title: 'Roll call of institutions', name: 'Roll call of institutions' },
    { kind: 'custom', title: 'Raffle', name: 'Raffle' },
    { kind: 'break', title: 'One-to-ones', name: 'Break: One-to-ones' },
  ] as const)('$kind "$title": $name', ({ kind, title, name }) => {
    expect(itemName({ kind, title })).toBe(name);
  });
});
