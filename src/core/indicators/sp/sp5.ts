/** SP5 tail spend: suppliers below the prorated yearly threshold (SPEC §4). */
import { basisOf } from "../../contracts-basis";
import { msg } from "../../messages/render";
import { toEuros as eur } from "../../money";
import { defineIndicator } from "../definition";
import { noSpendLines, spendAggregates, tailThresholdCents, type SupplierBucket } from "../spend";
import { notAvailable, pct } from "../types";

export type TailSupplierRow = {
  supplierKey: string;
  supplierName: string | null;
  amount: number;
  lines: number;
  entities: number;
};

export type SP5Tables = { tailSuppliers: TailSupplierRow[] };

const EMPTY: SP5Tables = { tailSuppliers: [] };

const base = { id: "SP5", group: "SP", unit: "%" } as const;

export const SP5 = defineIndicator<SP5Tables>({
  ...base,
  label: {
    fr: "Dépense de longue traîne (petits fournisseurs)",
    en: "Tail spend (small suppliers)",
  },
  headline: { fr: "longue traîne (% de la dépense)", en: "tail spend (% of spend)" },
  doc: {
    definition: {
      fr: "Part de la dépense faite auprès de fournisseurs dont la dépense sur la période reste sous un seuil (1 000 € par an par défaut).",
      en: "Share of spend made with suppliers whose spend over the period stays below a threshold (€1,000 a year by default).",
    },
    formula: {
      fr: "Seuil = seuil annuel × mois couverts par la période / 12 ; longue traîne = Σ dépense des fournisseurs avec 0 < dépense nette < seuil, rapportée à la dépense nette positive.",
      en: "Threshold = yearly threshold × months the period covers / 12; tail = Σ spend of suppliers with 0 < net spend < threshold, over positive net spend.",
    },
    source: {
      fr: "Paramètre de la feuille Paramètres (seuil de longue traîne).",
      en: "Parameter of the Settings sheet (tail-spend threshold).",
    },
    howToImprove: {
      fr: "Regroupez les petits achats sur des marchés existants, un catalogue, une carte achat ou une centrale d'achat.",
      en: "Group small purchases under existing contracts, a catalogue, a purchasing card or a central purchasing body.",
    },
  },
  basis: basisOf,
  compute(ctx) {
    // Contracts-only input: the register gives no small purchases (issue #11 §1).
    if (basisOf(ctx) === "awarded")
      return notAvailable(
        base,
        msg("na.tailNeedsSpendLines"),
        { n: 0, N: ctx.contractsInPeriod.length, of: "contracts" },
        EMPTY
      );
    const agg = spendAggregates(ctx);
    if (agg.lines === 0) return noSpendLines(ctx, base, EMPTY);
    const perYear = ctx.ref.tailSpendThresholdCents;
    const { cents: threshold, months } = tailThresholdCents(perYear.value, ctx.period);
    let positiveBase = 0;
    let participants = 0;
    let excluded = 0;
    let tailCents = 0;
    let tailLines = 0;
    const tail: [string, SupplierBucket][] = [];
    for (const entry of agg.bySupplier) {
      const s = entry[1];
      if (s.cents <= 0) {
        excluded++;
        continue;
      }
      participants++;
      positiveBase += s.cents;
      if (s.cents < threshold) {
        tailCents += s.cents;
        tailLines += s.lines;
        tail.push(entry);
      }
    }
    const coverage = { n: participants, N: agg.bySupplier.size, of: "suppliers" as const };
    if (participants === 0)
      return notAvailable(base, msg("na.noPositiveSupplier"), coverage, EMPTY);
    tail.sort((a, b) => b[1].cents - a[1].cents || (a[0] < b[0] ? -1 : 1));
    return {
      ...base,
      value: pct(tailCents, positiveBase),
      na: null,
      coverage,
      reference: {
        value: eur(threshold),
        unit: "EUR",
        label: msg("ref.tailThreshold", { perYear: eur(perYear.value), months }),
        source: perYear.source,
      },
      status: null,
      details: {
        thresholdPerYear: eur(perYear.value),
        months,
        threshold: eur(threshold),
        tailSuppliers: tail.length,
        tailSuppliersShare: pct(tail.length, participants),
        tailAmount: eur(tailCents),
        tailLines,
        tailLinesShare: pct(tailLines, agg.lines),
        excludedSuppliers: excluded,
      },
      tables: {
        tailSuppliers: tail.map(([key, s]) => ({
          supplierKey: key,
          supplierName: s.name,
          amount: eur(s.cents),
          lines: s.lines,
          entities: s.entities.size,
        })),
      },
    };
  },
});
