/** TE4 per family: mutualiser, territorialiser or mixte, with the reasons (SPEC §4). */
import { te4Assessable } from "../../territories/recommend";
import { msg, type Message } from "../../messages/render";
import { defineIndicator } from "../definition";
import {
  familyRecommendations,
  MIN_ENTITIES_TO_POOL,
  NO_TERRITORY,
  noTerritoryLinesReason,
  STRONG_LOCAL_SHARE_PERCENT,
  type Te4Recommendation,
  territoryScan,
} from "../territories";
import { euros, notAvailable } from "../types";

export type RecommendationRow = {
  familyKey: string;
  familyLabel: string;
  amount: number;
  entityCount: number;
  territoryCount: number;
  localSharePercent: number | null;
  localSupplierCount: number;
  supplierCount: number;
  proximity: boolean;
  proximitySource: Message | null;
  recommendation: Te4Recommendation | null;
  reasons: readonly Message[];
};

export type TE4Tables = { recommendations: RecommendationRow[] };

const base = { id: "TE4", group: "TE", unit: "count" } as const;

export const TE4 = defineIndicator<TE4Tables>({
  ...base,
  label: { fr: "Familles à mutualiser (mutualiser ou mixte)", en: "Families to pool" },
  headline: { fr: "familles à mutualiser (nombre)", en: "families to pool (count)" },
  doc: {
    definition: {
      fr: "Pour chaque famille : mutualiser (achats standard de plusieurs entités), territorialiser (famille de proximité à forte offre locale : lots géographiques) ou mixte (accord-cadre mutualisé à lots territoriaux), avec les raisons.",
      en: "For each family: pool (standard purchases of several entities), territorialise (proximity family with strong local supply: geographic lots) or mixed (pooled framework agreement with territorial lots), with the reasons.",
    },
    formula: {
      fr: "Plusieurs entités (≥ 2) et (proximité ou offre locale ≥ 50 %) → mixte ; plusieurs entités sinon → mutualiser ; une entité, proximité et offre locale forte → territorialiser. Valeur = mutualiser + mixte.",
      en: "Several entities (≥ 2) and (proximity or local supply ≥ 50 %) → mixed; several entities otherwise → pool; one entity, proximity and strong local supply → territorialise. Value = pool + mixed.",
    },
    source: {
      fr: "Art. L2113-10 du code de la commande publique (allotissement) ; familles de proximité : nomenclature, nature Travaux, libellé, code CPV.",
      en: "Art. L2113-10 of the public procurement code (division into lots); proximity families: nomenclature, works nature, label, CPV code.",
    },
    howToImprove: {
      fr: "Inscrivez les familles « mutualiser » et « mixte » au plan d'action ; indiquez les familles de proximité dans la nomenclature.",
      en: 'Put the "pool" and "mixed" families in the action plan; flag proximity families in the nomenclature.',
    },
  },
  compute(ctx) {
    const { scan: s } = territoryScan(ctx);
    if (s.lines === 0)
      return notAvailable(
        base,
        noTerritoryLinesReason(ctx),
        { n: 0, N: 0, of: "families" },
        { recommendations: [] }
      );
    const recs = familyRecommendations(ctx, s);
    // Coverage: families whose local supplier share is known (the other criteria are always known).
    const coverage = {
      n: recs.filter((r) => r.localSharePercent !== null).length,
      N: recs.length,
      of: "families" as const,
    };
    const count = (r: Te4Recommendation) => recs.filter((x) => x.recommendation === r).length;
    const details = {
      families: recs.length,
      mutualiser: count("mutualiser"),
      mixte: count("mixte"),
      territorialiser: count("territorialiser"),
      withoutRecommendation: recs.filter((x) => x.recommendation === null).length,
      strongLocalSharePercent: STRONG_LOCAL_SHARE_PERCENT,
      minEntities: MIN_ENTITIES_TO_POOL,
    };
    const tables = {
      recommendations: recs.map((r) => ({
        familyKey: r.familyKey,
        familyLabel: r.familyLabel,
        amount: euros(r.cents),
        entityCount: r.entities.length,
        territoryCount: r.territoryCount,
        localSharePercent: r.localSharePercent,
        localSupplierCount: r.localSupplierCount,
        supplierCount: r.supplierCount,
        proximity: r.proximity.proximity,
        proximitySource: r.proximity.source,
        recommendation: r.recommendation,
        reasons: r.reasons,
      })),
    };
    const territories = [...s.territories.keys()].filter((t) => t !== NO_TERRITORY).length;
    if (!te4Assessable(s.entities.length, territories))
      return notAvailable(
        base,
        msg("te4.singleEntityNoTerritories"),
        coverage,
        tables,
        null,
        details
      );
    return {
      ...base,
      value: details.mutualiser + details.mixte,
      na: null,
      coverage,
      reference: null,
      status: null,
      details,
      tables,
    };
  },
});
