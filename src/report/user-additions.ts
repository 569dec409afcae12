/**
 * What the user added to an input sheet of ours (Plan stratégique, Diagnostic 360, Paramètres)
 * that reading the inputs back does not carry over — a chart or picture, comments and notes, any
 * other object tied to the sheet, a value typed outside our cells, a formula typed in an input
 * cell (the inputs are read back as values) — decided the same way by every renderer: the .xlsx
 * writer (src/file/xlsx-writer/user-additions.ts reads the package) and the Office.js adapter
 * (src/excel/user-additions.ts reads the open workbook) describe the old sheet as plain data, this
 * module decides.
 *
 * The sheet's layout moves from one run to the next (its rows follow the analysis), so a
 * cell-anchored addition cannot be put back at the right place with certainty: when there is any,
 * the renderer keeps the old sheet as it was, under another name (« Plan stratégique (ancien) »),
 * and writes the new one beside it, with the French message below.
 *
 * Which cells are ours: the cells the new layout writes, and, among the others, those formatted
 * with one of our formats or on a row holding such a cell. A value in an unformatted cell of a row
 * we did not format, in a cell formatted otherwise than we do, or to the right of everything we
 * write, is the user's.
 */
import { a1 } from "./a1";
import { writtenCells, cellKey } from "./grid";
import { isFormula, type CellRange, type CellValue, type SheetSpec } from "./spec";

/** How an old cell is formatted: not at all, with one of our formats (an input cell's or another), or otherwise. */
export type OldCellStyle = "none" | "ours" | "input" | "foreign";

/** A cell of the old sheet (a formatted empty cell tells a row is ours). */
export interface OldCell {
  row: number;
  col: number;
  style: OldCellStyle;
  /** The formula text without "=", or null. */
  formula: string | null;
  /** The cell holds a value or a formula. */
  filled: boolean;
}

/** The old sheet as a renderer sees it. */
export interface OldSheet {
  /** French kinds of the objects tied to the sheet that are not ours ("commentaires"…). */
  objects: string[];
  /** Its cells: filled ones, and formatted empty ones where known. */
  cells: OldCell[];
  /** Where the sheet holds more than could be read, a French description (counted as an addition). */
  unread?: string;
}

/** What the new layout writes: SheetCells of the .xlsx writer, or layoutOf(spec). */
export interface WrittenLayout {
  covers(row: number, col: number): boolean;
  valueAt(row: number, col: number): CellValue;
  bounds(): CellRange | null;
}

/** The French kinds of objects (shared wording). */
export const ADDITION_KIND = {
  drawing: "graphique ou image",
  comments: "commentaires",
  notes: "notes (dessin VML)",
  other: "élément lié",
} as const;

/** The layout a sheet spec writes (for renderers without their own cell index). */
export function layoutOf(sheet: SheetSpec): WrittenLayout {
  const cells = writtenCells(sheet);
  let bounds: CellRange | null = null;
  for (const k of cells.keys()) {
    const [r, c] = k.split(":").map(Number);
    if (bounds === null) bounds = { r1: r, c1: c, r2: r, c2: c };
    else {
      bounds.r1 = Math.min(bounds.r1, r);
      bounds.c1 = Math.min(bounds.c1, c);
      bounds.r2 = Math.max(bounds.r2, r);
      bounds.c2 = Math.max(bounds.c2, c);
    }
  }
  return {
    covers: (row, col) => cells.has(cellKey(row, col)),
    valueAt: (row, col) => cells.get(cellKey(row, col)) ?? null,
    bounds: () => bounds,
  };
}

const list = (refs: string[]) =>
  refs.length <= 5 ? refs.join(", ") : `${refs.slice(0, 5).join(", ")}…`;

/** French descriptions of the user's additions (empty: nothing would be lost by rewriting). */
export function userAdditionsOf(old: OldSheet, layout: WrittenLayout): string[] {
  const out = [...new Set(old.objects)];
  if (old.unread) out.push(old.unread);
  const bounds = layout.bounds();
  const styledRows = new Set<number>();
  for (const c of old.cells) if (c.style === "ours" || c.style === "input") styledRows.add(c.row);
  const notes: string[] = [];
  const formulas: string[] = [];
  for (const c of old.cells) {
    if (!c.filled) continue;
    const now = layout.valueAt(c.row, c.col);
    if (c.formula !== null && c.style === "input") {
      const same = isFormula(now) && now.formula.slice(1) === c.formula;
      if (!same) formulas.push(a1(c.row, c.col));
      continue;
    }
    if (layout.covers(c.row, c.col)) continue;
    const beyond = bounds === null || c.col > bounds.c2;
    if (beyond || (c.style === "none" && !styledRows.has(c.row)) || c.style === "foreign")
      notes.push(a1(c.row, c.col));
  }
  if (notes.length > 0)
    out.push(
      `${notes.length === 1 ? "saisie" : "saisies"} hors des cellules de l'outil (${list(notes)})`
    );
  if (formulas.length > 0)
    out.push(
      `${formulas.length === 1 ? "formule" : "formules"} dans des cellules de saisie (${list(formulas)})`
    );
  return out;
}

/**
 * The name the old sheet is kept under: "Plan stratégique (ancien)", else "(ancien 2)"…, within
 * Excel's 31 characters; `taken` gets lower-case names.
 */
export function keptSheetName(base: string, taken: (lowerName: string) => boolean): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? " (ancien)" : ` (ancien ${n})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!taken(name.toLowerCase())) return name;
  }
}

/** The message of a sheet kept because of the user's additions (both renderers). */
export function keptSheetMessage(name: string, additions: string[], keptAs: string): string {
  return `La feuille « ${name} » contient des ajouts que la mise à jour ne sait pas reporter (${additions.join(" ; ")}) : elle est conservée telle quelle sous le nom « ${keptAs} », et la nouvelle version est écrite à côté, avec vos saisies. Reportez vos ajouts dans la nouvelle feuille si besoin.`;
}
