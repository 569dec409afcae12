/** PF7 contracts ending in the next 12 months: the renewal calendar (SPEC §4). */
import { addMonths, isoDate } from "../../dates";
import { msg } from "../../messages/render";
import { toEuros as eur } from "../../money";
import { AWARDED, defineIndicator } from "../definition";
import { contractEnd, contractSupplier } from "../performance";
import { notAvailable } from "../types";

export type RenewalRow = {
  contractRef: string;
  entity: string;
  description: string | null;
  familyLabel: string;
  supplier: string | null;
  procedure: string | null;
  amount: number | null;
  amendedAmount: number | null;
  endDate: string;
  /** Where the end date comes from: the register's end date, or notification + duration. */
  endDateBasis: "endDate" | "notificationPlusDuration";
  daysLeft: number;
  monthsLeft: number;
};

export type PF7Tables = { renewals: RenewalRow[] };

const EMPTY: PF7Tables = { renewals: [] };

const DAYS_PER_MONTH = 365.25 / 12;

const base = { id: "PF7", group: "PF", unit: "count" } as const;

export const PF7 = defineIndicator<PF7Tables>({
  ...base,
  label: {
    fr: "Marchés arrivant à échéance dans les 12 mois",
    en: "Contracts ending within 12 months",
  },
  headline: {
    fr: "marchés arrivant à échéance dans les 12 mois (nombre)",
    en: "contracts ending within 12 months (count)",
  },
  doc: {
    definition: {
      fr: "Marchés du registre dont la fin tombe dans les 12 mois suivant la fin de la période : le calendrier des renouvellements.",
      en: "Contracts of the register ending within 12 months after the end of the period: the renewal calendar.",
    },
    formula: {
      fr: "Fin = date de fin, sinon notification + durée en mois − 1 jour ; retenu si fin de période < fin ≤ fin de période + 12 mois.",
      en: "End = end date, else notification + duration in months − 1 day; kept when end of period < end ≤ end of period + 12 months.",
    },
    source: {
      fr: "Registre des marchés (date de notification, durée, date de fin).",
      en: "Contracts register (notification date, duration, end date).",
    },
    howToImprove: {
      fr: "Lancez les consultations de renouvellement 6 à 9 mois avant l'échéance ; renseignez la durée de chaque marché.",
      en: "Start re-tendering 6 to 9 months before the end; record the duration of every contract.",
    },
  },
  basis: AWARDED,
  compute(ctx) {
    const contracts = ctx.contracts;
    if (contracts.length === 0)
      return notAvailable(base, msg("na.noRegister"), { n: 0, N: 0, of: "contracts" }, EMPTY);
    const horizon = addMonths(ctx.asOf, 12);
    let known = 0;
    let ended = 0;
    let later = 0;
    let dueCents = 0;
    const due: { end: number; row: RenewalRow }[] = [];
    for (const c of contracts) {
      const end = contractEnd(c);
      if (end === null) continue;
      known++;
      if (end <= ctx.asOf) {
        ended++;
        continue;
      }
      if (end > horizon) {
        later++;
        continue;
      }
      const amount = c.amendedAmountCents ?? c.amountCents;
      if (amount !== null) dueCents += amount;
      due.push({
        end,
        row: {
          contractRef: c.contractRef,
          entity: c.entity,
          description: c.description,
          familyLabel: c.family.label,
          supplier: contractSupplier(c),
          procedure: c.procedure ?? c.procedureRaw,
          amount: c.amountCents === null ? null : eur(c.amountCents),
          amendedAmount: c.amendedAmountCents === null ? null : eur(c.amendedAmountCents),
          endDate: isoDate(end),
          endDateBasis: c.endDate !== null ? "endDate" : "notificationPlusDuration",
          daysLeft: end - ctx.asOf,
          monthsLeft: Math.round(((end - ctx.asOf) / DAYS_PER_MONTH) * 10) / 10,
        },
      });
    }
    const coverage = { n: known, N: contracts.length, of: "contracts" as const };
    if (known === 0) return notAvailable(base, msg("na.noContractEnd"), coverage, EMPTY);
    due.sort((a, b) => a.end - b.end || a.row.contractRef.localeCompare(b.row.contractRef));
    return {
      ...base,
      value: due.length,
      na: null,
      coverage,
      reference: null,
      status: null,
      details: {
        asOf: isoDate(ctx.asOf),
        horizon: isoDate(horizon),
        endingWithin12Months: due.length,
        endingAmount: eur(dueCents),
        alreadyEnded: ended,
        endingLater: later,
      },
      tables: { renewals: due.map((d) => d.row) },
    };
  },
});
