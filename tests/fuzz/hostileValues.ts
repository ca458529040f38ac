import fc from 'fast-check';
import { SCENES, SPEAKER_CUES } from '../../shared/domain/assembly';
import { ANSWERS, FOLLOW_UP_STATUSES } from '../../shared/domain/responses';
import { ROLL_CALL_ORDERS } from '../../shared/domain/turnout';
import { COMMAND_TYPES, type CommandType } from '../../shared/protocol/commands';
import { LIMITS } from '../../shared/protocol/limits';
import type { SetupFileInput } from '../../shared/protocol/setup';

// What a hostile room sends: wrong types, huge and deeply nested values, keys and ids named
// like the properties every object has, lone surrogates, control characters, NaN and -0.
// Used by the in-process domain fuzz (tests/unit) and the real-server fuzz (tests/integration,
// `npm run fuzz`), so a value that broke one is tried on the other.

/** Names of properties every object (or array, or promise) has. */
export const OBJECT_WORDS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  'length',
  'toJSON',
  'then',
] as const;

/** The ones a setup id may be (letters, digits, - and _, a letter or digit first); "null" too. */
export const ID_WORDS = [
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'length',
  'then',
  'null',
];

const LONE_SURROGATES = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF'];
/** Control characters, invisible formatting, direction overrides, line breaks, combining marks. */
const NASTY_CHARS = [
  '\u0000',
  '\u0007',
  '\b',
  '\t',
  '\n',
  '\r',
  '\u000B',
  '\u001B',
  '\u007F',
  '\u0085',
  '\u009F',
  '\u00A0',
  '\u200B',
  '\u200D',
  '\u200E',
  '\u2028',
  '\u2029',
  '\u202E',
  '\u2066',
  '\uFEFF',
  '\uFFFD',
  '\uFFFF',
  '\u0301',
  '%',
  '"',
  "'",
  '<',
  '\\',
  '=',
  '|',
  ',',
  '😀',
  '👩‍👩‍👧',
  'ß',
  'İ',
];

export const hostileChar: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }), weight: 4 },
  { arbitrary: fc.constantFrom(...NASTY_CHARS), weight: 3 },
  { arbitrary: fc.constantFrom(...LONE_SURROGATES), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 1 },
);

/** Strings as people and scripts type them, short. */
export const hostileShortString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...OBJECT_WORDS), weight: 3 },
  {
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '  \t ',
      'null',
      'undefined',
      'NaN',
      '-0',
      '[object Object]',
      '%',
      '%E0%A4%A',
      '%zz',
      '=HYPERLINK("http://x")',
      '+1',
      '@SUM(A1)',
      'line\nbreak',
      'a\r\nb',
      '\u202Eevil',
      '\u200B',
      'Grace\u0000Obi',
      'a\uD800b',
      '\uDFFF',
      'St Mary\u2019s',
      'ST MARYS',
      '..',
      '/t/',
    ),
    weight: 3,
  },
  { arbitrary: fc.string({ unit: hostileChar, maxLength: 12 }), weight: 6 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom(...OBJECT_WORDS), fc.string({ unit: hostileChar, maxLength: 3 }))
      .map(([word, tail]) => word + tail),
    weight: 1,
  },
);

/** Long strings: at a field's limit, one past it, or far past it. */
export const hugeString: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(40, 41, 60, 61, 120, 121, 200, 201, 280, 281, 300, 301, 500, 2000, 2001, 5000, 100_000),
    fc.string({ unit: hostileChar, minLength: 1, maxLength: 3 }),
  )
  .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: hostileShortString, weight: 8 },
  { arbitrary: hugeString, weight: 1 },
);

/** Numbers a JSON encoder mangles (NaN, ±Infinity become null; -0 becomes 0) and edges. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    -0,
    0,
    1,
    -1,
    0.5,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    -Number.MAX_SAFE_INTEGER - 2,
    2 ** 31,
    -(2 ** 31) - 1,
    1e21,
    3_600_001,
    -3_600_001,
    LIMITS.headcount + 1,
    Date.UTC(1999, 11, 31),
    Date.UTC(2200, 0, 2),
  ),
  fc.integer(),
  fc.double(),
);

/** An object whose keys are the properties every object has, made as JSON.parse makes them: own. */
const objectWithWords = (value: fc.Arbitrary<unknown>): fc.Arbitrary<Record<string, unknown>> =>
  fc.array(fc.tuple(fc.constantFrom(...OBJECT_WORDS), value), { minLength: 1, maxLength: 4 }).map((pairs) => {
    const object: Record<string, unknown> = {};
    for (const [key, v] of pairs)
      Object.defineProperty(object, key, { value: v, enumerable: true, writable: true, configurable: true });
    return object;
  });

/** Arrays and objects nested far deeper than any command (JSON and String() recurse on them). */
export const deepValue: fc.Arbitrary<unknown> = fc
  .tuple(fc.integer({ min: 20, max: 2500 }), fc.constantFrom('array', 'object', 'mixed'))
  .map(([depth, shape]) => {
    let value: unknown = 'bottom';
    for (let i = 0; i < depth; i++) {
      const array = shape === 'array' || (shape === 'mixed' && i % 2 === 0);
      value = array ? [value] : { a: value };
    }
    return value;
  });

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileShortString, weight: 4 },
  { arbitrary: hostileNumber, weight: 3 },
  { arbitrary: fc.constantFrom(true, false, null, undefined), weight: 2 },
);

/** Anything at all that a client could send in place of a value. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: leaf, weight: 10 },
  { arbitrary: hugeString, weight: 1 },
  { arbitrary: fc.array(leaf, { maxLength: 4 }), weight: 2 },
  { arbitrary: fc.dictionary(hostileShortString, leaf, { maxKeys: 4 }), weight: 2 },
  { arbitrary: objectWithWords(leaf), weight: 2 },
  { arbitrary: deepValue, weight: 1 },
  { arbitrary: fc.integer({ min: 1000, max: 30_000 }).map((n) => new Array(n).fill(0)), weight: 1 },
  { arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withSparseArray: true }), weight: 2 },
  { arbitrary: fc.uint8Array({ maxLength: 16 }), weight: 1 },
);

// --- Near-valid commands: the right shape, with values a hostile room would pick.

/** What the generators may draw on from the assembly under test (read when a value is made). */
export interface FuzzWorld {
  /** Ticket tokens of its registrants (staff only know them). */
  tickets: () => readonly string[];
  /** Its setup revision (editSetup must name it to be accepted). */
  revision: () => number;
  followUpIds: () => readonly string[];
  registrantIds: () => readonly string[];
  /** The assembly's code (a ticket's prefix). */
  code: string;
  /** "Now" for moments: the server's clock is real time. */
  now: () => number;
}

/** A few check-in ids used again and again, so retries, undos, merges and "same as" meet. */
export const CHECK_IN_IDS = Array.from(
  { length: 10 },
  (_, i) => `${'0000000'}${i}-0000-4000-8000-${String(i).padStart(12, '0')}`,
);

const pick = <T>(values: () => readonly T[], fallback: T) =>
  fc.nat().map((n) => {
    const all = values();
    return all.length === 0 ? fallback : all[n % all.length]!;
  });

/** Either a plausible value for a field, or (sometimes) anything at all. */
const field = <T>(valid: fc.Arbitrary<T>, hostileWeight = 1): fc.Arbitrary<unknown> =>
  fc.oneof({ arbitrary: valid, weight: 8 }, { arbitrary: hostileValue, weight: hostileWeight });

/** Ids a setup may give (object words among them), and ids nobody gave. */
export const idLike: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...ID_WORDS), weight: 10 },
  {
    arbitrary: fc.constantFrom(
      'stmarys',
      'mosque',
      'welcome',
      'story',
      'close',
      'homes',
      'cllr-a',
      'r1',
      'r2',
      'r3',
    ),
    weight: 3,
  },
  { arbitrary: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/), weight: 1 },
  { arbitrary: fc.constantFrom('__proto__', '_x', '-x', ' constructor ', 'a'.repeat(41), ''), weight: 1 },
);

const checkInIdLike: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...CHECK_IN_IDS), weight: 6 },
  { arbitrary: fc.uuid(), weight: 2 },
  {
    arbitrary: fc.constantFrom('00000000-0000-4000-8000-00000000000G', CHECK_IN_IDS[0]!.toUpperCase()),
    weight: 1,
  },
);

/** Free text, mostly what a person could type, often what a script would. */
const textLike: fc.Arbitrary<string> = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      'Grace Obi',
      'grace obi',
      'Grace  Obi',
      'Gracie Obi',
      'Yusuf Ali',
      'Ana',
      'North door',
      '',
    ),
    weight: 4,
  },
  { arbitrary: fc.constantFrom(...OBJECT_WORDS), weight: 2 },
  { arbitrary: fc.string({ unit: hostileChar, minLength: 1, maxLength: 8 }), weight: 2 },
  { arbitrary: hostileString, weight: 1 },
);

const deviceLike: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...OBJECT_WORDS, 'Phones', 'Door', 'North door', ''), weight: 3 },
  { arbitrary: hostileShortString, weight: 1 },
);

const sectionLike: fc.Arbitrary<string> = fc.constantFrom(
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'toString',
  'Stalls',
  'Balcony',
  '',
  'Nowhere',
);

const momentLike = (world: FuzzWorld): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.integer({ min: -3_600_000, max: 60_000 }).map((delta) => world.now() + delta),
    fc.constantFrom(
      '2026-11-28T18:00',
      '2026-11-28',
      'yesterday',
      '',
      '  ',
      '2026-13-45T99:99',
      '+275760-09-13',
    ),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  );

const ticketLike = (world: FuzzWorld): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: pick(world.tickets, `${world.code}.abcdefghijklmnopq`), weight: 3 },
    {
      arbitrary: pick(world.tickets, `${world.code}.abcdefghijklmnopq`).map(
        (ticket) => `https://phones.example/t/${ticket}`,
      ),
      weight: 2,
    },
    {
      arbitrary: fc.constantFrom(
        `https://x.example/t/${world.code}.%E0%A4%A`,
        'https://x.example/t/%',
        `/t/${world.code}.abc%zz?x#y`,
        `/t/${world.code.toLowerCase()}.abcdefghijklmnopq`,
        `${world.code}.__proto__________________`,
        `OTHER1.abcdefghijklmnopqrstu`,
        '/t/',
      ),
      weight: 2,
    },
    { arbitrary: hostileString, weight: 1 },
  );

/** A setup file close to valid, with object words for ids, sections and names. */
export const setupLike: fc.Arbitrary<unknown> = fc
  .record({
    institutions: fc.array(
      fc.record(
        {
          id: field(fc.constantFrom(...ID_WORDS, 'stmarys', 'mosque')),
          name: field(
            fc.oneof(fc.constantFrom('Constructor', 'To String', "St Mary's", 'Null'), hostileShortString),
          ),
          section: field(sectionLike),
          committed: field(fc.integer({ min: 0, max: 100 })),
        },
        { requiredKeys: ['name'] },
      ),
      { maxLength: 5 },
    ),
    powerHolders: fc.array(
      fc.record({ id: field(fc.constantFrom(...ID_WORDS)), name: field(hostileShortString) }),
      { maxLength: 4 },
    ),
    asks: fc.array(
      fc.record({
        id: field(fc.constantFrom(...ID_WORDS)),
        title: field(fc.constantFrom('Homes', 'Wages')),
        wording: field(fc.constantFrom('Will you?', 'Will you meet us?')),
        targets: field(fc.uniqueArray(fc.constantFrom(...ID_WORDS), { maxLength: 3 })),
      }),
      { maxLength: 3 },
    ),
    agenda: fc.array(
      fc.record(
        {
          id: field(fc.constantFrom(...ID_WORDS)),
          kind: field(fc.constantFrom('welcome', 'ask', 'response', 'custom')),
          title: field(hostileShortString),
          minutes: field(fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constantFrom(0.001, 600))),
          ask: field(fc.constantFrom(...ID_WORDS, null)),
        },
        { requiredKeys: ['kind', 'title', 'minutes'] },
      ),
      { maxLength: 4 },
    ),
  })
  .map((setup) => setup as unknown);

/** Fields of each command, as plausible values (nested ones now and then hostile). */
function commandFields(world: FuzzWorld): Record<CommandType, Record<string, fc.Arbitrary<unknown>>> {
  const id = idLike;
  const checkInId = checkInIdLike;
  const text = textLike;
  const stewards = { sameAs: checkInIdLike, newPerson: fc.boolean() };
  const registrant = fc.record(
    {
      name: text,
      institutionId: field(fc.oneof(idLike, fc.constant(null))),
      email: field(fc.constantFrom('', 'g@example.org', 'G@EXAMPLE.ORG', '07700 900123', '__proto__@x')),
    },
    { requiredKeys: ['name'] },
  );
  return {
    goToItem: { itemId: id },
    nextItem: { fromItemId: fc.oneof(idLike, fc.constant(null)) },
    previousItem: { fromItemId: fc.oneof(idLike, fc.constant(null)) },
    startTimer: {},
    pauseTimer: {},
    resetTimer: {},
    adjustTimer: { deltaMs: fc.oneof(fc.integer({ min: -3_600_000, max: 3_600_000 }), hostileNumber) },
    setScene: { scene: fc.constantFrom(...SCENES) },
    showMessage: { text },
    clearMessage: {},
    undo: {},
    closeAssembly: {},
    reopenAssembly: {},
    startRehearsal: {},
    endRehearsal: {},
    submitEvaluation: {
      evaluationId: checkInId,
      name: text,
      worked: text,
      change: text,
      ratings: fc.record(
        {
          turnout: field(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constant(null), hostileNumber)),
          testimonies: field(fc.integer({ min: 1, max: 5 })),
          ask: field(fc.integer({ min: 1, max: 5 })),
          chairing: field(fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 5 }))),
        },
        { requiredKeys: [] },
      ),
    },
    updateDetails: {
      details: fc.record(
        {
          title: text,
          venue: text,
          startsAt: field(fc.oneof(momentLike(world), fc.constant(null))),
          endsAt: field(fc.oneof(momentLike(world), fc.constant(null))),
          timeZone: field(
            fc.constantFrom('', 'Europe/London', 'America/New_York', 'Mars/Olympus', '__proto__'),
          ),
        },
        { requiredKeys: ['title'] },
      ),
    },
    importSetup: { setup: setupLike },
    editSetup: {
      setup: setupLike,
      revision: fc.oneof(
        fc.constant(null).map(() => world.revision()),
        fc.integer({ min: 0, max: 5 }),
      ),
    },
    checkIn: {
      checkInId,
      name: text,
      institutionId: fc.oneof(idLike, fc.constant(null)),
      guestOf: text,
      contact: fc.constantFrom(
        '',
        'g@example.org',
        ' G@Example.org ',
        '+44 7700 900123',
        '07700900123',
        '12',
      ),
      consent: fc.boolean(),
      device: deviceLike,
      ...stewards,
    },
    checkInRegistrant: {
      checkInId,
      registrantId: fc.oneof(pick(world.registrantIds, 'r1'), idLike),
      device: deviceLike,
      ...stewards,
    },
    scanTicket: { checkInId, ticket: ticketLike(world), device: deviceLike, ...stewards },
    checkInOwnTicket: { checkInId, ticket: ticketLike(world) },
    undoCheckIn: { checkInId },
    mergeCheckIns: { keptId: checkInId, duplicateId: checkInId },
    undoPhoneCheckIns: { since: momentLike(world) },
    setHeadcount: {
      section: sectionLike,
      deviceId: checkInId,
      count: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constantFrom(LIMITS.headcount, -0, 0.5)),
    },
    markCalled: { institutionId: id, called: fc.boolean() },
    sortRollCall: { order: fc.constantFrom(...ROLL_CALL_ORDERS) },
    callNow: { institutionId: fc.oneof(idLike, fc.constant(null)) },
    cueSpeaker: { cue: fc.oneof(fc.constantFrom(...SPEAKER_CUES, 'wrap up', ''), fc.constant(null)) },
    setPhoneCheckIn: { open: fc.boolean() },
    recordResponse: {
      askId: id,
      powerHolderId: id,
      answer: fc.constantFrom(...ANSWERS),
      note: text,
    },
    startResponseTimer: { askId: id, powerHolderId: id },
    stopResponseTimer: {},
    addFollowUp: {
      askId: id,
      powerHolderId: id,
      status: fc.constantFrom(...FOLLOW_UP_STATUSES),
      note: text,
      link: fc.constantFrom('', 'https://news.example/a', 'javascript:alert(1)', 'http://x', 'ftp://x'),
      date: momentLike(world),
    },
    removeFollowUp: { followUpId: fc.oneof(pick(world.followUpIds, 'f1'), idLike) },
    addRegistrants: {
      registrants: fc.array(registrant, { minLength: 0, maxLength: 4 }),
    },
    updateRegistrant: {
      registrantId: fc.oneof(pick(world.registrantIds, 'r1'), idLike),
      name: text,
      institutionId: fc.oneof(idLike, fc.constant(null)),
      email: fc.constantFrom('', 'g@example.org', 'other@example.org'),
    },
    removeRegistrant: { registrantId: fc.oneof(pick(world.registrantIds, 'r1'), idLike) },
    setCardOptions: {
      options: fc.array(
        fc.record(
          {
            id: fc.constantFrom('c1', 'c2', 'c3', '__proto__', 'constructor', 'toString'),
            text,
            date: field(fc.oneof(momentLike(world), fc.constant(null))),
            owner: text,
            asksNumber: fc.boolean(),
          },
          { requiredKeys: ['text'] },
        ),
        { maxLength: 9 },
      ),
    },
    openCards: { open: fc.boolean() },
    submitCard: {
      cardId: checkInId,
      checkInId: fc.oneof(checkInId, fc.constant(null)),
      name: text,
      institutionId: fc.oneof(idLike, fc.constant(null)),
      contact: fc.constantFrom('', 'g@example.org', '07700900123'),
      consent: fc.boolean(),
      choices: fc.array(
        fc.record(
          {
            optionId: fc.constantFrom('c1', 'c2', 'c3', '__proto__', 'constructor', 'toString'),
            number: fc.oneof(fc.integer({ min: 0, max: 101 }), hostileNumber),
          },
          { requiredKeys: ['optionId'] },
        ),
        { maxLength: 4 },
      ),
    },
    withdrawCard: { cardId: checkInId },
  };
}

/** Keys a command should not have: own "__proto__", "constructor" and the like, or typos. */
const extraKeys = objectWithWords(hostileValue);

/** A command of this type: its fields plausible or hostile, some left out, a stray key or two. */
export function nearValidCommand(world: FuzzWorld, type: CommandType): fc.Arbitrary<unknown> {
  const plausible = commandFields(world)[type];
  const keys = Object.keys(plausible);
  const hostile = Object.fromEntries(keys.map((key) => [key, field(plausible[key]!)]));
  return fc
    .tuple(
      fc.oneof(
        // The whole command plausible: the rules are what is under test.
        fc.record(plausible),
        // Some fields hostile or missing: the schemas are.
        fc.record(hostile, { requiredKeys: keys.filter((_, i) => i % 3 !== 2) }),
      ),
      fc.oneof({ arbitrary: fc.constant(undefined), weight: 9 }, { arbitrary: extraKeys, weight: 1 }),
    )
    .map(([values, extra]) => {
      const command: Record<string, unknown> = { type };
      for (const [key, value] of Object.entries(values)) command[key] = value;
      if (extra)
        for (const key of Object.keys(extra))
          Object.defineProperty(command, key, {
            value: extra[key],
            enumerable: true,
            writable: true,
            configurable: true,
          });
      return command;
    });
}

/** Garbage: no command at all, a type that is not one, or a known type with random fields. */
export const garbageCommand: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileValue, weight: 3 },
  {
    arbitrary: fc
      .tuple(
        fc.oneof(fc.constantFrom(...COMMAND_TYPES), hostileValue),
        fc.dictionary(hostileShortString, hostileValue, { maxKeys: 5 }),
      )
      .map(([type, rest]) => ({ ...rest, type })),
    weight: 4,
  },
  { arbitrary: objectWithWords(hostileValue), weight: 1 },
  {
    arbitrary: fc.constantFrom(...COMMAND_TYPES).map((type) => ({ type: type.toUpperCase() })),
    weight: 1,
  },
);

/** Commands that end the night or replace the setup: now and then, or little else is tried. */
const RARE = new Set<CommandType>(['closeAssembly', 'importSetup', 'editSetup', 'endRehearsal']);

/** A command for the fuzz: mostly near-valid (of a type this role may send, often), sometimes garbage. */
export function anyCommand(
  world: FuzzWorld,
  types: readonly CommandType[] = COMMAND_TYPES,
): fc.Arbitrary<unknown> {
  const near = COMMAND_TYPES.map((type) => ({
    arbitrary: nearValidCommand(world, type),
    weight: !types.includes(type) ? 1 : RARE.has(type) ? 2 : 6,
  }));
  return fc.oneof({ arbitrary: fc.oneof(...near), weight: 5 }, { arbitrary: garbageCommand, weight: 1 });
}

/** The setup the fuzzed assembly starts from: ids and sections named like object properties. */
export const FUZZ_SETUP: SetupFileInput = {
  institutions: [
    { name: 'Constructor', section: '__proto__', committed: 10 },
    { id: 'toString', name: 'To String', section: 'constructor', committed: 5 },
    { id: 'valueOf', name: 'Value Of', section: 'hasOwnProperty', committed: 0 },
    { id: 'null', name: 'Null Street', section: '', committed: 3 },
    { id: 'stmarys', name: "St Mary's", section: 'Stalls', committed: 20 },
  ],
  powerHolders: [
    { id: 'constructor', name: 'Cllr Constructor' },
    { id: 'toString', name: 'Cllr Tostring' },
    { id: 'length', name: 'Cllr Length', attending: false },
    { id: 'hasOwnProperty', name: 'Cllr Own' },
  ],
  asks: [
    { id: 'constructor', title: 'Homes', wording: 'Will you?', targets: ['toString', 'length'] },
    { id: 'valueOf', title: 'Wages', wording: 'Will you?', targets: ['constructor', 'hasOwnProperty'] },
  ],
  agenda: [
    { id: 'welcome', kind: 'welcome', title: 'Welcome', minutes: 2 },
    { id: 'constructor', kind: 'ask', title: 'The ask', minutes: 5, ask: 'constructor' },
    { id: 'toString', kind: 'response', title: 'Answers', minutes: 5, ask: 'valueOf' },
    { id: 'close', kind: 'close', title: 'Close', minutes: 1 },
  ],
};
