/**
 * Quantiles of a distribution of buyers (issue #15).
 *
 * Method: Hyndman & Fan type 7, the default of R and of Excel's QUARTILE.INC / PERCENTILE.INC:
 * for sorted values x[0..n-1] and a probability p, h = (n − 1)·p, and
 * Q(p) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]) (linear interpolation between order statistics).
 *
 * Disclosure rule: no figure is published from fewer than MIN_BUYERS buyers (5): below that,
 * `summarize` returns null and the caller shows "moins de 5 acheteurs".
 */

/** Smallest number of buyers behind any published quantile. */
export const MIN_BUYERS = 5;

export const QUANTILE_METHOD =
  "Quantiles de type 7 (interpolation linéaire entre valeurs ordonnées, comme QUARTILE.INC et CENTILE.INCLURE d'Excel)";

/** Type-7 quantile of values already sorted ascending (p in [0, 1]); null when empty. */
export function quantileSorted(sorted: readonly number[], p: number): number | null {
  const n = sorted.length;
  if (n === 0 || !(p >= 0 && p <= 1)) return null;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export interface Distribution {
  /** Number of buyers (or fiches) behind the figures. */
  n: number;
  q1: number;
  median: number;
  q3: number;
  /** D1..D9 (index 0 = D1 = P10). */
  deciles: number[];
  mean: number;
}

/** Rounds to 4 decimals, so figures written to JSON stay short and compare exactly. */
export function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/**
 * Quartiles, deciles and mean of the finite values; null when fewer than `minCount` (default
 * MIN_BUYERS) values remain. Figures are rounded to 4 decimals.
 */
export function summarize(
  values: readonly number[],
  minCount: number = MIN_BUYERS
): Distribution | null {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length < Math.max(1, minCount)) return null;
  const q = (p: number) => round4(quantileSorted(sorted, p) as number);
  const deciles: number[] = [];
  for (let k = 1; k <= 9; k++) deciles.push(q(k / 10));
  const mean = sorted.reduce((s, v) => s + v, 0) / sorted.length;
  return {
    n: sorted.length,
    q1: q(0.25),
    median: q(0.5),
    q3: q(0.75),
    deciles,
    mean: round4(mean),
  };
}

export interface Position {
  /** 1 (value ≤ Q1) … 4 (value > Q3). */
  quartile: 1 | 2 | 3 | 4;
  /**
   * Estimated percentile 0..100, by linear interpolation between the published points
   * (P10 = D1, P20, P25 = Q1, …, P75 = Q3, …, P90 = D9); clamped to 10 below D1 and 90 above D9
   * (the published figures do not go further), with `beyond` saying so.
   */
  percentile: number;
  beyond: "below" | "above" | null;
}

/** Where a value stands in a distribution. */
export function positionOf(value: number, d: Distribution): Position {
  const quartile: Position["quartile"] =
    value <= d.q1 ? 1 : value <= d.median ? 2 : value <= d.q3 ? 3 : 4;
  const points: [number, number][] = [
    [10, d.deciles[0]],
    [20, d.deciles[1]],
    [25, d.q1],
    [30, d.deciles[2]],
    [40, d.deciles[3]],
    [50, d.median],
    [60, d.deciles[5]],
    [70, d.deciles[6]],
    [75, d.q3],
    [80, d.deciles[7]],
    [90, d.deciles[8]],
  ];
  if (value < points[0][1]) return { quartile, percentile: 10, beyond: "below" };
  if (value > points[points.length - 1][1]) return { quartile, percentile: 90, beyond: "above" };
  // Ties (several points with the value): the middle of the tied run of probabilities.
  const tied = points.filter(([, x]) => x === value);
  if (tied.length > 0) {
    const p = (tied[0][0] + tied[tied.length - 1][0]) / 2;
    return { quartile, percentile: p, beyond: null };
  }
  for (let i = 0; i < points.length - 1; i++) {
    const [p0, x0] = points[i];
    const [p1, x1] = points[i + 1];
    if (value > x0 && value < x1) {
      const p = p0 + ((value - x0) / (x1 - x0)) * (p1 - p0);
      return { quartile, percentile: Math.round(p * 10) / 10, beyond: null };
    }
  }
  return { quartile, percentile: 50, beyond: null };
}
