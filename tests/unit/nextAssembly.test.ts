import { describe, expect, it } from 'vitest';
import type { AssemblyState } from '../../shared/domain/assembly';
import { evolveAll } from '../../shared/domain/evolve';
import { carriedForwardTitle, nextAssemblySetup } from '../../shared/domain/nextAssembly';
import type { Answer, FollowUpStatus } from '../../shared/domain/responses';
import { normaliseSetup } from '../../shared/protocol/setup';
import { assembly, T0 } from './fixtures';

const commitment = { action: 'Meet us', deadline: '30 days', owner: 'Mayor', measure: '' };
const base = evolveAll(assembly(), [
  {
    type: 'setupImported',
    details: {},
    agenda: assembly().agenda,
    institutions: assembly().institutions,
    powerHolders: [
      { id: 'mayor', name: 'Mayor', role: '', organisation: '', attending: true },
      { id: 'ceo', name: 'CEO', role: '', organisation: '', attending: true },
    ],
    asks: [
      {
        id: 'homes',
        title: 'Homes',
        wording: 'Will you build homes?',
        targetIds: ['mayor', 'ceo'],
        commitment,
      },
      { id: 'jobs', title: 'Jobs', wording: 'Living wage?', targetIds: ['ceo'], commitment },
    ],
  },
]);
const answered = (state: AssemblyState, askId: string, powerHolderId: string, answer: Answer) =>
  evolveAll(state, [{ type: 'responseRecorded', askId, powerHolderId, answer, note: '', at: T0 }]);

describe('nextAssemblySetup: next year’s assembly from this one', () => {
  it('keeps institutions and power-holders with their ids, and no agenda', () => {
    const next = nextAssemblySetup(base);
    expect(next.institutions).toEqual(base.institutions);
    expect(next.powerHolders).toEqual(base.powerHolders);
    expect(next.agenda).toEqual([]);
    expect(next.asks).toEqual([]);
  });

  it('carries forward asks with a YES, put only to those who said yes, marked where they came from', () => {
    let state = answered(base, 'homes', 'mayor', 'yes');
    state = answered(state, 'homes', 'ceo', 'no');
    state = answered(state, 'jobs', 'ceo', 'waffle');
    const next = nextAssemblySetup(state);
    expect(next.asks).toEqual([
      {
        id: 'homes',
        title: 'Homes (carried forward from Test)',
        wording: 'Will you build homes?',
        targets: ['mayor'],
        commitment,
      },
    ]);
    // And it is a valid setup as it stands.
    expect(normaliseSetup(next).ok).toBe(true);
  });

  it('goes by the answer that stands: a yes later withdrawn or turned to no is not carried', () => {
    const state = answered(answered(base, 'homes', 'mayor', 'yes'), 'homes', 'mayor', 'no');
    expect(nextAssemblySetup(state).asks).toEqual([]);
    const renegotiated = answered(answered(base, 'jobs', 'ceo', 'waffle'), 'jobs', 'ceo', 'yes');
    expect(nextAssemblySetup(renegotiated).asks.map((a) => a.id)).toEqual(['jobs']);
  });

  it('leaves behind a commitment already delivered (its latest follow-up a WIN), keeps every open one', () => {
    let state = answered(base, 'homes', 'mayor', 'yes');
    state = answered(state, 'homes', 'ceo', 'yes');
    state = answered(state, 'jobs', 'ceo', 'yes');
    const followUp = (
      id: string,
      askId: string,
      powerHolderId: string,
      status: FollowUpStatus,
      date: number,
    ) =>
      ({
        type: 'followUpAdded',
        followUp: { id, askId, powerHolderId, status, note: '', link: '', date, at: T0 + date },
      }) as const;
    state = evolveAll(state, [
      // The mayor delivered homes; the CEO's homes promise stalled, then was won, then broke.
      followUp('f1', 'homes', 'mayor', 'progress', 1),
      followUp('f2', 'homes', 'mayor', 'win', 2),
      followUp('f3', 'homes', 'ceo', 'win', 1),
      followUp('f4', 'homes', 'ceo', 'broken', 3),
      // Recorded later, but about an earlier day: the WIN still stands.
      followUp('f5', 'jobs', 'ceo', 'win', 5),
      followUp('f6', 'jobs', 'ceo', 'stalled', 4),
    ]);
    const next = nextAssemblySetup(state);
    expect(next.asks.map((a) => [a.id, a.targets])).toEqual([['homes', ['ceo']]]);
  });

  it('keeps a long title within the limit', () => {
    const title = carriedForwardTitle('x'.repeat(200), 'Riverside Assembly 2025');
    expect(title.length).toBeLessThanOrEqual(200);
    expect(title.endsWith('(carried forward from Riverside Assembly 2025)')).toBe(true);
  });
});
