/**
 * Preview only: reads an .xlsx file off the UI thread (xlsx-browser.ts) and hands its tables back
 * in blocks of rows, so that receiving a 20 000-row sheet never blocks the pane.
 */
import type { Cell } from "../../core/model";
import { INPUT_SHEET_KEYS } from "../../report/input-layout";
import { readXlsx, XlsxReadError, type XlsxReportSheet } from "../xlsx-browser";

export type XlsxToWorker = { bytes: ArrayBuffer };

export type XlsxFromWorker =
  | {
      type: "meta";
      sheets: string[];
      date1904: boolean;
      /** Our report's sheets: values only for those read back as inputs (small), else none. */
      reportSheets: XlsxReportSheet[];
      tables: {
        name: string;
        sheet: string;
        firstRow: number;
        firstCol: number;
        isExcelTable: boolean;
        rowCount: number;
      }[];
    }
  | { type: "rows"; table: number; rows: Cell[][] }
  | { type: "done" }
  /** detail: a French sentence for an unreadable file (XlsxReadError), else technical text. */
  | { type: "error"; detail: string; unreadable?: boolean };

const BLOCK = 2_000;

const scope = self as unknown as {
  postMessage(message: XlsxFromWorker): void;
  onmessage: ((event: MessageEvent<XlsxToWorker>) => void) | null;
};

scope.onmessage = async (event) => {
  try {
    const wb = await readXlsx(new Uint8Array(event.data.bytes));
    scope.postMessage({
      type: "meta",
      sheets: wb.sheets,
      date1904: wb.date1904,
      reportSheets: wb.reportSheets.map((r) => ({
        ...r,
        values: (INPUT_SHEET_KEYS as readonly string[]).includes(r.key) ? r.values : [],
      })),
      tables: wb.tables.map((t) => ({
        name: t.name,
        sheet: t.sheet,
        firstRow: t.firstRow,
        firstCol: t.firstCol,
        isExcelTable: t.isExcelTable,
        rowCount: t.rows.length,
      })),
    });
    wb.tables.forEach((t, i) => {
      for (let start = 0; start < t.rows.length; start += BLOCK)
        scope.postMessage({ type: "rows", table: i, rows: t.rows.slice(start, start + BLOCK) });
    });
    scope.postMessage({ type: "done" });
  } catch (error) {
    scope.postMessage({
      type: "error",
      unreadable: error instanceof XlsxReadError,
      detail:
        error instanceof XlsxReadError
          ? error.sentence
          : error instanceof Error
            ? error.message
            : String(error),
    });
  }
};
