// The commitments board fills the projector's stage: type as large as the board allows,
// from its counts and lengths alone (see screens/screen/stageFit.ts for the units), for a
// stage of a given width, so a 16:9 stage and a 4:3 one each get the largest type that fits.

export interface CommitmentsFit {
  /** The board's type in cqh on a stage this wide. */
  sizeCqh: number;
  /** The ask column's share of the board's width, in %. */
  askColumnPercent: number;
}

/** The board's height in cqh: the stage less the scene's padding and its heading. */
const COMMITMENTS_HEIGHT_CQH = 84;
/** The board's share of the stage's width: the stage less the scene's padding. */
const COMMITMENTS_WIDTH = 0.92;
/**
 * The widest word in a cell ("ABSENT", "WAFFLE", "ANSWER" of "NO ANSWER", which wraps at
 * its space) with the cell's padding and a symbol's room, in em.
 */
const ANSWER_CELL_EM = 5.4;

export const askColumnShare = (holderCount: number) =>
  holderCount <= 3 ? 0.4 : holderCount <= 6 ? 0.28 : 0.2;

/**
 * Asks (rows) against power-holders (columns), on a stage `stageWidthCqh` wide. A 3 x 3
 * board gets type about 6 cqh high; a 10 x 12 one shrinks until every row and every answer
 * word fits.
 */
export function commitmentsFit(
  askTitles: readonly string[],
  holderCount: number,
  stageWidthCqh: number,
): CommitmentsFit {
  const columns = Math.max(1, holderCount);
  const askShare = askColumnShare(columns);
  const boardCqh = COMMITMENTS_WIDTH * stageWidthCqh;
  const byWidth = ((1 - askShare) * boardCqh) / columns / ANSWER_CELL_EM;
  const askColumnCqh = askShare * boardCqh;
  let byHeight = 1;
  for (let tenths = 80; tenths > 10; tenths--) {
    const size = tenths / 10;
    // Lines break at spaces: about 0.85 of the characters that would fit.
    const perLine = Math.max(1, Math.floor((askColumnCqh / (0.56 * size)) * 0.85));
    // The header: a name and a role, each over two lines (the role at 0.8 em).
    let height = 4.2 * size;
    // A row: its ask's title, or a cell's two lines ("… NO / ANSWER"), and the cell's padding.
    for (const title of askTitles) {
      const lines = Math.max(1, Math.ceil(title.length / perLine));
      height += (Math.max(lines * 1.15, 2.2) + 0.6) * size + 0.7;
    }
    if (height <= COMMITMENTS_HEIGHT_CQH) {
      byHeight = size;
      break;
    }
  }
  return {
    sizeCqh: Math.floor(Math.min(byHeight, byWidth) * 100) / 100,
    askColumnPercent: Math.round(askShare * 100),
  };
}
