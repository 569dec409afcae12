/**
 * Exact reconciliation totals (SPEC §2.5, issue #13 item 9): "read = analysed + rejected + set
 * aside" holds to the cent whatever the amounts. Totals are numbers of cents while they stay safe
 * integers (the usual case, no cost); the first amount or sum beyond Number.MAX_SAFE_INTEGER
 * switches the record to exact big-integer totals, kept as decimal strings in `exactCents` (the
 * number fields then hold the nearest double, for display only).
 */
import type { ExactCents, Reconciliation, SetAsideLine, TableReconciliation } from "../model";

/** The amount fields of a reconciliation. */
export type AmountKey =
  | "amountReadCents"
  | "amountAnalysedCents"
  | "amountRejectedCents"
  | "amountSetAsideCents";

type Amounts = Pick<TableReconciliation, AmountKey | "exactCents">;

const EXACT_KEY: Record<AmountKey, keyof ExactCents> = {
  amountReadCents: "read",
  amountAnalysedCents: "analysed",
  amountRejectedCents: "rejected",
  amountSetAsideCents: "setAside",
};

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Adds integer cents (a number, or a big integer for an amount beyond the safe range) to a total. */
export function addCents(rec: Amounts, key: AmountKey, cents: number | bigint): void {
  if (rec.exactCents === undefined) {
    let small: number | null = null;
    if (typeof cents === "number") small = cents;
    else if (cents <= MAX_SAFE && cents >= -MAX_SAFE) small = Number(cents);
    if (small !== null) {
      const next = rec[key] + small;
      // A true sum beyond 2^53 − 1 never rounds back to a safe integer.
      if (Number.isSafeInteger(next)) {
        rec[key] = next + 0;
        return;
      }
    }
    // Every total so far is a safe integer, hence exact: they start the exact totals.
    rec.exactCents = {
      read: String(rec.amountReadCents),
      analysed: String(rec.amountAnalysedCents),
      rejected: String(rec.amountRejectedCents),
      setAside: String(rec.amountSetAsideCents),
    };
  }
  const exact = rec.exactCents;
  const k = EXACT_KEY[key];
  const next = BigInt(exact[k]) + (typeof cents === "bigint" ? cents : BigInt(cents));
  exact[k] = next.toString();
  rec[key] = Number(next);
}

/** A total in cents, exactly. */
export function exactCentsOf(rec: Amounts, key: AmountKey): bigint {
  return rec.exactCents !== undefined ? BigInt(rec.exactCents[EXACT_KEY[key]]) : BigInt(rec[key]);
}

/**
 * A total as the number fields give it when it is exact, else the big integer: what addCents
 * takes (sums of tables stay numbers while they can).
 */
export function centsOf(rec: Amounts, key: AmountKey): number | bigint {
  return rec.exactCents !== undefined ? BigInt(rec.exactCents[EXACT_KEY[key]]) : rec[key];
}

/** True when the amounts reconcile exactly: read = analysed + rejected + set aside. */
export function amountsReconcile(rec: Amounts): boolean {
  return (
    exactCentsOf(rec, "amountReadCents") ===
    exactCentsOf(rec, "amountAnalysedCents") +
      exactCentsOf(rec, "amountRejectedCents") +
      exactCentsOf(rec, "amountSetAsideCents")
  );
}

/** Adds every amount of `from` to `to`, exactly. */
export function addTotals(to: Amounts, from: Amounts | Reconciliation): void {
  addCents(to, "amountReadCents", centsOf(from, "amountReadCents"));
  addCents(to, "amountAnalysedCents", centsOf(from, "amountAnalysedCents"));
  addCents(to, "amountRejectedCents", centsOf(from, "amountRejectedCents"));
  addCents(to, "amountSetAsideCents", centsOf(from, "amountSetAsideCents"));
}

/** Adds integer cents to a set-aside line, exactly (exactAmountCents beyond the safe range). */
export function addLineCents(line: SetAsideLine, cents: number | bigint): void {
  if (line.exactAmountCents === undefined) {
    const small =
      typeof cents === "number" ? cents : cents <= MAX_SAFE && cents >= -MAX_SAFE ? Number(cents) : null;
    if (small !== null && Number.isSafeInteger(line.amountCents + small)) {
      line.amountCents = line.amountCents + small + 0;
      return;
    }
  }
  const next =
    BigInt(line.exactAmountCents ?? line.amountCents) +
    (typeof cents === "bigint" ? cents : BigInt(cents));
  line.exactAmountCents = next.toString();
  line.amountCents = Number(next);
}

/** A set-aside line's amount, exactly. */
export function lineCentsOf(line: SetAsideLine): bigint {
  return line.exactAmountCents !== undefined ? BigInt(line.exactAmountCents) : BigInt(line.amountCents);
}
