/**
 * The cells a sheet spec writes, materialised: a sparse map (for checks) and a dense grid of plain
 * values (what a renderer would read back from the sheet, used for round-trip tests and simple
 * writers such as CSV). An Excel table with no data row writes one empty row (the renderer's).
 */
import type { Cell } from "../core/model";
import { plainValue, type CellValue, type SheetSpec } from "./spec";

export function cellKey(row: number, col: number): string {
  return `${row}:${col}`;
}

/** Every written cell of a sheet (blocks, then tables), keyed "row:col". Later writes win. */
export function writtenCells(sheet: SheetSpec): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  for (const b of sheet.blocks) {
    b.values.forEach((row, r) => row.forEach((v, c) => out.set(cellKey(b.row + r, b.col + c), v)));
  }
  for (const t of sheet.tables) {
    t.columns.forEach((c, i) => out.set(cellKey(t.row, t.col + i), c.header));
    const rows: CellValue[][] = t.rows.length > 0 ? t.rows : [t.columns.map(() => null)];
    rows.forEach((row, r) => row.forEach((v, c) => out.set(cellKey(t.row + 1 + r, t.col + c), v)));
  }
  return out;
}

/** Dense grid of plain values (text cells unwrapped, formulas as their text, empty = null). */
export function sheetValues(sheet: SheetSpec): Cell[][] {
  const cells = writtenCells(sheet);
  let rows = 0;
  let cols = 0;
  for (const k of cells.keys()) {
    const [r, c] = k.split(":").map(Number);
    rows = Math.max(rows, r + 1);
    cols = Math.max(cols, c + 1);
  }
  const grid: Cell[][] = Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => null as Cell)
  );
  for (const [k, v] of cells) {
    const [r, c] = k.split(":").map(Number);
    grid[r][c] = plainValue(v);
  }
  return grid;
}
