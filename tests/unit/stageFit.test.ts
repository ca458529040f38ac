import { describe, expect, it } from 'vitest';
import { commitmentsFit } from '../../client/src/components/commitmentsFit';
import { fitted, STAGE_WIDTHS } from '../../client/src/components/fitted';
import { rollCallFit } from '../../client/src/screens/screen/rollCallFit';
import {
  askWordingType,
  bannerType,
  fitType,
  speakerType,
  titleType,
} from '../../client/src/screens/screen/stageFit';
import { countdownText, nextCountdownChangeAt } from '../../client/src/screens/screen/startCountdown';
import { LIMITS } from '../../shared/protocol/limits';

const { narrow, wide } = STAGE_WIDTHS;

describe('type fitted to its box', () => {
  it('a short text gets the largest type; a longer one smaller, never below the floor', () => {
    const box = { widthCqh: 100, heightCqh: 20, maxCqh: 8, minCqh: 3 };
    expect(fitType({ ...box, chars: 10 })).toBe(8);
    const sizes = [40, 80, 160, 320, 2000].map((chars) => fitType({ ...box, chars }));
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeLessThanOrEqual(sizes[i - 1]!);
    expect(sizes.at(-1)).toBe(3);
  });

  it('what it chooses fits: its lines times their height stay within the box', () => {
    for (const chars of [1, 30, 99, 200, 280]) {
      const size = fitType({ chars, widthCqh: 117, heightCqh: 22, maxCqh: 6, em: 0.6, lineHeight: 1.15 });
      const perLine = Math.floor(117 / (0.6 * size));
      expect(Math.ceil(chars / perLine) * 1.15 * size).toBeLessThanOrEqual(22);
    }
  });

  it('the longest message keeps its banner under a quarter of the stage, and type a hall can read', () => {
    const longest = 'x'.repeat(LIMITS.message);
    for (const width of [narrow, wide]) {
      const size = bannerType(longest, width);
      expect(size).toBeGreaterThanOrEqual(3);
      expect(bannerType('Seats at the front, please', width)).toBe(6);
    }
    expect(bannerType(longest, wide)).toBeGreaterThan(bannerType(longest, narrow));
  });

  it('a title shrinks as it grows and with a message up; a 16:9 stage gives it more room than 4:3', () => {
    expect(titleType('Testimony: Grace', false, narrow)).toBe(8.5);
    expect(titleType('Testimony: Grace', true, narrow)).toBe(7);
    const long = 'Testimony: three winters of damp and mould in the flats on the Riverside estate, and more';
    expect(titleType(long, false, narrow)).toBeLessThan(8.5);
    expect(titleType(long, false, wide)).toBeGreaterThanOrEqual(titleType(long, false, narrow));
    expect(titleType('x'.repeat(LIMITS.title), true, narrow)).toBeGreaterThanOrEqual(3);
    expect(speakerType('Grace Mensah', false, narrow)).toBe(4.5);
  });

  it("an ask's words get less room as more power-holders' cards take the stage", () => {
    const wording =
      'Will you commit to building 500 genuinely affordable council homes on the Riverside site by 2028?';
    const sizes = [2, 5, 12].map((holders) => askWordingType(wording, holders, narrow));
    expect(sizes[0]).toBeGreaterThanOrEqual(sizes[1]!);
    expect(sizes[1]).toBeGreaterThanOrEqual(sizes[2]!);
    expect(askWordingType('Will you meet us?', 3, narrow)).toBe(6);
    expect(askWordingType('x'.repeat(LIMITS.wording), 12, narrow)).toBeGreaterThanOrEqual(1.8);
  });

  it('gives the stage both sizes, as CSS custom properties', () => {
    expect(fitted((width) => (width > 150 ? 6 : 5))).toEqual({
      '--fit-narrow': '5cqh',
      '--fit-wide': '6cqh',
    });
  });
});

describe('the commitments board fills the stage', () => {
  const asks = (n: number) => Array.from({ length: n }, (_, i) => `Ask number ${i + 1} about homes`);

  it.each([
    { asks: 3, holders: 3, atLeast: 4.5 },
    { asks: 5, holders: 6, atLeast: 2.5 },
    { asks: 10, holders: 12, atLeast: 1.2 },
  ])(
    '$asks asks x $holders power-holders: type of at least $atLeast cqh on 4:3',
    ({ asks: n, holders, atLeast }) => {
      const fit = commitmentsFit(asks(n), holders, narrow);
      expect(fit.sizeCqh).toBeGreaterThanOrEqual(atLeast);
      expect(commitmentsFit(asks(n), holders, wide).sizeCqh).toBeGreaterThanOrEqual(fit.sizeCqh);
    },
  );

  it('a small board grows well past the old 3.4 cqh cap; a larger one is never larger', () => {
    expect(commitmentsFit(asks(3), 3, wide).sizeCqh).toBeGreaterThan(5.5);
    expect(commitmentsFit(asks(8), 8, wide).sizeCqh).toBeLessThan(commitmentsFit(asks(3), 3, wide).sizeCqh);
  });
});

describe('the roll call fills the stage in balanced columns', () => {
  it.each([
    { institutions: 5, sections: 0, bySection: false, columns: 1, perColumn: 5 },
    { institutions: 15, sections: 0, bySection: false, columns: 2, perColumn: 8 },
    { institutions: 15, sections: 3, bySection: true, columns: 2, perColumn: 10 },
    { institutions: 40, sections: 0, bySection: false, columns: 3, perColumn: 14 },
    { institutions: 200, sections: 0, bySection: false, columns: 3, perColumn: 16 },
  ])('$institutions institutions ($sections sections): $columns columns of $perColumn', (row) => {
    const fit = rollCallFit(row.institutions, row.sections, row.bySection, 20, 7, wide);
    expect({ columns: fit.columns, perColumn: fit.perColumn }).toEqual({
      columns: row.columns,
      perColumn: row.perColumn,
    });
  });

  it('few rows get large type; long names shrink it, more on a 4:3 stage', () => {
    expect(rollCallFit(5, 0, false, 12, 7, wide).sizeCqh).toBe(7);
    const short = rollCallFit(15, 0, false, 14, 7, narrow).sizeCqh;
    const long = rollCallFit(15, 0, false, 40, 7, narrow).sizeCqh;
    expect(long).toBeLessThan(short);
    expect(rollCallFit(15, 0, false, 40, 7, wide).sizeCqh).toBeGreaterThan(long);
  });
});

describe('the countdown to the planned start', () => {
  const START = Date.UTC(2026, 10, 28, 19, 0);
  it.each([
    { before: 25 * 60_000, says: 'in 25:00' },
    { before: 25 * 60_000 - 1, says: 'in 25:00' },
    { before: 65_500, says: 'in 1:06' },
    { before: 3_723_000, says: 'in 1:02:03' },
    { before: 1, says: 'in 0:01' },
    { before: 0, says: 'any moment now' },
    { before: -60_000, says: 'any moment now' },
  ])('$before ms before: $says', ({ before, says }) => {
    expect(countdownText(START, START - before)).toBe(says);
  });

  it('changes at each whole second before the start, and never after it', () => {
    expect(nextCountdownChangeAt(START, START - 65_500)).toBe(START - 65_000);
    expect(nextCountdownChangeAt(START, START - 65_000)).toBe(START - 64_000);
    expect(countdownText(START, START - 65_000)).toBe('in 1:05');
    expect(countdownText(START, START - 64_999)).toBe('in 1:05');
    expect(nextCountdownChangeAt(START, START)).toBeNull();
    expect(nextCountdownChangeAt(START, START + 5)).toBeNull();
  });
});
