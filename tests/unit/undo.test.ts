import { describe, expect, it } from 'vitest';
import { describeUndo } from '../../shared/domain/undo';
import type { DomainEvent } from '../../shared/protocol/events';
import { assembly, T0 } from './fixtures';

const onStory: DomainEvent = { type: 'itemEntered', itemId: 'story' };
const started: DomainEvent = { type: 'timerStarted', at: T0 };

describe('what undo will take back', () => {
  it.each<{ events: DomainEvent[]; says: string | null }>([
    { events: [], says: null },
    { events: [onStory], says: 'go to story' },
    { events: [onStory, started], says: 'start' },
    { events: [onStory, started, { type: 'timerPaused', at: T0 + 5_000 }], says: 'pause' },
    { events: [onStory, started, { type: 'timerReset' }], says: 'reset' },
    { events: [onStory, { type: 'timerAdjusted', deltaMs: 30_000 }], says: '+30 s' },
    { events: [onStory, { type: 'timerAdjusted', deltaMs: -30_000 }], says: '−30 s' },
    { events: [{ type: 'sceneChanged', scene: 'blank' }], says: 'blank screen' },
    { events: [{ type: 'messageShown', text: 'Seats' }], says: 'message' },
    { events: [{ type: 'messageShown', text: 'Seats' }, { type: 'messageCleared' }], says: 'clear message' },
    { events: [onStory, { type: 'assemblyClosed', at: T0 }], says: null },
  ])('after $events.length events: $says', ({ events, says }) => {
    expect(describeUndo(assembly(...events))).toBe(says);
  });
});
