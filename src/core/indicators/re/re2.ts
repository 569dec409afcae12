/** RE2 social consideration rate vs PNAD (SPEC §4). */
import { AWARDED, defineIndicator } from "../definition";
import { considerationIndicator, type RateTables } from "../responsible";

const base = { id: "RE2", group: "RE", unit: "%" } as const;

export const RE2 = defineIndicator<RateTables>({
  ...base,
  label: { fr: "Marchés avec considération sociale", en: "Contracts with a social consideration" },
  headline: {
    fr: "considération sociale (% des marchés)",
    en: "social consideration (% of contracts)",
  },
  doc: {
    definition: {
      fr: "Part des marchés notifiés sur la période comportant au moins une considération sociale (clause d'insertion, critère social, marché réservé).",
      en: "Share of the contracts notified in the period with at least one social consideration (employment clause, social criterion, reserved contract).",
    },
    formula: {
      fr: "Marchés avec considération sociale / marchés dont la considération est renseignée × 100 ; bon ≥ objectif, à surveiller ≥ la moitié, alerte en dessous.",
      en: "Contracts with a social consideration / contracts where it is given × 100; good ≥ target, watch ≥ half of it, alert below.",
    },
    source: {
      fr: "Plan national pour des achats durables (PNAD) 2022-2025 : 30 % des marchés ; données essentielles (considérations sociales).",
      en: "National sustainable procurement plan (PNAD) 2022-2025: 30 % of contracts; essential data (social considerations).",
    },
    howToImprove: {
      fr: "Prévoyez des clauses d'insertion avec le facilitateur local, réservez des lots aux structures d'insertion et entreprises adaptées.",
      en: "Plan employment clauses with the local facilitator; reserve lots for integration enterprises and sheltered workshops.",
    },
  },
  basis: AWARDED,
  compute: (ctx) => considerationIndicator(ctx, base, "social"),
});
