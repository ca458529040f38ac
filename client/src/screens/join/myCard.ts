import { forgetStored, storedJson, storeJson } from '../../connection/deviceStorage';

// What this phone remembers of its own commitment card, so a refresh shows what was ticked
// and a change is a correction of the same card (its id), never a second card.

export interface MyCard {
  cardId: string;
  /** Option id to number (1 for a plain tick). */
  choices: [string, number][];
  confirmed: boolean;
}

const keyFor = (code: string) => `assembly-live:my-card:${code}`;

export function loadMyCard(code: string): MyCard | null {
  const parsed = storedJson(keyFor(code)) as Partial<MyCard> | null;
  return typeof parsed?.cardId === 'string' && Array.isArray(parsed.choices) ? (parsed as MyCard) : null;
}

export function saveMyCard(code: string, mine: MyCard | null): void {
  if (mine) storeJson(keyFor(code), mine);
  else forgetStored(keyFor(code));
}
