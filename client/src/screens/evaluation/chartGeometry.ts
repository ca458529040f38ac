// The geometry of the evaluation's charts, apart from drawing them, so it can be tested.

/** Maps a value in [d0, d1] onto [r0, r1]; a domain of one value maps to r0. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (value: number) => number {
  const span = d1 - d0;
  return (value) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0));
}

/** Round steps from `from` to `to` (both included when they fall on a step): 0, 5, 10… */
export function steps(from: number, to: number, step: number): number[] {
  const first = Math.ceil(from / step) * step;
  const out: number[] = [];
  for (let v = first; v <= to + 1e-9 && out.length < 200; v += step) out.push(v);
  return out;
}

/** A round step for about `count` ticks over a span: 1, 2, 5, 10, 20, 50… */
export function niceStep(span: number, count = 5): number {
  if (span <= 0) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

/** A round time step for about `count` ticks over a span of ms: 5, 10, 15, 30 minutes, an hour… */
export function timeStep(spanMs: number, count = 6): number {
  const minute = 60_000;
  for (const minutes of [1, 2, 5, 10, 15, 30, 60, 120, 240, 720, 1440])
    if (minutes * minute * count >= spanMs) return minutes * minute;
  return 1440 * minute * Math.ceil(spanMs / (1440 * minute * count));
}

export interface StackedRect<K extends string> {
  key: K;
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
}

/**
 * Stacked columns: each bin's parts from the baseline up, in `keys` order, scaled so the
 * tallest column (or `max`) fills `height`. Parts of zero draw nothing.
 */
export function stackedColumns<K extends string>(
  bins: readonly Record<K, number>[],
  keys: readonly K[],
  box: { x: number; y: number; width: number; height: number; gap: number; max?: number },
): StackedRect<K>[][] {
  const tallest = Math.max(box.max ?? 0, ...bins.map((bin) => keys.reduce((sum, k) => sum + bin[k], 0)), 1);
  const slot = bins.length === 0 ? 0 : box.width / bins.length;
  const columnWidth = Math.max(1, slot - box.gap);
  const scale = box.height / tallest;
  return bins.map((bin, index) => {
    let top = box.y + box.height;
    const rects: StackedRect<K>[] = [];
    for (const key of keys) {
      const value = bin[key];
      if (value <= 0) continue;
      const height = value * scale;
      top -= height;
      rects.push({ key, x: box.x + index * slot + box.gap / 2, y: top, width: columnWidth, height, value });
    }
    return rects;
  });
}

/** An SVG path through points, in order: "M x y L x y…". */
export const pathThrough = (points: readonly [number, number][]): string =>
  points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${round(x)} ${round(y)}`).join(' ');

export const round = (n: number): number => Math.round(n * 10) / 10;
