/**
 * Excel's grid: its limits, column letters and A1 references — written once, for the readers
 * (node and browser), the writer and the report layer.
 *
 * Conventions: columns are 0-based (A = 0); `CellAddress.row` is 0-based (what the report spec
 * uses), `CellRange` rows are 1-based sheet rows (what the readers report), both inclusive.
 */

/** Excel's limits (xlsx): 1 048 576 rows, 16 384 columns (A to XFD), 32 767 characters a cell. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
export const MAX_CELL_CHARS = 32_767;

/** Column letters of a 0-based column: 0 → "A", 25 → "Z", 26 → "AA", 16 383 → "XFD". */
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

/**
 * The column of the letters at s[from..to) (stops at the first non-letter), 0-based; -1 when there
 * are no letters. Case-insensitive. At most 4 letters are read: anything longer gives a column
 * ≥ MAX_COLS (which the caller checks), never an overflow.
 */
export function lettersColumn(s: string, from: number, to: number): number {
  let col = 0;
  for (let k = from, n = 0; k < to; k++, n++) {
    const ch = s.charCodeAt(k);
    let d: number;
    if (ch >= 65 && ch <= 90) d = ch - 64;
    else if (ch >= 97 && ch <= 122) d = ch - 96;
    else break;
    if (n >= 4) return MAX_COLS; // "AAAAA…": beyond XFD whatever follows
    col = col * 26 + d;
  }
  return col - 1;
}

/** 0-based column of letters ("A" → 0, "AA" → 26); case-insensitive; throws on anything else. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters))
    throw new RangeError(`Lettres de colonne invalides : ${letters}`);
  return lettersColumn(letters, 0, letters.length);
}

export interface CellAddress {
  /** 0-based. */
  row: number;
  col: number;
}

/** Parses "B3" or "$B$3" into 0-based row/col; null when it is not a cell reference inside the grid. */
export function parseA1(ref: string): CellAddress | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  const row = Number(m[2]) - 1;
  const col = columnIndex(m[1]);
  if (row < 0 || row >= MAX_ROWS || col >= MAX_COLS) return null;
  return { row, col };
}

/** Rows are 1-based sheet rows, columns 0-based (A = 0), both inclusive. */
export interface CellRange {
  firstRow: number;
  lastRow: number;
  firstCol: number;
  lastCol: number;
}

/**
 * "A3:X200" (or "$A$3:$X$200", or one cell "B2") → range, corners normalised; null when
 * unreadable or outside Excel's grid.
 */
export function parseRange(ref: string): CellRange | null {
  const [a, b, extra] = ref.trim().split(":");
  if (extra !== undefined) return null;
  const p = parseA1(a);
  const q = b === undefined ? p : parseA1(b);
  if (!p || !q) return null;
  return {
    firstRow: Math.min(p.row, q.row) + 1,
    lastRow: Math.max(p.row, q.row) + 1,
    firstCol: Math.min(p.col, q.col),
    lastCol: Math.max(p.col, q.col),
  };
}
