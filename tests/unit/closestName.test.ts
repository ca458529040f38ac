import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boundedEditDistance,
  closestName,
  editDistance,
  nameKey,
  suggestionBudget,
} from '../../shared/domain/closestName';
import { previewCsv, previewCsvInSteps } from '../../shared/protocol/csvImport';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['st marys', 'st mary s', 1],
    ['mosque', 'mosuqe', 1],
    ['flaw', 'lawn', 2],
    ['same', 'same', 0],
  ])('%j to %j is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('closestName: what a mistyped name most likely meant', () => {
  const institutions = ["St Mary's", 'East London Mosque', 'Unite the Union', 'St Paul’s School'];
  it.each([
    ['St Marys', "St Mary's"],
    ['st. mary’s', "St Mary's"],
    ['East London Mosqe', 'East London Mosque'],
    ['Unite the Onion', 'Unite the Union'],
    ['St Pauls School', 'St Paul’s School'],
    ['Barking Baptist Church', null],
    ['', null],
    ['X', null],
  ])('%j → %j', (typed, expected) => {
    expect(closestName(typed, institutions)).toBe(expected);
  });

  it('compares names without case, accents or punctuation', () => {
    expect(nameKey('  Sainte-Anne’s  ÉCOLE ')).toBe('sainte anne s ecole');
  });
});

describe('bounded work for names not found', () => {
  it('the banded distance is the full one within its limit, and Infinity beyond', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), fc.nat(12), (a, b, limit) => {
        const full = editDistance(a, b);
        const banded = boundedEditDistance(a, b, limit, { cells: Number.POSITIVE_INFINITY });
        expect(banded).toBe(full <= limit ? full : Number.POSITIVE_INFINITY);
      }),
      { seed: 12, numRuns: 500 },
    );
  });

  it('never spends more than its budget, however long and many the names', () => {
    const long = (i: number) => `Institution ${i} ${'with a very long name indeed '.repeat(6)}`.slice(0, 200);
    const names = Array.from({ length: 2000 }, (_, i) => long(i));
    const budget = suggestionBudget();
    closestName(`Unknown ${'with a very long name indeed '.repeat(6)}`, names, budget);
    // At most one row of the table past the budget (200 cells wide).
    expect(budget.cells).toBeGreaterThan(-250);
    expect(closestName('Institution 12 with a very long name indeed', names, { cells: 0 })).toBeNull();
    expect(closestName('St Marys', ["St Mary's", 'East London Mosque'])).toBe("St Mary's");
  });

  it('a large file is checked a slice of rows at a time, pausing between', async () => {
    const institutions = [{ id: 'stm', name: "St Mary's", section: '', committed: 0 }];
    const rows = Array.from({ length: 2600 }, (_, i) => `Person ${i},St Marys ${i % 7}`);
    let pauses = 0;
    const preview = await previewCsvInSteps(
      'registrants',
      ['name,institution', ...rows].join('\n'),
      { institutions, powerHolders: [] },
      async () => {
        pauses++;
      },
    );
    expect(pauses).toBeGreaterThanOrEqual(Math.ceil(2600 / 500));
    expect(preview.rows).toHaveLength(2600);
    // The same answers as the browser's preview, which does it in one go.
    const whole = previewCsv('registrants', ['name,institution', ...rows].join('\n'), {
      institutions,
      powerHolders: [],
    });
    expect(preview.rows.map((r) => r.problems)).toEqual(whole.rows.map((r) => r.problems));
    expect(preview.rows[0]!.problems[0]).toMatch(/did you mean St Mary's\?/);
  });
});
