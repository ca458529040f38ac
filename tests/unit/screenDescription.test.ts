import { describe, expect, it } from 'vitest';
import { describeScreen } from '../../client/src/screens/chair/screenDescription';
import type { AssemblyState } from '../../shared/domain/assembly';
import { evolveAll } from '../../shared/domain/evolve';
import type { DomainEvent } from '../../shared/protocol/events';
import { assembly, T0 } from './fixtures';

/** The fixture's night with a roll call item and an ask item at the end. */
function night(...events: DomainEvent[]): AssemblyState {
  const base = assembly();
  const like = base.agenda[1]!;
  return evolveAll(base, [
    {
      type: 'setupImported',
      details: {},
      agenda: [
        ...base.agenda,
        { ...like, id: 'roll', kind: 'rollCall', title: 'Roll call' },
        { ...like, id: 'ask-item', kind: 'ask', title: 'The housing ask', askId: 'housing' },
        { ...like, id: 'song', kind: 'song', title: 'We shall not be moved', durationMs: 0 },
      ],
      institutions: base.institutions,
      powerHolders: [{ id: 'smith', name: 'Cllr Smith', role: '', organisation: '', attending: true }],
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

const scene = (to: 'blank' | 'join' | 'rollCall' | 'commitments' | 'agenda'): DomainEvent => ({
  type: 'sceneChanged',
  scene: to,
});

describe('the thumbnail says what the screen shows', () => {
  it.each<{ events: DomainEvent[]; says: string }>([
    { events: [], says: 'Welcome, with the join QR' },
    { events: [{ type: 'itemEntered', itemId: 'story' }], says: 'Testimony: story, with its timer' },
    { events: [{ type: 'itemEntered', itemId: 'song' }], says: 'Song: We shall not be moved' },
    { events: [{ type: 'itemEntered', itemId: 'roll' }], says: 'The roll call board' },
    { events: [{ type: 'itemEntered', itemId: 'ask-item' }], says: "The ask 'Homes' with its answers" },
    { events: [scene('blank')], says: 'Blank' },
    { events: [scene('join')], says: 'The join QR and code ABC234' },
    { events: [scene('rollCall')], says: 'The roll call board' },
    { events: [scene('commitments')], says: 'The commitments board' },
    {
      events: [
        { type: 'itemEntered', itemId: 'story' },
        { type: 'messageShown', text: 'Please take your seats' },
      ],
      says: "Testimony: story, with its timer, with the message 'Please take your seats'",
    },
    {
      events: [scene('blank'), { type: 'messageShown', text: 'Back at 8' }],
      says: "Blank, with the message 'Back at 8'",
    },
    {
      events: [
        { type: 'itemEntered', itemId: 'ask-item' },
        { type: 'assemblyClosed', at: T0 },
      ],
      says: 'Thank you',
    },
  ])('$says', ({ events, says }) => {
    expect(describeScreen(night(...events))).toBe(says);
  });
});
