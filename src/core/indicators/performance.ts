/**
 * What the performance indicators share (SBS colour bands, competitive procedures, contract
 * supplier and end date), and the compute of PF4 direct awards, PF6 amendment inflation and PF8
 * payment delays. PF1, PF2, PF3, PF5 and PF7 are their own modules (./pf/*.ts).
 *
 * Decisions:
 * - PF1 counts a line as under contract exactly as `isUnderContract` does (contractRef matched in
 *   the register, or an effective channel other than Hors marché — a contractRef absent from the
 *   register still counts, as Marché propre, and is reported in the details).
 * - PF2–PF6 read the contracts notified in the period (ctx.contractsInPeriod); PF7 reads every
 *   contract of the register.
 * - PF3 counts framework agreements like any contract (one notified contract = one observation);
 *   bidsReceived ≤ 0 is treated as unknown (a notified contract received at least one bid).
 * - PF4 compares each direct award with the dispense threshold in force at its launch date (else
 *   its notification date) for its nature (unknown nature: supplies/services threshold).
 *   Its headline is a count, so no colour; the SMS "no calls for bids" colour of the direct-award
 *   share is given in the details.
 * - PF7 end date: endDate, else notification + durationMonths − 1 day (a 12-month contract
 *   notified on 1 January ends on 31 December). Window: asOf < end ≤ asOf + 12 months.
 * - PF8 treats each spend line with both dates as one paid invoice (credit notes excluded; lines
 *   paid before receipt are inconsistent and counted apart). Interest starts the day after the
 *   due date and uses the rate of the half-year containing that day (R2192-31).
 */
import { addMonths, isoDate } from "../dates";
import { msg } from "../messages/render";
import type { ContractLine, Procedure } from "../model";
import { toEuros } from "../money";
import { dispenseThresholdAt, latePaymentRateAt, type ColourBand } from "../reference/values";
import { normalizeKey } from "../text";
import { memoByDay } from "./aggregate";
// PF4, PF6 and PF8 still build the legacy result shape (French texts), translated by their
// registry modules (./pf/pf4.ts, pf6.ts, pf8.ts).
import {
  notAvailable,
  percent,
  round2,
  type AnalysisContext,
  type IndicatorResult,
  type Row,
  type Status,
} from "./legacy";
import {
  notAvailable as codedNotAvailable,
  type IndicatorBase,
  type IndicatorResult as CodedResult,
  type Tables,
} from "./types";

export const DIRECT_AWARD: Procedure =
  "Marché passé sans publicité ni mise en concurrence préalable";

const eur = toEuros;
const pct = (part: number, whole: number): number | null => {
  const p = percent(part, whole);
  return p === null ? null : round2(p);
};

/**
 * Colour of a value against an EU Single Market Scoreboard band: green at or better than `green`,
 * red beyond `red` (or at `red` too when `redInclusive`), yellow (watch) between.
 */
export function statusFromBand(value: number, band: ColourBand, redInclusive = false): Status {
  if (band.higherIsBetter) {
    if (value >= band.green) return "good";
    if (value < band.red || (redInclusive && value === band.red)) return "alert";
    return "watch";
  }
  if (value <= band.green) return "good";
  if (value > band.red || (redInclusive && value === band.red)) return "alert";
  return "watch";
}

/** Competitive = a known procedure other than "sans publicité ni mise en concurrence" (SPEC §2.4). */
export function isCompetitive(procedure: Procedure | null): boolean {
  return procedure !== null && procedure !== DIRECT_AWARD;
}

/** Supplier of a contract: its name, else its holders, else its identifier. */
export function contractSupplier(c: ContractLine): string | null {
  if (c.supplierName) return c.supplierName;
  const names = c.holders.map((h) => h.name ?? h.id).filter((x): x is string => !!x);
  return names.length > 0 ? names.join(" ; ") : c.supplierId;
}

/** N/A result when no contract was notified in the period (PF2, PF3, PF5). */
export function noContractsInPeriod<T extends Tables>(
  ctx: AnalysisContext,
  base: IndicatorBase,
  tables: T
): CodedResult<T> {
  return codedNotAvailable(
    base,
    msg("na.noContractsInPeriod", { period: ctx.period.label }),
    { n: 0, N: 0, of: "contracts" },
    tables
  );
}

function noContracts(
  ctx: AnalysisContext,
  base: Pick<IndicatorResult, "id" | "group" | "label" | "unit">
): IndicatorResult {
  return notAvailable(base, `Aucun marché notifié sur la période ${ctx.period.label}.`, {
    n: 0,
    N: 0,
    of: "marchés",
  });
}

// ---------------------------------------------------------------------------------------------
// PF4 direct awards at or above the dispense threshold

export function computePF4(ctx: AnalysisContext): IndicatorResult {
  const base = {
    id: "PF4",
    group: "PF" as const,
    label: "Marchés sans publicité ni mise en concurrence au-delà du seuil de dispense",
    unit: "count" as const,
  };
  const contracts = ctx.contractsInPeriod;
  if (contracts.length === 0) return noContracts(ctx, base);
  let withProcedure = 0;
  let direct = 0;
  let directWithoutAmount = 0;
  let aboveCents = 0;
  const above: Row[] = [];
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
    const threshold = dispenseThresholdAt(ctx.ref, day, c.nature);
    if (c.amountCents < threshold) continue;
    aboveCents += c.amountCents;
    above.push({
      contractRef: c.contractRef,
      entity: c.entity,
      description: c.description,
      supplier: contractSupplier(c),
      nature: c.nature,
      amount: eur(c.amountCents),
      threshold: eur(threshold),
      thresholdDate: isoDate(day),
      thresholdDateBasis: c.launchDate !== null ? "lancement" : "notification",
    });
  }
  const coverage = { n: withProcedure, N: contracts.length, of: "marchés" };
  if (withProcedure === 0)
    return notAvailable(base, "Aucun marché de la période avec une procédure reconnue.", coverage);
  above.sort(
    (a, b) =>
      (b.amount as number) - (a.amount as number) ||
      String(a.contractRef).localeCompare(String(b.contractRef))
  );
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
      directAwards: direct,
      directAwardsWithoutAmount: directWithoutAmount,
      directAwardShare: round2(share),
      directAwardShareStatus: statusFromBand(share, ctx.ref.sms.noCallsForBids, true),
      smsGreenMax: ctx.ref.sms.noCallsForBids.green,
      smsRedFrom: ctx.ref.sms.noCallsForBids.red,
      smsSource: ctx.ref.sms.noCallsForBids.source,
    },
    tables: { directAwardsAboveThreshold: above },
  };
}

// ---------------------------------------------------------------------------------------------
// PF6 amendment inflation

export function computePF6(ctx: AnalysisContext): IndicatorResult {
  const base = {
    id: "PF6",
    group: "PF" as const,
    label: "Marchés dont les avenants dépassent la limite",
    unit: "%" as const,
  };
  const contracts = ctx.contractsInPeriod;
  if (contracts.length === 0) return noContracts(ctx, base);
  const limits = ctx.ref.amendmentLimits;
  let n = 0;
  let initialTotal = 0;
  let amendedTotal = 0;
  let amendedContracts = 0;
  const flagged: Row[] = [];
  for (const c of contracts) {
    if (c.amountCents === null || c.amendedAmountCents === null || c.amountCents <= 0) continue;
    n++;
    initialTotal += c.amountCents;
    amendedTotal += c.amendedAmountCents;
    if (c.amendedAmountCents !== c.amountCents) amendedContracts++;
    const inflation = ((c.amendedAmountCents - c.amountCents) / c.amountCents) * 100;
    const limit = c.nature === "Travaux" ? limits.worksPercent : limits.suppliesServicesPercent;
    if (inflation > limit) {
      flagged.push({
        contractRef: c.contractRef,
        entity: c.entity,
        description: c.description,
        supplier: contractSupplier(c),
        nature: c.nature,
        initial: eur(c.amountCents),
        amended: eur(c.amendedAmountCents),
        inflationPercent: round2(inflation),
        limitPercent: limit,
      });
    }
  }
  const coverage = { n, N: contracts.length, of: "marchés" };
  if (n === 0)
    return notAvailable(
      base,
      "Aucun marché de la période avec un montant initial et un montant après modification.",
      coverage
    );
  flagged.sort(
    (a, b) =>
      (b.inflationPercent as number) - (a.inflationPercent as number) ||
      String(a.contractRef).localeCompare(String(b.contractRef))
  );
  return {
    ...base,
    value: pct(flagged.length, n),
    na: null,
    coverage,
    reference: {
      value: limits.suppliesServicesPercent,
      unit: "%",
      label: `Limite d'augmentation : ${limits.suppliesServicesPercent} % fournitures/services, ${limits.worksPercent} % travaux`,
      source: limits.source,
    },
    status: null,
    details: {
      contractsWithData: n,
      contractsAmended: amendedContracts,
      overLimit: flagged.length,
      initialTotal: eur(initialTotal),
      amendedTotal: eur(amendedTotal),
      overallInflationPercent: pct(amendedTotal - initialTotal, initialTotal),
    },
    tables: { overLimit: flagged },
  };
}

// ---------------------------------------------------------------------------------------------
// PF7 renewal calendar

/** Last day of a contract: endDate, else notification + durationMonths − 1 day; null when unknown. */
export function contractEnd(
  c: Pick<ContractLine, "endDate" | "notificationDate" | "durationMonths">
): number | null {
  if (c.endDate !== null) return c.endDate;
  if (c.notificationDate === null || c.durationMonths === null || !(c.durationMonths > 0))
    return null;
  return addMonths(c.notificationDate, Math.round(c.durationMonths)) - 1;
}

// ---------------------------------------------------------------------------------------------
// PF8 payment delays

const HOSPITAL =
  /\b(hopital|hopitaux|hospitalier|hospitaliere|hospitaliers|ch|chu|chr|chi|chs|eps|etablissement public de sante)\b/;

/** Whether an entity type designates a public hospital (50-day payment limit). */
export function isHospitalType(type: string | null): boolean {
  return type !== null && HOSPITAL.test(normalizeKey(type));
}

export function computePF8(ctx: AnalysisContext): IndicatorResult {
  const base = {
    id: "PF8",
    group: "PF" as const,
    label: "Paiements en retard",
    unit: "%" as const,
  };
  const ref = ctx.ref;
  const lines = ctx.lines;
  // Entities of the reference table that are public hospitals, matched on the normalised name.
  const hospitals = new Set<string>();
  for (const [name, e] of ctx.entities)
    if (isHospitalType(e.type)) hospitals.add(normalizeKey(name));
  const hospitalByEntity = new Map<string, boolean>();
  const vat = ref.defaultVatPercent.value;
  const iso = memoByDay(isoDate);
  // Interest runs from the day after the due date, at the rate of that day's half-year.
  const rateFromDue = memoByDay((due) => latePaymentRateAt(ref, due + 1).ratePercent);
  let n = 0;
  let daysTotal = 0;
  let inconsistent = 0;
  let interestCents = 0;
  let ttcEstimated = 0;
  let hospitalInvoices = 0;
  const late: Row[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.invoiceReceived === null || l.paid === null || l.amountHTCents < 0 || l.isCredit)
      continue;
    const days = l.paid - l.invoiceReceived;
    if (days < 0) {
      inconsistent++;
      continue;
    }
    n++;
    daysTotal += days;
    let hospital = hospitalByEntity.get(l.entity);
    if (hospital === undefined) {
      hospital = hospitals.size > 0 && hospitals.has(normalizeKey(l.entity));
      hospitalByEntity.set(l.entity, hospital);
    }
    if (hospital) hospitalInvoices++;
    const limit = hospital
      ? ref.paymentDelayDays.publicHospital
      : ref.paymentDelayDays.localAuthority;
    if (days <= limit) continue;
    const daysLate = days - limit;
    const dueDate = l.invoiceReceived + limit;
    const ratePercent = rateFromDue(dueDate);
    const estimated = l.amountTTCCents === null;
    const ttc = estimated
      ? Math.round((l.amountHTCents * (100 + vat)) / 100)
      : (l.amountTTCCents as number);
    if (estimated) ttcEstimated++;
    const interest = Math.round((ttc * ratePercent * daysLate) / (100 * 365));
    interestCents += interest;
    late.push({
      sourceTable: l.source.table,
      sourceRow: l.source.row,
      entity: l.entity,
      supplierName: l.supplierName,
      amountTTC: eur(ttc),
      ttcEstimated: estimated,
      invoiceReceived: iso(l.invoiceReceived),
      dueDate: iso(dueDate),
      paid: iso(l.paid),
      dgpDays: days,
      limitDays: limit,
      daysLate,
      ratePercent: round2(ratePercent),
      interest: eur(interest),
      indemnity: eur(ref.lateFlatIndemnityCents.value),
    });
  }
  const coverage = { n, N: lines.length, of: "lignes" };
  if (n === 0) {
    const reason =
      lines.length === 0
        ? `Aucune ligne de dépense sur la période ${ctx.period.label}.`
        : "Aucune ligne avec les dates de réception de la facture et de paiement.";
    return notAvailable(base, reason, coverage);
  }
  late.sort(
    (a, b) =>
      (b.daysLate as number) - (a.daysLate as number) ||
      (a.sourceRow as number) - (b.sourceRow as number)
  );
  const indemnitiesCents = late.length * ref.lateFlatIndemnityCents.value;
  return {
    ...base,
    value: pct(late.length, n),
    na: null,
    coverage,
    reference: {
      value: ref.paymentDelayDays.localAuthority,
      unit: "days",
      label: `Délai global de paiement : ${ref.paymentDelayDays.localAuthority} jours (${ref.paymentDelayDays.publicHospital} jours pour les établissements publics de santé)`,
      source: ref.paymentDelayDays.source,
    },
    status: null,
    details: {
      paidInvoices: n,
      averageDgpDays: round2(daysTotal / n),
      lateInvoices: late.length,
      lateShare: pct(late.length, n),
      interestTotal: eur(interestCents),
      indemnitiesTotal: eur(indemnitiesCents),
      totalCost: eur(interestCents + indemnitiesCents),
      ttcEstimatedInvoices: ttcEstimated,
      hospitalInvoices,
      inconsistentDates: inconsistent,
      interestRule: `Intérêts = montant TTC × (taux BCE du semestre + ${ref.latePaymentMargin.value} points) × jours de retard / 365 ; TTC estimé = HT × ${1 + vat / 100} si absent.`,
    },
    tables: { lateInvoices: late },
  };
}
