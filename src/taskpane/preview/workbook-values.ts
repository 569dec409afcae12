/**
 * Preview only: the values of generated sheets as Excel would compute them. Cells come from the
 * sheet specs (report/grid.ts writtenCells), formulas are evaluated by formula.ts, across sheets,
 * each cell once (cached), a circular reference giving an empty value instead of a hang.
 */
import type { FValue } from "./formula";
import { evaluateFormula } from "./formula";
import { cellKey, writtenCells } from "../../report/grid";
import { plainValue, type CellValue, type SheetSpec } from "../../report/spec";

export interface SheetsByName {
  byName(name: string): SheetSpec | null;
}

export interface ValueEvaluator {
  /** Value of the cell (row, col) of a sheet, its formula computed (null when not computable). */
  valueAt(sheet: SheetSpec, row: number, col: number): FValue;
  /** Value of a formula written on `sheet` (undefined: the preview cannot compute it). */
  formulaValue(sheet: SheetSpec, formula: string): FValue | undefined;
}

function isFormula(v: CellValue): v is { formula: string } {
  return v !== null && typeof v === "object" && "formula" in v;
}

export function createValueEvaluator(sheets: SheetsByName): ValueEvaluator {
  const cellsOf = new Map<SheetSpec, Map<string, CellValue>>();
  const cache = new Map<string, FValue>();
  const visiting = new Set<string>();
  const cells = (sheet: SheetSpec) => {
    let c = cellsOf.get(sheet);
    if (!c) {
      c = writtenCells(sheet);
      cellsOf.set(sheet, c);
    }
    return c;
  };
  const formulaValue = (sheet: SheetSpec, formula: string): FValue | undefined =>
    evaluateFormula(formula, {
      cell: (name, row, col) => {
        const target = name === null || name === sheet.name ? sheet : sheets.byName(name);
        return target ? valueAt(target, row, col) : null;
      },
    });
  const valueAt = (sheet: SheetSpec, row: number, col: number): FValue => {
    const id = `${sheet.key}:${row}:${col}`;
    const hit = cache.get(id);
    if (hit !== undefined) return hit;
    const raw = cells(sheet).get(cellKey(row, col)) ?? null;
    let v: FValue;
    if (isFormula(raw)) {
      if (visiting.has(id)) return null;
      visiting.add(id);
      v = formulaValue(sheet, raw.formula) ?? null;
      visiting.delete(id);
    } else v = plainValue(raw);
    cache.set(id, v);
    return v;
  };
  return { valueAt, formulaValue };
}
