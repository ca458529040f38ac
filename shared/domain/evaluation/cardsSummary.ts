import type { AssemblyState } from '../assembly';
import { cardsOf } from '../cards';
import { ownValue, setOwn } from '../ownKeys';

// The commitment cards as the core team evaluates them: how many ticked each option (and the
// numbers promised), and which institutions' people committed to what.

export interface CardOptionSummary {
  id: string;
  text: string;
  date: number | null;
  owner: string;
  asksNumber: boolean;
  /** Cards that ticked it. */
  people: number;
  /** The numbers promised, for an option that asks how many; else null. */
  number: number | null;
}

export interface InstitutionCards {
  /** null: guests, and cards with no institution. */
  institutionId: string | null;
  name: string;
  cards: number;
  /** Option id to the cards that ticked it (or the number promised, for one that asks). */
  byOption: Record<string, number>;
}

export interface CardsSummary {
  cards: number;
  fromPhones: number;
  onPaper: number;
  options: CardOptionSummary[];
  /** Most cards first; those with none are left out. */
  byInstitution: InstitutionCards[];
}

export function cardsSummary(night: AssemblyState): CardsSummary {
  const cards = cardsOf(night.cards);
  const options = night.cards.options.map((o) => ({
    id: o.id,
    text: o.text,
    date: o.date,
    owner: o.owner,
    asksNumber: o.asksNumber,
    people: ownValue(night.cards.tally.people, o.id) ?? 0,
    number: o.asksNumber ? (ownValue(night.cards.tally.numbers, o.id) ?? 0) : null,
  }));
  const names = new Map(night.institutions.map((i) => [i.id, i.name]));
  const groups = new Map<string | null, InstitutionCards>();
  for (const card of cards) {
    const id = card.institutionId !== null && names.has(card.institutionId) ? card.institutionId : null;
    let group = groups.get(id);
    if (!group) {
      group = { institutionId: id, name: id === null ? 'Guests' : names.get(id)!, cards: 0, byOption: {} };
      groups.set(id, group);
    }
    group.cards++;
    for (const choice of card.choices) {
      const option = night.cards.options.find((o) => o.id === choice.optionId);
      if (!option) continue;
      const add = option.asksNumber ? choice.number : 1;
      setOwn(group.byOption, option.id, (ownValue(group.byOption, option.id) ?? 0) + add);
    }
  }
  return {
    cards: cards.length,
    fromPhones: cards.filter((c) => c.by === 'phone').length,
    onPaper: cards.filter((c) => c.by === 'door').length,
    options,
    byInstitution: [...groups.values()].sort((a, b) => b.cards - a.cards || a.name.localeCompare(b.name)),
  };
}
