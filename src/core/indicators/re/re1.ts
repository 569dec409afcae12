/** RE1 environmental consideration rate vs PNAD (SPEC §4). */
import { AWARDED, defineIndicator } from "../definition";
import { considerationIndicator, type RateTables } from "../responsible";

const base = { id: "RE1", group: "RE", unit: "%" } as const;

export const RE1 = defineIndicator<RateTables>({
  ...base,
  label: {
    fr: "Marchés avec considération environnementale",
    en: "Contracts with an environmental consideration",
  },
  headline: {
    fr: "considération environnementale (% des marchés)",
    en: "environmental consideration (% of contracts)",
  },
  doc: {
    definition: {
      fr: "Part des marchés notifiés sur la période comportant au moins une considération environnementale (critère, spécification ou condition d'exécution).",
      en: "Share of the contracts notified in the period with at least one environmental consideration (criterion, specification or performance condition).",
    },
    formula: {
      fr: "Marchés avec considération environnementale / marchés dont la considération est renseignée × 100 ; bon ≥ objectif, à surveiller ≥ la moitié, alerte en dessous.",
      en: "Contracts with an environmental consideration / contracts where it is given × 100; good ≥ target, watch ≥ half of it, alert below.",
    },
    source: {
      fr: "Plan national pour des achats durables (PNAD) 2022-2025 : 100 % des marchés ; données essentielles (considérations environnementales).",
      en: "National sustainable procurement plan (PNAD) 2022-2025: 100 % of contracts; essential data (environmental considerations).",
    },
    howToImprove: {
      fr: "Intégrez dans chaque consultation une spécification, un critère ou une condition d'exécution environnementale ; renseignez-les dans le registre.",
      en: "Include an environmental specification, criterion or performance condition in every tender; record them in the register.",
    },
  },
  basis: AWARDED,
  compute: (ctx) => considerationIndicator(ctx, base, "environmental"),
});
