/** SP2 spend by family, supplier, entity, service, territory and month: the cube (SPEC §4). */
import { basisContext, basisOf } from "../../contracts-basis";
import type { FamilyRule, Nature } from "../../model";
import { toEuros as eur } from "../../money";
import { sortedByCentsDesc, sumBy, type Bucket } from "../aggregate";
import { defineIndicator } from "../definition";
import { linesCoverage, noSpendLines, NOT_GIVEN, spendAggregates } from "../spend";
import { pct } from "../types";

export type SpendFamilyRow = {
  familyKey: string;
  familyLabel: string;
  rule: FamilyRule;
  amount: number;
  lines: number;
  suppliers: number;
  share: number | null;
};

export type SpendSupplierRow = {
  supplierKey: string;
  supplierName: string | null;
  supplierId: string | null;
  amount: number;
  lines: number;
  entities: number;
  share: number | null;
};

type Spend = { amount: number; lines: number; share: number | null };
export type SpendEntityRow = { entity: string } & Spend;
/** null: service (territory) not given on the lines. */
export type SpendServiceRow = { service: string | null } & Spend;
export type SpendTerritoryRow = { territory: string | null } & Spend;

/** null: nature not given (no nature column, no CPV, no section row). */
export type SpendNatureRow = { nature: Nature | null } & Spend;

export type SpendMonthRow = { month: string; amount: number; lines: number; share: number | null };

export type CubeRow = {
  month: string;
  entity: string;
  familyKey: string;
  familyLabel: string | null;
  supplierKey: string;
  supplierName: string | null;
  amount: number;
  lines: number;
};

export type SP2Tables = {
  byFamily: SpendFamilyRow[];
  bySupplier: SpendSupplierRow[];
  byEntity: SpendEntityRow[];
  byService: SpendServiceRow[];
  byTerritory: SpendTerritoryRow[];
  /** Fournitures / Services / Travaux (nature of the line or the contract). */
  byNature: SpendNatureRow[];
  byMonth: SpendMonthRow[];
  cube: CubeRow[];
};

const EMPTY: SP2Tables = {
  byFamily: [],
  bySupplier: [],
  byEntity: [],
  byService: [],
  byTerritory: [],
  byNature: [],
  byMonth: [],
  cube: [],
};

function dimensionRows<K extends string>(
  map: Map<string, Bucket>,
  name: K,
  total: number
): ({ [k in K]: string | null } & Spend)[] {
  return sortedByCentsDesc(map).map(
    ([key, b]) =>
      ({
        [name]: key === NOT_GIVEN ? null : key,
        amount: eur(b.cents),
        lines: b.lines,
        share: pct(b.cents, total),
      }) as { [k in K]: string | null } & Spend
  );
}

const base = { id: "SP2", group: "SP", unit: "count" } as const;

export const SP2 = defineIndicator<SP2Tables>({
  ...base,
  label: {
    fr: "Dépense par famille, fournisseur, entité, service, territoire et mois",
    en: "Spend by family, supplier, entity, service, territory and month",
  },
  headline: { fr: "familles avec dépense (nombre)", en: "families with spend (count)" },
  doc: {
    definition: {
      fr: "Répartition de la dépense HT nette par famille homogène, fournisseur, entité, service, territoire, nature et mois (cube prêt pour un tableau croisé). Sans ligne de dépense (registre des marchés ou DECP seuls), calculé sur les montants attribués des marchés notifiés sur la période (un marché compte une fois, sous son premier titulaire).",
      en: "Breakdown of net spend excl. VAT by homogeneous family, supplier, entity, service, territory, nature and month (a cube ready for a pivot table). Without spend lines (contracts register or DECP only), computed on the awarded amounts of the contracts notified in the period (a contract counts once, under its first holder).",
    },
    formula: {
      fr: "Σ montant HT par membre de chaque dimension ; part = montant / dépense totale (SP1). Chaque tableau se totalise à SP1 au centime.",
      en: "Σ amount excl. VAT per member of each dimension; share = amount / total spend (SP1). Each table adds up to SP1 to the cent.",
    },
    source: {
      fr: "Familles homogènes : code famille de l'acheteur, groupe CPV ou article budgétaire M57 (art. R2121-7 du code de la commande publique).",
      en: "Homogeneous families: the buyer's family code, CPV group or M57 budget account (art. R2121-7 of the public procurement code).",
    },
    howToImprove: {
      fr: "Renseignez une famille (ou un code CPV) sur chaque ligne pour réduire la part « Non classé ».",
      en: "Give a family (or a CPV code) on every line to reduce the unclassified share.",
    },
  },
  basis: basisOf,
  compute(ctx) {
    const agg = spendAggregates(ctx);
    if (agg.lines === 0) return noSpendLines(ctx, base, EMPTY);
    const total = agg.totalCents;
    const byFamily = sortedByCentsDesc(agg.byFamily).map(([key, f]) => ({
      familyKey: key,
      familyLabel: f.label,
      rule: f.rule,
      amount: eur(f.cents),
      lines: f.lines,
      suppliers: f.suppliers.size,
      share: pct(f.cents, total),
    }));
    const bySupplier = sortedByCentsDesc(agg.bySupplier).map(([key, s]) => ({
      supplierKey: key,
      supplierName: s.name,
      supplierId: s.id,
      amount: eur(s.cents),
      lines: s.lines,
      entities: s.entities.size,
      share: pct(s.cents, total),
    }));
    const byMonth = [...agg.byMonth.entries()]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([month, b]) => ({
        month,
        amount: eur(b.cents),
        lines: b.lines,
        share: pct(b.cents, total),
      }));
    const cube: CubeRow[] = [];
    for (const c of agg.cube()) {
      cube.push({
        month: c.month,
        entity: c.entity,
        familyKey: c.familyKey,
        familyLabel: agg.byFamily.get(c.familyKey)?.label ?? null,
        supplierKey: c.supplierKey,
        supplierName: agg.bySupplier.get(c.supplierKey)?.name ?? null,
        amount: eur(c.cents),
        lines: c.lines,
      });
    }
    let familiesWithSpend = 0;
    for (const f of agg.byFamily.values()) if (f.cents > 0) familiesWithSpend++;
    return {
      ...base,
      value: familiesWithSpend,
      na: null,
      coverage: linesCoverage(agg, ctx),
      reference: null,
      status: null,
      details: {
        families: agg.byFamily.size,
        familiesWithSpend,
        suppliers: agg.bySupplier.size,
        entities: agg.byEntity.size,
        services: agg.byService.size,
        territories: agg.byTerritory.size,
        months: agg.byMonth.size,
        cubeRows: cube.length,
      },
      tables: {
        byFamily,
        bySupplier,
        byEntity: sortedByCentsDesc(agg.byEntity).map(([entity, b]) => ({
          entity,
          amount: eur(b.cents),
          lines: b.lines,
          share: pct(b.cents, total),
        })),
        byService: dimensionRows(agg.byService, "service", total),
        byTerritory: dimensionRows(agg.byTerritory, "territory", total),
        byNature: dimensionRows(
          sumBy(basisContext(ctx).lines, (l) => l.nature ?? NOT_GIVEN),
          "nature",
          total
        ) as SpendNatureRow[],
        byMonth,
        cube,
      },
    };
  },
});
