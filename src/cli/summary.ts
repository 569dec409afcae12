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
import type { TableReconciliation } from "../core/model";
import { formatEuros } from "../core/money";
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
    amountRead: number;
    amountAnalysed: number;
    amountRejected: number;
    /** Read but kept out of the analysis (placeholders, concessions, sub-totals, co-titulaire rows). */
    amountSetAside: number;
    /** The set-aside amounts, one line per table and reason: amountRead = analysed + rejected + set aside. */
    setAside: { table: string; reason: string; rows: number; amount: number }[];
    /** Contract tables: register rows read, distinct contracts, rows grouped into an earlier contract. */
    contracts: {
      rowsRead: number;
      contracts: number;
      rowsGrouped: number;
      rowsRejected: number;
      amountRead: number;
      amountAnalysed: number;
      amountRejected: number;
      amountSetAside: number;
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
      amountRead: r.amountReadCents / 100,
      amountAnalysed: r.amountAnalysedCents / 100,
      amountRejected: r.amountRejectedCents / 100,
      amountSetAside: r.amountSetAsideCents / 100,
      setAside: r.tables.flatMap((t) =>
        (t.setAside ?? []).map((l) => ({ table: t.table, reason: message("fr", l.reason), rows: l.rows, amount: l.amountCents / 100 }))
      ),
      contracts: contractTotals(r.tables),
    },
    indicators,
    anomalies: analysis.anomalies.length,
    alerts: analysis.alertCount,
  };
}

function contractTotals(tables: TableReconciliation[]): JsonSummary["reconciliation"]["contracts"] {
  const c = { rowsRead: 0, contracts: 0, rowsGrouped: 0, rowsRejected: 0, amountRead: 0, amountAnalysed: 0, amountRejected: 0, amountSetAside: 0 };
  let read = 0, analysed = 0, rejected = 0, setAside = 0;
  for (const t of tables) {
    if (t.kind !== "contracts") continue;
    c.rowsRead += t.rowsRead;
    c.contracts += t.contracts ?? t.rowsAnalysed;
    c.rowsGrouped += t.rowsGrouped ?? 0;
    c.rowsRejected += t.rowsRejected;
    read += t.amountReadCents;
    analysed += t.amountAnalysedCents;
    rejected += t.amountRejectedCents;
    setAside += t.amountSetAsideCents;
  }
  return { ...c, amountRead: read / 100, amountAnalysed: analysed / 100, amountRejected: rejected / 100, amountSetAside: setAside / 100 };
}

const HEADLINE_IDS = ["SP1", "PF1", "PF3", "CO1", "RE1", "MU1", "MU3", "TE1"];

/** " + 12,00 €", or " − 12,00 €" for a negative term (never « + -12,00 € »). */
function signedTerm(cents: number): string {
  return cents < 0 ? ` − ${formatEuros(-cents)}` : ` + ${formatEuros(cents)}`;
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
      `montants ${formatEuros(r.amountReadCents)} = ${formatEuros(r.amountAnalysedCents)}${signedTerm(r.amountRejectedCents)}` +
      (r.amountSetAsideCents !== 0 ? ` + mis de côté ${formatEuros(r.amountSetAsideCents)}` : ""),
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
