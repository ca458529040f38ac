// Spreadsheets spell names the way people type them: "St Marys" for "St Mary's". When a
// name is not found, the import suggests the nearest one instead of only refusing it.

/** The fewest single-character insertions, deletions, substitutions or swaps from a to b. */
export function editDistance(a: string, b: string): number {
  return boundedEditDistance(a, b, Number.POSITIVE_INFINITY, { cells: Number.POSITIVE_INFINITY });
}

/**
 * How much comparing unknown names may cost, in cells of the distance table: 400,000 are
 * about 10 ms here. A file gets that much per 500 rows; past it, names not found are still
 * reported, without a suggestion.
 */
export interface SuggestionBudget {
  cells: number;
}
export const SUGGESTION_CELLS = 400_000;
export const suggestionBudget = (): SuggestionBudget => ({ cells: SUGGESTION_CELLS });

/**
 * editDistance, or Infinity once it is sure to be above `limit`. Only the diagonal band the
 * limit allows is filled in, and each cell is taken from the budget; an exhausted budget
 * answers Infinity (no suggestion) rather than working on.
 */
export function boundedEditDistance(a: string, b: string, limit: number, budget: SuggestionBudget): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return Number.POSITIVE_INFINITY;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const band = Math.min(Math.max(a.length, b.length), limit);
  const far = Number.POSITIVE_INFINITY;
  // Three rows of the table are enough for the swap (Damerau) step.
  let before = new Array<number>(b.length + 1).fill(far);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => (j <= band ? j : far));
  let current = new Array<number>(b.length + 1).fill(far);
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(b.length, i + band);
    budget.cells -= to - from + 1;
    if (budget.cells < 0) return far;
    current.fill(far);
    current[0] = i <= band ? i : far;
    let rowBest = current[0]!;
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, before[j - 2]! + 1);
      current[j] = best;
      if (best < rowBest) rowBest = best;
    }
    if (rowBest > limit) return far;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]! <= limit ? previous[b.length]! : far;
}

/** How names are compared: case, accents, punctuation and spacing do not count. */
export const nameKey = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('en-GB')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * The candidate a mistyped name most likely meant, or null when none is close: at most a
 * third of the name's letters may differ (and at least one is forgiven in short names).
 * Each closer candidate narrows the search; `budget` bounds the whole file's work.
 */
export function closestName(
  typed: string,
  candidates: readonly string[],
  budget: SuggestionBudget = suggestionBudget(),
  /** The candidates' nameKeys, when the caller has them already (one file, many rows). */
  keys: readonly string[] = candidates.map(nameKey),
): string | null {
  const key = nameKey(typed);
  if (key === '') return null;
  let best: string | null = null;
  let limit = Math.max(1, Math.floor(key.length / 3));
  for (const [i, candidate] of candidates.entries()) {
    // Even a candidate passed over at a glance costs something: the budget bounds it all.
    if (--budget.cells <= 0) break;
    const distance = boundedEditDistance(key, keys[i]!, limit, budget);
    if (distance <= limit) {
      best = candidate;
      if (distance === 0) break;
      limit = distance - 1;
    }
  }
  return best;
}
