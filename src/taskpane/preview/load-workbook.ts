/**
 * Preview only: an .xlsx file (the demo workbook, or one the user picks) → an InMemoryWorkbook.
 * The file is read in a worker; rows come back in blocks. `scale` repeats the data rows of the
 * spend tables (performance checks: `?scale=5` turns the 20 000 demo lines into 100 000).
 */
import type { Cell } from "../../core/model";
import { detectTable } from "../../core/detect";
import { InMemoryWorkbook, type MemoryTable, type SettingsStore } from "../memory-workbook";
import type { XlsxReportSheet } from "../xlsx-browser";
import type { XlsxFromWorker } from "./xlsx.worker";

/** The file is not a workbook the preview can read; `message` is the reader's French sentence. */
export class UnreadableWorkbookError extends Error {
  override readonly name = "UnreadableWorkbookError";
}

export interface LoadOptions {
  /** Repeat the data rows of spend tables this many times (1 = as is). */
  scale?: number;
  settingsStore?: SettingsStore;
}

function readInWorker(
  bytes: ArrayBuffer
): Promise<{
  sheets: string[];
  date1904: boolean;
  tables: MemoryTable[];
  reportSheets: XlsxReportSheet[];
}> {
  return new Promise((resolve, reject) => {
    // @ts-ignore TS1343: import.meta is allowed in the webpack (ES module) build, see worker-client.ts.
    const worker = new Worker(new URL("./xlsx.worker.ts", import.meta.url), {
      name: "optima-achats-xlsx",
    });
    let meta: Extract<XlsxFromWorker, { type: "meta" }> | null = null;
    let rows: Cell[][][] = [];
    worker.onmessage = (event: MessageEvent<XlsxFromWorker>) => {
      const msg = event.data;
      if (msg.type === "meta") {
        meta = msg;
        rows = msg.tables.map(() => []);
      } else if (msg.type === "rows") {
        const target = rows[msg.table];
        for (const r of msg.rows) target.push(r);
      } else if (msg.type === "done" && meta) {
        worker.terminate();
        const m = meta;
        resolve({
          sheets: m.sheets,
          date1904: m.date1904,
          reportSheets: m.reportSheets,
          tables: m.tables.map((t, i) => ({
            name: t.name,
            sheet: t.sheet,
            firstRow: t.firstRow,
            firstCol: t.firstCol,
            isExcelTable: t.isExcelTable,
            rows: rows[i],
          })),
        });
      } else if (msg.type === "error") {
        worker.terminate();
        reject(msg.unreadable ? new UnreadableWorkbookError(msg.detail) : new Error(msg.detail));
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      reject(new Error(event.message || "xlsx worker error"));
    };
    worker.postMessage({ bytes }, [bytes]);
  });
}

/** Repeats the data rows of the spend tables `scale` times (header and titles kept once). */
export function scaleSpend(tables: MemoryTable[], scale: number): MemoryTable[] {
  if (!(scale > 1)) return tables;
  return tables.map((t) => {
    const d = detectTable({ name: t.name, rows: t.rows.slice(0, 60) });
    if (d.kind !== "spend") return t;
    const head = t.rows.slice(0, d.headerRowIndex + 1);
    const body = t.rows.slice(d.headerRowIndex + 1);
    const rows: Cell[][] = [...head];
    for (let i = 0; i < scale; i++) for (const r of body) rows.push(r);
    return { ...t, rows };
  });
}

export async function loadWorkbook(
  bytes: ArrayBuffer,
  options: LoadOptions = {}
): Promise<InMemoryWorkbook> {
  const wb = await readInWorker(bytes);
  return new InMemoryWorkbook({
    tables: scaleSpend(wb.tables, Math.floor(options.scale ?? 1)),
    sheetOrder: wb.sheets,
    reportSheets: wb.reportSheets,
    date1904: wb.date1904,
    settingsStore: options.settingsStore,
  });
}

/** Settings of the preview, per file, in localStorage (so they survive a reload, as in a workbook). */
export function localSettingsStore(key: string): SettingsStore {
  const full = `optima-achats-preview:${key}`;
  return {
    load: () => {
      try {
        return window.localStorage.getItem(full);
      } catch {
        return null;
      }
    },
    save: (json) => {
      try {
        window.localStorage.setItem(full, json);
      } catch {
        // Storage full or disabled: the preview keeps working without persistence.
      }
    },
  };
}
