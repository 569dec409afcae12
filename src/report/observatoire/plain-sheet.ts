/**
 * A small builder of SheetSpec data for workbooks that have no Analysis behind them (the fiche de
 * comparaison, the observatory): title, stamp line, sections, notes, tables, charts.
 */
import { formats, textCell, type Formats } from "../cells";
import { sheetName, type Lang } from "../labels";
import {
  isValidTableName,
  type CellBlock,
  type CellRange,
  type CellValue,
  type ChartSpec,
  type ConditionalFormat,
  type PeerSheetKey,
  type RangeRef,
  type SheetSpec,
  type Stamp,
  type TableColumn,
  type TableSpec,
  type TableStyle,
} from "../spec";

export interface PlainContext {
  lang: Lang;
  stamp: Stamp;
  tableNames: Set<string>;
}

export interface PlacedPlainTable {
  headerRow: number;
  firstDataRow: number;
  lastDataRow: number;
  colOf(key: string): number;
}

export class PlainSheet {
  readonly blocks: CellBlock[] = [];
  readonly tables: TableSpec[] = [];
  readonly merges: CellRange[] = [];
  readonly charts: ChartSpec[] = [];
  readonly conditionalFormats: ConditionalFormat[] = [];
  readonly widths = new Map<number, number>();
  readonly f: Formats;
  cursor = 0;
  tabColor?: string;

  constructor(
    readonly ctx: PlainContext,
    readonly key: PeerSheetKey
  ) {
    this.f = formats(ctx.lang);
  }

  get name(): string {
    return sheetName(this.ctx.lang, this.key);
  }

  ref(r1: number, c1: number, r2 = r1, c2 = c1): RangeRef {
    return { sheet: this.key, range: { r1, c1, r2, c2 } };
  }

  line(row: number, value: string, style: CellBlock["style"], span = 8): void {
    this.blocks.push({ row, col: 0, values: [[textCell(value)]], style });
    if (span > 1) this.merges.push({ r1: row, c1: 0, r2: row, c2: span - 1 });
    this.cursor = Math.max(this.cursor, row + 1);
  }

  header(title: string): void {
    const s = this.ctx.stamp;
    this.line(0, title, "title");
    const sep = this.ctx.lang === "fr" ? " : " : ": ";
    this.line(
      1,
      [
        `Sources${sep}${s.sources.join(", ") || "—"}`,
        `Période${sep}${s.period.label}`,
        `${s.parameters}`,
        `Exécution${sep}${s.runDate}`,
        `Optima Achats ${s.version}`,
      ].join(" · "),
      "stamp"
    );
    this.cursor = 3;
  }

  section(title: string, span = 8): void {
    this.line(this.cursor, title, "section", span);
  }

  note(value: string): void {
    this.blocks.push({ row: this.cursor, col: 0, values: [[textCell(value)]], style: "note" });
    this.cursor++;
  }

  table(
    name: string,
    columns: TableColumn[],
    rows: CellValue[][],
    style: TableStyle = "TableStyleMedium2",
    cellFormats?: TableSpec["cellFormats"]
  ): PlacedPlainTable {
    if (!isValidTableName(name) || this.ctx.tableNames.has(name.toLowerCase()))
      throw new Error(`Nom de tableau invalide ou en double : ${name}`);
    this.ctx.tableNames.add(name.toLowerCase());
    const row = this.cursor;
    const spec: TableSpec = { name, row, col: 0, columns, rows, style };
    if (cellFormats && cellFormats.length > 0) spec.cellFormats = cellFormats;
    this.tables.push(spec);
    columns.forEach((c, i) => {
      if (c.width) this.widths.set(i, Math.max(this.widths.get(i) ?? 0, c.width));
    });
    const last = row + Math.max(1, rows.length);
    this.cursor = last + 2;
    const keys = columns.map((c) => c.key);
    return {
      headerRow: row,
      firstDataRow: row + 1,
      lastDataRow: last,
      colOf(key: string): number {
        const i = keys.indexOf(key);
        if (i < 0) throw new Error(`Colonne inconnue ${key} dans ${name}`);
        return i;
      },
    };
  }

  build(): SheetSpec {
    const spec: SheetSpec = {
      key: this.key,
      name: this.name,
      mode: "replace",
      layoutVersion: 1,
      columnWidths: [...this.widths.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([col, width]) => ({ col, width })),
      blocks: this.blocks,
      tables: this.tables,
      merges: this.merges,
      conditionalFormats: this.conditionalFormats,
      charts: this.charts,
      validations: [],
      inputs: [],
      stamp: this.ctx.stamp,
      frozen: { rows: 2, cols: 0 },
    };
    if (this.tabColor) spec.tabColor = this.tabColor;
    return spec;
  }
}
