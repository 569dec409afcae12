/**
 * What the pane (UI thread) and the analysis engine (worker) exchange: the job, the progress, the
 * compact summary of a run. Types and constants only, so that the UI bundle does not pull in the
 * indicator engine (engine.ts, loaded by the worker).
 */
import type { Cell, TableKind } from "../core/model";
import type { Period } from "../core/period";
import type { Lang } from "../report/labels";
import type { SheetKey, WorkbookSpec } from "../report/spec";
import type { NewTable } from "../workbook/gateway";
import type { Fiche } from "../core/peers/fiche";
import { INPUT_SHEET_KEYS } from "../report/input-layout";

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
  /** Peers' fiches imported in the pane (issue #15 §4): the Comparaison sheet shows their quartiles. */
  peers?: Fiche[];
}

export type { Kpi, RunSummary } from "../workbook/run-summary";
import type { RunSummary } from "../workbook/run-summary";

export interface EngineResult {
  spec: WorkbookSpec;
  summary: RunSummary;
}

/** Headline KPIs of the pane (the CO signals are shown as one alert count). */
export const KPI_IDS = ["SP1", "SP6", "PF1", "PF3", "PF8", "RE1", "RE3", "MU1"];

/** The policy documents (issue #14), written on request and the user's once written. */
export const DOCUMENT_KEYS: readonly SheetKey[] = ["charte", "codeFournisseurs"];

/** Sheets written by a normal run; the plan and the diagnostic are created on request. */
export const PLAN_KEYS: readonly SheetKey[] = ["plan", "diagnostic", "attentes"];

export interface DecpTableResult {
  table: NewTable;
  imported: number;
  rejected: number;
  /** Distinct rejection reasons (French), at most 3. */
  reasons: string[];
}

/** Owned sheets whose values are read back before a run (user inputs, history). */
export { INPUT_SHEET_KEYS };

/** The buyer's fiche de comparaison of the kept analysis (issue #15 §4). */
export interface FicheResult {
  fiche: Fiche;
  /** The fiche as written by `optima-achats fiche -o fiche.json`. */
  json: string;
  /** « Commune, 10 000 à 19 999 hab. » as the comparison classified the buyer. */
  categoryLabel: string;
  bandLabel: string;
}

/** The Comparaison sheet written again with peers' fiches. */
export interface PeersResult {
  spec: WorkbookSpec;
  /** Fiches compared (the buyer's own fiche, same SIREN and period, is left out). */
  compared: number;
  excludedOwn: number;
}

/** The buyer's DECP 2024 of the kept analysis (issue #11 §4), as `optima-achats decp -o decp.json` writes it. */
export interface DecpExportResult {
  json: string;
  written: number;
  belowThreshold: number;
  /** One sentence per contract not written, its missing fields and their fix (pane language). */
  notWritten: string[];
  /** Complements skeleton: for each contract not written, its missing fields set to null. */
  template: Record<string, Record<string, null>>;
}
