import type { AssemblyState } from '../../shared/domain/assembly';
import { type Card, cardsOf } from '../../shared/domain/cards';
import { lookup } from '../../shared/domain/register';
import { GUEST_WORDS } from '../../shared/domain/turnout';
import { csv, timesOf } from './exports';

// Commitment cards for the follow-up one-to-ones: who committed to what, by commitment and by
// institution. A contact appears only where the person consented, on the card or at check-in.

/** The contact someone consented to be reached at: the card's, else their check-in's. */
function consentedContact(state: AssemblyState, card: Card): string {
  if (card.consent && card.contact) return card.contact;
  const checkIn = card.checkInId === null ? undefined : lookup(state.attendance.checkIns, card.checkInId);
  return card.consent && checkIn?.consent ? checkIn.contact : '';
}

/** One row per commitment ticked, by commitment then institution then name. */
export function cardsCsv(state: AssemblyState): string {
  const names = new Map(state.institutions.map((i) => [i.id, i.name]));
  const time = timesOf(state);
  const institutionOf = (card: Card) =>
    card.institutionId === null ? GUEST_WORDS.one : (names.get(card.institutionId) ?? card.institutionId);
  const rows: (string | number)[][] = [
    [
      'commitment',
      'date',
      'owner',
      'how_many',
      'name',
      'institution',
      'contact',
      'entered_by',
      time.header('submitted_at'),
    ],
  ];
  const cards = cardsOf(state.cards);
  for (const option of state.cards.options) {
    const ticked = cards
      .flatMap((card) =>
        card.choices.filter((c) => c.optionId === option.id).map((choice) => ({ card, choice })),
      )
      .sort(
        (a, b) =>
          institutionOf(a.card).localeCompare(institutionOf(b.card)) ||
          a.card.name.localeCompare(b.card.name),
      );
    for (const { card, choice } of ticked)
      rows.push([
        option.text,
        // A calendar day (kept at midday UTC), not a moment.
        option.date === null ? '' : new Date(option.date).toISOString().slice(0, 10),
        option.owner,
        option.asksNumber ? choice.number : '',
        card.name,
        institutionOf(card),
        consentedContact(state, card),
        card.by === 'phone' ? 'phone' : 'door (paper card)',
        time.at(card.at),
      ]);
  }
  return csv(rows);
}

/** Per institution (guests last), how many ticked each commitment: who delivered what. */
export function cardsByInstitutionCsv(state: AssemblyState): string {
  const { options } = state.cards;
  const rows: (string | number)[][] = [['institution', 'cards', ...options.map((o) => o.text)]];
  const byGroup = new Map<string | null, typeof cards>();
  const cards = cardsOf(state.cards);
  for (const card of cards) {
    const group = byGroup.get(card.institutionId) ?? [];
    group.push(card);
    byGroup.set(card.institutionId, group);
  }
  const groups: [string, string | null][] = [
    ...state.institutions.map((i): [string, string | null] => [i.name, i.id]),
    [GUEST_WORDS.many, null],
  ];
  for (const [name, id] of groups) {
    const theirs = byGroup.get(id) ?? [];
    if (theirs.length === 0 && id === null) continue;
    rows.push([
      name,
      theirs.length,
      ...options.map((o) =>
        theirs.reduce((n, card) => {
          const choice = card.choices.find((c) => c.optionId === o.id);
          return n + (choice ? (o.asksNumber ? choice.number : 1) : 0);
        }, 0),
      ),
    ]);
  }
  return csv(rows);
}
