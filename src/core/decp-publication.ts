/**
 * Publication check of the essential data (issue #11 §4; R2196-1 CCP and arrêté du 22 décembre
 * 2022): every contract of 40 000 € HT or more must be published in the DECP within two months of
 * its notification. Pure: the buyer's contracts (register) and the published DECP contracts in,
 * the contracts not found and those published late out. Registered as a CO indicator by the
 * indicator registry.
 *
 * Matching: a register contract is found in the DECP when a published contract has the same number
 * (trimmed, case and spaces ignored) and, when both give it, the same buyer SIRET. "Published" is
 * the DECP's datePublicationDonnees; late when it is after notification + 2 months (addMonths).
 * A contract without notification date cannot be dated: it is counted apart (undated), never late.
 */
import { addMonths } from "./dates";
import { DECP_THRESHOLD_CENTS } from "./decp-export";
import type { ContractLine } from "./model";

export const PUBLICATION_LEGAL_BASIS = "Art. R2196-1 du code de la commande publique ; arrêté du 22 décembre 2022";
export const PUBLICATION_DELAY_MONTHS = 2;

export interface PublicationFinding {
  contract: ContractLine;
  /** The published record, when found. */
  published: ContractLine | null;
  /** Days after the two-month limit (late ones). */
  daysLate?: number;
}

export interface PublicationCheck {
  /** Contracts ≥ 40 000 € HT in the register (the ones that must be published). */
  due: number;
  onTime: number;
  notFound: PublicationFinding[];
  late: PublicationFinding[];
  /** Found, but without a publication or notification date to check the delay. */
  undated: PublicationFinding[];
  legalBasis: string;
}

/** The key a contract number is matched on: trimmed, lower case, spaces removed. */
export function refKey(ref: string): string {
  return ref.trim().toLowerCase().replace(/\s+/g, "");
}

export function checkPublication(register: readonly ContractLine[], published: readonly ContractLine[]): PublicationCheck {
  const byRef = new Map<string, ContractLine[]>();
  for (const p of published) {
    const k = refKey(p.contractRef);
    const list = byRef.get(k);
    if (list) list.push(p);
    else byRef.set(k, [p]);
  }
  const out: PublicationCheck = { due: 0, onTime: 0, notFound: [], late: [], undated: [], legalBasis: PUBLICATION_LEGAL_BASIS };
  for (const c of register) {
    if (c.amountCents === null || c.amountCents < DECP_THRESHOLD_CENTS) continue;
    out.due++;
    const candidates = (byRef.get(refKey(c.contractRef)) ?? []).filter(
      (p) => c.entityId === null || p.entityId === null || p.entityId === c.entityId
    );
    if (candidates.length === 0) {
      out.notFound.push({ contract: c, published: null });
      continue;
    }
    // The earliest publication of the contract counts.
    const dated = candidates.filter((p) => p.publicationDate != null).sort((a, b) => (a.publicationDate as number) - (b.publicationDate as number));
    const p = dated[0] ?? candidates[0];
    if (c.notificationDate === null || p.publicationDate == null) {
      out.undated.push({ contract: c, published: p });
      continue;
    }
    const limit = addMonths(c.notificationDate, PUBLICATION_DELAY_MONTHS);
    if (p.publicationDate > limit) out.late.push({ contract: c, published: p, daysLate: p.publicationDate - limit });
    else out.onTime++;
  }
  return out;
}
