/**
 * Fills that read in black and white: each series has its own pattern as well as its shade,
 * so a photocopy of the page still tells them apart. `prefix` keeps ids unique per chart.
 */
export const FILLS = ['solid', 'hatch', 'dots', 'blank'] as const;
export type Fill = (typeof FILLS)[number];

export function Patterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      <pattern
        id={`${prefix}-hatch`}
        width="6"
        height="6"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width="6" height="6" fill="#fff" />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#000" strokeWidth="2.5" />
      </pattern>
      <pattern id={`${prefix}-dots`} width="5" height="5" patternUnits="userSpaceOnUse">
        <rect width="5" height="5" fill="#fff" />
        <circle cx="2.5" cy="2.5" r="1.3" fill="#000" />
      </pattern>
    </defs>
  );
}

export function fillOf(prefix: string, fill: Fill): string {
  switch (fill) {
    case 'solid':
      return '#222';
    case 'hatch':
      return `url(#${prefix}-hatch)`;
    case 'dots':
      return `url(#${prefix}-dots)`;
    case 'blank':
      return '#fff';
    default:
      return fill satisfies never;
  }
}

/** A legend swatch, drawn like the chart's own fill. */
export function Swatch({ prefix, fill }: { prefix: string; fill: Fill }) {
  return (
    <svg width="18" height="14" aria-hidden="true" className="swatch">
      <Patterns prefix={`${prefix}-key`} />
      <rect x="0.5" y="0.5" width="17" height="13" fill={fillOf(`${prefix}-key`, fill)} stroke="#000" />
    </svg>
  );
}
