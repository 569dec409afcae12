/** CO1 possible splitting (SPEC §4); compute in ../compliance.ts. */
import { msg } from "../../messages/render";
import { splittingIndicator } from "../compliance";
import { defineIndicator } from "../definition";
import { fromLegacy } from "../legacy";

export const CO1 = defineIndicator({
  id: "CO1",
  group: "CO",
  unit: "count",
  label: { fr: "Fractionnement possible (saucissonnage)", en: "Possible splitting" },
  headline: { fr: "signaux de fractionnement (nombre)", en: "splitting signals (count)" },
  doc: {
    definition: {
      fr: "Groupes d'achats hors marché d'une même entité, famille homogène et année civile dont le cumul atteint le seuil de dispense alors que chaque achat est en dessous. Signal à vérifier, pas un constat d'irrégularité.",
      en: "Groups of off-contract purchases by one entity, in one homogeneous family and civil year, whose total reaches the exemption threshold while each purchase is below it. A signal to check, not a finding of irregularity.",
    },
    formula: {
      fr: "Par entité × famille × année civile (travaux : par opération) : Σ lignes hors marché ≥ seuil de dispense en vigueur au premier achat, chaque ligne < seuil ; sévérité accrue à 90 000 € et au seuil européen.",
      en: "Per entity × family × civil year (works: per operation): Σ off-contract lines ≥ exemption threshold in force at the first purchase, each line < threshold; severity rises at €90,000 and at the EU threshold.",
    },
    source: {
      fr: "Art. R2121-1 à R2121-7 (calcul de la valeur estimée du besoin) et R2122-8 du code de la commande publique.",
      en: "Art. R2121-1 to R2121-7 (estimated value of the need) and R2122-8 of the public procurement code.",
    },
    howToImprove: {
      fr: "Recensez les besoins récurrents en début d'année et couvrez-les par un marché (accord-cadre, groupement).",
      en: "List recurring needs at the start of the year and cover them with a contract (framework agreement, joint purchasing).",
    },
  },
  compute: (ctx) =>
    fromLegacy(splittingIndicator(ctx), [
      {
        pattern: /^Aucune ligne de dépense sur l'année civile (.+)$/,
        message: (m) => msg("na.noLinesInCivilYear", { years: m[1] }),
      },
      {
        pattern: /^Aucune ligne rattachée à une famille d'achat/,
        message: () => msg("na.noLineWithFamily"),
      },
    ]),
});
