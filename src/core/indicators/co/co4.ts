/** CO4 repeat direct awards to one supplier in one family (SPEC §4); compute in ../compliance.ts. */
import { msg } from "../../messages/render";
import { repeatDirectAwardIndicator } from "../compliance";
import { defineIndicator } from "../definition";
import { fromLegacy } from "../legacy";

export const CO4 = defineIndicator({
  id: "CO4",
  group: "CO",
  unit: "count",
  label: {
    fr: "Attributions directes répétées à un même fournisseur",
    en: "Repeat direct awards to one supplier",
  },
  headline: {
    fr: "schémas d'attributions directes répétées (nombre)",
    en: "repeat direct-award patterns (count)",
  },
  doc: {
    definition: {
      fr: "Attributions sans publicité ni mise en concurrence, ou achats hors marché, répétés auprès d'un même fournisseur pour une même famille. Signal à vérifier.",
      en: "Awards without publicity or competition, or off-contract purchases, repeated with one supplier for one family. A signal to check.",
    },
    formula: {
      fr: "Au moins 2 marchés sans publicité par entité, fournisseur et famille ; ou au moins 3 achats hors marché par entité, fournisseur, famille et année cumulant au moins une part du seuil de dispense.",
      en: "At least 2 contracts without publicity per entity, supplier and family; or at least 3 off-contract purchases per entity, supplier, family and year adding up to at least a share of the exemption threshold.",
    },
    source: {
      fr: "Art. R2122-8 du code de la commande publique (ne pas contracter systématiquement avec un même opérateur).",
      en: "Art. R2122-8 of the public procurement code (do not systematically contract with the same operator).",
    },
    howToImprove: {
      fr: "Faites tourner les fournisseurs consultés ou regroupez ces besoins dans un marché mis en concurrence.",
      en: "Rotate the suppliers consulted, or group these needs in a competitively tendered contract.",
    },
  },
  compute: (ctx) =>
    fromLegacy(repeatDirectAwardIndicator(ctx), [
      {
        pattern:
          /^Aucun marché sans publicité ni achat hors marché sur l'année civile de la période$/,
        message: () => msg("na.noDirectAwards"),
      },
      {
        pattern: /^Fournisseur ou famille d'achat non renseignés/,
        message: () => msg("na.noSupplierOrFamily"),
      },
    ]),
});
