/** SP4 concentration: top-1/top-5 share and HHI, overall and per family (SPEC §4). */
import { basisOf } from "../../contracts-basis";
import { msg } from "../../messages/render";
import { toEuros as eur } from "../../money";
import { sortedByCentsDesc } from "../aggregate";
import { defineIndicator } from "../definition";
import { concentration, noSpendLines, spendAggregates } from "../spend";
import { notAvailable, round2 } from "../types";

export type ConcentrationFamilyRow = {
  familyKey: string;
  familyLabel: string;
  amount: number;
  suppliers: number;
  top1Supplier: string | null;
  top1Share: number | null;
  top5Share: number | null;
  hhi: number | null;
};

export type SP4Tables = { byFamily: ConcentrationFamilyRow[] };

const EMPTY: SP4Tables = { byFamily: [] };

const base = { id: "SP4", group: "SP", unit: "%" } as const;

export const SP4 = defineIndicator<SP4Tables>({
  ...base,
  label: {
    fr: "Concentration : part des 5 premiers fournisseurs",
    en: "Concentration: top-5 suppliers' share",
  },
  headline: {
    fr: "part des 5 premiers fournisseurs (% de la dépense)",
    en: "top-5 suppliers' share (% of spend)",
  },
  doc: {
    definition: {
      fr: "Poids des plus gros fournisseurs dans la dépense : part du premier, des cinq premiers et indice de Herfindahl-Hirschman (HHI), en tout et par famille. Sans ligne de dépense (registre des marchés ou DECP seuls), calculé sur les montants attribués des marchés notifiés sur la période (un marché compte une fois, sous son premier titulaire).",
      en: "Weight of the largest suppliers in spend: share of the first, of the top five and the Herfindahl-Hirschman index (HHI), overall and per family. Without spend lines (contracts register or DECP only), computed on the awarded amounts of the contracts notified in the period (a contract counts once, under its first holder).",
    },
    formula: {
      fr: "HHI = Σ (part du fournisseur)² × 10 000, parts en fraction de la dépense nette positive (0 à 10 000) ; part des 5 premiers = Σ des 5 plus grosses dépenses / dépense nette positive.",
      en: "HHI = Σ (supplier's share)² × 10,000, shares as fractions of positive net spend (0 to 10,000); top-5 share = Σ of the 5 largest spends / positive net spend.",
    },
    source: {
      fr: "Indice de Herfindahl-Hirschman (lignes directrices de la Commission européenne sur les concentrations horizontales, 2004/C 31/03).",
      en: "Herfindahl-Hirschman index (European Commission guidelines on horizontal mergers, 2004/C 31/03).",
    },
    howToImprove: {
      fr: "Dans les familles très concentrées (HHI > 2 500), élargissez le sourcing, allotissez et relancez la concurrence.",
      en: "In highly concentrated families (HHI > 2,500), widen sourcing, split into lots and re-tender.",
    },
  },
  basis: basisOf,
  compute(ctx) {
    const agg = spendAggregates(ctx);
    if (agg.lines === 0) return noSpendLines(ctx, base, EMPTY);
    const amounts: number[] = [];
    for (const s of agg.bySupplier.values()) amounts.push(s.cents);
    const overall = concentration(amounts);
    const coverage = { n: overall.participants, N: agg.bySupplier.size, of: "suppliers" as const };
    if (overall.top5Share === null)
      return notAvailable(base, msg("na.noPositiveSupplier"), coverage, EMPTY);
    const byFamily = sortedByCentsDesc(agg.byFamily).map(([key, f]) => {
      const amounts: number[] = [];
      let top: [string, number] | null = null;
      for (const [k, fs] of f.suppliers) {
        amounts.push(fs.cents);
        if (
          fs.cents > 0 &&
          (top === null || fs.cents > top[1] || (fs.cents === top[1] && k < top[0]))
        )
          top = [k, fs.cents];
      }
      const c = concentration(amounts);
      const topKey = top === null ? null : top[0];
      return {
        familyKey: key,
        familyLabel: f.label,
        amount: eur(f.cents),
        suppliers: c.participants,
        top1Supplier: topKey === null ? null : (agg.bySupplier.get(topKey)?.name ?? topKey),
        top1Share: c.top1Share === null ? null : round2(c.top1Share),
        top5Share: c.top5Share === null ? null : round2(c.top5Share),
        hhi: c.hhi === null ? null : Math.round(c.hhi),
      };
    });
    return {
      ...base,
      value: round2(overall.top5Share),
      na: null,
      coverage,
      reference: null,
      status: null,
      details: {
        top1Share: overall.top1Share === null ? null : round2(overall.top1Share),
        top5Share: round2(overall.top5Share),
        hhi: overall.hhi === null ? null : Math.round(overall.hhi),
        base: eur(overall.baseCents),
        excludedSuppliers: agg.bySupplier.size - overall.participants,
      },
      tables: { byFamily },
    };
  },
});
