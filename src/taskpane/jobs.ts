/**
 * What the pane (UI thread) and the analysis engine (worker) exchange: the job, the progress, the
 * compact summary of a run. Types and constants only, so that the UI bundle does not pull in the
 * indicator engine (engine.ts, loaded by the worker).
 */
import type { Cell, TableKind } from "../core/model";
import type { Period } from "../core/period";
import type { Status, Unit } from "../core/indicators/types";
import type { Lang } from "../report/labels";
import type { SheetKey, WorkbookSpec } from "../report/spec";
import type { NewTable } from "./gateway";

export type StageId = "read" | "check" | "indicators" | "write";
export const STAGES: readonly StageId[] = ["read", "check", "indicators", "write"];

export interface StageProgress {
  stage: StageId;
  done: number;
  total: number;
}

/** A table as the engine receives it (rows streamed separately by the runner). */
export interface JobTable {
  name: string;
  sheet?: string;
  kind: TableKind;
  headerRowIndex: number;
  mapping: Record<string, number>;
  firstRow: number;
  date1904: boolean;
  /** Rows the UI will send (header and title rows included). */
  rowCount: number;
}

export interface JobHeader {
  tables: JobTable[];
  /** null: the civil year of the latest spend line. */
  period: Period | null;
  /** Parameter values edited in the pane and not yet in the Paramètres sheet (sheet units). */
  parameters: Record<string, number | string>;
  /** Raw values of the owned Plan, Diagnostic, Paramètres and Historique sheets (readUserInputs). */
  previousSheets: Record<string, Cell[][]>;
  /** ISO date or date-time of the run. */
  runDate: string;
  lang: Lang;
  /** Sheets of the spec to keep (default: all but the plan and the diagnostic). */
  sheetKeys?: SheetKey[];
}

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
}

export interface RunSummary {
  runDate: string;
  lang: Lang;
  period: { label: string; start: number; end: number };
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

export interface EngineResult {
  spec: WorkbookSpec;
  summary: RunSummary;
}

/** Headline KPIs of the pane (the CO signals are shown as one alert count). */
export const KPI_IDS = ["SP1", "SP6", "PF1", "PF3", "PF8", "RE1", "RE3", "MU1"];

/** Sheets written by a normal run; the plan and the diagnostic are created on request. */
export const PLAN_KEYS: readonly SheetKey[] = ["plan", "diagnostic"];

export interface DecpTableResult {
  table: NewTable;
  imported: number;
  rejected: number;
  /** Distinct rejection reasons (French), at most 3. */
  reasons: string[];
}

/** Owned sheets whose values are read back before a run (user inputs, history). */
export const INPUT_SHEET_KEYS: readonly SheetKey[] = [
  "plan",
  "diagnostic",
  "parametres",
  "historique",
];
