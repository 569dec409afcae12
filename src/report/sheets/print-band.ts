/**
 * A sheet laid out for print over a band of columns (like the Conformité and the Plan
 * stratégique, issue #12): the band's columns get fixed widths summing to at most
 * BAND_MAX_CHARS, so that one A4 landscape page width (≈ 145 characters of Calibri 11 at 100 %)
 * prints at ≥ 72 %; every table shares them; the band's text columns wrap; the detail columns
 * after the band are on screen only and do not wrap (a row is only as tall as its printed
 * cells); long notes, titles, stamp and section bars are merged and wrapped across the band, so
 * that no line of text runs past it. Long tables of lines can be kept below the printed rows
 * (`lastRow`).
 */
import type { PrintChoice } from "../print";
import type { SheetBuilder } from "../layout";
import type { CellBlock, CellValue, TableColumn } from "../spec";

/** Printed width of a band at most: 145 / 200 ≈ 72 % of 100 % on A4 landscape. */
export const BAND_MAX_CHARS = 200;

/** Styles of the one-line bars that are stretched over the band (title, stamp, sections). */
const BAR_STYLES = new Set(["title", "stampWrap", "section"]);

/**
 * Reorders a table's columns (and each row's cells) so that the `first` keys come first, in
 * that order, then the other columns in their own order: what a reader needs prints in the band.
 */
export function columnsFirst(
  columns: TableColumn[],
  rows: CellValue[][],
  first: readonly string[]
): { columns: TableColumn[]; rows: CellValue[][] } {
  const order = orderOf(
    columns.map((c) => c.key),
    first
  );
  return {
    columns: order.map((i) => columns[i]),
    rows: rows.map((r) => order.map((i) => r[i])),
  };
}

/** Same as columnsFirst, for column definitions (typed rows). */
export function defsFirst<D extends { key: string }>(
  defs: readonly D[],
  first: readonly string[]
): D[] {
  return orderOf(
    defs.map((d) => d.key),
    first
  ).map((i) => defs[i]);
}

function orderOf(keys: readonly string[], first: readonly string[]): number[] {
  for (const k of first) if (!keys.includes(k)) throw new Error(`Colonne inconnue : ${k}`);
  const head = first.map((k) => keys.indexOf(k));
  return [...head, ...keys.map((_, i) => i).filter((i) => !head.includes(i))];
}

/** Text of a cell value (null for numbers, formulas, empty cells). */
function textOf(v: CellValue): string | null {
  if (typeof v === "string") return v;
  if (v !== null && typeof v === "object" && "value" in v && typeof v.value === "string")
    return v.value;
  return null;
}

/** Whether a cell of (row, c1..c2) other than `self` is written by a block or a table. */
function occupied(sb: SheetBuilder, row: number, c1: number, c2: number, self: CellBlock): boolean {
  for (const b of sb.blocks) {
    if (b === self) continue;
    const w = b.values[0]?.length ?? 1;
    if (row >= b.row && row < b.row + b.values.length && b.col <= c2 && b.col + w - 1 >= c1)
      return true;
  }
  for (const t of sb.tables) {
    const last = t.row + Math.max(1, t.rows.length);
    if (row >= t.row && row <= last && t.col <= c2 && t.col + t.columns.length - 1 >= c1)
      return true;
  }
  return false;
}

/**
 * Lays the sheet out for print over the columns first … first + widths.length − 1 (call once the
 * sheet is written, before build()): fixed widths, text columns wrapped inside the band and not
 * after it, long notes and the title, stamp and section bars merged across the band, A4
 * landscape with the band as printed columns.
 */
export function printBand(
  sb: SheetBuilder,
  widths: readonly number[],
  choice: Omit<PrintChoice, "firstColumn" | "lastColumn"> & { first?: number } = {}
): void {
  const first = choice.first ?? 0;
  const last = first + widths.length - 1;
  const total = widths.reduce((a, b) => a + b, 0);
  if (total > BAND_MAX_CHARS) throw new Error(`Bande d'impression trop large : ${total}`);
  widths.forEach((w, i) => sb.widths.set(first + i, w));
  for (const t of sb.tables)
    t.columns.forEach((c, i) => {
      const col = t.col + i;
      if (col > last) {
        c.wrap = false;
        // Its header (wrapped, like every header) in two lines at most: a long header in a
        // narrow detail column would make the header row, which prints, many lines tall.
        sb.width(col, Math.ceil((c.header.length * 1.12) / 2) + 2);
      } else if (col >= first && !c.numberFormat && c.wrap === undefined) c.wrap = true;
    });
  for (const b of sb.blocks) {
    if (b.values.length !== 1 || b.col < first || b.col >= last) continue;
    const value = b.values[0][0];
    const s = textOf(value);
    if (s === null) continue;
    const merge = sb.merges.find((m) => m.r1 === b.row && m.r2 === b.row && m.c1 === b.col);
    if (b.style === "note" && b.values[0].length === 1 && !merge) {
      // A long note: wrapped over the band (it ran on one line past the printed columns).
      if (s.length <= widths[b.col - first] || occupied(sb, b.row, b.col + 1, last, b)) continue;
      b.style = "noteWrap";
      b.values[0] = [value, ...Array.from({ length: last - b.col }, () => null)];
      sb.merges.push({ r1: b.row, c1: b.col, r2: b.row, c2: last });
    } else if (b.style && BAR_STYLES.has(b.style) && merge && merge.c2 !== last) {
      // Title, stamp and section bars: exactly over the band (not past it, not shorter).
      if (merge.c2 < last && occupied(sb, b.row, merge.c2 + 1, last, b)) continue;
      if (b.values[0].length > 1)
        b.values[0] = [value, ...Array.from({ length: last - b.col }, () => null)];
      merge.c2 = last;
    }
  }
  const rest: PrintChoice = { ...choice };
  delete (rest as { first?: number }).first;
  sb.print({ orientation: "landscape", ...rest, firstColumn: first, lastColumn: last });
}
