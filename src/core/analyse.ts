/**
 * The one entry point of the indicators engine (issue #3): analyse(intake, options) → Analysis.
 * Deterministic: the same intake and options give the same Analysis (no clock, no randomness).
 */
import { buildContext, type AnalysisOptions } from "./context";
import { drain } from "./intake";
import { computeGroup, GROUPS } from "./indicators/registry";
import type { IndicatorResult } from "./indicators/types";
import type { Anomaly, IntakeResult, Reconciliation } from "./model";
import { previousYearPeriod, type Period } from "./period";
import { buildPlanInputs, type FamilyPlanInput } from "./plan";
import type { ReferenceValues } from "./reference/values";
import { VERSION } from "./version";

export type { AnalysisOptions } from "./context";

export interface Analysis {
  version: string;
  period: Period;
  previousPeriod: Period;
  reconciliation: Reconciliation;
  anomalies: Anomaly[];
  /** Every indicator, in SPEC order (SP, PF, CO, RE, MU, TE). */
  indicators: IndicatorResult[];
  plan: FamilyPlanInput[];
  reference: ReferenceValues;
  /** Number of compliance signals (CO1–CO5 headline counts). */
  alertCount: number;
}

/** Steps of analyseSteps: the context, each indicator group (registry order), the plan inputs. */
export const ANALYSE_STEPS = GROUPS.length + 2;

/** analyse() step by step: yields 1..ANALYSE_STEPS as the context, each group and the plan are done. */
export function* analyseSteps(
  intake: IntakeResult,
  options: AnalysisOptions = {}
): Generator<number, Analysis, void> {
  const ctx = buildContext(intake, options);
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
  yield ++step;
  return {
    version: VERSION,
    period: ctx.period,
    previousPeriod: previousYearPeriod(ctx.period),
    reconciliation: intake.reconciliation,
    anomalies: intake.anomalies,
    indicators,
    plan,
    reference: ctx.ref,
    alertCount,
  };
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
