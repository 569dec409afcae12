/**
 * Pure descriptive statistics used by the MU and TE indicators.
 *
 * Conventions (documented here once, cited by the indicators):
 * - `quantile` uses linear interpolation between order statistics on the sorted values
 *   (Hyndman & Fan type 7 — the default of R, NumPy and Excel's PERCENTILE.INC / CENTILE):
 *   h = (n − 1)·p, Q(p) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]), x sorted ascending, 0-based.
 * - `coefficientOfVariation` is the population standard deviation (divided by n) over the mean,
 *   as a ratio (multiply by 100 for a percentage).
 * - `gini` is the population Gini coefficient, G = Σᵢ Σⱼ |xᵢ − xⱼ| / (2·n²·μ), in [0, 1 − 1/n]:
 *   [1, 1, 1, 1] → 0 ; [0, 0, 0, 1] → 0.75.
 */

/** Quantile p ∈ [0, 1] of values already sorted ascending (type 7 linear interpolation); null when empty. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`Quantile hors de [0, 1] : ${p}`);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Quantile p ∈ [0, 1] of values in any order (copied and sorted; see `quantileSorted`); null when empty. */
export function quantile(values: readonly number[], p: number): number | null {
  return quantileSorted(sortedCopy(values), p);
}

/** A sorted (ascending, numeric) copy of the values. */
export function sortedCopy(values: readonly number[]): Float64Array {
  const out = Float64Array.from(values);
  out.sort();
  return out;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Population standard deviation (divides by n); null when empty. */
export function populationStdDev(values: readonly number[]): number | null {
  const mu = mean(values);
  if (mu === null) return null;
  let squares = 0;
  for (const v of values) squares += (v - mu) * (v - mu);
  return Math.sqrt(squares / values.length);
}

/** Coefficient of variation σ/μ (population σ), as a ratio; null when empty or when the mean is 0. */
export function coefficientOfVariation(values: readonly number[]): number | null {
  const mu = mean(values);
  if (mu === null || mu === 0) return null;
  const sigma = populationStdDev(values) as number;
  return sigma / Math.abs(mu);
}

/**
 * Population Gini coefficient of non-negative values, computed in O(n log n) with the sorted form
 * G = 2·Σᵢ i·x₍ᵢ₎ / (n·Σx) − (n + 1)/n (i = 1..n, ascending), equal to Σᵢ Σⱼ |xᵢ − xⱼ| / (2·n²·μ).
 * Null when empty, when a value is negative (the coefficient is not defined) or when all values are 0.
 */
export function gini(values: readonly number[]): number | null {
  const n = values.length;
  if (n === 0) return null;
  const sorted = sortedCopy(values);
  if (sorted[0] < 0) return null;
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += sorted[i];
    weighted += (i + 1) * sorted[i];
  }
  if (total === 0) return null;
  const g = (2 * weighted) / (n * total) - (n + 1) / n;
  // Clamp floating noise (e.g. −1e-17 for equal values).
  return Math.max(0, g);
}
