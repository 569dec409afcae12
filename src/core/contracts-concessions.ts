/**
 * Renewal calendar of the concessions (issue #11 §3): each contrat de concession (DSP, concession
 * de travaux ou de services) read from the DECP, with its end date, the months left at the end of
 * the analysed period and a status. Renewing a concession takes a long procedure (third part of
 * the code de la commande publique; the assembly first votes on the principle of a DSP, art.
 * L1411-4 CGCT), so the calendar flags those ending within 24 months.
 *
 * Rules:
 * - end date = start of execution (else signature) + duration in months (ConcessionLine.endDate,
 *   computed by the DECP reader); none when the start or the duration is unknown;
 * - months remaining = whole months from the day of the analysis (the end of the period) to the
 *   end date, 0 once it is past;
 * - status: "expired" (échue) when the end date is before the day of the analysis; "renewSoon"
 *   (à relancer dans les 24 mois) when it is at most 24 months later; "running" (en cours)
 *   otherwise; "unknown" when there is no end date;
 * - sorted by end date (unknown last), then by reference.
 */
import { addMonths, ymdFromDay } from "./dates";
import type { ConcessionLine } from "./model";

/** Months before the end date from which a concession is to be relaunched. */
export const RENEWAL_HORIZON_MONTHS = 24;

export type ConcessionStatus = "expired" | "renewSoon" | "running" | "unknown";

export interface ConcessionCalendarRow {
  ref: string;
  authority: string;
  description: string | null;
  nature: string | null;
  /** Names (else SIRET) of the concessionnaires, in the order given. */
  concessionaires: string[];
  valueCents: number | null;
  /** Start of execution, else signature (day number). */
  startDate: number | null;
  durationMonths: number | null;
  endDate: number | null;
  /** Whole months from the day of the analysis to the end date (0 once past); null without end. */
  monthsRemaining: number | null;
  status: ConcessionStatus;
}

/** Whole months from `from` to `to` (0 when `to` is not after `from`). */
export function wholeMonthsBetween(from: number, to: number): number {
  if (to <= from) return 0;
  const a = ymdFromDay(from);
  const b = ymdFromDay(to);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (addMonths(from, months) > to) months--;
  return Math.max(0, months);
}

export function concessionStatus(endDate: number | null, asOf: number): ConcessionStatus {
  if (endDate === null) return "unknown";
  if (endDate < asOf) return "expired";
  if (endDate <= addMonths(asOf, RENEWAL_HORIZON_MONTHS)) return "renewSoon";
  return "running";
}

/** The calendar of the concessions as of a day (the end of the analysed period). */
export function concessionCalendar(
  concessions: readonly ConcessionLine[],
  asOf: number
): ConcessionCalendarRow[] {
  return concessions
    .map((c) => ({
      ref: c.ref,
      authority: c.authority,
      description: c.description,
      nature: c.nature,
      concessionaires: c.concessionaires.flatMap((h) => {
        const name = h.name ?? h.id;
        return name === null ? [] : [name];
      }),
      valueCents: c.valueCents,
      startDate: c.startDate ?? c.signatureDate,
      durationMonths: c.durationMonths,
      endDate: c.endDate,
      monthsRemaining: c.endDate === null ? null : wholeMonthsBetween(asOf, c.endDate),
      status: concessionStatus(c.endDate, asOf),
    }))
    .sort((x, y) => {
      if (x.endDate !== y.endDate) {
        if (x.endDate === null) return 1;
        if (y.endDate === null) return -1;
        return x.endDate - y.endDate;
      }
      return x.ref < y.ref ? -1 : x.ref > y.ref ? 1 : 0;
    });
}
