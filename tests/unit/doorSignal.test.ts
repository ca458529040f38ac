import { describe, expect, it } from 'vitest';
import { chooseDoorMode, DOOR_MODES } from '../../client/src/screens/door/doorMode';
import {
  outcomeOf,
  type ReportTone,
  type ScanOutcome,
  SIGNALS,
  signalLengthMs,
} from '../../client/src/screens/door/signalPatterns';

const OUTCOMES: ScanOutcome[] = ['accepted', 'duplicate', 'refused', 'question'];
const same = (a: ScanOutcome, b: ScanOutcome) =>
  JSON.stringify(SIGNALS[a].vibration) === JSON.stringify(SIGNALS[b].vibration) ||
  JSON.stringify(SIGNALS[a].notes) === JSON.stringify(SIGNALS[b].notes);

describe('the door’s signal for a check-in’s outcome', () => {
  it.each([
    ['ok', 'accepted'],
    ['queued', 'accepted'],
    ['warn', 'duplicate'],
    ['error', 'refused'],
    ['ask', 'question'],
  ] as [ReportTone, ScanOutcome][])('a report that is %s is %s', (tone, outcome) => {
    expect(outcomeOf(tone)).toBe(outcome);
  });

  it.each(OUTCOMES.flatMap((a) => OUTCOMES.filter((b) => b > a).map((b) => [a, b] as const)))(
    '%s and %s differ both by ear and by hand',
    (a, b) => {
      expect(same(a, b)).toBe(false);
    },
  );

  it('"in" is the shortest by hand and refused the longest: a refusal is felt through a pocket', () => {
    const felt = (outcome: ScanOutcome) =>
      SIGNALS[outcome].vibration.filter((_, i) => i % 2 === 0).reduce((total, ms) => total + ms, 0);
    for (const other of ['duplicate', 'refused', 'question'] as const)
      expect(felt('accepted')).toBeLessThan(felt(other));
    expect(felt('refused')).toBe(Math.max(...OUTCOMES.map(felt)));
    // A refusal sounds lower than anything "in" does.
    const lowest = (outcome: ScanOutcome) => Math.min(...SIGNALS[outcome].notes.map((note) => note.hz));
    expect(lowest('refused')).toBeLessThan(lowest('accepted'));
  });

  it.each(OUTCOMES)(
    '%s is short and playable: under 600 ms, audible pitches, whole milliseconds',
    (outcome) => {
      const signal = SIGNALS[outcome];
      expect(signal.notes.length).toBeGreaterThan(0);
      expect(signalLengthMs(signal)).toBeLessThan(600);
      expect(signal.vibration.reduce((total, ms) => total + ms, 0)).toBeLessThan(1_000);
      expect(signal.vibration.length % 2, 'a vibration ends on a buzz, not a pause').toBe(1);
      for (const note of signal.notes) {
        expect(note.hz).toBeGreaterThanOrEqual(150);
        expect(note.hz).toBeLessThanOrEqual(2_000);
        expect(note.ms).toBeGreaterThanOrEqual(40);
      }
      for (const ms of signal.vibration) {
        expect(Number.isInteger(ms)).toBe(true);
        expect(ms).toBeGreaterThan(0);
      }
    },
  );

  it('adds up its length from notes and gaps', () => {
    expect(signalLengthMs({ wave: 'sine', notes: [{ hz: 440, ms: 100 }], gapMs: 50, vibration: [10] })).toBe(
      100,
    );
    expect(
      signalLengthMs({
        wave: 'sine',
        notes: [
          { hz: 440, ms: 100 },
          { hz: 440, ms: 60 },
        ],
        gapMs: 50,
        vibration: [10],
      }),
    ).toBe(210);
  });
});

describe('the door’s mode kept on the device', () => {
  const all = [...DOOR_MODES];
  const noRegistrants = DOOR_MODES.filter((mode) => mode !== 'find');
  it.each([
    [null, all, 'find'],
    [null, noRegistrants, 'walkIn'],
    ['count', all, 'count'],
    ['ticket', noRegistrants, 'ticket'],
    // Kept "find", but this assembly has nobody registered: the first mode it offers.
    ['find', noRegistrants, 'walkIn'],
    // Written by an older version, or by hand.
    ['scanner', all, 'find'],
    ['', all, 'find'],
    ['__proto__', all, 'find'],
  ] as const)('kept %j, offered %j: %s', (kept, offered, mode) => {
    expect(chooseDoorMode(kept, offered)).toBe(mode);
  });
});
