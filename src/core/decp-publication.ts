/**
 * Publication check of the essential data (issue #11 §4; R2196-1 CCP and arrêté du 22 décembre
 * 2022): every contract of 40 000 € HT or more (25 000 € HT when notified before 2020, none
 * before 1 October 2018: publicationDutyAt) must be published in the DECP within two months of
 * its notification. Pure: the buyer's contracts (register) and the published DECP contracts in,
 * the contracts not found and those published late out. Registered as a CO indicator by the
 * indicator registry.
 *
 * Matching: a register contract is found in the DECP when a published contract has the same number
 * (trimmed, case and spaces ignored) and, when both give it, the same buyer SIRET. "Published" is
 * the DECP's datePublicationDonnees; late when it is after notification + 2 months (addMonths).
 * A contract without notification date cannot be dated: it is counted apart (undated), never late.
 */
import { addMonths, dayFromIso } from "./dates";
import { DECP_THRESHOLD_CENTS } from "./decp-export";
import type { ContractLine } from "./model";

export const PUBLICATION_LEGAL_BASIS = "Art. R2196-1 du code de la commande publique ; arrêté du 22 décembre 2022";
export const PUBLICATION_DELAY_MONTHS = 2;

/**
 * The publication duty of a contract notified on a day, by the rule of its time (issue #10,
 * « old registers are judged by the rule of their time »): from 1 October 2018 (art. 107 of the
 * décret n° 2016-360, then R2196-1 from 1 April 2019) the contracts of 25 000 € HT or more; from
 * 1 January 2020 (décret n° 2019-1344) those of 40 000 € HT or more (between 25 000 and 40 000 €
 * an annual list may replace the DECP); from 1 January 2024 on data.gouv.fr (arrêté du 22
 * décembre 2022). Before 1 October 2018: no duty (null). A contract without a date: 40 000 €.
 */
export function publicationDutyAt(day: number | null): { thresholdCents: number; legalBasis: string } | null {
  if (day === null || day >= DAY_2024) return { thresholdCents: DECP_THRESHOLD_CENTS, legalBasis: PUBLICATION_LEGAL_BASIS };
  if (day >= DAY_2020) return { thresholdCents: DECP_THRESHOLD_CENTS, legalBasis: "Art. R2196-1 du code de la commande publique (décret n° 2019-1344 : 40 000 € HT)" };
  if (day >= DAY_CCP) return { thresholdCents: 2_500_000, legalBasis: "Art. R2196-1 du code de la commande publique (25 000 € HT jusqu'au 31 décembre 2019)" };
  if (day >= DAY_2018_10) return { thresholdCents: 2_500_000, legalBasis: "Art. 107 du décret n° 2016-360 (25 000 € HT, depuis le 1er octobre 2018)" };
  return null;
}

const DAY_2018_10 = dayFromIso("2018-10-01");
const DAY_CCP = dayFromIso("2019-04-01");
const DAY_2020 = dayFromIso("2020-01-01");
const DAY_2024 = dayFromIso("2024-01-01");

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
    const duty = publicationDutyAt(c.notificationDate);
    if (duty === null || c.amountCents === null || c.amountCents < duty.thresholdCents) continue;
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
