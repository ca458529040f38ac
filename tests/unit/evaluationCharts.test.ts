import { describe, expect, it } from 'vitest';
import {
  linearScale,
  niceStep,
  pathThrough,
  stackedColumns,
  steps,
  timeStep,
} from '../../client/src/screens/evaluation/chartGeometry';
import { minutesAndSeconds, overOrUnder } from '../../client/src/screens/evaluation/nightTime';

describe('the evaluation charts’ geometry', () => {
  it('stacks each bin’s parts from the baseline, the tallest column filling the height', () => {
    const columns = stackedColumns(
      [
        { a: 2, b: 2 },
        { a: 0, b: 1 },
        { a: 0, b: 0 },
      ],
      ['a', 'b'] as const,
      { x: 10, y: 0, width: 300, height: 100, gap: 10 },
    );
    expect(columns[0]).toEqual([
      { key: 'a', x: 15, y: 50, width: 90, height: 50, value: 2 },
      { key: 'b', x: 15, y: 0, width: 90, height: 50, value: 2 },
    ]);
    // A part of zero draws nothing; the next column starts one slot along.
    expect(columns[1]).toEqual([{ key: 'b', x: 115, y: 75, width: 90, height: 25, value: 1 }]);
    expect(columns[2]).toEqual([]);
  });

  it('scales to a given maximum, so a round top tick is the top of the chart', () => {
    const [column] = stackedColumns([{ a: 5 }], ['a'] as const, {
      x: 0,
      y: 0,
      width: 10,
      height: 100,
      gap: 0,
      max: 20,
    });
    expect(column![0]).toMatchObject({ y: 75, height: 25 });
  });

  it('maps values onto the page, and a domain of one value onto its start', () => {
    expect(linearScale(0, 10, 100, 200)(5)).toBe(150);
    expect(linearScale(0, 10, 200, 100)(10)).toBe(100);
    expect(linearScale(3, 3, 40, 90)(3)).toBe(40);
  });

  it('round steps and ticks', () => {
    expect(niceStep(47, 4)).toBe(20);
    expect(niceStep(9, 5)).toBe(2);
    expect(steps(0, 60, 20)).toEqual([0, 20, 40, 60]);
    expect(timeStep(90 * 60_000, 6)).toBe(15 * 60_000);
    expect(
      pathThrough([
        [0, 1.234],
        [10, 2],
      ]),
    ).toBe('M0 1.2 L10 2');
  });

  it('says over or under in words', () => {
    expect(overOrUnder(150_000)).toBe('2 min 30 s over');
    expect(overOrUnder(-60_000)).toBe('1 min under');
    expect(overOrUnder(10_000)).toBe('on time');
    expect(minutesAndSeconds(45_000)).toBe('45 s');
  });
});
