/**
 * Analysis periods: a civil year, a month, or a range of months (SPEC §4 SP6, issue #3).
 * All bounds are inclusive day numbers.
 */
import { bulkYear } from "./bulk-year";
import { dayFromYMD, ymdFromDay } from "./dates";

export type PeriodKind = "year" | "month" | "range";

export interface Period {
  kind: PeriodKind;
  /** First day, inclusive. */
  start: number;
  /** Last day, inclusive. */
  end: number;
  /** Canonical text: "2025", "2025-03", "2025-01..2025-06". */
  label: string;
}

/**
 * Typed error with a French message. kind "invalid": the period typed is not one (a usage error);
 * kind "empty": the period holds none of the data given (a data error, issue #12).
 */
export class PeriodError extends Error {
  readonly kind: "invalid" | "empty";
  constructor(message: string, kind: "invalid" | "empty" = "invalid") {
    super(message);
    this.name = "PeriodError";
    this.kind = kind;
  }
}

/** First and last day of the data (inclusive day numbers). */
export interface DateRange {
  start: number;
  end: number;
}

function lastDayOfMonth(year: number, month: number): number {
  return dayFromYMD(year, month + 1, 1) - 1;
}

function monthLabel(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, "0")}`;
}

export function yearPeriod(year: number): Period {
  return {
    kind: "year",
    start: dayFromYMD(year, 1, 1),
    end: dayFromYMD(year, 12, 31),
    label: String(year),
  };
}

export function monthPeriod(year: number, month: number): Period {
  return {
    kind: "month",
    start: dayFromYMD(year, month, 1),
    end: lastDayOfMonth(year, month),
    label: monthLabel(year, month),
  };
}

export function rangePeriod(
  fromYear: number,
  fromMonth: number,
  toYear: number,
  toMonth: number
): Period {
  const start = dayFromYMD(fromYear, fromMonth, 1);
  const end = lastDayOfMonth(toYear, toMonth);
  if (end < start)
    throw new PeriodError(
      `Période vide : ${monthLabel(fromYear, fromMonth)} est après ${monthLabel(toYear, toMonth)}.`
    );
  return {
    kind: "range",
    start,
    end,
    label: `${monthLabel(fromYear, fromMonth)}..${monthLabel(toYear, toMonth)}`,
  };
}

/** Parses "2025", "2025-03" or "2025-01..2025-06"; throws PeriodError with a French message. */
export function parsePeriod(text: string): Period {
  const t = text.trim();
  let m = /^(\d{4})$/.exec(t);
  if (m) return yearPeriod(Number(m[1]));
  m = /^(\d{4})-(\d{1,2})$/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return monthPeriod(Number(m[1]), Number(m[2]));
  m = /^(\d{4})-(\d{1,2})\s*\.\.\s*(\d{4})-(\d{1,2})$/.exec(t);
  if (m && [m[2], m[4]].every((x) => Number(x) >= 1 && Number(x) <= 12)) {
    return rangePeriod(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]));
  }
  throw new PeriodError(
    `Période « ${text} » non reconnue. Indiquez une année (2025), un mois (2025-03) ou un intervalle de mois (2025-01..2025-06).`
  );
}

/** The same period one year earlier (29 February maps to 28 February). */
export function previousYearPeriod(p: Period): Period {
  const s = ymdFromDay(p.start);
  const e = ymdFromDay(p.end);
  const start = dayFromYMD(
    s.year - 1,
    s.month,
    Math.min(s.day, lastDayOfMonthDay(s.year - 1, s.month))
  );
  const end = dayFromYMD(
    e.year - 1,
    e.month,
    Math.min(e.day, lastDayOfMonthDay(e.year - 1, e.month))
  );
  return { kind: p.kind, start, end, label: shiftLabel(p.label, -1) };
}

function lastDayOfMonthDay(year: number, month: number): number {
  return ymdFromDay(lastDayOfMonth(year, month)).day;
}

function shiftLabel(label: string, years: number): string {
  return label.replace(/\d{4}/g, (y) => String(Number(y) + years));
}

/** Year-to-date of the period's end: 1 January of the end year to the period end. */
export function yearToDate(p: Period): Period {
  const e = ymdFromDay(p.end);
  return {
    kind: "range",
    start: dayFromYMD(e.year, 1, 1),
    end: p.end,
    label: `${e.year}-01..${monthLabel(e.year, e.month)}`,
  };
}

/** "YYYY-MM" keys of every month the period touches, in order. */
export function monthsOf(p: Period): string[] {
  const s = ymdFromDay(p.start);
  const e = ymdFromDay(p.end);
  const out: string[] = [];
  for (
    let y = s.year, m = s.month;
    y < e.year || (y === e.year && m <= e.month);
    m === 12 ? (y++, (m = 1)) : m++
  ) {
    out.push(monthLabel(y, m));
  }
  return out;
}

export function contains(p: Period, day: number): boolean {
  return day >= p.start && day <= p.end;
}

/**
 * Years of the dates that lie far in the future of the others (issue #13): taken from the latest
 * year down, a year two or more years after the next year holding dates, and holding fewer dates
 * than all the earlier years together, is a typing error (2099 for 2025), not the year to analyse. A few passes of numeric
 * comparisons over the days (no per-day calendar arithmetic): cheap on a million lines.
 */
export function farFutureYears(days: readonly number[]): Set<number> {
  const out = new Set<number>();
  let max = -Infinity;
  for (const d of days) if (d > max) max = d;
  while (max !== -Infinity) {
    const year = ymdFromDay(max).year;
    const yearStart = dayFromYMD(year, 1, 1);
    const prevStart = dayFromYMD(year - 1, 1, 1);
    let top = 0;
    let below = -Infinity;
    for (const d of days) {
      if (d >= yearStart) {
        if (d <= max) top++;
      } else if (d > below) below = d;
    }
    if (below === -Infinity || below >= prevStart) break; // nothing earlier, or no gap
    let earlier = 0;
    for (const d of days) if (d <= below) earlier++;
    if (top >= earlier) break;
    out.add(year);
    max = below;
  }
  return out;
}

/**
 * First and last of the days given, dates far in the future of the others (farFutureYears) left
 * out; null when there is none.
 */
export function dataRange(days: Iterable<number>): DateRange | null {
  const all = Array.isArray(days) ? (days as number[]) : [...days];
  const ignored = farFutureYears(all);
  let start = Infinity;
  let end = -Infinity;
  for (const day of all) {
    if (ignored.size > 0 && ignored.has(ymdFromDay(day).year)) continue;
    if (day < start) start = day;
    if (day > end) end = day;
  }
  return end === -Infinity ? null : { start, end };
}

/**
 * The automatic period of data ending on `range.end` (issue #12): the civil year when the data
 * reach December, else the year to date — 1 January to the end of the last month with data
 * (data ending on 30/10/2026 give 2026-01..2026-10, compared with 2025-01..2025-10).
 */
export function automaticPeriod(range: DateRange): Period {
  const { year, month } = ymdFromDay(range.end);
  if (month === 12) return yearPeriod(year);
  if (month === 1) return monthPeriod(year, 1);
  return rangePeriod(year, 1, year, month);
}

/**
 * The part of `p` a comparison with the year before may use: `p` cut at the end of the last month
 * with data, so that ten months of data are never compared with twelve (a full-year comparison is
 * only made between full years). `p` itself when the data reach its last month.
 */
export function comparedPeriod(p: Period, range: DateRange | null): Period {
  if (range === null || range.end >= p.end) return p;
  const e = ymdFromDay(range.end);
  const end = lastDayOfMonth(e.year, e.month);
  if (end >= p.end || range.end < p.start) return p;
  const s = ymdFromDay(p.start);
  if (s.year === e.year && s.month === e.month) return monthPeriod(e.year, e.month);
  return rangePeriod(s.year, s.month, e.year, e.month);
}

/**
 * The default period: the civil year of the latest date given (or null when none), dates far in
 * the future of the others (farFutureYears) left out.
 */
export function latestYearPeriod(days: Iterable<number>): Period | null {
  const all = Array.isArray(days) ? (days as number[]) : [...days];
  const ignored = farFutureYears(all);
  let max = -Infinity;
  for (const day of all) if (day > max) max = day;
  while (max !== -Infinity && ignored.has(ymdFromDay(max).year)) {
    const limit = dayFromYMD(ymdFromDay(max).year, 1, 1);
    let next = -Infinity;
    for (const day of all) if (day < limit && day > next) next = day;
    max = next;
  }
  return max === -Infinity ? null : yearPeriod(bulkYear(all.filter((d) => d <= max))?.year ?? ymdFromDay(max).year);
}
