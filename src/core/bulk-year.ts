/**
 * The automatic period's year (issue #11 §5): the most recent civil year that holds the bulk of the
 * data, not a year with a handful of late rows. Pure; period.ts calls it to build the period, the
 * CLI, the pane and the stamps print its choice and the data's date range.
 *
 * Rule: a year "holds data" when its dated records are at least BULK_SHARE (10 %) of the busiest
 * year's and at least BULK_MIN_ROWS (2); the chosen year is the latest such year (when no year
 * qualifies — one record a year — the latest of the busiest years). So 7 contracts notified in 2025 among 7 267 in
 * 2024 choose 2024, while two months of a new year (about a sixth of a full year) choose it — the
 * year to date.
 */
import { ymdFromDay } from "./dates";
import { msg, type Message } from "./messages/render";

export const BULK_SHARE = 0.1;
export const BULK_MIN_ROWS = 2;

export interface BulkYear {
  year: number;
  /** Dated records per civil year, ascending. */
  years: { year: number; count: number }[];
  /** First and last day of the data (all records, the left-out years included). */
  first: number;
  last: number;
  /** Later years left out because they hold only a handful of records. */
  leftOut: { year: number; count: number }[];
}

/** The year holding the bulk of the data; null when no day is given. */
export function bulkYear(days: Iterable<number>, share = BULK_SHARE): BulkYear | null {
  const counts = new Map<number, number>();
  let first = Infinity;
  let last = -Infinity;
  for (const d of days) {
    if (!Number.isFinite(d)) continue;
    if (d < first) first = d;
    if (d > last) last = d;
    const y = ymdFromDay(d).year;
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  if (counts.size === 0) return null;
  const years = [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([year, count]) => ({ year, count }));
  const busiest = Math.max(...years.map((y) => y.count));
  let chosen = years.filter((y) => y.count === busiest).pop() as { year: number; count: number };
  for (let i = years.length - 1; i >= 0; i--) {
    if (years[i].count >= share * busiest && years[i].count >= BULK_MIN_ROWS) {
      chosen = years[i];
      break;
    }
  }
  return { year: chosen.year, years, first, last, leftOut: years.filter((y) => y.year > chosen.year) };
}

/** « Période automatique : 2024 (données du 02/01/2024 au 15/01/2025 ; 2025 écartée : 7 lignes) », as a message. */
export function describeBulkYear(b: BulkYear, dateText: (day: number) => string): Message {
  let list: Message | null = null;
  for (const y of [...b.leftOut].reverse()) {
    const item = msg("period.bulkYearLeftItem", { year: String(y.year), count: y.count });
    list = list === null ? item : msg("period.listPair", { a: item, b: list });
  }
  return msg("period.bulkYear", {
    year: String(b.year),
    first: dateText(b.first),
    last: dateText(b.last),
    leftOut:
      list === null ? msg("decp.empty") : msg("period.bulkYearLeftOut", { n: b.leftOut.length, list }),
  });
}
