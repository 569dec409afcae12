/**
 * The cells of a sheet spec as rectangular sources (blocks, table headers, table bodies), never
 * materialised cell by cell: a 1 000 000-row table stays the spec's own arrays. The sheet writer
 * walks the rows through these sources; charts read their caches with `valueAt`.
 *
 * Later sources win where two overlap (blocks, then tables), as in src/report/grid.ts.
 */
import type { CellRange, CellValue, SheetSpec, TableSpec } from "../../report/spec";
import type { StyleRegistry, XfRequest } from "./styles";

export interface CellSource {
  readonly r1: number;
  readonly r2: number;
  readonly c1: number;
  readonly c2: number;
  value(row: number, col: number): CellValue;
  /** The cell's format request (style, number format, wrap). */
  request(row: number, col: number): XfRequest;
  /** Registers every format request of the source (before the styles are merged). */
  register(reg: StyleRegistry): void;
  /** Final cellXfs index of a cell (after the merge). */
  xf(row: number, col: number, reg: StyleRegistry): number;
}

const COLS = 16_384;

function inside(r: CellRange, row: number, col: number): boolean {
  return row >= r.r1 && row <= r.r2 && col >= r.c1 && col <= r.c2;
}

/** Base: one request per column, sparse per-cell overrides. */
abstract class ColumnSource implements CellSource {
  abstract readonly r1: number;
  abstract readonly r2: number;
  abstract readonly c1: number;
  abstract readonly c2: number;
  abstract value(row: number, col: number): CellValue;
  protected abstract columnRequest(col: number): XfRequest;
  protected abstract overrides(): Map<number, XfRequest>;
  private colXf: number[] | null = null;
  private overrideXf: Map<number, number> | null = null;
  private cachedOverrides: Map<number, XfRequest> | null = null;

  private over(): Map<number, XfRequest> {
    return (this.cachedOverrides ??= this.overrides());
  }

  request(row: number, col: number): XfRequest {
    return this.over().get(row * COLS + col) ?? this.columnRequest(col);
  }

  register(reg: StyleRegistry): void {
    for (let c = this.c1; c <= this.c2; c++) reg.xf(this.columnRequest(c));
    for (const r of this.over().values()) reg.xf(r);
  }

  xf(row: number, col: number, reg: StyleRegistry): number {
    if (this.colXf === null) {
      this.colXf = [];
      for (let c = this.c1; c <= this.c2; c++) this.colXf.push(reg.xf(this.columnRequest(c)));
      this.overrideXf = new Map([...this.over()].map(([k, r]) => [k, reg.xf(r)]));
    }
    if (this.overrideXf!.size > 0) {
      const o = this.overrideXf!.get(row * COLS + col);
      if (o !== undefined) return o;
    }
    return this.colXf[col - this.c1];
  }
}

class BlockSource extends ColumnSource {
  readonly r1: number;
  readonly r2: number;
  readonly c1: number;
  readonly c2: number;

  constructor(
    private readonly b: SheetSpec["blocks"][number],
    private readonly inputs: CellRange[]
  ) {
    super();
    this.r1 = b.row;
    this.c1 = b.col;
    this.r2 = b.row + b.values.length - 1;
    this.c2 = b.col + (b.values[0]?.length ?? 1) - 1;
  }

  value(row: number, col: number): CellValue {
    return this.b.values[row - this.r1][col - this.c1] ?? null;
  }

  private numFmt(rel: number): string | undefined {
    return this.b.columnFormats?.[rel] ?? this.b.numberFormat ?? undefined;
  }

  protected columnRequest(col: number): XfRequest {
    const r: XfRequest = {};
    if (this.b.style) r.style = this.b.style;
    const nf = this.numFmt(col - this.c1);
    if (nf) r.numFmt = nf;
    return r;
  }

  protected overrides(): Map<number, XfRequest> {
    const out = new Map<number, XfRequest>();
    for (const f of this.b.cellFormats ?? []) {
      const row = this.r1 + f.r;
      const col = this.c1 + f.c;
      out.set(row * COLS + col, { ...this.columnRequest(col), numFmt: f.numberFormat });
    }
    // Input ranges over unstyled block cells: styled "input" (tables style their input columns).
    if (!this.b.style) {
      for (const inp of this.inputs) {
        for (let row = Math.max(inp.r1, this.r1); row <= Math.min(inp.r2, this.r2); row++) {
          for (let col = Math.max(inp.c1, this.c1); col <= Math.min(inp.c2, this.c2); col++) {
            const k = row * COLS + col;
            out.set(k, { ...(out.get(k) ?? this.columnRequest(col)), style: "input" });
          }
        }
      }
    }
    return out;
  }
}

class TableHeaderSource extends ColumnSource {
  readonly r1: number;
  readonly r2: number;
  readonly c1: number;
  readonly c2: number;

  constructor(private readonly t: TableSpec) {
    super();
    this.r1 = this.r2 = t.row;
    this.c1 = t.col;
    this.c2 = t.col + t.columns.length - 1;
  }

  value(_row: number, col: number): CellValue {
    // Header cells are always text (they must match the table's column names).
    return { text: true, value: this.t.columns[col - this.c1].header };
  }

  protected columnRequest(): XfRequest {
    // Explicit header style: table styles are not rendered by every reader (LibreOffice).
    return { style: "header" };
  }

  protected overrides(): Map<number, XfRequest> {
    return new Map();
  }
}

class TableBodySource extends ColumnSource {
  readonly r1: number;
  readonly r2: number;
  readonly c1: number;
  readonly c2: number;

  constructor(private readonly t: TableSpec) {
    super();
    this.r1 = t.row + 1;
    this.r2 = t.row + Math.max(1, t.rows.length);
    this.c1 = t.col;
    this.c2 = t.col + t.columns.length - 1;
  }

  value(row: number, col: number): CellValue {
    const r = this.t.rows[row - this.r1];
    return r ? (r[col - this.c1] ?? null) : null;
  }

  protected columnRequest(col: number): XfRequest {
    const c = this.t.columns[col - this.c1];
    const r: XfRequest = {};
    if (c.input) r.style = "input";
    if (c.numberFormat) r.numFmt = c.numberFormat;
    if (c.wrap) r.wrap = true;
    return r;
  }

  protected overrides(): Map<number, XfRequest> {
    const out = new Map<number, XfRequest>();
    if (!this.t.cellFormats) return out;
    const colOf = new Map(this.t.columns.map((c, i) => [c.key, this.c1 + i]));
    for (const f of this.t.cellFormats) {
      const col = colOf.get(f.key);
      if (col === undefined) continue;
      const row = this.r1 + f.row;
      out.set(row * COLS + col, { ...this.columnRequest(col), numFmt: f.numberFormat });
    }
    return out;
  }
}

export class SheetCells {
  /** In write order: later sources win. */
  readonly sources: CellSource[];

  constructor(readonly sheet: SheetSpec) {
    const inputs = sheet.inputs.map((i) => i.range);
    this.sources = [
      ...sheet.blocks
        .filter((b) => b.values.length > 0 && b.values[0].length > 0)
        .map((b) => new BlockSource(b, inputs)),
      ...sheet.tables.flatMap((t) => [new TableHeaderSource(t), new TableBodySource(t)]),
    ];
  }

  register(reg: StyleRegistry): void {
    for (const s of this.sources) s.register(reg);
  }

  /** Bounding box of the written cells (null when nothing is written). */
  bounds(): CellRange | null {
    if (this.sources.length === 0) return null;
    const b = { r1: Infinity, c1: Infinity, r2: -1, c2: -1 };
    for (const s of this.sources) {
      b.r1 = Math.min(b.r1, s.r1);
      b.c1 = Math.min(b.c1, s.c1);
      b.r2 = Math.max(b.r2, s.r2);
      b.c2 = Math.max(b.c2, s.c2);
    }
    return b;
  }

  private sourceAt(row: number, col: number): CellSource | null {
    for (let i = this.sources.length - 1; i >= 0; i--) {
      const s = this.sources[i];
      if (inside(s, row, col)) return s;
    }
    return null;
  }

  /** Some source writes this cell (a value or an empty formatted cell). */
  covers(row: number, col: number): boolean {
    return this.sourceAt(row, col) !== null;
  }

  /** The value written at a cell (null when none). */
  valueAt(row: number, col: number): CellValue {
    const s = this.sourceAt(row, col);
    return s ? s.value(row, col) : null;
  }

  /** The number format of a cell (undefined: General). */
  numFmtAt(row: number, col: number): string | undefined {
    const s = this.sourceAt(row, col);
    return s ? s.request(row, col).numFmt : undefined;
  }
}
