/** TE1 spend per territory and per inhabitant (SPEC §4). */
import { territoryPerimeter } from "../../territories/perimeter";
import { msg } from "../../messages/render";
import { defineIndicator } from "../definition";
import {
  NO_TERRITORY,
  noTerritoryLinesReason,
  perimeterPopulation,
  territoryName,
  territoryScan,
} from "../territories";
import { euros, notAvailable, pct, round2 } from "../types";

export type TerritorySpendRow = {
  /** null: lines without a territory. */
  territory: string | null;
  amount: number;
  sharePercent: number | null;
  lines: number;
  population: number | null;
  entitiesWithPopulation: number;
  perInhabitant: number | null;
};

export type TE1Tables = { byTerritory: TerritorySpendRow[] };

const base = { id: "TE1", group: "TE", unit: "EUR/hab" } as const;

export const TE1 = defineIndicator<TE1Tables>({
  ...base,
  label: { fr: "Dépense par habitant", en: "Spend per inhabitant" },
  headline: { fr: "dépense par habitant (€)", en: "spend per inhabitant (€)" },
  doc: {
    definition: {
      fr: "Dépense HT nette par territoire et par habitant, et dépense par habitant de tout le périmètre.",
      en: "Net spend excl. VAT per territory and per inhabitant, and spend per inhabitant of the whole perimeter.",
    },
    formula: {
      fr: "Dépense des lignes dont l'entité figure dans la table Entités / habitants de ce périmètre (chaque habitant compté une fois : la population d'un EPCI est celle de ses communes).",
      en: "Spend of the lines whose entity is in the Entities table / inhabitants of that perimeter (each inhabitant counted once: an EPCI's population is its communes').",
    },
    source: {
      fr: "Populations légales de l'INSEE (table Entités) ; territoire de la ligne, sinon de son entité.",
      en: "INSEE legal populations (Entities table); territory of the line, else of its entity.",
    },
    howToImprove: {
      fr: "Renseignez la population et le territoire de chaque entité ; comparez les territoires de taille comparable.",
      en: "Give the population and territory of every entity; compare territories of similar size.",
    },
  },
  compute(ctx) {
    const { scan: s, figures } = territoryScan(ctx);
    const coverage = { n: s.populatedLines, N: s.lines, of: "lines" as const };
    if (s.lines === 0)
      return notAvailable(base, noTerritoryLinesReason(ctx), coverage, { byTerritory: [] });
    // Entités perimeter, else the territories with a population (one body with pôles).
    const headline = territoryPerimeter(
      {
        population: perimeterPopulation(ctx.entities.values()),
        cents: s.populatedCents,
        lines: s.populatedLines,
      },
      figures.filter((t) => t.name !== NO_TERRITORY)
    );
    const population = headline.population;
    coverage.n = headline.lines;
    const noTerritory = s.territories.get(NO_TERRITORY);
    const byTerritory = figures.map((t) => ({
      territory: territoryName(t.name),
      amount: euros(t.cents),
      sharePercent: pct(t.cents, s.totalCents),
      lines: t.lines,
      population: t.population,
      entitiesWithPopulation: t.populatedEntities,
      perInhabitant: t.perInhabitant === null ? null : round2(t.perInhabitant),
    }));
    const details = {
      totalAmount: euros(s.totalCents),
      territories: figures.filter((t) => t.name !== NO_TERRITORY).length,
      amountWithoutTerritory: euros(noTerritory?.cents ?? 0),
      linesWithoutTerritory: noTerritory?.lines ?? 0,
      population: population === 0 ? null : population,
      amountWithPopulation: euros(headline.cents),
      populationSource: headline.source,
    };
    const tables = { byTerritory };
    if (population === 0)
      return notAvailable(base, msg("na.populationNotGiven"), coverage, tables, null, details);
    return {
      ...base,
      value: round2(headline.cents / 100 / population),
      na: null,
      coverage,
      reference: null,
      status: null,
      details,
      tables,
    };
  },
});
