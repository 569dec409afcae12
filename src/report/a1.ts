/**
 * A1 references from 0-based (row, col) addresses, and the reverse.
 *
 * The report spec stores every address as 0-based row/col numbers (renderer-friendly); formulas,
 * chart sources and validation lists are A1 text built with these helpers, so that the two never
 * disagree. Formulas are written in the invariant (en-US) form Office.js `formulas` and .xlsx
 * files use: English function names, "," separators, A1 references.
 */

import { columnLetter, MAX_ROWS, parseA1 } from "../ooxml/a1";

// The grid (limits, column letters, cell references) is src/ooxml's, shared with the readers
// and the writer.
export {
  columnIndex,
  columnLetter,
  MAX_CELL_CHARS,
  MAX_COLS,
  MAX_ROWS,
  parseA1,
  type CellAddress,
} from "../ooxml/a1";

function checkRow(row: number): void {
  if (!Number.isInteger(row) || row < 0 || row >= MAX_ROWS)
    throw new RangeError(`Ligne hors limites : ${row}`);
}

/** A1 reference of a 0-based cell: a1(0, 0) = "A1"; absolute gives "$A$1". */
export function a1(row: number, col: number, absolute = false): string {
  checkRow(row);
  const d = absolute ? "$" : "";
  return `${d}${columnLetter(col)}${d}${row + 1}`;
}

/** A1 range of two 0-based corners (inclusive), normalised; a single cell gives "B3". */
export function rangeA1(r1: number, c1: number, r2: number, c2: number, absolute = false): string {
  const top = Math.min(r1, r2);
  const bottom = Math.max(r1, r2);
  const left = Math.min(c1, c2);
  const right = Math.max(c1, c2);
  const first = a1(top, left, absolute);
  return top === bottom && left === right ? first : `${first}:${a1(bottom, right, absolute)}`;
}

/**
 * A sheet name as it must appear in a formula: always single-quoted (valid for every name),
 * with embedded quotes doubled: "Plan stratégique" → "'Plan stratégique'".
 */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "'Tableau de bord'!$B$3:$B$9" — an absolute, sheet-qualified range (single cell when equal). */
export function sheetRangeA1(sheetName: string, r1: number, c1: number, r2 = r1, c2 = c1): string {
  return `${quoteSheet(sheetName)}!${rangeA1(r1, c1, r2, c2, true)}`;
}

/** A reference found in a formula: optional sheet name, and an inclusive 0-based rectangle. */
export interface FormulaReference {
  /** Sheet name as written (quotes removed, doubled quotes undone); null = the formula's own sheet. */
  sheet: string | null;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  /** The text matched, for messages. */
  text: string;
}

/**
 * Every A1 cell or range reference of a formula (string literals ignored; function names such as
 * LOG10( are not mistaken for cells). Whole rows/columns (A:A, 1:1), R1C1 and structured table
 * references are not recognised: the report builders never emit them.
 */
export function formulaReferences(formula: string): FormulaReference[] {
  // Blank string literals so that "A1" inside quotes is not a reference.
  let code = "";
  let inString = false;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"') {
      if (inString && formula[i + 1] === '"') {
        code += "  ";
        i++;
        continue;
      }
      inString = !inString;
      code += ch;
    } else {
      code += inString ? " " : ch;
    }
  }
  const out: FormulaReference[] = [];
  const pattern =
    /(?:'((?:[^']|'')+)'!|([A-Za-z_\u00C0-\u024F][\w.\u00C0-\u024F]*)!)?(\$?[A-Za-z]{1,3}\$?\d{1,7})(?::(\$?[A-Za-z]{1,3}\$?\d{1,7}))?(?![\w(!])/g;
  for (const m of code.matchAll(pattern)) {
    const start = m.index ?? 0;
    const before = start > 0 ? code[start - 1] : "";
    // Part of a longer identifier (e.g. "XLOG10" or a name): not a reference.
    if (/[\w.$]/.test(before) && m[1] === undefined && m[2] === undefined) continue;
    const first = parseA1(m[3]);
    if (!first) continue;
    const second = m[4] ? parseA1(m[4]) : first;
    if (!second) continue;
    const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2] !== undefined ? m[2] : null;
    out.push({
      sheet,
      r1: Math.min(first.row, second.row),
      c1: Math.min(first.col, second.col),
      r2: Math.max(first.row, second.row),
      c2: Math.max(first.col, second.col),
      text: m[0],
    });
  }
  return out;
}
