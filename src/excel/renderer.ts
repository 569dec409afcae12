/**
 * Renders a WorkbookSpec into the open workbook, all or nothing, in few round trips.
 *
 * 1. **State** (1 sync): sheets, owned-sheet anchors and registry (ownership.ts), tables, active
 *    sheet.
 * 2. **Staging** (as many syncs as the payload needs — batch-writer.ts packs ops across sheets up to
 *    3.5 MB per request): every sheet of the spec is written to a new hidden sheet
 *    `__optima_tmp_<key>`. Per area: number formats (one scalar per uniform column range), then
 *    "@" on text cells, then the values as 2D blocks in row chunks of ≤ 1 MB, then formulas; then
 *    `tables.add` over the written range (never `rows.add`), then styles, merges, conditional
 *    formats, data validation and charts on bounded ranges. Tables get temporary names (table
 *    names are workbook-wide). Formulas, validation lists and chart sources point at the staging
 *    sheets (sheet-refs.ts): Excel follows the renames of step 3.
 * 3. **Swap** (1 sync): each old owned sheet is deleted (or, for a merge-inputs sheet written with
 *    another layout version, or to which the user added what reading the inputs back does not
 *    carry — a chart, a comment, a note, a value outside our cells, a formula in an input cell:
 *    user-additions.ts, the same rules as the .xlsx writer — kept under another name, « Plan
 *    stratégique (ancien) », and released, with a message), the staging sheet takes its place,
 *    visibility and name, the anchors and the registry are updated, tables get their final
 *    names, panes are frozen, calculation runs. A kept sheet's formulas that referred to a
 *    replaced sheet are written back, so that they refer to the new one instead of #REF!.
 *
 * Before the staging, the user-additions check costs 2 syncs when there are input sheets to
 * rewrite (sizes and object counts, then cells), none otherwise.
 *
 * An error or an abort before the swap deletes the staging sheets and leaves the workbook as it
 * was; staging sheets left by a timeout are deleted by the next write.
 *
 * Names: an owned sheet keeps its current name when the user renamed it; otherwise it gets the
 * spec's name, made unique against every sheet the add-in does not own ("Tableau de bord (2)" when
 * the user has a "Tableau de bord"), reported in `renamed`.
 *
 * Text safety: a `{ text: true }` cell, and any plain string starting with = + - @ (belt and
 * braces; the spec already marks them), is written into a cell formatted "@" beforehand, so Excel
 * stores the string and never parses it as a formula, number or date.
 *
 * Requirement sets: ExcelApi 1.7 is the manifest minimum. Data validation, secondary chart axes
 * and axis number formats need 1.8 (`isSetSupported`): without it they are skipped and listed in
 * `warnings`. The print setup (`worksheet.pageLayout`: A4, fit to width, print area, repeated
 * rows, header and footer) needs 1.9: without it the sheets print with Excel's defaults, and a
 * warning says so. Screen updating is suspended with 1.9 only (excel-run.ts).
 *
 * Uniform number formats are sent as one scalar for a multi-cell range (Office.js applies a single
 * value to every cell of the range); `uniformFormatsAsScalar: false` sends full 2D arrays instead.
 */
import { rangeA1, sheetRangeA1 } from "../report/a1";
import { needsTextMarker } from "../report/cells";
import { PRINT_MARGINS, printCode } from "../report/print";
import { writtenCells, cellKey } from "../report/grid";
import {
  isFormula,
  isText,
  plainValue,
  STYLES,
  type CellRange,
  type CellValue,
  type ChartSpec,
  type PrintSetup,
  type ConditionalFormat,
  type RangeRef,
  type SheetKey,
  type SheetSpec,
  type StyleDef,
  type StyleName,
  type TableSpec,
  type ValidationSpec,
  type WorkbookSpec,
} from "../report/spec";
import { documentSheetName } from "../report/documents/naming";
import { GatewayError } from "../workbook/errors";
import { type WriteProgress, type WriteReport } from "../workbook/gateway";
import { executeOps, type Resolver, type WriteOp } from "./batch-writer";
import type { ExcelSession } from "./excel-run";
import {
  isDefaultName,
  loadWorkbookState,
  ownAnchor,
  queueAnchor,
  queueRegistry,
  stagingAnchor,
  uniqueSheetName,
  type OwnedRecord,
  type Registry,
  type WorkbookState,
} from "./ownership";
import {
  CALL_OVERHEAD_BYTES,
  jsonBytes,
  MAX_WRITE_CHUNK_BYTES,
  rowBytes,
  sliceByBytes,
  utf8Length,
} from "./payload";
import { retargetFormula } from "./sheet-refs";
import { detectUserAdditions, type AdditionsCheck, type SheetAdditions } from "./user-additions";
import { keptSheetMessage, keptSheetName } from "../report/user-additions";

export interface RenderOptions {
  signal?: AbortSignal;
  onProgress?: (progress: WriteProgress) => void;
  /** Send a uniform number format as one scalar (default) or as a full 2D array. */
  uniformFormatsAsScalar?: boolean;
  /** Request bytes per batch (default REQUEST_TARGET_BYTES). */
  targetBytes?: number;
}

export const STAGING_PREFIX = "__optima_tmp_";
const TMP_TABLE_SUFFIX = "__optima_tmp";

/** Strings Excel would read as a formula (or DDE lead) when typed: always written as text. */
const RISKY_LEAD = /^[=+\-@\t\r\n]/;

const O = CALL_OVERHEAD_BYTES;

/** Column width in characters → points (Calibri 11: 7 px per character + 5 px padding; 0.75 pt per px). */
export function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

interface SheetPlan {
  spec: SheetSpec;
  stg: string;
  old: OwnedRecord | null;
  /** New name of the old sheet when it is kept (layout changed, or the user's additions), else null. */
  archive: string | null;
  /** The user's additions that keep the old sheet (empty when none). */
  additions: string[];
  /** Formula cells of the kept sheet, written back after the swap (see swapOp). */
  keptFormulas: SheetAdditions["formulas"];
  /** Tables of a sheet kept for the user's additions, renamed so that the new sheet's keep their names. */
  keptTables: { from: string; to: string }[];
  final: string;
  tables: { tmp: string; final: string }[];
}

interface Compile {
  session: ExcelSession;
  scalar: boolean;
  /** Lower-case spec/owned sheet names → staging names, for formulas. */
  nameMap: Map<string, string>;
  /** Sheet key → name of the sheet to reference while staging (staging name or owned name). */
  keySheet: Map<SheetKey, string>;
  /** Sheet key → final name (internal hyperlinks name the sheet as it will be called). */
  finalSheet?: Map<SheetKey, string>;
  specByKey: Map<SheetKey, SheetSpec>;
  cellsCache: Map<SheetKey, Map<string, CellValue>>;
  supports18: boolean;
  /** ExcelApi 1.9: worksheet.pageLayout (print setup). */
  supports19: boolean;
  lang: WorkbookSpec["lang"];
  warnings: Set<string>;
}

// ---------------------------------------------------------------------------------------------
// Formats and styles

function setNumberFormat(
  c: Compile,
  range: Excel.Range,
  fmt: string,
  rows: number,
  cols: number
): void {
  if (c.scalar) (range as unknown as { numberFormat: unknown }).numberFormat = fmt;
  else
    range.numberFormat = Array.from({ length: rows }, () =>
      Array.from({ length: cols }, () => fmt)
    );
}

function formatBytes(c: Compile, fmt: string, rows: number, cols: number): number {
  return c.scalar ? utf8Length(fmt) + 2 : rows * cols * (utf8Length(fmt) + 3);
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", center: "Center", bottom: "Bottom" } as const;

function styleCalls(def: StyleDef, rows: number, cols: number): number {
  let n = 2;
  for (const k of [
    "bold",
    "italic",
    "fontSize",
    "fontColor",
    "fill",
    "wrap",
    "hAlign",
    "vAlign",
    "unlocked",
  ] as const)
    if (def[k] !== undefined) n++;
  if (def.border) n += 2 * (4 + (rows > 1 ? 1 : 0) + (cols > 1 ? 1 : 0));
  return n;
}

function applyStyle(range: Excel.Range, def: StyleDef, rows: number, cols: number): void {
  const f = range.format;
  if (def.bold !== undefined) f.font.bold = def.bold;
  if (def.italic !== undefined) f.font.italic = def.italic;
  if (def.fontSize !== undefined) f.font.size = def.fontSize;
  if (def.fontColor !== undefined) f.font.color = def.fontColor;
  if (def.fill !== undefined) f.fill.color = def.fill;
  if (def.wrap !== undefined) f.wrapText = def.wrap;
  if (def.hAlign !== undefined) f.horizontalAlignment = H_ALIGN[def.hAlign];
  if (def.vAlign !== undefined) f.verticalAlignment = V_ALIGN[def.vAlign];
  if (def.unlocked) f.protection.locked = false;
  if (def.border) {
    const edges: Excel.BorderIndex[] = [
      Excel_EdgeTop,
      Excel_EdgeBottom,
      Excel_EdgeLeft,
      Excel_EdgeRight,
    ];
    if (rows > 1) edges.push(Excel_InsideHorizontal);
    if (cols > 1) edges.push(Excel_InsideVertical);
    for (const e of edges) {
      const b = f.borders.getItem(e);
      b.style = "Continuous";
      b.color = def.border;
    }
  }
}

// String literals (the Excel enums are not needed at runtime; see the reference doc §3.2).
const Excel_EdgeTop = "EdgeTop" as Excel.BorderIndex;
const Excel_EdgeBottom = "EdgeBottom" as Excel.BorderIndex;
const Excel_EdgeLeft = "EdgeLeft" as Excel.BorderIndex;
const Excel_EdgeRight = "EdgeRight" as Excel.BorderIndex;
const Excel_InsideHorizontal = "InsideHorizontal" as Excel.BorderIndex;
const Excel_InsideVertical = "InsideVertical" as Excel.BorderIndex;

function styleOp(sheet: string, r: CellRange, style: StyleName): WriteOp {
  const def = STYLES[style];
  const rows = r.r2 - r.r1 + 1;
  const cols = r.c2 - r.c1 + 1;
  return {
    bytes: (styleCalls(def, rows, cols) + 2) * O,
    apply: (res) => applyStyle(res.range(sheet, r.r1, r.c1, r.r2, r.c2), def, rows, cols),
  };
}

// ---------------------------------------------------------------------------------------------
// Cell areas: formats, text, values, formulas

interface Area {
  sheet: string;
  row: number;
  col: number;
  cells: CellValue[][];
  /** Number format per column (null: keep). */
  formats: (string | null)[];
}

/** Runs of adjacent columns [c1, c2] where pick(c) gives the same non-null value. */
function columnRuns<T>(
  cols: number,
  pick: (c: number) => T | null
): { c1: number; c2: number; value: T }[] {
  const out: { c1: number; c2: number; value: T }[] = [];
  for (let c = 0; c < cols; c++) {
    const v = pick(c);
    if (v === null) continue;
    const last = out[out.length - 1];
    if (last && last.c2 === c - 1 && last.value === v) last.c2 = c;
    else out.push({ c1: c, c2: c, value: v });
  }
  return out;
}

function valuesOp(
  sheet: string,
  r0: number,
  c0: number,
  values: unknown[][],
  bytes: number
): WriteOp {
  const rows = values.length;
  const cols = values[0]?.length ?? 0;
  return {
    bytes: bytes + 3 * O,
    apply: (res) => {
      res.range(sheet, r0, c0, r0 + rows - 1, c0 + cols - 1).values = values as (
        string | number | boolean
      )[][];
    },
    split: () => {
      if (rows < 2) return null;
      const mid = Math.ceil(rows / 2);
      const a = values.slice(0, mid);
      const b = values.slice(mid);
      return [
        valuesOp(sheet, r0, c0, a, jsonBytes(a)),
        valuesOp(sheet, r0 + mid, c0, b, jsonBytes(b)),
      ];
    },
  };
}

function compileArea(c: Compile, a: Area): WriteOp[] {
  const rows = a.cells.length;
  const cols = rows > 0 ? a.cells[0].length : 0;
  if (rows === 0 || cols === 0) return [];
  const vals: unknown[][] = new Array(rows);
  const text = new Uint8Array(rows * cols);
  const str = new Uint8Array(rows * cols);
  const formulas: { r: number; c: number; f: string }[] = [];
  for (let r = 0; r < rows; r++) {
    const src = a.cells[r];
    const out: unknown[] = new Array(cols);
    for (let k = 0; k < cols; k++) {
      const v = src[k];
      if (v === null || v === undefined) out[k] = null;
      else if (typeof v === "string") {
        out[k] = v;
        str[r * cols + k] = 1;
        if (RISKY_LEAD.test(v)) text[r * cols + k] = 1;
      } else if (typeof v === "number") out[k] = Number.isFinite(v) ? v : null;
      else if (typeof v === "boolean") out[k] = v;
      else if (isText(v)) {
        out[k] = v.value;
        str[r * cols + k] = 1;
        text[r * cols + k] = 1;
      } else if (isFormula(v)) {
        out[k] = null;
        formulas.push({ r, c: k, f: retargetFormula(v.formula, c.nameMap) });
      } else out[k] = null;
    }
    vals[r] = out;
  }
  const ops: WriteOp[] = [];
  const { perRow } = rowBytes(vals);
  for (const s of sliceByBytes(perRow, MAX_WRITE_CHUNK_BYTES)) {
    const n = s.end - s.start;
    const top = a.row + s.start;
    const bottom = top + n - 1;
    // 1. Number formats, one range per run of columns sharing a format.
    for (const run of columnRuns(cols, (k) => a.formats[k] ?? null)) {
      const w = run.c2 - run.c1 + 1;
      ops.push({
        bytes: formatBytes(c, run.value, n, w) + 3 * O,
        apply: (res) =>
          setNumberFormat(
            c,
            res.range(a.sheet, top, a.col + run.c1, bottom, a.col + run.c2),
            run.value,
            n,
            w
          ),
      });
    }
    // 2. "@" before the values on text cells: whole column slices when they hold only strings,
    //    single cells when few, else a column array with null ("keep") elsewhere.
    const colText: number[] = new Array(cols).fill(0);
    const colAllStr: boolean[] = new Array(cols).fill(true);
    for (let r = s.start; r < s.end; r++) {
      for (let k = 0; k < cols; k++) {
        const i = r * cols + k;
        if (text[i]) colText[k]++;
        if (!str[i]) colAllStr[k] = false;
      }
    }
    for (const run of columnRuns(cols, (k) => (colText[k] > 0 && colAllStr[k] ? "all" : null))) {
      const w = run.c2 - run.c1 + 1;
      ops.push({
        bytes: formatBytes(c, "@", n, w) + 3 * O,
        apply: (res) =>
          setNumberFormat(
            c,
            res.range(a.sheet, top, a.col + run.c1, bottom, a.col + run.c2),
            "@",
            n,
            w
          ),
      });
    }
    for (let k = 0; k < cols; k++) {
      if (colText[k] === 0 || colAllStr[k]) continue;
      if (colText[k] <= 32) {
        const cells: number[] = [];
        for (let r = s.start; r < s.end; r++) if (text[r * cols + k]) cells.push(r);
        ops.push({
          bytes: cells.length * (3 * O + 8),
          apply: (res) => {
            for (const r of cells)
              res.range(a.sheet, a.row + r, a.col + k, a.row + r, a.col + k).numberFormat = [["@"]];
          },
        });
      } else {
        const column: (string | null)[][] = [];
        for (let r = s.start; r < s.end; r++) column.push([text[r * cols + k] ? "@" : null]);
        ops.push({
          bytes: jsonBytes(column) + 3 * O,
          apply: (res) =>
            (res.range(a.sheet, top, a.col + k, bottom, a.col + k).numberFormat =
              column as string[][]),
        });
      }
    }
    // 3. Values (formula cells null: "leave unchanged").
    const slice = s.start === 0 && s.end === rows ? vals : vals.slice(s.start, s.end);
    ops.push(valuesOp(a.sheet, top, a.col, slice, s.bytes));
    // 4. Formulas of the slice.
    const fs = formulas.filter((f) => f.r >= s.start && f.r < s.end);
    if (fs.length > 0) {
      ops.push({
        bytes: fs.reduce((b, f) => b + utf8Length(f.f) + 8 + 3 * O, 0),
        apply: (res) => {
          for (const f of fs)
            res.range(a.sheet, a.row + f.r, a.col + f.c, a.row + f.r, a.col + f.c).formulas = [
              [f.f],
            ];
        },
      });
    }
  }
  return ops;
}

function cellFormatOps(sheet: string, cells: { r: number; c: number; fmt: string }[]): WriteOp[] {
  if (cells.length === 0) return [];
  return [
    {
      bytes: cells.reduce((b, x) => b + utf8Length(x.fmt) + 8 + 3 * O, 0),
      apply: (res) => {
        for (const x of cells) res.range(sheet, x.r, x.c, x.r, x.c).numberFormat = [[x.fmt]];
      },
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Tables

function compileTable(c: Compile, sheet: string, t: TableSpec, tmpName: string): WriteOp[] {
  const ncols = t.columns.length;
  const header: CellValue[] = t.columns.map((col) =>
    needsTextMarker(col.header) ? { text: true, value: col.header } : col.header
  );
  const rows: CellValue[][] = t.rows.length > 0 ? t.rows : [t.columns.map(() => null)];
  const n = rows.length;
  const ops: WriteOp[] = [];
  ops.push(...compileArea(c, { sheet, row: t.row, col: t.col, cells: [header], formats: [] }));
  ops.push(
    ...compileArea(c, {
      sheet,
      row: t.row + 1,
      col: t.col,
      cells: rows,
      formats: t.columns.map((col) => col.numberFormat ?? null),
    })
  );
  ops.push({
    bytes: 6 * O + utf8Length(tmpName) + utf8Length(t.style),
    apply: (res) => {
      const table = res
        .sheet(sheet)
        .tables.add(res.range(sheet, t.row, t.col, t.row + n, t.col + ncols - 1), true);
      table.name = tmpName;
      table.style = t.style;
    },
  });
  t.columns.forEach((col, i) => {
    const body: CellRange = { r1: t.row + 1, c1: t.col + i, r2: t.row + n, c2: t.col + i };
    if (col.input) ops.push(styleOp(sheet, body, "input"));
    if (col.wrap)
      ops.push({
        bytes: 4 * O,
        apply: (res) =>
          (res.range(sheet, body.r1, body.c1, body.r2, body.c2).format.wrapText = true),
      });
  });
  if (t.cellFormats && t.cellFormats.length > 0) {
    const index = new Map(t.columns.map((col, i) => [col.key, i] as const));
    ops.push(
      ...cellFormatOps(
        sheet,
        t.cellFormats
          .filter((f) => index.has(f.key) && f.row < n)
          .map((f) => ({ r: t.row + 1 + f.row, c: t.col + index.get(f.key)!, fmt: f.numberFormat }))
      )
    );
  }
  return ops;
}

// ---------------------------------------------------------------------------------------------
// Conditional formats, validation, charts

const OPERATORS: Record<string, Excel.ConditionalCellValueOperator> = {
  between: "Between" as Excel.ConditionalCellValueOperator,
  notBetween: "NotBetween" as Excel.ConditionalCellValueOperator,
  equal: "EqualTo" as Excel.ConditionalCellValueOperator,
  notEqual: "NotEqualTo" as Excel.ConditionalCellValueOperator,
  greaterThan: "GreaterThan" as Excel.ConditionalCellValueOperator,
  lessThan: "LessThan" as Excel.ConditionalCellValueOperator,
  greaterThanOrEqual: "GreaterThanOrEqual" as Excel.ConditionalCellValueOperator,
  lessThanOrEqual: "LessThanOrEqual" as Excel.ConditionalCellValueOperator,
};

const ICON_SETS = {
  threeTrafficLights1: "ThreeTrafficLights1",
  threeArrows: "ThreeArrows",
  threeSymbols: "ThreeSymbols",
} as const;

function cfFormula(c: Compile, f: string): string {
  const g = f.startsWith("=") ? f : `=${f}`;
  return retargetFormula(g, c.nameMap);
}

function compileConditionalFormat(c: Compile, sheet: string, cf: ConditionalFormat): WriteOp {
  const r = cf.range;
  return {
    bytes: 10 * O,
    apply: (res) => {
      const range = res.range(sheet, r.r1, r.c1, r.r2, r.c2);
      switch (cf.type) {
        case "cellValue": {
          const x = range.conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
          const def = STYLES[cf.style];
          if (def.fontColor) x.cellValue.format.font.color = def.fontColor;
          if (def.fill) x.cellValue.format.fill.color = def.fill;
          if (def.bold !== undefined) x.cellValue.format.font.bold = def.bold;
          const rule: Excel.ConditionalCellValueRule = {
            formula1: cfFormula(c, cf.formula1),
            operator: OPERATORS[cf.operator],
          };
          if (cf.formula2 !== undefined) rule.formula2 = cfFormula(c, cf.formula2);
          x.cellValue.rule = rule;
          break;
        }
        case "dataBar": {
          const x = range.conditionalFormats.add("DataBar" as Excel.ConditionalFormatType);
          x.dataBar.positiveFormat.fillColor = cf.color;
          break;
        }
        case "colorScale": {
          const x = range.conditionalFormats.add("ColorScale" as Excel.ConditionalFormatType);
          const criteria: Excel.ConditionalColorScaleCriteria = {
            minimum: {
              type: "LowestValue" as Excel.ConditionalFormatColorCriterionType,
              formula: undefined,
              color: cf.minColor,
            },
            maximum: {
              type: "HighestValue" as Excel.ConditionalFormatColorCriterionType,
              formula: undefined,
              color: cf.maxColor,
            },
          };
          if (cf.midColor)
            criteria.midpoint = {
              type: "Percentile" as Excel.ConditionalFormatColorCriterionType,
              formula: "50",
              color: cf.midColor,
            };
          x.colorScale.criteria = criteria;
          break;
        }
        case "iconSet": {
          const x = range.conditionalFormats.add("IconSet" as Excel.ConditionalFormatType);
          x.iconSet.style = ICON_SETS[cf.iconSet] as Excel.IconSet;
          x.iconSet.reverseIconOrder = cf.reverse === true;
          break;
        }
      }
    },
  };
}

function refSheet(c: Compile, ref: RangeRef): string | null {
  return c.keySheet.get(ref.sheet) ?? null;
}

function compileValidation(
  c: Compile,
  sheet: string,
  spec: SheetSpec,
  v: ValidationSpec
): WriteOp | null {
  if (!c.supports18) {
    c.warnings.add(
      "Listes déroulantes non créées : cette version d'Excel ne gère pas la validation des données par complément (ExcelApi 1.8). Les cellules de saisie restent utilisables."
    );
    return null;
  }
  let source: string;
  if (Array.isArray(v.list)) source = v.list.join(",");
  else {
    const target = refSheet(c, v.list);
    if (target === null) return null;
    const r = v.list.range;
    source =
      v.list.sheet === spec.key
        ? `=${rangeA1(r.r1, r.c1, r.r2, r.c2, true)}`
        : `=${sheetRangeA1(target, r.r1, r.c1, r.r2, r.c2)}`;
  }
  const r = v.range;
  const fr = c.lang === "fr";
  return {
    bytes: 8 * O + utf8Length(source) + utf8Length(v.prompt ?? ""),
    apply: (res) => {
      const dv = res.range(sheet, r.r1, r.c1, r.r2, r.c2).dataValidation;
      dv.clear();
      dv.ignoreBlanks = v.allowBlank;
      dv.rule = { list: { inCellDropDown: true, source } };
      dv.errorAlert = {
        showAlert: true,
        style: (v.errorStyle === "stop" ? "Stop" : "Warning") as Excel.DataValidationAlertStyle,
        title: "Optima Achats",
        message:
          v.errorStyle === "stop"
            ? fr
              ? "Choisissez une valeur de la liste."
              : "Choose a value from the list."
            : fr
              ? "Cette valeur n'est pas dans la liste : vérifiez-la."
              : "This value is not in the list: check it.",
      };
      if (v.prompt)
        dv.prompt = { showPrompt: true, title: "Optima Achats", message: v.prompt.slice(0, 255) };
    },
  };
}

const CHART_TYPES: Record<ChartSpec["type"], string> = {
  bar: "BarClustered",
  column: "ColumnClustered",
  line: "Line",
  pie: "Pie",
  doughnut: "Doughnut",
  radar: "Radar",
  "combo-pareto": "ColumnClustered",
};

/** The text of a cell of the spec (series names given as a cell). */
function specCellText(c: Compile, ref: RangeRef): string {
  let cells = c.cellsCache.get(ref.sheet);
  if (!cells) {
    const s = c.specByKey.get(ref.sheet);
    cells = s ? writtenCells(s) : new Map();
    c.cellsCache.set(ref.sheet, cells);
  }
  const v = cells.get(cellKey(ref.range.r1, ref.range.c1));
  const p = v === undefined ? null : plainValue(v);
  return p === null ? "" : String(p);
}

function compileChart(c: Compile, sheet: string, ch: ChartSpec): WriteOp | null {
  const first = ch.series[0];
  if (!first) return null;
  const refs = [
    first.values,
    ...ch.series.slice(1).map((s) => s.values),
    ...(ch.categories ? [ch.categories] : []),
  ];
  if (refs.some((r) => refSheet(c, r) === null)) {
    c.warnings.add(`Graphique « ${ch.title} » non créé : une feuille source est absente.`);
    return null;
  }
  const needs18 =
    ch.series.some((s) => s.axis === "secondary") ||
    ch.valueFormat !== undefined ||
    ch.secondaryFormat !== undefined;
  if (needs18 && !c.supports18)
    c.warnings.add(
      "Graphiques simplifiés (axes sans format, pas d'axe secondaire) : cette version d'Excel ne gère pas ces réglages (ExcelApi 1.8)."
    );
  const names = ch.series.map((s) =>
    typeof s.name === "string" ? s.name : specCellText(c, s.name)
  );
  const rangeOf = (res: Resolver, ref: RangeRef) =>
    res.range(refSheet(c, ref)!, ref.range.r1, ref.range.c1, ref.range.r2, ref.range.c2);
  const seriesBy = (ref: RangeRef) =>
    ref.range.r1 === ref.range.r2 && ref.range.c2 > ref.range.c1 ? "Rows" : "Columns";
  return {
    bytes:
      (20 + 6 * ch.series.length) * O +
      utf8Length(ch.title) +
      names.reduce((b, n) => b + utf8Length(n), 0),
    apply: (res) => {
      const chart = res
        .sheet(sheet)
        .charts.add(
          CHART_TYPES[ch.type] as Excel.ChartType,
          rangeOf(res, first.values),
          seriesBy(first.values) as Excel.ChartSeriesBy
        );
      chart.title.text = ch.title;
      if (ch.legend === "none") chart.legend.visible = false;
      else if (ch.legend)
        chart.legend.position = (
          ch.legend === "right" ? "Right" : "Bottom"
        ) as Excel.ChartLegendPosition;
      ch.series.forEach((s, i) => {
        const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(names[i]);
        if (i > 0) series.setValues(rangeOf(res, s.values));
        series.name = names[i];
        if (ch.categories) series.setXAxisValues(rangeOf(res, ch.categories));
        if (ch.type === "combo-pareto" && s.as === "line")
          series.chartType = "Line" as Excel.ChartType;
        if (s.axis === "secondary" && c.supports18)
          series.axisGroup = "Secondary" as Excel.ChartAxisGroup;
      });
      // Fixed value-axis bounds (radar 0–100 %): ChartAxis.minimum / maximum, ExcelApi 1.1.
      if (ch.valueAxis?.min !== undefined) chart.axes.valueAxis.minimum = ch.valueAxis.min;
      if (ch.valueAxis?.max !== undefined) chart.axes.valueAxis.maximum = ch.valueAxis.max;
      if (c.supports18) {
        if (ch.valueFormat) chart.axes.valueAxis.numberFormat = ch.valueFormat;
        if (ch.secondaryFormat && ch.series.some((s) => s.axis === "secondary")) {
          chart.axes.getItem(
            "Value" as Excel.ChartAxisType,
            "Secondary" as Excel.ChartAxisGroup
          ).numberFormat = ch.secondaryFormat;
        }
      }
      const a = ch.anchor;
      chart.setPosition(
        res.range(sheet, a.row, a.col, a.row, a.col),
        res.range(
          sheet,
          a.row + a.heightRows - 1,
          a.col + a.widthCols - 1,
          a.row + a.heightRows - 1,
          a.col + a.widthCols - 1
        )
      );
    },
  };
}

// ---------------------------------------------------------------------------------------------
// One sheet

function compileSheet(c: Compile, p: SheetPlan, onDone: () => void): WriteOp[] {
  const s = p.spec;
  const sheet = p.stg;
  const ops: WriteOp[] = [];
  ops.push({
    bytes: 8 * O + utf8Length(sheet),
    apply: (res) => {
      const ws = res.workbook.worksheets.add(sheet);
      res.added(sheet, ws);
      ws.visibility = "Hidden" as Excel.SheetVisibility;
      if (s.tabColor) ws.tabColor = s.tabColor;
      queueAnchor(c.session, stagingAnchor(s.key), ws);
    },
  });
  if (s.columnWidths.length > 0) {
    ops.push({
      bytes: s.columnWidths.length * 4 * O,
      apply: (res) => {
        for (const w of s.columnWidths) {
          const range = res.sheet(sheet).getRangeByIndexes(0, w.col, 1, 1);
          range.format.columnWidth = widthPoints(w.width);
          // Row keys of a merge-inputs sheet: hidden, never printed (ExcelApi 1.2).
          if (w.hidden) range.columnHidden = true;
        }
      },
    });
  }
  // Values first (blocks, then tables with tables.add right after their cells).
  for (const b of s.blocks) {
    const cols = b.values[0]?.length ?? 0;
    const formats = Array.from(
      { length: cols },
      (_, k) => b.columnFormats?.[k] ?? b.numberFormat ?? null
    );
    ops.push(...compileArea(c, { sheet, row: b.row, col: b.col, cells: b.values, formats }));
  }
  s.tables.forEach((t, i) => ops.push(...compileTable(c, sheet, t, p.tables[i].tmp)));
  // Then formats on bounded ranges.
  for (const b of s.blocks) {
    const rows = b.values.length;
    const cols = b.values[0]?.length ?? 0;
    if (rows === 0 || cols === 0) continue;
    if (b.style)
      ops.push(
        styleOp(
          sheet,
          { r1: b.row, c1: b.col, r2: b.row + rows - 1, c2: b.col + cols - 1 },
          b.style
        )
      );
    if (b.cellFormats)
      ops.push(
        ...cellFormatOps(
          sheet,
          b.cellFormats.map((f) => ({ r: b.row + f.r, c: b.col + f.c, fmt: f.numberFormat }))
        )
      );
  }
  for (const m of s.merges)
    ops.push({
      bytes: 4 * O,
      apply: (res) => res.range(sheet, m.r1, m.c1, m.r2, m.c2).merge(false),
    });
  for (const cf of s.conditionalFormats) ops.push(compileConditionalFormat(c, sheet, cf));
  for (const v of s.validations) {
    const op = compileValidation(c, sheet, s, v);
    if (op) ops.push(op);
  }
  for (const ch of s.charts) {
    const op = compileChart(c, sheet, ch);
    if (op) ops.push(op);
  }
  // Internal hyperlinks (issue #12; range.hyperlink is ExcelApi 1.7).
  for (const l of s.links ?? []) {
    const target = c.finalSheet?.get(l.target.sheet);
    if (!target) continue;
    const t = l.target.range;
    const documentReference = sheetRangeA1(target, t.r1, t.c1, t.r2, t.c2);
    ops.push({
      bytes: 4 * O + utf8Length(documentReference) + utf8Length(l.tip ?? ""),
      apply: (res) => {
        res.range(sheet, l.row, l.col, l.row, l.col).hyperlink = l.tip
          ? { documentReference, screenTip: l.tip }
          : { documentReference };
      },
    });
  }
  if (s.print) {
    const op = compilePrint(c, sheet, s.print);
    if (op) ops.push(op);
  }
  ops[ops.length - 1].done = onDone;
  return ops;
}

// ---------------------------------------------------------------------------------------------
// Print setup (ExcelApi 1.9)

const POINTS_PER_INCH = 72;

function compilePrint(c: Compile, sheet: string, print: PrintSetup): WriteOp | null {
  if (!c.supports19) {
    c.warnings.add(
      "Mise en page d'impression non appliquée : cette version d'Excel ne la permet pas aux compléments (ExcelApi 1.9). Les feuilles s'impriment avec les réglages par défaut d'Excel."
    );
    return null;
  }
  const header = print.header.map(printCode);
  const footer = print.footer.map(printCode);
  const m = PRINT_MARGINS;
  const a = print.area;
  return {
    bytes: 24 * O + utf8Length(header.join("") + footer.join("")),
    apply: (res) => {
      const pl = res.sheet(sheet).pageLayout;
      pl.orientation = (print.orientation === "portrait"
        ? "Portrait"
        : "Landscape") as Excel.PageOrientation;
      pl.paperSize = "A4" as Excel.PaperType;
      pl.zoom = {
        horizontalFitToPages: print.fitToWidth,
        verticalFitToPages: print.fitToHeight ?? 0,
      };
      pl.leftMargin = m.left * POINTS_PER_INCH;
      pl.rightMargin = m.right * POINTS_PER_INCH;
      pl.topMargin = m.top * POINTS_PER_INCH;
      pl.bottomMargin = m.bottom * POINTS_PER_INCH;
      pl.headerMargin = m.header * POINTS_PER_INCH;
      pl.footerMargin = m.footer * POINTS_PER_INCH;
      pl.centerHorizontally = true;
      pl.setPrintArea(res.range(sheet, a.r1, a.c1, a.r2, a.c2));
      if (print.titleRows)
        pl.setPrintTitleRows(`$${print.titleRows.first + 1}:$${print.titleRows.last + 1}`);
      const hf = pl.headersFooters.defaultForAllPages;
      hf.leftHeader = header[0];
      hf.centerHeader = header[1];
      hf.rightHeader = header[2];
      hf.leftFooter = footer[0];
      hf.centerFooter = footer[1];
      hf.rightFooter = footer[2];
      // Manual page breaks (the dashboard: the charts start a page).
      for (const r of print.rowBreaks ?? [])
        res.sheet(sheet).horizontalPageBreaks?.add(res.range(sheet, r, 0, r, 0));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Plan, swap, cleanup

/**
 * The owned input sheets about to be rewritten in place whose user additions must be checked
 * (as the .xlsx writer does: merge-inputs sheets of the same layout, the Attentes grid aside —
 * its cells follow the territories of the data).
 */
function additionChecks(spec: WorkbookSpec, state: WorkbookState): AdditionsCheck[] {
  const out: AdditionsCheck[] = [];
  for (const s of spec.sheets) {
    if (s.mode !== "merge-inputs" || s.key === "attentes") continue;
    const old = state.owned.find((o) => o.key === s.key);
    if (!old || (old.layoutVersion !== null && old.layoutVersion !== s.layoutVersion)) continue;
    out.push({ key: s.key, sheet: old.name, spec: s });
  }
  return out;
}

function planSheets(
  spec: WorkbookSpec,
  state: WorkbookState,
  found: ReadonlyMap<SheetKey, SheetAdditions> = new Map()
): { plans: SheetPlan[]; renamed: WriteReport["renamed"]; warnings: string[] } {
  const warnings: string[] = [];
  const ownedByKey = new Map<SheetKey, OwnedRecord>();
  for (const o of state.owned) if (o.key !== "decp") ownedByKey.set(o.key, o);
  const existing = new Set(state.sheets.map((s) => s.name.toLowerCase()));
  const leaving = new Set<string>(state.staging.map((s) => s.sheet.toLowerCase()));
  const reserved = new Set<string>();
  // Staging names: unique against every sheet there is now.
  const stgTaken = (n: string) => existing.has(n) || reserved.has(n);
  const plans: SheetPlan[] = spec.sheets.map((s) => {
    const stg = uniqueSheetName(`${STAGING_PREFIX}${s.key}`, stgTaken);
    reserved.add(stg.toLowerCase());
    // Documents (mode "document", issue #14) are the user's once written: never an old sheet of ours.
    const old = s.mode === "document" ? null : (ownedByKey.get(s.key) ?? null);
    const layoutChanged =
      old !== null &&
      s.mode === "merge-inputs" &&
      old.layoutVersion !== null &&
      old.layoutVersion !== s.layoutVersion;
    const added = old !== null && !layoutChanged ? (found.get(s.key) ?? null) : null;
    const additions = added?.additions ?? [];
    const keep = layoutChanged || additions.length > 0;
    if (old && !keep) leaving.add(old.name.toLowerCase());
    return {
      spec: s,
      stg,
      old,
      archive: keep ? "" : null,
      additions,
      keptFormulas: keep && added ? added.formulas : [],
      keptTables: [],
      final: "",
      tables: [],
    };
  });
  // Final names: taken = sheets that stay (not owned-and-replaced, not leftover staging), archives, finals so far.
  const taken = new Set<string>([...existing].filter((n) => !leaving.has(n)));
  for (const p of plans) {
    if (p.archive === "" && p.old) {
      // The old sheet keeps its place under another name; its own name is free again.
      taken.delete(p.old.name.toLowerCase());
      const free = (n: string) => taken.has(n) || reserved.has(n);
      if (p.additions.length > 0) {
        // The user's additions: the old sheet is kept as it was, as the .xlsx writer does.
        p.archive = keptSheetName(p.old.name, free);
        warnings.push(keptSheetMessage(p.old.name, p.additions, p.archive));
      } else {
        p.archive = uniqueSheetName(`${p.old.name} (v${p.old.layoutVersion})`, free);
        warnings.push(
          `La feuille « ${p.old.name} » a une ancienne mise en page : elle est conservée sous le nom « ${p.archive} » (elle n'est plus mise à jour) ; reportez vos saisies dans la nouvelle feuille si besoin.`
        );
      }
      taken.add(p.archive.toLowerCase());
    }
  }
  const renamed: WriteReport["renamed"] = [];
  for (const p of plans) {
    const kept =
      p.old && p.archive === null && !isDefaultName(p.spec.key, p.old.name) ? p.old.name : null;
    const free = (n: string) => taken.has(n) || reserved.has(n);
    const final =
      kept ??
      (p.spec.mode === "document"
        ? documentSheetName(p.spec.name, free)
        : uniqueSheetName(p.spec.name, free));
    taken.add(final.toLowerCase());
    p.final = final;
    if (kept === null && final !== p.spec.name && p.spec.mode !== "document")
      renamed.push({ key: p.spec.key, wanted: p.spec.name, name: final });
  }
  // Table names: workbook-wide; clashes with tables of sheets that stay get a suffix.
  const leavingSheets = new Set(
    [...leaving].filter(
      (n) => !plans.some((p) => p.archive && p.old && p.old.name.toLowerCase() === n)
    )
  );
  // A sheet kept for the user's additions gives its tables' names to the new sheet (its own get
  // « _ancien »), so that the new plan's tables keep their names from one run to the next.
  const keptFor = new Map<string, SheetPlan>();
  for (const p of plans)
    if (p.archive && p.old && p.additions.length > 0) keptFor.set(p.old.name.toLowerCase(), p);
  const tableTaken = new Set(
    state.tables
      .filter(
        (t) => !leavingSheets.has(t.sheet.toLowerCase()) && !keptFor.has(t.sheet.toLowerCase())
      )
      .map((t) => t.name.toLowerCase())
  );
  for (const p of plans) {
    for (const t of p.spec.tables) {
      let final = t.name;
      for (let i = 2; tableTaken.has(final.toLowerCase()); i++) final = `${t.name}_${i}`;
      if (final !== t.name)
        warnings.push(
          `Le tableau « ${t.name} » existe déjà dans le classeur : le tableau généré s'appelle « ${final} ».`
        );
      tableTaken.add(final.toLowerCase());
      p.tables.push({ tmp: `${final}${TMP_TABLE_SUFFIX}`, final });
    }
  }
  for (const t of state.tables) {
    const p = keptFor.get(t.sheet.toLowerCase());
    if (!p) continue;
    let to = `${t.name}_ancien`;
    for (let i = 2; tableTaken.has(to.toLowerCase()); i++) to = `${t.name}_ancien${i}`;
    tableTaken.add(to.toLowerCase());
    p.keptTables.push({ from: t.name, to });
  }
  return { plans, renamed, warnings };
}

function cleanupOps(state: WorkbookState): WriteOp[] {
  if (state.staging.length === 0 && state.dangling.length === 0) return [];
  return [
    {
      bytes: (state.staging.length * 4 + state.dangling.length * 2) * O,
      apply: (res) => {
        for (const s of state.staging) {
          res.workbook.names.getItem(s.anchor).delete();
          res.sheet(s.sheet).delete();
          res.forget(s.sheet);
        }
        for (const a of state.dangling) res.workbook.names.getItem(a).delete();
      },
    },
  ];
}

/** Whether a formula refers to one of the sheets (quoted 'Tableau de bord'! or bare Paramètres!). */
function refersToAny(formula: string, sheets: string[]): boolean {
  const f = formula.toLowerCase();
  return sheets.some((name) => {
    const n = name.toLowerCase();
    if (f.includes(`'${n.replace(/'/g, "''")}'!`)) return true;
    const at = f.indexOf(`${n}!`);
    return at >= 0 && (at === 0 || !/[\w.'\u00c0-\uffff]/.test(f[at - 1]));
  });
}

function swapOp(c: Compile, plans: SheetPlan[], state: WorkbookState, registry: Registry): WriteOp {
  return {
    bytes:
      (plans.length * 16 + plans.reduce((n, p) => n + p.tables.length, 0) * 3 + 4) * O +
      plans.reduce((n, p) => n + p.keptFormulas.reduce((b, f) => b + utf8Length(f.formula) + 4 * O, 0), 0) +
      jsonBytes(registry),
    barrier: true,
    apply: (res) => {
      const wb = res.workbook;
      // Simulated sheet order, to compute the positions Excel will see.
      const order: string[] = state.sheets
        .map((s) => s.name.toLowerCase())
        .filter((n) => !state.staging.some((x) => x.sheet.toLowerCase() === n));
      for (const p of plans) order.push(p.stg.toLowerCase());
      let activate: string | null = null;
      const kept: { sheet: Excel.Worksheet; formulas: SheetPlan["keptFormulas"] }[] = [];
      // 1. Each staging sheet takes the place of the sheet it replaces; old sheets go.
      for (const p of plans) {
        const ws = res.sheet(p.stg);
        wb.names.getItem(stagingAnchor(p.spec.key)).delete();
        ws.visibility = (p.spec.hidden ? "Hidden" : "Visible") as Excel.SheetVisibility;
        if (p.old) {
          if (!p.old.adopted) wb.names.getItem(p.old.anchor).delete();
          const at = order.indexOf(p.old.name.toLowerCase());
          if (at >= 0) {
            order.splice(order.indexOf(p.stg.toLowerCase()), 1);
            order.splice(at, 0, p.stg.toLowerCase());
            ws.position = at;
          }
          const oldSheet = res.sheet(p.old.name);
          if (p.archive) {
            oldSheet.name = p.archive;
            kept.push({ sheet: oldSheet, formulas: p.keptFormulas });
            order[order.indexOf(p.old.name.toLowerCase())] = p.archive.toLowerCase();
          } else {
            oldSheet.delete();
            order.splice(order.indexOf(p.old.name.toLowerCase()), 1);
          }
          res.forget(p.old.name);
          if (
            state.activeSheet !== null &&
            state.activeSheet.toLowerCase() === p.old.name.toLowerCase()
          )
            activate = p.stg;
        }
      }
      // 2. Final names, anchors, frozen panes.
      for (const p of plans) {
        const ws = res.sheet(p.stg);
        ws.name = p.final;
        if (p.spec.mode !== "document") queueAnchor(c.session, ownAnchor(p.spec.key), ws);
        const f = p.spec.frozen;
        if (f && f.rows > 0 && f.cols > 0)
          ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, f.rows, f.cols));
        else if (f && f.rows > 0) ws.freezePanes.freezeRows(f.rows);
        else if (f && f.cols > 0) ws.freezePanes.freezeColumns(f.cols);
      }
      // 3. Final table names (the old tables are gone with their sheets, or renamed on a sheet kept
      //    for the user's additions).
      for (const p of plans) for (const t of p.keptTables) wb.tables.getItem(t.from).name = t.to;
      for (const p of plans) for (const t of p.tables) wb.tables.getItem(t.tmp).name = t.final;
      // 4. The kept sheets' formulas that refer to a sheet just replaced (deleted: #REF!) are
      //    written back as they were: they now refer to the new sheet of that name.
      const replaced = plans.flatMap((p) => (p.old && !p.archive ? [p.old.name] : []));
      for (const k of kept)
        for (const f of k.formulas)
          if (refersToAny(f.formula, replaced))
            k.sheet.getRangeByIndexes(f.row, f.col, 1, 1).formulas = [[f.formula]];
      queueRegistry(c.session, registry);
      if (activate) res.sheet(activate).activate();
      wb.application.calculate("Recalculate" as Excel.CalculationType);
    },
  };
}

/** Deletes the staging sheets of this add-in (after an error or an abort). Best effort, 2 syncs. */
export async function cleanupStaging(session: ExcelSession): Promise<void> {
  const state = await loadWorkbookState(session);
  if (state.staging.length === 0) return;
  for (const s of state.staging) {
    session.workbook.names.getItem(s.anchor).delete();
    session.workbook.worksheets.getItem(s.sheet).delete();
  }
  await session.sync();
}

/** Renders the spec (see the module comment). Rejects with a GatewayError; the workbook is then unchanged. */
export async function renderWorkbook(
  session: ExcelSession,
  spec: WorkbookSpec,
  options: RenderOptions = {}
): Promise<WriteReport> {
  const state = await loadWorkbookState(session, { tables: true, active: true });
  // The user's additions to the input sheets about to be rewritten (2 syncs, none without any).
  const found = await detectUserAdditions(session, additionChecks(spec, state));
  const { plans, renamed, warnings } = planSheets(spec, state, found);
  const nameMap = new Map<string, string>();
  const keySheet = new Map<SheetKey, string>();
  for (const o of state.owned) if (o.key !== "decp") keySheet.set(o.key, o.name);
  for (const p of plans) {
    nameMap.set(p.spec.name.toLowerCase(), p.stg);
    keySheet.set(p.spec.key, p.stg);
  }
  const c: Compile = {
    session,
    scalar: options.uniformFormatsAsScalar ?? true,
    nameMap,
    keySheet,
    finalSheet: new Map(plans.map((p) => [p.spec.key, p.final] as const)),
    specByKey: new Map(spec.sheets.map((s) => [s.key, s] as const)),
    cellsCache: new Map(),
    supports18: session.supports("1.8"),
    supports19: session.supports("1.9"),
    lang: spec.lang,
    warnings: new Set(warnings),
  };
  const total = plans.length;
  const ops: WriteOp[] = [...cleanupOps(state)];
  plans.forEach((p, i) =>
    ops.push(
      ...compileSheet(c, p, () => options.onProgress?.({ done: i + 1, total, sheet: p.final }))
    )
  );
  // Registry: the sheets of this spec, the other owned sheets as they are.
  const registry: Registry = { version: 1, sheets: {} };
  for (const o of state.owned)
    if (!o.adopted && !plans.some((p) => p.old?.anchor === o.anchor))
      registry.sheets[o.anchor] = { key: o.key, name: o.name, layoutVersion: o.layoutVersion };
  for (const p of plans.filter((x) => x.spec.mode !== "document"))
    registry.sheets[ownAnchor(p.spec.key)] = {
      key: p.spec.key,
      name: p.final,
      layoutVersion: p.spec.layoutVersion,
    };
  options.onProgress?.({ done: 0, total, sheet: plans[0]?.final ?? "" });
  try {
    await executeOps(session, ops, { targetBytes: options.targetBytes });
    await executeOps(session, [swapOp(c, plans, state, registry)], { write: false });
  } catch (error) {
    if (!(error instanceof GatewayError && error.code === "timeout")) {
      try {
        await cleanupStaging(session.withoutAbort());
      } catch {
        // The next write deletes what is left.
      }
    }
    throw error;
  }
  return {
    sheets: plans.map((p) => ({
      key: p.spec.key,
      name: p.final,
      created: p.old === null || p.archive !== null,
    })),
    renamed,
    warnings: [...c.warnings],
  };
}

export interface TableSheet {
  /** Sheet name wanted (made unique). */
  sheetName: string;
  /** The table (row/col of its header), its name made unique by the caller. */
  table: TableSpec;
  /** Anchor name recording the sheet as owned, and its registry entry key. */
  anchor: string;
  key: "decp";
}

/**
 * Writes one new visible sheet holding one Excel table (DECP import): values in payload-sized
 * batches, then tables.add over them. On failure the half-written sheet is deleted.
 */
export async function renderTableSheet(
  session: ExcelSession,
  sheet: TableSheet,
  state: WorkbookState,
  options: RenderOptions = {}
): Promise<string> {
  const name = uniqueSheetName(sheet.sheetName, (n) =>
    state.sheets.some((s) => s.name.toLowerCase() === n)
  );
  const c: Compile = {
    session,
    scalar: options.uniformFormatsAsScalar ?? true,
    nameMap: new Map(),
    keySheet: new Map(),
    specByKey: new Map(),
    cellsCache: new Map(),
    supports18: session.supports("1.8"),
    supports19: session.supports("1.9"),
    lang: "fr",
    warnings: new Set(),
  };
  const registry: Registry = { version: 1, sheets: { ...state.registry.sheets } };
  registry.sheets[sheet.anchor] = { key: sheet.key, name, layoutVersion: null };
  const t = sheet.table;
  const ops: WriteOp[] = [
    {
      bytes: 6 * O,
      apply: (res) => {
        const ws = res.workbook.worksheets.add(name);
        res.added(name, ws);
        queueAnchor(session, sheet.anchor, ws);
        queueRegistry(session, registry);
      },
    },
    ...compileTable(c, name, t, t.name),
    {
      bytes: (t.columns.length + 2) * 4 * O,
      apply: (res) => {
        t.columns.forEach((col, i) => {
          if (col.width)
            res.sheet(name).getRangeByIndexes(0, t.col + i, 1, 1).format.columnWidth = widthPoints(
              col.width
            );
        });
        res.sheet(name).freezePanes.freezeRows(t.row + 1);
      },
    },
  ];
  try {
    await executeOps(session, ops, { targetBytes: options.targetBytes });
  } catch (error) {
    if (!(error instanceof GatewayError && error.code === "timeout")) {
      try {
        const s = session.withoutAbort();
        const now = await loadWorkbookState(s);
        const anchor = now.owned.find((o) => o.anchor === sheet.anchor);
        if (anchor) s.workbook.names.getItem(anchor.anchor).delete();
        if (now.sheets.some((x) => x.name === name)) s.workbook.worksheets.getItem(name).delete();
        await s.sync();
      } catch {
        // Left as it is; the user can delete it.
      }
    }
    throw error;
  }
  return name;
}
