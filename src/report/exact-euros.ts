/**
 * Amounts of the reconciliation as the report writes them, exact to the cent whatever their size
 * (issue #13, item 9): a number of euros while Excel holds it exactly (15 significant digits, so
 * below 10^15 cents, 10 000 milliards €), else the amount as text ("123 456 789 012 345 692,24 €").
 */
import { exactCentsOf, type AmountKey } from "../core/intake/totals";
import type { ExactCents } from "../core/model";
import type { Lang } from "./labels";

/** Cents from which an amount of euros has more than 15 significant digits. */
export const EXCEL_EXACT_CENTS = 10n ** 15n;

/** "123 456 789 012 345 692,24 €" / "€123,456,789,012,345,692.24". */
export function exactEurosText(lang: Lang, cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const units = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, lang === "fr" ? "\u202f" : ",");
  const dec = (abs % 100n).toString().padStart(2, "0");
  const sign = negative ? "-" : "";
  return lang === "fr" ? `${sign}${units},${dec} €` : `${sign}€${units}.${dec}`;
}

/** An amount of cents as a cell value: euros as a number when exact in Excel, else its text. */
export function exactEuros(lang: Lang, cents: bigint): number | string {
  const abs = cents < 0n ? -cents : cents;
  return abs < EXCEL_EXACT_CENTS ? Number(cents) / 100 : exactEurosText(lang, cents);
}

/** A reconciliation total (a table's or the workbook's) as a cell value, exactly. */
export function reconciliationEuros(
  lang: Lang,
  rec: Record<AmountKey, number> & { exactCents?: ExactCents },
  key: AmountKey
): number | string {
  return exactEuros(lang, exactCentsOf(rec, key));
}
