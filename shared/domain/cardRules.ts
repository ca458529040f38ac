import type { Command } from '../protocol/commands';
import { type Failure, failure } from '../protocol/errors';
import type { DomainEvent } from '../protocol/events';
import { LIMITS } from '../protocol/limits';
import type { Role } from '../protocol/roles';
import type { AssemblyState } from './assembly';
import { type Card, type CardOption, optionsChangeRefused, sameCard } from './cards';
import { lookup } from './register';

// The rules of commitment cards: what the organiser's options, the chair's moment and an
// attendee's (or a steward's paper) card mean in a state. Pure, like decide.ts, which calls
// these; each answers the events to record (none: already so) or a refusal.

type Outcome = DomainEvent[] | Failure;

export function setCardOptions(
  state: AssemblyState,
  command: Extract<Command, { type: 'setCardOptions' }>,
): Outcome {
  const taken = new Set(command.options.flatMap((o) => (o.id ? [o.id] : [])));
  if (taken.size !== command.options.filter((o) => o.id).length)
    return failure('invalid_command', 'Two commitments on the card have the same id.');
  let next = 1;
  const freshId = () => {
    while (taken.has(`c${next}`) || state.cards.options.some((o) => o.id === `c${next}`)) next++;
    taken.add(`c${next}`);
    return `c${next}`;
  };
  const options: CardOption[] = command.options.map((o) => ({
    id: o.id ?? freshId(),
    text: o.text,
    date: o.date,
    owner: o.owner,
    asksNumber: o.asksNumber,
  }));
  const refused = optionsChangeRefused(state.cards, options);
  if (refused) return failure('assembly_live', refused);
  return JSON.stringify(options) === JSON.stringify(state.cards.options)
    ? []
    : [{ type: 'cardOptionsSet', options }];
}

export function openCards(state: AssemblyState, open: boolean): Outcome {
  if (open && state.cards.options.length === 0)
    return failure('unknown_card_option', 'The card has no commitments yet: the organiser adds them first.');
  return state.cards.open === open ? [] : [{ type: 'cardsOpenSet', open }];
}

/**
 * A card, counted once whoever enters it and however often it is sent: the same card id is
 * the same card (a retry changes nothing, a changed one is a correction), and a phone's
 * second card for its check-in replaces its first. A phone's card is credited to the
 * institution it checked in with.
 */
export function submitCard(
  state: AssemblyState,
  command: Extract<Command, { type: 'submitCard' }>,
  actor: Role,
  now: number,
): Outcome {
  const { cards } = state;
  const phone = actor === 'public';
  if (phone && !cards.open) return failure('cards_closed');
  const ids = command.choices.map((c) => c.optionId);
  if (new Set(ids).size !== ids.length) return failure('invalid_command', 'A commitment is ticked twice.');
  for (const choice of command.choices) {
    const option = cards.options.find((o) => o.id === choice.optionId);
    if (!option) return failure('unknown_card_option');
    if (!option.asksNumber && choice.number !== 1)
      return failure('invalid_command', `“${option.text}” does not ask how many.`);
  }
  const checkIn =
    command.checkInId === null ? undefined : lookup(state.attendance.checkIns, command.checkInId);
  const counted = checkIn && checkIn.undoneAt === null ? checkIn : undefined;
  const institutionId = counted ? counted.institutionId : command.institutionId;
  if (institutionId !== null && !state.institutions.some((i) => i.id === institutionId))
    return failure('unknown_institution');
  // The check-in that counts says who it is; a phone whose check-in does not count says so itself.
  const name = counted?.name || command.name;
  if (name === '') return failure('invalid_command', 'submitCard: name: say whose card it is');
  const card: Omit<Card, 'at'> = {
    id: command.cardId,
    checkInId: counted ? counted.id : null,
    name,
    institutionId,
    // Kept only with consent, as at check-in.
    contact: command.consent ? command.contact : '',
    consent: command.consent,
    choices: command.choices.map((c) => ({ optionId: c.optionId, number: c.number })),
    by: phone ? 'phone' : 'door',
  };
  const same = lookup(cards.byId, card.id);
  if (same && sameCard(same, card)) return [];
  // A card is its filler's: a phone cannot overwrite a steward's paper card, nor another phone's.
  if (same && same.by !== card.by) return failure('invalid_command', 'That card was entered another way.');
  if (!same && cards.byId.size >= LIMITS.cards)
    return failure('turnout_full', 'The most cards one assembly holds.');
  const earlier = card.checkInId === null ? undefined : lookup(cards.byCheckIn, card.checkInId);
  return [
    {
      type: 'cardSubmitted',
      card: { ...card, at: now },
      replaces: earlier !== undefined && earlier !== card.id ? earlier : null,
    },
  ];
}

export function withdrawCard(state: AssemblyState, cardId: string, now: number): Outcome {
  if (!lookup(state.cards.byId, cardId)) return failure('unknown_card');
  return [{ type: 'cardWithdrawn', cardId, at: now }];
}
