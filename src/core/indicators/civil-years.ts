/**
 * Civil years touched by an analysis period. Threshold checks (CO1 splitting, CO4 repeat purchases)
 * and the SPASER check (RE6) reason on whole civil years: a monthly analysis still sees the
 * cumulated purchases of its year.
 */
import { dayFromYMD, ymdFromDay } from "../dates";
import type { Period } from "../period";

export interface CivilYears {
  /** The years, ascending. */
  years: number[];
  /** First day of each year (same index as `years`). */
  starts: number[];
  /** First day of the first year. */
  start: number;
  /** Last day of the last year. */
  end: number;
}

export function civilYearsOf(period: Period): CivilYears {
  const first = ymdFromDay(period.start).year;
  const last = Math.max(first, ymdFromDay(period.end).year);
  const years: number[] = [];
  const starts: number[] = [];
  for (let y = first; y <= last; y++) {
    years.push(y);
    starts.push(dayFromYMD(y, 1, 1));
  }
  return { years, starts, start: starts[0], end: dayFromYMD(last, 12, 31) };
}

/** Index in `cy.years` of the year of `day`, or -1 when the day is outside those years. */
export function yearIndexOf(cy: CivilYears, day: number): number {
  if (day < cy.start || day > cy.end) return -1;
  let i = cy.starts.length - 1;
  while (i > 0 && day < cy.starts[i]) i--;
  return i;
}

/** Whether the period covers the whole civil year at index i. */
export function isFullYearIn(cy: CivilYears, i: number, period: Period): boolean {
  const yearEnd = i + 1 < cy.starts.length ? cy.starts[i + 1] - 1 : cy.end;
  return period.start <= cy.starts[i] && period.end >= yearEnd;
}
