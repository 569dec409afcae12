/**
 * What the performance indicators share: SBS colour bands, competitive procedures, the supplier
 * and end date of a contract, the N/A of a period without contracts, and which entity types are
 * public hospitals (PF8's payment limit). Each PF indicator's compute is its own module (./pf/*.ts).
 *
 * Decisions:
 * - PF1 counts a line as under contract exactly as `isUnderContract` does (contractRef matched in
 *   the register, or an effective channel other than Hors marché — a contractRef absent from the
 *   register still counts, as Marché propre, and is reported in the details).
 * - PF2–PF6 read the contracts notified in the period (ctx.contractsInPeriod); PF6 also reads the
 *   contracts modified in the period; PF7 reads every contract of the register.
 * - PF3 counts framework agreements like any contract (one notified contract = one observation);
 *   bidsReceived ≤ 0 is treated as unknown (a notified contract received at least one bid).
 * - PF7 end date: endDate, else notification + durationMonths − 1 day (a 12-month contract
 *   notified on 1 January ends on 31 December). Window: asOf < end ≤ asOf + 12 months.
 */
import { addMonths } from "../dates";
import { msg } from "../messages/render";
import type { ContractLine, Procedure } from "../model";
import type { ColourBand } from "../reference/values";
import { normalizeKey } from "../text";
import {
  notAvailable,
  type AnalysisContext,
  type IndicatorBase,
  type IndicatorResult,
  type Status,
  type Tables,
} from "./types";

export const DIRECT_AWARD: Procedure =
  "Marché passé sans publicité ni mise en concurrence préalable";

/**
 * Colour of a value against an EU Single Market Scoreboard band: green at or better than `green`,
 * red beyond `red` (or at `red` too when `redInclusive`), yellow (watch) between.
 */
export function statusFromBand(value: number, band: ColourBand, redInclusive = false): Status {
  if (band.higherIsBetter) {
    if (value >= band.green) return "good";
    if (value < band.red || (redInclusive && value === band.red)) return "alert";
    return "watch";
  }
  if (value <= band.green) return "good";
  if (value > band.red || (redInclusive && value === band.red)) return "alert";
  return "watch";
}

/** Competitive = a known procedure other than "sans publicité ni mise en concurrence" (SPEC §2.4). */
export function isCompetitive(procedure: Procedure | null): boolean {
  return procedure !== null && procedure !== DIRECT_AWARD;
}

/** Supplier of a contract: its name, else its holders, else its identifier. */
export function contractSupplier(c: ContractLine): string | null {
  if (c.supplierName) return c.supplierName;
  const names = c.holders.map((h) => h.name ?? h.id).filter((x): x is string => !!x);
  return names.length > 0 ? names.join(" ; ") : c.supplierId;
}

/** N/A result when no contract was notified in the period (PF2, PF3, PF5). */
export function noContractsInPeriod<T extends Tables>(
  ctx: AnalysisContext,
  base: IndicatorBase,
  tables: T
): IndicatorResult<T> {
  return notAvailable(
    base,
    msg("na.noContractsInPeriod", { period: ctx.period.label }),
    { n: 0, N: 0, of: "contracts" },
    tables
  );
}

// ---------------------------------------------------------------------------------------------
// PF7 renewal calendar

/** Last day of a contract: endDate, else notification + durationMonths − 1 day; null when unknown. */
export function contractEnd(
  c: Pick<ContractLine, "endDate" | "notificationDate" | "durationMonths">
): number | null {
  if (c.endDate !== null) return c.endDate;
  if (c.notificationDate === null || c.durationMonths === null || !(c.durationMonths > 0))
    return null;
  return addMonths(c.notificationDate, Math.round(c.durationMonths)) - 1;
}

// ---------------------------------------------------------------------------------------------
// PF8 payment limits

const HOSPITAL =
  /\b(hopital|hopitaux|hospitalier|hospitaliere|hospitaliers|ch|chu|chr|chi|chs|eps|etablissement public de sante)\b/;

/** Whether an entity type designates a public hospital (50-day payment limit). */
export function isHospitalType(type: string | null): boolean {
  return type !== null && HOSPITAL.test(normalizeKey(type));
}
