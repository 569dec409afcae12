/**
 * The workbook port: the task pane's and the ribbon commands' only door to the workbook. Everything the pane reads from or writes to the open
 * workbook goes through a `WorkbookGateway`, so the whole flow runs unchanged on:
 *
 * - `InMemoryWorkbook` (memory-workbook.ts): browser preview, component tests, e2e tests;
 * - the Office.js implementation (src/excel): Excel desktop, Mac and web.
 *
 * Contract for implementations (what the pane relies on):
 *
 * 1. **Source tables are never modified** (SPEC §2.5). The gateway lists and reads them only.
 * 2. **Owned sheets.** The gateway records which sheets it created (by `SheetSpec.key`, e.g. in
 *    the workbook settings) and only ever rewrites, activates or deletes those. A sheet of the same
 *    name that the add-in did not create is never overwritten: the gateway picks another name
 *    ("Tableau de bord (2)") and reports it in `WriteReport.renamed`.
 * 3. **All-or-nothing writes.** `writeWorkbook` either replaces every sheet of the spec or changes
 *    nothing: on abort (signal) or error, no owned sheet is left half written. The Office.js
 *    implementation writes into hidden staging sheets, then swaps them in one final batch (delete
 *    the old owned sheet, rename and show the staged one); on abort it deletes the staging sheets.
 * 4. **Never hang.** Every method settles: Office.js batches are wrapped in a watchdog (office-js
 *    #6678: `context.sync()` can wait forever) and reject with a `GatewayError` instead.
 * 5. **Errors are `GatewayError`s** (./errors.ts) with a stable `code` (the pane turns it into a
 *    French or English sentence, see src/taskpane/errors.ts) and, in `detail`, the technical message for the console.
 * 6. **Plain data out.** Cells are what Office.js `Range.values` gives: numbers (dates as Excel
 *    serials, 1900 system unless `date1904`), strings, booleans, null for empty cells. No proxies,
 *    no Date objects, so tables can be posted to the analysis worker as they are.
 *
 * Excel implementation notes (src/excel): `listTables` = every `workbook.tables` item plus, for each
 * visible worksheet without tables that is not owned, its used range (`getUsedRangeOrNullObject`);
 * `readTable` reads blocks of 5 000–20 000 rows (`getRangeByIndexes`, ExcelApi 1.7) and halves the
 * block on `RequestPayloadSizeLimitExceeded`; settings live in `workbook.settings` (ExcelApi 1.4)
 * under `SETTINGS_KEY`, as the JSON of `PaneSettings`.
 */
import type { Cell, RawTable } from "../core/model";
import type { SheetKey, WorkbookSpec } from "../report/spec";
import type { PaneSettings } from "./settings";

/** Key of the pane settings in the workbook (Office.js `workbook.settings`). */
export const SETTINGS_KEY = "optimaAchats.settings";

/** A table or plain data range of the workbook that the pane may analyse. */
export interface SourceTable {
  /** Excel table name, or the sheet name for a plain range (RawTable.name). Unique. */
  name: string;
  /** Sheet holding it. */
  sheet: string;
  /** Sheet-relative A1 address of the whole range, header and title rows included ("A4:Y20008"). */
  address: string;
  /** Rows of the range, header and title rows included. */
  rowCount: number;
  columnCount: number;
  /** true for an Excel table (ListObject), false for a plain range with a header row. */
  isExcelTable: boolean;
}

/** A sheet created by Optima Achats (SPEC §5), as recorded by the gateway. */
export interface OwnedSheet {
  key: SheetKey | "decp";
  /** Current name in the workbook (the user may have renamed it). */
  name: string;
}

export interface ReadProgress {
  rowsRead: number;
  rowCount: number;
}

export interface ReadTableOptions {
  /** Read only the first rows (detection and preview); default: the whole range. */
  maxRows?: number;
  onProgress?: (progress: ReadProgress) => void;
  /**
   * Streaming: when given, rows are handed over block by block (`offset` = index in the table of
   * the block's first row) and the returned RawTable has `rows: []`. The gateway awaits the sink,
   * so a slow consumer applies back-pressure.
   */
  onRows?: (rows: Cell[][], offset: number) => void | Promise<void>;
  signal?: AbortSignal;
}

export interface WriteProgress {
  /** Sheets completely written so far. */
  done: number;
  total: number;
  /** Sheet being written. */
  sheet: string;
}

export interface WriteOptions {
  onProgress?: (progress: WriteProgress) => void;
  /** Aborting before the final swap leaves every owned sheet as it was. */
  signal?: AbortSignal;
}

export interface WriteReport {
  /** Every sheet of the spec, with the name it has in the workbook. */
  sheets: { key: SheetKey; name: string; created: boolean }[];
  /** Sheets that got another name because a sheet the add-in does not own had the spec's name. */
  renamed: { key: SheetKey; wanted: string; name: string }[];
  /** Optional features that were skipped, in plain French (e.g. data validation without ExcelApi 1.8). */
  warnings: string[];
}

/** A new contracts table, e.g. from a DECP JSON file. */
export interface NewTable {
  /** Preferred sheet name; the gateway makes it unique. */
  sheetName: string;
  /** Preferred table name (valid Excel table name); the gateway makes it unique. */
  tableName: string;
  headers: string[];
  rows: Cell[][];
  /** Excel number format per column (null = General). */
  numberFormats?: (string | null)[];
}

export interface WorkbookGateway {
  /** "excel" in Office, "memory" in the browser preview and the tests. */
  readonly kind: "excel" | "memory";
  /** Tables and plain data ranges, in workbook order; owned (generated) sheets are left out. */
  listTables(): Promise<SourceTable[]>;
  /** Cells of a source table, header and title rows included. Rejects with code "tableNotFound". */
  readTable(name: string, options?: ReadTableOptions): Promise<RawTable>;
  /** The sheets Optima Achats created and still exist. */
  listOwnedSheets(): Promise<OwnedSheet[]>;
  /**
   * Raw values of sheets by name (used ranges from A1, so row/col indexes are sheet positions), to
   * read back what the user typed in the plan, diagnostic, parameters and history sheets. Missing
   * sheets are left out of the result.
   */
  readSheetValues(names: string[]): Promise<Record<string, Cell[][]>>;
  /** Writes every sheet of the spec, all or nothing (see the contract above). */
  writeWorkbook(spec: WorkbookSpec, options?: WriteOptions): Promise<WriteReport>;
  /** Shows a sheet (owned sheets only). Rejects with code "sheetNotFound". */
  activateSheet(name: string): Promise<void>;
  /** Settings saved in the workbook, or null when none (or unreadable). */
  loadSettings(): Promise<PaneSettings | null>;
  saveSettings(settings: PaneSettings): Promise<void>;
  /** Creates a new sheet holding an Excel table (DECP import). Returns the new source table. */
  addContractsSheet(table: NewTable): Promise<SourceTable>;
  /**
   * Takes the workbook's task lock before a task that writes (./task-lock.ts): rejects with code
   * "taskLocked" (subject: the other task) when another runtime — the pane, the ribbon command —
   * holds a fresh one. While held, every call of this gateway refreshes it. Not re-entrant:
   * nested tasks share one lock through withTaskLock (src/taskpane/pipeline.ts).
   */
  beginTask(task: string): Promise<void>;
  /** Releases the lock taken by beginTask (best effort: never rejects). */
  endTask(): Promise<void>;
}
