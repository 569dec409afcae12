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
import { computeMutualisationIndicators } from "./indicators/mutualisation";
import { isCompetitive } from "./indicators/performance";
import { detectSplitting } from "./indicators/splitting";
import {
  computeTerritoryIndicators,
  REASONS_SEPARATOR,
  type Te4Recommendation,
} from "./indicators/territories";
import { round2, type AnalysisContext, type IndicatorResult, type Row } from "./indicators/types";

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
  /** French sentence with the figures. */
  reason: string;
}

export interface FamilyScores {
  /** Impact cut-off: the equal-split share 100 / F, %. */
  impactCutoffPercent: number;
  impactHigh: boolean;
  hhiHigh: boolean;
  singleBidHigh: boolean;
  fewSuppliers: boolean;
  riskHigh: boolean;
  /** French sentences explaining impact and risk. */
  explanation: string[];
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
  te4: { recommendation: Te4Recommendation | null; reasons: string[] };
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
  const co1 = byId(indicators, "CO1");
  if (co1) {
    for (const row of co1.tables.alerts ?? []) {
      const key = str(row.familyKey);
      if (key !== null) out.set(key, (out.get(key) ?? 0) + 1);
    }
    return out;
  }
  for (const a of detectSplitting(ctx)) out.set(a.familyKey, (out.get(a.familyKey) ?? 0) + 1);
  return out;
}

function tableOf(
  indicators: IndicatorResult[],
  id: string,
  table: string,
  compute: () => IndicatorResult[]
): Row[] {
  const found = byId(indicators, id) ?? compute().find((r) => r.id === id);
  return found?.tables[table] ?? [];
}

// ---------------------------------------------------------------------------------------------

function frenchNumber(x: number, decimals = 1): string {
  return x
    .toFixed(decimals)
    .replace(".", ",")
    .replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
}

function frenchEuros(euros: number): string {
  return `${Math.round(euros)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f")} €`;
}

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
  const candidates = new Map<string, Row>();
  for (const row of tableOf(indicators, "MU2", "candidates", () =>
    computeMutualisationIndicators(ctx)
  )) {
    const key = str(row.familyKey);
    if (key !== null) candidates.set(key, row);
  }
  const te4 = new Map<string, Row>();
  for (const row of tableOf(indicators, "TE4", "recommendations", () =>
    computeTerritoryIndicators(ctx)
  )) {
    const key = str(row.familyKey);
    if (key !== null) te4.set(key, row);
  }

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

    const explanation: string[] = [
      `Impact ${impactHigh ? "élevé" : "faible"} : ${frenchNumber(spendShare)} % de la dépense, pour un seuil de ${frenchNumber(
        impactCutoff
      )} % (part d'une répartition égale entre ${families.length} familles)`,
      f.hhi === null
        ? "Concentration (HHI) inconnue"
        : `Concentration HHI ${frenchNumber(f.hhi, 0)} (${hhiHigh ? "élevée" : "modérée"}, seuil ${frenchNumber(HHI_HIGH, 0)})`,
      singleBidRate === null
        ? "Taux d'offre unique inconnu (aucun marché concurrentiel de la période avec le nombre d'offres)"
        : `Offre unique : ${frenchNumber(singleBidRate)} % des marchés concurrentiels (${singleBidHigh ? "au-dessus" : "dans la limite"} de ${singleBidRed} %)`,
      `${f.suppliers} fournisseur${f.suppliers > 1 ? "s" : ""}${fewSuppliers ? ` (peu de fournisseurs : ${FEW_SUPPLIERS_MAX} au plus)` : ""}`,
      `Risque ${riskHigh ? "élevé" : "faible"} : ${riskScore} facteur${riskScore > 1 ? "s" : ""} de risque sur 3`,
    ];
    if (!impactHigh && fewSuppliers && !singleBidHigh)
      explanation.push(
        "Peu de fournisseurs dans une famille à faible impact : c'est l'ordinaire d'un petit besoin, pas un risque d'approvisionnement à lui seul"
      );

    const levers: PlanLever[] = [];
    const alerts = splitting.get(f.key) ?? 0;
    if (alerts > 0) {
      levers.push({
        lever: "Passer un marché",
        indicator: "CO1",
        reason: `${alerts} signal${alerts > 1 ? "aux" : ""} de fractionnement possible à vérifier : achats hors marché cumulés au-delà du seuil de dispense`,
      });
    }
    const cand = candidates.get(f.key);
    if (cand) {
      levers.push({
        lever: "Groupement de commandes",
        indicator: "MU2",
        reason: `${num(cand.entityCount) ?? "Plusieurs"} entités achètent cette famille séparément (${(str(cand.entities) ?? "").split(" ; ").join(", ")}) pour ${frenchEuros(
          num(cand.amount) ?? 0
        )}`,
      });
    }
    const env = environmental.get(f.key);
    if (env && env.whole > 0) {
      const rate = (env.part / env.whole) * 100;
      if (rate < envTarget) {
        levers.push({
          lever: "Clause environnementale",
          indicator: "RE1",
          reason: `${env.part} marché${env.part > 1 ? "s" : ""} sur ${env.whole} avec une considération environnementale (${frenchNumber(
            rate
          )} %), objectif PNAD ${envTarget} %`,
        });
      }
    }
    if (hhiHigh) {
      levers.push({
        lever: "Sourcing / allotissement",
        indicator: "SP4",
        reason: `Fournisseurs concentrés : HHI ${frenchNumber(f.hhi as number, 0)} ≥ ${frenchNumber(HHI_HIGH, 0)} avec ${f.suppliers} fournisseur${
          f.suppliers > 1 ? "s" : ""
        }`,
      });
    }

    const rec = te4.get(f.key);
    const recommendation = rec ? (str(rec.recommendation) as Te4Recommendation | null) : null;
    const reasonsText = rec ? str(rec.reasons) : null;

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
      te4: { recommendation, reasons: reasonsText ? reasonsText.split(REASONS_SEPARATOR) : [] },
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
