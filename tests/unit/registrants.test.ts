import { describe, expect, it } from 'vitest';
import { type AssemblyState, withCurrentShape } from '../../shared/domain/assembly';
import { decide } from '../../shared/domain/decide';
import { evolveAll } from '../../shared/domain/evolve';
import { lookup } from '../../shared/domain/register';
import { entriesFor, stateFor } from '../../shared/domain/views';
import { type Command, mayRun, parseCommand } from '../../shared/protocol/commands';
import type { JournalEntry } from '../../shared/protocol/events';
import type { Role } from '../../shared/protocol/roles';
import { assembly, ctx, T0 } from './fixtures';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function run(state: AssemblyState, actor: Role, ...commands: Command[]): AssemblyState {
  let next = state;
  for (const [i, command] of commands.entries()) {
    const decision = decide(next, command, ctx(T0 + i * 1000, actor));
    if (!decision.ok) throw new Error(`${command.type}: ${decision.message}`);
    next = evolveAll(next, decision.events);
  }
  return next;
}

/** Grace (r1), Yusuf (r2) and a second Grace Obi at the mosque (r3). */
const registered = () =>
  run(assembly(), 'admin', {
    type: 'addRegistrants',
    registrants: [
      { name: 'Grace Obi', institutionId: 'stmarys', email: 'grace@example.org' },
      { name: 'Yusuf Ali', institutionId: 'mosque', email: '' },
      { name: 'Grace Obi', institutionId: 'mosque', email: '' },
    ],
  });

const update = (registrantId: string, fields: Partial<Extract<Command, { type: 'updateRegistrant' }>>) =>
  ({
    type: 'updateRegistrant',
    registrantId,
    name: 'Grace Obi',
    institutionId: 'stmarys',
    email: 'grace@example.org',
    ...fields,
  }) as Command;

const scanOf = (ticket: string, n: number): Command => ({
  type: 'scanTicket',
  checkInId: uuid(n),
  ticket: `https://venue.example/t/${ticket}`,
  device: 'North door',
});

describe('updateRegistrant: correcting one registrant', () => {
  it.each<[string, Partial<Extract<Command, { type: 'updateRegistrant' }>>, object]>([
    ['a typo in the name', { name: 'Grace Obih' }, { name: 'Grace Obih', institutionId: 'stmarys' }],
    ['the institution', { institutionId: 'mosque', name: 'Grace O.' }, { institutionId: 'mosque' }],
    ['a guest', { institutionId: null }, { institutionId: null }],
    ['the email', { email: 'g.obi@example.org' }, { email: 'g.obi@example.org' }],
  ])('corrects %s and keeps the same ticket', (_, fields, expected) => {
    const before = registered();
    const grace = before.attendance.registrants[0]!;
    const decision = decide(before, update('r1', fields), ctx(T0, 'admin'));
    expect(decision).toMatchObject({ ok: true, events: [{ type: 'registrantUpdated' }] });
    const after = evolveAll(before, decision.ok ? decision.events : []);
    const corrected = after.attendance.registrants[0]!;
    expect(corrected).toMatchObject({ id: 'r1', ...expected });
    expect(corrected.ticket).toBe(grace.ticket);
    expect(after.attendance.registrants.map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
  });

  it.each<[string, Command, string, RegExp]>([
    ['an unknown registrant', update('r99', {}), 'unknown_registrant', /no such registrant/],
    [
      'an unknown institution',
      update('r1', { institutionId: 'nowhere' }),
      'unknown_institution',
      /institution/,
    ],
    [
      'a duplicate of another registrant, whatever the case',
      update('r1', { name: 'GRACE OBI', institutionId: 'mosque', email: '' }),
      'already_registered',
      /Grace Obi is already registered/,
    ],
  ])('refuses %s, changing nothing', (_, command, code, message) => {
    const before = registered();
    const decision = decide(before, command, ctx(T0, 'admin'));
    expect(decision).toMatchObject({ ok: false, code });
    expect(decision.ok ? '' : decision.message).toMatch(message);
  });

  it('records nothing when nothing changes', () => {
    expect(decide(registered(), update('r1', {}), ctx(T0, 'admin'))).toEqual({ ok: true, events: [] });
  });

  it('corrects the name of someone checked in, but will not move their counted check-in to another institution', () => {
    const state = registered();
    const checkedIn = run(state, 'door', scanOf(state.attendance.registrants[0]!.ticket, 1));
    const renamed = run(checkedIn, 'admin', update('r1', { name: 'Grace Obih' }));
    expect(renamed.attendance.registrants[0]!.name).toBe('Grace Obih');
    expect(decide(checkedIn, update('r1', { institutionId: 'mosque' }), ctx(T0, 'admin'))).toMatchObject({
      ok: false,
      code: 'registrant_checked_in',
      message: 'Grace Obi is checked in: undo the check-in at the door first to change their institution.',
    });
  });

  it('a ticket scanned after a correction admits the corrected person', () => {
    const before = registered();
    const ticket = before.attendance.registrants[0]!.ticket;
    const after = run(before, 'admin', update('r1', { name: 'Grace Obih' }), scanOf(ticket, 1));
    expect(lookup(after.attendance.checkIns, uuid(1))).toMatchObject({
      name: 'Grace Obih',
      registrantId: 'r1',
    });
  });
});

describe('removeRegistrant: their ticket stops working', () => {
  it('removes them and withdraws their ticket: a scan says so, and nothing is counted', () => {
    const before = registered();
    const ticket = before.attendance.registrants[0]!.ticket;
    const decision = decide(before, { type: 'removeRegistrant', registrantId: 'r1' }, ctx(T0, 'admin'));
    expect(decision).toEqual({
      ok: true,
      events: [{ type: 'registrantRemoved', registrantId: 'r1', at: T0 }],
    });
    const after = evolveAll(before, decision.ok ? decision.events : []);
    expect(after.attendance.registrants.map((r) => r.id)).toEqual(['r2', 'r3']);
    expect(decide(after, scanOf(ticket, 1), ctx(T0, 'door'))).toMatchObject({
      ok: false,
      code: 'ticket_withdrawn',
    });
    expect(
      decide(
        after,
        { type: 'checkInRegistrant', checkInId: uuid(2), registrantId: 'r1', device: '' },
        ctx(T0, 'door'),
      ),
    ).toMatchObject({ ok: false, code: 'unknown_registrant' });
    // A ticket never issued is still unknown, not withdrawn.
    expect(decide(after, scanOf('ABC234.aaaaaaaaaaaaaaaaaaaa', 3), ctx(T0, 'door'))).toMatchObject({
      code: 'unknown_ticket',
    });
  });

  it.each<[string, (s: AssemblyState) => AssemblyState, string, string]>([
    ['an unknown registrant', (s) => s, 'r99', 'There is no such registrant.'],
    [
      'someone checked in',
      (s) => run(s, 'door', scanOf(s.attendance.registrants[1]!.ticket, 1)),
      'r2',
      'Yusuf Ali is checked in: undo the check-in at the door first.',
    ],
  ])('refuses %s', (_, arrange, registrantId, message) => {
    const state = arrange(registered());
    expect(decide(state, { type: 'removeRegistrant', registrantId }, ctx(T0, 'admin'))).toMatchObject({
      ok: false,
      message,
    });
  });

  it('removes someone whose check-in was undone', () => {
    const state = registered();
    const undone = run(state, 'door', scanOf(state.attendance.registrants[1]!.ticket, 1), {
      type: 'undoCheckIn',
      checkInId: uuid(1),
    });
    const after = run(undone, 'admin', { type: 'removeRegistrant', registrantId: 'r2' });
    expect(after.attendance.registrants.map((r) => r.name)).toEqual(['Grace Obi', 'Grace Obi']);
  });

  it('never gives a removed registrant’s id to someone new', () => {
    const state = run(
      registered(),
      'admin',
      { type: 'removeRegistrant', registrantId: 'r3' },
      {
        type: 'addRegistrants',
        registrants: [{ name: 'Ade Bello', institutionId: null, email: '' }],
      },
    );
    expect(state.attendance.registrants.map((r) => r.id)).toEqual(['r1', 'r2', 'r4']);
  });

  it('a snapshot saved before removals existed loads with no withdrawn tickets', () => {
    const saved = registered();
    const { withdrawnTickets: _, ...oldAttendance } = saved.attendance;
    const loaded = withCurrentShape({ ...saved, attendance: oldAttendance } as AssemblyState);
    expect(
      run(loaded, 'admin', { type: 'removeRegistrant', registrantId: 'r1' }).attendance.withdrawnTickets,
    ).toEqual([saved.attendance.registrants[0]!.ticket]);
  });
});

describe('who may correct registrants, and who hears of it', () => {
  it.each<[Role, boolean]>([
    ['admin', true],
    ['chair', false],
    ['door', false],
    ['public', false],
  ])('%s may run them: %s', (role, may) => {
    expect(mayRun(role, 'updateRegistrant')).toBe(may);
    expect(mayRun(role, 'removeRegistrant')).toBe(may);
  });

  it.each([
    { type: 'updateRegistrant', registrantId: 'r1', name: '  ', institutionId: null },
    { type: 'updateRegistrant', registrantId: 'r1', name: 'Grace', institutionId: null, ticket: 'x' },
    { type: 'updateRegistrant', registrantId: '../r1', name: 'Grace', institutionId: null },
    { type: 'removeRegistrant' },
  ])('refuses a malformed command: %j', (input) => {
    expect(parseCommand(input)).toMatchObject({ ok: false, code: 'invalid_command' });
  });

  it('the door hears the corrected name without contacts or ticket; the public hears no name', () => {
    const before = registered();
    const decision = decide(before, update('r1', { name: 'Grace Obih' }), ctx(T0, 'admin'));
    const events = decision.ok ? decision.events : [];
    const after = evolveAll(before, events);
    const entries: JournalEntry[] = [
      ...events.map((event, i) => ({ seq: 10 + i, at: T0, actor: 'admin' as const, event })),
      { seq: 20, at: T0, actor: 'admin', event: { type: 'registrantRemoved', registrantId: 'r2', at: T0 } },
    ];
    const door = entriesFor('door', entries, after);
    expect(door[0]!.event).toEqual({
      type: 'registrantUpdated',
      registrant: { id: 'r1', name: 'Grace Obih', institutionId: 'stmarys', email: '', ticket: '' },
    });
    const doorState = evolveAll(
      stateFor('door', before),
      door.map((e) => e.event),
    );
    expect(doorState.attendance.registrants.map((r) => r.name)).toEqual(['Grace Obih', 'Grace Obi']);
    expect(doorState.attendance.withdrawnTickets).toEqual([]);
    const publicText = JSON.stringify(entriesFor('public', entries, after));
    expect(publicText).not.toMatch(/Grace|registrant/);
    expect(stateFor('door', evolveAll(after, [entries[1]!.event])).attendance.withdrawnTickets).toEqual([]);
  });
});
