/** PF6 amendment inflation over the limit (SPEC §4); compute in ../performance.ts. */
import { msg } from "../../messages/render";
import { defineIndicator } from "../definition";
import { fromLegacy } from "../legacy";
import { computePF6 } from "../performance";

export const PF6 = defineIndicator({
  id: "PF6",
  group: "PF",
  unit: "%",
  label: {
    fr: "Marchés dont les avenants dépassent la limite",
    en: "Contracts over the amendment limit",
  },
  headline: {
    fr: "marchés au-delà de la limite d'avenants (%)",
    en: "contracts over the amendment limit (%)",
  },
  doc: {
    definition: {
      fr: "Part des marchés notifiés sur la période dont le montant après modification dépasse le montant initial de plus de la limite (10 % fournitures et services, 15 % travaux).",
      en: "Share of the contracts notified in the period whose amount after amendments exceeds the initial amount by more than the limit (10 % supplies and services, 15 % works).",
    },
    formula: {
      fr: "Inflation = (montant modifié − montant initial) / montant initial × 100 ; part des marchés avec inflation > limite parmi ceux qui ont les deux montants.",
      en: "Inflation = (amended amount − initial amount) / initial amount × 100; share of contracts with inflation > limit among those with both amounts.",
    },
    source: {
      fr: "Art. R2194-8 du code de la commande publique (modifications de faible montant).",
      en: "Art. R2194-8 of the public procurement code (low-value modifications).",
    },
    howToImprove: {
      fr: "Définissez mieux le besoin avant de lancer, prévoyez des clauses de réexamen et des tranches optionnelles.",
      en: "Define the need better before tendering; provide review clauses and optional tranches.",
    },
  },
  compute: (ctx) =>
    fromLegacy(computePF6(ctx), [
      {
        pattern:
          /^Aucun marché de la période avec un montant initial et un montant après modification\.$/,
        message: () => msg("na.noContractWithAmendment"),
      },
      {
        pattern: /^Limite d'augmentation : ([\d.,]+) % fournitures\/services, ([\d.,]+) % travaux$/,
        message: (m) =>
          msg("ref.amendmentLimit", { suppliesServices: Number(m[1]), works: Number(m[2]) }),
      },
    ]),
});
