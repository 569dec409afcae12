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
 *   its notification date) for its nature (unknown nature: supplies/services threshold), or with
 *   the special threshold that covers it (R2122-9 books other than school books < 90 000 €,
 *   R2122-9-1 innovative purchases < 100 000 €, décret 2020-893 food supplies).
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
import type { ContractLine, Procedure, SpendLine } from "../model";
import { formatEuros, toEuros } from "../money";
import { dispenseForContract } from "../reference/special-thresholds";
import { euThresholdAt, latePaymentRateAt, type ColourBand } from "../reference/values";
import { coded, paramsJson, textOf } from "./compliance-messages";
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
    const t = dispenseForContract(ctx.ref, day, c);
    const threshold = t.cents;
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
      thresholdRule: t.rule,
      thresholdSource: t.source,
      thresholdDate: isoDate(day),
      thresholdDateBasis: c.launchDate !== null ? "lancement" : "notification",
      legalBasis: textOf(t.legalBasis),
      why: textOf("why.single"),
      clear: textOf("clear.procedureBasis"),
      clearCode: "clear.procedureBasis",
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

/**
 * PF6 (R2194-8, R2194-9): contracts whose modifications go beyond the de-minimis safe harbour.
 * - Population: every contract of the register with a modification dated in the period (whenever
 *   it was notified); contracts whose modifications carry no date are read when notified in the
 *   period (as before).
 * - Successive modifications add up (R2194-9): the change is the last new total (modifications
 *   up to the period end) minus the initial amount.
 * - Safe harbour (R2194-8): the cumulated change stays below 10 % (supplies/services) or 15 %
 *   (works) of the initial amount **and** below the EU threshold in force at the last modification.
 *   Beyond it the result reads "au-delà du seuil de modification de faible montant": another basis
 *   (R2194-1 to R2194-7) may apply; it is not a breach in itself.
 */
export function computePF6(ctx: AnalysisContext): IndicatorResult {
  const base = {
    id: "PF6",
    group: "PF" as const,
    label: "Marchés dont les avenants dépassent la limite",
    unit: "%" as const,
  };
  const { start, end } = ctx.period;
  const inPeriod = new Set(ctx.contractsInPeriod);
  const population: ContractLine[] = [];
  for (const c of ctx.contracts) {
    const mods = c.modifications ?? [];
    const dated = mods.filter((m) => m.date !== null);
    if (dated.length > 0) {
      if (dated.some((m) => (m.date as number) >= start && (m.date as number) <= end))
        population.push(c);
    } else if (inPeriod.has(c)) population.push(c);
  }
  if (population.length === 0) return noContracts(ctx, base);
  const limits = ctx.ref.amendmentLimits;
  let n = 0;
  let initialTotal = 0;
  let amendedTotal = 0;
  let amendedContracts = 0;
  const flagged: Row[] = [];
  for (const c of population) {
    if (c.amountCents === null || c.amountCents <= 0) continue;
    const mods = (c.modifications ?? []).filter(
      (m) => m.amountCents !== null && (m.date === null || m.date <= end)
    );
    const lastMod = mods.length > 0 ? mods[mods.length - 1] : null;
    const amended = lastMod?.amountCents ?? c.amendedAmountCents;
    if (amended === null || amended === undefined) continue;
    n++;
    initialTotal += c.amountCents;
    amendedTotal += amended;
    if (amended !== c.amountCents) amendedContracts++;
    const changeCents = amended - c.amountCents;
    const inflation = (changeCents / c.amountCents) * 100;
    const limit = c.nature === "Travaux" ? limits.worksPercent : limits.suppliesServicesPercent;
    const euDay = lastMod?.date ?? c.launchDate ?? c.notificationDate;
    const eu = euDay === null ? null : euThresholdAt(ctx.ref, euDay, c.nature);
    const overPercent = inflation > limit;
    const overEu = eu !== null && Math.abs(changeCents) >= eu;
    if (!overPercent && !overEu) continue;
    const text = coded("PF6.beyondSafeHarbour", {
      ref: c.contractRef,
      count: Math.max(mods.length, 1),
      change: formatEurosShort(changeCents),
      percent: String(round2(inflation)).replace(".", ","),
      limit,
      eu: eu === null ? "—" : formatEurosShort(eu),
      reason: overPercent ? `plus de ${limit} % du montant initial` : "au moins le seuil européen",
    });
    flagged.push({
      contractRef: c.contractRef,
      entity: c.entity,
      description: c.description,
      supplier: contractSupplier(c),
      nature: c.nature,
      initial: eur(c.amountCents),
      amended: eur(amended),
      modifications: Math.max(mods.length, 1),
      lastModificationDate: lastMod?.date ? isoDate(lastMod.date) : null,
      changeAmount: eur(changeCents),
      inflationPercent: round2(inflation),
      limitPercent: limit,
      euThreshold: eu === null ? null : eur(eu),
      overPercentLimit: overPercent,
      overEuThreshold: overEu,
      status: "au-delà du seuil de modification de faible montant",
      message: text.fr,
      messageCode: text.code,
      messageParams: paramsJson(text.params),
      legalBasis: textOf("law.amendment"),
      why: textOf("why.amendment"),
      clear: textOf("clear.amendment"),
      clearCode: "clear.amendment",
    });
  }
  const coverage = { n, N: population.length, of: "marchés" };
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
      label: `Seuil de modification de faible montant : ${limits.suppliesServicesPercent} % fournitures/services, ${limits.worksPercent} % travaux, et sous le seuil européen (modifications cumulées)`,
      source: `${limits.source} ; art. R2194-9 CCP (modifications successives)`,
    },
    status: null,
    details: {
      contractsWithData: n,
      contractsAmended: amendedContracts,
      overLimit: flagged.length,
      overEuThreshold: flagged.filter((r) => r.overEuThreshold === true).length,
      initialTotal: eur(initialTotal),
      amendedTotal: eur(amendedTotal),
      overallInflationPercent: pct(amendedTotal - initialTotal, initialTotal),
      contractsModifiedInPeriodNotifiedBefore: population.filter((c) => !inPeriod.has(c)).length,
    },
    tables: { overLimit: flagged },
  };
}

function formatEurosShort(cents: number): string {
  return formatEuros(cents).replace(/,00 €$/, " €");
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

/** One paid invoice: the lines of one invoice number (per entity and supplier), or one line. */
interface Invoice {
  lines: SpendLine[];
  entity: string;
  service: string | null;
  supplierName: string | null;
  invoiceRef: string | null;
  received: number;
  paid: number;
  mandate: number | null;
  htCents: number;
  ttcCents: number;
  ttcEstimated: boolean;
}

interface DelayBucket {
  invoices: number;
  late: number;
  days: number;
  ordonnateurKnown: number;
  ordonnateurDays: number;
  ordonnateurLate: number;
  comptableDays: number;
  comptableLate: number;
}

/**
 * PF8 (R2192-10 ff.): paid invoices, late ones, interest and the 40 € indemnity, which is due per
 * late **invoice** (D2192-35): lines are grouped by invoice number (per entity and supplier) when
 * the export has one, else each line is one invoice. When mandat dates are present, the délai
 * global is split between the ordonnateur (receipt → mandat, 20 days; 35 for hospitals) and the
 * comptable (mandat → payment, 10 days; 15 for hospitals), décret 2013-269 art. 12. Delays are
 * given per entity and per service.
 */
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
  const isHospital = (entity: string): boolean => {
    let h = hospitalByEntity.get(entity);
    if (h === undefined) {
      h = hospitals.size > 0 && hospitals.has(normalizeKey(entity));
      hospitalByEntity.set(entity, h);
    }
    return h;
  };
  const vat = ref.defaultVatPercent.value;
  const iso = memoByDay(isoDate);
  // Interest runs from the day after the due date, at the rate of that day's half-year.
  const rateFromDue = memoByDay((due) => latePaymentRateAt(ref, due + 1).ratePercent);
  let inconsistent = 0;
  let usedLines = 0;
  const invoices: Invoice[] = [];
  const byNumber = new Map<string, Invoice>();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.invoiceReceived === null || l.paid === null || l.amountHTCents < 0 || l.isCredit)
      continue;
    if (l.paid - l.invoiceReceived < 0) {
      inconsistent++;
      continue;
    }
    usedLines++;
    const ttc =
      l.amountTTCCents === null
        ? Math.round((l.amountHTCents * (100 + vat)) / 100)
        : l.amountTTCCents;
    const number = l.invoiceRef ?? null;
    const key = number === null ? null : `${l.entity}\u0001${l.supplierKey}\u0001${number}`;
    let inv = key === null ? undefined : byNumber.get(key);
    if (!inv) {
      inv = {
        lines: [],
        entity: l.entity,
        service: l.service,
        supplierName: l.supplierName,
        invoiceRef: number,
        received: l.invoiceReceived,
        paid: l.paid,
        mandate: l.mandateDate ?? null,
        htCents: 0,
        ttcCents: 0,
        ttcEstimated: false,
      };
      invoices.push(inv);
      if (key !== null) byNumber.set(key, inv);
    }
    inv.lines.push(l);
    inv.received = Math.min(inv.received, l.invoiceReceived);
    inv.paid = Math.max(inv.paid, l.paid);
    if (l.mandateDate != null) inv.mandate = Math.max(inv.mandate ?? l.mandateDate, l.mandateDate);
    inv.htCents += l.amountHTCents;
    inv.ttcCents += ttc;
    if (l.amountTTCCents === null) inv.ttcEstimated = true;
  }
  const coverage = { n: usedLines, N: lines.length, of: "lignes" };
  if (invoices.length === 0) {
    const reason =
      lines.length === 0
        ? `Aucune ligne de dépense sur la période ${ctx.period.label}.`
        : "Aucune ligne avec les dates de réception de la facture et de paiement.";
    return notAvailable(base, reason, coverage);
  }
  let daysTotal = 0;
  let interestCents = 0;
  let ttcEstimated = 0;
  let hospitalInvoices = 0;
  let split = 0;
  const late: Row[] = [];
  const byEntity = new Map<string, DelayBucket>();
  const byService = new Map<string, DelayBucket>();
  const bucket = (map: Map<string, DelayBucket>, key: string): DelayBucket => {
    let b = map.get(key);
    if (!b)
      map.set(
        key,
        (b = {
          invoices: 0,
          late: 0,
          days: 0,
          ordonnateurKnown: 0,
          ordonnateurDays: 0,
          ordonnateurLate: 0,
          comptableDays: 0,
          comptableLate: 0,
        })
      );
    return b;
  };
  for (const inv of invoices) {
    const days = inv.paid - inv.received;
    daysTotal += days;
    const hospital = isHospital(inv.entity);
    if (hospital) hospitalInvoices++;
    const limit = hospital
      ? ref.paymentDelayDays.publicHospital
      : ref.paymentDelayDays.localAuthority;
    const ordLimit = hospital
      ? ref.paymentDelayDays.ordonnateurHospital
      : ref.paymentDelayDays.ordonnateurLocal;
    const cptLimit = hospital
      ? ref.paymentDelayDays.comptableHospital
      : ref.paymentDelayDays.comptableLocal;
    const mandateOk =
      inv.mandate !== null && inv.mandate >= inv.received && inv.mandate <= inv.paid;
    const ordDays = mandateOk ? (inv.mandate as number) - inv.received : null;
    const cptDays = mandateOk ? inv.paid - (inv.mandate as number) : null;
    if (mandateOk) split++;
    const isLate = days > limit;
    for (const b of [
      bucket(byEntity, inv.entity),
      bucket(byService, inv.service ?? "Service non renseigné"),
    ]) {
      b.invoices++;
      b.days += days;
      if (isLate) b.late++;
      if (ordDays !== null && cptDays !== null) {
        b.ordonnateurKnown++;
        b.ordonnateurDays += ordDays;
        b.comptableDays += cptDays;
        if (ordDays > ordLimit) b.ordonnateurLate++;
        if (cptDays > cptLimit) b.comptableLate++;
      }
    }
    if (!isLate) continue;
    const daysLate = days - limit;
    const dueDate = inv.received + limit;
    const ratePercent = rateFromDue(dueDate);
    if (inv.ttcEstimated) ttcEstimated++;
    const interest = Math.round((inv.ttcCents * ratePercent * daysLate) / (100 * 365));
    interestCents += interest;
    const first = inv.lines[0];
    late.push({
      sourceTable: first.source.table,
      sourceRow: first.source.row,
      invoiceRef: inv.invoiceRef,
      lines: inv.lines.length,
      entity: inv.entity,
      service: inv.service,
      supplierName: inv.supplierName,
      amountTTC: eur(inv.ttcCents),
      ttcEstimated: inv.ttcEstimated,
      invoiceReceived: iso(inv.received),
      dueDate: iso(dueDate),
      paid: iso(inv.paid),
      dgpDays: days,
      limitDays: limit,
      daysLate,
      ordonnateurDays: ordDays,
      ordonnateurLimitDays: ordDays === null ? null : ordLimit,
      comptableDays: cptDays,
      comptableLimitDays: cptDays === null ? null : cptLimit,
      ratePercent: round2(ratePercent),
      interest: eur(interest),
      indemnity: eur(ref.lateFlatIndemnityCents.value),
      legalBasis: textOf("law.payment"),
    });
  }
  late.sort(
    (a, b) =>
      (b.daysLate as number) - (a.daysLate as number) ||
      (a.sourceRow as number) - (b.sourceRow as number)
  );
  const n = invoices.length;
  const indemnitiesCents = late.length * ref.lateFlatIndemnityCents.value;
  const delayRows = (map: Map<string, DelayBucket>, key: string): Row[] =>
    [...map.entries()]
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([name, b]) => ({
        [key]: name,
        invoices: b.invoices,
        lateInvoices: b.late,
        lateShare: pct(b.late, b.invoices),
        averageDgpDays: round2(b.days / b.invoices),
        invoicesWithMandate: b.ordonnateurKnown,
        averageOrdonnateurDays:
          b.ordonnateurKnown === 0 ? null : round2(b.ordonnateurDays / b.ordonnateurKnown),
        ordonnateurLate: b.ordonnateurKnown === 0 ? null : b.ordonnateurLate,
        averageComptableDays:
          b.ordonnateurKnown === 0 ? null : round2(b.comptableDays / b.ordonnateurKnown),
        comptableLate: b.ordonnateurKnown === 0 ? null : b.comptableLate,
      }));
  return {
    ...base,
    value: pct(late.length, n),
    na: null,
    coverage,
    reference: {
      value: ref.paymentDelayDays.localAuthority,
      unit: "days",
      label: `Délai global de paiement : ${ref.paymentDelayDays.localAuthority} jours (${ref.paymentDelayDays.ordonnateurLocal} ordonnateur + ${ref.paymentDelayDays.comptableLocal} comptable ; ${ref.paymentDelayDays.publicHospital} jours pour les établissements publics de santé)`,
      source: ref.paymentDelayDays.source,
    },
    status: null,
    details: {
      paidInvoices: n,
      paidLines: usedLines,
      groupedByInvoiceNumber: byNumber.size,
      averageDgpDays: round2(daysTotal / n),
      lateInvoices: late.length,
      lateShare: pct(late.length, n),
      interestTotal: eur(interestCents),
      indemnitiesTotal: eur(indemnitiesCents),
      totalCost: eur(interestCents + indemnitiesCents),
      ttcEstimatedInvoices: ttcEstimated,
      hospitalInvoices,
      invoicesWithMandateDate: split,
      inconsistentDates: inconsistent,
      interestRule: `Intérêts = montant TTC × (taux BCE du semestre + ${ref.latePaymentMargin.value} points) × jours de retard / 365 ; TTC estimé = HT × ${1 + vat / 100} si absent ; indemnité de 40 € par facture en retard (lignes regroupées par numéro de facture).`,
    },
    tables: {
      lateInvoices: late,
      byEntity: delayRows(byEntity, "entity"),
      byService: delayRows(byService, "service"),
    },
  };
}
