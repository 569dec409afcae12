/** MU1 channel mix and mutualisation rate (SPEC §4). */
import { basisOf, noRecordsReason } from "../../contracts-basis";
import { msg } from "../../messages/render";
import type { Channel } from "../../model";
import { defineIndicator } from "../definition";
import { CHANNELS, mutualisationScan } from "../mutualisation";
import { statusFromBand } from "../performance";
import { euros, notAvailable, pct, round2, type Reference } from "../types";

export type ChannelMixRow = {
  channel: Channel;
  lines: number;
  amount: number;
  sharePercent: number | null;
};

export type MU1Tables = { byChannel: ChannelMixRow[] };

const EMPTY: MU1Tables = { byChannel: [] };

const base = { id: "MU1", group: "MU", unit: "%" } as const;

export const MU1 = defineIndicator<MU1Tables>({
  ...base,
  label: {
    fr: "Taux de mutualisation (groupements et centrales d'achat)",
    en: "Pooling rate (joint purchasing and central bodies)",
  },
  headline: { fr: "taux de mutualisation (% de la dépense)", en: "pooling rate (% of spend)" },
  doc: {
    definition: {
      fr: "Répartition de la dépense par mode d'achat (marché propre, groupement de commandes, centrale d'achat dont l'UGAP, hors marché) et part de la dépense mutualisée. Sans ligne de dépense (registre des marchés ou DECP seuls), calculé sur les montants attribués des marchés notifiés sur la période.",
      en: "Breakdown of spend by purchasing channel (own contract, joint purchasing group, central purchasing body including UGAP, no contract) and share of pooled spend. Without spend lines (contracts register or DECP only), computed on the awarded amounts of the contracts notified in the period.",
    },
    formula: {
      fr: "(dépense en groupement + dépense en centrale d'achat) / dépense totale × 100 ; mode d'achat de la ligne, sinon du marché, sinon UGAP par SIREN, sinon hors marché.",
      en: "(joint purchasing spend + central purchasing body spend) / total spend × 100; channel of the line, else of the contract, else UGAP by SIREN, else no contract.",
    },
    source: {
      fr: "Art. L2113-2 à L2113-8 du code de la commande publique (centrales et groupements) ; tableau d'affichage du marché unique (achats coopératifs).",
      en: "Art. L2113-2 to L2113-8 of the public procurement code (central bodies and joint purchasing); Single Market Scoreboard (cooperative procurement).",
    },
    howToImprove: {
      fr: "Adhérez à une centrale d'achat ou montez des groupements de commandes pour les familles standard.",
      en: "Join a central purchasing body or set up joint purchasing groups for standard families.",
    },
  },
  basis: basisOf,
  compute(ctx) {
    const { scan: s } = mutualisationScan(ctx);
    const band = ctx.ref.sms.cooperativeProcurement;
    const reference: Reference = {
      value: band.green,
      unit: "%",
      label: msg("ref.cooperativeGreen", { green: band.green }),
      source: band.source,
    };
    const coverage = { n: s.channelKnownLines, N: s.lines, of: s.unit };
    if (s.lines === 0) return notAvailable(base, noRecordsReason(ctx), coverage, EMPTY, reference);
    if (s.totalCents <= 0)
      return notAvailable(base, msg("na.nonPositiveSpend"), coverage, EMPTY, reference);
    const pooled = s.channelCents[1] + s.channelCents[2];
    const rate = round2((pooled / s.totalCents) * 100);
    return {
      ...base,
      value: rate,
      na: null,
      coverage,
      reference,
      status: statusFromBand(rate, band),
      details: {
        totalAmount: euros(s.totalCents),
        pooledAmount: euros(pooled),
        ownContractAmount: euros(s.channelCents[0]),
        groupementAmount: euros(s.channelCents[1]),
        centraleAmount: euros(s.channelCents[2]),
        ugapAmount: euros(s.ugapCents),
        offContractAmount: euros(s.channelCents[3]),
        linesDefaultedToHorsMarche: s.lines - s.channelKnownLines,
      },
      tables: {
        byChannel: CHANNELS.map((c, i) => ({
          channel: c,
          lines: s.channelLines[i],
          amount: euros(s.channelCents[i]),
          sharePercent: pct(s.channelCents[i], s.totalCents),
        })),
      },
    };
  },
});
