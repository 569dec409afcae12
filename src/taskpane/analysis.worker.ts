/**
 * Web Worker: runs the analysis engine (the application pipeline, src/app) off the UI thread (Office restarts an add-in whose UI
 * thread is unresponsive for 5 seconds). Receives the job header and the rows block by block,
 * then runs intake → indicators → workbook spec and posts progress, then the result. Keeps the
 * last analysis to rebuild the plan and diagnostic sheets on request. Cancelling = the pane
 * terminates the worker: nothing here has side effects.
 */
import type { Cell } from "../core/model";
import { PeriodError } from "../core/period";
import {
  decpExportOf,
  decpToTable,
  engineSteps,
  ficheOf,
  rebuildSheets,
  rebuildWithPeers,
  type EngineState,
  type JobHeader,
} from "./engine";
import { RESULT_ROW_BLOCK, type FromWorker, type ToWorker } from "./protocol";

const scope = self as unknown as {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};

let rows: Cell[][][] = [];
let kept: EngineState | null = null;

function post(message: FromWorker): void {
  scope.postMessage(message);
}

function fail(code: string, error: unknown, id?: number): void {
  post({
    type: "error",
    id,
    code,
    detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  });
}

async function run(header: JobHeader): Promise<void> {
  try {
    const gen = engineSteps(header, rows);
    let step = await gen.next();
    let last = 0;
    while (!step.done) {
      const now = Date.now();
      const p = step.value.progress;
      // Throttle: at most ~20 progress messages per second, but always the first and last of a stage.
      if (now - last > 50 || p.done === 0 || p.done === p.total) {
        post({ type: "progress", progress: p });
        last = now;
      }
      step = await gen.next();
    }
    const { spec, summary, state } = step.value;
    kept = state;
    rows = [];
    if (summary.reconciliation.rowsRead === 0) {
      post({ type: "error", code: "noData", detail: "" });
      return;
    }
    // Long tables (thousands of CO1 lines on a big workbook) follow in blocks: no single message
    // takes the UI thread long to read.
    const skeleton = {
      ...spec,
      sheets: spec.sheets.map((sheet) => ({
        ...sheet,
        tables: sheet.tables.map((t) =>
          t.rows.length > RESULT_ROW_BLOCK ? { ...t, rows: [] } : t
        ),
      })),
    };
    post({ type: "result", result: { spec: skeleton, summary } });
    spec.sheets.forEach((sheet, i) =>
      sheet.tables.forEach((t, j) => {
        if (t.rows.length <= RESULT_ROW_BLOCK) return;
        for (let start = 0; start < t.rows.length; start += RESULT_ROW_BLOCK)
          post({
            type: "resultRows",
            sheet: i,
            table: j,
            rows: t.rows.slice(start, start + RESULT_ROW_BLOCK),
          });
      })
    );
    post({ type: "resultDone" });
  } catch (error) {
    // A period holding no data (issue #12) is the user's to fix: its French message goes through.
    if (error instanceof PeriodError) post({ type: "error", code: "period", detail: error.message });
    else fail("worker", error);
  }
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  switch (msg.type) {
    case "begin":
      rows = Array.from({ length: msg.tableCount }, () => []);
      kept = null;
      break;
    case "rows": {
      const target = rows[msg.table];
      if (target) for (const r of msg.rows) target.push(r);
      break;
    }
    case "run":
      void run(msg.header);
      break;
    case "rebuild":
      if (!kept) {
        fail("worker", new Error("no analysis to rebuild from"), msg.id);
        break;
      }
      try {
        post({
          type: "rebuilt",
          id: msg.id,
          spec: rebuildSheets(kept, msg.previousSheets, msg.keys),
        });
      } catch (error) {
        fail("worker", error, msg.id);
      }
      break;
    case "fiche":
    case "peers":
    case "decpExport":
      if (!kept) {
        fail("worker", new Error("no analysis kept"), msg.id);
        break;
      }
      try {
        if (msg.type === "fiche") post({ type: "fiche", id: msg.id, result: ficheOf(kept, msg) });
        else if (msg.type === "peers")
          post({
            type: "peers",
            id: msg.id,
            result: rebuildWithPeers(kept, msg.previousSheets, msg.peers),
          });
        else post({ type: "decpExport", id: msg.id, result: decpExportOf(kept, msg) });
      } catch (error) {
        fail("worker", error, msg.id);
      }
      break;
    case "decp":
      try {
        post({ type: "decp", id: msg.id, result: decpToTable(msg.text, msg.fileName) });
      } catch (error) {
        const code =
          error instanceof Error &&
          (error.message === "decpInvalid" || error.message === "decpEmpty")
            ? error.message
            : "worker";
        fail(code, error, msg.id);
      }
      break;
  }
};
