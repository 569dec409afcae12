/**
 * A1 references from 0-based (row, col) addresses, and the reverse.
 *
 * The report spec stores every address as 0-based row/col numbers (renderer-friendly); formulas,
 * chart sources and validation lists are A1 text built with these helpers, so that the two never
 * disagree. Formulas are written in the invariant (en-US) form Office.js `formulas` and .xlsx
 * files use: English function names, "," separators, A1 references.
 */

/** Excel's limits (xlsx): 1 048 576 rows, 16 384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** Column letters of a 0-based column: 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(col: number): string {
  if (!Number.isInteger(col) || col < 0 || col >= MAX_COLS)
    throw new RangeError(`Colonne hors limites : ${col}`);
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 0-based column of letters ("A" → 0, "AA" → 26); case-insensitive. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters))
    throw new RangeError(`Lettres de colonne invalides : ${letters}`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

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

export interface CellAddress {
  row: number;
  col: number;
}

/** Parses "B3" or "$B$3" into 0-based row/col; null when it is not a cell reference. */
export function parseA1(ref: string): CellAddress | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  const row = Number(m[2]) - 1;
  const col = columnIndex(m[1]);
  if (row < 0 || row >= MAX_ROWS || col >= MAX_COLS) return null;
  return { row, col };
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
