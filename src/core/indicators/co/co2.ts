/** CO2 bunching of amounts just below thresholds (SPEC §4); compute in ../compliance.ts. */
import { msg } from "../../messages/render";
import { bunchingIndicator } from "../compliance";
import { defineIndicator } from "../definition";
import { fromLegacy } from "../legacy";

export const CO2 = defineIndicator({
  id: "CO2",
  group: "CO",
  unit: "count",
  label: {
    fr: "Montants groupés juste sous les seuils",
    en: "Amounts bunched just below thresholds",
  },
  headline: { fr: "signaux de montants groupés (nombre)", en: "bunching signals (count)" },
  doc: {
    definition: {
      fr: "Seuils sous lesquels les montants d'achats se concentrent anormalement (bande de 90 % à 100 % du seuil comparée à la bande juste en dessous). Signal à vérifier.",
      en: "Thresholds below which purchase amounts gather abnormally (the band from 90 % to 100 % of the threshold compared with the band just below). A signal to check.",
    },
    formula: {
      fr: "Pour chaque seuil : nombre de montants dans [90 %, 100 %) contre [80 %, 90 %) ; signal quand la bande haute est nettement plus peuplée.",
      en: "For each threshold: number of amounts in [90 %, 100 %) against [80 %, 90 %); signal when the upper band is markedly fuller.",
    },
    source: {
      fr: "Seuils des art. R2122-8 et R2124-1 du code de la commande publique et avis relatif aux seuils européens.",
      en: "Thresholds of art. R2122-8 and R2124-1 of the public procurement code and the notice on EU thresholds.",
    },
    howToImprove: {
      fr: "Vérifiez que les besoins ne sont pas ajustés pour rester sous un seuil ; évaluez la valeur du besoin sur sa durée totale.",
      en: "Check that needs are not adjusted to stay below a threshold; estimate the value of the need over its whole duration.",
    },
  },
  compute: (ctx) =>
    fromLegacy(bunchingIndicator(ctx), [
      {
        pattern: /^Aucun montant d'achat hors marché ni de marché notifié sur la période$/,
        message: () => msg("na.noAmounts"),
      },
    ]),
});
