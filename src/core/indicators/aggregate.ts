/**
 * Generic aggregations shared by the indicator modules: sums of cents by key, shares, ranking,
 * concentration (HHI, top-k). Pure, integer sums over cents, single passes with Maps.
 */
import { monthKey } from "../dates";
import type { Nature, SpendLine } from "../model";

/** A sum of cents and a count of lines. */
export interface Bucket {
  cents: number;
  lines: number;
}

/** Σ amountHTCents and line count per key, in one pass (keys in first-seen order). */
export function sumBy<T extends Pick<SpendLine, "amountHTCents">>(
  lines: readonly T[],
  keyFn: (line: T) => string
): Map<string, Bucket> {
  const out = new Map<string, Bucket>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const key = keyFn(line);
    const b = out.get(key);
    if (b) {
      b.cents += line.amountHTCents;
      b.lines++;
    } else {
      out.set(key, { cents: line.amountHTCents, lines: 1 });
    }
  }
  return out;
}

/** Σ amountHTCents over lines. */
export function totalCents(lines: readonly Pick<SpendLine, "amountHTCents">[]): number {
  let s = 0;
  for (let i = 0; i < lines.length; i++) s += lines[i].amountHTCents;
  return s;
}

/**
 * Herfindahl-Hirschman index: Σ shareᵢ² × 10 000, shares as fractions of Σ amounts → 0..10 000.
 * Only positive amounts take part (a supplier with a net credit holds no market share).
 * Returns 0 when no amount is positive: callers decide whether that means N/A.
 */
export function hhi(amounts: readonly number[]): number {
  let total = 0;
  for (const a of amounts) if (a > 0) total += a;
  if (total <= 0) return 0;
  let s = 0;
  for (const a of amounts) {
    if (a <= 0) continue;
    const share = a / total;
    s += share * share;
  }
  return s * 10_000;
}

/** Σ of the k largest positive amounts over Σ positive amounts, in % (null when none is positive). */
export function topShare(amounts: readonly number[], k: number): number | null {
  const positive = amounts.filter((a) => a > 0).sort((a, b) => b - a);
  let total = 0;
  for (const a of positive) total += a;
  if (total <= 0) return null;
  let top = 0;
  for (let i = 0; i < Math.min(k, positive.length); i++) top += positive[i];
  return (top / total) * 100;
}

/** Map entries sorted by cents descending, then key ascending (deterministic ties). */
export function sortedByCentsDesc<K extends string, B extends { cents: number }>(
  map: Map<K, B>
): [K, B][] {
  return [...map.entries()].sort(
    (a, b) => b[1].cents - a[1].cents || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)
  );
}

/**
 * Memoises a function of a day number. Day numbers repeat a lot in spend data (a few hundred
 * distinct dates per year), so civil-date conversions run once per distinct day.
 */
export function memoByDay<T>(fn: (day: number) => T): (day: number) => T {
  const cache = new Map<number, T>();
  return (day: number) => {
    let v = cache.get(day);
    if (v === undefined) {
      v = fn(day);
      cache.set(day, v);
    }
    return v;
  };
}

/** A memoised `monthKey` ("YYYY-MM" of a day number). */
export function monthKeyer(): (day: number) => string {
  return memoByDay(monthKey);
}

/** "YYYY-MM" of the same month one year earlier. */
export function previousYearMonth(month: string): string {
  return `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;
}

/** Natures in tie-break order, then unknown: the index of a nature in per-nature arrays. */
export const NATURES: readonly (Nature | null)[] = ["Fournitures", "Services", "Travaux", null];

export function natureIndex(n: Nature | null): number {
  return n === "Fournitures" ? 0 : n === "Services" ? 1 : n === "Travaux" ? 2 : 3;
}

/** Nature with the largest amount in a per-nature array (ties: Fournitures, Services, Travaux, unknown). */
export function dominantNature(natureCents: readonly number[]): Nature | null {
  let best = 3;
  let bestCents = -Infinity;
  for (let i = 0; i < NATURES.length; i++) {
    if (natureCents[i] !== 0 && natureCents[i] > bestCents) {
      best = i;
      bestCents = natureCents[i];
    }
  }
  return NATURES[best];
}
