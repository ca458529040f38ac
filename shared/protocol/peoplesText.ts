// People's text as it is kept, without a validation library: the door's page and the phone's
// form use these too, and a phone on the venue's wifi should not download zod to trim a name.

// Control characters and invisible formatting (zero-width spaces, direction overrides)
// make a name that looks empty, or reads backwards, on the door's list and in exports.
// biome-ignore lint/complexity/useRegexLiterals: a literal would hold raw control characters
const INVISIBLE = new RegExp(
  '[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF]',
  'g',
);

/**
 * Half of a character: a UTF-16 surrogate without its partner, left when an emoji is cut in
 * two. PostgreSQL's jsonb refuses it, and no font can draw it: it is removed, never stored.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HAS_LONE_SURROGATE = new RegExp(LONE_SURROGATE.source);
/** Line and paragraph breaks, which a one-line field (a name, a title) must not hold. */
export const LINE_BREAK = /[\n\r\u2028\u2029]/;

const visible = (value: string): string =>
  value.replace(INVISIBLE, '').replace(LONE_SURROGATE, '').replace(/\t/g, ' ');
/** People's text as it will be kept: invisible characters and half characters gone, trimmed. */
export const cleanText = (value: string): string => visible(value).trim();
/**
 * As cleanText, keeping line breaks (normalised to \n) in text that may run over lines, and
 * each line's indentation.
 */
export const cleanLines = (value: string): string =>
  value
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .split('\n')
    .map((line) => visible(line).trimEnd())
    .join('\n')
    .trim();

/** True when a string holds no half characters: it can be stored and drawn as it is. */
export const isWellFormed = (value: string): boolean => !HAS_LONE_SURROGATE.test(value);

/** Cuts text to at most `max` UTF-16 units without cutting a character in half. */
export function cutText(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
