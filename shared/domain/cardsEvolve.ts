import { type Card, type Cards, tallied } from './cards';
import { lookup, put, remove } from './register';

// How a card filled or taken back changes the cards held: the card, its attendee's index and
// the tally together. Counts-only mirrors (the door, the public) hold no cards: their tally
// comes as a whole (cardsTallied).

export function cardAdded(cards: Cards, card: Card): Cards {
  return {
    ...cards,
    byId: put(cards.byId, card.id, card),
    byCheckIn: card.checkInId === null ? cards.byCheckIn : put(cards.byCheckIn, card.checkInId, card.id),
    tally: tallied(cards.tally, card, cards.options, 1),
  };
}

export function cardRemoved(cards: Cards, cardId: string | null): Cards {
  const card = cardId === null ? undefined : lookup(cards.byId, cardId);
  if (!card) return cards;
  const indexed = card.checkInId !== null && lookup(cards.byCheckIn, card.checkInId) === card.id;
  return {
    ...cards,
    byId: remove(cards.byId, card.id),
    byCheckIn: indexed && card.checkInId !== null ? remove(cards.byCheckIn, card.checkInId) : cards.byCheckIn,
    tally: tallied(cards.tally, card, cards.options, -1),
  };
}
