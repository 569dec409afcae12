/**
 * Streaming .xlsx reader (issue #6): reads a worksheet of 1 048 575 rows completely, in bounded
 * memory, and never the whole sheet XML as one string (V8 strings stop at 512 MiB).
 *
 * - zip.ts gives random access to the parts (central directory) and streams one part through
 *   fflate's streaming inflater, checking its size and CRC at the end (a truncated or damaged file
 *   is an error, never a short read).
 * - The sheet XML is decoded chunk by chunk (streaming TextDecoder) and cut after the last complete
 *   `</row>` of the text so far; a hand-written scanner (char codes, `indexOf`, no regex per cell,
 *   no DOM) reads the complete rows and hands them out one at a time.
 * - Shared strings are streamed the same way into an array (rich text runs concatenated, phonetic
 *   runs left out); they are loaded once, at the first `readRows`.
 *
 * Cell values (what `Cell` holds, as Office.js `values` would give them):
 * - numbers as numbers — date cells stay Excel serials (1900 system, or 1904 when `date1904`),
 *   the core's parsers read them as such;
 * - `t="s"` shared strings, `t="inlineStr"` inline strings, `t="str"` formula strings: strings,
 *   exactly as stored (no trimming), entities and `_xHHHH_` escapes decoded;
 * - `t="b"`: true / false;
 * - `t="e"` errors: the error text ("#N/A", "#DIV/0!") as a string, so that a report can show it
 *   (an amount "#N/A" is « illisible », not « absent »);
 * - `t="d"` ISO dates: Date (UTC);
 * - a cell without a value (styled only, or a formula without cached value): null.
 *
 * Rows: `row[0]` is column A. A row's array stops at its last non-empty cell; gaps are null. Rows
 * are numbered as in Excel (1-based); rows missing between two stored rows are reported as empty
 * arrays, so that every row from the first stored row to the last is reported exactly once.
 */
import { resolveTarget } from "./xlsx-writer/rels";
import type { Cell } from "../core/model";
import { InputError } from "./errors";
import { decodeXmlText, elementsOf, xmlTrue } from "./xml";
import {
  XLSX_RESAVE,
  XLSX_UNREADABLE,
  XmlTextDecoder,
  ZipArchive,
  type Inflater,
  type ZipEntry,
} from "./zip";

/** Rows are 1-based sheet rows, columns 0-based (A = 0), both inclusive. */
export interface CellRange {
  firstRow: number;
  lastRow: number;
  firstCol: number;
  lastCol: number;
}

export interface XlsxTable {
  /** Name shown in Excel (displayName). */
  name: string;
  /** "A3:X200". */
  ref: string;
  range: CellRange;
  /** Header rows at the top of the range (1, or 0 for a table without header row). */
  headerRowCount: number;
  /** Totals rows at the bottom of the range (0 or 1). */
  totalsRowCount: number;
}

export interface XlsxSheet {
  name: string;
  tables: XlsxTable[];
  /** Hidden or very hidden in Excel. */
  hidden: boolean;
}

export type RowHandler = (row: Cell[], sheetRowNumber: number) => void | "stop";

export interface XlsxBook {
  /** The file, as given. */
  readonly file: string;
  /** Worksheets in workbook order (chart sheets are left out). */
  readonly sheets: XlsxSheet[];
  readonly date1904: boolean;
  /**
   * Streams the rows of a sheet, in order. `onRow` may return "stop" to end early (header
   * sniffing). The row array is the handler's to keep. Rejects with an InputError when the sheet is
   * damaged or truncated; errors thrown by `onRow` are passed through unchanged.
   */
  readRows(sheetName: string, onRow: RowHandler): Promise<void>;
}

/** Longest text kept waiting for the end of a row (one row of 16 384 long cells still fits). */
const MAX_PENDING_TEXT = 256 * 1024 * 1024;
const MAX_PENDING_BYTES = MAX_PENDING_TEXT;
/** Bytes decoded at a time: the string (≤ 64 KB even as UTF-16) stays in V8's young generation. */
const PIECE_BYTES = 32 * 1024;

// ---------------------------------------------------------------------------------------------
// References

/** "AB" at s[from..to) → 27 (0-based column); -1 when there are no letters. */
function columnOf(s: string, from: number, to: number): number {
  let col = 0;
  for (let k = from; k < to; k++) {
    const ch = s.charCodeAt(k);
    if (ch >= 65 && ch <= 90) col = col * 26 + ch - 64;
    else if (ch >= 97 && ch <= 122) col = col * 26 + ch - 96;
    else break;
  }
  return col - 1;
}

/** "A3:X200" (or "$A$3:$X$200", or one cell "B2") → range; null when unreadable. */
export function parseRef(ref: string): CellRange | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return null;
  const c0 = columnOf(m[1], 0, m[1].length);
  const r0 = Number(m[2]);
  const c1 = m[3] ? columnOf(m[3], 0, m[3].length) : c0;
  const r1 = m[4] ? Number(m[4]) : r0;
  if (r0 < 1 || r1 < 1) return null;
  return {
    firstRow: Math.min(r0, r1),
    lastRow: Math.max(r0, r1),
    firstCol: Math.min(c0, c1),
    lastCol: Math.max(c0, c1),
  };
}

/** 0-based column → "A", "AB". */
export function columnName(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Package structure

interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Type URIs end with the relationship kind (transitional and strict namespaces alike). */
function typeIs(rel: Relationship, kind: string): boolean {
  return rel.type.endsWith(`/${kind}`);
}

interface SheetPart extends XlsxSheet {
  part: string;
}

// ---------------------------------------------------------------------------------------------
// Cell types

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

// ---------------------------------------------------------------------------------------------
// The sheet scanner

class CorruptSheet extends Error {}

/**
 * Reads `<row>`s from text that holds only complete rows (the caller cuts after a `</row>`), and
 * keeps the state that spans calls (inside sheetData, last row number).
 * Exported for the benchmark and tests only.
 */
export class SheetScanner {
  inSheetData = false;
  /** `</sheetData>` (or `<sheetData/>`) was read: the sheet is complete. */
  done = false;
  stopped = false;
  private lastRow = 0;
  private cells: Cell[] = [];
  private rowNumber = 0;
  private prevCol = -1;
  // Current cell.
  private cellCol = 0;
  private cellType = T_NUMBER;
  private cellRaw: string | null = null;
  private inline: string | null = null;

  constructor(
    private readonly sst: string[],
    private readonly onRow: RowHandler
  ) {}

  scan(s: string, end: number): void {
    let i = 0;
    while (!this.stopped && !this.done) {
      // Next tag. In sheet data the next "<" is nearly always right here: a loop beats indexOf.
      let lt = i;
      while (lt < end && s.charCodeAt(lt) !== 60) lt++;
      if (lt >= end) return;
      if (s.charCodeAt(lt + 1) === 99 && s.charCodeAt(lt + 2) === 32 && this.inSheetData) {
        const next = this.fastCell(s, lt, end);
        if (next >= 0) {
          i = next;
          continue;
        }
      }
      let p = lt + 1;
      let ch = s.charCodeAt(p);
      let closing = false;
      if (ch === 47) {
        closing = true;
        ch = s.charCodeAt(++p);
      } else if (ch === 33 || ch === 63) {
        // Comment, CDATA, processing instruction.
        if (s.startsWith("!--", p)) {
          const e = s.indexOf("-->", p + 3);
          i = e < 0 ? end : e + 3;
        } else if (s.startsWith("![CDATA[", p)) {
          throw new CorruptSheet("CDATA section in sheet data");
        } else {
          i = p;
        }
        continue;
      }
      // Element name; `ls` = start of its local part (after a namespace prefix).
      let ls = p;
      while (ch !== 32 && ch !== 62 && ch !== 47 && ch !== 9 && ch !== 10 && ch !== 13 && p < end) {
        if (ch === 58) ls = p + 1;
        ch = s.charCodeAt(++p);
      }
      const len = p - ls;
      const c0 = s.charCodeAt(ls);

      if (!this.inSheetData) {
        if (!closing && len === 9 && s.startsWith("sheetData", ls)) {
          const gt = s.indexOf(">", p);
          if (gt < 0) return;
          if (s.charCodeAt(gt - 1) === 47) this.done = true;
          else this.inSheetData = true;
          i = gt + 1;
        } else {
          i = p;
        }
        continue;
      }

      if (len === 1) {
        if (c0 === 99) {
          // <c> / </c>
          if (closing) {
            this.endCell();
            i = p + 1;
            continue;
          }
          // Attributes: r (reference) and t (type); others (s, cm, vm, ph) are skipped.
          let col = -1;
          let type = T_NUMBER;
          let q = p;
          for (;;) {
            ch = s.charCodeAt(q);
            if (ch === 62 || q >= end) break;
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
            if (ve >= end) throw new CorruptSheet("unterminated attribute");
            if (nameLen === 1) {
              if (nameCode === 114) col = columnOf(s, vs, ve);
              else if (nameCode === 116) type = typeCode(s, vs, ve);
            }
            q = ve + 1;
          }
          if (col < 0) col = this.prevCol + 1;
          this.prevCol = col;
          if (s.charCodeAt(q - 1) === 47) {
            // <c r="B2" s="3"/>: no value.
            i = q + 1;
            continue;
          }
          this.cellCol = col;
          this.cellType = type;
          this.cellRaw = null;
          this.inline = null;
          i = q + 1;
          continue;
        }
        if (c0 === 118 && !closing) {
          // <v>
          const gt = s.indexOf(">", p);
          if (gt < 0) throw new CorruptSheet("unterminated tag");
          if (s.charCodeAt(gt - 1) === 47) {
            this.cellRaw = "";
            i = gt + 1;
          } else {
            const ve = s.indexOf("<", gt + 1);
            if (ve < 0) throw new CorruptSheet("unterminated value");
            this.cellRaw = s.slice(gt + 1, ve);
            i = ve;
          }
          continue;
        }
        if (c0 === 116 && !closing) {
          // <t> of an inline string.
          const gt = s.indexOf(">", p);
          if (gt < 0) throw new CorruptSheet("unterminated tag");
          if (s.charCodeAt(gt - 1) === 47) {
            if (this.inline === null) this.inline = "";
            i = gt + 1;
          } else {
            const te = s.indexOf("<", gt + 1);
            if (te < 0) throw new CorruptSheet("unterminated text");
            this.inline = (this.inline ?? "") + decodeXmlText(s.slice(gt + 1, te));
            i = te;
          }
          continue;
        }
        if (c0 === 102 && !closing) {
          // <f>: the formula text is skipped, its cached value is in <v>.
          const gt = s.indexOf(">", p);
          if (gt < 0) throw new CorruptSheet("unterminated tag");
          i = s.charCodeAt(gt - 1) === 47 ? gt + 1 : s.indexOf("<", gt + 1);
          if (i < 0) throw new CorruptSheet("unterminated formula");
          continue;
        }
        i = p;
        continue;
      }
      if (len === 3) {
        if (c0 === 114 && s.charCodeAt(ls + 1) === 111 && s.charCodeAt(ls + 2) === 119) {
          // <row> / </row>
          if (closing) {
            this.emitRow();
            i = p + 1;
            continue;
          }
          let r = -1;
          let q = p;
          for (;;) {
            ch = s.charCodeAt(q);
            if (ch === 62 || q >= end) break;
            if (ch === 32 || ch === 47 || ch === 9 || ch === 10 || ch === 13) {
              q++;
              continue;
            }
            const an = q;
            while (ch !== 61 && ch !== 32 && ch !== 62 && q < end) ch = s.charCodeAt(++q);
            const isR = q - an === 1 && s.charCodeAt(an) === 114;
            while (ch !== 34 && ch !== 39 && q < end) ch = s.charCodeAt(++q);
            const vs = q + 1;
            const ve = s.indexOf(ch === 34 ? '"' : "'", vs);
            if (ve < 0) throw new CorruptSheet("unterminated attribute");
            if (isR) {
              r = 0;
              for (let k = vs; k < ve; k++) {
                const d = s.charCodeAt(k) - 48;
                if (d < 0 || d > 9) {
                  r = -1;
                  break;
                }
                r = r * 10 + d;
              }
            }
            q = ve + 1;
          }
          this.rowNumber = r > 0 ? r : this.lastRow + 1;
          this.cells = [];
          this.prevCol = -1;
          i = q + 1;
          if (s.charCodeAt(q - 1) === 47) this.emitRow();
          continue;
        }
        if (c0 === 114 && s.charCodeAt(ls + 1) === 80 && s.charCodeAt(ls + 2) === 104 && !closing) {
          // <rPh>: phonetic reading (East Asian), not part of the text.
          const gt = s.indexOf(">", p);
          if (gt < 0) throw new CorruptSheet("unterminated tag");
          if (s.charCodeAt(gt - 1) === 47) i = gt + 1;
          else {
            const e = s.indexOf("rPh>", gt + 1);
            if (e < 0) throw new CorruptSheet("unterminated phonetic run");
            i = e + 4;
          }
          continue;
        }
        i = p;
        continue;
      }
      if (len === 9 && closing && s.startsWith("sheetData", ls)) {
        this.done = true;
        return;
      }
      i = p;
    }
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
        if (ch !== 34 || c === 0) return -1;
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
      if (v === undefined) throw new CorruptSheet(`shared string ${idx} missing`);
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
    const cells = this.cells;
    if (col === cells.length) cells.push(v);
    else if (col > cells.length) {
      while (cells.length < col) cells.push(null);
      cells.push(v);
    } else cells[col] = v;
    return k + 8;
  }

  private endCell(): void {
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
        const idx = +raw;
        const text = this.sst[idx];
        if (text === undefined) throw new CorruptSheet(`shared string ${raw} missing`);
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
    if (v === null) return;
    const cells = this.cells;
    const col = this.cellCol;
    if (col === cells.length) cells.push(v);
    else if (col > cells.length) {
      while (cells.length < col) cells.push(null);
      cells.push(v);
    } else cells[col] = v;
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

/** Shared strings: `<si>` items, rich text runs concatenated, phonetic runs (`<rPh>`) left out. */
class SharedStringScanner {
  done = false;
  private current: string | null = null;

  constructor(readonly out: string[]) {}

  scan(s: string, end: number): void {
    let i = 0;
    const out = this.out;
    while (!this.done) {
      const lt = s.indexOf("<", i);
      if (lt < 0 || lt >= end) return;
      let p = lt + 1;
      let ch = s.charCodeAt(p);
      let closing = false;
      if (ch === 47) {
        closing = true;
        ch = s.charCodeAt(++p);
      } else if (ch === 33 || ch === 63) {
        if (s.startsWith("!--", p)) {
          const e = s.indexOf("-->", p + 3);
          i = e < 0 ? end : e + 3;
        } else i = p;
        continue;
      }
      let ls = p;
      while (ch !== 32 && ch !== 62 && ch !== 47 && ch !== 9 && ch !== 10 && ch !== 13 && p < end) {
        if (ch === 58) ls = p + 1;
        ch = s.charCodeAt(++p);
      }
      const len = p - ls;
      const c0 = s.charCodeAt(ls);
      if (len === 1 && c0 === 116 && !closing) {
        // <t>
        const gt = s.indexOf(">", p);
        if (gt < 0) throw new CorruptSheet("unterminated tag");
        if (s.charCodeAt(gt - 1) === 47) {
          if (this.current === null) this.current = "";
          i = gt + 1;
        } else {
          const te = s.indexOf("<", gt + 1);
          if (te < 0) throw new CorruptSheet("unterminated text");
          const text = decodeXmlText(s.slice(gt + 1, te));
          this.current = this.current === null ? text : this.current + text;
          i = te;
        }
        continue;
      }
      if (len === 2 && c0 === 115 && s.charCodeAt(ls + 1) === 105) {
        // <si> / </si> / <si/>
        if (closing) {
          out.push(this.current ?? "");
          this.current = null;
          i = p + 1;
          continue;
        }
        const gt = s.indexOf(">", p);
        if (gt < 0) throw new CorruptSheet("unterminated tag");
        this.current = null;
        if (s.charCodeAt(gt - 1) === 47) out.push("");
        i = gt + 1;
        continue;
      }
      if (
        len === 3 &&
        c0 === 114 &&
        s.charCodeAt(ls + 1) === 80 &&
        s.charCodeAt(ls + 2) === 104 &&
        !closing
      ) {
        const gt = s.indexOf(">", p);
        if (gt < 0) throw new CorruptSheet("unterminated tag");
        if (s.charCodeAt(gt - 1) === 47) i = gt + 1;
        else {
          const e = s.indexOf("rPh>", gt + 1);
          if (e < 0) throw new CorruptSheet("unterminated phonetic run");
          i = e + 4;
        }
        continue;
      }
      if (len === 3 && c0 === 115 && s.startsWith("sst", ls)) {
        if (closing) this.done = true;
        else {
          const gt = s.indexOf(">", p);
          if (gt < 0) throw new CorruptSheet("unterminated tag");
          if (s.charCodeAt(gt - 1) === 47) this.done = true;
          i = gt + 1;
          continue;
        }
      }
      i = p;
    }
  }
}

/**
 * Streams an XML part through a scanner that wants complete elements: the text is cut after the
 * last `</{prefix}{element}>` seen so far, the rest waits for the next chunk.
 *
 * UTF-8 (every part Excel writes): the cut is made in the bytes, and only the complete part is
 * decoded, so that the scanner gets a flat string fresh from the decoder (a concatenated string
 * is several times slower to scan char by char), and a multi-byte character is never split (the
 * cut falls after an ASCII ">"). UTF-16 parts (rare) go through a streaming decoder.
 *
 * Once `complete()` (the scanner saw the end of the data), the rest of the part is still read —
 * so that the entry's size and CRC are checked — but not decoded nor scanned. `stopped()` (the
 * consumer asked to stop) ends the read at once.
 */
async function streamElements(
  zip: ZipArchive,
  entry: ZipEntry,
  element: string,
  scan: (text: string, end: number) => void,
  complete: () => boolean,
  stopped: () => boolean,
  fail: (detail: string, cause?: unknown) => InputError
): Promise<void> {
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  const decode = (bytes: Uint8Array): string => {
    try {
      return utf8.decode(bytes);
    } catch (e) {
      throw fail("octets invalides", e);
    }
  };
  let mode: "utf-8" | "utf-16" | null = null;
  let utf16: XmlTextDecoder | null = null;
  let carry: Uint8Array | null = null;
  let pending = "";
  let marker: string | null = null;
  let markerBytes: Buffer | null = null;

  /** The closing tag carries the prefix of the root element, if any (<x:worksheet> → </x:row>). */
  const findMarker = (head: string): string | null => {
    const root = /<([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*[\s>/]/.exec(
      head.replace(/<[?!][^>]*>/g, "")
    );
    return root ? `</${root[1] ?? ""}${element}>` : null;
  };

  const result = await zip.stream(entry, (bytes) => {
    if (complete()) return;
    if (mode === null) {
      const all = carry ? concatBytes(carry, bytes) : bytes;
      if (all.length < 2) {
        carry = all.slice();
        return;
      }
      carry = null;
      mode =
        (all[0] === 0xff && all[1] === 0xfe) || (all[0] === 0xfe && all[1] === 0xff)
          ? "utf-16"
          : "utf-8";
      if (mode === "utf-16") utf16 = new XmlTextDecoder();
      bytes = all;
    }
    if (mode === "utf-16") {
      let text: string;
      try {
        text = (utf16 as XmlTextDecoder).decode(bytes);
      } catch (e) {
        throw fail("octets invalides", e);
      }
      pending = pending.length === 0 ? text : pending + text;
      if (marker === null) {
        marker = findMarker(pending.slice(0, 65536));
        if (marker === null) {
          if (pending.length > 65536) throw fail("élément racine introuvable");
          return;
        }
      }
      const cut = pending.lastIndexOf(marker);
      if (cut < 0) {
        if (pending.length > MAX_PENDING_TEXT) throw fail("élément trop long");
        return;
      }
      const end = cut + marker.length;
      scan(pending, end);
      pending = complete() ? "" : pending.slice(end);
      return stopped() ? "stop" : undefined;
    }
    if (markerBytes === null) {
      const head: Uint8Array = carry ? concatBytes(carry, bytes) : bytes;
      marker = findMarker(
        Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, 65536)).toString("latin1")
      );
      if (marker === null) {
        if (head.length > 65536) throw fail("élément racine introuvable");
        carry = head === bytes ? head.slice() : head;
        return;
      }
      markerBytes = Buffer.from(marker, "latin1");
      carry = null;
      bytes = head;
    }
    const mark = markerBytes;
    const m = mark.length;
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    let from = 0;
    if (carry) {
      // First complete the element left over from the previous chunk.
      const first = buf.indexOf(mark);
      if (first < 0) {
        if (carry.length + buf.length > MAX_PENDING_BYTES) throw fail("élément trop long");
        carry = concatBytes(carry, buf);
        return;
      }
      const text = decode(concatBytes(carry, buf.subarray(0, first + m)));
      carry = null;
      scan(text, text.length);
      from = first + m;
      if (complete()) return;
      if (stopped()) return "stop";
    }
    // Then the complete elements of this chunk, in pieces of about PIECE_BYTES: the decoded
    // strings stay small, so they die young (a big string goes to the large-object space and
    // waits for a full GC: peak memory would grow with the sheet).
    const last = buf.lastIndexOf(mark);
    const end = last >= 0 && last + m > from ? last + m : from;
    while (from < end) {
      let to = Math.min(end, from + PIECE_BYTES);
      if (to < end) {
        const cut = buf.lastIndexOf(mark, to - m);
        to = cut >= from ? cut + m : buf.indexOf(mark, from) + m;
      }
      const text = decode(buf.subarray(from, to));
      scan(text, text.length);
      from = to;
      if (complete()) return;
      if (stopped()) return "stop";
    }
    if (buf.length - end > MAX_PENDING_BYTES) throw fail("élément trop long");
    if (end < buf.length) carry = buf.slice(end);
    return undefined;
  });
  if (result === "stopped" || complete()) return;
  let rest: string;
  const decoder16 = utf16 as XmlTextDecoder | null;
  if (decoder16 !== null) {
    try {
      rest = pending + decoder16.end();
    } catch (e) {
      throw fail("octets invalides", e);
    }
  } else {
    const tail = carry as Uint8Array | null;
    rest = tail ? decode(tail) : "";
  }
  pending = "";
  carry = null;
  scan(rest, rest.length);
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

// ---------------------------------------------------------------------------------------------

class Book implements XlsxBook {
  private sstPromise: Promise<string[]> | null = null;

  constructor(
    readonly file: string,
    private readonly zip: ZipArchive,
    private readonly parts: SheetPart[],
    readonly date1904: boolean,
    private readonly sstPart: string | null
  ) {}

  get sheets(): XlsxSheet[] {
    return this.parts.map((p) => ({
      name: p.name,
      tables: p.tables.map((t) => ({ ...t, range: { ...t.range } })),
      hidden: p.hidden,
    }));
  }

  private damaged(sheet: string | undefined, detail: string, cause?: unknown): InputError {
    return new InputError(
      sheet === undefined
        ? XLSX_UNREADABLE
        : "n'est pas lisible : la feuille est endommagée ou tronquée",
      { file: this.file, sheet, hint: XLSX_RESAVE },
      { cause: cause ?? new Error(detail) }
    );
  }

  private sharedStrings(): Promise<string[]> {
    if (!this.sstPromise) this.sstPromise = this.loadSharedStrings();
    return this.sstPromise;
  }

  private async loadSharedStrings(): Promise<string[]> {
    if (this.sstPart === null) return [];
    const entry = this.zip.entry(this.sstPart);
    if (!entry) throw this.damaged(undefined, `missing part ${this.sstPart}`);
    const scanner = new SharedStringScanner([]);
    try {
      await streamElements(
        this.zip,
        entry,
        "si",
        (text, end) => scanner.scan(text, end),
        () => scanner.done,
        () => false,
        (detail, cause) => this.damaged(undefined, `sharedStrings: ${detail}`, cause)
      );
    } catch (e) {
      if (e instanceof CorruptSheet)
        throw this.damaged(undefined, `sharedStrings: ${e.message}`, e);
      throw e;
    }
    if (!scanner.done) throw this.damaged(undefined, "sharedStrings: </sst> not reached");
    return scanner.out;
  }

  async readRows(sheetName: string, onRow: RowHandler): Promise<void> {
    const sheet = this.parts.find((p) => p.name === sheetName);
    if (!sheet) {
      throw new InputError(`ne contient pas de feuille « ${sheetName} »`, {
        file: this.file,
        hint: `Feuilles présentes : ${this.parts.map((p) => `« ${p.name} »`).join(", ") || "aucune"}.`,
      });
    }
    const entry = this.zip.entry(sheet.part);
    if (!entry) throw this.damaged(sheetName, `missing part ${sheet.part}`);
    const sst = await this.sharedStrings();
    const scanner = new SheetScanner(sst, onRow);
    try {
      await streamElements(
        this.zip,
        entry,
        "row",
        (text, end) => scanner.scan(text, end),
        () => scanner.done,
        () => scanner.stopped,
        (detail, cause) => this.damaged(sheetName, detail, cause)
      );
    } catch (e) {
      if (e instanceof CorruptSheet) throw this.damaged(sheetName, e.message, e);
      throw e;
    }
    if (scanner.stopped) return;
    if (!scanner.done) throw this.damaged(sheetName, "</sheetData> not reached");
  }
}

export interface OpenXlsxOptions {
  /** The file as the user named it, for messages (default: `path`). */
  label?: string;
  /** DEFLATE decoder (default "fflate"); "zlib" is Node's native one, faster on big sheets. */
  inflate?: Inflater;
}

/**
 * Opens an .xlsx workbook: reads its structure (sheets, Excel tables, 1904 date system), not its
 * cells. Throws an InputError (French) when the file is not a readable .xlsx. `options` may be the
 * label alone (a string).
 */
export async function openXlsx(
  path: string,
  options: OpenXlsxOptions | string = {}
): Promise<XlsxBook> {
  if (typeof options === "string") options = { label: options };
  const label = options.label ?? path;
  const zip = await ZipArchive.open(path, label, options.inflate ?? "fflate");
  const missing = (part: string) =>
    new InputError(
      `ne contient pas de classeur Excel (partie ${part} absente) : ce n'est pas un fichier .xlsx valide`,
      {
        file: label,
        hint: XLSX_RESAVE,
      }
    );

  const relsOf = async (part: string): Promise<Relationship[]> => {
    const entry = zip.entry(relsPathOf(part));
    if (!entry) return [];
    return elementsOf(await zip.readText(entry), "Relationship").map((a) => ({
      id: a.Id ?? "",
      type: a.Type ?? "",
      target: resolveTarget(part, a.Target ?? ""),
      external: a.TargetMode === "External",
    }));
  };

  // The workbook part: from the package relationships, else the usual place.
  const rootRels = await relsOf("");
  const officeDoc = rootRels.find((r) => typeIs(r, "officeDocument") && !r.external);
  const workbookPart =
    officeDoc && zip.entry(officeDoc.target) ? officeDoc.target : "xl/workbook.xml";
  const workbookEntry = zip.entry(workbookPart);
  if (!workbookEntry) {
    if (
      zip.entry("word/document.xml") ||
      zip.entry("ppt/presentation.xml") ||
      zip.entry("content.xml")
    ) {
      throw new InputError("n'est pas un classeur Excel (c'est un autre type de document)", {
        file: label,
        hint: "Exportez les données depuis Excel au format .xlsx ou .csv.",
      });
    }
    throw missing(workbookPart);
  }
  const workbookXml = await zip.readText(workbookEntry);
  const workbookPr = elementsOf(workbookXml, "workbookPr")[0] ?? {};
  const date1904 = xmlTrue(workbookPr.date1904);
  const rels = await relsOf(workbookPart);
  const relById = new Map(rels.map((r) => [r.id, r]));
  const sstRel = rels.find((r) => typeIs(r, "sharedStrings") && !r.external);
  const sstPart = sstRel && zip.entry(sstRel.target) ? sstRel.target : null;

  const parts: SheetPart[] = [];
  for (const s of elementsOf(workbookXml, "sheet")) {
    const name = s.name ?? "";
    const rel = relById.get(s["r:id"] ?? s.id ?? "");
    if (!rel || !typeIs(rel, "worksheet")) continue; // chart sheets, dialog sheets, macro sheets
    if (!zip.entry(rel.target)) throw missing(rel.target);
    const tables: XlsxTable[] = [];
    for (const tr of await relsOf(rel.target)) {
      if (!typeIs(tr, "table") || tr.external) continue;
      const te = zip.entry(tr.target);
      if (!te) throw missing(tr.target);
      const t = elementsOf(await zip.readText(te), "table")[0];
      const range = t?.ref ? parseRef(t.ref) : null;
      if (!t || !range) {
        throw new InputError(
          `n'est pas lisible : la définition d'un tableau de la feuille « ${name} » est endommagée`,
          {
            file: label,
            sheet: name,
            hint: XLSX_RESAVE,
          }
        );
      }
      tables.push({
        name: t.displayName || t.name || tr.target,
        ref: t.ref,
        range,
        headerRowCount: t.headerRowCount === undefined ? 1 : Number(t.headerRowCount) || 0,
        totalsRowCount: Number(t.totalsRowCount ?? 0) || 0,
      });
    }
    tables.sort(
      (a, b) => a.range.firstRow - b.range.firstRow || a.range.firstCol - b.range.firstCol
    );
    parts.push({
      name,
      tables,
      hidden: s.state === "hidden" || s.state === "veryHidden",
      part: rel.target,
    });
  }
  return new Book(label, zip, parts, date1904, sstPart);
}
