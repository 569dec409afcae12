/**
 * The analysis as one function, shared by the pane (Analyser step) and the ribbon command
 * (Actualiser l'analyse): read the selected tables through the gateway and stream them to the
 * engine (lecture), let the engine check and compute (contrôle, indicateurs), then write the whole
 * spec (écriture). The write starts only once the spec is complete, and the gateway writes all or
 * nothing, so cancelling at any point leaves the workbook as it was.
 */
import { missingRequired } from "../core/detect";
import type { Cell } from "../core/model";
import type { Fiche } from "../core/peers/fiche";
import { SHEET_ORDER, type SheetKey, type WorkbookSpec } from "../report/spec";
import { INPUT_SHEET_KEYS, PLAN_KEYS, type RunSummary, type StageProgress } from "./jobs";
import { PaneError } from "./errors";
import { GatewayError } from "../workbook/errors";
import { throwIfAborted } from "../workbook/cancellation";
import { type SourceTable, type WorkbookGateway, type WriteReport } from "../workbook/gateway";
import type { Lang } from "./i18n";
import { ROW_BLOCK } from "./protocol";
import type { AnalysisRunner, RunnerFactory } from "./runner";
import { periodOf, type PaneSettings, type TableChoice } from "../workbook/settings";
import { detectSample, firstRowOf, reconcileChoice, SAMPLE_ROWS } from "./tables";

/** Watchdog for short gateway calls (office-js #6678: a sync may never settle). */
export const GATEWAY_TIMEOUT_MS = 60_000;

export function withTimeout<T>(
  promise: Promise<T>,
  ms = GATEWAY_TIMEOUT_MS,
  what = ""
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new GatewayError("timeout", `${what}: no answer after ${ms} ms`)),
      ms
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Lets the UI thread breathe between two blocks (paint, input, Cancel). */
function yieldToUi(): Promise<void> {
  if (typeof MessageChannel !== "undefined") {
    return new Promise((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        resolve();
      };
      ch.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface RunOptions {
  lang: Lang;
  /** ISO date-time of the run; default now. */
  runDate?: string;
  onProgress?: (progress: StageProgress) => void;
  signal?: AbortSignal;
  /** Sheets to write; default: the analysis sheets, plus the plan and diagnostic when they exist. */
  sheetKeys?: SheetKey[];
  /** Peers' fiches imported in the pane: the Comparaison sheet shows their quartiles. */
  peers?: Fiche[];
  /**
   * false: analyse only, write no sheet and save no settings (an export from the pane reopened
   * since the last run needs the analysis, not new sheets). Default true.
   */
  write?: boolean;
}

export interface RunOutcome {
  summary: RunSummary;
  report: WriteReport;
  /** Settings as saved after the run (lastRun set, pending parameters cleared). */
  settings: PaneSettings;
  /** Kept alive for rebuildSheets; the caller disposes it. */
  runner: AnalysisRunner;
  /** Settings could not be saved (the analysis itself succeeded). */
  settingsSaveFailed: boolean;
}

/** The selected tables, checked: a kind and every required column. Throws PaneError. */
export function selectedTables(
  settings: PaneSettings
): (TableChoice & { kind: NonNullable<TableChoice["kind"]> })[] {
  const selected = settings.tables.filter((t) => t.selected);
  if (!selected.some((t) => t.kind === "spend" || t.kind === "contracts"))
    throw new PaneError("noTables");
  const out: (TableChoice & { kind: NonNullable<TableChoice["kind"]> })[] = [];
  for (const t of selected) {
    if (t.kind === null) throw new PaneError("noKind", t.name);
    if (missingRequired(t.kind, t.mapping).length > 0)
      throw new PaneError("missingColumns", t.name);
    out.push(t as TableChoice & { kind: NonNullable<TableChoice["kind"]> });
  }
  return out;
}

/** Raw values of the owned input sheets (plan, diagnostic, parameters, history), keyed by sheet key. */
export async function readInputSheets(
  gateway: WorkbookGateway,
  keys: readonly SheetKey[] = INPUT_SHEET_KEYS
): Promise<{ values: Record<string, Cell[][]>; owned: Set<string> }> {
  const owned = await withTimeout(gateway.listOwnedSheets(), GATEWAY_TIMEOUT_MS, "listOwnedSheets");
  const wanted = owned.filter((s) => (keys as readonly string[]).includes(s.key));
  const byName =
    wanted.length > 0
      ? await withTimeout(
          gateway.readSheetValues(wanted.map((s) => s.name)),
          GATEWAY_TIMEOUT_MS,
          "readSheetValues"
        )
      : {};
  const values: Record<string, Cell[][]> = {};
  for (const s of wanted) if (byName[s.name]) values[s.key] = byName[s.name];
  return { values, owned: new Set(owned.map((s) => s.key)) };
}

/** Gateways whose task lock a task of this runtime holds, with how many tasks share it. */
const heldLocks = new WeakMap<WorkbookGateway, number>();

/**
 * Runs a task that writes to the workbook under the workbook's task lock (src/workbook/task-lock.ts):
 * refused with GatewayError "taskLocked" while the pane or the ribbon command runs another one.
 * A task started inside another one (the ribbon's refresh runs an analysis) shares its lock.
 */
export async function withTaskLock<T>(
  gateway: WorkbookGateway,
  task: string,
  work: () => Promise<T>
): Promise<T> {
  const held = heldLocks.get(gateway) ?? 0;
  if (held === 0) await withTimeout(gateway.beginTask(task), GATEWAY_TIMEOUT_MS, "beginTask");
  heldLocks.set(gateway, held + 1);
  try {
    return await work();
  } finally {
    const left = (heldLocks.get(gateway) ?? 1) - 1;
    if (left > 0) heldLocks.set(gateway, left);
    else {
      heldLocks.delete(gateway);
      await gateway.endTask();
    }
  }
}

/** Runs the analysis of `settings` and writes its sheets. Throws PaneError / GatewayError / PeriodError. */
export function runAnalysis(
  gateway: WorkbookGateway,
  settings: PaneSettings,
  createRunner: RunnerFactory,
  options: RunOptions
): Promise<RunOutcome> {
  selectedTables(settings); // a settings problem is told before the lock is taken
  return withTaskLock(gateway, "analysis", () =>
    runAnalysisLocked(gateway, settings, createRunner, options)
  );
}

async function runAnalysisLocked(
  gateway: WorkbookGateway,
  settings: PaneSettings,
  createRunner: RunnerFactory,
  options: RunOptions
): Promise<RunOutcome> {
  const { signal, lang } = options;
  const onProgress = options.onProgress ?? (() => undefined);
  const tables = selectedTables(settings);
  const period = periodOf(settings.period) ?? null;
  throwIfAborted(signal);

  const sources = await withTimeout(gateway.listTables(), GATEWAY_TIMEOUT_MS, "listTables");
  const sourceOf = new Map(sources.map((s) => [s.name, s] as const));
  const picked: SourceTable[] = tables.map((t) => {
    const s = sourceOf.get(t.name);
    if (!s) throw new GatewayError("tableNotFound", "", t.name);
    return s;
  });

  const inputs = await readInputSheets(gateway);
  const planExists = PLAN_KEYS.every((k) => inputs.owned.has(k));
  const sheetKeys = options.sheetKeys;
  throwIfAborted(signal);

  const runner = createRunner();
  const abort = () => runner.cancel();
  signal?.addEventListener("abort", abort);
  try {
    // Lecture: stream every table to the engine, block by block.
    const totalRows = picked.reduce((n, s) => n + s.rowCount, 0);
    let readRows = 0;
    onProgress({ stage: "read", done: 0, total: totalRows });
    runner.begin(tables.length);
    const meta: { firstRow: number; date1904: boolean; sheet?: string }[] = [];
    for (let i = 0; i < tables.length; i++) {
      const raw = await gateway.readTable(tables[i].name, {
        signal,
        onRows: async (rows) => {
          for (let start = 0; start < rows.length; start += ROW_BLOCK) {
            throwIfAborted(signal);
            const block = rows.slice(start, start + ROW_BLOCK);
            runner.addRows(i, block);
            readRows += block.length;
            onProgress({ stage: "read", done: Math.min(readRows, totalRows), total: totalRows });
            await yieldToUi();
          }
        },
      });
      meta.push({
        firstRow: raw.firstRow ?? firstRowOf(picked[i].address),
        date1904: raw.date1904 ?? false,
        sheet: raw.sheet ?? picked[i].sheet,
      });
    }
    onProgress({ stage: "read", done: totalRows, total: totalRows });
    throwIfAborted(signal);

    // Contrôle, indicateurs: in the worker.
    const keys = sheetKeys ?? defaultSheetKeys(planExists);
    const result = await runner.run(
      {
        tables: tables.map((t, i) => ({
          name: t.name,
          sheet: meta[i].sheet,
          kind: t.kind,
          headerRowIndex: t.headerRowIndex,
          mapping: t.mapping,
          firstRow: meta[i].firstRow,
          date1904: meta[i].date1904,
          rowCount: picked[i].rowCount,
        })),
        period,
        parameters: settings.parameters,
        previousSheets: inputs.values,
        runDate: options.runDate ?? new Date().toISOString(),
        lang,
        sheetKeys: keys,
        ...(options.peers && options.peers.length > 0 ? { peers: options.peers } : {}),
      },
      onProgress
    );
    throwIfAborted(signal);
    if (options.write === false)
      return {
        summary: result.summary,
        report: { sheets: [], renamed: [], warnings: [] },
        settings,
        runner,
        settingsSaveFailed: false,
      };

    // Écriture: all or nothing.
    const spec = result.spec;
    onProgress({ stage: "write", done: 0, total: spec.sheets.length });
    const report = await gateway.writeWorkbook(spec, {
      signal,
      onProgress: (p) => onProgress({ stage: "write", done: p.done, total: p.total }),
    });
    onProgress({ stage: "write", done: spec.sheets.length, total: spec.sheets.length });

    const summary: RunSummary = {
      ...result.summary,
      sheets: report.sheets.map((s) => ({ key: s.key, name: s.name })),
    };
    const next: PaneSettings = {
      ...settings,
      parameters: {},
      lastRefresh: null,
      lastRun: {
        runDate: summary.runDate,
        periodLabel: summary.period.label,
        sources: summary.sources,
        lang,
        planSheets: planExists || keys.some((k) => PLAN_KEYS.includes(k)),
        summary,
      },
    };
    let settingsSaveFailed = false;
    try {
      await withTimeout(gateway.saveSettings(next), GATEWAY_TIMEOUT_MS, "saveSettings");
    } catch (error) {
      settingsSaveFailed = true;
      console.warn("[Optima Achats] saveSettings:", error);
    }
    return { summary, report, settings: next, runner, settingsSaveFailed };
  } catch (error) {
    runner.dispose();
    throw error;
  } finally {
    signal?.removeEventListener("abort", abort);
  }
}

/** Analysis sheets, plus the plan and diagnostic when they already exist (refreshed, inputs kept). */
export function defaultSheetKeys(planExists: boolean): SheetKey[] {
  // The Comparaison sheet (issue #15) comes after Territoires, as the spec places it, then the
  // Calendrier des concessions (issue #11 §3) when the input holds concessions.
  return SHEET_ORDER.filter((k) => planExists || !PLAN_KEYS.includes(k)).flatMap((k): SheetKey[] =>
    k === "territoires" ? [k, "comparaison", "concessions"] : [k]
  );
}

/**
 * Writes some sheets again from the runner's last analysis, with what the user typed in the owned
 * sheets read back first: the plan and the diagnostic (PLAN_KEYS), or the policy documents
 * (DOCUMENT_KEYS: the user's once written, so a second call writes "(v2)" beside).
 */
export async function rebuildSheets(
  gateway: WorkbookGateway,
  runner: AnalysisRunner,
  keys: readonly SheetKey[],
  signal?: AbortSignal
): Promise<{ spec: WorkbookSpec; report: WriteReport }> {
  return withTaskLock(gateway, keys.join("+"), async () => {
    const inputs = await readInputSheets(gateway);
    throwIfAborted(signal);
    const spec = await runner.rebuild(inputs.values, [...keys]);
    throwIfAborted(signal);
    const report = await gateway.writeWorkbook(spec, { signal });
    return { spec, report };
  });
}

/**
 * The saved settings, checked against the workbook as it is now: tables that disappeared are
 * dropped, tables whose headers changed are detected again (the user did not edit them) or make
 * the run fail (they did). For the ribbon command, which has no UI to ask the user.
 */
export async function refreshedSettings(
  gateway: WorkbookGateway,
  settings: PaneSettings
): Promise<PaneSettings> {
  const sources = await withTimeout(gateway.listTables(), GATEWAY_TIMEOUT_MS, "listTables");
  const names = new Set(sources.map((s) => s.name));
  const tables: TableChoice[] = [];
  for (const saved of settings.tables) {
    if (!names.has(saved.name)) {
      if (saved.selected) throw new GatewayError("tableNotFound", "", saved.name);
      continue;
    }
    if (!saved.selected) {
      tables.push(saved);
      continue;
    }
    const sample = await gateway.readTable(saved.name, { maxRows: SAMPLE_ROWS });
    const { choice, changed } = reconcileChoice(
      saved,
      { sample, detection: detectSample(sample) },
      saved.name
    );
    if (changed && saved.edited) throw new PaneError("missingColumns", saved.name);
    tables.push(choice);
  }
  return { ...settings, tables };
}

/**
 * The ribbon's "Actualiser l'analyse": the last analysis again, with the saved settings, without
 * the pane. Throws PaneError("noSavedAnalysis") when the workbook has never been analysed.
 */
export async function runSavedAnalysis(
  gateway: WorkbookGateway,
  createRunner: RunnerFactory,
  options: Partial<RunOptions> = {}
): Promise<RunOutcome> {
  // The lock first: a refresh started while the pane writes is refused before it reads anything.
  return withTaskLock(gateway, "analysis", async () => {
    const saved = await withTimeout(gateway.loadSettings(), GATEWAY_TIMEOUT_MS, "loadSettings");
    if (!saved || !saved.lastRun) throw new PaneError("noSavedAnalysis");
    const settings = await refreshedSettings(gateway, saved);
    const outcome = await runAnalysis(gateway, settings, createRunner, {
      ...options,
      lang: options.lang ?? saved.lastRun.lang,
    });
    outcome.runner.dispose();
    return outcome;
  });
}

/**
 * Records the outcome of a ribbon refresh in the settings, for the pane to show when it opens
 * (function commands have no UI of their own). Best effort: never throws.
 */
export async function recordRefresh(
  gateway: WorkbookGateway,
  refresh: NonNullable<PaneSettings["lastRefresh"]>
): Promise<void> {
  try {
    const saved = await withTimeout(gateway.loadSettings(), GATEWAY_TIMEOUT_MS, "loadSettings");
    if (!saved) return;
    await withTimeout(
      gateway.saveSettings({ ...saved, lastRefresh: refresh }),
      GATEWAY_TIMEOUT_MS,
      "saveSettings"
    );
  } catch (error) {
    console.warn("[Optima Achats] recordRefresh:", error);
  }
}
