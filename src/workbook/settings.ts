/**
 * What the add-in remembers in the workbook (gateway.saveSettings → Office.js `workbook.settings`):
 * the tables to analyse with their kind and column mapping, the period, the parameters changed in
 * the pane and not yet written to the Paramètres sheet, and the last run (for the ribbon's
 * "Actualiser l'analyse" command). Plain JSON, versioned, read through a schema: anything
 * unreadable is dropped or replaced by its default, never trusted.
 *
 * Parameters: the Paramètres sheet is the source of truth. The pane shows its values (or the
 * defaults of SPEC §3 when the sheet does not exist yet); values edited in the pane are kept here
 * as pending overrides, written into the Paramètres sheet by the next analysis, then cleared.
 */
import * as v from "valibot";
import { storedJson } from "./stored-json";
import type { TableKind } from "../core/model";
import { monthPeriod, rangePeriod, yearPeriod, type Period } from "../core/period";
import type { Lang } from "../report/labels";
import { PARAMETERS } from "../report/parameters";
import type { RunSummary } from "./run-summary";

export const SETTINGS_VERSION = 1;

export type PeriodMode = "auto" | "year" | "month" | "range";

export interface PeriodChoice {
  /** "auto": the engine's automatic period. */
  mode: PeriodMode;
  year: number;
  month: number;
  fromYear: number;
  fromMonth: number;
  toYear: number;
  toMonth: number;
}

const KINDS = [
  "spend",
  "contracts",
  "entities",
  "nomenclature",
  "suppliers",
  "territories",
  "quality",
] as const satisfies
  readonly TableKind[];

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

// ---------------------------------------------------------------------------------------------
// The schema. Each field falls back to its default when unreadable, so one bad value never costs
// the user the rest of the settings; a table entry without a name is dropped.

const intIn = (min: number, max: number) =>
  v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
const flag = v.fallback(v.boolean(), false);
const text = v.fallback(v.string(), "");

/** Keeps the entries of a record whose value passes `value`, drops the others. */
const recordOf = <T>(value: v.GenericSchema<unknown, T>) =>
  v.pipe(
    v.fallback(v.record(v.string(), v.unknown()), {}),
    v.transform((r) => {
      const out: Record<string, T> = {};
      for (const [k, x] of Object.entries(r)) {
        const parsed = v.safeParse(value, x);
        if (parsed.success) out[k] = parsed.output;
      }
      return out;
    })
  );

/** Keeps the items of an array that pass `item`, drops the others. */
const listOf = <T>(item: v.GenericSchema<unknown, T>) =>
  v.pipe(
    v.fallback(v.array(v.unknown()), []),
    v.transform((xs) =>
      xs.flatMap((x) => {
        const parsed = v.safeParse(item, x);
        return parsed.success ? [parsed.output] : [];
      })
    )
  );

const TableSchema = v.object({
  name: v.pipe(v.string(), v.minLength(1)),
  selected: flag,
  kind: v.fallback(v.nullable(v.picklist(KINDS)), null),
  headerRowIndex: v.fallback(intIn(0, 1_048_575), 0),
  mapping: recordOf(intIn(0, 16_383)),
  headers: v.pipe(
    v.fallback(v.array(v.unknown()), []),
    v.transform((hs) => hs.map((h) => (typeof h === "string" ? h : "")))
  ),
  edited: flag,
});

function periodSchema() {
  const d = defaultPeriod();
  const year = (fallback: number) => v.fallback(intIn(1990, 2100), fallback);
  const month = (fallback: number) => v.fallback(intIn(1, 12), fallback);
  return v.fallback(
    v.object({
      mode: v.fallback(v.picklist(["auto", "year", "month", "range"] as const), "auto"),
      year: year(d.year),
      month: month(d.month),
      fromYear: year(d.fromYear),
      fromMonth: month(d.fromMonth),
      toYear: year(d.toYear),
      toMonth: month(d.toMonth),
    }),
    d
  );
}

/** A stored summary is shown as it is: only its shape is checked. */
const SummarySchema = v.custom<RunSummary>(
  (x) =>
    isRecord(x) &&
    Array.isArray(x.kpis) &&
    Array.isArray(x.sheets) &&
    isRecord(x.reconciliation) &&
    isRecord(x.period) &&
    typeof x.runDate === "string" &&
    typeof x.alertCount === "number" &&
    typeof x.anomalyCount === "number"
);

const LastRunSchema = v.object({
  runDate: v.string(),
  periodLabel: text,
  sources: listOf(v.string()),
  lang: v.fallback(v.picklist(["fr", "en"] as const), "fr"),
  planSheets: flag,
  summary: v.fallback(v.nullable(SummarySchema), null),
});

const LastRefreshSchema = v.object({ date: v.string(), ok: flag, message: text });

const KNOWN_PARAMETERS = new Set(PARAMETERS.map((p) => p.id));
const ParameterValue = v.union([v.pipe(v.number(), v.finite()), v.string()]);

function settingsSchema() {
  return v.object({
    version: v.literal(SETTINGS_VERSION),
    tables: listOf(TableSchema),
    period: periodSchema(),
    parameters: v.pipe(
      recordOf(ParameterValue),
      v.transform((ps) =>
        Object.fromEntries(Object.entries(ps).filter(([id]) => KNOWN_PARAMETERS.has(id)))
      )
    ),
    lastRun: v.fallback(v.nullable(LastRunSchema), null),
    lastRefresh: v.fallback(v.nullable(LastRefreshSchema), null),
  });
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** Settings read back from the workbook (a JSON string or an object); null when unusable. */
export function parseSettings(raw: unknown): PaneSettings | null {
  const x = storedJson(raw);
  if (x === undefined) return null;
  const parsed = v.safeParse(settingsSchema(), x);
  return parsed.success ? (parsed.output as PaneSettings) : null;
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
