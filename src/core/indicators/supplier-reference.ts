/**
 * Supplier identity helpers shared by the compliance and responsible-purchasing indicators:
 * the stable key of a contract's holder, and the supplier reference row (table Fournisseurs) of a
 * line or contract, found by SIREN first, then by normalised name (as context.ts keys the map).
 */
import type { ContractLine, SupplierRow } from "../model";
import { normalizeKey } from "../text";

/** Stable supplier key of a contract: SIREN of the holder when known, else its normalised name. */
export function contractSupplierKey(c: ContractLine): string | null {
  const id = c.supplierId ?? c.holders.find((h) => h.id)?.id ?? null;
  if (id) return id.slice(0, 9);
  const name = contractSupplierName(c);
  return name ? normalizeKey(name) || null : null;
}

/** Display name of a contract's holder (first holder when several). */
export function contractSupplierName(c: ContractLine): string | null {
  return c.supplierName ?? c.holders.find((h) => h.name)?.name ?? c.supplierId ?? null;
}

/** The supplier reference row for an identifier and/or a name, if the table lists it. */
export function supplierRowFor(
  suppliers: Map<string, SupplierRow>,
  supplierId: string | null,
  supplierName: string | null
): SupplierRow | undefined {
  if (suppliers.size === 0) return undefined;
  if (supplierId) {
    const byId = suppliers.get(supplierId.slice(0, 9));
    if (byId) return byId;
  }
  return supplierName ? suppliers.get(normalizeKey(supplierName)) : undefined;
}
