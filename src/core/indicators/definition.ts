/**
 * One indicator = one definition (issue #9 §4): its id, group, unit, headline, French and English
 * labels, its documentation (definition, formula, source, how to improve it) and its compute
 * function returning typed detail tables. The registry (./registry.ts) lists them in SPEC order;
 * analyse(), the report, the CLI summary and the pane all read it.
 */
import type { Lang } from "../messages/format";
import type {
  AnalysisContext,
  Basis,
  IndicatorGroup,
  IndicatorResult,
  Tables,
  Unit,
} from "./types";

/** A text in both product languages (labels and documentation). */
export interface Text {
  fr: string;
  en: string;
}

export interface IndicatorDoc {
  /** What the indicator measures. */
  definition: Text;
  /** How it is computed (the rule applied to the data). */
  formula: Text;
  /** Legal or statistical source of the rule or of the reference value. */
  source: Text;
  /** What a buyer can do to improve it. */
  howToImprove: Text;
}

export interface IndicatorDefinition<T extends Tables = Tables> {
  id: string;
  group: IndicatorGroup;
  unit: Unit;
  /** Name of the indicator (tiles, tables, summaries). */
  label: Text;
  /** What the headline value is (SPEC §4 table), e.g. "dépense totale HT (€)". */
  headline: Text;
  doc: IndicatorDoc;
  compute(ctx: AnalysisContext): IndicatorResult<T>;
  /**
   * What the indicator's amounts are on this context (issue #11 §1): spend lines (dépenses
   * mandatées) or the contracts' awarded amounts (montants attribués). Absent: no amount of either.
   */
  basis?: (ctx: AnalysisContext) => Basis;
}

/** The result of a definition on a context, stamped with its basis when it declares one. */
export function computeIndicator<T extends Tables>(
  d: IndicatorDefinition<T>,
  ctx: AnalysisContext
): IndicatorResult<T> {
  const result = d.compute(ctx);
  return d.basis === undefined ? result : { ...result, basis: d.basis(ctx) };
}

/** The basis of an indicator always computed on contracts. */
export const AWARDED = (): Basis => "awarded";

/** Identity, typed: keeps each module's table types in its definition. */
export function defineIndicator<T extends Tables>(
  d: IndicatorDefinition<T>
): IndicatorDefinition<T> {
  return d;
}

/** The result type of a definition. */
export type ResultOf<D> = D extends IndicatorDefinition<infer T> ? IndicatorResult<T> : never;

/** The text in the language. */
export function inLang(lang: Lang, t: Text): string {
  return t[lang];
}

const memo = new WeakMap<AnalysisContext, Map<(ctx: AnalysisContext) => unknown, unknown>>();

/**
 * A computation shared by several indicators of a group (one pass over the lines), run once per
 * analysis context: `shared(ctx, spendAggregates)`.
 */
export function shared<R>(ctx: AnalysisContext, compute: (ctx: AnalysisContext) => R): R {
  let cache = memo.get(ctx);
  if (cache === undefined) {
    cache = new Map();
    memo.set(ctx, cache);
  }
  if (!cache.has(compute)) cache.set(compute, compute(ctx));
  return cache.get(compute) as R;
}
