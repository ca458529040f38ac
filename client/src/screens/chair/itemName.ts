import { type AgendaItem, ITEM_KIND_LABELS } from '../../../../shared/domain/assembly';

/**
 * "Testimony: damp homes": an item named with its kind, unless its title already says it
 * ("The housing ask", "Roll call of institutions") or it has no kind of its own.
 */
export function itemName(item: Pick<AgendaItem, 'kind' | 'title'>): string {
  const kind = ITEM_KIND_LABELS[item.kind];
  const word = kind.toLowerCase().replace(/^the /, '');
  if (item.kind === 'custom' || item.title.toLowerCase().includes(word)) return item.title;
  return `${kind}: ${item.title}`;
}

/** A long text cut to a few words for a button, with an ellipsis where it was cut. */
export function shortened(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
