/** RE6 annual purchases per legal buyer vs the SPASER obligation threshold (SPEC §4). */
import { basisOf } from "../../contracts-basis";
import { msg } from "../../messages/render";
import { toEuros } from "../../money";
import { civilYearsOf, isFullYearIn, yearIndexOf } from "../civil-years";
import { defineIndicator } from "../definition";
import { notAvailable, type Reference } from "../types";

export type SpaserRow = {
  entity: string;
  year: number;
  yearComplete: boolean;
  spend: number;
  threshold: number;
  /** The entity's purchases of the year exceed the threshold: a SPASER is mandatory. */
  obligation: boolean;
};

export type RE6Tables = { byEntityYear: SpaserRow[] };

const EMPTY: RE6Tables = { byEntityYear: [] };

const base = { id: "RE6", group: "RE", unit: "EUR" } as const;

export const RE6 = defineIndicator<RE6Tables>({
  ...base,
  label: {
    fr: "Achats annuels et obligation de SPASER",
    en: "Annual purchases and SPASER obligation",
  },
  headline: {
    fr: "achats annuels au regard du seuil SPASER de 50 M€ (€)",
    en: "annual purchases vs the €50M SPASER threshold (€)",
  },
  doc: {
    definition: {
      fr: "Achats HT annuels de chaque acheteur (entité) par année civile ; au-delà du seuil, un schéma de promotion des achats publics socialement et écologiquement responsables (SPASER) est obligatoire.",
      en: "Annual purchases excl. VAT of each buyer (entity) per civil year; above the threshold, a responsible procurement scheme (SPASER) is mandatory.",
    },
    formula: {
      fr: "Σ dépense HT nette par entité et année civile touchée par la période ; valeur = la plus grosse entité sur la dernière année complète (sinon l'année en cours) ; alerte au-delà du seuil.",
      en: "Σ net spend excl. VAT per entity and civil year touched by the period; value = the largest entity in the latest full year (else the current year); alert above the threshold.",
    },
    source: {
      fr: "Art. L2111-3 et D2111-3 du code de la commande publique (seuil de 50 millions d'euros HT par an).",
      en: "Art. L2111-3 and D2111-3 of the public procurement code (threshold of €50 million excl. VAT a year).",
    },
    howToImprove: {
      fr: "Au-delà du seuil, adoptez et publiez un SPASER avec des objectifs chiffrés et un suivi annuel.",
      en: "Above the threshold, adopt and publish a SPASER with quantified targets and yearly monitoring.",
    },
  },
  compute(ctx) {
    const threshold = ctx.ref.spaserThresholdCents;
    const reference: Reference = {
      value: toEuros(threshold.value),
      unit: "EUR",
      label: msg("ref.spaserThreshold"),
      source: threshold.source,
    };
    const cy = civilYearsOf(ctx.period);
    const perEntity = new Map<string, number[]>();
    let lines = 0;
    for (const line of ctx.allLines) {
      const yi = yearIndexOf(cy, line.date);
      if (yi < 0) continue;
      lines++;
      let sums = perEntity.get(line.entity);
      if (!sums) perEntity.set(line.entity, (sums = new Array<number>(cy.years.length).fill(0)));
      sums[yi] += line.amountHTCents;
    }
    const coverage = { n: lines, N: lines, of: "lines" as const };
    if (lines === 0)
      return notAvailable(
        base,
        // Contracts-only input: awarded amounts are not the year's purchases (issue #11 §1).
        basisOf(ctx) === "awarded"
          ? msg("na.spaserNeedsSpendLines")
          : msg("na.noLinesInCivilYearOfPeriod"),
        coverage,
        EMPTY,
        reference
      );
    let yi = cy.years.length - 1;
    while (yi >= 0 && !isFullYearIn(cy, yi, ctx.period)) yi--;
    const complete = yi >= 0;
    if (!complete) yi = cy.years.length - 1;
    const entities = [...perEntity.keys()].sort();
    const sumsOf = (e: string) => perEntity.get(e) ?? [];
    let maxEntity = entities[0];
    for (const e of entities) if (sumsOf(e)[yi] > sumsOf(maxEntity)[yi]) maxEntity = e;
    const maxCents = sumsOf(maxEntity)[yi];
    const above = maxCents > threshold.value;
    const rows: SpaserRow[] = [];
    let entitiesAbove = 0;
    for (const e of entities) {
      const sums = sumsOf(e);
      for (let i = 0; i < cy.years.length; i++) {
        const over = sums[i] > threshold.value;
        if (i === yi && over) entitiesAbove++;
        rows.push({
          entity: e,
          year: cy.years[i],
          yearComplete: isFullYearIn(cy, i, ctx.period),
          spend: toEuros(sums[i]),
          threshold: toEuros(threshold.value),
          obligation: over,
        });
      }
    }
    return {
      ...base,
      value: toEuros(maxCents),
      na: null,
      coverage,
      reference,
      status: above ? "alert" : "good",
      details: {
        year: cy.years[yi],
        /** 1: the latest full civil year of the period; 0: the current year, incomplete. */
        yearComplete: complete ? 1 : 0,
        entity: maxEntity,
        /** 1: a SPASER is mandatory for the largest entity. */
        obligation: above ? 1 : 0,
        entitiesAbove,
      },
      tables: { byEntityYear: rows },
    };
  },
});
