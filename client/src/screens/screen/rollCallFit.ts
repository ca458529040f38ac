// The roll call fills the projector's stage: type as large as the board allows, from its
// counts and lengths alone (see stageFit.ts for the units), for a stage of a given width,
// so a 16:9 stage and a 4:3 one each get the largest type that fits them.

const round = (n: number) => Math.floor(n * 100) / 100;

export interface RollCallFit {
  columns: number;
  /** Lines (institutions and section headings) in a column. */
  perColumn: number;
  /** Each line's type in cqh, on a stage this wide. */
  sizeCqh: number;
}

/** At most this many lines in a column; a longer roll call pages. */
const MOST_PER_COLUMN = 16;
/** The columns' height in cqh: the stage less the padding, the heading (with its total) and the foot. */
const ROLL_CALL_HEIGHT_CQH = 66;
const ROLL_CALL_WIDTH_CQW = 92;
const COLUMN_GAP_CQW = 3;

/**
 * The roll call's columns, balanced so none stands nearly empty beside a full one, and its
 * type as large as a line's share of the height and the longest name's width allow.
 */
export function rollCallFit(
  institutionCount: number,
  sectionCount: number,
  bySection: boolean,
  longestName: number,
  longestCount: number,
  stageWidthCqh: number,
): RollCallFit {
  const columns = institutionCount <= 7 ? 1 : institutionCount <= 24 ? 2 : 3;
  const lines = institutionCount + (bySection ? sectionCount : 0);
  // By section, a heading never stands alone at a column's foot: room for one more line.
  const perColumn = Math.max(
    1,
    Math.min(MOST_PER_COLUMN, Math.ceil(lines / columns) + (bySection && sectionCount > 0 ? 1 : 0)),
  );
  // A line: the name over its bar, and the gap to the next, about 1.7 em.
  const byHeight = Math.min(7, ROLL_CALL_HEIGHT_CQH / perColumn / 1.7);
  const columnCqh = ((ROLL_CALL_WIDTH_CQW - COLUMN_GAP_CQW * (columns - 1)) / columns / 100) * stageWidthCqh;
  // The name, a gap and "123 / 456", with a little to spare for wide letters.
  const lineEm = Math.max(8, longestName) * 0.55 + longestCount * 0.62 + 1.2;
  const byWidth = columnCqh / lineEm;
  return { columns, perColumn, sizeCqh: round(Math.min(byHeight, byWidth)) };
}
