/**
 * Reading the workbook: the list of source tables and plain data ranges, and their cells in chunks.
 *
 * - `listSources`: every Excel table plus, for each visible sheet without tables, its used range
 *   (values only), leaving out the sheets Optima Achats generated (imported DECP sheets excepted:
 *   they are sources) and the staging sheets of a write in progress. Two syncs.
 * - `readRows`: the cells of a rectangle in row chunks (`getRangeByIndexes`, ExcelApi 1.7,
 *   `load("values")` only). The first chunk is small (FIRST_READ_ROWS, PRIOR_BYTES_PER_CELL) and
 *   doubles as a probe; every chunk then holds as many rows as fit in RESPONSE_TARGET_BYTES at the
 *   measured bytes per row (+10 %), never more than 5 000 000 cells. On a payload error (or the
 *   web's generic internal error) the chunk is halved and read again: reads are idempotent.
 *   A table's geometry known from the listing is checked in the first sync (no extra round trip);
 *   when it changed, the read starts over with the new one.
 * - `detectDate1904`: ExcelApi has no "1904 date system" property up to 1.20 (workbook.properties
 *   does not carry it, nor does Office.context.document). We evaluate `=DATE(1904,1,2)` in a
 *   temporary hidden workbook name, added, read and deleted in the same batch: 1 in the 1904
 *   system, 1464 in the 1900 system. No cell is touched. When that fails (protected workbook…), the
 *   1900 system is assumed and the gateway option `date1904` can force the answer.
 *
 * Cells come back as Office.js gives them (numbers, strings, booleans; dates as serials), with
 * empty cells ("") turned into null (gateway contract).
 */
import type { Cell } from "../core/model";
import { columnLetter, parseA1 } from "../report/a1";
import { GatewayError } from "../workbook/errors";
import { throwIfAborted } from "../workbook/cancellation";
import { type SourceTable } from "../workbook/gateway";
import type { ExcelSession } from "./excel-run";
import {
  adoptReportSheets,
  ANCHOR_PREFIX,
  queueWorkbookState,
  type WorkbookState,
} from "./ownership";
import {
  FIRST_READ_ROWS,
  isRetryableBySplitting,
  jsonBytes,
  PRIOR_BYTES_PER_CELL,
  RowSizeEstimator,
  rowsPerChunk,
} from "./payload";

/** A 0-based rectangle on a sheet. */
export interface Geometry {
  sheet: string;
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

/** A source table with where it lives, as listed. */
export interface SourceDescriptor extends SourceTable {
  geometry: Geometry;
}

/** "Mandats!A4:Y20008", "'Mes achats'!B2", "A1:C3" → sheet (or null) and 0-based corners. */
export function parseAddress(
  address: string
): { sheet: string | null; r1: number; c1: number; r2: number; c2: number } | null {
  const bang = address.lastIndexOf("!");
  let sheet: string | null = null;
  let ref = address;
  if (bang >= 0) {
    const raw = address.slice(0, bang);
    sheet = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    ref = address.slice(bang + 1);
  }
  const [a, b] = ref.split(":");
  const first = parseA1(a);
  const second = b === undefined ? first : parseA1(b);
  if (!first || !second) return null;
  return {
    sheet,
    r1: Math.min(first.row, second.row),
    c1: Math.min(first.col, second.col),
    r2: Math.max(first.row, second.row),
    c2: Math.max(first.col, second.col),
  };
}

/** Sheet-relative A1 of a geometry ("A4:Y20008"). */
export function geometryA1(g: Geometry): string {
  const end = `${columnLetter(g.c0 + Math.max(1, g.cols) - 1)}${g.r0 + Math.max(1, g.rows)}`;
  return `${columnLetter(g.c0)}${g.r0 + 1}:${end}`;
}

function geometryOf(
  address: string,
  fallbackSheet: string,
  rowCount: number,
  columnCount: number
): Geometry | null {
  const p = parseAddress(address);
  if (!p) return null;
  return { sheet: p.sheet ?? fallbackSheet, r0: p.r1, c0: p.c1, rows: rowCount, cols: columnCount };
}

function sameGeometry(a: Geometry, b: Geometry): boolean {
  return (
    a.sheet === b.sheet && a.r0 === b.r0 && a.c0 === b.c0 && a.rows === b.rows && a.cols === b.cols
  );
}

/** Sheets whose content is not a source: generated sheets (DECP excepted) and staging sheets. */
export function excludedSheets(state: WorkbookState): Set<string> {
  const out = new Set<string>();
  for (const o of state.owned) if (o.key !== "decp") out.add(o.name.toLowerCase());
  for (const s of state.staging) out.add(s.sheet.toLowerCase());
  return out;
}

/** Tables and plain data ranges, in workbook order (sheet position, then top-left cell). Two syncs. */
export async function listSources(
  session: ExcelSession
): Promise<{ sources: SourceDescriptor[]; state: WorkbookState }> {
  const read = queueWorkbookState(session, { tables: true });
  await session.sync();
  const state = await adoptReportSheets(session, read());
  return { sources: await listSourcesWithState(session, state), state };
}

/** Implementation of listSources once the state is known (one more sync). */
export async function listSourcesWithState(
  session: ExcelSession,
  state: WorkbookState
): Promise<SourceDescriptor[]> {
  const excluded = excludedSheets(state);
  const wb = session.workbook;
  const tables = state.tables
    .filter((t) => !excluded.has(t.sheet.toLowerCase()))
    .map((t) => ({
      t,
      range: wb.tables.getItem(t.name).getRange().load("address,rowCount,columnCount"),
    }));
  const withTables = new Set(state.tables.map((t) => t.sheet.toLowerCase()));
  const plain = state.sheets
    .filter(
      (s) =>
        s.visibility === "Visible" &&
        !excluded.has(s.name.toLowerCase()) &&
        !withTables.has(s.name.toLowerCase())
    )
    .map((s) => ({
      s,
      range: wb.worksheets
        .getItem(s.name)
        .getUsedRangeOrNullObject(true)
        .load("address,rowCount,columnCount"),
    }));
  if (tables.length === 0 && plain.length === 0) return [];
  await session.sync();
  const position = new Map(state.sheets.map((s) => [s.name.toLowerCase(), s.position] as const));
  const out: SourceDescriptor[] = [];
  const tableNames = new Set(state.tables.map((t) => t.name.toLowerCase()));
  for (const { t, range } of tables) {
    const g = geometryOf(range.address, t.sheet, range.rowCount, range.columnCount);
    if (!g) continue;
    out.push({
      name: t.name,
      sheet: t.sheet,
      address: geometryA1(g),
      rowCount: g.rows,
      columnCount: g.cols,
      isExcelTable: true,
      geometry: g,
    });
  }
  for (const { s, range } of plain) {
    if (range.isNullObject || range.rowCount < 2) continue;
    const g = geometryOf(range.address, s.name, range.rowCount, range.columnCount);
    if (!g) continue;
    // A plain range is named after its sheet; a table of the same name keeps it.
    const name = tableNames.has(s.name.toLowerCase()) ? `${s.name} (plage)` : s.name;
    out.push({
      name,
      sheet: s.name,
      address: geometryA1(g),
      rowCount: g.rows,
      columnCount: g.cols,
      isExcelTable: false,
      geometry: g,
    });
  }
  out.sort(
    (a, b) =>
      (position.get(a.sheet.toLowerCase()) ?? 0) - (position.get(b.sheet.toLowerCase()) ?? 0) ||
      a.geometry.r0 - b.geometry.r0 ||
      a.geometry.c0 - b.geometry.c0
  );
  return out;
}

/** Office.js values → gateway cells ("" → null). */
export function normaliseRow(row: unknown[]): Cell[] {
  const out: Cell[] = new Array(row.length);
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    out[i] = v === "" || v === undefined ? null : (v as Cell);
  }
  return out;
}

export interface ReadRowsOptions {
  /** Read at most this many rows from the top. */
  maxRows?: number;
  signal?: AbortSignal;
  /**
   * Queued with the first chunk: returns the geometry as it is now, after the sync. When it
   * differs from the one given, the read starts over with it.
   */
  verify?: () => () => Geometry | null;
  /** Called after each chunk (awaited: a slow sink slows the read down). */
  onChunk: (rows: Cell[][], offset: number, geometry: Geometry) => void | Promise<void>;
}

/** Reads the cells of a rectangle in payload-sized chunks. Returns the geometry actually read. */
export async function readRows(
  session: ExcelSession,
  geometry: Geometry,
  options: ReadRowsOptions
): Promise<Geometry> {
  let g = geometry;
  let verify = options.verify;
  let estimator = new RowSizeEstimator(PRIOR_BYTES_PER_CELL * Math.max(1, g.cols));
  let measured = false;
  let offset = 0;
  const limit = () => Math.min(g.rows, options.maxRows ?? Number.POSITIVE_INFINITY);
  while (offset < limit() || verify) {
    throwIfAborted(options.signal);
    const remaining = Math.max(1, limit() - offset);
    let rows = rowsPerChunk({ columns: g.cols, bytesPerRow: estimator.bytesPerRow, remaining });
    if (!measured) rows = Math.min(rows, FIRST_READ_ROWS);
    let values: unknown[][] | null = null;
    let restarted = false;
    for (;;) {
      const range =
        g.rows > 0 && g.cols > 0
          ? session.workbook.worksheets
              .getItem(g.sheet)
              .getRangeByIndexes(g.r0 + offset, g.c0, rows, g.cols)
              .load("values")
          : null;
      const check = verify ? verify() : null;
      try {
        await session.sync();
      } catch (error) {
        if (range && rows > 1 && isRetryableBySplitting(error)) {
          rows = Math.ceil(rows / 2);
          session.stats.splits++;
          continue;
        }
        throw error;
      }
      verify = undefined;
      if (check) {
        const now = check();
        if (now && !sameGeometry(now, g)) {
          g = now;
          estimator = new RowSizeEstimator(PRIOR_BYTES_PER_CELL * Math.max(1, g.cols));
          measured = false;
          offset = 0;
          restarted = true;
          break;
        }
      }
      values = range ? (range.values as unknown[][]) : [];
      break;
    }
    if (restarted || values === null) continue;
    if (values.length === 0) break;
    const bytes = jsonBytes(values);
    session.observeResponse(bytes);
    estimator.observe(values.length, bytes);
    measured = true;
    const take = Math.min(values.length, limit() - offset);
    const cells: Cell[][] = new Array(take);
    for (let i = 0; i < take; i++) cells[i] = normaliseRow(values[i]);
    await options.onChunk(cells, offset, g);
    offset += take;
  }
  return g;
}

/** A geometry check for readRows: the table's (or used range's) address as it is now. */
export function verifier(
  session: ExcelSession,
  source: Pick<SourceDescriptor, "isExcelTable" | "name" | "sheet">
): () => () => Geometry | null {
  return () => {
    const range = source.isExcelTable
      ? session.workbook.tables.getItem(source.name).getRange().load("address,rowCount,columnCount")
      : session.workbook.worksheets
          .getItem(source.sheet)
          .getUsedRangeOrNullObject(true)
          .load("address,rowCount,columnCount");
    return () =>
      range.isNullObject
        ? null
        : geometryOf(range.address, source.sheet, range.rowCount, range.columnCount);
  };
}

/**
 * Raw values of sheets from A1 to the bottom-right of their used range (so that indexes are sheet
 * positions), by sheet name; sheets that do not exist are left out. 1 sync + the chunks.
 */
export async function readSheetGrids(
  session: ExcelSession,
  names: string[],
  existing: readonly string[]
): Promise<Record<string, Cell[][]>> {
  const byLower = new Map(existing.map((n) => [n.toLowerCase(), n] as const));
  const wanted = [...new Set(names)].filter((n) => byLower.has(n.toLowerCase()));
  const used = wanted.map((n) => ({
    n,
    range: session.workbook.worksheets
      .getItem(byLower.get(n.toLowerCase())!)
      .getUsedRangeOrNullObject(true)
      .load("address"),
  }));
  if (used.length === 0) return {};
  await session.sync();
  const out: Record<string, Cell[][]> = {};
  for (const { n, range } of used) {
    const sheet = byLower.get(n.toLowerCase())!;
    if (range.isNullObject) {
      out[n] = [];
      continue;
    }
    const p = parseAddress(range.address);
    if (!p) continue;
    const grid: Cell[][] = [];
    await readRows(
      session,
      { sheet, r0: 0, c0: 0, rows: p.r2 + 1, cols: p.c2 + 1 },
      {
        onChunk: (rows) => {
          for (const r of rows) grid.push(r);
        },
      }
    );
    out[n] = grid;
  }
  return out;
}

const PROBE_NAME = `${ANCHOR_PREFIX}probe1904`;

/** Whether the workbook uses the 1904 date system (see the module comment); null when unknown. */
export async function detectDate1904(session: ExcelSession): Promise<boolean | null> {
  try {
    const item = session.workbook.names.add(PROBE_NAME, "=DATE(1904,1,2)");
    item.load("value");
    item.delete();
    await session.sync();
    const v = item.value as unknown;
    return v === 1 ? true : v === 1464 ? false : null;
  } catch (error) {
    if (error instanceof GatewayError) throw error; // timeout, abort: the run is over
    return null;
  }
}
