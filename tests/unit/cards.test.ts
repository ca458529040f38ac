import { describe, expect, it } from 'vitest';
import type { AssemblyState } from '../../shared/domain/assembly';
import { cardsOf } from '../../shared/domain/cards';
import { decide } from '../../shared/domain/decide';
import { cardsSummary } from '../../shared/domain/evaluation/cardsSummary';
import { evolveAll } from '../../shared/domain/evolve';
import { entriesFor, stateFor } from '../../shared/domain/views';
import { type CommandInput, parseCommand } from '../../shared/protocol/commands';
import type { Role } from '../../shared/protocol/roles';
import { assembly, ctx, T0 } from './fixtures';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const OPTIONS: CommandInput = {
  type: 'setCardOptions',
  options: [
    { text: 'Join the housing team', owner: 'Housing team' },
    { text: 'Come to the follow-up', date: '2027-01-12T19:00Z' },
    { text: 'Bring people next time', asksNumber: true },
  ],
};

/** Runs commands; each must be accepted. */
function run(state: AssemblyState, actor: Role, ...commands: CommandInput[]): AssemblyState {
  let next = state;
  for (const input of commands) {
    const decision = attempt(next, actor, input);
    if (!decision.ok) throw new Error(`${input.type}: ${decision.message}`);
    next = evolveAll(next, decision.events);
  }
  return next;
}

function attempt(state: AssemblyState, actor: Role, input: CommandInput) {
  const parsed = parseCommand(input);
  if (!parsed.ok) return parsed;
  return decide(state, parsed.command, ctx(T0 + 60_000, actor));
}

const card = (
  n: number,
  extra: Partial<Extract<CommandInput, { type: 'submitCard' }>> = {},
): CommandInput => ({
  type: 'submitCard',
  cardId: uuid(n),
  name: `Person ${n}`,
  institutionId: 'stmarys',
  choices: [{ optionId: 'c1' }],
  ...extra,
});

/** The fixture with the card's options set and a phone checked in for the mosque. */
function withOptions(open = true): AssemblyState {
  const state = run(assembly(), 'public', {
    type: 'checkIn',
    checkInId: uuid(900),
    name: 'Amina Yusuf',
    institutionId: 'mosque',
  });
  const set = run(state, 'admin', OPTIONS);
  return open ? run(set, 'chair', { type: 'openCards', open: true }) : set;
}

describe('commitment cards', () => {
  it('the organiser sets up to 8 options; ids are made and kept', () => {
    const state = withOptions(false);
    expect(state.cards.options.map((o) => [o.id, o.text, o.asksNumber])).toEqual([
      ['c1', 'Join the housing team', false],
      ['c2', 'Come to the follow-up', false],
      ['c3', 'Bring people next time', true],
    ]);
    expect(state.cards.options[1]!.date).toBe(Date.parse('2027-01-12T19:00Z'));
    expect(parseCommand({ type: 'setCardOptions', options: Array(9).fill({ text: 'x' }) }).ok).toBe(false);
    expect(
      attempt(state, 'admin', {
        type: 'setCardOptions',
        options: [
          { id: 'a', text: 'A' },
          { id: 'a', text: 'B' },
        ],
      }),
    ).toMatchObject({ ok: false, code: 'invalid_command' });
    // The same options again change nothing.
    const again = attempt(state, 'admin', {
      type: 'setCardOptions',
      options: state.cards.options.map((o) => ({ ...o })),
    });
    expect(again).toEqual({ ok: true, events: [] });
  });

  it('an option people ticked keeps its wording and cannot be removed; others may change', () => {
    const state = run(withOptions(), 'public', card(1));
    const [ticked, untouched, third] = state.cards.options;
    const reworded = attempt(state, 'admin', {
      type: 'setCardOptions',
      options: [{ ...ticked!, text: 'Lead the housing team' }, untouched!, third!],
    });
    expect(reworded).toMatchObject({ ok: false, code: 'assembly_live' });
    expect(attempt(state, 'admin', { type: 'setCardOptions', options: [untouched!] })).toMatchObject({
      ok: false,
      code: 'assembly_live',
    });
    const renamed = run(state, 'admin', {
      type: 'setCardOptions',
      options: [ticked!, { ...untouched!, text: 'Come to the follow-up on 12 January' }],
    });
    expect(renamed.cards.options.map((o) => o.text)).toEqual([
      'Join the housing team',
      'Come to the follow-up on 12 January',
    ]);
  });

  it('phones fill a card only while the chair has it open; it cannot open with no options', () => {
    expect(attempt(withOptions(false), 'public', card(1))).toMatchObject({ ok: false, code: 'cards_closed' });
    expect(attempt(assembly(), 'chair', { type: 'openCards', open: true })).toMatchObject({
      ok: false,
      code: 'unknown_card_option',
    });
    // A steward's paper card goes in whenever it is entered, after the close too.
    const closed = run(withOptions(false), 'chair', { type: 'closeAssembly' });
    const paper = run(closed, 'door', card(2));
    expect(cardsOf(paper.cards).map((c) => [c.name, c.by])).toEqual([['Person 2', 'door']]);
    expect(paper.cards.tally.people).toEqual({ c1: 1 });
    // The room still sees the tally after the close, and the chair can take it off again.
    const shown = run(
      paper,
      'chair',
      { type: 'openCards', open: true },
      { type: 'setScene', scene: 'cards' },
    );
    expect(shown.live.scene).toBe('cards');
    expect(run(shown, 'chair', { type: 'setScene', scene: 'agenda' }).live.scene).toBe('agenda');
    expect(attempt(paper, 'chair', { type: 'setScene', scene: 'join' })).toMatchObject({
      code: 'assembly_closed',
    });
  });

  it('counts a card once: a retry changes nothing, a correction replaces it, and its tally', () => {
    const once = run(
      withOptions(),
      'public',
      card(1, { choices: [{ optionId: 'c1' }, { optionId: 'c3', number: 3 }] }),
    );
    expect(once.cards.tally).toEqual({ people: { c1: 1, c3: 1 }, numbers: { c3: 3 } });
    expect(
      attempt(once, 'public', card(1, { choices: [{ optionId: 'c1' }, { optionId: 'c3', number: 3 }] })),
    ).toEqual({
      ok: true,
      events: [],
    });
    const corrected = run(
      once,
      'public',
      card(1, { choices: [{ optionId: 'c2' }, { optionId: 'c3', number: 5 }] }),
    );
    expect(corrected.cards.byId.size).toBe(1);
    expect(corrected.cards.tally).toEqual({ people: { c2: 1, c3: 1 }, numbers: { c3: 5 } });
  });

  it("a phone's card is its check-in's: credited to its institution, and a second card replaces the first", () => {
    const first = run(
      withOptions(),
      'public',
      card(1, { checkInId: uuid(900), name: '', institutionId: null }),
    );
    const [mine] = cardsOf(first.cards);
    expect(mine).toMatchObject({ name: 'Amina Yusuf', institutionId: 'mosque', checkInId: uuid(900) });
    // The page was reloaded and lost its card id: the new card still replaces the old one.
    const second = run(
      first,
      'public',
      card(2, { checkInId: uuid(900), name: '', choices: [{ optionId: 'c2' }] }),
    );
    expect(cardsOf(second.cards).map((c) => c.id)).toEqual([uuid(2)]);
    expect(second.cards.tally.people).toEqual({ c2: 1 });
    // A check-in id that is not one (or was undone) credits nothing: the card says who it is.
    const stranger = attempt(withOptions(), 'public', card(3, { checkInId: uuid(901), name: '' }));
    expect(stranger).toMatchObject({ ok: false, code: 'invalid_command' });
    // A phone that was told "already in" (a steward checked them in first) holds an id the server
    // never recorded: its card still goes in, under the name and institution it sends.
    const alreadyIn = run(
      withOptions(),
      'public',
      card(4, { checkInId: uuid(902), name: 'Grace Obi', institutionId: 'stmarys' }),
    );
    expect(cardsOf(alreadyIn.cards)[0]).toMatchObject({
      name: 'Grace Obi',
      institutionId: 'stmarys',
      checkInId: null,
    });
  });

  it('refuses what a card cannot say', () => {
    const state = withOptions();
    expect(attempt(state, 'public', card(1, { choices: [{ optionId: 'zz' }] }))).toMatchObject({
      code: 'unknown_card_option',
    });
    expect(
      attempt(state, 'public', card(1, { choices: [{ optionId: 'c1' }, { optionId: 'c1' }] })),
    ).toMatchObject({
      code: 'invalid_command',
    });
    expect(attempt(state, 'public', card(1, { choices: [{ optionId: 'c1', number: 2 }] }))).toMatchObject({
      code: 'invalid_command',
    });
    expect(attempt(state, 'public', card(1, { choices: [] }))).toMatchObject({ code: 'invalid_command' });
    expect(attempt(state, 'public', card(1, { choices: [{ optionId: 'c3', number: 101 }] }))).toMatchObject({
      code: 'invalid_command',
    });
    expect(attempt(state, 'public', card(1, { institutionId: 'nowhere' }))).toMatchObject({
      code: 'unknown_institution',
    });
    // A phone cannot overwrite a steward's paper card by sending its id.
    const paper = run(state, 'door', card(5));
    expect(attempt(paper, 'public', card(5, { choices: [{ optionId: 'c2' }] }))).toMatchObject({
      code: 'invalid_command',
    });
  });

  it('keeps a contact only with consent', () => {
    const state = run(
      withOptions(),
      'public',
      card(1, { contact: 'a@example.org', consent: false }),
      card(2, { contact: 'b@example.org', consent: true }),
    );
    const contacts = Object.fromEntries(cardsOf(state.cards).map((c) => [c.name, c.contact]));
    expect(contacts).toEqual({ 'Person 1': '', 'Person 2': 'b@example.org' });
  });

  it('a paper card entered by mistake is withdrawn, its tally with it', () => {
    const state = run(withOptions(), 'door', card(1), card(2));
    const withdrawn = run(state, 'door', { type: 'withdrawCard', cardId: uuid(1) });
    expect(withdrawn.cards.tally.people).toEqual({ c1: 1 });
    expect(attempt(withdrawn, 'door', { type: 'withdrawCard', cardId: uuid(1) })).toMatchObject({
      code: 'unknown_card',
    });
  });

  it('the door and the public hear the tally, never a card', () => {
    const before = withOptions();
    const decision = attempt(before, 'public', card(1, { contact: 'secret@example.org', consent: true }));
    if (!decision.ok) throw new Error(decision.message);
    const after = evolveAll(before, decision.events);
    const entries = decision.events.map((event, i) => ({
      seq: i + 1,
      at: T0,
      actor: 'public' as const,
      event,
    }));
    for (const audience of ['door', 'public'] as const) {
      const heard = entriesFor(audience, entries, after);
      expect(heard.map((e) => e.event)).toEqual([
        { type: 'cardsTallied', tally: { people: { c1: 1 }, numbers: {} } },
      ]);
      const view = JSON.stringify(stateFor(audience, after));
      expect(view).not.toContain('Person 1');
      expect(view).not.toContain('secret@example.org');
      const mirror = evolveAll(
        stateFor(audience, before),
        heard.map((e) => e.event),
      );
      expect(mirror.cards.tally).toEqual(after.cards.tally);
    }
    expect(JSON.stringify(stateFor('full', after))).toContain('secret@example.org');
  });

  it('cards filled in a rehearsal go with it; the options stay', () => {
    const rehearsing = run(
      run(assembly(), 'admin', OPTIONS),
      'chair',
      { type: 'startRehearsal' },
      { type: 'openCards', open: true },
    );
    const filled = run(rehearsing, 'public', card(1));
    const ended = run(filled, 'chair', { type: 'endRehearsal' });
    expect(ended.cards.byId.size).toBe(0);
    expect(ended.cards.tally).toEqual({ people: {}, numbers: {} });
    expect(ended.cards.open).toBe(false);
    expect(ended.cards.options).toHaveLength(3);
  });

  it('the evaluation counts cards by option and by institution, numbers added up', () => {
    const state = run(
      withOptions(),
      'public',
      card(1, {
        checkInId: uuid(900),
        name: '',
        choices: [{ optionId: 'c1' }, { optionId: 'c3', number: 4 }],
      }),
      card(2, { institutionId: 'stmarys', choices: [{ optionId: 'c3', number: 2 }] }),
      card(3, { institutionId: null, choices: [{ optionId: 'c2' }] }),
    );
    const paper = run(state, 'door', card(4, { institutionId: 'stmarys', choices: [{ optionId: 'c1' }] }));
    const summary = cardsSummary(paper);
    expect(summary).toMatchObject({ cards: 4, fromPhones: 3, onPaper: 1 });
    expect(summary.options.map((o) => [o.id, o.people, o.number])).toEqual([
      ['c1', 2, null],
      ['c2', 1, null],
      ['c3', 2, 6],
    ]);
    expect(summary.byInstitution.map((g) => [g.name, g.cards, g.byOption])).toEqual([
      ["St Mary's", 2, { c3: 2, c1: 1 }],
      ['East London Mosque', 1, { c1: 1, c3: 4 }],
      ['Guests', 1, { c2: 1 }],
    ]);
  });
});
