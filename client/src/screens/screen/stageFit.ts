// How big the projector's type can be for what it must hold, worked out from the state
// alone (lengths and counts), never by measuring the page: the same state lays out the
// same on the projector, the speaker's monitor and the chair's thumbnail of the stage.
//
// Sizes are in stage units: cqh (a hundredth of the stage's height). The stage is
// anything from 4:3 to 16:9: each size is worked out for both, and the stage's CSS picks
// one by its aspect ratio (components/fitted.ts).

export interface TextBox {
  /** How many characters the text holds. */
  chars: number;
  /** The box's width and height in cqh. */
  widthCqh: number;
  heightCqh: number;
  /** The largest type wanted, in cqh, however roomy the box. */
  maxCqh: number;
  /** The smallest type allowed, in cqh: below it, the box grows instead. */
  minCqh?: number;
  /** An average character's width in em (bold system sans: about 0.56). */
  em?: number;
  lineHeight?: number;
}

/**
 * The largest type (cqh, in tenths) at which `chars` characters wrap into the box, with a
 * word's worth of slack at each line's end so a long word going to the next line still fits.
 */
export function fitType({
  chars,
  widthCqh,
  heightCqh,
  maxCqh,
  minCqh = 1,
  em = 0.56,
  lineHeight = 1.15,
}: TextBox): number {
  for (let tenths = Math.round(maxCqh * 10); tenths > minCqh * 10; tenths--) {
    const size = tenths / 10;
    const perLine = Math.floor(widthCqh / (em * size));
    // A line breaks at a space: on average it ends some way short of the box's edge.
    const usable = Math.max(1, perLine - Math.min(8, Math.ceil(perLine * 0.15)));
    const lines = Math.max(1, Math.ceil(chars / usable));
    if (perLine >= 1 && lines * lineHeight * size <= heightCqh) return size;
  }
  return minCqh;
}

/** The message banner at the stage's foot: the longest message (280) keeps it under a quarter. */
export const BANNER_MAX_CQH = 26;
const BANNER_PADDING_CQH = 4;

export function bannerType(message: string, stageWidthCqh: number): number {
  return fitType({
    chars: message.length,
    // The banner's text runs the stage's width less 6 cqw a side.
    widthCqh: stageWidthCqh * 0.88,
    heightCqh: BANNER_MAX_CQH - BANNER_PADDING_CQH,
    maxCqh: 6,
    minCqh: 3,
    em: 0.6,
    lineHeight: 1.15,
  });
}

/**
 * The item's title on the agenda scene, across the stage: up to 8.5 cqh, smaller as it
 * grows longer, and smaller still while a message takes the foot of the stage.
 */
export function titleType(title: string, withBanner: boolean, stageWidthCqh: number): number {
  return fitType({
    chars: title.length,
    widthCqh: stageWidthCqh * 0.9,
    heightCqh: withBanner ? 20 : 30,
    maxCqh: withBanner ? 7 : 8.5,
    minCqh: 3,
    em: 0.56,
    lineHeight: 1.1,
  });
}

/** The speaker's name under the title: one or two lines. */
export function speakerType(speaker: string, withBanner: boolean, stageWidthCqh: number): number {
  return fitType({
    chars: speaker.length,
    widthCqh: stageWidthCqh * 0.9,
    heightCqh: withBanner ? 4.5 : 10,
    maxCqh: withBanner ? 3.8 : 4.5,
    minCqh: 2,
    em: 0.52,
    lineHeight: 1.15,
  });
}

/** The welcome scene's title, in the column beside the join QR. */
export function welcomeTitleType(title: string, stageWidthCqh: number): number {
  return fitType({
    chars: title.length,
    // The stage less its padding (5%), the gap (5%) and the QR (55 cqh).
    widthCqh: stageWidthCqh * 0.85 - 55,
    heightCqh: 30,
    maxCqh: 8,
    minCqh: 3,
    em: 0.56,
    lineHeight: 1.1,
  });
}

/**
 * The ask's exact words, never cut: as large as the room left above the answers allows
 * (one row of cards for up to three power-holders, two for six, rows of five beyond).
 */
export function askWordingType(wording: string, holderCount: number, stageWidthCqh: number): number {
  const rows = holderCount <= 3 ? 1 : holderCount <= 6 ? 2 : Math.ceil(holderCount / 5);
  // A card: name, role, the answer (two lines at most) and a note.
  const cardCqh = holderCount <= 3 ? 26 : holderCount <= 6 ? 24 : 19;
  // The stage less its padding (9), the heading with the timer (12), the gaps (6) and the cards.
  const heightCqh = Math.max(12, 100 - 9 - 12 - 6 - rows * cardCqh);
  return fitType({
    chars: wording.length,
    widthCqh: stageWidthCqh * 0.9,
    heightCqh,
    maxCqh: 6,
    minCqh: 1.8,
    em: 0.56,
    lineHeight: 1.2,
  });
}
