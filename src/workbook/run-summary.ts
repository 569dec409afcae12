/**
 * The headline results of a run, as the pane shows them and as the workbook settings keep them
 * (LastRun.summary) so that they are shown again when the pane reopens.
 */
import type { Status, Unit } from "../core/indicators/types";
import type { Lang } from "../report/labels";
import type { SheetKey } from "../report/spec";

export interface Kpi {
  id: string;
  label: string;
  value: number | null;
  unit: Unit;
  /** Value in words ("1 234 €", "12,5 %"), or the N/A word. */
  valueText: string;
  status: Status | null;
  /** "Objectif PNAD 2022-2025 : 100,0 %", or "" when the indicator has no reference. */
  referenceText: string;
  /** Why N/A, in the run's language (rendered from the core message). */
  na: string | null;
  /**
   * The sheet holding the indicator's detail lines, as written (its name in the run's language):
   * clicking the tile in the pane activates it (issue #12). Absent in summaries saved before.
   */
  sheet?: string;
}

export interface RunSummary {
  runDate: string;
  lang: Lang;
  period: { label: string; start: number; end: number };
  /**
   * Day numbers of the first and last date of the data, and the period SP6 compares with (absent
   * in summaries saved before issue #12).
   */
  data?: { start: number; end: number; previousPeriod: string } | null;
  kpis: Kpi[];
  alertCount: number;
  anomalyCount: number;
  warningCount: number;
  rejectedCount: number;
  reconciliation: {
    rowsRead: number;
    rowsAnalysed: number;
    rowsWithWarning: number;
    rowsRejected: number;
    /** Euros. */
    amountRead: number;
    amountAnalysed: number;
    amountRejected: number;
    reconciled: boolean;
  };
  /** Sheets of the spec, in order (names in the run's language). */
  sheets: { key: SheetKey; name: string }[];
  sources: string[];
}
