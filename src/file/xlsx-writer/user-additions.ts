/**
 * What the user added to an input sheet of ours (Plan stratégique, Diagnostic 360, Paramètres)
 * that reading the inputs back does not carry over: a chart or picture (drawing), comments and
 * notes (comments part, VML drawing, threaded comments), any other part related to the sheet, a
 * value typed outside our cells, a formula typed in an input cell (the inputs are read back as
 * values).
 *
 * The sheet's layout moves from one run to the next (its rows follow the analysis), so a
 * cell-anchored addition cannot be put back at the right place with certainty: when there is
 * any, the writer keeps the old sheet as it was, under another name, and writes the new one
 * beside it (package.ts), with a French message saying so.
 *
 * Which cells are ours: the cells the new layout writes, and, among the others, those styled with
 * one of our cell formats (styles.xml is appended to, never rewritten, so our format indexes stay
 * the same from one run to the next) or on a row holding such a cell. A value in an unstyled cell
 * of a row we did not format, or to the right of everything we write, is the user's.
 */
import type { SheetSpec } from "../../report/spec";
import { isFormula } from "../../report/spec";
import { a1, parseA1 } from "../../report/a1";
import type { ExistingPackage } from "./existing";
import { parseRels, relsPathOf } from "./rels";
import type { SheetCells } from "./sheet-cells";
import type { StyleRegistry } from "./styles";

export interface OldCell {
  row: number;
  col: number;
  /** cellXfs index (0 when none). */
  s: number;
  /** The formula text without "=", or null. */
  formula: string | null;
  /** The cell holds a value or a formula. */
  filled: boolean;
}

const CELL_RE = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const ATTR_R = /\br="([A-Z]+\d+)"/;
const ATTR_S = /\bs="(\d+)"/;
const FORMULA_RE = /<(?:\w+:)?f\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/;
const VALUE_RE = /<(?:\w+:)?(?:v|is)\b[^>]*>/;

/** The cells of a worksheet part (small input sheets: a plain scan). */
export function scanCells(sheetXml: string): OldCell[] {
  const out: OldCell[] = [];
  const data = /<(?:\w+:)?sheetData\b[^>]*>([\s\S]*?)<\/(?:\w+:)?sheetData>/.exec(sheetXml);
  if (!data) return out;
  for (const m of data[1].matchAll(CELL_RE)) {
    const ref = ATTR_R.exec(m[1]);
    const at = ref ? parseA1(ref[1]) : null;
    if (!at) continue;
    const inner = m[2] ?? "";
    const f = FORMULA_RE.exec(inner);
    out.push({
      ...at,
      s: Number(ATTR_S.exec(m[1])?.[1] ?? 0),
      formula: f ? (f[1] ?? "") : null,
      filled: f !== null || VALUE_RE.test(inner),
    });
  }
  return out;
}

const KIND_OF_REL: [RegExp, string][] = [
  [/\/drawing$/, "graphique ou image"],
  [/\/comments$/, "commentaires"],
  [/\/vmlDrawing$/, "notes (dessin VML)"],
  [/\/threadedComment$/, "commentaires"],
];

/**
 * French descriptions of the user's additions to an owned input sheet about to be rewritten
 * (empty: nothing would be lost). `styles` has been merged (final indexes).
 */
export async function userAdditions(
  ex: ExistingPackage,
  part: string,
  sheet: SheetSpec,
  cells: SheetCells,
  styles: StyleRegistry
): Promise<string[]> {
  const out: string[] = [];
  const relsEntry = ex.zip.entry(relsPathOf(part));
  const rels = relsEntry ? parseRels(await ex.zip.readText(relsEntry)) : [];
  const kinds = new Set<string>();
  for (const r of rels) {
    if (r.type.endsWith("/table")) continue; // ours: rewritten with the sheet
    if (r.type.endsWith("/drawing") && sheet.charts.length > 0) continue; // our charts
    if (r.type.endsWith("/printerSettings")) continue;
    kinds.add(KIND_OF_REL.find(([re]) => re.test(r.type))?.[1] ?? "élément lié");
  }
  out.push(...kinds);
  const entry = ex.zip.entry(part);
  if (!entry) return out;
  const old = scanCells(await ex.zip.readText(entry));
  const ours = styles.finalIndexes();
  const inputXfs = styles.finalIndexes("input");
  const bounds = cells.bounds();
  const styledRows = new Set<number>();
  for (const c of old) if (c.s !== 0 && ours.has(c.s)) styledRows.add(c.row);
  const notes: string[] = [];
  const formulas: string[] = [];
  for (const c of old) {
    if (!c.filled) continue;
    const now = cells.valueAt(c.row, c.col);
    if (c.formula !== null && inputXfs.has(c.s)) {
      const same = isFormula(now) && now.formula.slice(1) === c.formula;
      if (!same) formulas.push(a1(c.row, c.col));
      continue;
    }
    if (cells.covers(c.row, c.col)) continue;
    const beyond = bounds === null || c.col > bounds.c2;
    if (beyond || (!ours.has(c.s) && !styledRows.has(c.row)) || (c.s !== 0 && !ours.has(c.s)))
      notes.push(a1(c.row, c.col));
  }
  const list = (refs: string[]) =>
    refs.length <= 5 ? refs.join(", ") : `${refs.slice(0, 5).join(", ")}…`;
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
