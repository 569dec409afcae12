/** MU6 pooled totals crossing a higher procedure threshold (SPEC §4). */
import { basisOf } from "../../contracts-basis";
import type { Message } from "../../messages/render";
import type { Nature } from "../../model";
import { dominantNature } from "../aggregate";
import { defineIndicator } from "../definition";
import {
  bandName,
  buyers,
  classifiedCoverage,
  mutualisationScan,
  poolingConsequence,
  procedureBand,
} from "../mutualisation";
import { euros, notAvailable } from "../types";

export type PooledThresholdRow = {
  familyKey: string;
  familyLabel: string;
  year: number;
  /** Dominant nature of the family by spend; null: supplies/services thresholds. */
  nature: Nature | null;
  entityCount: number;
  pooledAmount: number;
  largestEntity: string;
  largestEntityAmount: number;
  entityBand: Message;
  pooledBand: Message;
  thresholdAmount: number | null;
  crossesHigherThreshold: boolean;
  consequence: Message | null;
};

export type MU6Tables = { pooledThresholds: PooledThresholdRow[] };

const base = { id: "MU6", group: "MU", unit: "count" } as const;

export const MU6 = defineIndicator<MU6Tables>({
  ...base,
  label: {
    fr: "Familles dont le total mutualisé franchit un seuil de procédure supérieur",
    en: "Pooled totals crossing a higher threshold",
  },
  headline: {
    fr: "totaux mutualisés franchissant un seuil supérieur (nombre)",
    en: "pooled totals crossing a higher threshold (count)",
  },
  doc: {
    definition: {
      fr: "Familles candidates dont le total des entités réunies, sur une année civile, relève d'une procédure plus exigeante que celle de la plus grosse entité seule. Sans ligne de dépense (registre des marchés ou DECP seuls), calculé sur les montants attribués des marchés notifiés sur la période.",
      en: "Candidate families whose total across entities, over a civil year, falls under a more demanding procedure than the largest entity's alone. Without spend lines (contracts register or DECP only), computed on the awarded amounts of the contracts notified in the period.",
    },
    formula: {
      fr: "Par famille candidate et année civile : bande de procédure (dispense, adaptée, adaptée avec publicité, formalisée) du total mutualisé comparée à la bande la plus haute des entités ; seuils en vigueur au premier achat.",
      en: "Per candidate family and civil year: procedure band (exemption, adapted, adapted with publicity, formal) of the pooled total compared with the highest band of the entities; thresholds in force at the first purchase.",
    },
    source: {
      fr: "Art. R2122-8, R2131-12 et R2124-1 du code de la commande publique ; avis relatif aux seuils européens.",
      en: "Art. R2122-8, R2131-12 and R2124-1 of the public procurement code; notice on EU thresholds.",
    },
    howToImprove: {
      fr: "Anticipez la procédure requise avant de mutualiser (calendrier, publicité, allotissement).",
      en: "Plan the required procedure before pooling (timetable, publicity, lots).",
    },
  },
  basis: basisOf,
  compute(ctx) {
    const { scan: s, na, candidates } = mutualisationScan(ctx);
    const coverage = classifiedCoverage(s);
    if (na) return notAvailable(base, na, coverage, { pooledThresholds: [] });
    const rows: PooledThresholdRow[] = [];
    const crossingFamilies = new Set<string>();
    for (const { family: f } of candidates) {
      const nature = dominantNature(f.natureCents);
      for (let yi = 0; yi < s.years.years.length; yi++) {
        const y = f.years[yi];
        if (!y) continue;
        const year = s.years.years[yi];
        const entities = buyers(s.entityNames, y.entityCents);
        if (entities.length < 2) continue;
        let maxEntityCents = -Infinity;
        let maxEntity = "";
        let maxEntityRank: 0 | 1 | 2 | 3 = 0;
        for (const { name, cents: c } of entities) {
          const rank = procedureBand(ctx.ref, c, y.firstDay, nature).rank;
          if (rank > maxEntityRank) maxEntityRank = rank;
          if (c > maxEntityCents) {
            maxEntityCents = c;
            maxEntity = name;
          }
        }
        const pooled = procedureBand(ctx.ref, y.totalCents, y.firstDay, nature);
        const higher = pooled.rank > maxEntityRank;
        if (higher) crossingFamilies.add(f.key);
        rows.push({
          familyKey: f.key,
          familyLabel: f.label,
          year,
          nature,
          entityCount: entities.length,
          pooledAmount: euros(y.totalCents),
          largestEntity: maxEntity,
          largestEntityAmount: euros(maxEntityCents),
          entityBand: bandName(maxEntityRank),
          pooledBand: bandName(pooled.rank),
          thresholdAmount: pooled.thresholdCents === null ? null : euros(pooled.thresholdCents),
          crossesHigherThreshold: higher,
          consequence: higher
            ? poolingConsequence(ctx.ref, y.totalCents, pooled, y.firstDay, nature)
            : null,
        });
      }
    }
    return {
      ...base,
      value: crossingFamilies.size,
      na: null,
      coverage,
      reference: null,
      status: null,
      details: {
        candidateFamilies: candidates.length,
        familyYears: rows.length,
        publicityThreshold: euros(ctx.ref.publicityThresholdCents.value),
      },
      tables: { pooledThresholds: rows },
    };
  },
});
