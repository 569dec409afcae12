/** MU5 price dispersion of identical items across entities (SPEC §4). */
import { basisOf } from "../../contracts-basis";
import { msg } from "../../messages/render";
import { defineIndicator } from "../definition";
import { mutualisationScan, priceDispersion } from "../mutualisation";
import { byKey, euros, notAvailable, round2 } from "../types";

export type PriceDispersionRow = {
  item: string;
  unit: string | null;
  entityCount: number;
  lines: number;
  quantity: number;
  p10: number;
  p25: number;
  median: number;
  p90: number;
  p90OverP10: number | null;
  potential: number;
  derivedPriceLines: number;
};

export type MU5Tables = { items: PriceDispersionRow[] };

const EMPTY: MU5Tables = { items: [] };

const base = { id: "MU5", group: "MU", unit: "EUR" } as const;

export const MU5 = defineIndicator<MU5Tables>({
  ...base,
  label: {
    fr: "Potentiel d'économie sur la dispersion des prix d'articles identiques",
    en: "Price-dispersion savings potential",
  },
  headline: {
    fr: "potentiel sur la dispersion des prix (€)",
    en: "price-dispersion potential (€)",
  },
  doc: {
    definition: {
      fr: "Écarts de prix unitaire d'un même article acheté par plusieurs entités, et économie si chaque achat avait été payé au prix du premier quartile.",
      en: "Unit-price gaps of one item bought by several entities, and the saving if every purchase had been paid at the first-quartile price.",
    },
    formula: {
      fr: "Par article acheté par ≥ 2 entités : p10, p25, médiane, p90 des prix unitaires (interpolation linéaire, comme CENTILE.INCLURE) ; potentiel = Σ max(0, pᵢ − p25) × qᵢ.",
      en: "Per item bought by ≥ 2 entities: p10, p25, median, p90 of unit prices (linear interpolation, as PERCENTILE.INC); potential = Σ max(0, pᵢ − p25) × qᵢ.",
    },
    source: {
      fr: "Lignes de dépense avec article, quantité et prix unitaire (ou montant / quantité).",
      en: "Spend lines with item, quantity and unit price (or amount / quantity).",
    },
    howToImprove: {
      fr: "Harmonisez les références et les prix par un marché commun ou un catalogue ; renseignez l'article et la quantité.",
      en: "Harmonise items and prices through a common contract or catalogue; record the item and the quantity.",
    },
  },
  basis: basisOf,
  compute(ctx) {
    const { scan: s, na } = mutualisationScan(ctx);
    const coverage = { n: s.itemUsableLines, N: s.lines, of: s.unit };
    if (na) return notAvailable(base, na, coverage, EMPTY);
    if (s.itemUsableLines === 0) return notAvailable(base, msg("na.noItemPrices"), coverage, EMPTY);
    const rows: { itemKey: string; row: PriceDispersionRow }[] = [];
    let potentialCents = 0;
    for (const [key, it] of s.items) {
      if (it.entities.size < 2) continue;
      const d = priceDispersion(it.prices, it.quantities);
      if (d === null) continue;
      const potential = Math.round(d.potential);
      potentialCents += potential;
      let quantity = 0;
      for (const q of it.quantities) quantity += q;
      rows.push({
        itemKey: key,
        row: {
          item: it.item,
          unit: it.unit,
          entityCount: it.entities.size,
          lines: it.prices.length,
          quantity: round2(quantity),
          p10: euros(d.p10),
          p25: euros(d.p25),
          median: euros(d.median),
          p90: euros(d.p90),
          p90OverP10: d.ratio === null ? null : round2(d.ratio),
          potential: euros(potential),
          derivedPriceLines: it.derivedPriceLines,
        },
      });
    }
    rows.sort((a, b) => b.row.potential - a.row.potential || byKey(a.itemKey, b.itemKey));
    return {
      ...base,
      value: euros(potentialCents),
      na: null,
      coverage,
      reference: null,
      status: null,
      details: {
        comparedItems: rows.length,
        itemsWithPrice: s.items.size,
        linesWithItem: s.itemLines,
        linesWithDerivedPrice: s.itemDerivedLines,
      },
      tables: { items: rows.map((r) => r.row) },
    };
  },
});
