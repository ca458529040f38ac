import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { institutionFromLink } from '../../client/src/screens/join/institutionFromLink';
import { newAssemblyCode, normaliseCode } from '../../server/assemblies/keys';
import type { Institution } from '../../shared/domain/assembly';
import { CODE_ALPHABET, CODE_LENGTH, normaliseTypedCode } from '../../shared/domain/assemblyCode';

describe('normaliseTypedCode: a join code as people type it', () => {
  it.each([
    ['ABC234', 'ABC234'],
    ['abc234', 'ABC234'],
    ['  aBc234 ', 'ABC234'],
    ['abc 234', 'ABC234'],
    ['A B C 2 3 4', 'ABC234'],
    ['abc-234', 'ABC234'],
    ['abc – 234', 'ABC234'],
    ['abc\t234\n', 'ABC234'],
  ])('%j is %j', (typed, code) => {
    expect(normaliseTypedCode(typed)).toBe(code);
  });

  it.each([
    ['', 'nothing'],
    ['ABC23', 'too short'],
    ['ABC2345', 'too long'],
    ['ABC10O', '0, 1 and O are never in a code'],
    ['ABC_23', 'other punctuation'],
    ['ÀBC234', 'an accented letter'],
    ['ABC23４', 'a full-width digit'],
  ])('%j is refused (%s)', (typed) => {
    expect(normaliseTypedCode(typed)).toBeNull();
  });

  it('takes every code the server makes, however it is spaced or cased, and the server takes the result', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Array.from({ length: 50 }, () => newAssemblyCode())),
        fc.array(fc.constantFrom(' ', '-', ''), { minLength: CODE_LENGTH + 1, maxLength: CODE_LENGTH + 1 }),
        fc.boolean(),
        (code, gaps, lower) => {
          const typed = gaps.map((gap, i) => gap + (code[i] ?? '')).join('');
          const normal = normaliseTypedCode(lower ? typed.toLowerCase() : typed);
          expect(normal).toBe(code);
          expect(normaliseCode(normal!)).toBe(code);
        },
      ),
    );
    expect([...newAssemblyCode()].every((c) => CODE_ALPHABET.includes(c))).toBe(true);
  });
});

describe('institutionFromLink: the table card link chooses the institution', () => {
  const institutions: Institution[] = [
    { id: 'st-marys', name: "St Mary's Church", section: 'Stalls', committed: 20 },
    { id: 'mosque', name: 'East London Mosque', section: 'Circle', committed: 30 },
  ];
  it.each([
    ['?institution=st-marys', 'st-marys'],
    ['?institution=mosque&utm=card', 'mosque'],
    ['institution=mosque', 'mosque'],
  ])('%j chooses %j', (search, id) => {
    expect(institutionFromLink(search, institutions)).toBe(id);
  });

  it.each([
    ['', 'no query'],
    ['?institution=', 'empty'],
    ['?institution=nobody', 'an unknown id'],
    ['?institution=ST-MARYS', 'another case'],
    ['?institution=%3Cscript%3E', 'markup'],
    [`?institution=${'x'.repeat(5000)}`, 'a very long id'],
    ['?institution=st-marys%00', 'a NUL byte after a real id'],
    ['?institution=%E0%A4%A', 'broken percent-encoding'],
    ['?Institution=mosque', 'another parameter name'],
  ])('%j chooses nothing (%s)', (search) => {
    expect(institutionFromLink(search, institutions)).toBeNull();
  });

  it('chooses nothing when the assembly has no institutions', () => {
    expect(institutionFromLink('?institution=mosque', [])).toBeNull();
  });
});
