/** CO5 Loi Climat gaps (SPEC §4); compute in ../compliance.ts. */
import { msg } from "../../messages/render";
import { loiClimatIndicator } from "../compliance";
import { defineIndicator } from "../definition";
import { fromLegacy } from "../legacy";

export const CO5 = defineIndicator({
  id: "CO5",
  group: "CO",
  unit: "count",
  label: {
    fr: "Loi Climat : considérations obligatoires manquantes",
    en: "Loi Climat: missing mandatory considerations",
  },
  headline: { fr: "manques loi Climat (nombre)", en: "Loi Climat gaps (count)" },
  doc: {
    definition: {
      fr: "Marchés lancés à compter du 21 août 2026 sans considération environnementale, et, au-delà des seuils européens, sans considération sociale. Signal à vérifier.",
      en: "Contracts launched from 21 August 2026 without an environmental consideration and, above EU thresholds, without a social consideration. A signal to check.",
    },
    formula: {
      fr: "Marchés lancés (sinon notifiés) depuis le 21/08/2026 : considération environnementale absente, ou considération sociale absente au-delà du seuil européen ; non renseignées signalées à compléter.",
      en: "Contracts launched (else notified) since 21/08/2026: no environmental consideration, or no social consideration above the EU threshold; missing data flagged to complete.",
    },
    source: {
      fr: "Loi n° 2021-1104 du 22 août 2021 (Climat et Résilience), art. 35 ; art. L2112-2 et L2152-7 du code de la commande publique.",
      en: "Law no. 2021-1104 of 22 August 2021 (Climate and Resilience), art. 35; art. L2112-2 and L2152-7 of the public procurement code.",
    },
    howToImprove: {
      fr: "Intégrez un critère ou une condition d'exécution environnementale dans chaque marché, et une clause sociale au-delà des seuils européens.",
      en: "Include an environmental criterion or performance condition in every contract, and a social clause above EU thresholds.",
    },
  },
  compute: (ctx) =>
    fromLegacy(loiClimatIndicator(ctx), [
      {
        pattern: /^Aucun marché lancé sur la période à compter du (\S+) /,
        message: (m) => msg("na.noContractSinceLoiClimat", { date: m[1] }),
      },
      {
        pattern:
          /^Considérations environnementales et sociales non renseignées pour les (\d+) marchés lancés depuis le (\S+)$/,
        message: (m) => msg("na.considerationsNotGiven", { count: Number(m[1]), date: m[2] }),
      },
    ]),
});
