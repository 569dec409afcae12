/**
 * Supplier-level exclusions from the threshold checks (CO1, CO4), editable in the Paramètres
 * sheet: purchases from these suppliers do not call for the buyer's own competition, for a reason
 * the spend data cannot see. Each exclusion carries its reason, shown wherever a line is excluded.
 */
import type { SpendLine } from "../model";
import { normalizeKey } from "../text";
import type { MessageCode } from "../indicators/compliance-messages";
import type {
  ReferenceValues,
  SupplierExclusion,
  SupplierExclusionReason,
} from "../reference/values";

/** Legal basis and message of each reason. */
export const EXCLUSION_REASONS: Record<
  SupplierExclusionReason,
  { legalBasis: string; message: MessageCode; label: string }
> = {
  intermediary: {
    legalBasis: "Art. L2113-2 à L2113-4 CCP",
    message: "exclusion.intermediary",
    label: "Syndicat d'énergie / centrale intermédiaire",
  },
  exclusiveRights: {
    legalBasis: "Art. R2122-3 CCP",
    message: "exclusion.exclusiveRights",
    label: "Droits d'exclusivité",
  },
  inHouse: { legalBasis: "Art. L2511-1 CCP", message: "exclusion.inHouse", label: "Quasi-régie" },
  cooperation: {
    legalBasis: "Art. L2511-6 CCP",
    message: "exclusion.cooperation",
    label: "Coopération public-public",
  },
};

/** The reason code of a user's text ("droits exclusifs", "R2122-3", "in house"…), or null. */
export function exclusionReasonOf(text: string): SupplierExclusionReason | null {
  const k = normalizeKey(text);
  if (k === "") return null;
  if (/intermediaire|centrale|syndicat|energie|l2113/.test(k)) return "intermediary";
  if (/exclusi|r2122 3|r21223/.test(k)) return "exclusiveRights";
  if (/regie|in house|inhouse|l2511 1\b|l25111/.test(k)) return "inHouse";
  if (/cooperation|public public|l2511 6|l25116/.test(k)) return "cooperation";
  const direct = (Object.keys(EXCLUSION_REASONS) as SupplierExclusionReason[]).find(
    (r) => normalizeKey(r) === k
  );
  return direct ?? null;
}

interface Index {
  bySiren: Map<string, SupplierExclusion>;
  byName: Map<string, SupplierExclusion>;
}

const cache = new WeakMap<SupplierExclusion[], Index>();

function indexOf(list: SupplierExclusion[]): Index {
  let idx = cache.get(list);
  if (idx) return idx;
  idx = { bySiren: new Map(), byName: new Map() };
  for (const e of list) {
    const digits = e.supplier.replace(/\s/g, "");
    if (/^\d{9}(\d{5})?$/.test(digits)) idx.bySiren.set(digits.slice(0, 9), e);
    else idx.byName.set(normalizeKey(e.supplier), e);
  }
  cache.set(list, idx);
  return idx;
}

/** The exclusion that applies to a line's supplier (SIREN, else normalised name), or null. */
export function supplierExclusionOf(
  ref: ReferenceValues,
  line: Pick<SpendLine, "supplierId" | "supplierName">
): SupplierExclusion | null {
  const list = ref.supplierExclusions;
  if (list.length === 0) return null;
  const idx = indexOf(list);
  if (line.supplierId) {
    const hit = idx.bySiren.get(line.supplierId.slice(0, 9));
    if (hit) return hit;
  }
  if (line.supplierName) return idx.byName.get(normalizeKey(line.supplierName)) ?? null;
  return null;
}
