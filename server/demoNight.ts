import { createHash } from 'node:crypto';
import { valuesOf } from '../shared/domain/register';
import type { CommandInput } from '../shared/protocol/commands';
import type { Role } from '../shared/protocol/roles';
import type { AssemblyHost, CreatedAssembly } from './assemblies/assemblyHost';
import type { AssemblyRoom } from './assemblies/assemblyRoom';
import { createDemoAssembly } from './demo';

// A whole night for the demo assembly, so the evaluation page has a realistic picture: the
// rehearsal the day before, people arriving by phone, ticket, door search and walk-in at two
// doors, the agenda run late with overruns, a pause, a mistaken press undone and an item
// revisited, answers pressed from waffle into yes, the close and the core team's evaluations.
// It runs through the host's real commands on a clock it sets, so every rule applies.

/** The host's clock: the demo night sets it to the night's moments, then lets it run free. */
export interface NightClock {
  now: () => number;
  set: (at: number | null) => void;
}

export function nightClock(): NightClock {
  let fixed: number | null = null;
  return {
    now: () => fixed ?? Date.now(),
    set: (at) => {
      fixed = at;
    },
  };
}

const MINUTE = 60_000;

const FIRST = [
  'Grace',
  'Yusuf',
  'Amina',
  'Tom',
  'Marek',
  'Priya',
  'Joseph',
  'Fatima',
  'Olu',
  'Sian',
  'Dev',
  'Rosa',
  'Kofi',
  'Hannah',
  'Bilal',
  'Ewa',
  'Chidi',
  'Niamh',
  'Sam',
  'Leah',
];
const LAST = [
  'Mensah',
  'Ali',
  'Hassan',
  'Price',
  'Nowak',
  'Shah',
  'Okoro',
  'Begum',
  'Adeyemi',
  'Jones',
  'Patel',
  'Garcia',
  'Boateng',
  'Cohen',
  'Khan',
  'Kowalska',
  'Eze',
  'Byrne',
  'Taylor',
  'Levi',
];

/** The n-th of the night's people: no two alike, so nobody is taken for someone else. */
const personName = (n: number): string =>
  `${FIRST[n % FIRST.length]} ${n >= 400 ? `${String.fromCharCode(65 + Math.floor(n / 400))}. ` : ''}${LAST[Math.floor(n / FIRST.length) % LAST.length]}`;

/** A number in [0, 1) from a word: the same night every time. */
const chance = (word: string): number => createHash('sha256').update(word).digest().readUInt32BE(0) / 2 ** 32;
/** A version 4 UUID from a word, so a replayed night's ids are the same. */
function uuidOf(word: string): string {
  const h = createHash('sha256').update(word).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Share of each institution's commitment that came (demo-assembly.json's order). */
const TURNOUT_SHARE = [1.15, 0.9, 1.2, 0.7, 1.05, 0.6, 1, 0.55, 0.95, 1.1, 1.3, 0.8];

export interface DemoNight extends CreatedAssembly {
  startsAt: number;
}

/**
 * The demo assembly and its night, already over: it began at 19:00 (the host's time zone)
 * the day before `now`, and was rehearsed the afternoon before that.
 */
export async function playDemoNight(
  host: AssemblyHost,
  clock: NightClock,
  now = Date.now(),
): Promise<DemoNight> {
  const evening = new Date(now - 24 * 60 * MINUTE);
  evening.setHours(19, 0, 0, 0);
  const startsAt = evening.getTime();
  try {
    clock.set(startsAt - 30 * 60 * MINUTE);
    const created = await createDemoAssembly(host, startsAt - 1);
    const room = await host.room(created.code);
    if (!room) throw new Error('demo assembly vanished');
    const run = async (at: number, role: Role, command: CommandInput) => {
      clock.set(at);
      const reply = await host.execute(room, role, command, { address: `demo-${role}` });
      if (!reply.ok) throw new Error(`demo night: ${command.type} refused: ${reply.message}`);
    };
    await rehearse(run, startsAt - 26 * 60 * MINUTE);
    await registerMore(room, run, startsAt - 25 * 60 * MINUTE);
    await run(startsAt - 25 * 60 * MINUTE, 'admin', {
      type: 'setCardOptions',
      options: [
        { text: 'Join the housing team', owner: 'Housing team: Grace Mensah' },
        { text: 'Come to the follow-up', date: startsAt + 40 * 24 * 60 * MINUTE, owner: 'Lead organiser' },
        { text: 'Bring people next time', asksNumber: true },
        { text: 'Host a house meeting', owner: 'Listening campaign' },
      ],
    });
    await arrive(room, run, startsAt);
    await runTheAgenda(room, run, startsAt);
    return { ...created, startsAt };
  } finally {
    clock.set(null);
  }
}

type Run = (at: number, role: Role, command: CommandInput) => Promise<void>;

/** The afternoon before: the chair runs the first items, a steward practises, an answer is tried. */
async function rehearse(run: Run, at: number): Promise<void> {
  await run(at, 'chair', { type: 'startRehearsal' });
  await run(at + MINUTE, 'chair', { type: 'nextItem', fromItemId: null });
  await run(at + MINUTE, 'chair', { type: 'startTimer' });
  for (let n = 0; n < 6; n++)
    await run(at + (2 + n) * MINUTE, 'door', {
      type: 'checkIn',
      checkInId: uuidOf(`rehearsal ${n}`),
      name: `Practice ${n + 1}`,
      institutionId: 'st-marys',
      device: 'North door',
    });
  await run(at + 9 * MINUTE, 'chair', {
    type: 'recordResponse',
    askId: 'living-wage',
    powerHolderId: 'mayor',
    answer: 'no',
  });
  await run(at + 40 * MINUTE, 'chair', { type: 'endRehearsal' });
}

/** More registrants than the demo's few, so the doors have tickets to scan and names to find. */
async function registerMore(room: AssemblyRoom, run: Run, at: number): Promise<void> {
  const institutions = room.committed.institutions;
  const registrants = Array.from({ length: 150 }, (_, n) => ({
    name: personName(n),
    institutionId: institutions[n % institutions.length]!.id,
    email: '',
  }));
  await run(at, 'admin', { type: 'addRegistrants', registrants });
}

/** People arriving from half an hour before the start, most in the ten minutes either side of it. */
async function arrive(room: AssemblyRoom, run: Run, startsAt: number): Promise<void> {
  const institutions = room.committed.institutions;
  const waiting = room.committed.attendance.registrants.slice();
  const people: { at: number; institutionId: string; n: number }[] = [];
  institutions.forEach((institution, index) => {
    const count = Math.round(institution.committed * (TURNOUT_SHARE[index] ?? 1));
    for (let n = 0; n < count; n++) {
      // Two chances averaged: a hump around the start, a tail of late arrivals.
      const spread = (chance(`${institution.id} ${n} a`) + chance(`${institution.id} ${n} b`)) / 2;
      people.push({
        at: startsAt + Math.round((spread * 50 - 28) * MINUTE),
        institutionId: institution.id,
        n,
      });
    }
  });
  people.sort((a, b) => a.at - b.at);
  let doorCount = 0;
  // Registrants have the first names; everyone else the ones after them.
  let nextName = 200;
  for (const person of people) {
    const word = `${person.institutionId} ${person.n}`;
    const way = chance(`${word} way`);
    const door = chance(`${word} door`) < 0.6 ? 'North door' : 'South door';
    const registrantIndex = waiting.findIndex((r) => r.institutionId === person.institutionId);
    const checkInId = uuidOf(word);
    if (way < 0.3 && registrantIndex >= 0) {
      const [registrant] = waiting.splice(registrantIndex, 1);
      await run(
        person.at,
        'door',
        way < 0.2
          ? { type: 'scanTicket', checkInId, ticket: registrant!.ticket, device: door, newPerson: true }
          : {
              type: 'checkInRegistrant',
              checkInId,
              registrantId: registrant!.id,
              device: door,
              newPerson: true,
            },
      );
    } else if (way < 0.75) {
      const name = personName(nextName++);
      await run(person.at, 'public', {
        type: 'checkIn',
        checkInId,
        name,
        institutionId: person.institutionId,
      });
    } else {
      const name = personName(nextName++);
      await run(person.at, 'door', {
        type: 'checkIn',
        checkInId,
        name,
        institutionId: person.institutionId,
        device: door,
        newPerson: true,
      });
    }
    doorCount++;
    // A steward's slip, taken back a moment later.
    if (doorCount === 40) await run(person.at + 20_000, 'door', { type: 'undoCheckIn', checkInId });
  }
  // A few guests, and the headcount by section (sign-ins always under-count).
  for (let n = 0; n < 9; n++)
    await run(startsAt + (n - 12) * MINUTE, 'door', {
      type: 'checkIn',
      checkInId: uuidOf(`guest ${n}`),
      name: personName(600 + n),
      newPerson: true,
      institutionId: null,
      device: 'South door',
    });
  const sections = { A: 118, B: 98, C: 62, D: 105 };
  for (const [section, count] of Object.entries(sections)) {
    await run(startsAt + 22 * MINUTE, 'door', {
      type: 'setHeadcount',
      section,
      deviceId: uuidOf(`clicker ${section} 1`),
      count: Math.round(count * 0.55),
    });
    await run(startsAt + 23 * MINUTE, 'door', {
      type: 'setHeadcount',
      section,
      deviceId: uuidOf(`clicker ${section} 2`),
      count: Math.round(count * 0.45),
    });
  }
}

/** The night itself: started four minutes late, overruns, a pause, an undo, a revisit, the answers. */
async function runTheAgenda(room: AssemblyRoom, run: Run, startsAt: number): Promise<void> {
  const ids = room.committed.agenda.map((item) => item.id);
  let t = startsAt + 4 * MINUTE;
  const chair = async (after: number, command: CommandInput) => {
    t += after;
    await run(t, 'chair', command);
  };
  const next = async (after: number) => {
    await chair(after, { type: 'nextItem', fromItemId: room.committed.live.currentItemId });
    await chair(0, { type: 'startTimer' });
  };
  const answer = async (
    askId: string,
    powerHolderId: string,
    takesMs: number,
    answers: [string, string][],
  ) => {
    await chair(20_000, { type: 'startResponseTimer', askId, powerHolderId });
    for (const [index, [given, note]] of answers.entries())
      await chair(index === 0 ? takesMs : 25_000, {
        type: 'recordResponse',
        askId,
        powerHolderId,
        answer: given as 'yes',
        note,
      });
  };
  await next(0); // Welcome, 5 min planned.
  await next(7 * MINUTE); // Roll call, 10 planned.
  for (const [n, id] of ['st-marys', 'al-noor', 'riverside-primary', 'oakfield-academy'].entries())
    await chair(n === 0 ? MINUTE : 2 * MINUTE, { type: 'callNow', institutionId: id });
  await next(8 * MINUTE); // Testimony: working two jobs, 4 planned.
  await chair(2 * MINUTE, { type: 'pauseTimer' }); // The microphone fails.
  await chair(90_000, { type: 'startTimer' });
  await chair(MINUTE, { type: 'adjustTimer', deltaMs: 60_000 });
  await next(2.5 * MINUTE); // The ask: Real Living Wage, 3 planned.
  // A double press: the responses come up too soon, and the chair takes it back.
  await chair(10_000, { type: 'nextItem', fromItemId: ids[3]! });
  await chair(5_000, { type: 'undo' });
  await next(3.5 * MINUTE); // Responses: Real Living Wage, 6 planned.
  await answer('living-wage', 'mayor', 50_000, [['yes', 'Yes, in my first year']]);
  await answer('living-wage', 'candidate-b', 75_000, [
    ['waffle', 'We will look at it'],
    ['yes', 'Yes, within 12 months'],
  ]);
  // Back to the ask for a moment, so the room hears the wording again.
  await chair(2 * MINUTE, { type: 'goToItem', itemId: ids[3]! });
  await chair(0, { type: 'startTimer' });
  await chair(MINUTE, { type: 'goToItem', itemId: ids[5]! }); // Testimony: a family in one room.
  await chair(0, { type: 'startTimer' });
  await next(4 * MINUTE); // The ask: safe and affordable homes.
  await next(3 * MINUTE); // Responses: safe and affordable homes.
  await answer('safe-housing', 'mayor', 40_000, [['yes', 'I will meet you within 60 days']]);
  await answer('safe-housing', 'candidate-b', 65_000, [['yes', '']]);
  await chair(5_000, { type: 'undo' }); // The wrong button: it was a no.
  await chair(5_000, {
    type: 'recordResponse',
    askId: 'safe-housing',
    powerHolderId: 'candidate-b',
    answer: 'no',
    note: 'Cannot commit to 500 homes',
  });
  await next(3 * MINUTE); // The ask: mental health in schools.
  await chair(MINUTE, {
    type: 'recordResponse',
    askId: 'mental-health',
    powerHolderId: 'hospital-ceo',
    answer: 'absent',
  });
  await answer('mental-health', 'mayor', 55_000, [['waffle', 'I will raise it with the Trust']]);
  await next(2 * MINUTE); // One-to-ones, 10 planned.
  await next(8 * MINUTE); // Close, 6 planned.
  await fillCards(room, run, t);
  await chair(6.5 * MINUTE, { type: 'closeAssembly' });
  await evaluate(run, t + 20 * MINUTE);
}

/** At the close: the chair opens the card, a third of the phones fill it, stewards type in paper ones. */
async function fillCards(room: AssemblyRoom, run: Run, at: number): Promise<void> {
  await run(at + 30_000, 'chair', { type: 'openCards', open: true });
  const phones = valuesOf(room.committed.attendance.checkIns).filter(
    (c) => c.method === 'self' && c.undoneAt === null,
  );
  let n = 0;
  for (const checkIn of phones) {
    if (chance(`${checkIn.id} card`) > 0.35) continue;
    n++;
    await run(at + MINUTE + n * 2_000, 'public', {
      type: 'submitCard',
      cardId: uuidOf(`card ${checkIn.id}`),
      checkInId: checkIn.id,
      consent: chance(`${checkIn.id} consent`) < 0.7,
      choices: cardChoices(checkIn.id),
    });
  }
  for (let paper = 0; paper < 8; paper++)
    await run(at + 4 * MINUTE + paper * 10_000, 'door', {
      type: 'submitCard',
      cardId: uuidOf(`paper card ${paper}`),
      name: personName(700 + paper),
      institutionId: room.committed.institutions[paper % room.committed.institutions.length]!.id,
      choices: cardChoices(`paper ${paper}`),
    });
}

/** What one person ticks: the follow-up most often, a team now and then, people to bring. */
function cardChoices(word: string): { optionId: string; number?: number }[] {
  const choices: { optionId: string; number?: number }[] = [];
  if (chance(`${word} c1`) < 0.3) choices.push({ optionId: 'c1' });
  if (chance(`${word} c2`) < 0.7) choices.push({ optionId: 'c2' });
  if (chance(`${word} c3`) < 0.4)
    choices.push({ optionId: 'c3', number: 1 + Math.floor(chance(`${word} n`) * 4) });
  if (chance(`${word} c4`) < 0.12) choices.push({ optionId: 'c4' });
  return choices.length > 0 ? choices : [{ optionId: 'c2' }];
}

/** The core team in the vestry straight after. */
async function evaluate(run: Run, at: number): Promise<void> {
  const team: [string, string, string, [number, number, number, number]][] = [
    [
      'Amina Hassan',
      'The roll call lifted the room; both candidates said yes on the living wage.',
      'Start on time: the welcome ran long and the roll call overran.',
      [4, 5, 4, 3],
    ],
    [
      'Revd Tom Price',
      'Grace’s testimony. The door team coped with the rush at seven.',
      'A spare microphone on stage. Press harder on the housing no.',
      [4, 5, 3, 4],
    ],
    [
      'Yusuf Ali',
      'Turnout from the tenants and the primary school.',
      'Oakfield and the college were well short: one-to-ones with their leaders this month.',
      [3, 4, 4, 4],
    ],
  ];
  for (const [n, [name, worked, change, [turnout, testimonies, ask, chairing]]] of team.entries())
    await run(at + n * 4 * MINUTE, 'admin', {
      type: 'submitEvaluation',
      evaluationId: uuidOf(`evaluation ${n}`),
      name,
      worked,
      change,
      ratings: { turnout, testimonies, ask, chairing } as never,
    });
}
