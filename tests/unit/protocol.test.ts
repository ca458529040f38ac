import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, mayRun, parseCommand } from '../../shared/protocol/commands';
import { multilineText, text } from '../../shared/protocol/fields';
import { cutText, isWellFormed } from '../../shared/protocol/peoplesText';
import { normaliseSetup, setupFileSchema } from '../../shared/protocol/setup';

describe('commands at the edge', () => {
  it.each([
    { input: undefined, code: 'invalid_command' },
    { input: 42, code: 'invalid_command' },
    { input: {}, code: 'unknown_command' },
    { input: { type: 'toString' }, code: 'unknown_command' },
    { input: { type: 'goToItem' }, code: 'invalid_command' },
    { input: { type: 'goToItem', itemId: '<script>' }, code: 'invalid_command' },
    { input: { type: 'adjustTimer', deltaMs: 0 }, code: 'invalid_command' },
    { input: { type: 'adjustTimer', deltaMs: 7_200_000 }, code: 'invalid_command' },
  ])('refuses $input with $code', ({ input, code }) => {
    expect(parseCommand(input)).toMatchObject({ ok: false, code });
  });

  it('trims what people type', () => {
    expect(parseCommand({ type: 'showMessage', text: '  Seats please  ' })).toEqual({
      ok: true,
      command: { type: 'showMessage', text: 'Seats please' },
    });
  });

  it('keeps markup as text: the message is data, never parsed', () => {
    const text = '<img src=x onerror=alert(1)>';
    expect(parseCommand({ type: 'showMessage', text })).toMatchObject({ ok: true, command: { text } });
  });

  it.each([
    { role: 'admin', allowed: COMMAND_TYPES },
    {
      role: 'door',
      allowed: [
        'checkIn',
        'checkInRegistrant',
        'scanTicket',
        'undoCheckIn',
        'setHeadcount',
        'setPhoneCheckIn',
        'submitCard',
        'withdrawCard',
      ],
    },
    { role: 'public', allowed: ['checkIn', 'checkInOwnTicket', 'submitCard'] },
  ] as const)('$role may run exactly its commands', ({ role, allowed }) => {
    expect(COMMAND_TYPES.filter((type) => mayRun(role, type))).toEqual(allowed);
  });

  it('the chair drives the night but does not import the setup', () => {
    expect(mayRun('chair', 'nextItem')).toBe(true);
    expect(mayRun('chair', 'undo')).toBe(true);
    expect(mayRun('chair', 'importSetup')).toBe(false);
    expect(mayRun('chair', 'updateDetails')).toBe(false);
  });
});

describe('the setup file', () => {
  it('the shipped demo is valid and shaped like a real assembly', () => {
    const file = setupFileSchema.parse(JSON.parse(fs.readFileSync('examples/demo-assembly.json', 'utf8')));
    const result = normaliseSetup(file);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.setup.agenda.length).toBeGreaterThanOrEqual(10);
    expect(result.setup.institutions).toHaveLength(12);
    expect(result.setup.powerHolders).toHaveLength(3);
    expect(result.setup.asks).toHaveLength(3);
    expect(new Set(result.setup.agenda.map((item) => item.kind))).toEqual(
      new Set(['welcome', 'rollCall', 'testimony', 'ask', 'response', 'custom', 'close']),
    );
  });

  it('derives ids and durations', () => {
    const result = normaliseSetup(
      setupFileSchema.parse({
        agenda: [{ kind: 'testimony', title: 'Grace', minutes: 2.5, warningSeconds: 20 }],
      }),
    );
    expect(result).toMatchObject({
      ok: true,
      setup: { agenda: [{ id: 'grace', durationMs: 150_000, warningMs: 20_000, askId: null, speaker: '' }] },
    });
  });

  it('makes ids for rows without one from their names, so reordering a file keeps every id on its row', () => {
    const institutions = [
      { name: "St Mary's Église", committed: 10 },
      { name: 'St Marys Eglise!', committed: 5 },
      { id: 'st-marys-eglise-3', name: 'Given', committed: 1 },
      { name: '???', committed: 1 },
    ];
    const ids = (rows: typeof institutions) => {
      const result = normaliseSetup(setupFileSchema.parse({ institutions: rows }));
      if (!result.ok) throw new Error(result.problems.join());
      return Object.fromEntries(result.setup.institutions.map((i) => [i.name, i.id]));
    };
    expect(ids(institutions)).toEqual({
      "St Mary's Église": 'st-mary-s-eglise',
      'St Marys Eglise!': 'st-marys-eglise',
      Given: 'st-marys-eglise-3',
      '???': 'institution',
    });
    expect(ids([...institutions].reverse())).toEqual(ids(institutions));
  });

  it('reports every broken reference and duplicate, by path', () => {
    const result = normaliseSetup(
      setupFileSchema.parse({
        institutions: [
          { name: "St Mary's", committed: 10 },
          { name: "st mary's", committed: 5 },
        ],
        powerHolders: [{ id: 'mayor', name: 'Mayor' }],
        asks: [{ id: 'wage', title: 'Wage', wording: 'Will you?', targets: ['mayor', 'sheriff'] }],
        agenda: [{ kind: 'ask', title: 'Ask', minutes: 2, ask: 'homes' }],
      }),
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        `institutions: name "st mary's" appears twice`,
        'asks.0.targets: no power-holder with id "sheriff"',
        'agenda.0.ask: no ask with id "homes"',
      ],
    });
  });

  it.each([
    { name: 'an unknown section', file: { speakers: [] } },
    { name: 'a negative duration', file: { agenda: [{ kind: 'welcome', title: 'W', minutes: -1 }] } },
    {
      name: 'a 10,000-character title',
      file: { agenda: [{ kind: 'welcome', title: 'x'.repeat(10_000), minutes: 1 }] },
    },
    { name: 'a bad date', file: { assembly: { startsAt: '31/31/2026' } } },
    {
      name: 'too many items',
      file: { agenda: Array.from({ length: 201 }, () => ({ kind: 'custom', title: 'x', minutes: 1 })) },
    },
  ])('refuses $name', ({ file }) => {
    expect(setupFileSchema.safeParse(file).success).toBe(false);
  });
});

describe('text from people', () => {
  const emoji = '\u{1F600}';
  it('half a character is removed; a whole one is kept', () => {
    expect(text(40).parse(`Amal ${emoji.slice(0, 1)}`)).toBe('Amal');
    expect(text(40).parse(`Amal ${emoji}`)).toBe(`Amal ${emoji}`);
    expect(text(40).parse('\udc00x\ud800')).toBe('x');
    expect(isWellFormed(`a${emoji}b`)).toBe(true);
    expect(isWellFormed('a\ud800b')).toBe(false);
  });

  it('is cut by whole characters', () => {
    expect(cutText(`abc${emoji}`, 4)).toBe('abc');
    expect(cutText(`abc${emoji}`, 5)).toBe(`abc${emoji}`);
    expect(cutText('abcdef', 3)).toBe('abc');
  });

  it('a one-line field refuses a line break; a multi-line one keeps lines and their indentation', () => {
    expect(text(200).safeParse('=HYPERLINK(\n"https://evil.example","x")').success).toBe(false);
    expect(text(200).safeParse('Grace\u2028Obi').success).toBe(false);
    expect(text(200).parse('Grace\tObi')).toBe('Grace Obi');
    expect(multilineText(200).parse('Welcome\r\n  - tea  \r\n  - songs\u2028Close')).toBe(
      'Welcome\n  - tea\n  - songs\nClose',
    );
  });
});
