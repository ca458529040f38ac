import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Arrays longer than this are written an element at a time; shorter ones, and everything
 * that is not an object, by JSON.stringify itself. A register's 512 buckets and an
 * institution's 150 latest names are split; a bucket (about 40 check-ins at 20,000) is
 * written whole, a tenth of a millisecond (splitting it too cost a third more in all).
 */
const SPLIT = 64;
/** Pieces written between looks at the clock. */
const PIECES_PER_LOOK = 64;

const skipped = (value: unknown) =>
  value === undefined || typeof value === 'function' || typeof value === 'symbol';

/** JSON.stringify's text of `value`, as pieces small enough to write between other work. */
function* pieces(value: unknown): Generator<string> {
  if (Array.isArray(value) && value.length > SPLIT) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      const item: unknown = value[i];
      if (skipped(item)) yield 'null';
      else yield* pieces(item);
    }
    yield ']';
    return;
  }
  if (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  ) {
    yield '{';
    let first = true;
    for (const key of Object.keys(value)) {
      const item: unknown = (value as Record<string, unknown>)[key];
      if (skipped(item)) continue;
      yield `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      yield* pieces(item);
    }
    yield '}';
    return;
  }
  yield JSON.stringify(value);
}

/**
 * The same text as JSON.stringify(value), written a few milliseconds at a time with the
 * event loop let through in between. A snapshot of 20,000 check-ins is about 7 MB of JSON
 * and took the loop for 60 ms at once (270 ms under a profiler), while every assembly on the
 * node waited: its doors' acks and other rooms' chairs alike. The state is never changed
 * once made (evolve builds a new one), so serialising it across turns sees one moment.
 */
export async function snapshotText(value: unknown, sliceMs = 4): Promise<string> {
  const parts: string[] = [];
  const writer = pieces(value);
  for (;;) {
    const started = performance.now();
    for (let n = 1; ; n++) {
      const next = writer.next();
      if (next.done) return parts.join('');
      parts.push(next.value);
      if (n % PIECES_PER_LOOK === 0 && performance.now() - started > sliceMs) break;
    }
    await nextTurn();
  }
}
