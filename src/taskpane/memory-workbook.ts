/**
 * A workbook held in memory that honours the whole WorkbookGateway contract (gateway.ts): source
 * tables are read-only, generated sheets are recorded as owned and only those are rewritten, a
 * write is all or nothing (staged, then committed in one step; an abort before the commit changes
 * nothing), settings are kept as the JSON string Office would store.
 *
 * Used by the browser preview (with the demo .xlsx read by xlsx-browser.ts), the component tests
 * and the e2e tests. `subscribe` lets the preview redraw its sheet view; `setCell` simulates the user
 * typing in a generated sheet (inputs must survive the next run); `failNext` injects gateway errors.
 */
import { documentSheetName } from "../report/documents/naming";
import type { Cell, RawTable } from "../core/model";
import { sheetValues } from "../report/grid";
import type { SheetKey, SheetSpec, WorkbookSpec } from "../report/spec";
import { columnLetters } from "./i18n";
import { GatewayError, type GatewayErrorCode } from "../workbook/errors";
import { throwIfAborted } from "../workbook/cancellation";
import { type NewTable, type OwnedSheet, type ReadTableOptions, type SourceTable, type WorkbookGateway, type WriteOptions, type WriteReport } from "../workbook/gateway";
import { parseSettings, type PaneSettings } from "../workbook/settings";
import { lockBlocks, type TaskLock } from "../workbook/task-lock";

export interface MemoryTable {
  /** Excel table name, or the sheet name for a plain range. */
  name: string;
  sheet: string;
  /** Cells, header (and title) rows included. */
  rows: Cell[][];
  /** 1-based sheet row of rows[0]; default 1. */
  firstRow?: number;
  /** 0-based sheet column of rows[i][0]; default 0. */
  firstCol?: number;
  isExcelTable: boolean;
  /** Number formats by column (tables created by addContractsSheet). */
  numberFormats?: (string | null)[];
}

export interface SettingsStore {
  load(): string | null;
  save(json: string): void;
}

export interface InMemoryWorkbookOptions {
  tables: MemoryTable[];
  /** Sheets in workbook order (default: the sheets of the tables, in order). */
  sheetOrder?: string[];
  /**
   * Sheets of our report already in the workbook without a record (written by the command line,
   * recognised by name and stamp): owned from the start, their values read back as inputs.
   */
  reportSheets?: readonly { key: SheetKey; name: string; values: Cell[][] }[];
  date1904?: boolean;
  /** Where settings live (default: in this object). The preview uses localStorage. */
  settingsStore?: SettingsStore;
  /** Rows per block handed to a streaming reader (default 5 000, as the Excel gateway would). */
  readBlock?: number;
  /** Delay before each call settles, ms (tests of spinners and cancellation). */
  latencyMs?: number;
  /** Delay per written sheet, ms (tests of cancellation during the write). */
  writeDelayMs?: number;
}

export interface OwnedSheetState {
  key: SheetKey | "decp";
  name: string;
  /** The spec the sheet was written from (null for a DECP sheet). */
  spec: SheetSpec | null;
  /** Cell values (row, col from A1), user edits included. */
  values: Cell[][] | null;
}

export type WorkbookEvent = {
  type: "written" | "activated" | "tables" | "settings";
  sheet?: string;
};

function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}

function uniqueName(wanted: string, taken: (name: string) => boolean, max = 31): string {
  if (!taken(wanted)) return wanted;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = wanted.slice(0, max - suffix.length) + suffix;
    if (!taken(name)) return name;
  }
}

export class InMemoryWorkbook implements WorkbookGateway {
  readonly kind = "memory" as const;
  private tables: MemoryTable[];
  private order: string[];
  private readonly owned = new Map<string, OwnedSheetState>();
  private settingsJson: string | null = null;
  private readonly listeners = new Set<(e: WorkbookEvent) => void>();
  private readonly failures = new Map<string, GatewayError>();
  private active: string | null = null;
  private readonly columnCounts = new WeakMap<MemoryTable, number>();
  /** The workbook's task lock (../workbook/task-lock.ts); this object is one runtime. */
  private taskLock: TaskLock | null = null;
  private static readonly LOCK_OWNER = "memory";
  readonly date1904: boolean;

  constructor(private readonly options: InMemoryWorkbookOptions) {
    this.tables = [...options.tables];
    this.order = options.sheetOrder
      ? [...options.sheetOrder]
      : [...new Set(options.tables.map((t) => t.sheet))];
    this.date1904 = options.date1904 ?? false;
    this.active = this.order[0] ?? null;
    for (const r of options.reportSheets ?? []) {
      if (!this.order.includes(r.name)) this.order.push(r.name);
      this.owned.set(r.key, { key: r.key, name: r.name, spec: null, values: r.values });
    }
  }

  // -------------------------------------------------------------------------------------------
  // Test and preview helpers

  subscribe(listener: (e: WorkbookEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: WorkbookEvent): void {
    for (const l of this.listeners) l(e);
  }

  /** Makes the next call of `method` reject with a GatewayError of this code. */
  failNext(method: keyof WorkbookGateway, code: GatewayErrorCode, subject = ""): void {
    this.failures.set(method, new GatewayError(code, `injected ${code}`, subject));
  }

  private async enter(method: keyof WorkbookGateway): Promise<void> {
    await delay(this.options.latencyMs ?? 0);
    const f = this.failures.get(method);
    if (f) {
      this.failures.delete(method);
      throw f;
    }
  }

  /** Every sheet name in workbook order. */
  sheetNames(): string[] {
    return [...this.order];
  }

  activeSheet(): string | null {
    return this.active;
  }

  ownedSheet(name: string): OwnedSheetState | undefined {
    return [...this.owned.values()].find((s) => s.name === name);
  }

  /** The spec of a generated sheet by the name the spec gave it (formulas refer to that name). */
  specNamed(name: string): SheetSpec | null {
    const states = [...this.owned.values()];
    return (
      (states.find((s) => s.spec?.name === name) ?? states.find((s) => s.name === name))?.spec ??
      null
    );
  }

  ownedByKey(key: SheetKey | "decp"): OwnedSheetState | undefined {
    return [...this.owned.values()].find((s) => s.key === key);
  }

  sourceTables(): readonly MemoryTable[] {
    return this.tables;
  }

  /** Values of a generated sheet (materialised from its spec on first use). */
  ownedValues(name: string): Cell[][] | null {
    const s = this.ownedSheet(name);
    if (!s) return null;
    if (!s.values) s.values = s.spec ? sheetValues(s.spec) : [];
    return s.values;
  }

  /** The user types a value in a generated sheet (0-based row and column). */
  setCell(sheet: string, row: number, col: number, value: Cell): void {
    const values = this.ownedValues(sheet);
    if (!values) throw new GatewayError("sheetNotFound", "", sheet);
    while (values.length <= row) values.push([]);
    const r = values[row];
    while (r.length <= col) r.push(null);
    r[col] = value;
  }

  /** Another runtime (the ribbon command, a second pane) holds the task lock (tests). */
  holdTaskLockElsewhere(task: string, at = Date.now()): void {
    this.taskLock = { owner: "other runtime", task, at };
  }

  /** The task lock as stored (tests). */
  currentTaskLock(): TaskLock | null {
    return this.taskLock;
  }

  /** Settings JSON as stored (tests). */
  rawSettings(): string | null {
    return this.options.settingsStore ? this.options.settingsStore.load() : this.settingsJson;
  }

  // -------------------------------------------------------------------------------------------
  // WorkbookGateway

  async listTables(): Promise<SourceTable[]> {
    await this.enter("listTables");
    const bySheet = (t: MemoryTable) => this.order.indexOf(t.sheet);
    return [...this.tables]
      .sort((a, b) => bySheet(a) - bySheet(b))
      .map((t) => {
        const firstRow = t.firstRow ?? 1;
        const firstCol = t.firstCol ?? 0;
        let columnCount = this.columnCounts.get(t);
        if (columnCount === undefined) {
          columnCount = t.rows.reduce((m, r) => Math.max(m, r.length), 0);
          this.columnCounts.set(t, columnCount);
        }
        const lastRow = firstRow + Math.max(1, t.rows.length) - 1;
        const address = `${columnLetters(firstCol)}${firstRow}:${columnLetters(firstCol + Math.max(1, columnCount) - 1)}${lastRow}`;
        return {
          name: t.name,
          sheet: t.sheet,
          address,
          rowCount: t.rows.length,
          columnCount,
          isExcelTable: t.isExcelTable,
        };
      });
  }

  async readTable(name: string, options: ReadTableOptions = {}): Promise<RawTable> {
    await this.enter("readTable");
    throwIfAborted(options.signal);
    const t = this.tables.find((x) => x.name === name);
    if (!t) throw new GatewayError("tableNotFound", `no table ${name}`, name);
    const rows = options.maxRows !== undefined ? t.rows.slice(0, options.maxRows) : t.rows;
    const base: RawTable = {
      name: t.name,
      sheet: t.sheet,
      rows,
      firstRow: t.firstRow ?? 1,
      date1904: this.date1904,
    };
    if (!options.onRows) {
      options.onProgress?.({ rowsRead: rows.length, rowCount: rows.length });
      return base;
    }
    const block = this.options.readBlock ?? 5_000;
    for (let start = 0; start < rows.length; start += block) {
      throwIfAborted(options.signal);
      await options.onRows(rows.slice(start, start + block), start);
      options.onProgress?.({
        rowsRead: Math.min(rows.length, start + block),
        rowCount: rows.length,
      });
    }
    return { ...base, rows: [] };
  }

  async listOwnedSheets(): Promise<OwnedSheet[]> {
    await this.enter("listOwnedSheets");
    return [...this.owned.values()].map((s) => ({ key: s.key, name: s.name }));
  }

  async readSheetValues(names: string[]): Promise<Record<string, Cell[][]>> {
    await this.enter("readSheetValues");
    const out: Record<string, Cell[][]> = {};
    for (const name of names) {
      const owned = this.ownedValues(name);
      if (owned) {
        out[name] = owned.map((r) => [...r]);
        continue;
      }
      const tables = this.tables.filter((t) => t.sheet === name);
      if (tables.length === 0) continue;
      const grid: Cell[][] = [];
      for (const t of tables) {
        const r0 = (t.firstRow ?? 1) - 1;
        const c0 = t.firstCol ?? 0;
        t.rows.forEach((row, i) => {
          const target = (grid[r0 + i] ??= []);
          row.forEach((v, j) => (target[c0 + j] = v));
        });
      }
      for (let i = 0; i < grid.length; i++) grid[i] ??= [];
      out[name] = grid;
    }
    return out;
  }

  async writeWorkbook(spec: WorkbookSpec, options: WriteOptions = {}): Promise<WriteReport> {
    await this.enter("writeWorkbook");
    const { signal, onProgress } = options;
    throwIfAborted(signal);
    // Stage every sheet first (nothing visible changes), then commit in one step.
    const staged: OwnedSheetState[] = [];
    const total = spec.sheets.length;
    for (let i = 0; i < total; i++) {
      const s = spec.sheets[i];
      onProgress?.({ done: i, total, sheet: s.name });
      await delay(this.options.writeDelayMs ?? 0);
      throwIfAborted(signal);
      staged.push({ key: s.key, name: s.name, spec: s, values: null });
    }
    throwIfAborted(signal);
    // Commit (synchronous: cannot be interrupted half way).
    const report: WriteReport = { sheets: [], renamed: [], warnings: [] };
    const sourceSheets = new Set(this.tables.map((t) => t.sheet));
    for (const s of staged) {
      if (s.spec?.mode === "document") {
        // A policy document is the user's once written (issue #14): never rewritten; a name
        // already taken gets "(v2)", "(v3)"… Kept apart from the analysis sheets.
        const name = documentSheetName(s.name, (n) =>
          this.order.some((o) => o.toLowerCase() === n)
        );
        this.order.push(name);
        this.owned.set(`doc:${name}`, { ...s, name });
        report.sheets.push({ key: s.key as SheetKey, name, created: true });
        continue;
      }
      const previous = this.owned.get(s.key);
      const taken = (n: string) =>
        sourceSheets.has(n) ||
        [...this.owned.entries()].some(([k, o]) => o.name === n && k !== s.key);
      const name = uniqueName(s.name, taken);
      if (name !== s.name) report.renamed.push({ key: s.key as SheetKey, wanted: s.name, name });
      if (previous) {
        const at = this.order.indexOf(previous.name);
        if (at >= 0) this.order[at] = name;
        else this.order.push(name);
        if (this.active === previous.name) this.active = name;
      } else {
        this.order.push(name);
      }
      this.owned.set(s.key, { ...s, name });
      report.sheets.push({ key: s.key as SheetKey, name, created: !previous });
    }
    onProgress?.({ done: total, total, sheet: "" });
    this.emit({ type: "written" });
    return report;
  }

  async beginTask(task: string): Promise<void> {
    await this.enter("beginTask");
    const owner = InMemoryWorkbook.LOCK_OWNER;
    if (this.taskLock !== null && lockBlocks(this.taskLock, owner, Date.now()))
      throw new GatewayError("taskLocked", `task lock held: ${this.taskLock.task}`, this.taskLock.task);
    this.taskLock = { owner, task, at: Date.now() };
  }

  async endTask(): Promise<void> {
    if (this.taskLock?.owner === InMemoryWorkbook.LOCK_OWNER) this.taskLock = null;
  }

  async activateSheet(name: string): Promise<void> {
    await this.enter("activateSheet");
    if (!this.ownedSheet(name))
      throw new GatewayError("sheetNotFound", `no owned sheet ${name}`, name);
    this.active = name;
    this.emit({ type: "activated", sheet: name });
  }

  async loadSettings(): Promise<PaneSettings | null> {
    await this.enter("loadSettings");
    const json = this.rawSettings();
    return json === null ? null : parseSettings(json);
  }

  async saveSettings(settings: PaneSettings): Promise<void> {
    await this.enter("saveSettings");
    const json = JSON.stringify(settings);
    if (this.options.settingsStore) this.options.settingsStore.save(json);
    else this.settingsJson = json;
    this.emit({ type: "settings" });
  }

  async addContractsSheet(table: NewTable): Promise<SourceTable> {
    await this.enter("addContractsSheet");
    const sheet = uniqueName(table.sheetName, (n) => this.order.includes(n));
    const tableNames = new Set(this.tables.map((t) => t.name.toLowerCase()));
    let tableName = table.tableName;
    for (let i = 2; tableNames.has(tableName.toLowerCase()); i++)
      tableName = `${table.tableName}_${i}`;
    const rows: Cell[][] = [table.headers, ...table.rows];
    const t: MemoryTable = {
      name: tableName,
      sheet,
      rows,
      isExcelTable: true,
      numberFormats: table.numberFormats,
    };
    this.tables.push(t);
    this.order.push(sheet);
    this.owned.set(`decp:${sheet}`, { key: "decp", name: sheet, spec: null, values: rows });
    this.emit({ type: "tables", sheet });
    const columnCount = table.headers.length;
    return {
      name: tableName,
      sheet,
      address: `A1:${columnLetters(columnCount - 1)}${rows.length}`,
      rowCount: rows.length,
      columnCount,
      isExcelTable: true,
    };
  }
}
