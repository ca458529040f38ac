import { describe, expect, it } from 'vitest';
import { type AssemblyState, withCurrentShape } from '../../shared/domain/assembly';
import { decide } from '../../shared/domain/decide';
import { evolveAll } from '../../shared/domain/evolve';
import { emptyRegister, lookup, put, remove, valuesOf } from '../../shared/domain/register';
import { type BoardLine, layOutBoard, pageToShow, rollCallBoard } from '../../shared/domain/rollCall';
import { ticketFromScan } from '../../shared/domain/tickets';
import { headcountTotal, namedTotal } from '../../shared/domain/turnout';
import { entriesFor, stateFor } from '../../shared/domain/views';
import type { Command } from '../../shared/protocol/commands';
import { parseCommand } from '../../shared/protocol/commands';
import type { JournalEntry } from '../../shared/protocol/events';
import type { Role } from '../../shared/protocol/roles';
import { assembly, ctx, MIN, T0 } from './fixtures';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Runs commands as `actor`, throwing on a refusal: the state after them all. */
function run(state: AssemblyState, actor: Role, ...commands: Command[]): AssemblyState {
  let next = state;
  for (const [i, command] of commands.entries()) {
    const decision = decide(next, command, ctx(T0 + i * 1000, actor));
    if (!decision.ok) throw new Error(`${command.type}: ${decision.message}`);
    next = evolveAll(next, decision.events);
  }
  return next;
}

const checkIn = (n: number, extra: Partial<Extract<Command, { type: 'checkIn' }>> = {}): Command => ({
  type: 'checkIn',
  checkInId: uuid(n),
  name: `Person ${n}`,
  institutionId: 'stmarys',
  guestOf: '',
  contact: '',
  consent: false,
  device: 'North door',
  ...extra,
});

const withRegistrants = () =>
  run(assembly(), 'admin', {
    type: 'addRegistrants',
    registrants: [
      { name: 'Grace Obi', institutionId: 'stmarys', email: 'grace@example.org' },
      { name: 'Yusuf Ali', institutionId: 'mosque', email: '' },
    ],
  });

describe('checking in', () => {
  it('counts a check-in once however often it is sent', () => {
    let state = run(assembly(), 'door', checkIn(1));
    for (let retry = 0; retry < 4; retry++) {
      const decision = decide(state, checkIn(1, { name: 'Changed on retry' }), ctx(T0 + MIN, 'door'));
      expect(decision).toEqual({ ok: true, events: [] });
      state = evolveAll(state, decision.ok ? decision.events : []);
    }
    expect(state.turnout.byInstitution).toEqual({ stmarys: 1 });
    expect(state.turnout.byDevice).toEqual({ 'North door': 1 });
    expect(lookup(state.attendance.checkIns, uuid(1))).toMatchObject({ name: 'Person 1', method: 'walkIn' });
  });

  it('counts a phone as a self check-in, under Phones, whatever device it claims', () => {
    const state = run(assembly(), 'public', checkIn(1, { device: 'North door' }));
    expect(lookup(state.attendance.checkIns, uuid(1))).toMatchObject({ method: 'self', device: 'Phones' });
  });

  it('counts guests apart from institutions and keeps their organisation', () => {
    const state = run(assembly(), 'public', checkIn(1, { institutionId: null, guestOf: 'Local paper' }));
    expect(state.turnout).toMatchObject({ guests: 1, byInstitution: {} });
    expect(lookup(state.attendance.checkIns, uuid(1))?.guestOf).toBe('Local paper');
  });

  it('keeps contact details only with consent', () => {
    const state = run(
      assembly(),
      'public',
      checkIn(1, { contact: 'a@example.org', consent: false }),
      checkIn(2, { contact: 'b@example.org', consent: true }),
      checkIn(3, { contact: '', consent: true }),
    );
    expect(lookup(state.attendance.checkIns, uuid(1))).toMatchObject({ contact: '', consent: false });
    expect(lookup(state.attendance.checkIns, uuid(2))).toMatchObject({
      contact: 'b@example.org',
      consent: true,
    });
    expect(lookup(state.attendance.checkIns, uuid(3))).toMatchObject({ contact: '', consent: false });
  });

  it('refuses an institution the assembly does not have, changing nothing', () => {
    const decision = decide(assembly(), checkIn(1, { institutionId: 'nowhere' }), ctx(T0, 'public'));
    expect(decision).toMatchObject({ ok: false, code: 'unknown_institution' });
  });

  it.each([
    { name: '', problem: 'empty name' },
    { name: '   ', problem: 'blank name' },
    { name: 'x'.repeat(10_000), problem: '10,000-character name' },
  ])('refuses an $problem', ({ name }) => {
    expect(parseCommand({ ...checkIn(1), name })).toMatchObject({ ok: false, code: 'invalid_command' });
  });

  it('refuses a check-in id that is not a UUID', () => {
    expect(parseCommand({ ...checkIn(1), checkInId: 'one' })).toMatchObject({ ok: false });
  });

  it('keeps markup in a name as text', () => {
    const name = '<script>alert(1)</script>';
    const state = run(assembly(), 'public', checkIn(1, { name }));
    expect(lookup(state.attendance.checkIns, uuid(1))?.name).toBe(name);
  });

  it('undoes a check-in once, taking it off the counts', () => {
    let state = run(assembly(), 'door', checkIn(1), checkIn(2), { type: 'undoCheckIn', checkInId: uuid(1) });
    expect(state.turnout.byInstitution).toEqual({ stmarys: 1 });
    expect(decide(state, { type: 'undoCheckIn', checkInId: uuid(1) }, ctx(T0, 'door'))).toEqual({
      ok: true,
      events: [],
    });
    expect(decide(state, { type: 'undoCheckIn', checkInId: uuid(9) }, ctx(T0, 'door'))).toMatchObject({
      ok: false,
      code: 'unknown_check_in',
    });
    state = run(state, 'door', { type: 'undoCheckIn', checkInId: uuid(2) });
    expect(namedTotal(state.turnout)).toBe(0);
    expect(state.turnout.byDevice).toEqual({});
  });
});

describe('registrants and tickets', () => {
  it('gives each registrant a ticket for this assembly', () => {
    const state = withRegistrants();
    const [grace, yusuf] = state.attendance.registrants;
    expect(grace).toMatchObject({ id: 'r1', name: 'Grace Obi', institutionId: 'stmarys' });
    expect(grace!.ticket).toMatch(/^ABC234\./);
    expect(grace!.ticket).not.toBe(yusuf!.ticket);
  });

  it('checks a ticket holder in once, and says when they came in if scanned again', () => {
    let state = withRegistrants();
    const ticket = state.attendance.registrants[0]!.ticket;
    const scan = (n: number): Command => ({
      type: 'scanTicket',
      checkInId: uuid(n),
      ticket: `http://venue.example/t/${ticket}`,
      device: 'North door',
    });
    const first = decide(state, scan(1), ctx(T0, 'door'));
    state = evolveAll(state, first.ok ? first.events : []);
    expect(state.turnout.byInstitution).toEqual({ stmarys: 1 });
    expect(lookup(state.attendance.checkIns, uuid(1))).toMatchObject({
      method: 'ticket',
      registrantId: 'r1',
    });
    // The same scan retried: counted once, no complaint.
    expect(decide(state, scan(1), ctx(T0 + 5000, 'door'))).toEqual({ ok: true, events: [] });
    // A second scan of the same ticket: refused, with the time of the first.
    expect(decide(state, scan(2), ctx(T0 + MIN, 'door'))).toMatchObject({
      ok: false,
      code: 'already_checked_in',
      at: T0,
    });
    // Searching for the registrant at another door: the same.
    expect(
      decide(
        state,
        { type: 'checkInRegistrant', checkInId: uuid(3), registrantId: 'r1', device: '' },
        ctx(T0, 'door'),
      ),
    ).toMatchObject({ ok: false, code: 'already_checked_in' });
    // Undo the scan: the ticket works again.
    state = run(state, 'door', { type: 'undoCheckIn', checkInId: uuid(1) }, scan(4));
    expect(state.turnout.byInstitution).toEqual({ stmarys: 1 });
  });

  it.each([
    { ticket: 'nonsense', why: 'malformed' },
    { ticket: 'ABC234.AAAAAAAAAAAAAAAAAAAAAA', why: 'forged' },
    { ticket: 'XYZ789.AAAAAAAAAAAAAAAAAAAAAA', why: 'for another assembly' },
    { ticket: 'http://evil.example/t/<script>', why: 'markup' },
  ])('refuses a $why ticket', ({ ticket }) => {
    const decision = decide(
      withRegistrants(),
      { type: 'scanTicket', checkInId: uuid(1), ticket, device: '' },
      ctx(T0, 'door'),
    );
    expect(decision).toMatchObject({ ok: false, code: 'unknown_ticket' });
  });

  it('refuses registrants for an institution the assembly does not have', () => {
    const decision = decide(
      assembly(),
      { type: 'addRegistrants', registrants: [{ name: 'A', institutionId: 'nowhere', email: '' }] },
      ctx(),
    );
    expect(decision).toMatchObject({ ok: false, code: 'unknown_institution' });
  });

  it('reads a ticket from its link or bare', () => {
    expect(ticketFromScan('https://x.org/t/ABC234.abcdefghijklmnopqrstuv')).toBe(
      'ABC234.abcdefghijklmnopqrstuv',
    );
    expect(ticketFromScan(' ABC234.abcdefghijklmnopqrstuv ')).toBe('ABC234.abcdefghijklmnopqrstuv');
    expect(ticketFromScan('https://x.org/')).toBeNull();
  });
});

describe('headcount and roll call', () => {
  it('keeps each device’s tally absolute, so a retried tally counts once', () => {
    const a = uuid(101);
    const b = uuid(102);
    const state = run(
      assembly(),
      'door',
      { type: 'setHeadcount', section: 'Balcony', deviceId: a, count: 5 },
      { type: 'setHeadcount', section: 'Balcony', deviceId: b, count: 3 },
      { type: 'setHeadcount', section: 'Stalls', deviceId: a, count: 7 },
    );
    expect(decide(state, { type: 'setHeadcount', section: 'Balcony', deviceId: a, count: 5 }, ctx())).toEqual(
      {
        ok: true,
        events: [],
      },
    );
    expect(headcountTotal(state.turnout)).toBe(15);
    const down = run(state, 'door', { type: 'setHeadcount', section: 'Balcony', deviceId: a, count: 0 });
    expect(down.turnout.headcounts.Balcony).toEqual({ [b]: 3 });
  });

  it('marks institutions called and sorts the board by section or count', () => {
    const state = run(
      assembly(),
      'admin',
      checkIn(1, { institutionId: 'mosque' }),
      { type: 'markCalled', institutionId: 'stmarys', called: true },
      { type: 'sortRollCall', order: 'count' },
    );
    const byCount = rollCallBoard(state.institutions, state.turnout, state.live.rollCallOrder);
    expect(byCount.rows.map((r) => [r.institution.id, r.checkedIn, r.called])).toEqual([
      ['mosque', 1, false],
      ['stmarys', 0, true],
    ]);
    expect(byCount).toMatchObject({ total: 1, committed: 50 });
    const bySection = rollCallBoard(state.institutions, state.turnout, 'section');
    expect(bySection.rows.map((r) => r.institution.section)).toEqual(['Balcony', 'Stalls']);
    const uncalled = run(state, 'chair', { type: 'markCalled', institutionId: 'stmarys', called: false });
    expect(uncalled.turnout.called).toEqual({});
  });

  it('lays a long board out in columns and pages, never leaving a heading alone at a column’s foot', () => {
    const institutions = Array.from({ length: 70 }, (_, i) => ({
      id: `i${i}`,
      name: `Institution ${String(i).padStart(2, '0')}`,
      section: ['A', 'B', 'C', 'D'][Math.floor(i / 18)]!,
      committed: 10,
    }));
    const board = rollCallBoard(institutions, assembly().turnout, 'section');
    const pages = layOutBoard(board.rows, true, 16, 3);
    const columns = pages.flat();
    const rowsShown = columns
      .flat()
      .filter((line): line is Extract<BoardLine, { kind: 'row' }> => line.kind === 'row');
    expect(rowsShown.map((line) => line.row.institution.id)).toEqual(institutions.map((i) => i.id));
    for (const column of columns) {
      expect(column.length).toBeLessThanOrEqual(16);
      expect(column.at(-1)?.kind).toBe('row');
      // Every column starts by saying which section it is in.
      expect(column[0]).toMatchObject({ kind: 'section' });
    }
    expect(pages.length).toBe(2);
    expect(pages.every((page) => page.length <= 3)).toBe(true);
    // The chair just called one on page 2: the screens show page 2 for a while, then turn pages again.
    const called = { i69: T0 };
    expect(pageToShow(pages, called, T0 + 5_000, 12_000)).toBe(1);
    expect(pageToShow(pages, called, T0 + 60_000, 12_000)).toBe(Math.floor((T0 + 60_000) / 12_000) % 2);
  });
});

describe('who sees names', () => {
  const entry = (seq: number, command: Command, state: AssemblyState, actor: Role = 'door') => {
    const decision = decide(state, command, ctx(T0, actor));
    if (!decision.ok || decision.events.length !== 1) throw new Error('expected one event');
    return { seq, at: T0, actor, event: decision.events[0]! } satisfies JournalEntry;
  };

  it('the public state holds counts, never names, contacts or tickets', () => {
    const state = run(
      withRegistrants(),
      'public',
      checkIn(1, { name: 'Zebedee Quist', contact: 'zq@x.org', consent: true }),
    );
    const shown = JSON.stringify(stateFor('public', state));
    for (const secret of [
      'Zebedee',
      'zq@x.org',
      'Grace Obi',
      'grace@example.org',
      state.attendance.registrants[0]!.ticket,
    ])
      expect(shown).not.toContain(secret);
    expect(stateFor('public', state).turnout.byInstitution).toEqual({ stmarys: 1 });
  });

  it('door stewards see names but no contacts or ticket secrets', () => {
    const state = run(
      withRegistrants(),
      'public',
      checkIn(1, { name: 'Zebedee Quist', contact: 'zq@x.org', consent: true }),
    );
    const door = JSON.stringify(stateFor('door', state));
    expect(door).toContain('Zebedee Quist');
    expect(door).toContain('Grace Obi');
    expect(door).not.toContain('zq@x.org');
    expect(door).not.toContain('grace@example.org');
    expect(door).not.toContain(state.attendance.registrants[0]!.ticket);
  });

  it('the public gets one tally of absolute counts for a run of check-ins, in seq order', () => {
    let state = assembly();
    const entries: JournalEntry[] = [];
    const add = (command: Command, actor: Role = 'door') => {
      const e = entry(entries.length + 10, command, state, actor);
      entries.push(e);
      state = evolveAll(state, [e.event]);
    };
    add(checkIn(1, { name: 'Zebedee Quist' }));
    add(checkIn(2, { institutionId: 'mosque' }));
    add({ type: 'goToItem', itemId: 'story' }, 'chair');
    add(checkIn(3, { institutionId: null, guestOf: 'Press' }));
    add({ type: 'setHeadcount', section: 'Stalls', deviceId: uuid(9), count: 4 });
    add({ type: 'undoCheckIn', checkInId: uuid(2) });
    add({ type: 'showMessage', text: 'Welcome' }, 'chair');
    const projected = entriesFor('public', entries, state);
    expect(JSON.stringify(projected)).not.toContain('Zebedee');
    expect(projected.map((e) => [e.seq, e.event.type])).toEqual([
      [12, 'itemEntered'],
      [15, 'turnoutTallied'],
      [16, 'messageShown'],
    ]);
    expect(projected[1]!.event).toEqual({
      type: 'turnoutTallied',
      byInstitution: { stmarys: 1, mosque: 0 },
      guests: 1,
      byDevice: { 'North door': 2 },
      headcounts: { Stalls: { [uuid(9)]: 4 } },
    });
    // A public mirror that applies the projection ends with the same counts as the server.
    const mirror = evolveAll(
      stateFor('public', assembly()),
      projected.map((e) => e.event),
    );
    expect(mirror.turnout).toEqual(state.turnout);
  });
});

describe('the register', () => {
  it('adds, replaces, finds and removes by id, counting its size', () => {
    let register = emptyRegister<number>();
    for (let i = 0; i < 2000; i++) register = put(register, `id-${i}`, i);
    register = put(register, 'id-5', 55);
    expect(register.size).toBe(2000);
    expect(lookup(register, 'id-5')).toBe(55);
    expect(lookup(register, 'toString')).toBeUndefined();
    const smaller = remove(register, 'id-5');
    expect(smaller.size).toBe(1999);
    expect(lookup(smaller, 'id-5')).toBeUndefined();
    expect(lookup(register, 'id-5')).toBe(55);
    expect(remove(smaller, 'id-5')).toBe(smaller);
    expect(valuesOf(smaller)).toHaveLength(1999);
  });

  it('survives a trip through JSON (a snapshot, a cached mirror) with its unused buckets', () => {
    let register = emptyRegister<number>();
    for (let i = 0; i < 5; i++) register = put(register, `id-${i}`, i);
    const restored = JSON.parse(JSON.stringify(register)) as typeof register;
    expect(restored.buckets).toContain(null);
    expect(lookup(restored, 'id-3')).toBe(3);
    expect(lookup(restored, 'id-9')).toBeUndefined();
    const grown = put(restored, 'id-9', 9);
    expect(valuesOf(grown).sort()).toEqual([0, 1, 2, 3, 4, 9]);
    expect(JSON.stringify(emptyRegister())).toBe('{"size":0,"buckets":[]}');
  });
});

describe('a snapshot saved before turnout existed', () => {
  it('loads with empty turnout and takes check-ins', () => {
    const { turnout: _t, attendance: _a, ...old } = assembly();
    const oldLive = { ...old.live } as Partial<AssemblyState['live']>;
    delete oldLive.rollCallOrder;
    const upgraded = withCurrentShape({ ...old, live: oldLive } as unknown as AssemblyState);
    expect(upgraded.live.rollCallOrder).toBe('section');
    const state = run(upgraded, 'public', checkIn(1));
    expect(state.turnout.byInstitution).toEqual({ stmarys: 1 });
  });
});

describe('misuse and mistakes', () => {
  it('lets the chair close check-in on phones while the door carries on', () => {
    const closed = run(assembly(), 'chair', { type: 'setPhoneCheckIn', open: false });
    expect(decide(closed, checkIn(1), ctx(T0, 'public'))).toMatchObject({
      ok: false,
      code: 'phone_check_in_closed',
    });
    expect(decide(closed, checkIn(1), ctx(T0, 'door'))).toMatchObject({ ok: true });
    const reopened = run(run(closed, 'chair', { type: 'setPhoneCheckIn', open: true }), 'public', checkIn(2));
    expect(reopened.turnout.byDevice).toEqual({ Phones: 1 });
  });

  it('caps phone check-ins apart from the door, so a flood from phones cannot lock the door out', () => {
    const flooded = assembly();
    flooded.turnout = { ...flooded.turnout, byDevice: { Phones: 20_000 } };
    expect(decide(flooded, checkIn(1), ctx(T0, 'public'))).toMatchObject({ ok: false, code: 'turnout_full' });
    expect(decide(flooded, checkIn(1), ctx(T0, 'door'))).toMatchObject({ ok: true });
  });

  it('counts heads only in the assembly’s own sections', () => {
    const decision = decide(
      assembly(),
      { type: 'setHeadcount', section: '__proto__', deviceId: uuid(1), count: 3 },
      ctx(T0, 'door'),
    );
    expect(decision).toMatchObject({ ok: false, code: 'unknown_section' });
  });

  it('does not give anyone a second ticket when the same list is imported again', () => {
    const twice = run(withRegistrants(), 'admin', {
      type: 'addRegistrants',
      registrants: [
        { name: 'grace obi', institutionId: 'stmarys', email: 'GRACE@example.org' },
        { name: 'New Person', institutionId: null, email: '' },
        { name: 'New Person', institutionId: null, email: '' },
      ],
    });
    expect(twice.attendance.registrants.map((r) => r.name)).toEqual(['Grace Obi', 'Yusuf Ali', 'New Person']);
  });

  it('strips invisible characters, so a name cannot look empty or read backwards', () => {
    expect(parseCommand({ ...checkIn(1), name: '\u200B\u200B' })).toMatchObject({ ok: false });
    expect(parseCommand({ ...checkIn(1), name: 'Ann\u202Eeb\u0000' })).toMatchObject({
      ok: true,
      command: { name: 'Anneb' },
    });
  });
});
