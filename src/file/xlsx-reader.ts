/**
 * Streaming .xlsx reader (issue #6), the node side: reads a worksheet of 1 048 575 rows
 * completely, in bounded memory, and never the whole sheet XML as one string (V8 strings stop at
 * 512 MiB).
 *
 * - zip.ts gives random access to the parts (central directory) and streams one part through
 *   fflate's streaming inflater (or zlib), checking its size and CRC at the end (a truncated or
 *   damaged file is an error, never a short read), and its announced size and compression ratio
 *   before it starts.
 * - src/ooxml (shared with the browser reader and the writer) does the rest: the package
 *   structure (workbook.ts), the cut after complete rows (element-stream.ts), the sheet and
 *   shared-string scanners. Cell values and row numbering: see ooxml/sheet-scanner.ts.
 *
 * Past one of Excel's limits (cells beyond XFD, rows beyond 1 048 576, 32 767 characters a cell,
 * oversized or over-compressed parts), an InputError saying what and where.
 */
import type { CellRange } from "../ooxml/a1";
import { ElementStream } from "../ooxml/element-stream";
import { OoxmlLimitError, OoxmlSyntaxError } from "../ooxml/errors";
import { SharedStringScanner } from "../ooxml/shared-strings";
import { SheetScanner, type RowHandler } from "../ooxml/sheet-scanner";
import {
  OoxmlPackageError,
  readWorkbookStructure,
  type WorkbookSheet,
  type WorkbookTable,
} from "../ooxml/workbook";
import { InputError } from "./errors";
import { XLSX_RESAVE, XLSX_UNREADABLE, ZipArchive, type Inflater } from "./zip";

export type { CellRange, RowHandler };

export type XlsxTable = WorkbookTable;

export interface XlsxSheet {
  name: string;
  tables: XlsxTable[];
  /** Hidden or very hidden in Excel. */
  hidden: boolean;
}

export interface XlsxBook {
  /** The file, as given. */
  readonly file: string;
  /** Worksheets in workbook order (chart sheets are left out). */
  readonly sheets: XlsxSheet[];
  readonly date1904: boolean;
  /**
   * Streams the rows of a sheet, in order. `onRow` may return "stop" to end early (header
   * sniffing). The row array is the handler's to keep. Rejects with an InputError when the sheet is
   * damaged, truncated or beyond Excel's limits; errors thrown by `onRow` are passed through
   * unchanged.
   */
  readRows(sheetName: string, onRow: RowHandler): Promise<void>;
}

/** The shared strings are held in memory: their part may not inflate to more than this. */
const MAX_SHARED_STRINGS_BYTES = 512 * 1024 * 1024;

const LIMIT_HINT =
  "Ce fichier n'a pas la forme d'un classeur enregistré par Excel : ouvrez-le dans Excel, vérifiez la feuille et réenregistrez-le au format .xlsx.";

class Book implements XlsxBook {
  private sstPromise: Promise<string[]> | null = null;

  constructor(
    readonly file: string,
    private readonly zip: ZipArchive,
    private readonly parts: WorkbookSheet[],
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

  /** The scanners' errors → InputErrors with the file and sheet; others unchanged. */
  private translate(e: unknown, sheet: string | undefined): unknown {
    if (e instanceof OoxmlLimitError) {
      return new InputError(
        e.problem,
        { file: this.file, sheet, row: e.row, hint: LIMIT_HINT },
        { cause: e }
      );
    }
    if (e instanceof OoxmlSyntaxError) return this.damaged(sheet, e.message, e);
    return e;
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
    const stream = new ElementStream({
      element: "si",
      label: "un texte partagé",
      scan: (text, end) => scanner.scan(text, end),
      complete: () => scanner.done,
      stopped: () => false,
    });
    try {
      await this.zip.stream(entry, (chunk) => stream.push(chunk), MAX_SHARED_STRINGS_BYTES);
      stream.end();
    } catch (e) {
      throw this.translate(e, undefined);
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
    const stream = new ElementStream({
      element: "row",
      label: "une ligne",
      scan: (text, end) => scanner.scan(text, end),
      complete: () => scanner.done,
      stopped: () => scanner.stopped,
    });
    try {
      const result = await this.zip.stream(entry, (chunk) => stream.push(chunk));
      if (result === "done") stream.end();
    } catch (e) {
      throw this.translate(e, sheetName);
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
  /** The archive already opened (ZipArchive.open) by the caller: not opened again. */
  zip?: ZipArchive;
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
  const zip = options.zip ?? (await ZipArchive.open(path, label, options.inflate ?? "fflate"));
  try {
    const structure = await readWorkbookStructure({
      has: (part) => zip.entry(part) !== undefined,
      text: (part) => zip.readText(zip.entry(part)!),
    });
    return new Book(
      label,
      zip,
      structure.sheets,
      structure.date1904,
      structure.sharedStringsPart
    );
  } catch (e) {
    if (e instanceof OoxmlPackageError) {
      throw new InputError(e.problem, {
        file: label,
        sheet: e.sheet,
        hint:
          e.code === "otherDocument"
            ? "Exportez les données depuis Excel au format .xlsx ou .csv."
            : e.code === "binaryWorkbook"
              ? "Ouvrez-le dans Excel et enregistrez-le au format .xlsx (Fichier › Enregistrer sous › Classeur Excel (*.xlsx))."
              : XLSX_RESAVE,
      });
    }
    throw e;
  }
}
