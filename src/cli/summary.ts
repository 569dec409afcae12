/**
 * The machine-readable summary printed by `--json` (issue #6), with the SPEC ids as keys, and the
 * short French headline printed otherwise. Pure functions of the analysis; labels come from the
 * indicator registry and N/A reasons from the message catalogue.
 */
import type { Analysis } from "../core/analyse";
import type { CoverageUnit } from "../core/indicators/types";
import { unitText } from "../core/messages/format";
import { frenchDate, isoDate } from "../core/dates";
import { msg } from "../core/messages/render";
import { addTotals, exactCentsOf, lineCentsOf, type AmountKey } from "../core/intake/totals";
import type { ExactCents, TableReconciliation } from "../core/model";
import { formatEurosBig } from "../core/money";

/**
 * An amount of euros in the JSON summary: a number when JSON's number is the exact amount to the
 * cent, else (beyond Number.MAX_SAFE_INTEGER cents, or where a double cannot hold the cents) the
 * exact decimal as a string with its two decimals: "123456789012345692.24".
 */
export type JsonEuros = number | string;
import { indicatorLabel, message, text } from "../report/labels";

export interface JsonSummary {
  version: string;
  period: string;
  /** ISO first and last date of the data read, or null. */
  data: { start: string; end: string } | null;
  /** The period SP6 compares with (same months, one year earlier). */
  previousPeriod: string;
  inputs: string[];
  reconciliation: {
    rowsRead: number;
    rowsAnalysed: number;
    rowsRejected: number;
    amountRead: JsonEuros;
    amountAnalysed: JsonEuros;
    amountRejected: JsonEuros;
    /** Read but kept out of the analysis (placeholders, concessions, sub-totals, co-titulaire rows). */
    amountSetAside: JsonEuros;
    /** The set-aside amounts, one line per table and reason: amountRead = analysed + rejected + set aside. */
    setAside: { table: string; reason: string; rows: number; amount: JsonEuros }[];
    /** Contract tables: register rows read, distinct contracts, rows grouped into an earlier contract. */
    contracts: {
      rowsRead: number;
      contracts: number;
      rowsGrouped: number;
      rowsRejected: number;
      amountRead: JsonEuros;
      amountAnalysed: JsonEuros;
      amountRejected: JsonEuros;
      amountSetAside: JsonEuros;
    };
  };
  /** "awarded": contracts and no spend line, analysed on awarded amounts; else "spend". */
  basis: Analysis["basis"];
  indicators: Record<
    string,
    {
      value: number | null;
      /** What its amounts are ("spend" or "awarded"), when it holds amounts. */
      basis?: "spend" | "awarded";
      unit: string;
      /** `of`: what is counted, a stable code ("lines", "contracts", "suppliers"…). */
      coverage: { n: number; N: number; of: CoverageUnit };
      status: string | null;
    }
  >;
  anomalies: number;
  alerts: number;
}

export function jsonSummary(analysis: Analysis, inputs: string[]): JsonSummary {
  const r = analysis.reconciliation;
  const indicators: JsonSummary["indicators"] = {};
  for (const i of analysis.indicators) {
    indicators[i.id] = {
      value: i.value,
      ...(i.basis === undefined ? {} : { basis: i.basis }),
      unit: i.unit,
      coverage: { ...i.coverage },
      status: i.status,
    };
  }
  return {
    version: analysis.version,
    period: analysis.period.label,
    data: analysis.dataRange
      ? { start: isoDate(analysis.dataRange.start), end: isoDate(analysis.dataRange.end) }
      : null,
    previousPeriod: analysis.previousPeriod.label,
    inputs,
    basis: analysis.basis,
    reconciliation: {
      rowsRead: r.rowsRead,
      rowsAnalysed: r.rowsAnalysed,
      rowsRejected: r.rowsRejected,
      ...jsonAmounts(r),
      setAside: r.tables.flatMap((t) =>
        (t.setAside ?? []).map((l) => ({ table: t.table, reason: message("fr", l.reason), rows: l.rows, amount: jsonEuros(lineCentsOf(l)) }))
      ),
      contracts: contractTotals(r.tables),
    },
    indicators,
    anomalies: analysis.anomalies.length,
    alerts: analysis.alertCount,
  };
}

/** Exact euros of cents for JSON (see JsonEuros). */
export function jsonEuros(cents: bigint): JsonEuros {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const cents2 = (abs % 100n).toString().padStart(2, "0");
  const sign = negative ? "-" : "";
  const exact = `${sign}${abs / 100n}.${cents2}`;
  if (abs > BigInt(Number.MAX_SAFE_INTEGER)) return exact;
  const n = Number(cents) / 100;
  // JSON writes the shortest text of the double: "12.3" for 12,30 €, "3200" for 3 200,00 €.
  const shortest = `${sign}${abs / 100n}${cents2 === "00" ? "" : "." + cents2.replace(/0$/, "")}`;
  return String(n) === shortest ? n : exact;
}

type Amounts = Record<AmountKey, number> & { exactCents?: ExactCents };

function jsonAmounts(r: Amounts): Pick<JsonSummary["reconciliation"], "amountRead" | "amountAnalysed" | "amountRejected" | "amountSetAside"> {
  return {
    amountRead: jsonEuros(exactCentsOf(r, "amountReadCents")),
    amountAnalysed: jsonEuros(exactCentsOf(r, "amountAnalysedCents")),
    amountRejected: jsonEuros(exactCentsOf(r, "amountRejectedCents")),
    amountSetAside: jsonEuros(exactCentsOf(r, "amountSetAsideCents")),
  };
}

function contractTotals(tables: TableReconciliation[]): JsonSummary["reconciliation"]["contracts"] {
  const c = { rowsRead: 0, contracts: 0, rowsGrouped: 0, rowsRejected: 0 };
  const sums: Amounts = { amountReadCents: 0, amountAnalysedCents: 0, amountRejectedCents: 0, amountSetAsideCents: 0 };
  for (const t of tables) {
    if (t.kind !== "contracts") continue;
    c.rowsRead += t.rowsRead;
    c.contracts += t.contracts ?? t.rowsAnalysed;
    c.rowsGrouped += t.rowsGrouped ?? 0;
    c.rowsRejected += t.rowsRejected;
    addTotals(sums, t);
  }
  return { ...c, ...jsonAmounts(sums) };
}

const HEADLINE_IDS = ["SP1", "PF1", "PF3", "CO1", "RE1", "MU1", "MU3", "TE1"];

/** " + 12,00 €", or " − 12,00 €" for a negative term (never « + -12,00 € »). */
function signedTerm(cents: bigint): string {
  return cents < 0n ? ` − ${formatEurosBig(-cents)}` : ` + ${formatEurosBig(cents)}`;
}

/** A few lines for the terminal: period, reconciliation and headline KPIs. */
export function textSummary(analysis: Analysis, output: string): string {
  const r = analysis.reconciliation;
  const lines = [
    `Analyse ${analysis.period.label} (du ${frenchDate(analysis.period.start)} au ${frenchDate(analysis.period.end)}) écrite dans ${output}`,
    ...(analysis.dataRange
      ? [
          `Données du ${frenchDate(analysis.dataRange.start)} au ${frenchDate(analysis.dataRange.end)} ; comparaison avec ${analysis.previousPeriod.label}`,
        ]
      : []),
    `Lignes lues ${r.rowsRead.toLocaleString("fr-FR")} = analysées ${r.rowsAnalysed.toLocaleString("fr-FR")} + rejetées ${r.rowsRejected.toLocaleString("fr-FR")} ; ` +
      `montants ${formatEurosBig(exactCentsOf(r, "amountReadCents"))} = ${formatEurosBig(exactCentsOf(r, "amountAnalysedCents"))}${signedTerm(exactCentsOf(r, "amountRejectedCents"))}` +
      (exactCentsOf(r, "amountSetAsideCents") !== 0n ? ` + mis de côté ${formatEurosBig(exactCentsOf(r, "amountSetAsideCents"))}` : ""),
    // A contracts-only input says what its amounts are (issue #11 §1).
    ...(analysis.basis === "awarded"
      ? [`${message("fr", msg("basis.awardedTitle"))} : ${message("fr", msg("basis.awardedNote"))}`]
      : []),
  ];
  for (const id of HEADLINE_IDS) {
    const i = analysis.indicators.find((x) => x.id === id);
    if (i)
      lines.push(
        `  ${id.padEnd(4)} ${indicatorLabel("fr", i)} : ${
          i.value === null ? text("fr", "na") : unitText("fr", i.unit, i.value)
        }${i.value === null && i.na ? ` (${message("fr", i.na)})` : ""}`
      );
  }
  lines.push(
    `Anomalies : ${analysis.anomalies.length.toLocaleString("fr-FR")} ; signaux de conformité : ${analysis.alertCount.toLocaleString("fr-FR")}`
  );
  return lines.join("\n");
}
