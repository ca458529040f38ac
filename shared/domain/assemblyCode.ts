// An assembly's code is read off a projector or a poster and typed by people on phones.

/** No 0/O or 1/I: read off a projector from the back of a hall. */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;

/**
 * What a person typed, as a code: any case, spaces or dashes anywhere ("abc 234",
 * "ABC-234"), as a phone's keyboard or a printed card's spacing makes them. Anything else
 * (a wrong length, a letter the codes never use) is null.
 */
export function normaliseTypedCode(typed: string): string | null {
  const code = typed.replace(/[\s\u2010-\u2015-]/g, '').toUpperCase();
  return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : null;
}
