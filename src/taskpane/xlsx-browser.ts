/**
 * A small .xlsx reader for the browser preview: bytes → the workbook's Excel tables and, for sheets
 * without tables, their used range as a plain range — the cells Office.js `Range.values` would
 * give (numbers, dates as serials, strings, booleans, null). Unzips with fflate, scans the XML with
 * regular expressions (no DOM: it runs in a Web Worker, where DOMParser does not exist).
 *
 * Enough for the demo workbook and ordinary exports; not a general .xlsx library (no formulas
 * evaluated: cached values are used; rich text runs are concatenated; phonetic runs skipped).
 * The CLI has its own streaming reader for very large files (src/file/xlsx-reader.ts).
 */
import { strFromU8, unzipSync } from "fflate";
import type { Cell } from "../core/model";

export interface XlsxTableData {
  name: string;
  sheet: string;
  rows: Cell[][];
  /** 1-based sheet row of rows[0]. */
  firstRow: number;
  /** 0-based sheet column of rows[i][0]. */
  firstCol: number;
  isExcelTable: boolean;
}

export interface XlsxWorkbookData {
  /** Visible sheets, in workbook order. */
  sheets: string[];
  tables: XlsxTableData[];
  date1904: boolean;
}

/** Error with a stable message; the preview shows its own French sentence. */
export class XlsxReadError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = "XlsxReadError";
  }
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  if (text.indexOf("&") < 0 && text.indexOf("_x") < 0) return text;
  return text
    .replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (m, e: string) => {
      if (e[0] !== "#") return ENTITIES[e] ?? m;
      const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return m ? decodeXml(m[1]) : null;
}

/** "AB12" → { row: 12, col: 27 } (col 0-based). */
export function parseRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col: col - 1 };
}

function resolvePath(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== ".") parts.push(p);
  }
  return parts.join("/");
}

function relsOf(
  files: Record<string, Uint8Array>,
  part: string
): Map<string, { target: string; type: string }> {
  const slash = part.lastIndexOf("/");
  const relsPath = `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
  const out = new Map<string, { target: string; type: string }>();
  const bytes = files[relsPath];
  if (!bytes) return out;
  const xml = strFromU8(bytes);
  for (const m of xml.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attr(m[1], "Id");
    const target = attr(m[1], "Target");
    if (id && target)
      out.set(id, { target: resolvePath(part, target), type: attr(m[1], "Type") ?? "" });
  }
  return out;
}

function textOfSi(si: string): string {
  // Rich text: every <t> outside phonetic runs (<rPh>).
  const clean = si.indexOf("<rPh") >= 0 ? si.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "") : si;
  let out = "";
  for (const m of clean.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g))
    out += m[1] ?? "";
  return decodeXml(out);
}

function sharedStrings(files: Record<string, Uint8Array>, path: string | undefined): string[] {
  if (!path || !files[path]) return [];
  const xml = strFromU8(files[path]);
  const out: string[] = [];
  for (const m of xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g))
    out.push(m[1] === undefined ? "" : textOfSi(m[1]));
  return out;
}

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;

function isoToSerial(iso: string): number | null {
  const t = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(t) ? null : t / 86_400_000 + 25_569;
}

function cellValue(attrs: string, inner: string | undefined, strings: string[]): Cell {
  if (inner === undefined) return null;
  const type = attr(attrs, "t");
  if (type === "inlineStr") {
    const is = /<is>([\s\S]*?)<\/is>/.exec(inner);
    return is ? textOfSi(is[1]) : null;
  }
  const v = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(inner);
  if (!v) return null;
  const raw = v[1];
  switch (type) {
    case "s": {
      const s = strings[Number(raw)];
      return s === undefined ? null : s;
    }
    case "str":
    case "e":
      return decodeXml(raw);
    case "b":
      return raw === "1" || raw === "true";
    case "d":
      return isoToSerial(raw) ?? decodeXml(raw);
    default: {
      const n = Number(raw);
      return raw.trim() !== "" && Number.isFinite(n) ? n : decodeXml(raw);
    }
  }
}

/** Sheet cells as a sparse grid: grid[row-1][col] (rows without cells are undefined). */
function readSheetGrid(xml: string, strings: string[]): Cell[][] {
  const grid: Cell[][] = [];
  let nextRow = 1;
  for (const rm of xml.matchAll(ROW)) {
    const rAttr = attr(rm[1], "r");
    const rowNum = rAttr ? Number(rAttr) : nextRow;
    nextRow = rowNum + 1;
    if (rm[2] === undefined) continue;
    const row: Cell[] = [];
    let nextCol = 0;
    for (const cm of rm[2].matchAll(CELL)) {
      const ref = attr(cm[1], "r");
      const col = ref ? (parseRef(ref)?.col ?? nextCol) : nextCol;
      nextCol = col + 1;
      const value = cellValue(cm[1], cm[2], strings);
      if (value === null || value === "") continue;
      while (row.length < col) row.push(null);
      row[col] = value;
    }
    if (row.length > 0) grid[rowNum - 1] = row;
  }
  return grid;
}

function rangeOf(ref: string): { r1: number; c1: number; r2: number; c2: number } | null {
  const [a, b] = ref.split(":");
  const p = parseRef(a);
  const q = parseRef(b ?? a);
  if (!p || !q) return null;
  return { r1: p.row, c1: p.col, r2: q.row, c2: q.col };
}

function slice(grid: Cell[][], r1: number, c1: number, r2: number, c2: number): Cell[][] {
  const out: Cell[][] = [];
  for (let r = r1; r <= r2; r++) {
    const src = grid[r - 1];
    if (!src) {
      out.push([]);
      continue;
    }
    const row = src.slice(c1, c2 + 1);
    while (row.length > 0 && (row[row.length - 1] === null || row[row.length - 1] === undefined))
      row.pop();
    out.push(row);
  }
  return out;
}

/** Reads the tables and plain ranges of an .xlsx file. Throws XlsxReadError. */
export function readXlsx(bytes: Uint8Array): XlsxWorkbookData {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => /\.(xml|rels)$/.test(f.name) });
  } catch (error) {
    throw new XlsxReadError(
      `not a zip file: ${error instanceof Error ? error.message : String(error)}`
    );
  }
  const workbookPath = "xl/workbook.xml";
  if (!files[workbookPath]) throw new XlsxReadError("xl/workbook.xml missing");
  const wb = strFromU8(files[workbookPath]);
  const date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(wb);
  const wbRels = relsOf(files, workbookPath);
  const sstRel = [...wbRels.values()].find((r) => r.type.endsWith("/sharedStrings"));
  const strings = sharedStrings(files, sstRel?.target ?? "xl/sharedStrings.xml");

  const sheets: string[] = [];
  const tables: XlsxTableData[] = [];
  for (const m of wb.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const name = attr(m[1], "name");
    const rid = attr(m[1], "r:id");
    const state = attr(m[1], "state");
    if (!name || !rid || (state && state !== "visible")) continue;
    const path = wbRels.get(rid)?.target;
    if (!path || !files[path]) continue;
    sheets.push(name);
    const grid = readSheetGrid(strFromU8(files[path]), strings);
    const sheetTables = [...relsOf(files, path).values()].filter((r) => r.type.endsWith("/table"));
    if (sheetTables.length > 0) {
      for (const rel of sheetTables) {
        const txml = files[rel.target] ? strFromU8(files[rel.target]) : "";
        const head = /<table\b([^>]*)>/.exec(txml);
        if (!head) continue;
        const tname = attr(head[1], "displayName") ?? attr(head[1], "name");
        const ref = attr(head[1], "ref");
        const range = ref ? rangeOf(ref) : null;
        if (!tname || !range) continue;
        const totals = Number(attr(head[1], "totalsRowCount") ?? "0") || 0;
        tables.push({
          name: tname,
          sheet: name,
          rows: slice(grid, range.r1, range.c1, range.r2 - totals, range.c2),
          firstRow: range.r1,
          firstCol: range.c1,
          isExcelTable: true,
        });
      }
      continue;
    }
    // Plain range: the used range (first to last non-empty row, first to last non-empty column).
    let r1 = 0;
    let r2 = -1;
    let c1 = Infinity;
    let c2 = -1;
    grid.forEach((row, i) => {
      if (!row) return;
      const first = row.findIndex((c) => c !== null && c !== undefined);
      if (first < 0) return;
      if (r2 < 0) r1 = i + 1;
      r2 = i + 1;
      c1 = Math.min(c1, first);
      c2 = Math.max(c2, row.length - 1);
    });
    if (r2 < 0) continue;
    tables.push({
      name,
      sheet: name,
      rows: slice(grid, r1, c1, r2, c2),
      firstRow: r1,
      firstCol: c1,
      isExcelTable: false,
    });
  }
  return { sheets, tables, date1904 };
}
