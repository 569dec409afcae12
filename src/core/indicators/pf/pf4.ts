/** PF4 direct awards at or above the dispense threshold (SPEC §4); compute in ../performance.ts. */
import { msg } from "../../messages/render";
import { defineIndicator } from "../definition";
import { fromLegacy } from "../legacy";
import { computePF4 } from "../performance";

export const PF4 = defineIndicator({
  id: "PF4",
  group: "PF",
  unit: "count",
  label: {
    fr: "Marchés sans publicité ni mise en concurrence au-delà du seuil de dispense",
    en: "Direct awards at or above the exemption threshold",
  },
  headline: {
    fr: "attributions directes au-delà du seuil de dispense (nombre)",
    en: "direct awards at or above the exemption threshold (count)",
  },
  doc: {
    definition: {
      fr: "Marchés notifiés sur la période sans publicité ni mise en concurrence préalable dont le montant atteint le seuil de dispense en vigueur à leur lancement.",
      en: "Contracts notified in the period without prior publicity or competition whose amount reaches the exemption threshold in force at their launch.",
    },
    formula: {
      fr: "Nombre de marchés « sans publicité ni mise en concurrence » avec montant ≥ seuil de dispense (date de lancement, sinon de notification ; seuil travaux pour les travaux).",
      en: 'Number of contracts "without publicity or competition" with amount ≥ exemption threshold (launch date, else notification date; works threshold for works).',
    },
    source: {
      fr: "Art. R2122-8 du code de la commande publique (dispense de procédure) ; exceptions des art. R2122-1 à R2122-11.",
      en: "Art. R2122-8 of the public procurement code (exemption from procedure); exceptions of art. R2122-1 to R2122-11.",
    },
    howToImprove: {
      fr: "Vérifiez le fondement de chaque attribution directe au-delà du seuil (urgence, exclusivité…) et documentez-le ; sinon, mettez en concurrence.",
      en: "Check the legal ground of each direct award above the threshold (urgency, exclusivity…) and document it; otherwise, open to competition.",
    },
  },
  compute: (ctx) =>
    fromLegacy(computePF4(ctx), [
      {
        pattern: /^Aucun marché de la période avec une procédure reconnue\.$/,
        message: () => msg("na.noContractWithProcedure"),
      },
    ]),
});
