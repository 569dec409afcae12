/**
 * The pane's side effects, as one React hook: load the workbook's tables and saved settings when
 * the pane opens, save the user's choices back (debounced), run and cancel the analysis, import a
 * DECP file, write the plan sheets, activate a sheet. Every path ends in a state the user can act
 * on: no spinner is left running, every error becomes a sentence (errors.ts).
 */
import { useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import { readUserInputs } from "../report/inputs";
import type { SheetKey } from "../report/spec";
import { DOCUMENT_KEYS, PLAN_KEYS, type StageProgress } from "./jobs";
import { PaneError, isCancellation, logError, toUserMessage, type UserMessage } from "./errors";
import type { SourceTable, WorkbookGateway } from "../workbook/gateway";
import type { RunSummary } from "../workbook/run-summary";
import { t, type Lang } from "./i18n";
import {
  readInputSheets,
  rebuildSheets,
  runAnalysis,
  withTaskLock,
  withTimeout,
  type RunOutcome,
} from "./pipeline";
import type { AnalysisRunner, RunnerFactory } from "./runner";
import { PANE_PARAMETERS } from "./settings";
import {
  defaultPeriod,
  type LastRefresh,
  type LastRun,
  type PaneSettings,
  type PeriodChoice,
  type TableChoice,
} from "../workbook/settings";
import {
  initialState,
  isRunning,
  reducer,
  settingsOf,
  type Action,
  type ExchangeState,
  type ExchangeTask,
  type Notice,
  type State,
  type StepId,
  type TableState,
} from "./state";
import { choiceFromDetection, detectSample, reconcileChoice, SAMPLE_ROWS } from "./tables";
import { dayFromIso } from "../core/dates";
import type { Fiche } from "../core/peers/fiche";
import { MIN_BUYERS } from "../core/peers/quantiles";
import {
  FileProblem,
  fileNamePart,
  makeDownload,
  readComplementsFile,
  readPeerFiles,
  readText,
  revokeDownload,
} from "./exchange";
import type { Download } from "./state";

export interface PaneDeps {
  gateway: WorkbookGateway;
  createRunner: RunnerFactory;
  lang: Lang;
  /** Debounce of settings saves, ms (tests: 0). */
  saveDelayMs?: number;
}

export interface PaneActions {
  reload(): Promise<void>;
  goTo(step: StepId): void;
  setChoice(name: string, choice: TableChoice): void;
  setMappingTable(name: string): void;
  setPeriod(period: PeriodChoice): void;
  setParameter(id: string, value: number | string | null): void;
  run(): Promise<void>;
  cancel(): void;
  openSheet(name: string): Promise<void>;
  importDecp(file: File): Promise<void>;
  writePlan(): Promise<void>;
  writeDocuments(): Promise<void>;
  dismiss(id: string): void;
  /** The buyer's fiche de comparaison as a download (issue #15 §4). */
  exportFiche(anonymised: boolean): Promise<void>;
  /** Peers' fiches (.json): the Comparaison sheet written again with them; [] removes them. */
  importPeers(files: File[]): Promise<void>;
  /** The buyer's DECP 2024 as a download, with the contracts not written listed (issue #11 §4). */
  exportDecp(complements: File | null): Promise<void>;
}

const SAVE_DELAY_MS = 400;
/** Minimum time between two progress renders, ms. */
const PROGRESS_MS = 150;

async function sheetParametersOf(
  gateway: WorkbookGateway
): Promise<Record<string, number | string>> {
  const { values } = await readInputSheets(gateway, ["parametres"]);
  if (!values.parametres) return {};
  const read = readUserInputs({ parametres: values.parametres }).parameters;
  const out: Record<string, number | string> = {};
  for (const def of PANE_PARAMETERS) {
    const v = read[def.id];
    if (typeof v === "number" || typeof v === "string") out[def.id] = v;
  }
  return out;
}

export { readText };

/** What the pane shows when it opens: the workbook's tables, detected and reconciled with the saved choices. */
export interface LoadedPane {
  tables: TableState[];
  period: PeriodChoice;
  sheetParameters: Record<string, number | string>;
  parameters: Record<string, number | string>;
  lastRun: LastRun | null;
  lastRefresh: LastRefresh | null;
  notices: Notice[];
}

/** The tables of the workbook with their detected (or saved) choices; never throws for one table. */
async function loadTables(
  gateway: WorkbookGateway,
  saved: PaneSettings | null,
  lang: Lang
): Promise<{ tables: TableState[]; notices: Notice[]; sources: SourceTable[] }> {
  const sources = await withTimeout(gateway.listTables(), undefined, "listTables");
  const savedByName = new Map((saved?.tables ?? []).map((c) => [c.name, c] as const));
  const notices: Notice[] = [];
  const tables: TableState[] = [];
  for (const source of sources) {
    let sample = null;
    let detection = null;
    try {
      sample = await withTimeout(
        gateway.readTable(source.name, { maxRows: SAMPLE_ROWS }),
        undefined,
        "readTable"
      );
      detection = detectSample(sample);
    } catch (error) {
      logError(`readTable ${source.name}`, error);
    }
    const previous = savedByName.get(source.name);
    let choice: TableChoice;
    if (sample && detection) {
      const r = reconcileChoice(previous, { sample, detection }, source.name);
      choice = r.choice;
      if (r.changed)
        notices.push({
          id: `changed-${source.name}`,
          intent: "warning",
          text: t(lang, "tablesChanged", { name: source.name }),
        });
    } else {
      choice = previous ?? {
        name: source.name,
        selected: false,
        kind: null,
        headerRowIndex: 0,
        mapping: {},
        headers: [],
        edited: false,
      };
    }
    tables.push({ source, sample, detection, choice });
  }
  return { tables, notices, sources };
}

/** Notices about the saved state: a failed ribbon refresh, selected tables that are gone. */
function savedStateNotices(
  saved: PaneSettings | null,
  sources: SourceTable[],
  lang: Lang
): Notice[] {
  const notices: Notice[] = [];
  if (saved?.lastRefresh && !saved.lastRefresh.ok) {
    notices.push({
      id: "last-refresh",
      intent: "warning",
      text: t(lang, "refreshFailed", {
        date: saved.lastRefresh.date.slice(0, 10),
        message: saved.lastRefresh.message,
      }),
    });
  }
  const gone = (saved?.tables ?? [])
    .filter((c) => c.selected && !sources.some((s) => s.name === c.name))
    .map((c) => c.name);
  if (gone.length > 0)
    notices.push({
      id: "tables-gone",
      intent: "warning",
      text: t(lang, "tablesGone", { names: gone.join(", ") }),
    });
  return notices;
}

/** Everything the pane needs when it opens (settings, tables, parameters of the sheet). */
export async function loadPane(gateway: WorkbookGateway, lang: Lang): Promise<LoadedPane> {
  let saved: PaneSettings | null = null;
  try {
    saved = await withTimeout(gateway.loadSettings(), undefined, "loadSettings");
  } catch (error) {
    logError("loadSettings", error);
  }
  const { tables, notices, sources } = await loadTables(gateway, saved, lang);
  notices.push(...savedStateNotices(saved, sources, lang));
  let sheetParameters: Record<string, number | string> = {};
  try {
    sheetParameters = await sheetParametersOf(gateway);
  } catch (error) {
    logError("readSheetValues", error);
  }
  return {
    tables,
    period: saved?.period ?? defaultPeriod(),
    sheetParameters,
    parameters: saved?.parameters ?? {},
    lastRun: saved?.lastRun ?? null,
    lastRefresh: saved?.lastRefresh ?? null,
    notices,
  };
}

/** Notices after a run: sheets renamed, write warnings, settings not saved. */
export function runNotices(outcome: RunOutcome, lang: Lang): Notice[] {
  const notices: Notice[] = outcome.report.renamed.map((r) => ({
    id: `renamed-${r.key}`,
    intent: "warning" as const,
    text: t(lang, "renamedSheet", { wanted: r.wanted, name: r.name }),
  }));
  for (const [i, w] of outcome.report.warnings.entries())
    notices.push({ id: `write-warning-${i}`, intent: "info", text: w });
  if (outcome.settingsSaveFailed)
    notices.push({ id: "save-settings", intent: "warning", text: t(lang, "err_saveSettings") });
  return notices;
}

/** A progress sink that renders at most once per PROGRESS_MS (and at every stage change or end). */
export function throttledProgress(
  render: (progress: StageProgress) => void,
  now: () => number = Date.now
): (progress: StageProgress) => void {
  let lastStage = "";
  let lastTime = 0;
  return (progress) => {
    const time = now();
    if (
      progress.stage === lastStage &&
      time - lastTime < PROGRESS_MS &&
      progress.done < progress.total
    )
      return;
    lastStage = progress.stage;
    lastTime = time;
    render(progress);
  };
}

/** The last run once the plan sheets exist: planSheets set and the new sheets in its summary. */
export function withPlanSheets(
  lastRun: LastRun | null,
  summary: RunSummary | null,
  sheets: { key: SheetKey; name: string }[]
): LastRun | null {
  if (!lastRun) return null;
  const merged = summary
    ? {
        ...summary,
        sheets: [...summary.sheets.filter((s) => !sheets.some((x) => x.key === s.key)), ...sheets],
      }
    : null;
  return { ...lastRun, planSheets: true, summary: merged };
}

/** Today as AAAA-MM-JJ (the date a fiche or the DECP are written). */
function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A French sentence about a file the user picked, as the pane shows errors. */
function fileProblem(error: unknown, lang: Lang): UserMessage {
  if (error instanceof FileProblem) return { code: "badFile", message: error.message, detail: "" };
  return toUserMessage(error, lang);
}

/** Imports a DECP JSON file as a new contracts sheet, detected and selected. */
async function importDecpFile(
  gateway: WorkbookGateway,
  runner: AnalysisRunner,
  file: File,
  lang: Lang
): Promise<{ table: TableState; message: string }> {
  const text = await readText(file);
  let result;
  try {
    result = await runner.importDecp(text, file.name);
  } catch (error) {
    if (error instanceof PaneError && (error.code === "decpInvalid" || error.code === "decpEmpty"))
      throw new PaneError(error.code, file.name, error.detail);
    throw error;
  }
  const table = result.table;
  const source = await withTaskLock(gateway, "decp", () =>
    withTimeout(gateway.addContractsSheet(table), undefined, "addContractsSheet")
  );
  const sample = await withTimeout(
    gateway.readTable(source.name, { maxRows: SAMPLE_ROWS }),
    undefined,
    "readTable"
  );
  const detection = detectSample(sample);
  const choice = { ...choiceFromDetection(source.name, detection), selected: true };
  let message = t(lang, "decpImported", { n: result.imported, sheet: source.sheet });
  if (result.rejected > 0)
    message += ` ${t(lang, "decpRejected", { n: result.rejected, reasons: result.reasons.join(" ; ") })}`;
  return { table: { source, sample, detection, choice }, message };
}

/**
 * One task writing to the workbook at a time (an analysis, the plan, the documents, a DECP
 * import): a second one started meanwhile (a double click, the run button during a plan write) is
 * refused with a French message rather than racing the first one's writes. Set synchronously, so
 * that two clicks in the same tick cannot both start.
 */
export class WorkbookTaskGuard {
  private current: string | null = null;

  /** Starts `task`; false (and nothing started) when another task is under way. */
  begin(task: string): boolean {
    if (this.current !== null) return false;
    this.current = task;
    return true;
  }

  end(task: string): void {
    if (this.current === task) this.current = null;
  }

  get busy(): boolean {
    return this.current !== null;
  }
}

/** The notice of a task refused because another one is under way. */
export function busyNotice(lang: Lang): Notice {
  return { id: "workbook-busy", intent: "warning", text: t(lang, "err_taskRunning") };
}

export function usePane(deps: PaneDeps): { state: State; actions: PaneActions } {
  const { gateway, createRunner, lang } = deps;
  const [state, dispatch] = useReducer(reducer, lang, initialState);
  const stateRef = useRef(state);
  stateRef.current = state;
  const abortRef = useRef<AbortController | null>(null);
  const runnerRef = useRef<AnalysisRunner | null>(null);
  const loadedRef = useRef(false);
  const mounted = useRef(true);
  /** Peers' fiches imported in this session: every later run compares with them too. */
  const peersRef = useRef<Fiche[]>([]);
  /** Object URLs offered for download, revoked when replaced or when the pane closes. */
  const downloadsRef = useRef<Partial<Record<"fiche" | "decp" | "template", Download>>>({});
  const guard = useRef(new WorkbookTaskGuard()).current;

  const notice = useCallback((n: Notice) => dispatch({ type: "notice", notice: n }), []);

  const save = useCallback(
    async (settings: PaneSettings) => {
      try {
        await withTimeout(gateway.saveSettings(settings), undefined, "saveSettings");
      } catch (error) {
        logError("saveSettings", error);
        notice({ id: "save-settings", intent: "warning", text: t(lang, "err_saveSettings") });
      }
    },
    [gateway, lang, notice]
  );

  const reload = useCallback(async () => {
    dispatch({ type: "loading" });
    try {
      const loaded = await loadPane(gateway, lang);
      if (!mounted.current) return;
      dispatch({ type: "loaded", initial: !loadedRef.current, ...loaded });
      loadedRef.current = true;
    } catch (error) {
      logError("load", error);
      if (mounted.current) dispatch({ type: "loadFailed", error: toUserMessage(error, lang) });
    }
  }, [gateway, lang]);

  useEffect(() => {
    mounted.current = true;
    void reload();
    return () => {
      mounted.current = false;
      abortRef.current?.abort();
      runnerRef.current?.dispose();
      for (const d of Object.values(downloadsRef.current)) revokeDownload(d);
      downloadsRef.current = {};
    };
  }, [reload]);

  // Save the user's choices (debounced) once loaded, never during a run (the run saves them).
  const choicesKey = useMemo(
    () => JSON.stringify([state.tables.map((x) => x.choice), state.period, state.parameters]),
    [state.tables, state.period, state.parameters]
  );
  const lastSaved = useRef<string | null>(null);
  useEffect(() => {
    if (state.loading || !loadedRef.current || isRunning(state)) return;
    if (lastSaved.current === null) {
      lastSaved.current = choicesKey;
      return;
    }
    if (lastSaved.current === choicesKey) return;
    const timer = setTimeout(() => {
      lastSaved.current = choicesKey;
      void save(settingsOf(stateRef.current));
    }, deps.saveDelayMs ?? SAVE_DELAY_MS);
    return () => clearTimeout(timer);
    // Saves when the user's choices change (choicesKey), not on every state change.
  }, [choicesKey, state.loading, state.run.phase]);

  const run = useCallback(async () => {
    if (isRunning(stateRef.current) || !guard.begin("run")) {
      notice(busyNotice(lang));
      return;
    }
    const controller = new AbortController();
    abortRef.current = controller;
    runnerRef.current?.dispose();
    runnerRef.current = null;
    dispatch({ type: "runStarted" });
    // At most one progress render per PROGRESS_MS (and every stage change), to keep the UI thread free.
    const onProgress = throttledProgress((progress) => dispatch({ type: "runProgress", progress }));
    try {
      const outcome = await runAnalysis(gateway, settingsOf(stateRef.current), createRunner, {
        lang,
        signal: controller.signal,
        onProgress,
        peers: peersRef.current,
      });
      if (!mounted.current) {
        outcome.runner.dispose();
        return;
      }
      // The files exported from the previous analysis are gone with it.
      for (const d of Object.values(downloadsRef.current)) revokeDownload(d);
      downloadsRef.current = {};
      runnerRef.current = outcome.runner;
      lastSaved.current = JSON.stringify([
        stateRef.current.tables.map((x) => x.choice),
        stateRef.current.period,
        {},
      ]);
      let sheetParameters = stateRef.current.sheetParameters;
      try {
        sheetParameters = await sheetParametersOf(gateway);
      } catch (error) {
        logError("readSheetValues", error);
      }
      dispatch({
        type: "runFinished",
        summary: outcome.summary,
        lastRun: outcome.settings.lastRun!,
        sheetParameters,
      });
      for (const n of runNotices(outcome, lang)) notice(n);
    } catch (error) {
      if (!mounted.current) return;
      if (isCancellation(error)) dispatch({ type: "runCancelled" });
      else {
        logError("run", error);
        dispatch({ type: "runFailed", error: toUserMessage(error, lang) });
      }
    } finally {
      if (abortRef.current === controller) abortRef.current = null;
      guard.end("run");
    }
  }, [gateway, createRunner, lang, notice, guard]);

  const cancel = useCallback(() => {
    if (!abortRef.current) return;
    dispatch({ type: "runCancelling" });
    abortRef.current.abort();
  }, []);

  const openSheet = useCallback(
    async (name: string) => {
      try {
        await withTimeout(gateway.activateSheet(name), undefined, "activateSheet");
      } catch (error) {
        logError("activateSheet", error);
        notice({ id: `open-${name}`, intent: "error", text: toUserMessage(error, lang).message });
      }
    },
    [gateway, lang, notice]
  );

  const importDecp = useCallback(
    async (file: File) => {
      if (!guard.begin("decp")) {
        notice(busyNotice(lang));
        return;
      }
      dispatch({ type: "decpStarted" });
      let runner: AnalysisRunner | null = null;
      try {
        runner = createRunner();
        const { table, message } = await importDecpFile(gateway, runner, file, lang);
        if (mounted.current) dispatch({ type: "decpDone", table, message });
      } catch (error) {
        logError("importDecp", error);
        if (mounted.current) dispatch({ type: "decpFailed", error: toUserMessage(error, lang) });
      } finally {
        runner?.dispose();
        guard.end("decp");
      }
    },
    [gateway, createRunner, lang, notice, guard]
  );

  const writePlan = useCallback(async () => {
    if (!guard.begin("plan")) {
      notice(busyNotice(lang));
      return;
    }
    dispatch({ type: "planStarted" });
    try {
      let sheets: { key: SheetKey; name: string }[];
      if (runnerRef.current) {
        const { report } = await rebuildSheets(gateway, runnerRef.current, PLAN_KEYS);
        sheets = report.sheets.map((s) => ({ key: s.key, name: s.name }));
      } else {
        // The pane was reopened since the last run: analyse again, writing the plan sheets only.
        const outcome = await runAnalysis(gateway, settingsOf(stateRef.current), createRunner, {
          lang,
          sheetKeys: [...PLAN_KEYS],
        });
        runnerRef.current = outcome.runner;
        sheets = outcome.report.sheets.map((s) => ({ key: s.key, name: s.name }));
      }
      const lastRun = withPlanSheets(stateRef.current.lastRun, stateRef.current.summary, sheets);
      if (lastRun) await save({ ...settingsOf(stateRef.current), lastRun });
      dispatch({ type: "planDone", message: t(lang, "planDone"), lastRun, sheets });
    } catch (error) {
      logError("writePlan", error);
      dispatch({ type: "planFailed", error: toUserMessage(error, lang) });
    } finally {
      guard.end("plan");
    }
  }, [gateway, createRunner, lang, save, notice, guard]);

  const writeDocuments = useCallback(async () => {
    if (!guard.begin("documents")) {
      notice(busyNotice(lang));
      return;
    }
    dispatch({ type: "documentsStarted" });
    try {
      let report;
      if (runnerRef.current)
        ({ report } = await rebuildSheets(gateway, runnerRef.current, DOCUMENT_KEYS));
      else {
        // The pane was reopened since the last run: analyse again, writing the documents only.
        const outcome = await runAnalysis(gateway, settingsOf(stateRef.current), createRunner, {
          lang,
          sheetKeys: [...DOCUMENT_KEYS],
        });
        runnerRef.current = outcome.runner;
        report = outcome.report;
      }
      const names = report.sheets.map((s) => `« ${s.name} »`).join(", ");
      dispatch({ type: "documentsDone", message: t(lang, "documentsDone", { names }) });
    } catch (error) {
      logError("writeDocuments", error);
      dispatch({ type: "documentsFailed", error: toUserMessage(error, lang) });
    } finally {
      guard.end("documents");
    }
  }, [gateway, createRunner, lang, notice, guard]);

  /**
   * The runner holding the last analysis: this session's, else the saved choices analysed again
   * without writing any sheet (the pane was reopened since the last run).
   */
  const analysedRunner = useCallback(async (): Promise<AnalysisRunner> => {
    if (runnerRef.current) return runnerRef.current;
    const outcome = await runAnalysis(gateway, settingsOf(stateRef.current), createRunner, {
      lang,
      write: false,
      peers: peersRef.current,
    });
    runnerRef.current = outcome.runner;
    return outcome.runner;
  }, [gateway, createRunner, lang]);

  /** Offers a text as a download, revoking the previous file of the same kind. */
  const offer = useCallback(
    (kind: "fiche" | "decp" | "template", text: string, fileName: string) => {
      revokeDownload(downloadsRef.current[kind]);
      const download = makeDownload(text, fileName);
      downloadsRef.current[kind] = download;
      return download;
    },
    []
  );

  /** Sets part of one exchange task's state (fiche, peers, DECP export). */
  const setExchange = useCallback(
    <K extends ExchangeTask>(task: K, patch: Partial<ExchangeState[K]>) =>
      dispatch({ type: "exchange", task, patch } as Action),
    []
  );

  /**
   * Runs one exchange task with its busy/error state: marks it busy (clearing its last message and
   * error, plus `reset`), runs `work`, and on a failure logs it under `where` and shows the French
   * message, clearing `onFailure` too (the files of a previous success, say). `work` sets the
   * outcome itself (busy: false) and returns early when the pane was closed meanwhile.
   */
  const runExchange = useCallback(
    async <K extends ExchangeTask>(
      task: K,
      where: string,
      { reset, onFailure }: { reset?: Partial<ExchangeState[K]>; onFailure?: Partial<ExchangeState[K]> },
      work: () => Promise<void>
    ) => {
      setExchange(task, { busy: true, error: null, message: null, ...reset } as Partial<ExchangeState[K]>);
      try {
        await work();
      } catch (error) {
        logError(where, error);
        if (mounted.current)
          setExchange(task, {
            busy: false,
            error: toUserMessage(error, lang),
            ...onFailure,
          } as Partial<ExchangeState[K]>);
      }
    },
    [setExchange, lang]
  );

  const exportFiche = useCallback(
    (anonymised: boolean) =>
      runExchange("fiche", "exportFiche", { onFailure: { download: null } }, async () => {
        const runner = await analysedRunner();
        const r = await runner.fiche({ anonymised, createdOn: todayIso() });
        if (!mounted.current) return;
        const name = `fiche-comparaison-${fileNamePart(r.fiche.period.label)}${anonymised ? "-anonyme" : ""}.json`;
        const download = offer("fiche", r.json, name);
        const message = t(lang, "ficheReady", {
          label: r.fiche.label,
          category: r.categoryLabel,
          band: r.bandLabel,
          period: r.fiche.period.label,
          n: Object.keys(r.fiche.kpis).length,
        });
        setExchange("fiche", { busy: false, message, download });
      }),
    [runExchange, setExchange, analysedRunner, offer, lang]
  );

  const importPeers = useCallback(
    async (files: File[]) => {
      // Rewriting the Comparaison sheet is a workbook task: one at a time.
      if (!guard.begin("peers")) {
        notice(busyNotice(lang));
        return;
      }
      try {
        await runExchange("peers", "importPeers", { reset: { problems: [] } }, async () => {
          const { fiches, problems } = await readPeerFiles(files);
          if (problems.length > 0) {
            // All or nothing: the peer group is exactly the files the user chose.
            setExchange("peers", { busy: false, problems });
            return;
          }
          const runner = await analysedRunner();
          const inputs = await readInputSheets(gateway);
          const peers = fiches.map((f) => f.fiche);
          const result = await runner.comparePeers(inputs.values, peers);
          const report = await withTaskLock(gateway, "comparaison", () =>
            gateway.writeWorkbook(result.spec)
          );
          peersRef.current = peers;
          const sheet = report.sheets.find((s) => s.key === "comparaison")?.name ?? "Comparaison";
          let message =
            peers.length === 0
              ? t(lang, "peersCleared", { sheet })
              : t(lang, "peersDone", { sheet, n: result.compared });
          if (result.excludedOwn > 0) message += ` ${t(lang, "peersOwn", { n: result.excludedOwn })}`;
          if (peers.length > 0 && result.compared < MIN_BUYERS)
            message += ` ${t(lang, "peersFew", { min: MIN_BUYERS })}`;
          if (mounted.current)
            setExchange("peers", { busy: false, message, files: fiches.map((f) => f.file) });
        });
      } finally {
        guard.end("peers");
      }
    },
    [runExchange, setExchange, analysedRunner, gateway, lang, notice, guard]
  );

  const exportDecp = useCallback(
    (complementsFile: File | null) =>
      runExchange(
        "decpExport",
        "exportDecp",
        { reset: { notWritten: [] }, onFailure: { download: null, template: null } },
        async () => {
          let complements;
          try {
            complements = complementsFile ? await readComplementsFile(complementsFile) : undefined;
          } catch (error) {
            setExchange("decpExport", {
              busy: false,
              error: fileProblem(error, lang),
              download: null,
              template: null,
            });
            return;
          }
          const runner = await analysedRunner();
          const today = todayIso();
          const r = await runner.exportDecp({ publicationDay: dayFromIso(today), complements });
          if (!mounted.current) return;
          if (r.written + r.notWritten.length + r.belowThreshold === 0) {
            setExchange("decpExport", {
              busy: false,
              message: t(lang, "decpExportNone"),
              download: null,
              template: null,
            });
            return;
          }
          const download = r.written > 0 ? offer("decp", r.json, `decp-${today}.json`) : null;
          const template =
            r.notWritten.length > 0
              ? offer("template", JSON.stringify(r.template, null, 2) + "\n", "complements-decp.json")
              : null;
          const message = t(lang, "decpExportDone", {
            written: r.written,
            notWritten: r.notWritten.length,
            below: r.belowThreshold,
          });
          setExchange("decpExport", { busy: false, message, download, template, notWritten: r.notWritten });
        }
      ),
    [runExchange, setExchange, analysedRunner, offer, lang]
  );

  const actions = useMemo<PaneActions>(
    () => ({
      reload,
      goTo: (step) => dispatch({ type: "goTo", step }),
      setChoice: (name, choice) => dispatch({ type: "setChoice", name, choice }),
      setMappingTable: (name) => dispatch({ type: "mappingTable", name }),
      setPeriod: (period) => dispatch({ type: "setPeriod", period }),
      setParameter: (id, value) => dispatch({ type: "setParameter", id, value }),
      run,
      cancel,
      openSheet,
      importDecp,
      writePlan,
      writeDocuments,
      dismiss: (id) => dispatch({ type: "dismiss", id }),
      exportFiche,
      importPeers,
      exportDecp,
    }),
    [
      reload,
      run,
      cancel,
      openSheet,
      importDecp,
      writePlan,
      writeDocuments,
      exportFiche,
      importPeers,
      exportDecp,
    ]
  );
  return { state, actions };
}
