/**
 * Records of a register or of the DECP that describe one award (issue #10, « no double
 * counting »): same buyer, same holder, same object, same procedure, same notification date and
 * same amount. A DECP file often publishes a contract twice (a rectificatif « …R00 », a
 * republication under a new sequence number): counting each record would raise an alert per
 * copy (PF4, CO3) and turn one award into « repeated direct awards » (CO4). Such records count
 * once; the others are named next to the signal so that nothing is hidden.
 *
 * Records without an object, a notification date or an amount are never merged (no evidence).
 */
import type { ContractLine } from "../model";
import { normalizeKey } from "../text";
import { contractSupplierKey } from "./supplier-reference";

/** The key shared by the records of one award, or null when the record lacks what proves it. */
export function sameAwardKey(c: ContractLine): string | null {
  if (c.description === null || c.notificationDate === null || c.amountCents === null) return null;
  const object = normalizeKey(c.description);
  if (object === "") return null;
  return [
    c.entityId ?? normalizeKey(c.entity),
    contractSupplierKey(c) ?? "",
    object,
    c.procedure ?? c.procedureRaw ?? "",
    c.notificationDate,
    c.amountCents,
  ].join("\u0001");
}

export interface Award<C extends ContractLine = ContractLine> {
  /** The first record of the award (in input order). */
  contract: C;
  /** The other records describing the same award (identical publications). */
  copies: C[];
}

/** The awards of a list of records, in the order of their first record. */
export function awardsOf<C extends ContractLine>(contracts: readonly C[]): Award<C>[] {
  const out: Award<C>[] = [];
  const byKey = new Map<string, Award<C>>();
  for (const c of contracts) {
    const key = sameAwardKey(c);
    const known = key === null ? undefined : byKey.get(key);
    if (known) {
      known.copies.push(c);
      continue;
    }
    const award = { contract: c, copies: [] };
    out.push(award);
    if (key !== null) byKey.set(key, award);
  }
  return out;
}

/**
 * The signal rows of a check, one per award: a record repeating an award already signalled is
 * not counted again — its reference is added to that row's `samePublications` — and counted in
 * `identical`. Used by the checks that raise one row per contract (PF4, CO3).
 */
export class RowsPerAward<R extends { samePublications: string | null }> {
  private readonly first = new Map<string, R>();
  /** Records left out because they repeat a signalled award. */
  identical = 0;

  /** True (and the record named on the award's row) when `c` repeats an award already signalled. */
  repeats(c: ContractLine): boolean {
    const key = sameAwardKey(c);
    const row = key === null ? undefined : this.first.get(key);
    if (row === undefined) return false;
    this.identical++;
    row.samePublications =
      row.samePublications === null ? c.contractRef : `${row.samePublications}, ${c.contractRef}`;
    return true;
  }

  /** Records `row` as the signal of `c`'s award. */
  signalled(c: ContractLine, row: R): void {
    const key = sameAwardKey(c);
    if (key !== null) this.first.set(key, row);
  }
}
