import { describe, expect, it } from 'vitest';
import { evaluateNight } from '../../shared/domain/evaluation/nightEvaluation';
import { fewerFinishPoints } from '../../shared/domain/evaluation/runOfShow';
import { MIN, T0 } from './fixtures';
import { NightScript, uuid } from './nightScript';

const item = (script: NightScript, id: string) => {
  const found = evaluateNight(script.entries).runOfShow.items.find((i) => i.itemId === id);
  if (!found) throw new Error(id);
  return found;
};

describe('run of show: planned against actual from the journal', () => {
  it('an item started late and run over: its start, its time and by how much', () => {
    const night = new NightScript()
      .at(2, { type: 'goToItem', itemId: 'welcome' })
      .at(2, { type: 'startTimer' })
      .at(8, { type: 'nextItem', fromItemId: 'welcome' });
    const welcome = item(night, 'welcome');
    expect(welcome).toMatchObject({
      plannedStartAt: T0,
      startedAt: T0 + 2 * MIN,
      plannedMs: 5 * MIN,
      actualMs: 6 * MIN,
      overMs: MIN,
      timed: true,
      visits: 1,
    });
    // Items never reached say so.
    expect(item(night, 'close')).toMatchObject({ startedAt: null, actualMs: 0, overMs: 0, visits: 0 });
    expect(item(night, 'close').plannedStartAt).toBe(T0 + 18 * MIN);
  });

  it('a pause is not counted as speaking time, though the item was on', () => {
    const night = new NightScript()
      .at(0, { type: 'goToItem', itemId: 'story' })
      .at(0, { type: 'startTimer' })
      .at(2, { type: 'pauseTimer' })
      .at(5, { type: 'startTimer' })
      .at(12, { type: 'nextItem', fromItemId: 'story' });
    expect(item(night, 'story')).toMatchObject({ actualMs: 9 * MIN, onStageMs: 12 * MIN, overMs: -MIN });
  });

  it('the chair’s ±30 s changes the clock given, not the plan it is measured against', () => {
    const night = new NightScript()
      .at(0, { type: 'goToItem', itemId: 'story' })
      .at(0, { type: 'startTimer' })
      .at(9, { type: 'adjustTimer', deltaMs: 60_000 })
      .at(9.5, { type: 'adjustTimer', deltaMs: 30_000 })
      .at(11, { type: 'nextItem', fromItemId: 'story' });
    expect(item(night, 'story')).toMatchObject({
      plannedMs: 10 * MIN,
      givenMs: 11.5 * MIN,
      actualMs: 11 * MIN,
      overMs: MIN,
    });
  });

  it('a mistaken press undone: the undo puts the running item back, and the mistake’s half minute goes to the wrong item', () => {
    const night = new NightScript()
      .at(0, { type: 'goToItem', itemId: 'story' })
      .at(0, { type: 'startTimer' })
      .at(6, { type: 'nextItem', fromItemId: 'story' })
      .at(6.5, { type: 'undo' })
      .at(10, { type: 'nextItem', fromItemId: 'story' });
    // 6 minutes, then 3.5 more on the clock the undo gave back (it ran on from its start).
    expect(item(night, 'story')).toMatchObject({ actualMs: 9.5 * MIN, onStageMs: 9.5 * MIN, visits: 2 });
    expect(item(night, 'ask')).toMatchObject({ timed: false, startedAt: T0 + 6 * MIN, visits: 1 });
    // Without the undo, the story would have stopped at 6 minutes.
    const without = new NightScript()
      .at(0, { type: 'goToItem', itemId: 'story' })
      .at(0, { type: 'startTimer' })
      .at(6, { type: 'nextItem', fromItemId: 'story' })
      .at(10, { type: 'nextItem', fromItemId: 'ask' });
    expect(item(without, 'story').actualMs).toBe(6 * MIN);
  });

  it('an item revisited adds its second visit to the first, and keeps its first start', () => {
    const night = new NightScript()
      .at(0, { type: 'goToItem', itemId: 'welcome' })
      .at(0, { type: 'startTimer' })
      .at(4, { type: 'goToItem', itemId: 'story' })
      .at(4, { type: 'startTimer' })
      .at(14, { type: 'goToItem', itemId: 'welcome' })
      .at(14, { type: 'startTimer' })
      .at(16, { type: 'goToItem', itemId: 'ask' });
    expect(item(night, 'welcome')).toMatchObject({
      startedAt: T0,
      actualMs: 6 * MIN,
      visits: 2,
      overMs: MIN,
    });
    expect(item(night, 'story')).toMatchObject({ actualMs: 10 * MIN, overMs: 0 });
  });

  it('a reset does not give back the time already spent', () => {
    const night = new NightScript()
      .at(0, { type: 'goToItem', itemId: 'welcome' })
      .at(0, { type: 'startTimer' })
      .at(3, { type: 'resetTimer' })
      .at(3, { type: 'startTimer' })
      .at(8, { type: 'nextItem', fromItemId: 'welcome' });
    expect(item(night, 'welcome').actualMs).toBe(8 * MIN);
  });

  it('an untimed item is measured by its time on', () => {
    const night = new NightScript()
      .at(0, { type: 'goToItem', itemId: 'welcome' })
      .at(7, { type: 'nextItem', fromItemId: 'welcome' });
    expect(item(night, 'welcome')).toMatchObject({ timed: false, actualMs: 7 * MIN, overMs: 2 * MIN });
  });

  it('nothing counts after the close, and the finish is the close', () => {
    const night = new NightScript()
      .at(0, { type: 'goToItem', itemId: 'close' })
      .at(0, { type: 'startTimer' })
      .at(4, { type: 'closeAssembly' })
      .at(
        90,
        {
          type: 'submitEvaluation',
          evaluationId: '00000000-0000-4000-8000-000000000001',
          name: 'Amina',
          ratings: {},
        },
        'admin',
      );
    const run = evaluateNight(night.entries).runOfShow;
    expect(run.items.find((i) => i.itemId === 'close')!.actualMs).toBe(4 * MIN);
    expect(run.finishedAt).toBe(T0 + 4 * MIN);
  });

  it('the projected finish: the plan from the first item, then pushed out minute by minute by an overrun', () => {
    const night = new NightScript()
      .at(0, { type: 'goToItem', itemId: 'welcome' })
      .at(0, { type: 'startTimer' })
      .at(8, { type: 'nextItem', fromItemId: 'welcome' });
    const { finish } = evaluateNight(night.entries).runOfShow;
    // 5 + 10 + 3 + 3 minutes of plan from 18:00; idle until 18:05, then moving with the clock.
    expect(finish).toEqual([
      { at: T0, projectedEndsAt: T0 + 21 * MIN },
      { at: T0 + 5 * MIN, projectedEndsAt: T0 + 21 * MIN },
      { at: T0 + 8 * MIN, projectedEndsAt: T0 + 24 * MIN },
    ]);
  });

  it('fewer finish points: a steady or moving run keeps only its ends, a jump keeps both sides', () => {
    const p = (at: number, projectedEndsAt: number) => ({ at, projectedEndsAt });
    expect(
      fewerFinishPoints([p(0, 100), p(10, 100), p(20, 100), p(30, 110), p(40, 120), p(40, 150), p(50, 150)]),
    ).toEqual([p(0, 100), p(20, 100), p(40, 120), p(40, 150), p(50, 150)]);
  });

  it('check-ins during the night change none of it, and one last check-in ends the night’s time', () => {
    const plain = new NightScript()
      .at(0, { type: 'goToItem', itemId: 'story' })
      .at(0, { type: 'startTimer' })
      .at(3, { type: 'pauseTimer' })
      .at(4, { type: 'startTimer' })
      .at(12, { type: 'nextItem', fromItemId: 'story' })
      .at(15, { type: 'pauseTimer' });
    const busy = new NightScript().at(0, { type: 'goToItem', itemId: 'story' }).at(0, { type: 'startTimer' });
    for (let n = 0; n < 30; n++)
      busy.at(
        0.1 + n / 10,
        { type: 'checkIn', checkInId: uuid(n), name: `P${n}`, institutionId: 'stmarys', newPerson: true },
        'door',
      );
    busy
      .at(3, { type: 'pauseTimer' })
      .at(4, { type: 'startTimer' })
      .at(12, { type: 'nextItem', fromItemId: 'story' })
      .at(15, { type: 'pauseTimer' });
    expect(evaluateNight(busy.entries).runOfShow).toEqual(evaluateNight(plain.entries).runOfShow);
    // The ask's clock never ran; a check-in at 20 past is the night's last moment.
    busy.at(
      20,
      { type: 'checkIn', checkInId: uuid(99), name: 'Late', institutionId: 'stmarys', newPerson: true },
      'door',
    );
    expect(item(busy, 'ask')).toMatchObject({ timed: false, onStageMs: 8 * MIN });
  });
});
