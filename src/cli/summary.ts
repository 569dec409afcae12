/**
 * The machine-readable summary printed by `--json` (issue #6), with the SPEC ids as keys, and the
 * short French headline printed otherwise. Pure functions of the analysis; labels come from the
 * indicator registry and N/A reasons from the message catalogue.
 */
import type { Analysis } from "../core/analyse";
import type { CoverageUnit } from "../core/indicators/types";
import { unitText } from "../core/messages/format";
import { frenchDate, isoDate } from "../core/dates";
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
  };
  indicators: Record<
    string,
    {
      value: number | null;
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
    reconciliation: {
      rowsRead: r.rowsRead,
      rowsAnalysed: r.rowsAnalysed,
      rowsRejected: r.rowsRejected,
      amountRead: r.amountReadCents / 100,
      amountAnalysed: r.amountAnalysedCents / 100,
      amountRejected: r.amountRejectedCents / 100,
    },
    indicators,
    anomalies: analysis.anomalies.length,
    alerts: analysis.alertCount,
  };
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
      `montants ${formatEuros(r.amountReadCents)} = ${formatEuros(r.amountAnalysedCents)}${signedTerm(r.amountRejectedCents)}`,
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
