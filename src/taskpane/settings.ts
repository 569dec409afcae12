/**
 * What the pane remembers in the workbook (gateway.saveSettings → Office.js `workbook.settings`):
 * the tables to analyse with their kind and column mapping, the period, the parameters changed in
 * the pane and not yet written to the Paramètres sheet, and the last run (for the ribbon's
 * "Actualiser l'analyse" command). Plain JSON, versioned; anything unreadable is dropped, never
 * trusted.
 *
 * Parameters: the Paramètres sheet is the source of truth. The pane shows its values (or the
 * defaults of SPEC §3 when the sheet does not exist yet); values edited in the pane are kept here
 * as pending overrides, written into the Paramètres sheet by the next analysis, then cleared.
 */
import type { TableKind } from "../core/model";
import { monthPeriod, rangePeriod, yearPeriod, type Period } from "../core/period";
import { defaultReferenceValues } from "../core/reference/values";
import { PARAMETERS, parameterRaw, toSheetValue, type ParameterDef } from "../report/parameters";
import type { Lang } from "../report/labels";
import type { RunSummary } from "./jobs";

export const SETTINGS_VERSION = 1;

export type PeriodMode = "auto" | "year" | "month" | "range";

export interface PeriodChoice {
  /** "auto": the civil year of the latest spend line (the engine's default). */
  mode: PeriodMode;
  year: number;
  month: number;
  fromYear: number;
  fromMonth: number;
  toYear: number;
  toMonth: number;
}

const KINDS: readonly TableKind[] = ["spend", "contracts", "entities", "nomenclature", "suppliers"];

export interface TableChoice {
  /** SourceTable.name. */
  name: string;
  selected: boolean;
  /** null: kind not recognised (the user must choose one to analyse the table). */
  kind: TableKind | null;
  /** Index in the table's rows of the header row. */
  headerRowIndex: number;
  /** Field key → column index. */
  mapping: Record<string, number>;
  /** Header texts the mapping was made for: when they change, the table is detected again. */
  headers: string[];
  /** The user changed the kind, the header row or the mapping by hand. */
  edited: boolean;
}

export interface LastRun {
  /** ISO date-time. */
  runDate: string;
  periodLabel: string;
  sources: string[];
  lang: Lang;
  /** Whether the plan and diagnostic sheets exist (refreshed by the following runs). */
  planSheets: boolean;
  /** Headline results, shown again when the pane reopens (a few kB). */
  summary?: RunSummary | null;
}

/** Outcome of the last "Actualiser l'analyse" from the ribbon (no UI there: the pane shows it). */
export interface LastRefresh {
  /** ISO date-time. */
  date: string;
  ok: boolean;
  /** The user message when it failed. */
  message: string;
}

export interface PaneSettings {
  version: typeof SETTINGS_VERSION;
  tables: TableChoice[];
  period: PeriodChoice;
  /** Pending parameter values (sheet units: euros, fractions, days), by parameter id. */
  parameters: Record<string, number | string>;
  lastRun: LastRun | null;
  lastRefresh?: LastRefresh | null;
}

export function defaultPeriod(today = new Date()): PeriodChoice {
  const y = today.getFullYear();
  return {
    mode: "auto",
    year: y - 1,
    month: Math.max(1, today.getMonth()),
    fromYear: y,
    fromMonth: 1,
    toYear: y,
    toMonth: Math.max(1, today.getMonth()),
  };
}

export function defaultSettings(today = new Date()): PaneSettings {
  return {
    version: SETTINGS_VERSION,
    tables: [],
    period: defaultPeriod(today),
    parameters: {},
    lastRun: null,
  };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function int(x: unknown, min: number, max: number): number | null {
  return typeof x === "number" && Number.isInteger(x) && x >= min && x <= max ? x : null;
}

function parseTable(x: unknown): TableChoice | null {
  if (!isRecord(x) || typeof x.name !== "string" || x.name === "") return null;
  const kind =
    x.kind === null || KINDS.includes(x.kind as TableKind) ? (x.kind as TableKind | null) : null;
  const mapping: Record<string, number> = {};
  if (isRecord(x.mapping)) {
    for (const [k, v] of Object.entries(x.mapping)) {
      const col = int(v, 0, 16_383);
      if (col !== null) mapping[k] = col;
    }
  }
  return {
    name: x.name,
    selected: x.selected === true,
    kind,
    headerRowIndex: int(x.headerRowIndex, 0, 1_048_575) ?? 0,
    mapping,
    headers: Array.isArray(x.headers) ? x.headers.map((h) => (typeof h === "string" ? h : "")) : [],
    edited: x.edited === true,
  };
}

function parsePeriodChoice(x: unknown): PeriodChoice {
  const d = defaultPeriod();
  if (!isRecord(x)) return d;
  const mode = (["auto", "year", "month", "range"] as const).find((m) => m === x.mode) ?? "auto";
  const year = (v: unknown, fallback: number) => int(v, 1990, 2100) ?? fallback;
  const month = (v: unknown, fallback: number) => int(v, 1, 12) ?? fallback;
  return {
    mode,
    year: year(x.year, d.year),
    month: month(x.month, d.month),
    fromYear: year(x.fromYear, d.fromYear),
    fromMonth: month(x.fromMonth, d.fromMonth),
    toYear: year(x.toYear, d.toYear),
    toMonth: month(x.toMonth, d.toMonth),
  };
}

function isSummary(x: unknown): x is RunSummary {
  return (
    isRecord(x) &&
    Array.isArray(x.kpis) &&
    Array.isArray(x.sheets) &&
    isRecord(x.reconciliation) &&
    isRecord(x.period) &&
    typeof x.runDate === "string" &&
    typeof x.alertCount === "number" &&
    typeof x.anomalyCount === "number"
  );
}

/** Settings read back from the workbook (a JSON string or an object); null when unusable. */
export function parseSettings(raw: unknown): PaneSettings | null {
  let x = raw;
  if (typeof x === "string") {
    try {
      x = JSON.parse(x);
    } catch {
      return null;
    }
  }
  if (!isRecord(x) || x.version !== SETTINGS_VERSION) return null;
  const tables = Array.isArray(x.tables)
    ? x.tables.map(parseTable).filter((t): t is TableChoice => t !== null)
    : [];
  const parameters: Record<string, number | string> = {};
  if (isRecord(x.parameters)) {
    for (const def of PARAMETERS) {
      const v = x.parameters[def.id];
      if ((typeof v === "number" && Number.isFinite(v)) || typeof v === "string")
        parameters[def.id] = v;
    }
  }
  let lastRun: LastRun | null = null;
  if (isRecord(x.lastRun) && typeof x.lastRun.runDate === "string") {
    lastRun = {
      runDate: x.lastRun.runDate,
      periodLabel: typeof x.lastRun.periodLabel === "string" ? x.lastRun.periodLabel : "",
      sources: Array.isArray(x.lastRun.sources)
        ? x.lastRun.sources.filter((s): s is string => typeof s === "string")
        : [],
      lang: x.lastRun.lang === "en" ? "en" : "fr",
      planSheets: x.lastRun.planSheets === true,
      summary: isSummary(x.lastRun.summary) ? x.lastRun.summary : null,
    };
  }
  let lastRefresh: LastRefresh | null = null;
  if (isRecord(x.lastRefresh) && typeof x.lastRefresh.date === "string") {
    lastRefresh = {
      date: x.lastRefresh.date,
      ok: x.lastRefresh.ok === true,
      message: typeof x.lastRefresh.message === "string" ? x.lastRefresh.message : "",
    };
  }
  return {
    version: SETTINGS_VERSION,
    tables,
    period: parsePeriodChoice(x.period),
    parameters,
    lastRun,
    lastRefresh,
  };
}

/** The period to analyse; undefined for "auto". Throws PeriodError (French) on an empty range. */
export function periodOf(choice: PeriodChoice): Period | undefined {
  switch (choice.mode) {
    case "auto":
      return undefined;
    case "year":
      return yearPeriod(choice.year);
    case "month":
      return monthPeriod(choice.year, choice.month);
    case "range":
      return rangePeriod(choice.fromYear, choice.fromMonth, choice.toYear, choice.toMonth);
  }
}

// ---------------------------------------------------------------------------------------------
// Parameters shown in the pane

/** Parameters the pane lets the user edit (kinds the pane can show: euros, percents, days). */
export const PANE_PARAMETERS: readonly ParameterDef[] = PARAMETERS.filter(
  (p) => p.kind === "eur" || p.kind === "percent" || p.kind === "days"
);

/** Shown first (thresholds and scenarios); the others are under "Tous les paramètres". */
export const MAIN_PARAMETER_IDS: readonly string[] = [
  "poolingScenarios.lowPercent",
  "poolingScenarios.centralPercent",
  "poolingScenarios.highPercent",
  "tailSpendThresholdCents.value",
  "bunchingLowPercent.value",
  "publicityThresholdCents.value",
  "defaultVatPercent.value",
];

export const LOCAL_DELAY_ID = "paymentDelayDays.localAuthority";
export const HOSPITAL_DELAY_ID = "paymentDelayDays.publicHospital";

/** Default sheet values (euros, fractions, days) of every parameter. */
export function defaultParameterValues(): Record<string, number | string> {
  const ref = defaultReferenceValues();
  const out: Record<string, number | string> = {};
  for (const def of PARAMETERS) {
    const v = toSheetValue(def.kind, parameterRaw(ref, def));
    if (v !== null) out[def.id] = v;
  }
  return out;
}

/** Entity type as implied by the DGP limit of entities without a type: 30 days → local authority. */
export type EntityType = "collectivite" | "sante" | "custom";

export function entityTypeOf(values: Record<string, number | string>): EntityType {
  const local = values[LOCAL_DELAY_ID];
  if (local === 30) return "collectivite";
  if (local === values[HOSPITAL_DELAY_ID]) return "sante";
  return "custom";
}
