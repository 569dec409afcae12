/** SP3 Pareto: suppliers and families making 80 % of spend, ABC classes (SPEC §4). */
import { basisOf } from "../../contracts-basis";
import { msg } from "../../messages/render";
import { toEuros as eur } from "../../money";
import { defineIndicator } from "../definition";
import {
  noSpendLines,
  paretoClasses,
  spendAggregates,
  type AbcClass,
  type ParetoRow,
} from "../spend";
import { notAvailable, pct, round2 } from "../types";

export type ParetoSupplierRow = {
  rank: number;
  supplierKey: string;
  supplierName: string | null;
  amount: number;
  lines: number;
  share: number;
  cumulativeShare: number;
  abc: AbcClass;
};

export type ParetoFamilyRow = {
  rank: number;
  familyKey: string;
  familyLabel: string | null;
  amount: number;
  share: number;
  cumulativeShare: number;
  abc: AbcClass;
};

export type SP3Tables = { suppliers: ParetoSupplierRow[]; families: ParetoFamilyRow[] };

const EMPTY: SP3Tables = { suppliers: [], families: [] };

const base = { id: "SP3", group: "SP", unit: "%" } as const;

export const SP3 = defineIndicator<SP3Tables>({
  ...base,
  label: {
    fr: "Pareto : fournisseurs faisant 80 % de la dépense",
    en: "Pareto: suppliers making 80 % of spend",
  },
  headline: {
    fr: "fournisseurs faisant 80 % de la dépense (% des fournisseurs)",
    en: "suppliers making 80 % of spend (% of suppliers)",
  },
  doc: {
    definition: {
      fr: "Part des fournisseurs qui concentrent 80 % de la dépense (classe A), avec les classes ABC des fournisseurs et des familles. Sans ligne de dépense (registre des marchés ou DECP seuls), calculé sur les montants attribués des marchés notifiés sur la période (un marché compte une fois, sous son premier titulaire).",
      en: "Share of suppliers that account for 80 % of spend (class A), with the ABC classes of suppliers and families. Without spend lines (contracts register or DECP only), computed on the awarded amounts of the contracts notified in the period (a contract counts once, under its first holder).",
    },
    formula: {
      fr: "Fournisseurs classés par dépense nette décroissante : A tant que la part cumulée avant le fournisseur est < 80 % (celui qui franchit 80 % est A), B jusqu'à 95 %, C au-delà. Fournisseurs à dépense nette ≤ 0 exclus.",
      en: "Suppliers ranked by net spend, largest first: A while the cumulative share before the supplier is < 80 % (the one crossing 80 % is A), B up to 95 %, C beyond. Suppliers with net spend ≤ 0 are left out.",
    },
    source: {
      fr: "Analyse de Pareto (loi des 80/20), méthode ABC de la gestion des achats.",
      en: "Pareto analysis (80/20 rule), ABC method of purchasing management.",
    },
    howToImprove: {
      fr: "Concentrez la négociation et les marchés sur les fournisseurs A ; regroupez les achats C (catalogue, carte achat, centrale).",
      en: "Focus negotiation and contracts on class A suppliers; group class C purchases (catalogue, purchasing card, central body).",
    },
  },
  basis: basisOf,
  compute(ctx) {
    const agg = spendAggregates(ctx);
    if (agg.lines === 0) return noSpendLines(ctx, base, EMPTY);
    const suppliers = paretoClasses(
      [...agg.bySupplier].map(([key, s]) => ({ key, cents: s.cents }))
    );
    const families = paretoClasses([...agg.byFamily].map(([key, f]) => ({ key, cents: f.cents })));
    const coverage = { n: suppliers.rows.length, N: agg.bySupplier.size, of: "suppliers" as const };
    if (suppliers.rows.length === 0)
      return notAvailable(base, msg("na.noPositiveSupplier"), coverage, EMPTY);
    const count = (rows: ParetoRow[], c: AbcClass) =>
      rows.reduce((n, r) => n + (r.abc === c ? 1 : 0), 0);
    const suppliersA = count(suppliers.rows, "A");
    const familiesA = count(families.rows, "A");
    return {
      ...base,
      value: pct(suppliersA, suppliers.rows.length),
      na: null,
      coverage,
      reference: null,
      status: null,
      details: {
        suppliersA,
        suppliersB: count(suppliers.rows, "B"),
        suppliersC: count(suppliers.rows, "C"),
        paretoBase: eur(suppliers.baseCents),
        excludedSuppliers: suppliers.excluded.count,
        excludedAmount: eur(suppliers.excluded.cents),
        familiesA,
        familiesAShare: pct(familiesA, families.rows.length),
        familiesB: count(families.rows, "B"),
        familiesC: count(families.rows, "C"),
        excludedFamilies: families.excluded.count,
      },
      tables: {
        suppliers: suppliers.rows.map((r) => {
          const s = agg.bySupplier.get(r.key);
          return {
            rank: r.rank,
            supplierKey: r.key,
            supplierName: s?.name ?? null,
            amount: eur(r.cents),
            lines: s?.lines ?? 0,
            share: round2(r.share),
            cumulativeShare: round2(r.cumulativeShare),
            abc: r.abc,
          };
        }),
        families: families.rows.map((r) => ({
          rank: r.rank,
          familyKey: r.key,
          familyLabel: agg.byFamily.get(r.key)?.label ?? null,
          amount: eur(r.cents),
          share: round2(r.share),
          cumulativeShare: round2(r.cumulativeShare),
          abc: r.abc,
        })),
      },
    };
  },
});
