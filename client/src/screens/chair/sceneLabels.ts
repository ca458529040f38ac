import type { Scene } from '../../../../shared/domain/assembly';

/** The screen's scenes in the chair's words: the scene buttons and the undo button say the same. */
export const SCENE_LABELS: Record<Scene, string> = {
  agenda: 'Follow agenda',
  rollCall: 'Roll call',
  commitments: 'Commitments',
  cards: 'Cards tally',
  join: 'Join QR',
  blank: 'Blank',
};
