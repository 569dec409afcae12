/**
 * The indicator registry (issue #9 §4): every indicator definition, in SPEC §4 order. analyse()
 * computes them in this order; the report, the CLI summary and the pane read labels, units and
 * documentation from here. Adding an indicator = its module, its test, one line below.
 */
import { CO1 } from "./co/co1";
import { CO2 } from "./co/co2";
import { CO3 } from "./co/co3";
import { CO4 } from "./co/co4";
import { CO5 } from "./co/co5";
import { CO6 } from "./co/co6";
import { computeIndicator, type IndicatorDefinition, type ResultOf } from "./definition";
import { MU1 } from "./mu/mu1";
import { MU2 } from "./mu/mu2";
import { MU3 } from "./mu/mu3";
import { MU4 } from "./mu/mu4";
import { MU5 } from "./mu/mu5";
import { MU6 } from "./mu/mu6";
import { PF1 } from "./pf/pf1";
import { PF2 } from "./pf/pf2";
import { PF3 } from "./pf/pf3";
import { PF4 } from "./pf/pf4";
import { PF5 } from "./pf/pf5";
import { PF6 } from "./pf/pf6";
import { PF7 } from "./pf/pf7";
import { PF8 } from "./pf/pf8";
import { RE1 } from "./re/re1";
import { RE2 } from "./re/re2";
import { RE3 } from "./re/re3";
import { RE4 } from "./re/re4";
import { RE5 } from "./re/re5";
import { RE6 } from "./re/re6";
import { RE7 } from "./re/re7";
import { RE8 } from "./re/re8";
import { SP1 } from "./sp/sp1";
import { SP2 } from "./sp/sp2";
import { SP3 } from "./sp/sp3";
import { SP4 } from "./sp/sp4";
import { SP5 } from "./sp/sp5";
import { SP6 } from "./sp/sp6";
import { TE1 } from "./te/te1";
import { TE2 } from "./te/te2";
import { TE3 } from "./te/te3";
import { TE4 } from "./te/te4";
import type { AnalysisContext, IndicatorGroup, IndicatorResult, Tables } from "./types";

export { CO1, CO2, CO3, CO4, CO5, CO6, MU1, MU2, MU3, MU4, MU5, MU6, PF1, PF2, PF3, PF4, PF5, PF6 };
export { PF7, PF8, RE1, RE2, RE3, RE4, RE5, RE6, RE7, RE8, SP1, SP2, SP3, SP4, SP5, SP6 };
export { TE1, TE2, TE3, TE4 };

export const INDICATORS = [
  SP1, SP2, SP3, SP4, SP5, SP6,
  PF1, PF2, PF3, PF4, PF5, PF6, PF7, PF8,
  CO1, CO2, CO3, CO4, CO5, CO6,
  RE1, RE2, RE3, RE4, RE5, RE6, RE7, RE8,
  MU1, MU2, MU3, MU4, MU5, MU6,
  TE1, TE2, TE3, TE4,
] as const; // prettier-ignore

export type IndicatorId = (typeof INDICATORS)[number]["id"];

/** The groups, in SPEC order. */
export const GROUPS: readonly IndicatorGroup[] = ["SP", "PF", "CO", "RE", "MU", "TE"];

const ALL: readonly IndicatorDefinition[] = INDICATORS;

const BY_ID = new Map<string, IndicatorDefinition>(ALL.map((d) => [d.id, d]));

/** The definition of an indicator id, or undefined for an unknown id. */
export function definitionOf(id: string): IndicatorDefinition | undefined {
  return BY_ID.get(id);
}

/** The definitions of one group, in order. */
export function groupDefinitions(group: IndicatorGroup): IndicatorDefinition[] {
  return ALL.filter((d) => d.group === group);
}

/** The results of one group's indicators for a context, in order. */
export function computeGroup(ctx: AnalysisContext, group: IndicatorGroup): IndicatorResult[] {
  return groupDefinitions(group).map((d) => computeIndicator(d, ctx));
}

/**
 * The typed result of a definition in a list of results (an analysis): `resultOf(analysis, SP2)`
 * has SP2's table types. Null when the analysis does not hold it.
 */
export function resultOf<D extends IndicatorDefinition<Tables>>(
  results: { indicators: readonly IndicatorResult[] },
  def: D
): ResultOf<D> | null {
  const found = results.indicators.find((i) => i.id === def.id);
  return (found ?? null) as ResultOf<D> | null;
}
