import { describe, expect, it } from 'vitest';
import { arrivals, binWidth, FIVE_MINUTES } from '../../shared/domain/evaluation/arrivals';
import { evaluateNight } from '../../shared/domain/evaluation/nightEvaluation';
import { nightTurnout } from '../../shared/domain/evaluation/nightTurnout';
import { walkNight } from '../../shared/domain/evaluation/nightWalk';
import { MIN, T0 } from './fixtures';
import { NightScript, uuid } from './nightScript';

const walkIn = (n: number, institutionId: string | null = 'stmarys', device = 'North door') => ({
  type: 'checkIn' as const,
  checkInId: uuid(n),
  name: `Person ${n}`,
  institutionId,
  device,
  newPerson: true,
});

describe('arrivals: check-ins per five minutes by way and by door', () => {
  it('bins counted check-ins by the way people came in; undone and merged ones do not count', () => {
    const night = new NightScript()
      .at(-12, walkIn(1))
      .at(-11, walkIn(2, 'mosque', 'South door'))
      .at(
        -9.5,
        { type: 'checkIn', checkInId: uuid(3), name: 'Phone Person', institutionId: 'mosque' },
        'public',
      )
      .at(
        -9,
        { type: 'addRegistrants', registrants: [{ name: 'Reg One', institutionId: 'school', email: '' }] },
        'admin',
      )
      .at(
        -8,
        { type: 'checkInRegistrant', checkInId: uuid(4), registrantId: 'r1', device: 'North door' },
        'door',
      )
      .at(-7, walkIn(5))
      .at(-6.5, { type: 'undoCheckIn', checkInId: uuid(5) }, 'door')
      .at(
        -6,
        { type: 'checkIn', checkInId: uuid(6), name: 'Person 1 again', institutionId: 'stmarys' },
        'public',
      )
      .at(-5, { type: 'mergeCheckIns', keptId: uuid(1), duplicateId: uuid(6) }, 'admin')
      .at(1, walkIn(7, null))
      .at(2, { type: 'setHeadcount', section: 'Stalls', deviceId: uuid(90), count: 9 }, 'door')
      .at(2, { type: 'setHeadcount', section: 'Balcony', deviceId: uuid(91), count: 2 }, 'door');
    const result = arrivals(nightTurnout(night.entries), night.state.institutions);
    expect(result.binMs).toBe(FIVE_MINUTES);
    expect(result.bins.map((b) => [(b.from - T0) / MIN, b.total])).toEqual([
      [-15, 2],
      [-10, 2],
      [-5, 0],
      [0, 1],
    ]);
    expect(result.bins[1]!.byWay).toEqual({ phone: 1, ticket: 0, doorSearch: 1, walkIn: 0 });
    // Per door in each bin, in the order of the doors' totals (North, Phones, South).
    expect(result.bins.map((b) => b.byDoor)).toEqual([
      [1, 0, 1],
      [1, 1, 0],
      [0, 0, 0],
      [1, 0, 0],
    ]);
    expect(result.byWay).toEqual({ phone: 1, ticket: 0, doorSearch: 1, walkIn: 3 });
    expect(result.byDoor).toEqual([
      { door: 'North door', count: 3 },
      { door: 'Phones', count: 1 },
      { door: 'South door', count: 1 },
    ]);
    expect(result).toMatchObject({ named: 5, headcount: 11 });
    expect(result.bySection).toEqual([
      { section: 'Balcony', named: 2, headcount: 2 },
      { section: 'Stalls', named: 2, headcount: 9 },
    ]);
  });

  it('a flood of phone check-ins undone counts nothing', () => {
    const night = new NightScript().at(-3, walkIn(1));
    for (let n = 0; n < 5; n++)
      night.at(
        -2,
        { type: 'checkIn', checkInId: uuid(100 + n), name: `Fake ${n}`, institutionId: 'mosque' },
        'public',
      );
    night.at(-1, { type: 'undoPhoneCheckIns', since: T0 - 2 * MIN });
    expect(arrivals(nightTurnout(night.entries), night.state.institutions).byWay).toEqual({
      phone: 0,
      ticket: 0,
      doorSearch: 0,
      walkIn: 1,
    });
  });

  it('check-ins spread over a day get wider bins, never more than 72', () => {
    expect(binWidth(T0, T0 + 60 * MIN)).toBe(5 * MIN);
    expect(binWidth(T0, T0 + 10 * 60 * MIN)).toBe(10 * MIN);
    expect(binWidth(T0, T0 + 2 * 24 * 60 * MIN)).toBe(60 * MIN);
    expect(binWidth(T0, T0 + 3 * 24 * 60 * MIN)).toBe(120 * MIN);
  });
});

describe('turnout against commitment', () => {
  it('who delivered first (most over their promise at the top), the shortest last, by how much', () => {
    const night = new NightScript();
    for (let n = 0; n < 6; n++) night.at(-5, walkIn(n, 'mosque'));
    night.at(-4, walkIn(10, 'school')).at(-4, walkIn(11, 'school'));
    for (let n = 0; n < 5; n++) night.at(-3, walkIn(20 + n, 'stmarys'));
    night.at(-2, walkIn(30, null));
    const { turnout } = evaluateNight(night.entries);
    expect(turnout.institutions.map((i) => [i.name, i.counted, i.committed, i.met, i.difference])).toEqual([
      ['East London Mosque', 6, 3, true, 3],
      ['Riverside School', 2, 2, true, 0],
      ["St Mary's", 5, 20, false, -15],
    ]);
    expect(turnout).toMatchObject({ committed: 25, counted: 13, guests: 1, met: 2, short: 1 });
  });
});

describe('the answers and how they changed', () => {
  it('a waffle pressed into a yes keeps both; an undone answer is marked taken back; the clock against the time given', () => {
    const night = new NightScript()
      .at(0, { type: 'goToItem', itemId: 'ask' })
      .at(1, { type: 'startResponseTimer', askId: 'homes', powerHolderId: 'mayor' })
      .at(2.25, {
        type: 'recordResponse',
        askId: 'homes',
        powerHolderId: 'mayor',
        answer: 'waffle',
        note: 'We will look',
      })
      .at(2.5, { type: 'recordResponse', askId: 'homes', powerHolderId: 'mayor', answer: 'no' })
      .at(2.6, { type: 'undo' })
      .at(3, {
        type: 'recordResponse',
        askId: 'homes',
        powerHolderId: 'mayor',
        answer: 'yes',
        note: 'Within 60 days',
      })
      .at(3.5, { type: 'recordResponse', askId: 'homes', powerHolderId: 'ceo', answer: 'absent' });
    const [homes] = evaluateNight(night.entries).asks;
    const [mayor, ceo] = homes!.answers;
    expect(mayor).toMatchObject({
      name: 'Mayor Okafor',
      standing: 'yes',
      note: 'Within 60 days',
      givenMs: 60_000,
      usedMs: 75_000,
    });
    expect(
      mayor!.steps.map((s) => [s.answer, s.note, s.withdrawnAt === null ? null : (s.withdrawnAt - T0) / MIN]),
    ).toEqual([
      ['waffle', 'We will look', null],
      ['no', '', 2.6],
      ['yes', 'Within 60 days', null],
    ]);
    expect(ceo).toMatchObject({ standing: 'absent', givenMs: null, usedMs: 0 });
  });

  it('an answer clock stopped without an answer counts until it stopped', () => {
    const night = new NightScript()
      .at(0, { type: 'goToItem', itemId: 'ask' })
      .at(1, { type: 'startResponseTimer', askId: 'homes', powerHolderId: 'mayor' })
      .at(1.5, { type: 'stopResponseTimer' })
      .at(5, { type: 'nextItem', fromItemId: 'ask' });
    const mayor = evaluateNight(night.entries).asks[0]!.answers[0]!;
    expect(mayor).toMatchObject({ standing: 'pending', givenMs: 60_000, usedMs: 30_000, steps: [] });
  });
});

describe('rehearsals are left out entirely', () => {
  it('a rehearsal’s check-ins, answers, items and clocks are not in the evaluation', () => {
    const night = new NightScript()
      .at(-24 * 60, { type: 'startRehearsal' })
      .at(-24 * 60, { type: 'goToItem', itemId: 'welcome' })
      .at(-24 * 60, { type: 'startTimer' })
      .at(-24 * 60 + 1, walkIn(1))
      .at(-24 * 60 + 2, { type: 'startResponseTimer', askId: 'homes', powerHolderId: 'mayor' })
      .at(-24 * 60 + 3, { type: 'recordResponse', askId: 'homes', powerHolderId: 'mayor', answer: 'no' })
      .at(-24 * 60 + 30, { type: 'endRehearsal' })
      .at(-5, walkIn(2, 'mosque'))
      .at(0, { type: 'goToItem', itemId: 'story' })
      .at(0, { type: 'startTimer' })
      .at(4, { type: 'recordResponse', askId: 'homes', powerHolderId: 'mayor', answer: 'yes' })
      .at(9, { type: 'nextItem', fromItemId: 'story' });
    const evaluation = evaluateNight(night.entries);
    expect(evaluation.arrivals.named).toBe(1);
    expect(evaluation.arrivals.bins.map((b) => b.from)).toEqual([T0 - 5 * MIN]);
    expect(evaluation.turnout.institutions.find((i) => i.institutionId === 'stmarys')!.counted).toBe(0);
    const welcome = evaluation.runOfShow.items.find((i) => i.itemId === 'welcome')!;
    expect(welcome).toMatchObject({ startedAt: null, actualMs: 0, visits: 0 });
    expect(evaluation.runOfShow.items.find((i) => i.itemId === 'story')!.actualMs).toBe(9 * MIN);
    expect(evaluation.runOfShow.finish[0]!.at).toBe(T0);
    const mayor = evaluation.asks[0]!.answers[0]!;
    expect(mayor.steps.map((s) => s.answer)).toEqual(['yes']);
    expect(mayor).toMatchObject({ givenMs: null, usedMs: 0 });
    expect(walkNight(night.entries).entries.some((e) => e.event.type === 'rehearsalStarted')).toBe(false);
  });
});

describe('a night where nothing happened', () => {
  it('has every item unreached, no arrivals, no finish to follow and every answer still to come', () => {
    const evaluation = evaluateNight(new NightScript().entries);
    expect(evaluation.runOfShow.items.every((i) => i.startedAt === null)).toBe(true);
    expect(evaluation.runOfShow).toMatchObject({
      finish: [],
      finishedAt: null,
      plannedFinishAt: T0 + 25 * MIN,
    });
    expect(evaluation.arrivals).toMatchObject({ bins: [], named: 0, headcount: 0, byDoor: [] });
    expect(evaluation.turnout).toMatchObject({ counted: 0, met: 0, short: 3 });
    expect(evaluation.asks[0]!.answers.map((a) => a.standing)).toEqual(['pending', 'absent']);
    expect(evaluation.evaluations).toEqual([]);
  });
});
