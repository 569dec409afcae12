/**
 * SheetBuilder: the small mutable helper every sheet builder uses to place blocks, tables, charts
 * and validations, then freeze them into an immutable SheetSpec. Also the shared build context
 * (analysis, language, formats, stamp, user inputs, workbook-wide table names).
 */
import type { Analysis } from "../core/analyse";
import type { IndicatorResult, Row, Tables } from "../core/indicators/types";
import { isMessage } from "../core/messages/render";
import { rangeA1, sheetRangeA1 } from "./a1";
import {
  dateSerial,
  fraction,
  monthSerial,
  scalarCell,
  textCell,
  yesNo,
  type Formats,
} from "./cells";
import type { FieldDef } from "./input-layout";
import { printSetup, type PrintChoice } from "./print";
import type { UserInputs } from "./inputs";
import {
  coverageWords,
  header,
  indicatorLabel,
  listSeparator,
  message,
  naText,
  sheetName,
  text,
  type HeaderKey,
  type Lang,
} from "./labels";
import {
  isValidTableName,
  type CellBlock,
  type CellRange,
  type CellValue,
  type ChartSpec,
  type ConditionalFormat,
  type InputRange,
  type LinkSpec,
  type RangeRef,
  type SheetKey,
  type SheetMode,
  type SheetSpec,
  type Stamp,
  type StyleName,
  type TableColumn,
  type TableSpec,
  type TableStyle,
  type ValidationSpec,
} from "./spec";

export interface BuildContext {
  analysis: Analysis;
  lang: Lang;
  f: Formats;
  stamp: Stamp;
  inputs: UserInputs;
  /** Table names used so far (lower case), for workbook-wide uniqueness. */
  tableNames: Set<string>;
}

export function sheetNameOf(ctx: BuildContext, key: SheetKey): string {
  return sheetName(ctx.lang, key);
}

/** Column kinds of core rows: how a raw row value becomes a cell, and its number format. */
export type ColumnKind =
  | "text"
  | "eur" // euros, 2 decimals
  | "eur0" // euros, 0 decimals
  | "pct" // 0..100 in the core → fraction
  | "int"
  | "year" // a year: 2026, no thousands separator
  | "dec2"
  | "date" // ISO date or day number → serial
  | "month" // "YYYY-MM" → serial of the 1st
  | "bool" // → Oui / Non
  | "days"
  | "eurHab";

/**
 * A column of a table of typed rows: `key` is a key of the row type (checked by the compiler),
 * the header a catalogue key, the kind its cell conversion and number format.
 */
export interface ColumnDef<R extends object = Row> {
  key: keyof R & string;
  header: HeaderKey;
  kind: ColumnKind;
  width?: number;
  /** Reads the value from the row (default: row[key]). */
  get?: (row: R) => unknown;
  input?: boolean;
  wrap?: boolean;
}

export function kindFormat(f: Formats, kind: ColumnKind): string | undefined {
  switch (kind) {
    case "eur":
      return f.eur2;
    case "eur0":
      return f.eur0;
    case "pct":
      return f.pct;
    case "int":
      return f.int;
    case "year":
      return f.year;
    case "dec2":
      return f.dec2;
    case "date":
      return f.date;
    case "month":
      return f.month;
    case "days":
      return f.days;
    case "eurHab":
      return f.eurHab;
    default:
      return undefined;
  }
}

function defaultWidth(kind: ColumnKind): number {
  switch (kind) {
    case "text":
      return 24;
    case "date":
    case "month":
      return 12;
    case "bool":
      return 10;
    case "pct":
    case "int":
    case "days":
      return 11;
    default:
      return 15;
  }
}

export function kindCell(lang: Lang, kind: ColumnKind, value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  // Texts core emits as messages are rendered in the language (lists joined with the language's
  // separator: " ; " in French, "; " in English).
  if (isMessage(value)) return textCell(message(lang, value));
  if (Array.isArray(value) && value.every(isMessage))
    return value.length === 0
      ? null
      : textCell(value.map((m) => message(lang, m)).join(listSeparator(lang)));
  switch (kind) {
    case "text":
      return typeof value === "string"
        ? textCell(value)
        : typeof value === "boolean"
          ? yesNo(lang, value)
          : scalarCell(value);
    case "pct":
      return typeof value === "number" ? fraction(value) : scalarCell(value);
    case "date":
      return typeof value === "string" || typeof value === "number"
        ? (dateSerial(value) ?? scalarCell(value))
        : null;
    case "month":
      return typeof value === "string"
        ? (monthSerial(value) ?? textCell(value))
        : scalarCell(value);
    case "bool":
      return typeof value === "boolean" ? yesNo(lang, value) : scalarCell(value);
    default:
      return scalarCell(value);
  }
}

export interface PlacedTable {
  spec: TableSpec;
  /** Row of the header. */
  headerRow: number;
  /** First and last data rows (lastDataRow = firstDataRow when empty: the renderer's blank row). */
  firstDataRow: number;
  lastDataRow: number;
  /** Rows written including the header (≥ 2). */
  height: number;
  /** Absolute column of a column key. */
  colOf(key: string): number;
  /** Range of a column's data cells. */
  columnRange(key: string): CellRange;
}

export class SheetBuilder {
  readonly blocks: CellBlock[] = [];
  readonly tables: TableSpec[] = [];
  readonly merges: CellRange[] = [];
  readonly conditionalFormats: ConditionalFormat[] = [];
  readonly charts: ChartSpec[] = [];
  readonly validations: ValidationSpec[] = [];
  readonly inputs: InputRange[] = [];
  readonly links: LinkSpec[] = [];
  readonly widths = new Map<number, number>();
  readonly hidden = new Set<number>();
  frozen?: { rows: number; cols: number };
  tabColor?: string;
  append?: SheetSpec["append"];
  /** Next free row for sequential layouts. */
  cursor = 0;
  /** How the sheet prints (orientation, repeated header row); see ./print.ts. */
  printChoice: PrintChoice = {};
  /** Writers of the detail tables kept below the printed rows (keepBelowPrint). */
  private readonly keptBelowPrint: (() => void)[] = [];
  /** Last printed row when tables are kept below it (endPrintedRows). */
  private lastPrintedRow: number | undefined;

  constructor(
    readonly ctx: BuildContext,
    readonly key: SheetKey,
    readonly mode: SheetMode,
    readonly layoutVersion = 1
  ) {}

  get lang(): Lang {
    return this.ctx.lang;
  }

  get f(): Formats {
    return this.ctx.f;
  }

  get name(): string {
    return sheetNameOf(this.ctx, this.key);
  }

  t(key: Parameters<typeof text>[1]): string {
    return text(this.lang, key);
  }

  h(key: HeaderKey): string {
    return header(this.lang, key);
  }

  ref(r1: number, c1: number, r2 = r1, c2 = c1): RangeRef {
    return { sheet: this.key, range: { r1, c1, r2, c2 } };
  }

  /** Absolute sheet-qualified A1 of a range of this sheet (for formulas on other sheets). */
  qualified(r1: number, c1: number, r2 = r1, c2 = c1): string {
    return sheetRangeA1(this.name, r1, c1, r2, c2);
  }

  /** Hides a column (the row keys of a merge-inputs sheet): neither shown nor printed. */
  hideColumn(col: number): void {
    this.hidden.add(col);
    if (!this.widths.has(col)) this.widths.set(col, 8.43);
  }

  width(col: number, width: number): void {
    const current = this.widths.get(col);
    if (current === undefined || width > current) this.widths.set(col, width);
  }

  block(
    row: number,
    col: number,
    values: CellValue[][],
    opts: Omit<CellBlock, "row" | "col" | "values"> = {}
  ): CellRange {
    if (values.length === 0 || values[0].length === 0) throw new Error("Bloc vide");
    const w = values[0].length;
    for (const r of values) if (r.length !== w) throw new Error("Bloc non rectangulaire");
    const b: CellBlock = { row, col, values };
    if (opts.style) b.style = opts.style;
    if (opts.numberFormat) b.numberFormat = opts.numberFormat;
    if (opts.columnFormats) b.columnFormats = opts.columnFormats;
    if (opts.cellFormats && opts.cellFormats.length > 0) b.cellFormats = opts.cellFormats;
    this.blocks.push(b);
    this.cursor = Math.max(this.cursor, row + values.length);
    return { r1: row, c1: col, r2: row + values.length - 1, c2: col + w - 1 };
  }

  cell(
    row: number,
    col: number,
    value: CellValue,
    style?: StyleName,
    numberFormat?: string
  ): CellRange {
    return this.block(row, col, [[value]], { style, numberFormat });
  }

  /** A merged, styled line of text across `span` columns. */
  line(row: number, col: number, value: CellValue, style: StyleName, span = 1): void {
    this.cell(row, col, value, style);
    if (span > 1) this.merges.push({ r1: row, c1: col, r2: row, c2: col + span - 1 });
  }

  /** Sheet title on row 0 and the stamp line on row 1; the cursor moves to row 3. */
  header(title: string, col = 0, span = 8): void {
    this.line(0, col, textCell(title), "title", span);
    // Wrapped over the title's columns (issue #12: the long stamp was cut at the page edge).
    this.span(1, col, textCell(stampLine(this.ctx)), "stampWrap", span);
    this.cursor = 3;
  }

  section(title: string, col = 0, span = 8): number {
    const row = this.cursor;
    this.line(row, col, textCell(title), "section", span);
    this.cursor = row + 1;
    return row;
  }

  note(textValue: string, col = 0, row = this.cursor): number {
    this.cell(row, col, textCell(textValue), "note");
    this.cursor = Math.max(this.cursor, row + 1);
    return row;
  }

  /** Registers a workbook-unique, valid table name. */
  tableName(name: string): string {
    if (!isValidTableName(name)) throw new Error(`Nom de tableau invalide : ${name}`);
    const lower = name.toLowerCase();
    if (this.ctx.tableNames.has(lower)) throw new Error(`Nom de tableau en double : ${name}`);
    this.ctx.tableNames.add(lower);
    return name;
  }

  /** Places a table of prepared cells. */
  rawTable(
    name: string,
    row: number,
    col: number,
    columns: TableColumn[],
    rows: CellValue[][],
    style: TableStyle = "TableStyleMedium2",
    cellFormats?: TableSpec["cellFormats"]
  ): PlacedTable {
    const seen = new Set<string>();
    for (const c of columns) {
      if (!c.header) throw new Error(`En-tête vide : ${name}.${c.key}`);
      const lower = c.header.toLowerCase();
      if (seen.has(lower)) throw new Error(`En-tête en double dans ${name} : ${c.header}`);
      seen.add(lower);
    }
    for (const r of rows)
      if (r.length !== columns.length) throw new Error(`Ligne de largeur incorrecte dans ${name}`);
    const spec: TableSpec = { name: this.tableName(name), row, col, columns, rows, style };
    if (cellFormats && cellFormats.length > 0) spec.cellFormats = cellFormats;
    this.tables.push(spec);
    columns.forEach((c, i) => {
      if (c.width) this.width(col + i, c.width);
    });
    const height = 1 + Math.max(1, rows.length);
    this.cursor = Math.max(this.cursor, row + height);
    const keys = columns.map((c) => c.key);
    const placed: PlacedTable = {
      spec,
      headerRow: row,
      firstDataRow: row + 1,
      lastDataRow: row + Math.max(1, rows.length),
      height,
      colOf(key: string): number {
        const i = keys.indexOf(key);
        if (i < 0) throw new Error(`Colonne inconnue ${key} dans ${name}`);
        return col + i;
      },
      columnRange(key: string): CellRange {
        const c = placed.colOf(key);
        return { r1: placed.firstDataRow, c1: c, r2: placed.lastDataRow, c2: c };
      },
    };
    for (const c of columns) {
      if (c.input) {
        this.inputs.push({ range: placed.columnRange(c.key), section: name, field: c.key });
      }
    }
    return placed;
  }

  /** Places a table of typed rows with column definitions. */
  table<R extends object>(
    name: string,
    row: number,
    col: number,
    defs: readonly ColumnDef<R>[],
    rows: readonly R[],
    style: TableStyle = "TableStyleMedium2"
  ): PlacedTable {
    const columns: TableColumn[] = defs.map((d) => {
      const c: TableColumn = {
        key: d.key,
        header: this.h(d.header),
        width: d.width ?? defaultWidth(d.kind),
      };
      const nf = kindFormat(this.f, d.kind);
      if (nf) c.numberFormat = nf;
      if (d.input) c.input = true;
      if (d.wrap) c.wrap = true;
      return c;
    });
    const cells = rows.map((r) =>
      defs.map((d) => kindCell(this.lang, d.kind, d.get ? d.get(r) : r[d.key]))
    );
    return this.rawTable(name, row, col, columns, cells, style);
  }

  chart(spec: ChartSpec): void {
    if (this.charts.some((c) => c.id === spec.id))
      throw new Error(`Graphique en double : ${spec.id}`);
    this.charts.push(spec);
  }

  validation(v: ValidationSpec): void {
    this.validations.push(v);
  }

  conditional(cf: ConditionalFormat): void {
    this.conditionalFormats.push(cf);
  }

  /** Gives `style` to the cells of `range` whose value is the text `word`. */
  highlightText(range: CellRange, word: string, style: StyleName): void {
    this.conditional({ range, type: "cellValue", operator: "equal", formula1: `"${word}"`, style });
  }

  /** An internal hyperlink: the cell (row, col), which holds its text, opens `target`. */
  link(row: number, col: number, target: RangeRef, tip?: string): void {
    const l: LinkSpec = { row, col, target };
    if (tip) l.tip = tip.slice(0, 255);
    this.links.push(l);
  }

  /**
   * A styled line across `span` columns: every cell of the span gets the style (fill and border
   * on the whole merged area, not only its first cell), then the span is merged.
   */
  span(
    row: number,
    col: number,
    value: CellValue,
    style: StyleName,
    span: number,
    numberFormat?: string
  ): void {
    const values: CellValue[] = [value, ...Array.from({ length: span - 1 }, () => null)];
    this.block(row, col, [values], { style, numberFormat });
    if (span > 1) this.merges.push({ r1: row, c1: col, r2: row, c2: col + span - 1 });
  }

  /** Print setup choices of the sheet (A4, one page wide; orientation, repeated header row). */
  print(choice: PrintChoice): void {
    this.printChoice = choice;
  }

  /**
   * Keeps a long detail table below the printed rows (on screen only, issue #12): `write` (its
   * section and table) runs at endPrintedRows, after every printed section, and the print area
   * stops above it. The caller says at the table's place where it is.
   */
  keepBelowPrint(write: () => void): void {
    this.keptBelowPrint.push(write);
  }

  /**
   * Ends the printed rows: writes the tables kept below them, after a blank row, and records the
   * last printed row for the print area. Call it before laying the print band out (printBand
   * stretches the section bars written so far); build() calls it otherwise.
   */
  endPrintedRows(): void {
    if (this.keptBelowPrint.length === 0) return;
    this.cursor++;
    this.lastPrintedRow = this.cursor - 1;
    const writes = this.keptBelowPrint.splice(0);
    for (const write of writes) write();
  }

  build(): SheetSpec {
    this.endPrintedRows();
    const spec: SheetSpec = {
      key: this.key,
      name: this.name,
      mode: this.mode,
      layoutVersion: this.layoutVersion,
      columnWidths: [...this.widths.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([col, width]) =>
          this.hidden.has(col) ? { col, width, hidden: true } : { col, width }
        ),
      blocks: this.blocks,
      tables: this.tables,
      merges: this.merges,
      conditionalFormats: this.conditionalFormats,
      charts: this.charts,
      validations: this.validations,
      inputs: this.inputs,
      stamp: this.ctx.stamp,
    };
    if (this.tabColor) spec.tabColor = this.tabColor;
    if (this.frozen) spec.frozen = this.frozen;
    if (this.append) spec.append = this.append;
    if (this.links.length > 0) spec.links = this.links;
    spec.print = printSetup(
      this.ctx,
      spec,
      this.lastPrintedRow === undefined || this.printChoice.lastRow !== undefined
        ? this.printChoice
        : { ...this.printChoice, lastRow: this.lastPrintedRow }
    );
    return spec;
  }
}

/** One line: "Sources : … · Période : … · Paramètres : … · Exécution : … · Optima Achats 0.1.0". */
export function stampLine(ctx: BuildContext): string {
  const s = ctx.stamp;
  const lang = ctx.lang;
  const sources = s.sources.length > 0 ? s.sources.join(", ") : text(lang, "noSource");
  const sep = lang === "fr" ? " : " : ": ";
  return [
    `${text(lang, "stampSources")}${sep}${sources}`,
    `${text(lang, "stampPeriod")}${sep}${s.period.label} (${isoDisplay(s.period.start)} – ${isoDisplay(s.period.end)}${dataText(ctx)})`,
    `${text(lang, "stampParameters")}${sep}${s.parameters}`,
    `${text(lang, "stampRun")}${sep}${isoDisplay(s.runDate)}`,
    `${text(lang, "stampVersion")} ${s.version}`,
  ].join(" · ");
}

/** ", données du 02/01/2025 au 30/10/2026": the data's own date range (issue #12), or "". */
export function dataText(ctx: Pick<BuildContext, "stamp" | "lang">): string {
  const d = ctx.stamp.data;
  if (!d) return "";
  return `, ${text(ctx.lang, "stampData")} ${isoDisplay(d.start)} ${text(ctx.lang, "stampDataTo")} ${isoDisplay(d.end)}`;
}

function isoDisplay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Indicator label in the build language. */
export function labelOf(ctx: BuildContext, ind: IndicatorResult): string {
  return indicatorLabel(ctx.lang, ind);
}

/** "Couverture : n / N lignes" coverage text. */
export function coverageText(ctx: BuildContext, ind: IndicatorResult): string {
  return `${text(ctx.lang, "coverage")}${ctx.lang === "fr" ? " : " : ": "}${coverageWords(ctx.lang, ind.coverage)}`;
}

/**
 * Writes a table of core rows, or — when the indicator is N/A — a note with its reason
 * (never an empty table that would read as zero). Returns the placed table or null.
 */
export function indicatorTable<T extends Tables, K extends keyof T & string>(
  sb: SheetBuilder,
  ind: IndicatorResult<T>,
  tableKey: K,
  name: string,
  defs: readonly ColumnDef<T[K][number]>[],
  opts: { col?: number; title?: string; style?: TableStyle } = {}
): PlacedTable | null {
  const col = opts.col ?? 0;
  if (opts.title) sb.cell(sb.cursor++, col, textCell(opts.title), "subtitle");
  if (ind.value === null && ind.na) {
    sb.note(naText(sb.lang, ind), col);
    sb.cursor++;
    return null;
  }
  const rows = ind.tables[tableKey];
  const placed = sb.table(name, sb.cursor, col, defs, rows, opts.style);
  if (rows.length === 0) sb.note(text(sb.lang, "emptyTable"), col, placed.lastDataRow + 1);
  sb.cursor = Math.max(sb.cursor, placed.lastDataRow + 1) + 1;
  return placed;
}

/** Table columns of an input layout (key column first), input columns flagged. */
export function layoutColumns(
  sb: SheetBuilder,
  layout: readonly FieldDef[],
  widths: Record<string, number> = {}
): TableColumn[] {
  return layout.map((d) => {
    const c: TableColumn = {
      key: d.field,
      header: sb.h(d.header),
      width: widths[d.field] ?? (d.field === "key" ? 12 : 16),
    };
    if (d.input) c.input = true;
    return c;
  });
}

export { rangeA1 };
