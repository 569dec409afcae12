/**
 * `WorkbookGateway` for Excel (desktop, Mac, web) over Office.js — the pane's only door to the
 * workbook (contract in src/taskpane/gateway.ts). One Excel.run per call, every sync under a
 * watchdog (excel-run.ts), reads in payload-sized chunks (reader.ts), writes staged then swapped in
 * one batch (renderer.ts), owned sheets recorded by anchors and a registry (ownership.ts), settings
 * in `workbook.settings` (settings.ts).
 *
 * `stats` counts the runs, syncs and bytes of this gateway (tests, bench, console).
 */
import type { Cell, RawTable } from "../core/model";
import { scalarCell } from "../report/cells";
import { cellScalar } from "../report/inputs";
import { isValidTableName, type CellValue, type WorkbookSpec } from "../report/spec";
import { GatewayError } from "../workbook/errors";
import { throwIfAborted } from "../workbook/cancellation";
import { type NewTable, type OwnedSheet, type ReadTableOptions, type SourceTable, type WorkbookGateway, type WriteOptions, type WriteReport } from "../workbook/gateway";
import type { PaneSettings } from "../workbook/settings";
import {
  DEFAULT_SYNC_TIMEOUT_MS,
  emptyStats,
  officeHost,
  runExcel,
  type ExcelHost,
  type ExcelSession,
  type SyncStats,
} from "./excel-run";
import { decpAnchor, loadWorkbookState, parseAnchor } from "./ownership";
import {
  detectDate1904,
  geometryA1,
  listSources,
  readRows,
  readSheetGrids,
  verifier,
  type SourceDescriptor,
} from "./reader";
import { renderTableSheet, renderWorkbook } from "./renderer";
import { loadPaneSettings, queueReadSetting, queueWriteSetting, savePaneSettings } from "./settings";
import {
  lockBlocks,
  newLockOwner,
  parseTaskLock,
  TASK_LOCK_SETTING,
  type TaskLock,
} from "../workbook/task-lock";

export interface ExcelGatewayOptions {
  /** Office globals (default: the real ones); tests pass a fake. */
  host?: ExcelHost;
  /** Watchdog delay of one sync, ms (default 60 s). */
  syncTimeoutMs?: number;
  /** Force the date system instead of detecting it (see reader.ts detectDate1904). */
  date1904?: boolean;
  /** See renderer.ts. */
  uniformFormatsAsScalar?: boolean;
  /** Request bytes per write batch (default 3.5 MB). */
  targetBytes?: number;
  /** Clock of the task lock, ms (tests). */
  now?: () => number;
}

function publicSource(d: SourceDescriptor): SourceTable {
  return {
    name: d.name,
    sheet: d.sheet,
    address: d.address,
    rowCount: d.rowCount,
    columnCount: d.columnCount,
    isExcelTable: d.isExcelTable,
  };
}

export class ExcelWorkbookGateway implements WorkbookGateway {
  readonly kind = "excel" as const;
  readonly stats: SyncStats = emptyStats();
  private readonly host: ExcelHost;
  private readonly sources = new Map<string, SourceDescriptor>();
  private date1904: boolean | null;
  /** This runtime's id in the workbook's task lock (../workbook/task-lock.ts). */
  private readonly lockOwner = newLockOwner();
  /** The task whose lock this gateway holds, if any. */
  private heldTask: string | null = null;

  constructor(private readonly options: ExcelGatewayOptions = {}) {
    this.host = options.host ?? officeHost();
    this.date1904 = options.date1904 ?? null;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private lockJson(task: string): string {
    const lock: TaskLock = { owner: this.lockOwner, task, at: this.now() };
    return JSON.stringify(lock);
  }

  private run<T>(
    batch: (session: ExcelSession) => Promise<T>,
    extra: {
      signal?: AbortSignal;
      subject?: string;
      notFound?: "tableNotFound" | "sheetNotFound";
    } = {}
  ): Promise<T> {
    // While a task lock is held, each batch refreshes it with its first sync (no sync of its own).
    const held = this.heldTask;
    const refreshed =
      held === null
        ? batch
        : (session: ExcelSession) => {
            queueWriteSetting(session, TASK_LOCK_SETTING, this.lockJson(held));
            return batch(session);
          };
    return runExcel(
      {
        host: this.host,
        stats: this.stats,
        timeoutMs: this.options.syncTimeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS,
        ...extra,
      },
      refreshed
    );
  }

  async beginTask(task: string): Promise<void> {
    await this.run(async (session) => {
      const read = queueReadSetting(session, TASK_LOCK_SETTING);
      await session.sync();
      const lock = parseTaskLock(read());
      if (lock !== null && lockBlocks(lock, this.lockOwner, this.now()))
        throw new GatewayError("taskLocked", `task lock held: ${lock.task}`, lock.task);
      queueWriteSetting(session, TASK_LOCK_SETTING, this.lockJson(task));
      await session.sync();
    });
    this.heldTask = task;
  }

  async endTask(): Promise<void> {
    if (this.heldTask === null) return;
    this.heldTask = null;
    try {
      await this.run(async (session) => {
        const read = queueReadSetting(session, TASK_LOCK_SETTING);
        await session.sync();
        if (parseTaskLock(read())?.owner !== this.lockOwner) return;
        session.workbook.settings.getItemOrNullObject(TASK_LOCK_SETTING).delete();
        await session.sync();
      });
    } catch (error) {
      // Left in place, it goes stale (TASK_LOCK_STALE_MS): the next task is not blocked for long.
      console.warn("[Optima Achats] endTask:", error instanceof Error ? error.message : error);
    }
  }

  private remember(list: SourceDescriptor[]): void {
    this.sources.clear();
    for (const d of list) this.sources.set(d.name, d);
  }

  async listTables(): Promise<SourceTable[]> {
    const { sources } = await this.run((s) => listSources(s));
    this.remember(sources);
    return sources.map(publicSource);
  }

  async readTable(name: string, options: ReadTableOptions = {}): Promise<RawTable> {
    throwIfAborted(options.signal);
    return this.run(
      async (session) => {
        let source = this.sources.get(name);
        let fresh = false;
        if (!source) {
          const { sources } = await listSources(session);
          this.remember(sources);
          source = this.sources.get(name);
          fresh = true;
        }
        if (!source) throw new GatewayError("tableNotFound", `no table ${name}`, name);
        if (this.date1904 === null) this.date1904 = (await detectDate1904(session)) ?? false;
        const rows: Cell[][] = [];
        const stream = options.onRows;
        let total = Math.min(source.rowCount, options.maxRows ?? Number.POSITIVE_INFINITY);
        const g = await readRows(session, source.geometry, {
          maxRows: options.maxRows,
          signal: options.signal,
          verify: fresh ? undefined : verifier(session, source),
          onChunk: async (chunk, offset, geometry) => {
            total = Math.min(geometry.rows, options.maxRows ?? Number.POSITIVE_INFINITY);
            if (offset === 0) rows.length = 0;
            if (stream) await stream(chunk, offset);
            else for (const r of chunk) rows.push(r);
            options.onProgress?.({
              rowsRead: Math.min(total, offset + chunk.length),
              rowCount: total,
            });
          },
        });
        if (g !== source.geometry)
          this.sources.set(name, {
            ...source,
            geometry: g,
            address: geometryA1(g),
            rowCount: g.rows,
            columnCount: g.cols,
          });
        if (total === 0) options.onProgress?.({ rowsRead: 0, rowCount: 0 });
        return {
          name: source.name,
          sheet: g.sheet,
          rows: stream ? [] : rows,
          firstRow: g.r0 + 1,
          date1904: this.date1904,
        };
      },
      { signal: options.signal, subject: name, notFound: "tableNotFound" }
    );
  }

  async listOwnedSheets(): Promise<OwnedSheet[]> {
    const state = await this.run((s) => loadWorkbookState(s));
    return state.owned.map((o) => ({ key: o.key, name: o.name }));
  }

  async readSheetValues(names: string[]): Promise<Record<string, Cell[][]>> {
    return this.run(async (session) => {
      const state = await loadWorkbookState(session);
      return readSheetGrids(
        session,
        names,
        state.sheets.map((s) => s.name)
      );
    });
  }

  async writeWorkbook(spec: WorkbookSpec, options: WriteOptions = {}): Promise<WriteReport> {
    throwIfAborted(options.signal);
    this.sources.clear();
    return this.run(
      (session) =>
        renderWorkbook(session, spec, {
          signal: options.signal,
          onProgress: options.onProgress,
          uniformFormatsAsScalar: this.options.uniformFormatsAsScalar,
          targetBytes: this.options.targetBytes,
        }),
      { signal: options.signal }
    );
  }

  async activateSheet(name: string): Promise<void> {
    await this.run(
      async (session) => {
        const state = await loadWorkbookState(session);
        const owned = state.owned.find((o) => o.name.toLowerCase() === name.toLowerCase());
        if (!owned) throw new GatewayError("sheetNotFound", `no owned sheet ${name}`, name);
        session.workbook.worksheets.getItem(owned.name).activate();
        await session.sync();
      },
      { subject: name }
    );
  }

  loadSettings(): Promise<PaneSettings | null> {
    return this.run((s) => loadPaneSettings(s));
  }

  saveSettings(settings: PaneSettings): Promise<void> {
    return this.run((s) => savePaneSettings(s, settings));
  }

  async addContractsSheet(table: NewTable): Promise<SourceTable> {
    this.sources.clear();
    return this.run(
      async (session) => {
        const state = await loadWorkbookState(session, { tables: true });
        const taken = new Set(state.tables.map((t) => t.name.toLowerCase()));
        const base = isValidTableName(table.tableName) ? table.tableName : "tblMarchesDECP";
        let tableName = base;
        for (let i = 2; taken.has(tableName.toLowerCase()); i++) tableName = `${base}_${i}`;
        const used = state.owned
          .map((o) => parseAnchor(o.anchor))
          .flatMap((k) => (k.kind === "decp" ? [k.n] : []));
        const anchor = decpAnchor(
          Math.max(
            0,
            ...used,
            ...state.dangling.map(parseAnchor).flatMap((k) => (k.kind === "decp" ? [k.n] : []))
          ) + 1
        );
        const headers = table.headers.map((h, i) => (h.trim() === "" ? `Colonne ${i + 1}` : h));
        const rows: CellValue[][] = table.rows.map((r) =>
          headers.map((_, i) => scalarCell(cellScalar(r[i])))
        );
        const sheet = await renderTableSheet(
          session,
          {
            sheetName: table.sheetName,
            anchor,
            key: "decp",
            table: {
              name: tableName,
              row: 0,
              col: 0,
              columns: headers.map((h, i) => ({
                key: `c${i}`,
                header: h,
                numberFormat: table.numberFormats?.[i] ?? undefined,
              })),
              rows,
              style: "TableStyleMedium2",
            },
          },
          state,
          {
            uniformFormatsAsScalar: this.options.uniformFormatsAsScalar,
            targetBytes: this.options.targetBytes,
          }
        );
        const rowCount = Math.max(1, rows.length) + 1;
        return {
          name: tableName,
          sheet,
          address: geometryA1({ sheet, r0: 0, c0: 0, rows: rowCount, cols: headers.length }),
          rowCount,
          columnCount: headers.length,
          isExcelTable: true,
        };
      },
      { subject: table.sheetName }
    );
  }
}
