/** PF3 competition: average bids and single-bid rate of competitive procedures (SPEC §4). */
import { isoDate } from "../../dates";
import { msg } from "../../messages/render";
import type { Procedure } from "../../model";
import { toEuros as eur } from "../../money";
import { AWARDED, defineIndicator } from "../definition";
import {
  contractSupplier,
  isCompetitive,
  noContractsInPeriod,
  statusFromBand,
} from "../performance";
import { notAvailable, round2, type Reference } from "../types";

export type SingleBidRow = {
  contractRef: string;
  entity: string;
  description: string | null;
  procedure: Procedure | null;
  supplier: string | null;
  amount: number | null;
  notificationDate: string | null;
};

export type PF3Tables = { singleBid: SingleBidRow[] };

const EMPTY: PF3Tables = { singleBid: [] };

const FRAMEWORK = /accord[\s-]*cadre/i;

const base = { id: "PF3", group: "PF", unit: "%" } as const;

export const PF3 = defineIndicator<PF3Tables>({
  ...base,
  label: {
    fr: "Taux d'offre unique (procédures concurrentielles)",
    en: "Single-bid rate (competitive procedures)",
  },
  headline: { fr: "taux d'offre unique (%)", en: "single-bid rate (%)" },
  doc: {
    definition: {
      fr: "Part des marchés passés en procédure concurrentielle qui n'ont reçu qu'une offre, et nombre moyen d'offres.",
      en: "Share of contracts awarded through a competitive procedure that received a single bid, and the average number of bids.",
    },
    formula: {
      fr: "Marchés concurrentiels de la période avec 1 offre / marchés concurrentiels avec le nombre d'offres renseigné × 100 ; couleurs du tableau d'affichage du marché unique (vert ≤ 10 %, rouge > 20 %).",
      en: "Competitive contracts of the period with 1 bid / competitive contracts with the number of bids given × 100; Single Market Scoreboard colours (green ≤ 10 %, red > 20 %).",
    },
    source: {
      fr: "Commission européenne, tableau d'affichage du marché unique (marchés publics) ; OECP, recensement économique de la commande publique.",
      en: "European Commission, Single Market Scoreboard (public procurement); OECP, economic census of public procurement.",
    },
    howToImprove: {
      fr: "Sourcez avant de lancer, allotissez, allongez les délais de réponse et simplifiez les dossiers de consultation.",
      en: "Source the market before tendering, split into lots, give longer response times and simplify tender documents.",
    },
  },
  basis: AWARDED,
  compute(ctx) {
    const contracts = ctx.contractsInPeriod;
    if (contracts.length === 0) return noContractsInPeriod(ctx, base, EMPTY);
    let competitive = 0;
    let n = 0;
    let bids = 0;
    let single = 0;
    let frameworks = 0;
    const singleBid: SingleBidRow[] = [];
    for (const c of contracts) {
      if (!isCompetitive(c.procedure)) continue;
      competitive++;
      if (c.bidsReceived === null || !(c.bidsReceived >= 1)) continue;
      n++;
      bids += c.bidsReceived;
      if (c.techniques !== null && FRAMEWORK.test(c.techniques)) frameworks++;
      if (c.bidsReceived === 1) {
        single++;
        singleBid.push({
          contractRef: c.contractRef,
          entity: c.entity,
          description: c.description,
          procedure: c.procedure,
          supplier: contractSupplier(c),
          amount: c.amountCents === null ? null : eur(c.amountCents),
          notificationDate: c.notificationDate === null ? null : isoDate(c.notificationDate),
        });
      }
    }
    const coverage = { n, N: competitive, of: "competitiveContracts" as const };
    const band = ctx.ref.sms.singleBidder;
    const reference: Reference = {
      value: ctx.ref.oecp.singleBidPercent,
      unit: "%",
      label: msg("ref.nationalSingleBid"),
      source: ctx.ref.oecp.source,
    };
    if (n === 0)
      return notAvailable(base, msg("na.noCompetitiveWithBids"), coverage, EMPTY, reference);
    const rate = (single / n) * 100;
    return {
      ...base,
      value: round2(rate),
      na: null,
      coverage,
      reference,
      status: statusFromBand(rate, band),
      details: {
        averageBids: round2(bids / n),
        singleBidContracts: single,
        contractsWithBids: n,
        frameworkAgreements: frameworks,
        smsGreenMax: band.green,
        smsRedAbove: band.red,
        smsSource: band.source,
        euAverage2024: ctx.ref.euAverages2024.singleBidderPercent,
        euAverageSource: ctx.ref.euAverages2024.source,
      },
      tables: { singleBid },
    };
  },
});
