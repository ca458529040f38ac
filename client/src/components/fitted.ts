import type { CSSProperties } from 'react';

// The projector's stage is anything from 4:3 to 16:9. A size that depends on the stage's
// width is worked out for both shapes; the stage's CSS (`.fitted`, screens/screen/stage.css)
// picks one by the stage's aspect ratio, and between the two takes 4:3's, the safe one.

/** A stage's width in cqh (hundredths of its height), 4:3 and 16:9. */
export const STAGE_WIDTHS = { narrow: 400 / 3, wide: 1600 / 9 } as const;

/** A size in cqh worked out for each stage shape, for an element with the class `fitted`. */
export function fitted(size: (stageWidthCqh: number) => number): CSSProperties {
  return {
    '--fit-narrow': `${size(STAGE_WIDTHS.narrow)}cqh`,
    '--fit-wide': `${size(STAGE_WIDTHS.wide)}cqh`,
  } as CSSProperties;
}
