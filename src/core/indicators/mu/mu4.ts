/** MU4 suppliers shared by several entities (SPEC §4). */
import { basisOf } from "../../contracts-basis";
import { defineIndicator } from "../definition";
import { buyingEntities, mutualisationScan, type SupplierAcc } from "../mutualisation";
import { byFrench, byKey, euros, notAvailable, pct } from "../types";

export type SharedSupplierRow = {
  supplierKey: string;
  supplierName: string | null;
  entityCount: number;
  entities: string;
  amount: number;
  familyCount: number;
  families: string;
};

export type MU4Tables = { sharedSuppliers: SharedSupplierRow[] };

const base = { id: "MU4", group: "MU", unit: "count" } as const;

export const MU4 = defineIndicator<MU4Tables>({
  ...base,
  label: {
    fr: "Fournisseurs communs à plusieurs entités",
    en: "Suppliers shared by several entities",
  },
  headline: {
    fr: "fournisseurs communs à au moins 2 entités (nombre)",
    en: "suppliers shared by ≥ 2 entities (count)",
  },
  doc: {
    definition: {
      fr: "Fournisseurs auprès desquels au moins deux entités achètent : leviers de négociation commune. Sans ligne de dépense (registre des marchés ou DECP seuls), calculé sur les montants attribués des marchés notifiés sur la période.",
      en: "Suppliers from which at least two entities buy: levers for joint negotiation. Without spend lines (contracts register or DECP only), computed on the awarded amounts of the contracts notified in the period.",
    },
    formula: {
      fr: "Fournisseurs avec une dépense nette > 0 chez au moins 2 entités sur la période ; montant et familles concernées.",
      en: "Suppliers with net spend > 0 in at least 2 entities over the period; amount and families concerned.",
    },
    source: {
      fr: "Lignes de dépense (fournisseur, entité).",
      en: "Spend lines (supplier, entity).",
    },
    howToImprove: {
      fr: "Négociez des conditions communes (remises, délais) avec les fournisseurs partagés, ou mutualisez le marché.",
      en: "Negotiate common terms (discounts, lead times) with shared suppliers, or pool the contract.",
    },
  },
  basis: basisOf,
  compute(ctx) {
    const { scan: s, na } = mutualisationScan(ctx);
    const coverage = { n: s.lines, N: s.lines, of: s.unit };
    if (na) return notAvailable(base, na, coverage, { sharedSuppliers: [] });
    const shared: { sup: SupplierAcc; entities: string[] }[] = [];
    for (const sup of s.suppliers) {
      const entities = buyingEntities(s.entityNames, sup.entityCents);
      if (entities.length >= 2) shared.push({ sup, entities });
    }
    shared.sort((a, b) => b.sup.cents - a.sup.cents || byKey(a.sup.key, b.sup.key));
    let sharedCents = 0;
    for (const x of shared) sharedCents += x.sup.cents;
    return {
      ...base,
      value: shared.length,
      na: null,
      coverage,
      reference: null,
      status: null,
      details: {
        suppliers: s.suppliers.length,
        sharedAmount: euros(sharedCents),
        sharedSharePercent: pct(sharedCents, s.totalCents),
      },
      tables: {
        sharedSuppliers: shared.map(({ sup, entities }) => {
          const families = [...new Set([...sup.families].map((id) => s.familyLabels[id]))].sort(
            byFrench
          );
          return {
            supplierKey: sup.key,
            supplierName: sup.name,
            entityCount: entities.length,
            entities: entities.join(" ; "),
            amount: euros(sup.cents),
            familyCount: families.length,
            families: families.join(" ; "),
          };
        }),
      },
    };
  },
});
