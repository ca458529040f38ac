import { describe, expect, it } from 'vitest';
import { undoWhat } from '../../client/src/screens/chair/undoLabel';
import { attendeesCsv, registrantsCsv, responsesCsv, turnoutCsv } from '../../server/http/exports';
import type { AssemblyState } from '../../shared/domain/assembly';
import { decide } from '../../shared/domain/decide';
import { evolveAll } from '../../shared/domain/evolve';
import { nextAssemblySetup } from '../../shared/domain/nextAssembly';
import { commitmentsBoard, currentAnswer, historyOf } from '../../shared/domain/responses';
import { rollCallBoard } from '../../shared/domain/rollCall';
import { ticketFromScan } from '../../shared/domain/tickets';
import { headcountTotal, namedTotal, sectionHeadcount } from '../../shared/domain/turnout';
import { entriesFor, stateFor } from '../../shared/domain/views';
import { type CommandInput, parseCommand } from '../../shared/protocol/commands';
import type { JournalEntry } from '../../shared/protocol/events';
import type { Role } from '../../shared/protocol/roles';
import type { SetupFileInput } from '../../shared/protocol/setup';
import { ctx, T0 } from './fixtures';

// Ids and labels are keys of plain objects in the state (JSON for the clients): an id
// spelled like a property every object has ("constructor", "toString", "__proto__") must be
// an id like any other, never that property.

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const OBJECT_WORDS = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'length', '__proto__'];

/** Runs commands as the server does (parsed, decided, evolved), throwing on a refusal. */
function run(state: AssemblyState, actor: Role, ...inputs: CommandInput[]): AssemblyState {
  let next = state;
  for (const [i, input] of inputs.entries()) {
    const parsed = parseCommand(input);
    if (!parsed.ok) throw new Error(`${input.type}: ${parsed.message}`);
    const decision = decide(next, parsed.command, ctx(T0 + i * 1000, actor));
    if (!decision.ok) throw new Error(`${input.type}: ${decision.code} ${decision.message}`);
    next = evolveAll(next, decision.events);
  }
  return next;
}

const created = (): AssemblyState =>
  evolveAll({} as AssemblyState, [
    { type: 'assemblyCreated', code: 'ABC234', title: 'Test', venue: '', startsAt: null, endsAt: null },
  ]);

/** A setup whose ids are the names of Object.prototype's properties, given or made from names. */
const hostileSetup: SetupFileInput = {
  institutions: [
    // Ids made from names: "constructor", "to-string".
    { name: 'Constructor', section: '__proto__', committed: 10 },
    { id: 'toString', name: 'To String', section: 'constructor', committed: 5 },
    { id: 'valueOf', name: 'Value Of', section: 'hasOwnProperty', committed: 0 },
    { id: 'null', name: 'Null Street', section: 'toString', committed: 3 },
  ],
  powerHolders: [
    { id: 'constructor', name: 'Cllr Constructor' },
    { id: 'toString', name: 'Cllr Tostring' },
    { id: 'length', name: 'Cllr Length' },
    { id: 'hasOwnProperty', name: 'Cllr Own' },
  ],
  asks: [
    { id: 'constructor', title: 'Homes', wording: 'Will you?', targets: ['toString', 'length'] },
    { id: 'valueOf', title: 'Wages', wording: 'Will you?', targets: ['constructor', 'hasOwnProperty'] },
  ],
  agenda: [
    { id: 'constructor', kind: 'ask', title: 'The ask', minutes: 5, ask: 'constructor' },
    { id: 'toString', kind: 'response', title: 'Answers', minutes: 5, ask: 'valueOf' },
  ],
};

const withHostileSetup = () => run(created(), 'admin', { type: 'importSetup', setup: hostileSetup });

describe('ids named like object properties', () => {
  it('an institution named "Constructor" gets the id constructor, and counts its people', () => {
    const state = run(withHostileSetup(), 'door', {
      type: 'checkIn',
      checkInId: uuid(1),
      name: 'Grace',
      institutionId: 'constructor',
    });
    expect(state.institutions.map((i) => i.id)).toEqual(['constructor', 'toString', 'valueOf', 'null']);
    expect(state.turnout.byInstitution).toEqual({ constructor: 1 });
    const board = rollCallBoard(state.institutions, state.turnout, 'section');
    const rows = Object.fromEntries(board.rows.map((row) => [row.institution.id, row.checkedIn]));
    expect(rows).toEqual({ constructor: 1, toString: 0, valueOf: 0, null: 0 });
    expect(board.rows.every((row) => Number.isFinite(row.share))).toBe(true);
  });

  it('answers to asks and power-holders with such ids are recorded, shown, undone and exported', () => {
    let state = run(
      withHostileSetup(),
      'chair',
      { type: 'recordResponse', askId: 'constructor', powerHolderId: 'toString', answer: 'yes' },
      {
        type: 'recordResponse',
        askId: 'constructor',
        powerHolderId: 'length',
        answer: 'waffle',
        note: 'maybe',
      },
      { type: 'recordResponse', askId: 'valueOf', powerHolderId: 'hasOwnProperty', answer: 'no' },
      { type: 'startResponseTimer', askId: 'valueOf', powerHolderId: 'constructor' },
    );
    expect(currentAnswer(state.responses, 'constructor', 'toString')?.answer).toBe('yes');
    expect(currentAnswer(state.responses, 'valueOf', 'constructor')).toBeNull();
    expect(historyOf(state.responses, 'toString', 'constructor')).toEqual([]);
    expect(undoWhat(state)).toBe('answer clock for Cllr Constructor');
    const board = commitmentsBoard(state.asks, state.powerHolders, state.responses);
    expect(board.cells.flat().map((cell) => cell.response?.answer ?? null)).toEqual([
      null,
      'yes',
      'waffle',
      null,
      null,
      null,
      null,
      'no',
    ]);
    const csv = responsesCsv(state);
    expect(csv).toContain('constructor,Homes,Cllr Tostring,,,yes');
    expect(csv).toContain('Cllr Length,,,waffle,maybe');
    expect(csv).toContain('Cllr Constructor,,,no answer yet');
    expect(nextAssemblySetup(state).asks.map((a) => [a.id, a.targets])).toEqual([
      ['constructor', ['toString']],
    ]);
    state = run(state, 'chair', { type: 'undo' }, { type: 'undo' });
    expect(currentAnswer(state.responses, 'valueOf', 'hasOwnProperty')).toBeNull();
  });

  it('turnout.csv and the roll call of such institutions and sections work', () => {
    const state = run(
      withHostileSetup(),
      'door',
      { type: 'checkIn', checkInId: uuid(1), name: 'Grace', institutionId: 'toString' },
      { type: 'setHeadcount', section: '__proto__', deviceId: uuid(2), count: 4 },
      { type: 'setHeadcount', section: 'constructor', deviceId: uuid(3), count: 2 },
    );
    const marked = run(state, 'chair', { type: 'markCalled', institutionId: 'valueOf', called: true });
    expect(sectionHeadcount(marked.turnout, '__proto__')).toBe(4);
    expect(sectionHeadcount(marked.turnout, 'toString')).toBe(0);
    expect(headcountTotal(marked.turnout)).toBe(6);
    expect(namedTotal(marked.turnout)).toBe(1);
    const csv = turnoutCsv(marked);
    expect(csv).toContain('institution,To String,constructor,5,0,1,20%');
    expect(csv).toContain('section,__proto__,__proto__,10,0,0,0%,4');
    expect(csv).toContain('section,toString,toString,3,0,0,0%,0');
    expect(() => attendeesCsv(marked)).not.toThrow();
    expect(() => registrantsCsv(marked, 'http://x')).not.toThrow();
  });

  it('a headcount for a section named like an object property stays that section’s', () => {
    let state = withHostileSetup();
    for (const [i, section] of ['__proto__', 'constructor', 'hasOwnProperty', 'toString'].entries()) {
      state = run(state, 'door', { type: 'setHeadcount', section, deviceId: uuid(i + 10), count: 3 });
      // The same count again is nothing new.
      const again = parseCommand({ type: 'setHeadcount', section, deviceId: uuid(i + 10), count: 3 });
      expect(again.ok && decide(state, again.command, ctx(T0, 'door'))).toEqual({ ok: true, events: [] });
    }
    expect(headcountTotal(state.turnout)).toBe(12);
    expect(JSON.parse(JSON.stringify(state.turnout.headcounts))).toEqual(state.turnout.headcounts);
  });

  it.each(OBJECT_WORDS)('a door labelled %s counts who it checks in', (device) => {
    const state = run(
      withHostileSetup(),
      'door',
      { type: 'checkIn', checkInId: uuid(1), name: 'Grace', institutionId: 'constructor', device },
      { type: 'checkIn', checkInId: uuid(2), name: 'Yusuf', institutionId: null, device },
    );
    expect(Object.keys(state.turnout.byDevice)).toEqual([device]);
    expect(Object.hasOwn(state.turnout.byDevice, device) && state.turnout.byDevice[device]).toBe(2);
    // The public hears the count, and a client mirroring it (JSON) agrees with the server.
    const entries: JournalEntry[] = [
      { seq: 3, at: T0, actor: 'door', event: { type: 'phoneCheckInSet', open: true } },
    ];
    expect(() => entriesFor('public', entries, state)).not.toThrow();
    expect(JSON.parse(JSON.stringify(stateFor('public', state))).turnout.byDevice).toEqual({ [device]: 2 });
    const undone = run(
      state,
      'door',
      { type: 'undoCheckIn', checkInId: uuid(1) },
      { type: 'undoCheckIn', checkInId: uuid(2) },
    );
    expect(undone.turnout.byDevice).toEqual({});
  });

  it('a registrant of an institution with the id "null" is not taken for a guest of the same name', () => {
    const state = run(withHostileSetup(), 'admin', {
      type: 'addRegistrants',
      registrants: [
        { name: 'Grace Obi', institutionId: 'null', email: 'g@example.org' },
        { name: 'Grace Obi', institutionId: null, email: 'g@example.org' },
      ],
    });
    expect(state.attendance.registrants.map((r) => r.institutionId)).toEqual(['null', null]);
  });
});

describe('a scanned ticket with a broken % escape', () => {
  it.each(['https://x.example/t/ABC234.%E0%A4%A', 'https://x.example/t/%', '/t/ABC234.abc%zz'])(
    '%s is no ticket, not an error',
    (scanned) => {
      expect(ticketFromScan(scanned)).toBeNull();
      const parsed = parseCommand({ type: 'scanTicket', checkInId: uuid(1), ticket: scanned });
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(decide(withHostileSetup(), parsed.command, ctx(T0, 'door'))).toMatchObject({
        ok: false,
        code: 'unknown_ticket',
      });
      const own = parseCommand({ type: 'checkInOwnTicket', checkInId: uuid(1), ticket: scanned });
      expect(own.ok && decide(withHostileSetup(), own.command, ctx(T0, 'public'))).toMatchObject({
        ok: false,
        code: 'unknown_ticket',
      });
    },
  );
});

describe('follow-up ids', () => {
  it('stay unique when one is removed and another added in the same millisecond', () => {
    const followUp = {
      type: 'addFollowUp',
      askId: 'constructor',
      powerHolderId: 'toString',
      status: 'progress',
      date: T0,
    } as const;
    let state = withHostileSetup();
    for (const input of [followUp, followUp, null, followUp]) {
      const command = input ?? { type: 'removeFollowUp', followUpId: state.followUps[0]!.id };
      const parsed = parseCommand(command);
      if (!parsed.ok) throw new Error(parsed.message);
      const decision = decide(state, parsed.command, ctx(T0, 'admin'));
      if (!decision.ok) throw new Error(decision.message);
      state = evolveAll(state, decision.events);
    }
    const ids = state.followUps.map((f) => f.id);
    expect(new Set(ids).size).toBe(2);
  });
});

describe('a door named like the phones', () => {
  it('is a door of its own: its check-ins are not counted as phones’', () => {
    const state = run(withHostileSetup(), 'door', {
      type: 'checkIn',
      checkInId: uuid(901),
      name: 'Grace Obi',
      institutionId: 'toString',
      device: 'phones',
    });
    expect(state.turnout.byDevice).toEqual({ 'phones (door)': 1 });
  });
});
