/** SP6 period comparison: month, year-to-date, same period of the previous year, trend (SPEC §4). */
import { basisContext, basisOf } from "../../contracts-basis";
import { dayFromYMD, frenchDate, monthKey, ymdFromDay } from "../../dates";
import { msg } from "../../messages/render";
import { toEuros as eur } from "../../money";
import { previousYearPeriod, yearToDate } from "../../period";
import { monthKeyer, previousYearMonth, totalCents, type Bucket } from "../aggregate";
import { defineIndicator } from "../definition";
import { notAvailable, round2, type AnalysisContext, type IndicatorResult } from "../types";

export type TrendMonthRow = {
  month: string;
  amount: number;
  lines: number;
  /** null before the first month with data plus one year. */
  previousYearAmount: number | null;
  changePercent: number | null;
};

export type SP6Tables = { byMonth: TrendMonthRow[] };

const base = { id: "SP6", group: "SP", unit: "%" } as const;

function changePercent(current: number, previous: number): number | null {
  return previous > 0 ? round2(((current - previous) / previous) * 100) : null;
}

function computeSP6(ctx: AnalysisContext): IndicatorResult<SP6Tables> {
  const currentCents = totalCents(ctx.lines);
  // Same months on both sides (issue #12): the period cut at the end of the data, a year earlier.
  const previousPeriod = ctx.previousPeriod;
  const ytd = yearToDate(ctx.comparedPeriod);
  const previousYtd = previousYearPeriod(ytd);
  const previousCents = totalCents(ctx.previousLines);

  // One pass over every line: monthly series and both year-to-date sums.
  const monthOf = monthKeyer();
  const byDay = new Map<number, Bucket>();
  let ytdCents = 0;
  let previousYtdCents = 0;
  let previousYtdLines = 0;
  const all = ctx.allLines;
  for (let i = 0; i < all.length; i++) {
    const l = all[i];
    const d = byDay.get(l.date);
    if (d === undefined) byDay.set(l.date, { cents: l.amountHTCents, lines: 1 });
    else {
      d.cents += l.amountHTCents;
      d.lines++;
    }
    if (l.date >= ytd.start && l.date <= ytd.end) ytdCents += l.amountHTCents;
    else if (l.date >= previousYtd.start && l.date <= previousYtd.end) {
      previousYtdCents += l.amountHTCents;
      previousYtdLines++;
    }
  }

  const byMonth = new Map<string, Bucket>();
  for (const [day, b] of byDay) {
    const key = monthOf(day);
    const m = byMonth.get(key);
    if (m === undefined) byMonth.set(key, { cents: b.cents, lines: b.lines });
    else {
      m.cents += b.cents;
      m.lines += b.lines;
    }
  }

  const series: TrendMonthRow[] = [];
  const months = [...byMonth.keys()].sort();
  if (months.length > 0) {
    // Every month from the first to the last with data (gaps shown as 0 for a continuous trend).
    const first = months[0];
    const last = months[months.length - 1];
    let y = Number(first.slice(0, 4));
    let m = Number(first.slice(5, 7));
    for (let key = first; key <= last;) {
      const b = byMonth.get(key);
      const prevKey = previousYearMonth(key);
      const prev = prevKey >= first ? (byMonth.get(prevKey)?.cents ?? 0) : null;
      const amount = b?.cents ?? 0;
      series.push({
        month: key,
        amount: eur(amount),
        lines: b?.lines ?? 0,
        previousYearAmount: prev === null ? null : eur(prev),
        changePercent: prev === null ? null : changePercent(amount, prev),
      });
      if (m === 12) {
        y++;
        m = 1;
      } else m++;
      key = `${y}-${String(m).padStart(2, "0")}`;
    }
  }

  // Last month of the period vs the month before and the same month a year earlier.
  const endYmd = ymdFromDay(ctx.period.end);
  const lastMonth = `${endYmd.year}-${String(endYmd.month).padStart(2, "0")}`;
  const monthBefore = monthOf(dayFromYMD(endYmd.year, endYmd.month, 1) - 1);
  const lastMonthCents = byMonth.get(lastMonth)?.cents ?? 0;
  const monthBeforeCents = byMonth.get(monthBefore)?.cents ?? 0;
  const sameMonthLastYearCents = byMonth.get(previousYearMonth(lastMonth))?.cents ?? 0;

  const details = {
    currentPeriod: ctx.period.label,
    comparedPeriod: ctx.comparedPeriod.label,
    currentAmount: eur(currentCents),
    previousPeriod: previousPeriod.label,
    previousAmount: ctx.previousLines.length > 0 ? eur(previousCents) : null,
    previousLines: ctx.previousLines.length,
    changeAmount: ctx.previousLines.length > 0 ? eur(currentCents - previousCents) : null,
    ytdPeriod: ytd.label,
    ytdAmount: eur(ytdCents),
    previousYtdPeriod: previousYtd.label,
    previousYtdAmount: previousYtdLines > 0 ? eur(previousYtdCents) : null,
    ytdChangePercent: previousYtdLines > 0 ? changePercent(ytdCents, previousYtdCents) : null,
    lastMonth,
    lastMonthAmount: eur(lastMonthCents),
    monthBefore,
    monthBeforeAmount: eur(monthBeforeCents),
    monthChangePercent: changePercent(lastMonthCents, monthBeforeCents),
    sameMonthLastYearAmount: eur(sameMonthLastYearCents),
    sameMonthChangePercent: changePercent(lastMonthCents, sameMonthLastYearCents),
  };
  const tables = { byMonth: series };
  const compared = ctx.lines.length + ctx.previousLines.length;
  const awarded = basisOf(ctx) === "awarded";
  const coverage = awarded
    ? { n: compared, N: compared, of: "contracts" as const }
    : { n: compared, N: compared, of: "linesBothPeriods" as const };

  const dataStart = ctx.dataRange?.start ?? previousPeriod.start;
  const na =
    ctx.lines.length === 0
      ? msg(awarded ? "na.noAwardedInPeriod" : "na.noLinesInPeriod", { period: ctx.period.label })
      : ctx.previousLines.length === 0
        ? msg(awarded ? "na.noAwardedPreviousPeriod" : "na.noLinesPreviousPeriod", {
            period: previousPeriod.label,
          })
        : monthKey(dataStart) > monthKey(previousPeriod.start)
          ? msg("na.previousPeriodNotCovered", {
              date: frenchDate(dataStart),
              period: previousPeriod.label,
            })
          : previousCents <= 0
            ? msg("na.nonPositivePreviousSpend", { period: previousPeriod.label })
            : null;
  if (na !== null) return notAvailable(base, na, coverage, tables, null, details);
  return {
    ...base,
    value: changePercent(currentCents, previousCents),
    na: null,
    coverage,
    reference: null,
    status: null,
    details,
    tables,
  };
}

export const SP6 = defineIndicator<SP6Tables>({
  ...base,
  label: {
    fr: "Évolution par rapport à la même période de l'année précédente",
    en: "Change vs same period last year",
  },
  headline: {
    fr: "évolution par rapport à la même période N-1 (%)",
    en: "change vs same period last year (%)",
  },
  doc: {
    definition: {
      fr: "Évolution de la dépense HT nette par rapport à la même période de l'année précédente, avec le cumul depuis le début de l'année, le dernier mois et la série mensuelle. Sans ligne de dépense (registre des marchés ou DECP seuls), calculé sur les montants attribués des marchés notifiés sur la période (un marché compte une fois, sous son premier titulaire).",
      en: "Change in net spend excl. VAT against the same period of the previous year, with the year-to-date total, the last month and the monthly series. Without spend lines (contracts register or DECP only), computed on the awarded amounts of the contracts notified in the period (a contract counts once, under its first holder).",
    },
    formula: {
      fr: "(dépense de la période − dépense de la même période N-1) / dépense N-1 × 100 ; N/D si la période N-1 n'a pas de dépense positive.",
      en: "(spend of the period − spend of the same period a year earlier) / previous spend × 100; N/A when the previous period has no positive spend.",
    },
    source: {
      fr: "Lignes de dépense des deux périodes (mêmes tables sources).",
      en: "Spend lines of both periods (same source tables).",
    },
    howToImprove: {
      fr: "Chargez au moins deux années de dépenses ; expliquez les écarts importants (nouveaux marchés, investissements ponctuels).",
      en: "Load at least two years of spend; explain large changes (new contracts, one-off investments).",
    },
  },
  basis: basisOf,
  compute: (ctx) => computeSP6(basisContext(ctx)),
});
