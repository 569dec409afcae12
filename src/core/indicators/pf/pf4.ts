/**
 * PF4 direct awards at or above the dispense threshold (SPEC §4). Each direct award is compared
 * with the dispense threshold in force at its launch date (else its notification date) for its
 * nature (unknown nature: supplies/services threshold), or with the special threshold that covers
 * it (R2122-9 books other than school books < 90 000 €, R2122-9-1 innovative purchases
 * < 100 000 €, décret 2020-893 food supplies). The headline is a count, so no colour; the SMS "no
 * calls for bids" colour of the direct-award share is given in the details. Identical records of
 * one award (same buyer, holder, object, procedure, notification date and amount: a DECP
 * republication) are one signal; the row names the other records (same-award.ts).
 */
import { isoDate } from "../../dates";
import { msg } from "../../messages/render";
import type { Nature } from "../../model";
import { toEuros as eur } from "../../money";
import { dispenseForContract } from "../../reference/special-thresholds";
import { coded } from "../compliance-messages";
import { rowText, rowTextOf, type RowText } from "../compliance-row-texts";
import {
  procedureDoubt,
  procedureToCorrectRow,
  type ProcedureToCorrectRow,
} from "../recorded-procedure";
import { RowsPerAward } from "../same-award";
import { defineIndicator } from "../definition";
import {
  contractSupplier,
  DIRECT_AWARD,
  noContractsInPeriod,
  statusFromBand,
} from "../performance";
import { notAvailable, round2 } from "../types";

/** A contract passed without publicity or competition whose amount reaches its threshold. */
export type DirectAwardAboveThresholdRow = {
  contractRef: string;
  entity: string;
  description: string | null;
  supplier: string | null;
  nature: Nature | null;
  amount: number;
  threshold: number;
  thresholdRule: string;
  thresholdSource: string;
  thresholdDate: string;
  thresholdDateBasis: "lancement" | "notification";
  /** Other records of the same award (same buyer, holder, object, date and amount), counted once. */
  samePublications: string | null;
  legalBasis: RowText;
  why: RowText;
  clear: RowText;
  clearCode: string;
};

/**
 * A direct award without nature whose amount lies between the supplies/services dispense
 * threshold and the works one: whether it is above its threshold depends on its nature (listed,
 * not counted).
 */
export type NatureToSpecifyContractRow = {
  contractRef: string;
  entity: string;
  description: string | null;
  amount: number;
  suppliesServicesThreshold: number;
  worksThreshold: number;
  thresholdDate: string;
  message: RowText;
  messageCode: string;
  legalBasis: RowText;
  clear: RowText;
  clearCode: string;
};

export type PF4Tables = {
  directAwardsAboveThreshold: DirectAwardAboveThresholdRow[];
  /** Direct awards without nature between the two dispense thresholds: listed, not counted. */
  natureToSpecify: NatureToSpecifyContractRow[];
  /** Marchés subséquents and self-contradicting records: listed apart, not counted. */
  procedureToCorrect: ProcedureToCorrectRow[];
};

const EMPTY: PF4Tables = {
  directAwardsAboveThreshold: [],
  natureToSpecify: [],
  procedureToCorrect: [],
};

const base = { id: "PF4", group: "PF", unit: "count" } as const;

export const PF4 = defineIndicator<PF4Tables>({
  ...base,
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
      fr: "Nombre de marchés « sans publicité ni mise en concurrence » avec montant ≥ seuil de dispense (date de lancement, sinon de notification ; seuil travaux pour les travaux ; seuils particuliers R2122-9 et R2122-9-1). Les enregistrements identiques d'un même marché comptent une fois ; les marchés subséquents, les objets qui nomment une autre procédure et les marchés sans nature entre les deux seuils sont listés à part.",
      en: 'Number of contracts "without publicity or competition" with amount ≥ exemption threshold (launch date, else notification date; works threshold for works; special thresholds R2122-9 and R2122-9-1). Identical records of one contract count once; call-off contracts, descriptions naming another procedure and contracts without nature between the two thresholds are listed apart.',
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
  compute(ctx) {
    const contracts = ctx.contractsInPeriod;
    if (contracts.length === 0) return noContractsInPeriod(ctx, base, EMPTY);
    let withProcedure = 0;
    let direct = 0;
    let directWithoutAmount = 0;
    let aboveCents = 0;
    const above: DirectAwardAboveThresholdRow[] = [];
    // Identical records of one award (a DECP republication) are one signal, not one per copy.
    const awards = new RowsPerAward<DirectAwardAboveThresholdRow>();
    const toCorrect: ProcedureToCorrectRow[] = [];
    const natureToSpecify: NatureToSpecifyContractRow[] = [];
    for (const c of contracts) {
      if (c.procedure === null) continue;
      withProcedure++;
      if (c.procedure !== DIRECT_AWARD) continue;
      direct++;
      if (c.amountCents === null) {
        directWithoutAmount++;
        continue;
      }
      const day = c.launchDate ?? c.notificationDate;
      if (day === null) continue; // contractsInPeriod always have a notification date
      const t = dispenseForContract(ctx.ref, day, c);
      const threshold = t.cents;
      if (c.amountCents < threshold) continue;
      if (c.nature === null) {
        // Unknown nature: above the supplies/services threshold, but is it works?
        const works = dispenseForContract(ctx.ref, day, { ...c, nature: "Travaux" });
        if (c.amountCents < works.cents) {
          const text = coded("PF4.natureToSpecify", {
            ref: c.contractRef,
            amount: eur(c.amountCents),
            low: eur(threshold),
            high: eur(works.cents),
          });
          natureToSpecify.push({
            contractRef: c.contractRef,
            entity: c.entity,
            description: c.description,
            amount: eur(c.amountCents),
            suppliesServicesThreshold: eur(threshold),
            worksThreshold: eur(works.cents),
            thresholdDate: isoDate(day),
            message: rowTextOf(text),
            messageCode: text.code,
            legalBasis: rowText(t.legalBasis),
            clear: rowText("clear.contractNature"),
            clearCode: "clear.contractNature",
          });
          continue;
        }
      }
      const doubt = procedureDoubt(c);
      if (doubt !== null) {
        toCorrect.push(procedureToCorrectRow(c, doubt));
        continue;
      }
      if (awards.repeats(c)) continue;
      aboveCents += c.amountCents;
      const row: DirectAwardAboveThresholdRow = {
        contractRef: c.contractRef,
        entity: c.entity,
        description: c.description,
        supplier: contractSupplier(c),
        nature: c.nature,
        amount: eur(c.amountCents),
        threshold: eur(threshold),
        thresholdRule: t.rule,
        thresholdSource: t.source,
        thresholdDate: isoDate(day),
        thresholdDateBasis: c.launchDate !== null ? "lancement" : "notification",
        samePublications: null,
        legalBasis: rowText(t.legalBasis),
        why: rowText("why.directAward"),
        clear: rowText("clear.procedureBasis"),
        clearCode: "clear.procedureBasis",
      };
      above.push(row);
      awards.signalled(c, row);
    }
    const coverage = { n: withProcedure, N: contracts.length, of: "contracts" as const };
    if (withProcedure === 0)
      return notAvailable(base, msg("na.noContractWithProcedure"), coverage, EMPTY);
    above.sort((a, b) => b.amount - a.amount || a.contractRef.localeCompare(b.contractRef));
    const share = (direct / withProcedure) * 100;
    return {
      ...base,
      value: above.length,
      na: null,
      coverage,
      reference: null,
      status: null,
      details: {
        aboveThreshold: above.length,
        aboveThresholdAmount: eur(aboveCents),
        identicalRecords: awards.identical,
        procedureToCorrect: toCorrect.length,
        natureToSpecify: natureToSpecify.length,
        directAwards: direct,
        directAwardsWithoutAmount: directWithoutAmount,
        directAwardShare: round2(share),
        directAwardShareStatus: statusFromBand(share, ctx.ref.sms.noCallsForBids, true),
        smsGreenMax: ctx.ref.sms.noCallsForBids.green,
        smsRedFrom: ctx.ref.sms.noCallsForBids.red,
        smsSource: ctx.ref.sms.noCallsForBids.source,
      },
      tables: {
        directAwardsAboveThreshold: above,
        natureToSpecify,
        procedureToCorrect: toCorrect,
      },
    };
  },
});
