/**
 * The worksheet scanner: `<row>`s of a sheet part → rows of cells, in text that holds only
 * complete rows (element-stream.ts cuts after a `</row>`). Hand-written over char codes (`indexOf`,
 * no regular expression per cell, no DOM): it reads a million-row sheet in about a second.
 *
 * Cell values (what `Cell` holds, as Office.js `values` would give them):
 * - numbers as numbers — date cells stay Excel serials;
 * - `t="s"` shared strings, `t="inlineStr"` inline strings, `t="str"` formula strings: strings,
 *   exactly as stored (no trimming), entities and `_xHHHH_` escapes decoded;
 * - `t="b"`: true / false; `t="e"` errors: the error text ("#N/A") as a string;
 * - `t="d"` ISO dates: Date (UTC); a cell without a value: null.
 *
 * Rows: `row[0]` is column A; a row stops at its last non-empty cell, gaps are null; rows are
 * numbered as in Excel (1-based) and rows missing between two stored rows are reported as empty.
 *
 * Bounds (issue #13): a cell beyond column XFD, a row beyond 1 048 576, more row elements than
 * Excel has rows, a text longer than 32 767 characters are OoxmlLimitErrors, thrown before any
 * memory is spent on them.
 */
import type { Cell } from "../core/model";
import { MAX_CELL_CHARS, MAX_COLS, MAX_ROWS, lettersColumn } from "./a1";
import { groupDigits, OoxmlLimitError, OoxmlSyntaxError } from "./errors";
import { isPhonetic, readTag, skipPhonetic, TAG, tagEnd, textEnd } from "./tags";
import { decodeXmlText } from "./xml";

export type RowHandler = (row: Cell[], sheetRowNumber: number) => void | "stop";

const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERROR = 5;
const T_DATE = 6;

function typeCode(s: string, from: number, to: number): number {
  const len = to - from;
  const c0 = s.charCodeAt(from);
  if (len === 1) {
    if (c0 === 115) return T_SHARED; // s
    if (c0 === 98) return T_BOOL; // b
    if (c0 === 101) return T_ERROR; // e
    if (c0 === 100) return T_DATE; // d
    return T_NUMBER; // n
  }
  if (len === 3 && c0 === 115) return T_STR; // str
  if (len === 9 && c0 === 105) return T_INLINE; // inlineStr
  return T_NUMBER;
}

const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

function isoDate(raw: string): Date | string {
  const text = raw.trim();
  // Without a zone, an ISO date-time would be read as local time: cells are zone-less, use UTC.
  const zoned = /(Z|[+-]\d\d:?\d\d)$/.test(text) || !text.includes("T") ? text : `${text}Z`;
  const d = new Date(zoned);
  return Number.isNaN(d.getTime()) ? text : d;
}

/** A reference as written, for messages (cut when absurdly long). */
function shown(s: string, from: number, to: number): string {
  return to - from > 24 ? `${s.slice(from, from + 20)}…` : s.slice(from, to);
}

const ROWS_TEXT = groupDigits(MAX_ROWS);
const COLS_TEXT = groupDigits(MAX_COLS);
const CHARS_TEXT = groupDigits(MAX_CELL_CHARS);

export function tooLongText(length: number, where: string): OoxmlLimitError {
  return new OoxmlLimitError(
    `contient ${where} un texte de ${groupDigits(length)} caractères, au-delà de la limite d'Excel (${CHARS_TEXT} caractères par cellule)`
  );
}

/** Puts v at column col of a row, padding the gap with nulls. */
function place(cells: Cell[], col: number, v: Cell): void {
  if (col === cells.length) cells.push(v);
  else if (col > cells.length) {
    while (cells.length < col) cells.push(null);
    cells.push(v);
  } else cells[col] = v;
}

/** Reads the attributes of a start tag from `q`: calls `onAttr` with each one-letter name. */
function attributes(
  s: string,
  q: number,
  end: number,
  onAttr: (name: number, vs: number, ve: number) => void
): number {
  for (;;) {
    let ch = s.charCodeAt(q);
    if (ch === 62 || q >= end) return q;
    if (ch === 32 || ch === 47 || ch === 9 || ch === 10 || ch === 13) {
      q++;
      continue;
    }
    const an = q;
    while (ch !== 61 && ch !== 32 && ch !== 62 && q < end) ch = s.charCodeAt(++q);
    const nameLen = q - an;
    const nameCode = s.charCodeAt(an);
    while (ch !== 34 && ch !== 39 && q < end) ch = s.charCodeAt(++q);
    const quote = ch;
    const vs = q + 1;
    let ve = vs;
    while (ve < end && s.charCodeAt(ve) !== quote) ve++;
    if (ve >= end) throw new OoxmlSyntaxError("unterminated attribute");
    if (nameLen === 1) onAttr(nameCode, vs, ve);
    q = ve + 1;
  }
}

/**
 * Reads `<row>`s and keeps the state that spans calls (inside sheetData, last row number). Throws
 * OoxmlSyntaxError on a damaged part and OoxmlLimitError past Excel's limits; errors thrown by
 * `onRow` go through.
 */
export class SheetScanner {
  inSheetData = false;
  /** `</sheetData>` (or `<sheetData/>`) was read: the sheet is complete. */
  done = false;
  stopped = false;
  /** `<row>` elements read so far. */
  rowElements = 0;
  private lastRow = 0;
  private cells: Cell[] = [];
  private rowNumber = 0;
  private prevCol = -1;
  // Current cell.
  private cellCol = 0;
  private cellType = T_NUMBER;
  private cellRaw: string | null = null;
  private inline: string | null = null;
  // Attributes of the tag being read (set by the attribute callbacks).
  private attrCol = -1;
  private attrType = T_NUMBER;
  private attrRow = -1;
  private attrText = "";
  private attrFrom = 0;
  private attrTo = 0;

  constructor(
    private readonly sst: readonly string[],
    private readonly onRow: RowHandler
  ) {}

  scan(s: string, end: number): void {
    let i = 0;
    while (!this.stopped && !this.done) {
      // Next tag. In sheet data the next "<" is nearly always right here: a loop beats indexOf.
      let lt = i;
      while (lt < end && s.charCodeAt(lt) !== 60) lt++;
      if (lt >= end) return;
      if (this.inSheetData && s.charCodeAt(lt + 1) === 99 && s.charCodeAt(lt + 2) === 32) {
        const next = this.fastCell(s, lt, end);
        if (next >= 0) {
          i = next;
          continue;
        }
      }
      const skipped = readTag(s, lt, end);
      if (skipped >= 0) i = skipped;
      else if (this.inSheetData) i = this.element(s, end);
      else {
        i = this.beforeSheetData(s);
        if (i < 0) return;
      }
    }
  }

  /** Outside sheetData: looks for `<sheetData>`; -1 when its start tag is cut. */
  private beforeSheetData(s: string): number {
    const { p, ls, len } = TAG;
    if (TAG.closing || len !== 9 || !s.startsWith("sheetData", ls)) return p;
    const gt = s.indexOf(">", p);
    if (gt < 0) return -1;
    if (s.charCodeAt(gt - 1) === 47) this.done = true;
    else this.inSheetData = true;
    return gt + 1;
  }

  /** An element of sheetData (TAG): dispatch by local name. Returns where to go on. */
  private element(s: string, end: number): number {
    const { p, ls, len, closing } = TAG;
    const c0 = s.charCodeAt(ls);
    if (len === 1) {
      if (c0 === 99) return closing ? this.endCell(p) : this.openCell(s, p, end);
      if (closing) return p;
      if (c0 === 118) return this.value(s, p);
      if (c0 === 116) return this.inlineText(s, p);
      if (c0 === 102) return this.skipFormula(s, p);
      return p;
    }
    if (len === 3) {
      if (c0 === 114 && s.charCodeAt(ls + 1) === 111 && s.charCodeAt(ls + 2) === 119)
        return closing ? this.closeRow(p) : this.openRow(s, p, end);
      if (isPhonetic(s)) return skipPhonetic(s, p);
      return p;
    }
    if (len === 9 && closing && s.startsWith("sheetData", ls)) {
      this.done = true;
      return p;
    }
    return p;
  }

  private readonly cellAttr = (name: number, vs: number, ve: number): void => {
    if (name === 114) {
      this.attrCol = lettersColumn(this.attrText, vs, ve);
      this.attrFrom = vs;
      this.attrTo = ve;
    } else if (name === 116) this.attrType = typeCode(this.attrText, vs, ve);
  };

  /** `<c …>`: r (reference) and t (type); other attributes (s, cm, vm, ph) are skipped. */
  private openCell(s: string, p: number, end: number): number {
    this.attrCol = -1;
    this.attrType = T_NUMBER;
    this.attrText = s;
    const q = attributes(s, p, end, this.cellAttr);
    let col = this.attrCol;
    if (col >= MAX_COLS) {
      throw new OoxmlLimitError(
        `contient une cellule « ${shown(s, this.attrFrom, this.attrTo)} » au-delà de la dernière colonne d'Excel (XFD, ${COLS_TEXT} colonnes)`,
        this.rowNumber
      );
    }
    if (col < 0) col = this.prevCol + 1;
    if (col >= MAX_COLS)
      throw new OoxmlLimitError(
        `contient une ligne de plus de ${COLS_TEXT} cellules, le maximum d'Excel`,
        this.rowNumber
      );
    this.prevCol = col;
    if (s.charCodeAt(q - 1) === 47) return q + 1; // <c r="B2" s="3"/>: no value.
    this.cellCol = col;
    this.cellType = this.attrType;
    this.cellRaw = null;
    this.inline = null;
    return q + 1;
  }

  /** `<v>`: the raw value, read at `</c>`. */
  private value(s: string, p: number): number {
    const gt = tagEnd(s, p);
    const e = textEnd(s, gt);
    if (e < 0) {
      this.cellRaw = "";
      return gt + 1;
    }
    this.cellRaw = s.slice(gt + 1, e);
    return e;
  }

  /** `<t>` of an inline string (rich text: the runs are concatenated). */
  private inlineText(s: string, p: number): number {
    const gt = tagEnd(s, p);
    const e = textEnd(s, gt);
    if (e < 0) {
      if (this.inline === null) this.inline = "";
      return gt + 1;
    }
    const text = (this.inline ?? "") + decodeXmlText(s.slice(gt + 1, e));
    if (text.length > MAX_CELL_CHARS) throw this.tooLong(text.length);
    this.inline = text;
    return e;
  }

  /** `<f>`: the formula text is skipped, its cached value is in `<v>`. */
  private skipFormula(s: string, p: number): number {
    const gt = tagEnd(s, p);
    if (s.charCodeAt(gt - 1) === 47) return gt + 1;
    const e = s.indexOf("<", gt + 1);
    if (e < 0) throw new OoxmlSyntaxError("unterminated formula");
    return e;
  }

  private readonly rowAttr = (name: number, vs: number, ve: number): void => {
    if (name !== 114) return;
    const s = this.attrText;
    let r = 0;
    for (let k = vs; k < ve; k++) {
      const d = s.charCodeAt(k) - 48;
      if (d < 0 || d > 9) {
        r = -1;
        break;
      }
      r = r * 10 + d;
      if (r > MAX_ROWS) {
        throw new OoxmlLimitError(
          `contient une ligne numérotée ${shown(s, vs, ve)}, au-delà de la dernière ligne d'Excel (${ROWS_TEXT})`
        );
      }
    }
    this.attrRow = r;
  };

  /** `<row …>`: its number (r), else the one after the last. */
  private openRow(s: string, p: number, end: number): number {
    if (++this.rowElements > MAX_ROWS) {
      throw new OoxmlLimitError(
        `contient plus de ${ROWS_TEXT} lignes, le maximum d'une feuille Excel`
      );
    }
    this.attrRow = -1;
    this.attrText = s;
    const q = attributes(s, p, end, this.rowAttr);
    const r = this.attrRow;
    const n = r > 0 ? r : this.lastRow + 1;
    if (n > MAX_ROWS) {
      throw new OoxmlLimitError(
        `contient plus de ${ROWS_TEXT} lignes, le maximum d'une feuille Excel`
      );
    }
    this.rowNumber = n;
    this.cells = [];
    this.prevCol = -1;
    if (s.charCodeAt(q - 1) === 47) this.emitRow();
    return q + 1;
  }

  private closeRow(p: number): number {
    this.emitRow();
    return p + 1;
  }

  private tooLong(length: number): OoxmlLimitError {
    const e = tooLongText(length, "dans une cellule");
    return new OoxmlLimitError(e.problem, this.rowNumber);
  }

  /**
   * The common cell, `<c r="B2" s="1" t="s"><v>12</v></c>` (one-letter attributes, a shared string
   * index or a plain decimal number), read straight from the char codes: no substring, no
   * Number(). Returns the index after `</c>`, or -1 (nothing changed) for the general path.
   */
  private fastCell(s: string, lt: number, end: number): number {
    let q = lt + 3;
    let col = -1;
    let type = T_NUMBER;
    let ch: number;
    for (;;) {
      ch = s.charCodeAt(q);
      if (ch === 62) break;
      if (ch === 32) {
        q++;
        continue;
      }
      const name = ch;
      if (s.charCodeAt(q + 1) !== 61 || s.charCodeAt(q + 2) !== 34 || q + 3 >= end) return -1;
      q += 3;
      const vs = q;
      if (name === 114) {
        // r="AB12"
        let c = 0;
        ch = s.charCodeAt(q);
        while (ch >= 65 && ch <= 90) {
          c = c * 26 + ch - 64;
          ch = s.charCodeAt(++q);
        }
        while (ch >= 48 && ch <= 57) ch = s.charCodeAt(++q);
        if (ch !== 34 || c === 0 || c > MAX_COLS) return -1;
        col = c - 1;
      } else {
        while (q < end && s.charCodeAt(q) !== 34) q++;
        if (q >= end) return -1;
        if (name === 116) {
          if (q - vs !== 1) return -1;
          const t = s.charCodeAt(vs);
          if (t === 115) type = T_SHARED;
          else if (t !== 110) return -1;
        }
      }
      q++;
    }
    if (
      col < 0 ||
      s.charCodeAt(q + 1) !== 60 ||
      s.charCodeAt(q + 2) !== 118 ||
      s.charCodeAt(q + 3) !== 62
    )
      return -1;
    const vs = q + 4;
    let k = vs;
    let v: Cell;
    ch = s.charCodeAt(k);
    if (type === T_SHARED) {
      let idx = 0;
      while (ch >= 48 && ch <= 57) {
        idx = idx * 10 + ch - 48;
        ch = s.charCodeAt(++k);
      }
      if (k === vs || k - vs > 9) return -1;
      v = this.sst[idx];
      if (v === undefined) throw new OoxmlSyntaxError(`shared string ${idx} missing`);
    } else {
      const negative = ch === 45;
      if (negative) ch = s.charCodeAt(++k);
      let m = 0;
      let digits = 0;
      while (ch >= 48 && ch <= 57) {
        m = m * 10 + ch - 48;
        digits++;
        ch = s.charCodeAt(++k);
      }
      let scale = 0;
      if (ch === 46) {
        ch = s.charCodeAt(++k);
        while (ch >= 48 && ch <= 57) {
          m = m * 10 + ch - 48;
          scale++;
          ch = s.charCodeAt(++k);
        }
      }
      // Up to 15 digits, m and 10^scale are exact doubles: the division is correctly rounded,
      // i.e. the same double as Number(text). Anything else (exponent, 16+ digits) goes the slow way.
      if (digits === 0 || digits + scale > 15) return -1;
      const x = scale === 0 ? m : m / POW10[scale];
      v = negative ? -x : x;
    }
    if (
      ch !== 60 ||
      s.charCodeAt(k + 1) !== 47 ||
      s.charCodeAt(k + 2) !== 118 ||
      s.charCodeAt(k + 3) !== 62 ||
      s.charCodeAt(k + 4) !== 60 ||
      s.charCodeAt(k + 5) !== 47 ||
      s.charCodeAt(k + 6) !== 99 ||
      s.charCodeAt(k + 7) !== 62
    ) {
      return -1;
    }
    this.prevCol = col;
    place(this.cells, col, v);
    return k + 8;
  }

  /** `</c>`: the cell's value from its type and raw text. */
  private endCell(p: number): number {
    const raw = this.cellRaw;
    let v: Cell = null;
    switch (this.cellType) {
      case T_NUMBER:
        if (raw !== null && raw !== "") {
          const n = +raw;
          v = Number.isNaN(n) ? decodeXmlText(raw) : n;
        } else if (this.inline !== null) {
          v = this.inline;
        }
        break;
      case T_SHARED: {
        if (raw === null || raw === "") break;
        const text = this.sst[+raw];
        if (text === undefined) throw new OoxmlSyntaxError(`shared string ${raw} missing`);
        v = text;
        break;
      }
      case T_INLINE:
        v = this.inline ?? (raw === null ? null : decodeXmlText(raw));
        break;
      case T_STR:
      case T_ERROR:
        v = raw === null ? null : decodeXmlText(raw);
        break;
      case T_BOOL:
        v = raw === null || raw === "" ? null : raw === "1" || raw === "true";
        break;
      case T_DATE:
        v = raw === null || raw === "" ? null : isoDate(raw);
        break;
    }
    this.cellRaw = null;
    this.inline = null;
    if (v === null) return p + 1;
    if (typeof v === "string" && v.length > MAX_CELL_CHARS) throw this.tooLong(v.length);
    place(this.cells, this.cellCol, v);
    return p + 1;
  }

  private emitRow(): void {
    const n = this.rowNumber;
    const last = this.lastRow;
    if (last > 0 && n > last + 1) {
      for (let r = last + 1; r < n; r++) {
        if (this.onRow([], r) === "stop") {
          this.stopped = true;
          this.lastRow = r;
          return;
        }
      }
    }
    if (n > last) this.lastRow = n;
    const cells = this.cells;
    this.cells = [];
    if (this.onRow(cells, n) === "stop") this.stopped = true;
  }
}
