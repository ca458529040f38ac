import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotText } from '../../server/store/snapshotText';
import { emptyRegister, put } from '../../shared/domain/register';

describe('a snapshot written a slice at a time', () => {
  it('is the text JSON.stringify writes, whatever the value', async () => {
    // Long arrays (split element by element), holes, undefined and functions inside them.
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue(),
        fc.constantFrom(undefined, Number.NaN, -0, () => 1),
        fc.array(tie('node'), { maxLength: 40 }),
        fc.sparseArray(tie('node'), { maxLength: 40 }),
        fc.dictionary(fc.string(), tie('node'), { maxKeys: 6 }),
      ),
    })).node;
    await fc.assert(
      // A state is an object: the value inside one, and inside a long list.
      fc.asyncProperty(value, async (v) => {
        const state = { v, list: Array.from({ length: 20 }, () => v) };
        expect(await snapshotText(state)).toBe(JSON.stringify(state));
      }),
      { numRuns: 300 },
    );
  });

  it('lets the event loop through while it writes a large state', async () => {
    let register = emptyRegister<{ name: string; at: number }>();
    for (let n = 0; n < 20_000; n++) register = put(register, `id-${n}`, { name: `Attendee ${n}`, at: n });
    const state = { title: 'Large', attendance: { checkIns: register } };
    let turns = 0;
    const counting = setInterval(() => turns++, 0);
    const text = await snapshotText(state, 1);
    clearInterval(counting);
    expect(text).toBe(JSON.stringify(state));
    expect(turns).toBeGreaterThan(0);
  });
});
