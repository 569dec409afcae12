/**
 * The one entry point of the indicators engine (issue #3): analyse(intake, options) → Analysis.
 * Deterministic: the same intake and options give the same Analysis (no clock, no randomness).
 */
import { analysisBasis, type Basis } from "./contracts-basis";
import { concessionCalendar, type ConcessionCalendarRow } from "./contracts-concessions";
import { msg } from "./messages/render";
import { buildContext, emptyPeriodError, type AnalysisOptions } from "./context";
import { drain } from "./intake";
import { shared } from "./indicators/definition";
import { computeGroup, GROUPS } from "./indicators/registry";
import type { IndicatorResult } from "./indicators/types";
import type { Anomaly, IntakeResult, Reconciliation } from "./model";
import { farFutureYears, type DateRange, type Period } from "./period";
import { isoDate, yearOfDay } from "./dates";
import { organisationName } from "./organisation";
import { buildPlanInputs, type FamilyPlanInput } from "./plan";
import type { ReferenceValues } from "./reference/values";
import { computeResponsiblePurchasing, type ResponsiblePurchasing } from "./responsible";
import { VERSION } from "./version";
import { analyseTerritorial, type TerritorialAnalysis } from "./territories";

export type { AnalysisOptions } from "./context";

export interface Analysis {
  version: string;
  period: Period;
  /** The same months as the period (cut at the end of the data), one year earlier (SP6). */
  previousPeriod: Period;
  /** First and last date of the data (spend lines, else contract notifications); null when none. */
  dataRange: DateRange | null;
  /**
   * What the amounts are (issue #11 §1): "awarded" when the input holds contracts and no spend
   * line (« Analyse des marchés attribués »: SP, RE4–RE5, MU on the contracts' awarded amounts),
   * else "spend". Each indicator result says its own basis too.
   */
  basis: Basis;
  /** The collectivité the data are about (organisationName), for printed headers; null if unknown. */
  organisation: string | null;
  reconciliation: Reconciliation;
  anomalies: Anomaly[];
  /** Every indicator, in SPEC order (SP, PF, CO, RE, MU, TE). */
  indicators: IndicatorResult[];
  plan: FamilyPlanInput[];
  reference: ReferenceValues;
  /** Number of compliance signals (CO1–CO5 headline counts). */
  alertCount: number;
  /** AGEC art. 58 and EGalim yearly duties (issue #14); absent in analyses built by hand. */
  responsible?: ResponsiblePurchasing;
  /**
   * Renewal calendar of the concessions read from the DECP, as of the end of the period (issue
   * #11 §3); absent when the input holds no concession.
   */
  concessions?: ConcessionCalendarRow[];
  /** Territories, quality of service and per-family scenario inputs (issue #16). */
  territorial?: TerritorialAnalysis;
}

/** Steps of analyseSteps: the context, each indicator group (registry order), the plan inputs. */
export const ANALYSE_STEPS = GROUPS.length + 2;

/** analyse() step by step: yields 1..ANALYSE_STEPS as the context, each group and the plan are done. */
export function* analyseSteps(
  intake: IntakeResult,
  options: AnalysisOptions = {}
): Generator<number, Analysis, void> {
  const ctx = buildContext(intake, options);
  const empty = emptyPeriodError(ctx);
  if (empty) throw empty;
  let step = 1;
  yield step;
  const indicators: IndicatorResult[] = [];
  for (const group of GROUPS) {
    for (const ind of computeGroup(ctx, group)) indicators.push(ind);
    yield ++step;
  }
  const alertCount = indicators
    .filter((i) => i.group === "CO" && i.value !== null)
    .reduce((sum, i) => sum + (i.value ?? 0), 0);
  const plan = buildPlanInputs(ctx, indicators);
  // The same result RE7 and RE8 read (computed once per context).
  const responsible = shared(ctx, computeResponsiblePurchasing);
  yield ++step;
  return {
    version: VERSION,
    period: ctx.period,
    previousPeriod: ctx.previousPeriod,
    dataRange: ctx.dataRange,
    basis: analysisBasis(intake),
    organisation: organisationName(intake),
    ...withFarFutureWarnings(intake),
    indicators,
    plan,
    reference: ctx.ref,
    alertCount,
    responsible,
    ...((intake.concessions ?? []).length > 0
      ? { concessions: concessionCalendar(intake.concessions ?? [], ctx.asOf) }
      : {}),
    territorial: analyseTerritorial(ctx, indicators),
  };
}

/**
 * A warning on each spend line dated in a year far in the future of the others (farFutureYears:
 * 2099 among 2025 lines), which the default period ignores; the reconciliation counts the lines
 * so warned. The intake itself is left as it is.
 */
function withFarFutureWarnings(
  intake: IntakeResult
): Pick<Analysis, "anomalies" | "reconciliation"> {
  const years = farFutureYears(intake.spend.map((l) => l.date));
  if (years.size === 0)
    return { anomalies: intake.anomalies, reconciliation: intake.reconciliation };
  const warned = new Set<string>();
  for (const a of intake.anomalies)
    if (a.severity === "warning") warned.add(`${a.table}\u0000${a.row}`);
  const anomalies = [...intake.anomalies];
  const rec = {
    ...intake.reconciliation,
    tables: intake.reconciliation.tables.map((t) => ({ ...t })),
  };
  for (const l of intake.spend) {
    const year = yearOfDay(l.date);
    if (!years.has(year)) continue;
    anomalies.push({
      table: l.source.table,
      row: l.source.row,
      field: "date",
      value: isoDate(l.date),
      reason: msg("anomaly.farFutureDate", { year: String(year) }),
      severity: "warning",
    });
    const key = `${l.source.table}\u0000${l.source.row}`;
    if (warned.has(key)) continue;
    warned.add(key);
    rec.rowsWithWarning++;
    const t = rec.tables.find((x) => x.table === l.source.table);
    if (t) t.rowsWithWarning++;
  }
  return { anomalies, reconciliation: rec };
}

export function analyse(intake: IntakeResult, options: AnalysisOptions = {}): Analysis {
  return drain(analyseSteps(intake, options));
}

/** The indicator with this SPEC id (throws when absent: ids are stable). */
export function indicator(analysis: Pick<Analysis, "indicators">, id: string): IndicatorResult {
  const found = analysis.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`Indicateur inconnu : ${id}`);
  return found;
}
