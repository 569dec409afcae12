/** TE2 equity across territories: coefficient of variation and Gini of spend per inhabitant (SPEC §4). */
import { msg } from "../../messages/render";
import { defineIndicator } from "../definition";
import { coefficientOfVariation, gini } from "../stats";
import { NO_TERRITORY, territoryScan } from "../territories";
import { notAvailable, round2 } from "../types";

export type TerritoryEquityRow = {
  territory: string;
  perInhabitant: number;
  gapToMeanPercent: number | null;
};

export type TE2Tables = { byTerritory: TerritoryEquityRow[] };

const base = { id: "TE2", group: "TE", unit: "%" } as const;

export const TE2 = defineIndicator<TE2Tables>({
  ...base,
  label: {
    fr: "Écart de dépense par habitant entre territoires (coefficient de variation)",
    en: "Spread of spend per inhabitant across territories",
  },
  headline: {
    fr: "coefficient de variation entre territoires (%)",
    en: "coefficient of variation across territories (%)",
  },
  doc: {
    definition: {
      fr: "Équité entre territoires : dispersion de la dépense par habitant des territoires dont la population est connue.",
      en: "Equity across territories: spread of the spend per inhabitant of the territories whose population is known.",
    },
    formula: {
      fr: "Coefficient de variation = écart-type des dépenses par habitant des territoires (divisé par leur nombre, non par nombre − 1) / leur moyenne × 100 ; indice de Gini des mêmes valeurs ; chaque territoire compte pour un, quelle que soit sa population.",
      en: "Coefficient of variation = standard deviation of the territories' spend per inhabitant (divided by their number, not number − 1) / their mean × 100; Gini index of the same values; each territory counts once, whatever its population.",
    },
    source: {
      fr: "Statistique descriptive (INSEE : coefficient de variation, indice de Gini).",
      en: "Descriptive statistics (INSEE: coefficient of variation, Gini index).",
    },
    howToImprove: {
      fr: "Examinez les territoires très au-dessus ou en dessous de la moyenne : besoins réels, rattachement des dépenses, lots géographiques.",
      en: "Look at the territories far above or below the mean: real needs, attribution of spend, geographic lots.",
    },
  },
  compute(ctx) {
    const { figures } = territoryScan(ctx);
    const named = figures.filter((t) => t.name !== NO_TERRITORY);
    const withPop = named.flatMap((t) =>
      t.perInhabitant === null ? [] : [{ name: t.name, perInhabitant: t.perInhabitant }]
    );
    const coverage = { n: withPop.length, N: named.length, of: "territories" as const };
    if (withPop.length < 2)
      return notAvailable(base, msg("na.fewerThanTwoTerritories"), coverage, { byTerritory: [] });
    const values = withPop.map((t) => t.perInhabitant);
    const cv = coefficientOfVariation(values);
    const g = gini(values);
    let sum = 0;
    for (const v of values) sum += v;
    const mean = sum / values.length;
    const details = {
      territoriesWithPopulation: withPop.length,
      meanPerInhabitant: round2(mean),
      minPerInhabitant: round2(Math.min(...values)),
      maxPerInhabitant: round2(Math.max(...values)),
      gini: g === null ? null : Math.round(g * 10_000) / 10_000,
    };
    const tables = {
      byTerritory: withPop.map((t) => ({
        territory: t.name,
        perInhabitant: round2(t.perInhabitant),
        gapToMeanPercent: mean === 0 ? null : round2((t.perInhabitant / mean - 1) * 100),
      })),
    };
    if (cv === null)
      return notAvailable(base, msg("na.zeroMeanPerInhabitant"), coverage, tables, null, details);
    return {
      ...base,
      value: round2(cv * 100),
      na: null,
      coverage,
      reference: null,
      status: null,
      details,
      tables,
    };
  },
});
