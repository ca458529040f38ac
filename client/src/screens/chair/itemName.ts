import { type AgendaItem, ITEM_KIND_LABELS } from '../../../../shared/domain/assembly';

/** "Testimony: damp homes": an item named with its kind, unless its title already says it. */
export function itemName(item: Pick<AgendaItem, 'kind' | 'title'>): string {
  const kind = ITEM_KIND_LABELS[item.kind];
  if (item.kind === 'custom' || item.title.toLowerCase().startsWith(kind.toLowerCase())) return item.title;
  return `${kind}: ${item.title}`;
}

/** A long text cut to a few words for a button, with an ellipsis where it was cut. */
export function shortened(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
