/**
 * The EU threshold of a contract (formalised procedures): the one in force at the launch of its
 * consultation (R2121-3 / the avis of each biennium). When only the notification date is known and
 * it falls in the first months of a new biennium, the consultation may have been launched under the
 * previous threshold: the threshold is then uncertain (both values are given), never chosen
 * silently. Utilities (entités adjudicatrices) have their own supplies/services threshold.
 */
import type { ContractLine, Nature } from "../model";
import { normalizeKey } from "../text";
import { addMonths } from "../dates";
import type { DatedThreshold, ReferenceValues } from "./values";

/** A notification within this many months of a new biennium leaves the launch threshold uncertain. */
export const EU_UNCERTAIN_MONTHS = 6;

export interface ContractEuThreshold {
  cents: number;
  source: string;
  /** Day the threshold was taken at. */
  day: number;
  basis: "lancement" | "notification";
  /** The previous biennium's threshold when the launch may predate the new one, else null. */
  uncertainOtherCents: number | null;
  utilities: boolean;
}

function rowIn(rows: DatedThreshold[], day: number): DatedThreshold | null {
  let found: DatedThreshold | null = null;
  for (const r of rows) if (day >= r.from && (r.to === null || day <= r.to)) found = r;
  if (found) return found;
  if (rows.length === 0) return null;
  const sorted = [...rows].sort((a, b) => a.from - b.from);
  return day < sorted[0].from ? sorted[0] : sorted[sorted.length - 1];
}

function centsOf(row: DatedThreshold, nature: Nature | null): number {
  return nature === "Travaux" ? row.worksCents : row.suppliesServicesCents;
}

/** Whether an entity type designates an entité adjudicatrice (utilities: water, energy, transport networks). */
export function isUtilitiesType(type: string | null | undefined): boolean {
  if (!type) return false;
  const k = normalizeKey(type);
  return /entite adjudicatrice|entites adjudicatrices|operateur de reseau|utilities|secteurs speciaux/.test(
    k
  );
}

/** The EU threshold of a contract, at its launch date, else at its notification date (maybe uncertain). */
export function euThresholdOfContract(
  ref: ReferenceValues,
  c: Pick<ContractLine, "launchDate" | "notificationDate" | "nature">,
  utilities = false
): ContractEuThreshold | null {
  const rows = utilities ? ref.euThresholdsUtilities : ref.euThresholds;
  const day = c.launchDate ?? c.notificationDate;
  if (day === null) return null;
  const row = rowIn(rows, day) as DatedThreshold;
  const cents = centsOf(row, c.nature);
  let other: number | null = null;
  if (c.launchDate === null && addMonths(row.from, EU_UNCERTAIN_MONTHS) > day) {
    const previous = rowIn(rows, row.from - 1);
    if (previous && previous !== row) {
      const p = centsOf(previous, c.nature);
      if (p !== cents) other = p;
    }
  }
  return {
    cents,
    source: row.source,
    day,
    basis: c.launchDate !== null ? "lancement" : "notification",
    uncertainOtherCents: other,
    utilities,
  };
}
