/**
 * The pane's state and its reducer: pure, no side effects (those live in controller.ts). One
 * state object per pane instance, no globals.
 */
import type { TableDetection } from "../core/detect";
import type { RawTable } from "../core/model";
import type { SheetKey } from "../report/spec";
import type { RunSummary, StageId, StageProgress } from "./jobs";
import type { UserMessage } from "./errors";
import type { SourceTable } from "../workbook/gateway";
import type { Lang } from "./i18n";
import type { LastRefresh, LastRun, PaneSettings, PeriodChoice, TableChoice } from "../workbook/settings";
import { SETTINGS_VERSION, defaultPeriod } from "../workbook/settings";

export type StepId = "sources" | "mapping" | "period" | "run" | "results";
export const STEPS: readonly StepId[] = ["sources", "mapping", "period", "run", "results"];

export interface TableState {
  source: SourceTable;
  /** First rows (detection, preview); null when they could not be read. */
  sample: RawTable | null;
  detection: TableDetection | null;
  choice: TableChoice;
}

export type RunPhase = "idle" | "running" | "cancelling" | "done" | "cancelled" | "error";

export interface RunState {
  phase: RunPhase;
  progress: Partial<Record<StageId, { done: number; total: number }>>;
  current: StageId | null;
  error: UserMessage | null;
}

export interface Notice {
  id: string;
  intent: "info" | "success" | "warning" | "error";
  text: string;
}

export interface TaskState {
  busy: boolean;
  error: UserMessage | null;
  message: string | null;
}

/** A file the pane made, offered as a download link (object URL, revoked by the controller). */
export interface Download {
  url: string;
  fileName: string;
  /** The file's text, for webviews that refuse downloads (copied to the clipboard instead). */
  text: string;
}

/** Peer exchange and publication (issues #15 §4 and #11 §4): what the pane exports or imports. */
export interface ExchangeState {
  fiche: TaskState & { download: Download | null };
  /** Peers' fiches: the files in use, or the problems of the files refused. */
  peers: TaskState & { files: string[]; problems: string[] };
  decpExport: TaskState & {
    download: Download | null;
    /** Complements skeleton of the contracts not written (JSON to fill in). */
    template: Download | null;
    notWritten: string[];
  };
}

export type ExchangeTask = keyof ExchangeState;

export interface State {
  lang: Lang;
  step: StepId;
  loading: boolean;
  /** The workbook could not be read at all. */
  loadError: UserMessage | null;
  tables: TableState[];
  /** Table shown in the Columns step. */
  mappingTable: string | null;
  period: PeriodChoice;
  /** Parameter values of the Paramètres sheet (sheet units), when the sheet exists. */
  sheetParameters: Record<string, number | string>;
  /** Values edited in the pane, not yet written to the sheet. */
  parameters: Record<string, number | string>;
  lastRun: LastRun | null;
  /** Outcome of the last ribbon refresh, kept as it was read. */
  lastRefresh: LastRefresh | null;
  run: RunState;
  summary: RunSummary | null;
  notices: Notice[];
  decp: TaskState;
  plan: TaskState;
  /** Writing the policy documents (charte, code des fournisseurs). */
  documents: TaskState;
  exchange: ExchangeState;
}

const idleTask: TaskState = { busy: false, error: null, message: null };
const idleRun: RunState = { phase: "idle", progress: {}, current: null, error: null };
const idleExchange: ExchangeState = {
  fiche: { ...idleTask, download: null },
  peers: { ...idleTask, files: [], problems: [] },
  decpExport: { ...idleTask, download: null, template: null, notWritten: [] },
};

export function initialState(lang: Lang): State {
  return {
    lang,
    step: "sources",
    loading: true,
    loadError: null,
    tables: [],
    mappingTable: null,
    period: defaultPeriod(),
    sheetParameters: {},
    parameters: {},
    lastRun: null,
    lastRefresh: null,
    run: idleRun,
    summary: null,
    notices: [],
    decp: idleTask,
    plan: idleTask,
    documents: idleTask,
    exchange: idleExchange,
  };
}

export type Action =
  | { type: "loading" }
  | {
      type: "loaded";
      /** First load of this pane (then a saved result opens the Results step). */
      initial: boolean;
      tables: TableState[];
      period: PeriodChoice;
      sheetParameters: Record<string, number | string>;
      parameters: Record<string, number | string>;
      lastRun: LastRun | null;
      lastRefresh: LastRefresh | null;
      notices: Notice[];
    }
  | { type: "loadFailed"; error: UserMessage }
  | { type: "goTo"; step: StepId }
  | { type: "setChoice"; name: string; choice: TableChoice }
  | { type: "mappingTable"; name: string }
  | { type: "setPeriod"; period: PeriodChoice }
  | { type: "setParameter"; id: string; value: number | string | null }
  | { type: "runStarted" }
  | { type: "runProgress"; progress: StageProgress }
  | { type: "runCancelling" }
  | {
      type: "runFinished";
      summary: RunSummary;
      lastRun: LastRun;
      sheetParameters: Record<string, number | string>;
    }
  | { type: "runCancelled" }
  | { type: "runFailed"; error: UserMessage }
  | { type: "decpStarted" }
  | { type: "decpDone"; table: TableState; message: string }
  | { type: "decpFailed"; error: UserMessage }
  | { type: "planStarted" }
  | {
      type: "planDone";
      message: string;
      lastRun: LastRun | null;
      sheets: { key: SheetKey; name: string }[];
    }
  | { type: "planFailed"; error: UserMessage }
  | { type: "documentsStarted" }
  | { type: "documentsDone"; message: string }
  | { type: "documentsFailed"; error: UserMessage }
  | { type: "exchange"; task: "fiche"; patch: Partial<ExchangeState["fiche"]> }
  | { type: "exchange"; task: "peers"; patch: Partial<ExchangeState["peers"]> }
  | { type: "exchange"; task: "decpExport"; patch: Partial<ExchangeState["decpExport"]> }
  | { type: "notice"; notice: Notice }
  | { type: "dismiss"; id: string };

function firstMappable(tables: TableState[]): string | null {
  return (tables.find((t) => t.choice.selected) ?? tables[0])?.source.name ?? null;
}

export function reducer(state: State, action: Action): State {
  switch (action.type) {
    case "loading":
      return { ...state, loading: true, loadError: null };
    case "loaded": {
      const summary = action.lastRun?.summary ?? null;
      return {
        ...state,
        loading: false,
        loadError: null,
        tables: action.tables,
        mappingTable:
          state.mappingTable && action.tables.some((t) => t.source.name === state.mappingTable)
            ? state.mappingTable
            : firstMappable(action.tables),
        period: action.period,
        sheetParameters: action.sheetParameters,
        parameters: action.parameters,
        lastRun: action.lastRun,
        lastRefresh: action.lastRefresh,
        summary: state.summary ?? summary,
        step: action.initial && summary ? "results" : state.step,
        notices: [
          ...state.notices.filter((n) => !action.notices.some((m) => m.id === n.id)),
          ...action.notices,
        ],
      };
    }
    case "loadFailed":
      return { ...state, loading: false, loadError: action.error };
    case "goTo":
      return { ...state, step: action.step };
    case "setChoice":
      return {
        ...state,
        tables: state.tables.map((t) =>
          t.source.name === action.name ? { ...t, choice: action.choice } : t
        ),
      };
    case "mappingTable":
      return { ...state, mappingTable: action.name };
    case "setPeriod":
      return { ...state, period: action.period };
    case "setParameter": {
      const parameters = { ...state.parameters };
      if (action.value === null) delete parameters[action.id];
      else parameters[action.id] = action.value;
      return { ...state, parameters };
    }
    case "runStarted":
      return { ...state, run: { phase: "running", progress: {}, current: "read", error: null } };
    case "runProgress": {
      if (state.run.phase !== "running" && state.run.phase !== "cancelling") return state;
      const { stage, done, total } = action.progress;
      return {
        ...state,
        run: {
          ...state.run,
          current: stage,
          progress: { ...state.run.progress, [stage]: { done, total } },
        },
      };
    }
    case "runCancelling":
      return state.run.phase === "running"
        ? { ...state, run: { ...state.run, phase: "cancelling" } }
        : state;
    case "runFinished":
      return {
        ...state,
        run: { ...state.run, phase: "done", current: null },
        summary: action.summary,
        lastRun: action.lastRun,
        lastRefresh: null,
        parameters: {},
        sheetParameters: action.sheetParameters,
        step: "results",
        plan: idleTask,
        documents: idleTask,
        // A new analysis: the files exported from the previous one are gone (the imported peers stay).
        exchange: {
          ...idleExchange,
          peers: { ...idleExchange.peers, files: state.exchange.peers.files },
        },
      };
    case "runCancelled":
      return { ...state, run: { ...idleRun, phase: "cancelled" } };
    case "runFailed":
      return {
        ...state,
        run: { ...state.run, phase: "error", current: null, error: action.error },
      };
    case "decpStarted":
      return { ...state, decp: { busy: true, error: null, message: null } };
    case "decpDone":
      return {
        ...state,
        decp: { busy: false, error: null, message: action.message },
        tables: [
          ...state.tables.filter((t) => t.source.name !== action.table.source.name),
          action.table,
        ],
      };
    case "decpFailed":
      return { ...state, decp: { busy: false, error: action.error, message: null } };
    case "planStarted":
      return { ...state, plan: { busy: true, error: null, message: null } };
    case "planDone": {
      const summary = state.summary
        ? {
            ...state.summary,
            sheets: [
              ...state.summary.sheets.filter((s) => !action.sheets.some((x) => x.key === s.key)),
              ...action.sheets,
            ],
          }
        : null;
      const lastRun = action.lastRun ? { ...action.lastRun, summary } : state.lastRun;
      return {
        ...state,
        plan: { busy: false, error: null, message: action.message },
        lastRun,
        summary,
      };
    }
    case "planFailed":
      return { ...state, plan: { busy: false, error: action.error, message: null } };
    case "documentsStarted":
      return { ...state, documents: { busy: true, error: null, message: null } };
    case "documentsDone":
      return { ...state, documents: { busy: false, error: null, message: action.message } };
    case "documentsFailed":
      return { ...state, documents: { busy: false, error: action.error, message: null } };
    case "exchange":
      return {
        ...state,
        exchange: {
          ...state.exchange,
          [action.task]: { ...state.exchange[action.task], ...action.patch },
        },
      };
    case "notice":
      return {
        ...state,
        notices: [...state.notices.filter((n) => n.id !== action.notice.id), action.notice],
      };
    case "dismiss":
      return { ...state, notices: state.notices.filter((n) => n.id !== action.id) };
  }
}

/** The settings to save for a state. */
export function settingsOf(state: State): PaneSettings {
  return {
    version: SETTINGS_VERSION,
    tables: state.tables.map((t) => t.choice),
    period: state.period,
    parameters: state.parameters,
    lastRun: state.lastRun,
    lastRefresh: state.lastRefresh,
  };
}

/** Whether a run is under way (buttons that would interfere are disabled). */
export function isRunning(state: State): boolean {
  return state.run.phase === "running" || state.run.phase === "cancelling";
}
