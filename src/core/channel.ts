/**
 * The purchasing channel a spend line effectively went through (SPEC §2.4):
 * given channel > UGAP supplier (Centrale d'achat) > channel of the matched contract >
 * "Marché propre" when a contract reference is given > "Hors marché".
 */
import type { Channel, ContractLine, SpendLine } from "./model";

import { isUgap } from "./parse/vocabulary";

export function effectiveChannel(
  line: Pick<SpendLine, "channel" | "contractRef" | "supplierId" | "supplierName">,
  contractsByRef: Map<string, ContractLine>,
  ugapSiren: string
): Channel {
  if (line.channel) return line.channel;
  if (isUgap(line.supplierId, line.supplierName, ugapSiren)) return "Centrale d'achat";
  if (line.contractRef) {
    const contract = contractsByRef.get(line.contractRef);
    return contract?.channel ?? "Marché propre";
  }
  return "Hors marché";
}

/** Whether a line counts as bought under a contract (PF1): matched contract, or a channel other than Hors marché. */
export function isUnderContract(
  line: Pick<SpendLine, "channel" | "contractRef" | "supplierId" | "supplierName">,
  contractsByRef: Map<string, ContractLine>,
  ugapSiren: string
): boolean {
  if (line.contractRef && contractsByRef.has(line.contractRef)) return true;
  return effectiveChannel(line, contractsByRef, ugapSiren) !== "Hors marché";
}
