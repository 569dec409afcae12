/**
 * The .xlsx side of the user-additions check (the rules: src/report/user-additions.ts): the old
 * input sheet of the package described as plain data — the parts related to it (a drawing when the
 * sheet has no chart of ours, comments, VML notes, threaded comments, anything else) and its cells
 * with their format: none (s = 0), one of ours (styles.xml is appended to, never rewritten, so our
 * format indexes stay the same from one run to the next), an input cell's, or another.
 */
import type { SheetSpec } from "../../report/spec";
import { parseA1 } from "../../report/a1";
import { ADDITION_KIND, userAdditionsOf, type OldCellStyle } from "../../report/user-additions";
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
  [/\/drawing$/, ADDITION_KIND.drawing],
  [/\/comments$/, ADDITION_KIND.comments],
  [/\/vmlDrawing$/, ADDITION_KIND.notes],
  [/\/threadedComment$/, ADDITION_KIND.comments],
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
  const relsEntry = ex.zip.entry(relsPathOf(part));
  const rels = relsEntry ? parseRels(await ex.zip.readText(relsEntry)) : [];
  const kinds = new Set<string>();
  for (const r of rels) {
    if (r.type.endsWith("/table")) continue; // ours: rewritten with the sheet
    if (r.type.endsWith("/drawing") && sheet.charts.length > 0) continue; // our charts
    if (r.type.endsWith("/printerSettings")) continue;
    kinds.add(KIND_OF_REL.find(([re]) => re.test(r.type))?.[1] ?? ADDITION_KIND.other);
  }
  const entry = ex.zip.entry(part);
  const old = entry ? scanCells(await ex.zip.readText(entry)) : [];
  const ours = styles.finalIndexes();
  const inputXfs = styles.finalIndexes("input");
  const styleOf = (s: number): OldCellStyle =>
    s === 0 ? "none" : inputXfs.has(s) ? "input" : ours.has(s) ? "ours" : "foreign";
  return userAdditionsOf(
    {
      objects: [...kinds],
      cells: old.map((c) => ({
        row: c.row,
        col: c.col,
        style: styleOf(c.s),
        formula: c.formula,
        filled: c.filled,
      })),
    },
    cells
  );
}
