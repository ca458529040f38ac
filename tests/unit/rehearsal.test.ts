import { describe, expect, it } from 'vitest';
import type { AssemblyState } from '../../shared/domain/assembly';
import { decide } from '../../shared/domain/decide';
import { evolveAll } from '../../shared/domain/evolve';
import {
  markRehearsals,
  nightRecordOf,
  rehearsalClears,
  withoutRehearsal,
} from '../../shared/domain/rehearsal';
import { entriesFor, stateFor } from '../../shared/domain/views';
import { type CommandInput, parseCommand } from '../../shared/protocol/commands';
import type { DomainEvent, JournalEntry } from '../../shared/protocol/events';
import type { Role } from '../../shared/protocol/roles';
import { canonicalJson, withoutUndo } from '../fuzz/invariants';
import { assembly, ctx, MIN, T0 } from './fixtures';

/** The fixture with an ask put to a mayor, and two registrants with tickets. */
function prepared(): AssemblyState {
  const base = assembly();
  const state = evolveAll(base, [
    {
      type: 'setupImported',
      details: {},
      agenda: [
        ...base.agenda,
        {
          id: 'ask-housing',
          kind: 'ask',
          title: 'The housing ask',
          speaker: '',
          durationMs: 10 * MIN,
          warningMs: 30_000,
          notes: '',
          askId: 'housing',
          responseMs: 30_000,
        },
      ],
      institutions: base.institutions,
      powerHolders: [
        { id: 'mayor', name: 'Mayor Jones', role: 'Mayor', organisation: 'City', attending: true },
      ],
      asks: [
        {
          id: 'housing',
          title: 'Homes',
          wording: 'Will you build 500 homes?',
          targetIds: ['mayor'],
          commitment: { action: '', deadline: '', owner: '', measure: '' },
        },
      ],
    },
  ]);
  return run(state, 'admin', {
    type: 'addRegistrants',
    registrants: [
      { name: 'Grace Obi', institutionId: 'stmarys', email: 'grace@example.org' },
      { name: 'Yusuf Khan', institutionId: 'mosque', email: '' },
    ],
  }).state;
}

interface Run {
  state: AssemblyState;
  /** Every entry recorded, in order, as the journal keeps them. */
  journal: JournalEntry[];
}

/** Runs commands as the server would (each must be accepted), recording the journal. */
function run(state: AssemblyState, actor: Role, ...commands: CommandInput[]): Run {
  return runFrom({ state, journal: [] }, actor, ...commands);
}

let clock = T0;
function runFrom(start: Run, actor: Role, ...commands: CommandInput[]): Run {
  let { state } = start;
  const journal = [...start.journal];
  for (const input of commands) {
    const parsed = parseCommand(input);
    if (!parsed.ok) throw new Error(parsed.message);
    clock += 1000;
    const decision = decide(state, parsed.command, ctx(clock, actor));
    if (!decision.ok) throw new Error(`${input.type}: ${decision.message}`);
    state = evolveAll(state, decision.events);
    for (const event of decision.events) journal.push({ seq: journal.length + 1, at: clock, actor, event });
  }
  return { state, journal };
}

/** A device-made id (check-ins and clickers are UUIDs). */
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const ticketOf = (state: AssemblyState, name: string) =>
  state.attendance.registrants.find((r) => r.name === name)!.ticket;

/** A rehearsal of everything the night records: check-ins every way, timers, boards, answers. */
function rehearse(from: Run): Run {
  const grace = ticketOf(from.state, 'Grace Obi');
  const yusuf = from.state.attendance.registrants.find((r) => r.name === 'Yusuf Khan')!.id;
  let night = runFrom(from, 'chair', { type: 'startRehearsal' });
  night = runFrom(night, 'public', {
    type: 'checkIn',
    checkInId: uuid(1),
    name: 'Ada Lovelace',
    institutionId: 'stmarys',
    contact: 'ada@example.org',
    consent: true,
  });
  night = runFrom(
    night,
    'door',
    { type: 'scanTicket', checkInId: uuid(2), ticket: grace, device: 'North door' },
    { type: 'checkInRegistrant', checkInId: uuid(3), registrantId: yusuf, device: 'North door' },
    { type: 'checkIn', checkInId: uuid(4), name: 'Walk In', institutionId: null, device: 'North door' },
    { type: 'setHeadcount', section: 'Stalls', deviceId: uuid(5), count: 57 },
  );
  return runFrom(
    night,
    'chair',
    { type: 'goToItem', itemId: 'story' },
    { type: 'startTimer' },
    { type: 'adjustTimer', deltaMs: 60_000 },
    { type: 'setScene', scene: 'rollCall' },
    { type: 'showMessage', text: 'Testing, testing' },
    { type: 'callNow', institutionId: 'mosque' },
    { type: 'markCalled', institutionId: 'stmarys', called: true },
    { type: 'goToItem', itemId: 'ask-housing' },
    { type: 'startResponseTimer', askId: 'housing', powerHolderId: 'mayor' },
    { type: 'recordResponse', askId: 'housing', powerHolderId: 'mayor', answer: 'waffle' },
    { type: 'recordResponse', askId: 'housing', powerHolderId: 'mayor', answer: 'yes', note: 'by March' },
    { type: 'cueSpeaker', cue: 'wrapUp' },
    { type: 'setPhoneCheckIn', open: false },
  );
}

describe('rehearsal: everything works, and its end puts the night back', () => {
  it('End rehearsal leaves every field the night records as it was before', () => {
    // Before: the chair has already put the welcome up and the join screen on.
    const before = run(
      prepared(),
      'chair',
      { type: 'goToItem', itemId: 'welcome' },
      { type: 'setScene', scene: 'join' },
    );
    const during = rehearse(before);
    expect(during.state.rehearsal?.number).toBe(1);
    expect(during.state.turnout.byInstitution).toEqual({ stmarys: 2, mosque: 1 });
    expect(during.state.turnout.guests).toBe(1);
    expect(during.state.responses.housing?.mayor).toHaveLength(2);
    const ended = runFrom(during, 'chair', { type: 'endRehearsal' }).state;
    expect(canonicalJson(nightRecordOf(ended))).toBe(canonicalJson(nightRecordOf(before.state)));
    expect(ended.status).toBe(before.state.status);
    expect(ended.rehearsal).toBeNull();
    expect(ended.rehearsals).toBe(1);
    // The setup and its tickets stay.
    expect(ended.attendance.registrants).toEqual(before.state.attendance.registrants);
    expect(ended.agenda).toEqual(before.state.agenda);
  });

  it('a draft rehearsed goes back to draft: nothing of the night has happened', () => {
    const before = { state: prepared(), journal: [] };
    const ended = runFrom(rehearse(before), 'chair', { type: 'endRehearsal' }).state;
    expect(ended.status).toBe('draft');
    expect(ended.live).toEqual(before.state.live);
    expect(canonicalJson(ended)).toBe(canonicalJson({ ...before.state, rehearsals: 1 }));
  });

  it('registrants checked in during the rehearsal check in again on the night, every way', () => {
    const ended = runFrom(rehearse({ state: prepared(), journal: [] }), 'chair', { type: 'endRehearsal' });
    const grace = ticketOf(ended.state, 'Grace Obi');
    const night = runFrom(
      runFrom(ended, 'door', { type: 'scanTicket', checkInId: uuid(6), ticket: grace, device: 'North door' }),
      'public',
      { type: 'checkIn', checkInId: uuid(7), name: 'Ada Lovelace', institutionId: 'stmarys' },
    );
    expect(night.state.turnout.byInstitution).toEqual({ stmarys: 2 });
    expect(night.journal.at(-2)?.event).toMatchObject({ type: 'checkedIn', checkIn: { method: 'ticket' } });
  });

  it('setup changes and registrants added during the rehearsal are kept', () => {
    let during = runFrom({ state: prepared(), journal: [] }, 'chair', { type: 'startRehearsal' });
    during = runFrom(during, 'admin', {
      type: 'addRegistrants',
      registrants: [{ name: 'Late Registrant', institutionId: 'mosque', email: '' }],
    });
    during = runFrom(during, 'door', {
      type: 'checkInRegistrant',
      checkInId: uuid(8),
      registrantId: during.state.attendance.registrants.at(-1)!.id,
    });
    const ended = runFrom(during, 'chair', { type: 'endRehearsal' }).state;
    expect(ended.attendance.registrants.map((r) => r.name)).toContain('Late Registrant');
    expect(ended.attendance.admitted.size).toBe(0);
    expect(ended.turnout.byInstitution).toEqual({});
  });

  it('several rehearsals in a row, each numbered, each put back', () => {
    const start = { state: prepared(), journal: [] };
    const first = runFrom(rehearse(start), 'chair', { type: 'endRehearsal' });
    expect(canonicalJson(nightRecordOf(first.state))).toBe(canonicalJson(nightRecordOf(start.state)));
    const between = runFrom(first, 'chair', { type: 'showMessage', text: 'Doors open at 7' });
    const second = runFrom(rehearse(between), 'chair', { type: 'endRehearsal' });
    expect(second.state.rehearsals).toBe(2);
    expect(canonicalJson(nightRecordOf(second.state))).toBe(canonicalJson(nightRecordOf(between.state)));
    expect(second.state.live.message).toBe('Doors open at 7');
    const marked = markRehearsals(second.journal);
    expect(new Set(marked.map((e) => e.rehearsal))).toEqual(new Set([undefined, 1, 2]));
    // The start and the end of each are marked as part of it; what came between is not.
    expect(marked.find((e) => e.event.type === 'rehearsalEnded')?.rehearsal).toBe(1);
    expect(marked.filter((e) => e.event.type === 'rehearsalStarted').map((e) => e.rehearsal)).toEqual([1, 2]);
    expect(
      marked.find((e) => e.event.type === 'messageShown' && e.event.text === 'Doors open at 7')?.rehearsal,
    ).toBeUndefined();
  });

  it('a rehearsal may rehearse the close, and its end reopens the night', () => {
    const during = runFrom(rehearse({ state: prepared(), journal: [] }), 'chair', { type: 'closeAssembly' });
    expect(during.state.status).toBe('closed');
    const ended = runFrom(during, 'chair', { type: 'endRehearsal' }).state;
    expect(ended.status).toBe('draft');
  });

  it('cannot start once real people are checked in or answers recorded, and says why', () => {
    const live = run(prepared(), 'public', {
      type: 'checkIn',
      checkInId: uuid(9),
      name: 'Real Person',
      institutionId: 'stmarys',
    });
    const refused = decide(live.state, { type: 'startRehearsal' }, ctx(T0, 'chair'));
    expect(refused).toMatchObject({ ok: false, code: 'rehearsal_refused' });
    expect(!refused.ok && refused.message).toMatch(/1 person is checked in for real/);
    const answered = run(prepared(), 'chair', {
      type: 'recordResponse',
      askId: 'housing',
      powerHolderId: 'mayor',
      answer: 'yes',
    });
    expect(decide(answered.state, { type: 'startRehearsal' }, ctx(T0, 'chair'))).toMatchObject({
      ok: false,
      code: 'rehearsal_refused',
    });
    // An undone test check-in is not the night: a rehearsal may start.
    const undone = runFrom(live, 'door', { type: 'undoCheckIn', checkInId: uuid(9) });
    expect(decide(undone.state, { type: 'startRehearsal' }, ctx(T0, 'chair'))).toMatchObject({ ok: true });
  });

  it('start and end twice are harmless; the door cannot do either', () => {
    const during = run(prepared(), 'chair', { type: 'startRehearsal' });
    expect(decide(during.state, { type: 'startRehearsal' }, ctx(T0, 'chair'))).toEqual({
      ok: true,
      events: [],
    });
    expect(decide(prepared(), { type: 'endRehearsal' }, ctx(T0, 'chair'))).toEqual({ ok: true, events: [] });
  });

  it('while under way, the real night (record, exports) is the state its end will leave', () => {
    const during = rehearse({ state: prepared(), journal: [] });
    const ended = runFrom(during, 'chair', { type: 'endRehearsal' }).state;
    expect(canonicalJson(withoutRehearsal(during.state))).toBe(canonicalJson({ ...ended }));
    expect(rehearsalClears(during.state)).toEqual({
      checkIns: 4,
      headcount: 57,
      answers: 2,
      rollCallMarks: 2,
      followUps: 0,
      cards: 0,
      live: true,
    });
    expect(rehearsalClears(ended)).toBeNull();
  });

  it.each(['door', 'public'] as const)(
    'the %s mirror, following the stream, ends where the server does',
    (audience) => {
      const start = run(prepared(), 'chair', { type: 'goToItem', itemId: 'welcome' });
      const ended = runFrom(rehearse(start), 'chair', { type: 'endRehearsal' });
      // The mirror joined before the rehearsal, then heard each entry as the audience hears it.
      let mirror = stateFor(audience, start.state);
      let server = start.state;
      for (const entry of ended.journal) {
        server = evolveAll(server, [entry.event]);
        mirror = evolveAll(
          mirror,
          entriesFor(audience, [entry], server).map((e) => e.event as DomainEvent),
        );
      }
      // (A mirror keeps its own undo steps, as every mirror does; only the chair's are sent.)
      const seen = (state: AssemblyState) => JSON.parse(canonicalJson(withoutUndo(state)));
      expect(seen(mirror)).toEqual(seen(stateFor(audience, ended.state)));
      // One that joined in the middle of the rehearsal (a snapshot) ends there too.
      const during = rehearse(start);
      const late = evolveAll(stateFor(audience, during.state), [{ type: 'rehearsalEnded', at: clock }]);
      expect(canonicalJson(late)).toBe(canonicalJson(stateFor(audience, withoutRehearsal(during.state))));
    },
  );

  it('the door and public copies of the night before hold no contacts, names or tickets they should not', () => {
    const start = run(prepared(), 'door', {
      type: 'checkIn',
      checkInId: uuid(10),
      name: 'Test Person',
      institutionId: 'stmarys',
      contact: 'secret@example.org',
      consent: true,
    });
    const undone = runFrom(start, 'door', { type: 'undoCheckIn', checkInId: uuid(10) });
    const during = runFrom(undone, 'chair', { type: 'startRehearsal' }).state;
    expect(JSON.stringify(stateFor('door', during))).not.toContain('secret@example.org');
    expect(JSON.stringify(stateFor('public', during))).not.toContain('Test Person');
    expect(JSON.stringify(stateFor('full', during))).toContain('secret@example.org');
  });

  it.each(['door', 'public'] as const)(
    'a %s mirror that hears the night and the rehearsal in one coalesced batch still gets the night back',
    (audience) => {
      const start = { state: prepared(), journal: [] };
      const clicker = uuid(77);
      // A real headcount, then the rehearsal starts and the same clicker counts on; all one batch.
      let server = runFrom(start, 'door', {
        type: 'setHeadcount',
        section: 'Stalls',
        deviceId: clicker,
        count: 5,
      });
      server = runFrom(server, 'chair', { type: 'startRehearsal' });
      server = runFrom(server, 'door', {
        type: 'setHeadcount',
        section: 'Stalls',
        deviceId: clicker,
        count: 40,
      });
      const batch = entriesFor(audience, server.journal, server.state).map((e) => e.event as DomainEvent);
      let mirror = evolveAll(stateFor(audience, start.state), batch);
      expect(mirror.turnout.headcounts).toEqual({ Stalls: { [clicker]: 40 } });
      const ended = runFrom(server, 'chair', { type: 'endRehearsal' });
      mirror = evolveAll(mirror, [{ type: 'rehearsalEnded', at: clock }]);
      expect(ended.state.turnout.headcounts).toEqual({ Stalls: { [clicker]: 5 } });
      expect(mirror.turnout.headcounts).toEqual({ Stalls: { [clicker]: 5 } });
    },
  );
});
