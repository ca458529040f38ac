// The commitments board fills the projector's stage: type as large as the board allows,
// from its counts and lengths alone (see screens/screen/stageFit.ts for the units). The
// size is a CSS min() of a height bound in cqh and a width bound in cqw, so a 16:9 stage
// and a 4:3 one each get the largest type that fits them.

const round = (n: number) => Math.floor(n * 100) / 100;

export interface CommitmentsFit {
  /** The board's type: `min(<cqh>, <cqw>)`. */
  fontSize: string;
  /** The ask column's share of the board's width, in %. */
  askColumnPercent: number;
}

/** The board's height in cqh: the stage less the scene's padding and its heading. */
const COMMITMENTS_HEIGHT_CQH = 84;
/** The board's width in cqw: the stage less the scene's padding. */
const COMMITMENTS_WIDTH_CQW = 92;
/** "○ ABSENT" and "~ WAFFLE" with the cell's padding, in em. */
const ANSWER_CELL_EM = 6;

/**
 * Asks (rows) against power-holders (columns). A 3 x 3 board gets type about 6 cqh high; a
 * 10 x 12 one shrinks until every row and every answer word fits.
 */
export function commitmentsFit(askTitles: readonly string[], holderCount: number): CommitmentsFit {
  const columns = Math.max(1, holderCount);
  const askShare = columns <= 3 ? 0.34 : columns <= 6 ? 0.26 : 0.2;
  const answerColumnCqw = ((1 - askShare) * COMMITMENTS_WIDTH_CQW) / columns;
  const byWidth = answerColumnCqw / ANSWER_CELL_EM;
  // By height, on the narrowest stage (4:3), where an ask's title wraps the most.
  const askColumnCqh = askShare * COMMITMENTS_WIDTH_CQW * 0.75;
  let byHeight = 1;
  for (let tenths = 70; tenths > 10; tenths--) {
    const size = tenths / 10;
    const perLine = Math.max(1, Math.floor(askColumnCqh / (0.58 * size)) - 2);
    // The header: a name over two lines and a role, at 0.9 em.
    let height = 3.4 * 0.9 * size;
    for (const title of askTitles) {
      const lines = Math.max(1, Math.ceil(title.length / perLine));
      height += Math.max(lines * 1.15 + 0.9, 2.2) * size + 0.7;
    }
    if (height <= COMMITMENTS_HEIGHT_CQH) {
      byHeight = size;
      break;
    }
  }
  return {
    fontSize: `min(${round(byHeight)}cqh, ${round(byWidth)}cqw)`,
    askColumnPercent: Math.round(askShare * 100),
  };
}
