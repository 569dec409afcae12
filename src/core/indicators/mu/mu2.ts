/** MU2 pooling candidates: families bought separately by ≥ 2 entities (SPEC §4). */
import { basisOf } from "../../contracts-basis";
import { defineIndicator } from "../definition";
import { classifiedCoverage, mutualisationScan } from "../mutualisation";
import { euros, notAvailable } from "../types";

export type PoolingCandidateRow = {
  familyKey: string;
  familyLabel: string;
  entityCount: number;
  entities: string;
  supplierCount: number;
  lines: number;
  amount: number;
  pooledAmount: number;
  partlyPooled: boolean;
};

export type MU2Tables = { candidates: PoolingCandidateRow[] };

const base = { id: "MU2", group: "MU", unit: "count" } as const;

export const MU2 = defineIndicator<MU2Tables>({
  ...base,
  label: {
    fr: "Familles achetées séparément par plusieurs entités (candidates à la mutualisation)",
    en: "Families bought separately by several entities",
  },
  headline: {
    fr: "familles candidates à la mutualisation (nombre)",
    en: "pooling candidate families (count)",
  },
  doc: {
    definition: {
      fr: "Familles homogènes achetées séparément (marché propre ou hors marché) par au moins deux entités : les candidates à un groupement ou à une centrale. Sans ligne de dépense (registre des marchés ou DECP seuls), calculé sur les montants attribués des marchés notifiés sur la période.",
      en: "Homogeneous families bought separately (own contract or no contract) by at least two entities: the candidates for joint purchasing or a central body. Without spend lines (contracts register or DECP only), computed on the awarded amounts of the contracts notified in the period.",
    },
    formula: {
      fr: "Familles classées (hors « Non classé ») avec une dépense nette séparée > 0 chez au moins 2 entités.",
      en: "Classified families (not the unclassified one) with separate net spend > 0 in at least 2 entities.",
    },
    source: {
      fr: "Art. L2113-6 à L2113-8 du code de la commande publique (groupements de commandes).",
      en: "Art. L2113-6 to L2113-8 of the public procurement code (joint purchasing groups).",
    },
    howToImprove: {
      fr: "Réunissez les entités concernées et lancez un groupement de commandes sur les familles les plus dépensières.",
      en: "Bring the entities concerned together and launch a joint purchasing group on the largest families.",
    },
  },
  basis: basisOf,
  compute(ctx) {
    const { scan: s, na, candidates } = mutualisationScan(ctx);
    const coverage = classifiedCoverage(s);
    if (na) return notAvailable(base, na, coverage, { candidates: [] });
    return {
      ...base,
      value: candidates.length,
      na: null,
      coverage,
      reference: null,
      status: null,
      details: {
        entities: s.entityNames.length,
        classifiedFamilies: s.families.filter((f) => f !== null).length,
        partlyPooledCandidates: candidates.filter((c) => c.family.pooledCents > 0).length,
        unclassifiedLines: s.lines - s.classifiedLines,
      },
      tables: {
        candidates: candidates.map(({ family: f, entities }) => ({
          familyKey: f.key,
          familyLabel: f.label,
          entityCount: entities.length,
          entities: entities.join(" ; "),
          supplierCount: f.suppliers.size,
          lines: f.separateLines,
          amount: euros(f.separateCents),
          pooledAmount: euros(f.pooledCents),
          partlyPooled: f.pooledCents > 0,
        })),
      },
    };
  },
});
