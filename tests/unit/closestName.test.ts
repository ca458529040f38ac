import { describe, expect, it } from 'vitest';
import { closestName, editDistance, nameKey } from '../../shared/domain/closestName';

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
