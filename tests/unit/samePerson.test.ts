import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AssemblyState, withCurrentShape } from '../../shared/domain/assembly';
import { editDistance } from '../../shared/domain/closestName';
import { type Decision, decide } from '../../shared/domain/decide';
import { evolveAll } from '../../shared/domain/evolve';
import { lookup, valuesOf } from '../../shared/domain/register';
import { closeSpelling, contactKey, likelyDuplicates, notArrived } from '../../shared/domain/samePerson';
import { namedTotal, type Registrant } from '../../shared/domain/turnout';
import { entriesFor, stateFor } from '../../shared/domain/views';
import type { Command, CommandInput } from '../../shared/protocol/commands';
import { mayRun, parseCommand } from '../../shared/protocol/commands';
import type { Role } from '../../shared/protocol/roles';
import { assembly, ctx, MIN, T0 } from './fixtures';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** One edit to a name, at a place taken modulo its length. */
function applyEdit(name: string, [at, kind, letter]: [number, string, string]): string {
  const i = name.length === 0 ? 0 : at % name.length;
  if (kind === 'insert') return name.slice(0, i) + letter + name.slice(i);
  if (kind === 'delete') return name.slice(0, i) + name.slice(i + 1);
  if (kind === 'replace') return name.slice(0, i) + letter + name.slice(i + 1);
  return i + 1 < name.length ? name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2) : name;
}

interface Night {
  state: AssemblyState;
  minute: number;
}

/** Sends one command as `actor` a minute after the last: the decision, with the state moved on. */
function send(night: Night, actor: Role, input: CommandInput): Decision {
  const parsed = parseCommand(input);
  if (!parsed.ok) throw new Error(parsed.message);
  night.minute += 1;
  const decision = decide(night.state, parsed.command as Command, ctx(T0 + night.minute * MIN, actor));
  if (decision.ok) night.state = evolveAll(night.state, decision.events);
  return decision;
}

const ticketOf = (night: Night, name: string) =>
  night.state.attendance.registrants.find((r) => r.name === name)!.ticket;
const registrantId = (night: Night, name: string) =>
  night.state.attendance.registrants.find((r) => r.name === name)!.id;

/** An assembly with registrants: two John Smiths at St Mary's, one Yusef Hasan at the mosque. */
function night(): Night {
  const n: Night = { state: assembly(), minute: 0 };
  send(n, 'admin', {
    type: 'addRegistrants',
    registrants: [
      { name: 'Grace Obi', institutionId: 'stmarys', email: 'Grace@Example.org' },
      { name: 'Yusef Hasan', institutionId: 'mosque', email: '' },
      { name: 'John Smith', institutionId: 'stmarys', email: 'john.a@example.org' },
      { name: 'John Smith', institutionId: 'stmarys', email: 'john.b@example.org' },
      { name: 'Amira Begum', institutionId: 'mosque', email: '' },
    ],
  });
  return n;
}

const phone = (n: number, name: string, institutionId: string | null, extra: object = {}) => ({
  type: 'checkIn' as const,
  checkInId: uuid(n),
  name,
  institutionId,
  ...extra,
});
const walkIn = (n: number, name: string, institutionId: string | null, extra: object = {}) => ({
  ...phone(n, name, institutionId, extra),
  device: 'North door',
});
const search = (n: number, id: string, extra: object = {}) => ({
  type: 'checkInRegistrant' as const,
  checkInId: uuid(n),
  registrantId: id,
  device: 'North door',
  ...extra,
});
const scan = (n: number, ticket: string, extra: object = {}) => ({
  type: 'scanTicket' as const,
  checkInId: uuid(n),
  ticket,
  device: 'South door',
  ...extra,
});

const counted = (n: Night) => namedTotal(n.state.turnout);

describe('one person, counted once', () => {
  it('a registrant who checked in by phone is in already at the door, by search, scan or walk-in', () => {
    const n = night();
    expect(send(n, 'public', phone(1, 'yusef  HASAN', 'mosque'))).toMatchObject({ ok: true });
    // The phone's check-in is the registrant's: they show as arrived.
    const id = registrantId(n, 'Yusef Hasan');
    expect(lookup(n.state.attendance.admitted, id)).toBe(uuid(1));
    for (const [i, command] of [
      search(2, id),
      scan(3, ticketOf(n, 'Yusef Hasan')),
      walkIn(4, 'Yusef Hasan', 'mosque'),
    ].entries()) {
      const refused = send(n, 'door', command);
      expect(refused, `way ${i}`).toMatchObject({
        ok: false,
        code: 'already_checked_in',
        at: T0 + 2 * MIN,
        already: { method: 'self', name: 'yusef  HASAN' },
      });
    }
    expect(counted(n)).toBe(1);
    expect(n.state.turnout.byInstitution).toEqual({ mosque: 1 });
  });

  it('a phone check-in made before the door searched is linked when the door finds the registrant by contact', () => {
    const n = night();
    send(n, 'public', phone(1, 'G. Obi', null, { contact: 'grace@example.org ', consent: true }));
    expect(counted(n)).toBe(1);
    // The email typed on the phone is the registrant's: she is Grace Obi, already in.
    expect(lookup(n.state.attendance.admitted, registrantId(n, 'Grace Obi'))).toBe(uuid(1));
    expect(send(n, 'door', scan(2, ticketOf(n, 'Grace Obi')))).toMatchObject({ code: 'already_checked_in' });
    expect(counted(n)).toBe(1);
  });

  it('links a door search to an earlier unlinked check-in with the registrant’s contact', () => {
    const n = night();
    // Typed on a phone before Grace was registered... (another contact rule: consented contact kept)
    n.state = evolveAll(n.state, [
      {
        type: 'checkedIn',
        checkIn: {
          id: uuid(1),
          name: 'Gracie',
          institutionId: 'stmarys',
          guestOf: '',
          contact: 'GRACE@example.org',
          consent: true,
          method: 'self',
          at: T0,
          device: 'Phones',
          registrantId: null,
          undoneAt: null,
        },
      },
    ]);
    const linked = send(n, 'door', search(2, registrantId(n, 'Grace Obi')));
    expect(linked).toMatchObject({
      ok: true,
      events: [{ type: 'checkInLinked', checkInId: uuid(1) }],
      already: { method: 'self', name: 'Gracie' },
    });
    expect(counted(n)).toBe(1);
    expect(
      notArrived(n.state.attendance)
        .get('stmarys')
        ?.map((r) => r.name),
    ).toEqual(['John Smith', 'John Smith']);
  });

  it('the same contact twice is one person, whatever name was typed', () => {
    const n = night();
    send(n, 'public', phone(1, 'Sam', 'stmarys', { contact: '+44 7700 900123', consent: true }));
    const again = send(n, 'public', phone(2, 'Samuel', 'stmarys', { contact: '07700 900123' }));
    expect(again).toEqual({ ok: true, events: [], already: { at: T0 + 2 * MIN, method: 'self' } });
    expect(counted(n)).toBe(1);
  });

  it('a close spelling at the door asks the steward, and counts nothing until they answer', () => {
    const n = night();
    send(n, 'public', phone(1, 'Yusef Hassan', 'mosque'));
    // The phone's spelling is not the registrant's: not linked, counted once.
    expect(counted(n)).toBe(1);
    const id = registrantId(n, 'Yusef Hasan');
    expect(lookup(n.state.attendance.admitted, id)).toBeUndefined();
    const asked = send(n, 'door', search(2, id));
    expect(asked).toMatchObject({
      ok: false,
      code: 'possible_duplicate',
      match: {
        checkInId: uuid(1),
        name: 'Yusef Hassan',
        method: 'self',
        at: T0 + 2 * MIN,
        evidence: 'spelling',
      },
    });
    expect(counted(n)).toBe(1);
    // "Same person": linked, still one.
    expect(send(n, 'door', search(2, id, { sameAs: uuid(1) }))).toMatchObject({
      ok: true,
      events: [{ type: 'checkInLinked', checkInId: uuid(1), registrantId: id }],
    });
    expect(counted(n)).toBe(1);
    expect(lookup(n.state.attendance.admitted, id)).toBe(uuid(1));
  });

  it('"a different person" counts them', () => {
    const n = night();
    send(n, 'public', phone(1, 'Yusef Hassan', 'mosque'));
    const id = registrantId(n, 'Yusef Hasan');
    expect(send(n, 'door', search(2, id, { newPerson: true }))).toMatchObject({ ok: true });
    expect(counted(n)).toBe(2);
  });

  it.each([
    ['the same name in another institution', walkIn(2, 'Amira Begum', 'stmarys'), 'nameElsewhere'],
    ['a close spelling of a registrant not yet in', walkIn(2, 'Amira Begun', 'mosque'), 'spelling'],
    ['a close spelling of someone in', walkIn(2, 'Yusef Hassan', 'mosque'), 'spelling'],
  ])('a walk-in with %s is a likely match', (_, command, evidence) => {
    const n = night();
    send(n, 'door', walkIn(1, 'Yusef Hasan', 'mosque'));
    expect(send(n, 'door', command)).toMatchObject({
      ok: false,
      code: 'possible_duplicate',
      match: { evidence },
    });
    expect(counted(n)).toBe(1);
  });

  it('a walk-in with a registrant’s name and institution is that registrant arriving', () => {
    const n = night();
    expect(send(n, 'door', walkIn(1, 'amira begum', 'mosque'))).toMatchObject({ ok: true });
    const checkIn = lookup(n.state.attendance.checkIns, uuid(1))!;
    expect(checkIn).toMatchObject({ registrantId: registrantId(n, 'Amira Begum'), method: 'walkIn' });
  });

  it('two registrants with one name: a name alone decides nothing, the steward does', () => {
    const n = night();
    // A phone typing "John Smith" could be either: counted, linked to neither.
    send(n, 'public', phone(1, 'John Smith', 'stmarys'));
    expect(lookup(n.state.attendance.checkIns, uuid(1))!.registrantId).toBeNull();
    const [first, second] = n.state.attendance.registrants.filter((r) => r.name === 'John Smith');
    expect(send(n, 'door', search(2, first!.id))).toMatchObject({
      code: 'possible_duplicate',
      match: { evidence: 'name' },
    });
    expect(send(n, 'door', search(2, first!.id, { sameAs: uuid(1) }))).toMatchObject({ ok: true });
    // The other John Smith is a different registrant: his ticket counts him.
    expect(send(n, 'door', scan(3, second!.ticket))).toMatchObject({ ok: true });
    expect(counted(n)).toBe(2);
    // And a third "John Smith" walking in is asked about, not counted silently.
    expect(send(n, 'door', walkIn(4, 'John Smith', 'stmarys'))).toMatchObject({ code: 'possible_duplicate' });
    expect(counted(n)).toBe(2);
  });

  it('two people who share a name: the steward may count the second, a phone may not', () => {
    const n = night();
    send(n, 'door', walkIn(1, 'Mohammed Ali', 'mosque'));
    expect(send(n, 'public', phone(2, 'Mohammed Ali', 'mosque'))).toMatchObject({
      ok: true,
      events: [],
      already: { method: 'walkIn' },
    });
    expect(send(n, 'door', walkIn(3, 'Mohammed Ali', 'mosque'))).toMatchObject({
      code: 'already_checked_in',
    });
    expect(send(n, 'door', walkIn(3, 'Mohammed Ali', 'mosque', { newPerson: true }))).toMatchObject({
      ok: true,
    });
    expect(n.state.turnout.byInstitution).toEqual({ mosque: 2 });
  });

  it('a phone is never asked "same person?" and learns no one else’s name', () => {
    const n = night();
    send(n, 'door', walkIn(1, 'Yusef Hasan', 'mosque'));
    const near = send(n, 'public', phone(2, 'Yusef Hassan', 'mosque'));
    expect(near).toMatchObject({ ok: true, events: [{ type: 'checkedIn' }] });
    const same = send(n, 'public', phone(3, 'Yusef Hasan', 'mosque'));
    expect(same).toEqual({ ok: true, events: [], already: { at: T0 + 2 * MIN, method: 'walkIn' } });
  });
});

describe('"I’m here" on the registrant’s own ticket', () => {
  it('checks them in from their phone once, and the door then finds them in', () => {
    const n = night();
    const ticket = ticketOf(n, 'Grace Obi');
    expect(send(n, 'public', { type: 'checkInOwnTicket', checkInId: uuid(1), ticket })).toMatchObject({
      ok: true,
    });
    expect(lookup(n.state.attendance.checkIns, uuid(1))).toMatchObject({
      method: 'ownTicket',
      device: 'Phones',
      name: 'Grace Obi',
    });
    expect(send(n, 'public', { type: 'checkInOwnTicket', checkInId: uuid(2), ticket })).toMatchObject({
      ok: true,
      events: [],
      already: { method: 'ownTicket' },
    });
    expect(send(n, 'door', scan(3, ticket))).toMatchObject({
      code: 'already_checked_in',
      already: { method: 'ownTicket' },
    });
    expect(counted(n)).toBe(1);
  });

  it('is refused for a ticket not of this assembly, and while phone check-in is closed', () => {
    const n = night();
    expect(
      send(n, 'public', {
        type: 'checkInOwnTicket',
        checkInId: uuid(1),
        ticket: 'ZZZZ99.abcdefghijklmnopqrstuv',
      }),
    ).toMatchObject({ code: 'unknown_ticket' });
    send(n, 'chair', { type: 'setPhoneCheckIn', open: false });
    expect(
      send(n, 'public', { type: 'checkInOwnTicket', checkInId: uuid(1), ticket: ticketOf(n, 'Grace Obi') }),
    ).toMatchObject({ code: 'phone_check_in_closed' });
    expect(counted(n)).toBe(0);
  });
});

describe('merging duplicates after the fact', () => {
  it('two check-ins of one person become one; the registration moves to the one kept', () => {
    const n = night();
    send(n, 'public', phone(1, 'Yusef Hassan', 'mosque'));
    send(n, 'door', search(2, registrantId(n, 'Yusef Hasan'), { newPerson: true }));
    expect(counted(n)).toBe(2);
    const pairs = likelyDuplicates(valuesOf(n.state.attendance.checkIns));
    // The registered one is kept by default: its name is as registered.
    expect(pairs.map((p) => [p.kept.id, p.duplicate.id, p.evidence])).toEqual([
      [uuid(2), uuid(1), 'spelling'],
    ]);
    expect(send(n, 'admin', { type: 'mergeCheckIns', keptId: uuid(1), duplicateId: uuid(2) })).toMatchObject({
      ok: true,
    });
    expect(counted(n)).toBe(1);
    expect(lookup(n.state.attendance.checkIns, uuid(2))).toMatchObject({ mergedInto: uuid(1) });
    expect(lookup(n.state.attendance.admitted, registrantId(n, 'Yusef Hasan'))).toBe(uuid(1));
    expect(likelyDuplicates(valuesOf(n.state.attendance.checkIns))).toEqual([]);
    // Merging again changes nothing.
    expect(send(n, 'admin', { type: 'mergeCheckIns', keptId: uuid(1), duplicateId: uuid(2) })).toEqual({
      ok: true,
      events: [],
    });
  });

  it('refuses to merge two registrants, a check-in with itself, or one that was undone', () => {
    const n = night();
    const [a, b] = n.state.attendance.registrants.filter((r) => r.name === 'John Smith') as [
      Registrant,
      Registrant,
    ];
    send(n, 'door', scan(1, a.ticket));
    send(n, 'door', scan(2, b.ticket));
    send(n, 'door', walkIn(3, 'Zed', null));
    send(n, 'door', { type: 'undoCheckIn', checkInId: uuid(3) });
    for (const [keptId, duplicateId] of [
      [uuid(1), uuid(2)],
      [uuid(1), uuid(1)],
      [uuid(1), uuid(3)],
    ] as const)
      expect(send(n, 'admin', { type: 'mergeCheckIns', keptId, duplicateId })).toMatchObject({
        code: 'not_same_person',
      });
    expect(send(n, 'admin', { type: 'mergeCheckIns', keptId: uuid(1), duplicateId: uuid(9) })).toMatchObject({
      code: 'unknown_check_in',
    });
    expect(mayRun('admin', 'mergeCheckIns') && !mayRun('chair', 'mergeCheckIns')).toBe(true);
    expect(mayRun('door', 'mergeCheckIns') || mayRun('public', 'mergeCheckIns')).toBe(false);
  });
});

describe('undoing a flood of phone check-ins', () => {
  it('closes phone check-in and undoes phone check-ins since the time chosen, nothing else', () => {
    const n = night();
    send(n, 'public', phone(1, 'Early bird', 'stmarys')); // minute 2
    send(n, 'public', { type: 'checkInOwnTicket', checkInId: uuid(2), ticket: ticketOf(n, 'Grace Obi') }); // 3
    const floodFrom = T0 + 4 * MIN;
    for (let i = 0; i < 5; i++) send(n, 'public', phone(10 + i, `Fake ${'x'.repeat(i + 1)}`, 'mosque'));
    send(n, 'door', walkIn(20, 'Real person', 'mosque'));
    expect(counted(n)).toBe(8);
    const undone = send(n, 'chair', { type: 'undoPhoneCheckIns', since: new Date(floodFrom).toISOString() });
    expect(undone).toMatchObject({
      ok: true,
      events: [
        { type: 'phoneCheckInSet', open: false },
        { type: 'phoneCheckInsUndone', since: floodFrom },
      ],
    });
    expect(n.state.turnout.phonesClosed).toBe(true);
    expect(n.state.turnout.byInstitution).toEqual({ stmarys: 2, mosque: 1 });
    // The public's tally says the new counts, with no names.
    const entries = entriesFor(
      'public',
      [{ seq: 99, at: 0, actor: 'chair', event: { type: 'phoneCheckInsUndone', since: floodFrom, at: 0 } }],
      n.state,
    );
    expect(entries[0]!.event).toMatchObject({
      type: 'turnoutTallied',
      byInstitution: { stmarys: 2, mosque: 1 },
    });
    expect(JSON.stringify(entries)).not.toContain('Fake');
    expect(send(n, 'chair', { type: 'undoPhoneCheckIns', since: floodFrom })).toEqual({
      ok: true,
      events: [],
    });
    expect(send(n, 'chair', { type: 'undoPhoneCheckIns', since: T0 + 999 * MIN })).toMatchObject({
      code: 'invalid_command',
    });
    expect(mayRun('chair', 'undoPhoneCheckIns') && !mayRun('door', 'undoPhoneCheckIns')).toBe(true);
  });
});

describe('the rules’ parts', () => {
  it.each([
    ['yusef hasan', 'yusef hassan', true],
    ['yusef hasan', 'yusuf hassan', true],
    ['mary', 'mark', true],
    ['mary', 'maria', false],
    ['storm attendee 12', 'storm attendee 13', false],
    ['ann', 'ann', false],
    ['jo', 'bo', true],
    ['grace obi', 'grace okonkwo', false],
  ])('%s and %s are a close spelling: %s', (a, b, close) => {
    expect(closeSpelling(a, b)).toBe(close);
  });

  it('finds a close spelling exactly when the full edit distance does, shortcuts and all', () => {
    // The letters' floor and the banded table only skip work: the answer is the full table's.
    const reference = (a: string, b: string) => {
      if (a === b || a === '' || b === '') return false;
      if (a.replace(/\D/g, '') !== b.replace(/\D/g, '')) return false;
      return editDistance(a, b) <= (Math.min(a.length, b.length) <= 8 ? 1 : 2);
    };
    const letters = fc.constantFrom(...'abcdeiklmnorsuyz 1é');
    const name = fc.string({ unit: letters, minLength: 1, maxLength: 14 });
    const edit = fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'replace', 'swap'), letters);
    const near = fc
      .tuple(name, fc.array(edit, { maxLength: 3 }))
      .map(([a, edits]) => [a, edits.reduce(applyEdit, a)] as const);
    fc.assert(
      fc.property(fc.oneof(near, fc.tuple(name, name)), ([a, b]) => {
        expect(closeSpelling(a, b)).toBe(reference(a, b));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['Grace@Example.ORG ', 'grace@example.org'],
    ['+44 7700 900123', 'tel:700900123'],
    ['07700-900123', 'tel:700900123'],
    ['12', ''],
    ['', ''],
  ])('contact %j is compared as %j', (contact, key) => {
    expect(contactKey(contact)).toBe(key);
  });

  it('an assembly saved before the index is indexed on load, and finds who is in', () => {
    const n = night();
    send(n, 'door', walkIn(1, 'Yusef Hasan', 'mosque'));
    const saved = JSON.parse(JSON.stringify(n.state)) as AssemblyState;
    const old = {
      ...saved,
      attendance: { ...saved.attendance, byName: undefined, byContact: undefined, byInstitution: undefined },
    };
    const loaded = withCurrentShape(old as unknown as AssemblyState);
    expect(loaded.attendance.byName.size).toBe(1);
    n.state = loaded;
    expect(send(n, 'door', walkIn(2, 'Yusef Hasan', 'mosque'))).toMatchObject({ code: 'already_checked_in' });
  });

  it('the door’s copy holds no contact, not even in the index; the public’s no names', () => {
    const n = night();
    send(n, 'public', phone(1, 'Sam', 'stmarys', { contact: 'sam@example.org', consent: true }));
    expect(n.state.attendance.byContact.size).toBe(1);
    const door = stateFor('door', n.state);
    expect(door.attendance.byContact.size).toBe(0);
    expect(JSON.stringify(door)).not.toContain('sam@example.org');
    expect(door.attendance.byName.size).toBe(1);
    expect(JSON.stringify(stateFor('public', n.state))).not.toContain('Sam');
  });
});
