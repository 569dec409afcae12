/** CO3 procedure inconsistent with amount (SPEC §4); compute in ../compliance.ts. */
import { msg } from "../../messages/render";
import { procedureAmountIndicator } from "../compliance";
import { defineIndicator } from "../definition";
import { fromLegacy } from "../legacy";

export const CO3 = defineIndicator({
  id: "CO3",
  group: "CO",
  unit: "count",
  label: { fr: "Procédure incohérente avec le montant", en: "Procedure inconsistent with amount" },
  headline: {
    fr: "incohérences procédure / montant (nombre)",
    en: "procedure/amount inconsistencies (count)",
  },
  doc: {
    definition: {
      fr: "Marchés notifiés en procédure adaptée ou sans publicité alors que leur montant atteint le seuil européen des procédures formalisées. Signal à vérifier.",
      en: "Contracts notified under an adapted procedure or without publicity although their amount reaches the EU threshold of formal procedures. A signal to check.",
    },
    formula: {
      fr: "Marchés de la période dont la procédure est « Procédure adaptée » ou « sans publicité ni mise en concurrence » et le montant ≥ seuil européen à la date de lancement.",
      en: 'Contracts of the period whose procedure is "Procédure adaptée" or "without publicity or competition" and amount ≥ EU threshold at the launch date.',
    },
    source: {
      fr: "Art. L2124-1 et R2124-1 du code de la commande publique ; avis relatif aux seuils de procédure.",
      en: "Art. L2124-1 and R2124-1 of the public procurement code; notice on procedure thresholds.",
    },
    howToImprove: {
      fr: "Vérifiez le fondement de la procédure (exception, petits lots, erreur de saisie) et corrigez le registre.",
      en: "Check the legal ground of the procedure (exception, small lots, data-entry error) and correct the register.",
    },
  },
  compute: (ctx) =>
    fromLegacy(procedureAmountIndicator(ctx), [
      {
        pattern: /^Aucun marché notifié sur la période avec montant, procédure et date renseignés$/,
        message: () => msg("na.noContractWithAmountProcedureDate"),
      },
    ]),
});
