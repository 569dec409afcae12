/**
 * Where the engine runs. `createWorkerRunner` (the pane, the ribbon command): a dedicated Web
 * Worker per analysis, terminated on cancel. `createInlineRunner` (inline-runner.ts, component
 * tests): the same engine in the same thread, pausing between steps.
 *
 * Protocol: begin(tableCount) → addRows(table, block)… → run(header, onProgress) → result. After a successful
 * run the runner keeps the analysis, so that rebuild() can write the plan sheets again from fresh
 * user inputs without analysing again. cancel() stops at once and rejects what is pending with
 * PaneError("cancelled").
 */
import type { Cell } from "../core/model";
import { PeriodError } from "../core/period";
import type { SheetKey, WorkbookSpec } from "../report/spec";
import type { DecpMarche } from "../core/decp-export";
import type { Fiche } from "../core/peers/fiche";
import type {
  DecpExportResult,
  DecpTableResult,
  EngineResult,
  FicheResult,
  JobHeader,
  PeersResult,
  StageProgress,
} from "./jobs";
import { PaneError, type PaneErrorCode } from "./errors";
import type { FromWorker, ToWorker } from "./protocol";

export interface AnalysisRunner {
  /** Starts a job of `tableCount` tables (their rows follow with addRows). */
  begin(tableCount: number): void;
  addRows(table: number, rows: Cell[][]): void;
  /** Runs the engine on the rows received; `header.tables[i]` describes table i. */
  run(header: JobHeader, onProgress: (progress: StageProgress) => void): Promise<EngineResult>;
  rebuild(previousSheets: Record<string, Cell[][]>, keys: SheetKey[]): Promise<WorkbookSpec>;
  importDecp(text: string, fileName: string): Promise<DecpTableResult>;
  /** The buyer's fiche de comparaison of the last analysis (issue #15 §4). */
  fiche(options: { anonymised: boolean; createdOn: string }): Promise<FicheResult>;
  /** The Comparaison sheet of the last analysis again, with these peers' fiches. */
  comparePeers(previousSheets: Record<string, Cell[][]>, peers: Fiche[]): Promise<PeersResult>;
  /** The buyer's DECP 2024 of the last analysis (issue #11 §4). */
  exportDecp(options: {
    publicationDay: number;
    complements?: Record<string, DecpMarche>;
  }): Promise<DecpExportResult>;
  /** Stops now; pending calls reject with PaneError("cancelled"). The runner cannot be reused. */
  cancel(): void;
  dispose(): void;
}

export type RunnerFactory = () => AnalysisRunner;

const ENGINE_CODES: PaneErrorCode[] = ["noData", "decpInvalid", "decpEmpty"];

export function engineError(code: string, detail: string): PaneError | PeriodError {
  if (code === "period") return new PeriodError(detail, "empty");
  const known = ENGINE_CODES.find((c) => c === code);
  return new PaneError(known ?? "worker", "", detail);
}

/** A worker that gives no sign of life for this long is considered dead. */
export const WORKER_SILENCE_MS = 180_000;

interface Pending<T> {
  resolve(value: T): void;
  reject(error: unknown): void;
}

/** Runs the engine in a Web Worker made by `createWorker` (see worker-client.ts). */
export function createWorkerRunner(createWorker: () => Worker): AnalysisRunner {
  let worker: Worker | null = null;
  let stopped = false;
  let nextId = 1;
  let run: (Pending<EngineResult> & { onProgress(p: StageProgress): void }) | null = null;
  /** The result being received (its long tables arrive in "resultRows" messages). */
  let receiving: EngineResult | null = null;
  const calls = new Map<number, Pending<unknown>>();
  let watchdog: ReturnType<typeof setTimeout> | null = null;

  const rejectAll = (error: unknown) => {
    run?.reject(error);
    run = null;
    for (const c of calls.values()) c.reject(error);
    calls.clear();
    if (watchdog) clearTimeout(watchdog);
    watchdog = null;
  };

  const kill = (error: unknown) => {
    worker?.terminate();
    worker = null;
    stopped = true;
    rejectAll(error);
  };

  const arm = () => {
    if (watchdog) clearTimeout(watchdog);
    watchdog = run
      ? setTimeout(() => kill(new PaneError("worker", "", "worker silent")), WORKER_SILENCE_MS)
      : null;
  };

  const onMessage = (event: MessageEvent<FromWorker>) => {
    const msg = event.data;
    switch (msg.type) {
      case "progress":
        arm();
        run?.onProgress(msg.progress);
        break;
      case "result":
        receiving = msg.result;
        arm();
        break;
      case "resultRows": {
        const rows = receiving?.spec.sheets[msg.sheet]?.tables[msg.table]?.rows;
        if (rows) for (const r of msg.rows) rows.push(r);
        arm();
        break;
      }
      case "resultDone":
        if (receiving) run?.resolve(receiving);
        receiving = null;
        run = null;
        arm();
        break;
      case "rebuilt":
      case "decp":
      case "fiche":
      case "peers":
      case "decpExport": {
        const c = calls.get(msg.id);
        calls.delete(msg.id);
        c?.resolve(msg.type === "rebuilt" ? msg.spec : msg.result);
        break;
      }
      case "error": {
        const error = engineError(msg.code, msg.detail);
        if (msg.id !== undefined) {
          const c = calls.get(msg.id);
          calls.delete(msg.id);
          c?.reject(error);
        } else {
          run?.reject(error);
          run = null;
          arm();
        }
        break;
      }
    }
  };

  const ensure = (): Worker => {
    if (stopped) throw new PaneError("cancelled");
    if (!worker) {
      worker = createWorker();
      worker.onmessage = onMessage;
      worker.onerror = (event) => {
        event.preventDefault?.();
        kill(new PaneError("worker", "", event.message || "worker error"));
      };
      worker.onmessageerror = () => kill(new PaneError("worker", "", "message could not be read"));
    }
    return worker;
  };

  const send = (msg: ToWorker) => ensure().postMessage(msg);

  const call = <T>(msg: ToWorker & { id: number }): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      try {
        calls.set(msg.id, { resolve: resolve as (v: unknown) => void, reject });
        send(msg);
      } catch (error) {
        calls.delete(msg.id);
        reject(error);
      }
    });

  return {
    begin(tableCount) {
      send({ type: "begin", tableCount });
    },
    addRows(table, rows) {
      send({ type: "rows", table, rows });
    },
    run(header, onProgress) {
      return new Promise<EngineResult>((resolve, reject) => {
        run = { resolve, reject, onProgress };
        try {
          send({ type: "run", header });
          arm();
        } catch (error) {
          run = null;
          reject(error);
        }
      });
    },
    rebuild(previousSheets, keys) {
      return call<WorkbookSpec>({ type: "rebuild", id: nextId++, previousSheets, keys });
    },
    importDecp(text, fileName) {
      return call<DecpTableResult>({ type: "decp", id: nextId++, text, fileName });
    },
    fiche(options) {
      return call<FicheResult>({ type: "fiche", id: nextId++, ...options });
    },
    comparePeers(previousSheets, peers) {
      return call<PeersResult>({ type: "peers", id: nextId++, previousSheets, peers });
    },
    exportDecp(options) {
      return call<DecpExportResult>({ type: "decpExport", id: nextId++, ...options });
    },
    cancel() {
      kill(new PaneError("cancelled"));
    },
    dispose() {
      worker?.terminate();
      worker = null;
      stopped = true;
      rejectAll(new PaneError("cancelled"));
    },
  };
}
