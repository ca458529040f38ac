import { type AssemblyState, currentItem } from '../../../../shared/domain/assembly';
import { itemName, shortened } from './itemName';

/**
 * What the projector shows, in words, for the thumbnail's label: the scene the Stage picks
 * for this state (screen/Stage.tsx), and the banner if there is one.
 */
export function describeScreen(state: AssemblyState): string {
  const message = state.live.message ? `, with the message '${shortened(state.live.message, 80)}'` : '';
  return `${describeScene(state)}${message}`;
}

function describeScene(state: AssemblyState): string {
  switch (state.live.scene) {
    case 'blank':
      return 'Blank';
    case 'join':
      return `The join QR and code ${state.code}`;
    case 'rollCall':
      return 'The roll call board';
    case 'commitments':
      return 'The commitments board';
    case 'cards':
      return 'The tally of commitment cards';
    case 'agenda': {
      const item = currentItem(state);
      if (state.status === 'closed') return 'Thank you';
      if (!item) return 'Welcome, with the join QR';
      if (item.kind === 'rollCall') return 'The roll call board';
      const ask = item.askId ? state.asks.find((candidate) => candidate.id === item.askId) : undefined;
      if (ask) return `The ask '${ask.title}' with its answers`;
      return `${itemName(item)}${item.durationMs > 0 ? ', with its timer' : ''}`;
    }
    default:
      return state.live.scene satisfies never;
  }
}
