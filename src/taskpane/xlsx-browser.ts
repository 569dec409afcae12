/**
 * The .xlsx reader of the browser preview: bytes → the workbook's Excel tables and, for sheets
 * without tables, their used range as a plain range — the cells Office.js `Range.values` would
 * give (numbers, dates as serials, strings, booleans, null). Runs in a Web Worker (no DOM).
 *
 * Everything but the bytes in memory and the DEFLATE decoder (fflate's streaming `Inflate`) is
 * src/ooxml, shared with the CLI's streaming reader: central directory, bounds checked before
 * inflating (size, compression ratio), package structure, the cut after complete rows, the sheet
 * and shared-string scanners with Excel's limits. Each part is inflated in chunks and checked
 * (size, CRC-32) — never inflated whole.
 */
import { Inflate } from "fflate";
import type { Cell } from "../core/model";
import { recognisedReportSheet, STAMP_ROWS } from "../report/recognise-sheet";
import type { SheetKey } from "../report/spec";
import { ElementStream } from "../ooxml/element-stream";
import { OoxmlLimitError, OoxmlSyntaxError } from "../ooxml/errors";
import { SharedStringScanner } from "../ooxml/shared-strings";
import { SheetScanner } from "../ooxml/sheet-scanner";
import { OoxmlPackageError, readWorkbookStructure } from "../ooxml/workbook";
import {
  checkCentralDirectory,
  dataStartOf,
  entryProblem,
  eocdSearchLength,
  isOle,
  parseCentralDirectory,
  readEocd,
  readZip64Eocd,
  readZip64Locator,
  tableCrc32,
  XmlTextDecoder,
  ZipFormatError,
  type ZipEntry,
} from "../ooxml/zip";

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

/** A sheet of our report found in the file (name and stamp, report/recognise-sheet.ts). */
export interface XlsxReportSheet {
  key: SheetKey;
  name: string;
  /** Cell values from A1 (row, column), every row present. */
  values: Cell[][];
}

export interface XlsxWorkbookData {
  /** Visible sheets, in workbook order. */
  sheets: string[];
  /** Tables and plain ranges of the other sheets: the candidate sources. */
  tables: XlsxTableData[];
  /**
   * Sheets Optima Achats wrote (by the command line, or by the add-in in another workbook): never
   * sources; their inputs (an answered questionnaire, the plan's entries) are read back.
   */
  reportSheets: XlsxReportSheet[];
  date1904: boolean;
}

/**
 * The file cannot be read: `message` is a French clause without the file name ("n'est pas …",
 * "contient …"), `sheet` and `row` say where when known.
 */
export class XlsxReadError extends Error {
  /** « Le classeur (feuille « S », ligne 4) contient … » */
  get sentence(): string {
    const where = [
      ...(this.sheet !== undefined ? [`feuille « ${this.sheet} »`] : []),
      ...(this.row !== undefined ? [`ligne ${this.row}`] : []),
    ];
    return `Le classeur${where.length > 0 ? ` (${where.join(", ")})` : ""} ${this.message}.`;
  }

  constructor(
    problem: string,
    readonly sheet?: string,
    readonly row?: number
  ) {
    super(problem);
    this.name = "XlsxReadError";
  }
}

const DAMAGED = "n'est pas un classeur Excel .xlsx lisible (archive ZIP corrompue ou tronquée)";
/** Bytes handed to the inflater at a time. */
const CHUNK = 256 * 1024;
/** The preview holds the shared strings in memory: their part may not inflate to more. */
const MAX_SHARED_STRINGS_BYTES = 256 * 1024 * 1024;

/** An archive in memory: its central directory, parts inflated one at a time, in chunks. */
class BytesZip {
  private constructor(
    private readonly bytes: Uint8Array,
    private readonly byName: Map<string, ZipEntry>,
    private readonly dataEnd: number
  ) {}

  static open(bytes: Uint8Array): BytesZip {
    if (isOle(bytes.subarray(0, 8)))
      throw new XlsxReadError(
        "est un classeur Excel 97-2003 (.xls) ou un classeur protégé par mot de passe, que l'outil ne sait pas lire"
      );
    try {
      const tailStart = bytes.length - eocdSearchLength(bytes.length);
      let loc = readEocd(bytes.subarray(tailStart), tailStart);
      if (loc.zip64LocatorAt !== null) {
        const at = readZip64Locator(
          bytes.subarray(loc.zip64LocatorAt, loc.zip64LocatorAt + 20),
          loc.zip64LocatorAt
        );
        loc = readZip64Eocd(bytes.subarray(at, at + 56), at);
      }
      checkCentralDirectory(loc);
      const cd = bytes.subarray(loc.cdOffset, loc.cdOffset + loc.cdSize);
      return new BytesZip(bytes, parseCentralDirectory(cd, loc), loc.cdOffset);
    } catch (e) {
      if (e instanceof ZipFormatError) throw new XlsxReadError(DAMAGED);
      throw e;
    }
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.replace(/^\/+/, "").toLowerCase());
  }

  /** Inflates an entry chunk by chunk into `onData` (checked: bounds first, size and CRC at the end). */
  stream(entry: ZipEntry, onData: (chunk: Uint8Array) => void | "stop", maxBytes?: number): void {
    const problem = entryProblem(entry, maxBytes);
    if (problem !== null) throw new XlsxReadError(problem);
    let start: number;
    try {
      start = dataStartOf(entry, this.bytes.subarray(entry.localOffset, entry.localOffset + 30), this.dataEnd);
    } catch {
      throw new XlsxReadError(DAMAGED);
    }
    const data = this.bytes.subarray(start, start + entry.compressedSize);
    let produced = 0;
    let crc = 0;
    let stopped = false;
    const deliver = (chunk: Uint8Array) => {
      if (stopped || chunk.length === 0) return;
      produced += chunk.length;
      if (produced > entry.size) throw new XlsxReadError(DAMAGED);
      crc = tableCrc32(crc, chunk);
      if (onData(chunk) === "stop") stopped = true;
    };
    if (entry.method === 0) {
      for (let at = 0; at < data.length && !stopped; at += CHUNK) deliver(data.subarray(at, at + CHUNK));
    } else {
      const inflater = new Inflate((chunk) => deliver(chunk));
      for (let at = 0; at < data.length && !stopped; at += CHUNK) {
        const piece = data.subarray(at, at + CHUNK);
        inflater.push(piece, at + CHUNK >= data.length);
      }
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
    }
    if (stopped) return;
    if (produced !== entry.size || crc !== entry.crc) throw new XlsxReadError(DAMAGED);
  }

  text(name: string): string {
    const entry = this.entry(name);
    if (!entry) throw new XlsxReadError(DAMAGED);
    const decoder = new XmlTextDecoder();
    let text = "";
    try {
      this.stream(entry, (chunk) => {
        text += decoder.decode(chunk);
      }, 64 * 1024 * 1024);
      return text + decoder.end();
    } catch (e) {
      if (e instanceof XlsxReadError) throw e;
      throw new XlsxReadError(DAMAGED);
    }
  }
}

/** The scanners' and the inflater's errors → XlsxReadError (with the sheet). */
function translate(e: unknown, sheet?: string): unknown {
  if (e instanceof XlsxReadError) return e;
  if (e instanceof OoxmlLimitError) return new XlsxReadError(e.problem, sheet, e.row);
  if (e instanceof OoxmlPackageError) return new XlsxReadError(e.problem, e.sheet);
  if (e instanceof OoxmlSyntaxError || e instanceof Error)
    return new XlsxReadError(
      sheet === undefined ? DAMAGED : "n'est pas lisible : la feuille est endommagée ou tronquée",
      sheet
    );
  return e;
}

function sharedStrings(zip: BytesZip, part: string | null): string[] {
  const entry = part === null ? undefined : zip.entry(part);
  if (!entry) return [];
  const scanner = new SharedStringScanner([]);
  const stream = new ElementStream({
    element: "si",
    label: "un texte partagé",
    scan: (text, end) => scanner.scan(text, end),
    complete: () => scanner.done,
    stopped: () => false,
  });
  zip.stream(entry, (chunk) => stream.push(chunk), MAX_SHARED_STRINGS_BYTES);
  stream.end();
  return scanner.out;
}

/** Excel serial of an ISO date (UTC), as Office.js gives date cells. */
function serialOf(d: Date): number {
  return d.getTime() / 86_400_000 + 25_569;
}

/** Sheet cells as a sparse grid: grid[row-1][col] (rows without values are undefined). */
function readSheetGrid(zip: BytesZip, part: string, strings: string[], sheet: string): Cell[][] {
  const entry = zip.entry(part);
  if (!entry) throw new XlsxReadError(DAMAGED);
  const grid: Cell[][] = [];
  const scanner = new SheetScanner(strings, (cells, n) => {
    let any = false;
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (v instanceof Date) cells[c] = serialOf(v);
      else if (v === "") cells[c] = null;
      if (cells[c] !== null && cells[c] !== undefined) any = true;
    }
    if (!any) return;
    while (cells[cells.length - 1] === null || cells[cells.length - 1] === undefined) cells.pop();
    grid[n - 1] = cells;
  });
  const stream = new ElementStream({
    element: "row",
    label: "une ligne",
    scan: (text, end) => scanner.scan(text, end),
    complete: () => scanner.done,
    stopped: () => scanner.stopped,
  });
  try {
    zip.stream(entry, (chunk) => stream.push(chunk));
    stream.end();
  } catch (e) {
    throw translate(e, sheet);
  }
  if (!scanner.done) throw new XlsxReadError("n'est pas lisible : la feuille est endommagée ou tronquée", sheet);
  return grid;
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

/** The used range of a grid: first to last non-empty row and column; null when empty. */
function usedRange(grid: Cell[][]): { r1: number; c1: number; r2: number; c2: number } | null {
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
  return r2 < 0 ? null : { r1, c1, r2, c2 };
}

/** Reads the tables and plain ranges of an .xlsx file. Throws XlsxReadError (French). */
export async function readXlsx(bytes: Uint8Array): Promise<XlsxWorkbookData> {
  const zip = BytesZip.open(bytes);
  let structure;
  try {
    structure = await readWorkbookStructure({
      has: (part) => zip.entry(part) !== undefined,
      text: async (part) => zip.text(part),
    });
  } catch (e) {
    throw translate(e);
  }
  let strings: string[];
  try {
    strings = sharedStrings(zip, structure.sharedStringsPart);
  } catch (e) {
    throw translate(e);
  }
  const sheets: string[] = [];
  const tables: XlsxTableData[] = [];
  const reportSheets: XlsxReportSheet[] = [];
  for (const sheet of structure.sheets) {
    if (sheet.hidden) continue;
    sheets.push(sheet.name);
    const grid = readSheetGrid(zip, sheet.part, strings, sheet.name);
    const key = recognisedReportSheet(sheet.name, grid.slice(0, STAMP_ROWS));
    if (key !== null && !reportSheets.some((r) => r.key === key)) {
      const values: Cell[][] = [];
      for (let r = 0; r < grid.length; r++) values.push(grid[r] ?? []);
      reportSheets.push({ key, name: sheet.name, values });
      continue;
    }
    for (const t of sheet.tables) {
      const { firstRow, lastRow, firstCol, lastCol } = t.range;
      tables.push({
        name: t.name,
        sheet: sheet.name,
        rows: slice(grid, firstRow, firstCol, lastRow - t.totalsRowCount, lastCol),
        firstRow,
        firstCol,
        isExcelTable: true,
      });
    }
    if (sheet.tables.length > 0) continue;
    // Plain range: the used range.
    const used = usedRange(grid);
    if (!used) continue;
    tables.push({
      name: sheet.name,
      sheet: sheet.name,
      rows: slice(grid, used.r1, used.c1, used.r2, used.c2),
      firstRow: used.r1,
      firstCol: used.c1,
      isExcelTable: false,
    });
  }
  return { sheets, tables, reportSheets, date1904: structure.date1904 };
}
