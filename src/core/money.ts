import { msg, type Message } from "./messages/render";
/** Money helpers: amounts are integer cents. */

/** Cents of a euro amount, rounded half away from zero (robust to binary fractions). */
export function toCents(euros: number): number {
  // toPrecision(15) removes binary noise (1.005 * 100 = 100.49999999999999 -> 100.5).
  const scaled = Number((euros * 100).toPrecision(15));
  const rounded = Math.round(Math.abs(scaled));
  return scaled < 0 ? -rounded : rounded;
}

/** Euros of a cent amount (for display and sheet output). */
export function toEuros(cents: number): number {
  return cents / 100;
}

/** HT cents from TTC cents and a VAT rate in percent (e.g. 20), rounded to the cent. */
export function htFromTtc(ttcCents: number, vatPercent: number): number {
  return Math.round((ttcCents * 100) / (100 + vatPercent));
}

/**
 * htFromTtc for exact (big-integer) cents: round(ttc × 100 / (100 + rate)) with the rate taken to
 * the hundredth of a percent and Math.round's rounding (half towards +∞), without floating point.
 */
export function htFromTtcExact(ttcCents: bigint, vatPercent: number): bigint {
  const numerator = ttcCents * 10_000n;
  const denominator = 10_000n + BigInt(Math.round(vatPercent * 100));
  // floor((2n + d) / 2d): BigInt division truncates towards zero, so floor by hand.
  const a = 2n * numerator + denominator;
  const b = 2n * denominator;
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}

/** "1 234,56 €" (French grouping with a narrow no-break space). */
export function formatEuros(cents: number): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const units = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
  const dec = String(abs % 100).padStart(2, "0");
  return `${negative ? "-" : ""}${units},${dec} €`;
}

/**
 * Amounts above this, on one line, are implausible for a local government (10 milliards €): the
 * line is analysed, with a warning ("montant invraisemblable") — usually a misplaced decimal
 * mark, a column of identifiers taken for amounts, or cents typed as euros.
 */
export const PLAUSIBLE_LINE_MAX_CENTS = 1_000_000_000_000;

/** The largest amount kept exact as a number of cents (Number.MAX_SAFE_INTEGER cents). */
export const MAX_EXACT_CENTS = Number.MAX_SAFE_INTEGER;

/** True when a line's amount is beyond PLAUSIBLE_LINE_MAX_CENTS (either sign). */
export function isImplausibleCents(cents: number): boolean {
  return cents > PLAUSIBLE_LINE_MAX_CENTS || cents < -PLAUSIBLE_LINE_MAX_CENTS;
}

/**
 * Exact cents of a decimal written as its digits — integer part and fraction, no separators —
 * rounded half away from zero at the cent, without going through floating point: "90071992547409"
 * and "93" → 9007199254740993n.
 */
export function centsOfDigits(negative: boolean, integerDigits: string, fraction: string): bigint {
  const padded = (fraction + "000").slice(0, 3);
  let cents = BigInt((integerDigits === "" ? "0" : integerDigits) + padded.slice(0, 2));
  if (padded.charCodeAt(2) >= 53 /* "5" */) cents += 1n;
  return negative && cents !== 0n ? -cents : cents;
}

/** formatEuros for exact (big-integer) cents: "90 071 992 547 409,93 €". */
export function formatEurosBig(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const units = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
  const dec = (abs % 100n).toString().padStart(2, "0");
  return `${negative ? "-" : ""}${units},${dec} €`;
}

/** Anomaly text of a line above PLAUSIBLE_LINE_MAX_CENTS (the line is analysed). */
export function implausibleAmountReason(cents: number): Message {
  return msg("anomaly.amountImplausibleLine", { amount: formatEuros(cents) });
}

/** Anomaly text of a line beyond MAX_EXACT_CENTS (the line is rejected). */
export function beyondExactReason(cents: bigint): Message {
  return msg("anomaly.amountBeyondExact", {
    amount: formatEurosBig(cents),
    limit: formatEuros(MAX_EXACT_CENTS),
  });
}
