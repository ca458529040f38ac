import { describe, expect, it } from 'vitest';
import { endRehearsalQuestion } from '../../client/src/components/rehearsalWords';
import type { AssemblyState } from '../../shared/domain/assembly';
import { evolveAll } from '../../shared/domain/evolve';
import type { DomainEvent } from '../../shared/protocol/events';
import { assembly, T0 } from './fixtures';

const person = (id: string): DomainEvent => ({
  type: 'checkedIn',
  checkIn: {
    id,
    name: id,
    institutionId: 'stmarys',
    guestOf: '',
    contact: '',
    consent: false,
    method: 'walkIn',
    device: 'Door',
    registrantId: null,
    at: T0,
    undoneAt: null,
  },
});
const rehearsing = (...events: DomainEvent[]): AssemblyState =>
  evolveAll(assembly(), [{ type: 'rehearsalStarted', at: T0 }, ...events]);

describe('what End rehearsal says it will clear', () => {
  it('counts what the rehearsal recorded, one and many', () => {
    expect(endRehearsalQuestion(rehearsing(person('a')))).toMatch(
      /^End the rehearsal\? It clears 1 check-in\. /,
    );
    const busy = rehearsing(
      person('a'),
      person('b'),
      { type: 'headcountSet', section: 'Stalls', deviceId: 'd', count: 40 },
      { type: 'rollCallMarked', institutionId: 'stmarys', called: true, at: T0 },
      { type: 'itemEntered', itemId: 'story' },
    );
    expect(endRehearsalQuestion(busy)).toContain(
      'It clears 2 check-ins, a headcount of 40 and 1 roll call mark, and puts the item, timers, screen and message back',
    );
  });

  it('says so when nothing was counted, and names a second rehearsal', () => {
    const second = evolveAll(rehearsing(), [
      { type: 'rehearsalEnded', at: T0 },
      { type: 'rehearsalStarted', at: T0 },
    ]);
    expect(endRehearsalQuestion(second)).toMatch(/^End rehearsal 2\? Nothing was counted or answered\. /);
    expect(endRehearsalQuestion(assembly())).toBe('');
  });
});
