/**
 * Inputs of the plan stratégique d'achat (SPEC §6), one per family: spend share, supplier
 * concentration, competition, the Kraljic-style portfolio quadrant with its explanation, the
 * levers pre-filled from the indicators, and the TE4 recommendation.
 *
 * Figures are read from the other groups' results when they are in `indicators` (SP4 per-family
 * table, CO1 alerts, MU2 candidates, TE4 recommendations) and computed from the context otherwise.
 * PF3 and RE1 give no per-family table, so the per-family single-bid and environmental rates are
 * computed here with their rules (competitive procedure with bids ≥ 1 known; environmental
 * consideration known, over the contracts notified in the period).
 *
 * Portfolio rules (documented cut-offs):
 * - Families: every family with a net positive spend in the period, "Non classé" excepted
 *   (its share still counts in the total).
 * - Impact score = the family's share of the period's net spend (%). Impact is high when the share
 *   is at least the equal-split share 100 % / F (F = families of the plan): an above-average family.
 * - Risk factors: HHI ≥ 2 500 (highly concentrated), single-bid rate > the SMS red limit (20 %),
 *   at most 2 suppliers. Risk score = number of factors (0–3). Risk is high with the single-bid
 *   factor, or with a concentration factor (HHI or few suppliers) in a high-impact family. In a
 *   low-impact family, few suppliers (and the high HHI that 1 or 2 suppliers imply) is what a
 *   small need looks like, not a supply risk by itself: it counts only as HHI ≥ 2 500 among 3
 *   suppliers or more. This keeps most small families out of « Critique » on that ground alone.
 * - Quadrant: Stratégique (high impact, high risk), Levier (high, low), Critique (low, high),
 *   Simple (low, low), each with its standard approach.
 * - Levers: CO1 alert in the family → « Passer un marché »; MU2 candidate → « Groupement de
 *   commandes »; environmental rate below the PNAD target → « Clause environnementale »;
 *   HHI ≥ 2 500 → « Sourcing / allotissement ».
 * - Order: spend descending, then family key.
 */
import { hhi as herfindahl } from "./indicators/aggregate";
import { isCompetitive } from "./indicators/performance";
import { detectSplitting } from "./indicators/splitting";
import type { Te4Recommendation } from "./indicators/territories";
import type { PoolingCandidateRow } from "./indicators/mu/mu2";
import { CO1, MU2, resultOf, TE4 } from "./indicators/registry";
import type { RecommendationRow } from "./indicators/te/te4";
import { round2, type AnalysisContext, type IndicatorResult } from "./indicators/types";
import { msg, type Message } from "./messages/render";

export type Quadrant = "Stratégique" | "Levier" | "Critique" | "Simple";

export const HHI_HIGH = 2_500;
export const FEW_SUPPLIERS_MAX = 2;

/** Standard approach of each quadrant (SPEC §6). */
export const QUADRANT_STRATEGY: Record<Quadrant, string> = {
  Stratégique: "Partenariat, accord-cadre pluriannuel",
  Levier: "Mise en concurrence, mutualisation",
  Critique: "Sécuriser, élargir le sourcing, allotir",
  Simple: "Catalogue, centrale d'achat, carte achat",
};

export interface PlanLever {
  /** French lever, e.g. « Groupement de commandes ». */
  lever: string;
  /** Id of the indicator that triggered it (CO1, MU2, RE1, SP4). */
  indicator: string;
  /** Why, with the figures (a catalogue message). */
  reason: Message;
}

export interface FamilyScores {
  /** Impact cut-off: the equal-split share 100 / F, %. */
  impactCutoffPercent: number;
  impactHigh: boolean;
  hhiHigh: boolean;
  singleBidHigh: boolean;
  fewSuppliers: boolean;
  riskHigh: boolean;
  /** Impact and risk explained with their figures (catalogue messages). */
  explanation: Message[];
}

export interface FamilyPlanInput {
  familyKey: string;
  familyLabel: string;
  /** Net spend HT of the period, euros. */
  amount: number;
  /** Share of the period's net spend, %. */
  spendShare: number;
  /** HHI of the family's suppliers (0–10 000), null without positive supplier spend. */
  hhi: number | null;
  /** Single-bid rate over the family's competitive contracts with bids known, %; null when none. */
  singleBidRate: number | null;
  /** Suppliers with a net positive spend in the family. */
  suppliers: number;
  quadrant: Quadrant;
  /** Standard approach of the quadrant. */
  strategy: string;
  /** = spendShare (%). */
  impactScore: number;
  /** Number of risk factors present (0–3). */
  riskScore: number;
  scores: FamilyScores;
  levers: PlanLever[];
  te4: { recommendation: Te4Recommendation | null; reasons: readonly Message[] };
}

// ---------------------------------------------------------------------------------------------
// Reading other results

function byId(indicators: IndicatorResult[], id: string): IndicatorResult | undefined {
  return indicators.find((r) => r.id === id);
}

function str(v: unknown): string | null {
  return typeof v === "string" ? v : null;
}

function num(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

interface FamilyFigures {
  key: string;
  label: string;
  cents: number;
  suppliers: number;
  hhi: number | null;
}

/** Per-family spend, positive suppliers and HHI: SP4 table when present, else from the lines. */
function familyFigures(
  ctx: AnalysisContext,
  indicators: IndicatorResult[]
): { families: FamilyFigures[]; totalCents: number } {
  const sp4 = byId(indicators, "SP4")?.tables.byFamily;
  if (sp4 && sp4.length > 0) {
    let total = 0;
    const families: FamilyFigures[] = [];
    for (const row of sp4) {
      const key = str(row.familyKey);
      const amount = num(row.amount);
      if (key === null || amount === null) continue;
      const cents = Math.round(amount * 100);
      total += cents;
      families.push({
        key,
        label: str(row.familyLabel) ?? key,
        cents,
        suppliers: num(row.suppliers) ?? 0,
        hhi: num(row.hhi),
      });
    }
    return { families, totalCents: total };
  }
  const acc = new Map<string, { label: string; cents: number; suppliers: Map<string, number> }>();
  let total = 0;
  for (let i = 0; i < ctx.lines.length; i++) {
    const line = ctx.lines[i];
    total += line.amountHTCents;
    let f = acc.get(line.family.key);
    if (!f) {
      f = { label: line.family.label, cents: 0, suppliers: new Map() };
      acc.set(line.family.key, f);
    }
    f.cents += line.amountHTCents;
    f.suppliers.set(
      line.supplierKey,
      (f.suppliers.get(line.supplierKey) ?? 0) + line.amountHTCents
    );
  }
  const families: FamilyFigures[] = [];
  for (const [key, f] of acc) {
    const amounts = [...f.suppliers.values()];
    const positive = amounts.filter((a) => a > 0).length;
    families.push({
      key,
      label: f.label,
      cents: f.cents,
      suppliers: positive,
      hhi: positive === 0 ? null : Math.round(herfindahl(amounts)),
    });
  }
  return { families, totalCents: total };
}

interface Rate {
  part: number;
  whole: number;
}

/** Per family: single bids over competitive contracts with bids known (PF3 rule). */
function singleBidsByFamily(ctx: AnalysisContext): Map<string, Rate> {
  const out = new Map<string, Rate>();
  for (const c of ctx.contractsInPeriod) {
    if (!isCompetitive(c.procedure) || c.bidsReceived === null || !(c.bidsReceived >= 1)) continue;
    const r = out.get(c.family.key) ?? { part: 0, whole: 0 };
    r.whole++;
    if (c.bidsReceived === 1) r.part++;
    out.set(c.family.key, r);
  }
  return out;
}

/** Per family: contracts with an environmental consideration over those where it is known (RE1 rule). */
function environmentalByFamily(ctx: AnalysisContext): Map<string, Rate> {
  const out = new Map<string, Rate>();
  for (const c of ctx.contractsInPeriod) {
    if (c.environmentalConsideration === null) continue;
    const r = out.get(c.family.key) ?? { part: 0, whole: 0 };
    r.whole++;
    if (c.environmentalConsideration) r.part++;
    out.set(c.family.key, r);
  }
  return out;
}

/** CO1 alerts per family key: the CO1 table when present, else the splitting analysis. */
function splittingAlertsByFamily(
  ctx: AnalysisContext,
  indicators: IndicatorResult[]
): Map<string, number> {
  const out = new Map<string, number>();
  const co1 = resultOf({ indicators }, CO1);
  if (co1) {
    for (const row of co1.tables.alerts) out.set(row.familyKey, (out.get(row.familyKey) ?? 0) + 1);
    return out;
  }
  for (const a of detectSplitting(ctx)) out.set(a.familyKey, (out.get(a.familyKey) ?? 0) + 1);
  return out;
}

// ---------------------------------------------------------------------------------------------

/** Quadrant from impact and risk (SPEC §6). */
export function quadrantOf(impactHigh: boolean, riskHigh: boolean): Quadrant {
  if (impactHigh) return riskHigh ? "Stratégique" : "Levier";
  return riskHigh ? "Critique" : "Simple";
}

export function buildPlanInputs(
  ctx: AnalysisContext,
  indicators: IndicatorResult[]
): FamilyPlanInput[] {
  const { families: all, totalCents } = familyFigures(ctx, indicators);
  const families = all
    .filter((f) => f.key !== "NC" && f.cents > 0)
    .sort((a, b) => b.cents - a.cents || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (families.length === 0 || totalCents <= 0) return [];
  const impactCutoff = 100 / families.length;
  const singleBidRed = ctx.ref.sms.singleBidder.red;
  const envTarget = ctx.ref.pnad.environmentalPercent;

  const singleBids = singleBidsByFamily(ctx);
  const environmental = environmentalByFamily(ctx);
  const splitting = splittingAlertsByFamily(ctx, indicators);
  const results = { indicators };
  const candidates = new Map<string, PoolingCandidateRow>();
  for (const row of (resultOf(results, MU2) ?? MU2.compute(ctx)).tables.candidates)
    candidates.set(row.familyKey, row);
  const te4 = new Map<string, RecommendationRow>();
  for (const row of (resultOf(results, TE4) ?? TE4.compute(ctx)).tables.recommendations)
    te4.set(row.familyKey, row);

  return families.map((f): FamilyPlanInput => {
    const spendShare = (f.cents / totalCents) * 100;
    const sb = singleBids.get(f.key);
    const singleBidRate = sb && sb.whole > 0 ? (sb.part / sb.whole) * 100 : null;
    const impactHigh = spendShare >= impactCutoff;
    const hhiHigh = f.hhi !== null && f.hhi >= HHI_HIGH;
    const singleBidHigh = singleBidRate !== null && singleBidRate > singleBidRed;
    const fewSuppliers = f.suppliers <= FEW_SUPPLIERS_MAX;
    const riskScore = (hhiHigh ? 1 : 0) + (singleBidHigh ? 1 : 0) + (fewSuppliers ? 1 : 0);
    const concentration = impactHigh ? hhiHigh || fewSuppliers : hhiHigh && !fewSuppliers;
    const riskHigh = singleBidHigh || concentration;
    const quadrant = quadrantOf(impactHigh, riskHigh);

    const explanation: Message[] = [
      msg("plan.impact", {
        level: impactHigh ? "high" : "low",
        share: round2(spendShare),
        cutoff: round2(impactCutoff),
        families: families.length,
      }),
      f.hhi === null
        ? msg("plan.hhiUnknown")
        : msg("plan.hhi", {
            hhi: f.hhi,
            level: hhiHigh ? "high" : "moderate",
            threshold: HHI_HIGH,
          }),
      singleBidRate === null
        ? msg("plan.singleBidUnknown")
        : msg("plan.singleBid", {
            rate: round2(singleBidRate),
            position: singleBidHigh ? "above" : "within",
            red: singleBidRed,
          }),
      msg(fewSuppliers ? "plan.fewSuppliers" : "plan.suppliers", {
        count: f.suppliers,
        max: FEW_SUPPLIERS_MAX,
      }),
      msg("plan.risk", { level: riskHigh ? "high" : "low", score: riskScore }),
    ];
    if (!impactHigh && fewSuppliers && !singleBidHigh)
      explanation.push(msg("plan.fewSuppliersLowImpact"));

    const levers: PlanLever[] = [];
    const alerts = splitting.get(f.key) ?? 0;
    if (alerts > 0)
      levers.push({
        lever: "Passer un marché",
        indicator: "CO1",
        reason: msg("plan.lever.splitting", { count: alerts }),
      });
    const cand = candidates.get(f.key);
    if (cand)
      levers.push({
        lever: "Groupement de commandes",
        indicator: "MU2",
        reason: msg("plan.lever.pooling", {
          count: cand.entityCount,
          entities: cand.entities.split(" ; ").join(", "),
          amount: Math.round(cand.amount),
        }),
      });
    const env = environmental.get(f.key);
    if (env && env.whole > 0) {
      const rate = (env.part / env.whole) * 100;
      if (rate < envTarget)
        levers.push({
          lever: "Clause environnementale",
          indicator: "RE1",
          reason: msg("plan.lever.environmental", {
            part: env.part,
            whole: env.whole,
            rate: round2(rate),
            target: envTarget,
          }),
        });
    }
    if (hhiHigh && f.hhi !== null)
      levers.push({
        lever: "Sourcing / allotissement",
        indicator: "SP4",
        reason: msg("plan.lever.concentration", {
          hhi: f.hhi,
          threshold: HHI_HIGH,
          count: f.suppliers,
        }),
      });

    const rec = te4.get(f.key);

    return {
      familyKey: f.key,
      familyLabel: f.label,
      amount: round2(f.cents / 100),
      spendShare: round2(spendShare),
      hhi: f.hhi,
      singleBidRate: singleBidRate === null ? null : round2(singleBidRate),
      suppliers: f.suppliers,
      quadrant,
      strategy: QUADRANT_STRATEGY[quadrant],
      impactScore: round2(spendShare),
      riskScore,
      scores: {
        impactCutoffPercent: round2(impactCutoff),
        impactHigh,
        hhiHigh,
        singleBidHigh,
        fewSuppliers,
        riskHigh,
        explanation,
      },
      levers,
      te4: { recommendation: rec?.recommendation ?? null, reasons: rec?.reasons ?? [] },
    };
  });
}

/** A proposed target and whether it is the current level kept (the reference already met). */
export interface ProposedTarget {
  value: number;
  /** True when the reference is already met: the target keeps the current level. */
  kept: boolean;
}

/**
 * The target proposed for an indicator (issue #12): never worse than the current value. The
 * reference when it improves on the current value; the current level when the reference is
 * already met (a single-bid rate of 7,9 % keeps 7,9 %, never « 10 % »); the reference when the
 * current value is unknown.
 */
export function proposeTarget(
  current: number | null,
  reference: number,
  better: "lower" | "higher"
): ProposedTarget {
  if (current === null) return { value: reference, kept: false };
  const met = better === "lower" ? current <= reference : current >= reference;
  return met ? { value: current, kept: true } : { value: reference, kept: false };
}
