/**
 * What the responsible purchasing indicators share (SPEC §4, references §3.3): status vs a target,
 * per-entity rate tallies, the consideration rate of RE1/RE2, SME and département lookups. Each
 * indicator is its own module (./re/re1.ts … re6.ts).
 *
 * Status bands where a target exists (RE1, RE2): good when the rate reaches the target, watch when
 * it reaches half of it, alert below.
 */
import { msg } from "../messages/render";
import type { ContractLine, SpendLine } from "../model";
import { toEuros } from "../money";
import { departementOf } from "./geography";
import { supplierRowFor } from "./supplier-reference";
import {
  notAvailable,
  percent,
  round2,
  type AnalysisContext,
  type IndicatorBase,
  type IndicatorResult,
  type Reference,
  type Status,
} from "./types";

/** good ≥ target; watch ≥ half the target; alert below. */
export function statusVsTarget(value: number, target: number): Status {
  if (value >= target) return "good";
  if (value >= target / 2) return "watch";
  return "alert";
}

export function share(part: number, whole: number): number | null {
  const p = percent(part, whole);
  return p === null ? null : round2(p);
}

/** Per-entity count and value shares of contracts satisfying a yes/no property known for them. */
export interface RateTally {
  known: number;
  yes: number;
  knownCents: number;
  yesCents: number;
}

export function tally(): RateTally {
  return { known: 0, yes: 0, knownCents: 0, yesCents: 0 };
}

export function addTo(t: RateTally, yes: boolean, cents: number | null): void {
  t.known++;
  if (yes) t.yes++;
  if (cents !== null) {
    t.knownCents += cents;
    if (yes) t.yesCents += cents;
  }
}

/** A per-entity rate row of RE1–RE3. */
export type EntityRateRow = {
  entity: string;
  contracts: number;
  withProperty: number;
  countShare: number | null;
  amount: number;
  amountWithProperty: number;
  valueShare: number | null;
};

export type RateTables = { byEntity: EntityRateRow[] };

export function byEntityRows(byEntity: Map<string, RateTally>): EntityRateRow[] {
  return [...byEntity.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([entity, t]) => ({
      entity,
      contracts: t.known,
      withProperty: t.yes,
      countShare: share(t.yes, t.known),
      amount: toEuros(t.knownCents),
      amountWithProperty: toEuros(t.yesCents),
      valueShare: share(t.yesCents, t.knownCents),
    }));
}

/**
 * RE1 / RE2: share of the contracts notified in the period, among those whose consideration is
 * known, that carry at least one environmental (RE1) or social (RE2) consideration; the value
 * share is over the known contracts with an amount. Reference: PNAD targets (100 % / 30 %).
 */
export function considerationIndicator(
  ctx: AnalysisContext,
  base: IndicatorBase,
  kind: "environmental" | "social"
): IndicatorResult<RateTables> {
  const pnad = ctx.ref.pnad;
  const target = kind === "environmental" ? pnad.environmentalPercent : pnad.socialPercent;
  const reference: Reference = {
    value: target,
    unit: "%",
    label: msg("ref.pnadTarget", { target }),
    source: pnad.source,
  };
  const total = tally();
  const byEntity = new Map<string, RateTally>();
  for (const c of ctx.contractsInPeriod) {
    const v = kind === "environmental" ? c.environmentalConsideration : c.socialConsideration;
    if (v === null) continue;
    addTo(total, v, c.amountCents);
    let t = byEntity.get(c.entity);
    if (!t) byEntity.set(c.entity, (t = tally()));
    addTo(t, v, c.amountCents);
  }
  const coverage = { n: total.known, N: ctx.contractsInPeriod.length, of: "contracts" as const };
  const empty = { byEntity: [] };
  if (ctx.contractsInPeriod.length === 0)
    return notAvailable(base, msg("na.noContractsNotified"), coverage, empty, reference);
  if (total.known === 0)
    return notAvailable(
      base,
      msg(kind === "environmental" ? "na.environmentalNotGiven" : "na.socialNotGiven"),
      coverage,
      empty,
      reference
    );
  const value = round2((total.yes / total.known) * 100);
  const oecp = ctx.ref.oecp;
  return {
    ...base,
    value,
    na: null,
    coverage,
    reference,
    status: statusVsTarget(value, target),
    details: {
      contractsKnown: total.known,
      contractsWithConsideration: total.yes,
      valueShare: share(total.yesCents, total.knownCents),
      amountKnown: toEuros(total.knownCents),
      amountWithConsideration: toEuros(total.yesCents),
      oecpBenchmark:
        kind === "environmental" ? oecp.environmentalClausePercent : oecp.socialClauseLocalPercent,
      oecpSource: oecp.source,
    },
    tables: { byEntity: byEntityRows(byEntity) },
  };
}

/** SME status of a contract's holder: from the contract, else from the supplier table. */
export function smeOf(ctx: AnalysisContext, c: ContractLine): boolean | null {
  if (c.sme !== null) return c.sme;
  const holder = c.holders[0];
  const row = supplierRowFor(
    ctx.suppliers,
    c.supplierId ?? holder?.id ?? null,
    c.supplierName ?? holder?.name ?? null
  );
  return row?.sme ?? null;
}

/** Département of a line's supplier from the supplier table (cached per supplier). */
export function supplierDeptOf(
  ctx: AnalysisContext,
  cache: Map<string, string | null>,
  line: SpendLine
): string | null {
  let d = cache.get(line.supplierKey);
  if (d === undefined) {
    d = departementOf(
      supplierRowFor(ctx.suppliers, line.supplierId, line.supplierName)?.departement ?? null
    );
    cache.set(line.supplierKey, d);
  }
  return d;
}
