import { ownValue, setOwn } from './ownKeys';
import { emptyRegister, type Register, valuesOf } from './register';

// Commitment cards: at the close, attendees tick what they will do next ("join the housing
// team", "bring 3 people next time"), and that is how an assembly recruits its next leaders.
// The options are setup; the cards are the night's record (names and contacts: staff only);
// the room and the phones hear only the tally.

export const MAX_CARD_OPTIONS = 8;
/** "I will bring N people": the most one card may promise. */
export const MAX_CARD_NUMBER = 100;

export interface CardOption {
  id: string;
  /** What the attendee ticks: "Join the housing team". */
  text: string;
  /** When, for a named meeting ("the follow-up on 12 January"), or null. */
  date: number | null;
  /** The team or person who follows it up. */
  owner: string;
  /** The card asks how many ("bring N people next time"). */
  asksNumber: boolean;
}

export interface CardChoice {
  optionId: string;
  /** How many, for an option that asks a number; else 1. */
  number: number;
}

export interface Card {
  /** Made on the device that filled it, so a retried or queued card counts once. */
  id: string;
  /** The check-in of whoever filled it on their phone, so a correction replaces their card. */
  checkInId: string | null;
  name: string;
  institutionId: string | null;
  /** Kept only with consent. */
  contact: string;
  consent: boolean;
  choices: CardChoice[];
  /** Filled on a phone, or a paper card entered at the door. */
  by: 'phone' | 'door';
  at: number;
}

/** Counts only: what the projector and phones see. */
export interface CardTally {
  /** Per option: the cards that ticked it. */
  people: Record<string, number>;
  /** Per option that asks a number: the numbers promised, added up. */
  numbers: Record<string, number>;
}

export interface Cards {
  /** Phones show the card (the chair opens it, usually at the close). */
  open: boolean;
  options: CardOption[];
  /** Staff only: the cards themselves. */
  byId: Register<Card>;
  /** A phone's check-in to its card, so one attendee has one card. */
  byCheckIn: Register<string>;
  tally: CardTally;
}

export const emptyCards = (): Cards => ({
  open: false,
  options: [],
  byId: emptyRegister(),
  byCheckIn: emptyRegister(),
  tally: { people: {}, numbers: {} },
});

/** A card's part in the tally, added (1) or taken away (-1). */
export function tallied(
  tally: CardTally,
  card: Card,
  options: readonly CardOption[],
  sign: 1 | -1,
): CardTally {
  const people = { ...tally.people };
  const numbers = { ...tally.numbers };
  for (const choice of card.choices) {
    const option = options.find((o) => o.id === choice.optionId);
    if (!option) continue;
    const n = (ownValue(people, option.id) ?? 0) + sign;
    if (n > 0) setOwn(people, option.id, n);
    else delete people[option.id];
    if (option.asksNumber) {
      const total = (ownValue(numbers, option.id) ?? 0) + sign * choice.number;
      if (total > 0) setOwn(numbers, option.id, total);
      else delete numbers[option.id];
    }
  }
  return { people, numbers };
}

export const cardsOf = (cards: Cards): Card[] => valuesOf(cards.byId).sort((a, b) => a.at - b.at);

/** Two cards say the same: a retry, not a correction. */
export const sameCard = (a: Card, b: Omit<Card, 'at'>): boolean =>
  a.id === b.id &&
  a.checkInId === b.checkInId &&
  a.name === b.name &&
  a.institutionId === b.institutionId &&
  a.contact === b.contact &&
  a.consent === b.consent &&
  a.by === b.by &&
  JSON.stringify(a.choices) === JSON.stringify(b.choices);

/** The options that have cards: their wording is what people ticked, so it stays. */
export function optionsWithCards(cards: Cards): Set<string> {
  return new Set(Object.keys(cards.tally.people));
}

/**
 * Why a new set of options would misquote the cards already filled, or null: an option
 * people ticked cannot be removed or reworded, nor stop (or start) asking a number.
 */
export function optionsChangeRefused(cards: Cards, next: readonly CardOption[]): string | null {
  const ticked = optionsWithCards(cards);
  for (const old of cards.options) {
    if (!ticked.has(old.id)) continue;
    const now = next.find((o) => o.id === old.id);
    if (!now) return `“${old.text}” is on cards already filled: it cannot be removed.`;
    if (now.text !== old.text || now.asksNumber !== old.asksNumber)
      return `“${old.text}” is on cards already filled: its wording stays as people ticked it.`;
  }
  return null;
}

/** "212 will come to the follow-up", "340 more people next time": the projector's words. */
export function tallyLine(option: CardOption, tally: CardTally): { people: number; number: number | null } {
  return {
    people: ownValue(tally.people, option.id) ?? 0,
    number: option.asksNumber ? (ownValue(tally.numbers, option.id) ?? 0) : null,
  };
}
