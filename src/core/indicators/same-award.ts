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
