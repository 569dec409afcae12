/**
 * PF8 payment: average DGP, share late, interest and indemnities (SPEC §4).
 *
 * PF8 (R2192-10 ff.): paid invoices, late ones, interest and the 40 € indemnity, which is due per
 * late **invoice** (D2192-35): lines are grouped by invoice number (per entity and supplier) when
 * the export has one, else each line is one invoice. When mandat dates are present, the délai
 * global is split between the ordonnateur (receipt → mandat, 20 days; 35 for hospitals) and the
 * comptable (mandat → payment, 10 days; 15 for hospitals), décret 2013-269 art. 12. The mandat
 * date is the column « Date de transmission au comptable » when mapped, else the line date when
 * its header names the mandat (« Date mandat », « Date d'émission du mandat », « Date
 * mandatement »: the intake sets it and names the tables, details.mandateDateFromLineDate).
 * Delays are given per entity and per service.
 *
 * Each spend line with both dates is part of one paid invoice (credit notes excluded; lines paid
 * before receipt are inconsistent and counted apart). Interest starts the day after the due date
 * and uses the rate of the half-year containing that day (R2192-31).
 */
import { isoDate } from "../../dates";
import { msg } from "../../messages/render";
import type { SpendLine } from "../../model";
import { toEuros as eur } from "../../money";
import { latePaymentRateAt } from "../../reference/values";
import { normalizeKey } from "../../text";
import { memoByDay } from "../aggregate";
import { rowText, type RowText } from "../compliance-row-texts";
import { defineIndicator } from "../definition";
import { isHospitalType } from "../performance";
import { byKey, notAvailable, pct, round2 } from "../types";

/** A paid invoice paid after the maximum payment time, with its interest and indemnity. */
export type LateInvoiceRow = {
  sourceTable: string;
  sourceRow: number;
  invoiceRef: string | null;
  lines: number;
  entity: string;
  service: string | null;
  supplierName: string | null;
  amountTTC: number;
  ttcEstimated: boolean;
  invoiceReceived: string;
  dueDate: string;
  paid: string;
  dgpDays: number;
  limitDays: number;
  daysLate: number;
  ordonnateurDays: number | null;
  ordonnateurLimitDays: number | null;
  comptableDays: number | null;
  comptableLimitDays: number | null;
  ratePercent: number;
  interest: number;
  indemnity: number;
  legalBasis: RowText;
  why: RowText;
  clear: RowText;
  clearCode: string;
};

/** Payment times of a group of invoices (an entity, a service). */
export type PaymentDelayFields = {
  invoices: number;
  lateInvoices: number;
  lateShare: number | null;
  averageDgpDays: number;
  invoicesWithMandate: number;
  averageOrdonnateurDays: number | null;
  ordonnateurLate: number | null;
  averageComptableDays: number | null;
  comptableLate: number | null;
};

export type EntityDelayRow = { entity: string } & PaymentDelayFields;
/** The service key of the lines that do not give one (the sheets show it translated). */
export const SERVICE_NOT_GIVEN = "Service non renseigné";

/** service: SERVICE_NOT_GIVEN when the lines do not give it. */
export type ServiceDelayRow = { service: string } & PaymentDelayFields;

export type PF8Tables = {
  lateInvoices: LateInvoiceRow[];
  byEntity: EntityDelayRow[];
  byService: ServiceDelayRow[];
};

const EMPTY: PF8Tables = { lateInvoices: [], byEntity: [], byService: [] };

const base = { id: "PF8", group: "PF", unit: "%" } as const;

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

export const PF8 = defineIndicator<PF8Tables>({
  ...base,
  label: { fr: "Paiements en retard", en: "Late payments" },
  headline: {
    fr: "paiements en retard (% des factures payées)",
    en: "late payments (% of paid invoices)",
  },
  doc: {
    definition: {
      fr: "Part des factures payées au-delà du délai global de paiement, délai moyen, intérêts moratoires et indemnités forfaitaires dus.",
      en: "Share of invoices paid after the maximum payment time, average payment time, late-payment interest and flat indemnities due.",
    },
    formula: {
      fr: "DGP = date de paiement − date de réception ; en retard si DGP > 30 jours (50 pour les établissements publics de santé) ; intérêts = TTC × (taux BCE + 8 points) × jours de retard / 365 ; indemnité de 40 € par facture ; avec la date du mandat (colonne « Date de transmission au comptable », sinon la date de ligne quand elle est la « Date mandat »), délai de l'ordonnateur (réception → mandat, 20 jours) et du comptable (mandat → paiement, 10 jours).",
      en: "Payment time = payment date − receipt date; late when > 30 days (50 for public hospitals); interest = amount incl. VAT × (ECB rate + 8 points) × days late / 365; €40 flat indemnity per invoice; with the mandat date (the column of the transmission to the comptable, else the line date when its header names the mandat), the ordonnateur's time (receipt → mandat, 20 days) and the comptable's (mandat → payment, 10 days).",
    },
    source: {
      fr: "Art. R2192-10, R2192-31 et D2192-35 du code de la commande publique.",
      en: "Art. R2192-10, R2192-31 and D2192-35 of the public procurement code.",
    },
    howToImprove: {
      fr: "Dématérialisez la chaîne de la dépense (Chorus Pro), suivez le délai de service fait et de mandatement, payez les intérêts dus sans demande.",
      en: "Digitise the expenditure chain (Chorus Pro), track certification and payment-order times, pay the interest due without being asked.",
    },
  },
  compute(ctx) {
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
      if (l.mandateDate != null)
        inv.mandate = Math.max(inv.mandate ?? l.mandateDate, l.mandateDate);
      inv.htCents += l.amountHTCents;
      inv.ttcCents += ttc;
      if (l.amountTTCCents === null) inv.ttcEstimated = true;
    }
    const coverage = { n: usedLines, N: lines.length, of: "lines" as const };
    if (invoices.length === 0) {
      const reason =
        lines.length === 0
          ? msg("na.noLinesInPeriod", { period: ctx.period.label })
          : msg("na.noPaymentDates");
      return notAvailable(base, reason, coverage, EMPTY);
    }
    let daysTotal = 0;
    let interestCents = 0;
    let ttcEstimated = 0;
    let hospitalInvoices = 0;
    let split = 0;
    const late: LateInvoiceRow[] = [];
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
        bucket(byService, inv.service ?? SERVICE_NOT_GIVEN),
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
        legalBasis: rowText("law.payment"),
        why: rowText("why.latePayment"),
        clear: rowText("clear.latePayment"),
        clearCode: "clear.latePayment",
      });
    }
    late.sort((a, b) => b.daysLate - a.daysLate || a.sourceRow - b.sourceRow);
    const n = invoices.length;
    const indemnitiesCents = late.length * ref.lateFlatIndemnityCents.value;
    const delayRows = (map: Map<string, DelayBucket>): [string, PaymentDelayFields][] =>
      [...map.entries()]
        .sort((a, b) => byKey(a[0], b[0]))
        .map(([name, b]) => [
          name,
          {
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
          },
        ]);
    return {
      ...base,
      value: pct(late.length, n),
      na: null,
      coverage,
      reference: {
        value: ref.paymentDelayDays.localAuthority,
        unit: "days",
        label: msg("ref.paymentDelaySplit", {
          days: ref.paymentDelayDays.localAuthority,
          ordonnateur: ref.paymentDelayDays.ordonnateurLocal,
          comptable: ref.paymentDelayDays.comptableLocal,
          hospitalDays: ref.paymentDelayDays.publicHospital,
        }),
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
        // The mandat dates are the line dates of these tables (« Date mandat »…, no column
        // « Date de transmission au comptable »): "Mandats › Date mandat".
        mandateDateFromLineDate:
          ctx.intake.mandateDateFromLineDate === undefined
            ? null
            : ctx.intake.mandateDateFromLineDate.map((t) => `${t.table} › ${t.header}`).join(" ; "),
        inconsistentDates: inconsistent,
        latePaymentMarginPoints: ref.latePaymentMargin.value,
        estimatedTtcVatPercent: vat,
        flatIndemnity: eur(ref.lateFlatIndemnityCents.value),
      },
      tables: {
        lateInvoices: late,
        byEntity: delayRows(byEntity).map(([entity, d]) => ({ entity, ...d })),
        byService: delayRows(byService).map(([service, d]) => ({ service, ...d })),
      },
    };
  },
});
