/**
 * CSV reader (issue #6): French exports (`;` separator, `,` decimal) as well as `,`, tab and `|`;
 * UTF-8 with or without BOM, UTF-16 with BOM (Excel's « Texte Unicode »), else Windows-1252.
 * RFC 4180 quoting: fields in double quotes may hold separators, newlines and doubled quotes.
 *
 * Cells stay strings (the core parsers read "1 234,56" and "15/03/2025"); an empty field is null.
 * Row numbers are record numbers (1-based), which is what Excel shows when it opens the file: a
 * quoted newline does not start a new row. Blank lines are reported as empty rows.
 *
 * Streaming: the file is read in chunks and handed out record by record (`readCsvRows`); only
 * `readCsv` keeps all rows. Encoding detection reads ahead: UTF-8 is checked over the whole file
 * (a stray Windows-1252 byte on line 900 000 must not become "�") before the rows are parsed.
 */
import { openForReading } from "./open-file";
import * as fs from "node:fs";
import * as nodePath from "node:path";
import type { Cell, RawTable } from "../core/model";
import { InputError, fromFileSystemError } from "./errors";

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface CsvInfo {
  encoding: CsvEncoding;
  /** Byte order mark present. */
  bom: boolean;
  delimiter: string;
  /** Number of records read (blank lines included). */
  rows: number;
}

export type CsvRowHandler = (row: Cell[], rowNumber: number) => void | "stop";

const SNIFF_BYTES = 64 * 1024;
const READ_CHUNK = 256 * 1024;
const DELIMITERS = [";", ",", "\t", "|"];
const SNIFF_LINES = 50;

// Windows-1252 bytes 0x80-0x9F (Node 20's TextDecoder("windows-1252") decodes them as Latin-1
// control characters: they are mapped here).
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function fixCp1252(s: string): string {
  return /[\u0080-\u009f]/.test(s)
    ? s.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80])
    : s;
}

/** Streaming text decoder for the detected encoding. */
class Decoder {
  private readonly d: TextDecoder;
  constructor(private readonly encoding: CsvEncoding) {
    this.d = new TextDecoder(encoding, { ignoreBOM: false });
  }
  decode(chunk: Uint8Array, final = false): string {
    const s = final ? this.d.decode(chunk) : this.d.decode(chunk, { stream: true });
    return this.encoding === "windows-1252" ? fixCp1252(s) : s;
  }
}

// ---------------------------------------------------------------------------------------------
// Detection

function bomOf(head: Uint8Array): { encoding: CsvEncoding; length: number } | null {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: "utf-8", length: 3 };
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe)
    return { encoding: "utf-16le", length: 2 };
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff)
    return { encoding: "utf-16be", length: 2 };
  return null;
}

/** True when the whole file is valid UTF-8 (stops at the first invalid sequence). */
async function isUtf8File(path: string): Promise<boolean> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const stream = fs.createReadStream(path, { highWaterMark: READ_CHUNK });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>)
      decoder.decode(chunk, { stream: true });
    decoder.decode();
    return true;
  } catch (e) {
    // Invalid UTF-8 (a TypeError, code ERR_ENCODING_INVALID_ENCODED_DATA); read errors go on.
    if (
      (e as { code?: string })?.code === "ERR_ENCODING_INVALID_ENCODED_DATA" ||
      (e as Error)?.name === "TypeError"
    )
      return false;
    throw fromFileSystemError(e, path);
  } finally {
    stream.destroy();
  }
}

/** Separator counts outside quotes, per line, for the first lines of the text. */
function countsPerLine(text: string, delimiter: number, complete: boolean): number[] {
  const counts: number[] = [];
  let inQuotes = false;
  let count = 0;
  let nonEmpty = false;
  for (let i = 0; i < text.length && counts.length < SNIFF_LINES; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (ch === delimiter) count++;
    else if (ch === 10 || ch === 13) {
      if (nonEmpty || count > 0) counts.push(count);
      count = 0;
      nonEmpty = false;
      continue;
    }
    nonEmpty = true;
  }
  if (complete && (nonEmpty || count > 0) && counts.length < SNIFF_LINES) counts.push(count);
  return counts;
}

/**
 * The separator that splits the first lines most consistently: for each candidate, the most
 * frequent non-zero count per line (m) and the share of lines with exactly m; the best share
 * wins, then the larger m, then the order ; , tab |. In a French file, "1 234,56" puts commas in
 * the data lines but not in the header line, so ";" (same count on every line) wins.
 */
export function detectDelimiter(text: string, complete = true): string {
  let best = DELIMITERS[0];
  let bestShare = 0;
  let bestMode = 0;
  for (const d of DELIMITERS) {
    const counts = countsPerLine(text, d.charCodeAt(0), complete);
    if (counts.length === 0) continue;
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    let mode = 0;
    let modeFreq = 0;
    for (const [c, f] of freq)
      if (f > modeFreq || (f === modeFreq && c > mode)) ((mode = c), (modeFreq = f));
    if (mode === 0) continue;
    const share = modeFreq / counts.length;
    if (share > bestShare || (share === bestShare && mode > bestMode)) {
      best = d;
      bestShare = share;
      bestMode = mode;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Parsing

/** Excel's limits (issue #13): a cell holds at most 32 767 characters, a sheet 1 048 576 rows and
 * 16 384 columns. A CSV beyond them cannot be a table Excel could show: it is refused. */
export const CSV_LIMITS = { cellChars: 32_767, rows: 1_048_576, columns: 16_384 } as const;

/** A quoted field spanning more line breaks than this, each line looking like a record, is an
 * unbalanced quote, not a multi-line note. */
const RECORD_LIKE_LINES = 2;

export type CsvProblem =
  | { kind: "unclosedQuote"; line: number; lastLine: number }
  | { kind: "swallowedLines"; line: number; lastLine: number }
  | { kind: "cellTooLong"; line: number }
  | { kind: "tooManyColumns"; line: number }
  | { kind: "tooManyRows"; line: number };

/** A problem found by the scanner, at a physical line of the text (1-based). */
export class CsvScanError extends Error {
  constructor(readonly problem: CsvProblem) {
    super(problem.kind);
    this.name = "CsvScanError";
  }
}

const enum S {
  /** At the start of a field. */
  FieldStart,
  /** In an unquoted field (or after a quoted one: "abc"def → abcdef, lenient). */
  Unquoted,
  /** In a quoted field. */
  Quoted,
  /** A quote seen in a quoted field: closing, or the first of a doubled quote. */
  QuoteInQuoted,
}

/**
 * RFC 4180 record scanner over text given chunk by chunk, as a state machine: each character is
 * looked at once whatever the chunk boundaries (a 20 MB record costs as much as 20 MB of short
 * records), and a field is cut into slices joined once.
 *
 * It counts physical lines (LF, CRLF or a lone CR) as well as records, and refuses, as a
 * CsvScanError: a quoted field that never closes; a quoted field swallowing lines that look like
 * records (an unbalanced quote that a later stray quote closes); a cell, a record or a file past
 * Excel's limits.
 */
export class CsvScanner {
  private state = S.FieldStart;
  /** Slices of the current field from earlier chunks. */
  private acc = "";
  private accLength = 0;
  private row: Cell[] = [];
  private blank = true;
  private line = 1;
  /** The last chunk ended with a CR: a LF starting the next chunk belongs to it. */
  private afterCR = false;
  private recordLine = 1;
  private rowNumber = 0;
  // Unbalanced quote detection.
  private quoteLine = 0;
  private quotedBreaks = 0;
  private recordLike = 0;
  private lineDelims = 0;
  /** Separators of the first record (the header): a line with as many looks like a record. */
  private expectedDelims = -1;
  /** The last chunk ended with a CR inside a quoted field. */
  private afterQuotedCR = false;
  private quotedEndsWithBreak = false;
  stopped = false;

  constructor(
    private readonly delimiter: number,
    private readonly onRow: CsvRowHandler
  ) {}

  /** Records handed out. */
  get rows(): number {
    return this.rowNumber;
  }

  /** Physical line (1-based) where the record being handed out starts. */
  get recordStartLine(): number {
    return this.recordLine;
  }

  private fail(problem: CsvProblem): never {
    throw new CsvScanError(problem);
  }

  private endField(value: string): void {
    if (value.length > CSV_LIMITS.cellChars) this.fail({ kind: "cellTooLong", line: this.line });
    if (this.row.length >= CSV_LIMITS.columns)
      this.fail({ kind: "tooManyColumns", line: this.recordLine });
    this.row.push(value === "" ? null : value);
    this.acc = "";
    this.accLength = 0;
  }

  private endRecord(): void {
    this.rowNumber++;
    if (this.rowNumber > CSV_LIMITS.rows) this.fail({ kind: "tooManyRows", line: this.recordLine });
    if (this.expectedDelims < 0 && !this.blank) this.expectedDelims = this.row.length - 1;
    const row = this.blank ? [] : this.row;
    this.row = [];
    this.blank = true;
    this.state = S.FieldStart;
    if (this.onRow(row, this.rowNumber) === "stop") this.stopped = true;
  }

  /**
   * A line break inside a quoted field: is the line it ends a record of its own? (The first line
   * is the rest of the record the quote opened in: not counted.)
   */
  private quotedBreak(): void {
    if (this.quotedBreaks > 0 && this.expectedDelims > 0 && this.lineDelims >= this.expectedDelims)
      this.recordLike++;
    this.quotedBreaks++;
    this.lineDelims = 0;
  }

  private checkQuotedField(): void {
    if (this.quotedBreaks === 0) return;
    if (this.expectedDelims > 0 && this.lineDelims >= this.expectedDelims) this.recordLike++;
    if (this.recordLike >= RECORD_LIKE_LINES)
      this.fail({ kind: "swallowedLines", line: this.quoteLine, lastLine: this.line });
  }

  push(text: string, final: boolean): void {
    const n = text.length;
    const delim = this.delimiter;
    let i = 0;
    if (this.afterCR && n > 0) {
      this.afterCR = false;
      if (text.charCodeAt(0) === 10) i = 1; // the LF of a CRLF cut between chunks
    }
    let fieldStart = i;
    while (i < n && !this.stopped) {
      switch (this.state) {
        case S.FieldStart: {
          const c = text.charCodeAt(i);
          if (c === 34) {
            this.blank = false;
            this.state = S.Quoted;
            this.afterQuotedCR = false;
            this.quotedEndsWithBreak = false;
            this.quoteLine = this.line;
            this.quotedBreaks = 0;
            this.recordLike = 0;
            this.lineDelims = 0;
            fieldStart = ++i;
          } else {
            this.state = S.Unquoted;
            fieldStart = i;
          }
          break;
        }
        case S.Unquoted: {
          let k = i;
          let c = 0;
          while (k < n) {
            c = text.charCodeAt(k);
            if (c === delim || c === 10 || c === 13) break;
            k++;
          }
          if (k > fieldStart) this.blank = false;
          if (k >= n) {
            i = k;
            break; // the field goes on in the next chunk
          }
          const value =
            this.accLength === 0 ? text.slice(fieldStart, k) : this.acc + text.slice(fieldStart, k);
          this.endField(value);
          if (c === delim) {
            this.blank = false;
            this.state = S.FieldStart;
            i = k + 1;
            fieldStart = i;
            // A separator ending the text: one more (empty) field.
            if (i >= n && final) {
              this.endField("");
              this.endRecord();
            }
            break;
          }
          // Line break.
          if (c === 13) {
            if (k + 1 < n) i = text.charCodeAt(k + 1) === 10 ? k + 2 : k + 1;
            else {
              i = k + 1;
              this.afterCR = true;
            }
          } else i = k + 1;
          this.line++;
          this.endRecord();
          this.recordLine = this.line;
          fieldStart = i;
          break;
        }
        case S.Quoted: {
          let k = i;
          // Fast path while the field is on one line: look for the quote only (and line breaks).
          if (this.quotedBreaks === 0) {
            for (; k < n; k++) {
              const c = text.charCodeAt(k);
              if (c === 34 || c === 10 || c === 13) break;
            }
          }
          for (; k < n; k++) {
            const c = text.charCodeAt(k);
            if (c === 34) break;
            if (c === delim) this.lineDelims++;
            else if (c === 10) {
              if (!(k > 0 ? text.charCodeAt(k - 1) === 13 : this.afterQuotedCR)) {
                this.line++;
                this.quotedBreak();
              }
            } else if (c === 13) {
              this.line++;
              this.quotedBreak();
            }
          }
          if (k === n && n > 0) {
            const last = text.charCodeAt(n - 1);
            this.afterQuotedCR = last === 13;
            this.quotedEndsWithBreak = last === 13 || last === 10;
          }
          if (k >= n) {
            i = k;
            break;
          }
          this.acc += text.slice(fieldStart, k);
          this.accLength += k - fieldStart;
          if (this.accLength > CSV_LIMITS.cellChars) this.tooLongQuoted();
          i = k + 1;
          fieldStart = i;
          this.state = S.QuoteInQuoted;
          break;
        }
        case S.QuoteInQuoted: {
          if (text.charCodeAt(i) === 34) {
            // Doubled quote: one quote of the text, then the field goes on.
            this.acc += '"';
            this.accLength++;
            i++;
            fieldStart = i;
            this.state = S.Quoted;
          } else {
            this.checkQuotedField();
            this.state = S.Unquoted; // what follows the closing quote (lenient)
            fieldStart = i;
          }
          break;
        }
      }
    }
    if (this.stopped) return;
    // The end of the chunk: keep the open field's text.
    if ((this.state === S.Unquoted || this.state === S.Quoted) && n > fieldStart) {
      this.acc += text.slice(fieldStart, n);
      this.accLength += n - fieldStart;
      if (this.accLength > CSV_LIMITS.cellChars) {
        if (this.state === S.Quoted) this.tooLongQuoted();
        this.fail({ kind: "cellTooLong", line: this.line });
      }
    }
    if (!final) return;
    switch (this.state) {
      case S.Quoted:
        // The text's last line break ends the last line, it does not start one.
        this.fail({
          kind: "unclosedQuote",
          line: this.quoteLine,
          lastLine: this.quotedEndsWithBreak ? this.line - 1 : this.line,
        });
        break;
      case S.QuoteInQuoted:
        this.checkQuotedField();
        this.endField(this.acc);
        this.endRecord();
        break;
      case S.Unquoted:
        this.endField(this.acc);
        this.endRecord();
        break;
      case S.FieldStart:
        // After a separator: one more empty field (handled above when in the same chunk).
        if (this.row.length > 0) {
          this.endField("");
          this.endRecord();
        }
        break;
    }
  }

  /** A quoted field past the cell limit: most likely a quote never closed. */
  private tooLongQuoted(): never {
    if (this.quotedBreaks > 0)
      this.fail({ kind: "unclosedQuote", line: this.quoteLine, lastLine: this.line });
    this.fail({ kind: "cellTooLong", line: this.quoteLine });
  }
}

// ---------------------------------------------------------------------------------------------

async function openCheck(path: string, label: string): Promise<{ size: number; head: Uint8Array }> {
  const { fh, size } = await openForReading(path, label);
  try {
    const head = new Uint8Array(Math.min(SNIFF_BYTES, size));
    let done = 0;
    while (done < head.length) {
      const { bytesRead } = await fh.read(head, done, head.length - done, done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return { size, head: head.subarray(0, done) };
  } finally {
    await fh.close();
  }
}

/**
 * Streams the records of a CSV file. `onRow` may return "stop" to end early. Resolves with what
 * was detected (encoding, separator) and the number of records read.
 */
export async function readCsvRows(
  path: string,
  onRow: CsvRowHandler,
  label: string = path
): Promise<CsvInfo> {
  const { size, head } = await openCheck(path, label);
  const bom = bomOf(head);
  let encoding: CsvEncoding;
  const utf16 = bom ? null : sniffUtf16(head);
  if (bom) encoding = bom.encoding;
  else if (utf16) encoding = utf16;
  else if (size <= head.length) encoding = utf8Valid(head) ? "utf-8" : "windows-1252";
  else encoding = (await isUtf8File(path)) ? "utf-8" : "windows-1252";

  // Separator: from the first lines; "sep=;" on the first line (Excel's hint) wins.
  const sniffText = new Decoder(encoding).decode(head.subarray(bom?.length ?? 0), true);
  let delimiter = detectDelimiter(sniffText, size <= head.length);
  const sepLine = /^sep=(.)\r?\n/.exec(sniffText);
  let skipSepLine = false;
  if (sepLine) {
    delimiter = sepLine[1];
    skipSepLine = true;
  }

  if (encoding === "utf-16le" || encoding === "utf-16be") {
    // Unicode text exports are tab-separated.
    if (!sepLine && !/[;,|]/.test(sniffText.split(/\r?\n/, 1)[0] ?? "")) delimiter = "\t";
  }

  let sepSkipped = !skipSepLine;
  const delimCode = delimiter.charCodeAt(0);
  let headerFields = 0;
  const parser = new CsvScanner(delimCode, (row, n) => {
    if (!sepSkipped) {
      sepSkipped = true;
      return;
    }
    if (row.length === 1 && headerFields >= 2 && typeof row[0] === "string")
      checkMixedSeparator(row[0], delimiter, headerFields, label, parser.recordStartLine);
    else headerFields = Math.max(headerFields, row.length);
    return onRow(row, skipSepLine ? n - 1 : n);
  });
  const decoder = new Decoder(encoding);
  const stream = fs.createReadStream(path, { highWaterMark: READ_CHUNK, start: bom?.length ?? 0 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      parser.push(decoder.decode(chunk), false);
      if (parser.stopped) break;
    }
    if (!parser.stopped) parser.push(decoder.decode(new Uint8Array(0), true), true);
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (e instanceof CsvScanError) throw scanError(e.problem, label, skipSepLine ? 1 : 0);
    throw fromFileSystemError(e, label);
  } finally {
    stream.destroy();
  }
  const rows = skipSepLine ? Math.max(0, parser.rows - 1) : parser.rows;
  return { encoding, bom: bom !== null, delimiter, rows };
}

const ROW_HINT_QUOTES =
  "Un guillemet à l'intérieur d'un champ s'écrit doublé (\"\"), et un champ entre guillemets se termine par un guillemet : corrigez la ligne dans l'export (ou réexportez-le), puis relancez. Aucune ligne n'a été analysée.";

function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
}

/** The French InputError of a scanner problem (`shift`: lines before the text, the "sep=" line). */
function scanError(p: CsvProblem, label: string, shift: number): InputError {
  const line = p.line + shift;
  switch (p.kind) {
    case "unclosedQuote":
      return new InputError(
        `contient un guillemet (") ouvert à la ligne ${line} qui n'est jamais refermé : les lignes ${line} à ${p.lastLine + shift} seraient lues comme une seule`,
        { file: label, row: line, hint: ROW_HINT_QUOTES }
      );
    case "swallowedLines":
      return new InputError(
        `contient à la ligne ${line} un champ entre guillemets qui se prolonge jusqu'à la ligne ${p.lastLine + shift} en englobant des lignes entières (guillemet mal fermé)`,
        { file: label, row: line, hint: ROW_HINT_QUOTES }
      );
    case "cellTooLong":
      return new InputError(
        `contient un champ de plus de ${groupDigits(CSV_LIMITS.cellChars)} caractères, la limite d'une cellule Excel`,
        {
          file: label,
          row: line,
          hint: "Vérifiez le séparateur et les guillemets de l'export, ou raccourcissez ce champ.",
        }
      );
    case "tooManyColumns":
      return new InputError(
        `contient une ligne de plus de ${groupDigits(CSV_LIMITS.columns)} colonnes, la limite d'une feuille Excel`,
        {
          file: label,
          row: line,
          hint: "Vérifiez le séparateur de l'export (il coupe peut-être le texte des champs).",
        }
      );
    case "tooManyRows":
      return new InputError(
        `contient plus de ${groupDigits(CSV_LIMITS.rows)} lignes, la limite d'une feuille Excel`,
        {
          file: label,
          row: line,
          hint: "Découpez l'export en plusieurs fichiers (par exemple un par année) et donnez-les ensemble à la commande.",
        }
      );
  }
}

/**
 * A record read as one field in a file whose header has `fields` columns, which another
 * separator would split into exactly that many: the line uses a different separator (a file
 * pasted together from two exports). Refused with its line rather than read as one column.
 */
function checkMixedSeparator(
  text: string,
  delimiter: string,
  fields: number,
  label: string,
  line: number
): void {
  for (const other of DELIMITERS) {
    if (other === delimiter || !text.includes(other)) continue;
    if (text.split(other).length !== fields) continue;
    const name = (d: string) => (d === "\t" ? "tabulation" : `« ${d} »`);
    throw new InputError(
      `utilise à la ligne ${line} le séparateur ${name(other)} alors que le reste du fichier utilise ${name(delimiter)}`,
      {
        file: label,
        row: line,
        hint: `Remplacez le séparateur de cette ligne par ${name(delimiter)} (ou réexportez le fichier d'un seul tenant), puis relancez.`,
      }
    );
  }
}

/**
 * UTF-16 text without a byte order mark: ASCII characters leave a zero byte in every other
 * position (after them in little-endian, before them in big-endian), which UTF-8 and
 * Windows-1252 text never holds.
 */
export function sniffUtf16(head: Uint8Array): CsvEncoding | null {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros >= pairs * 0.3 && evenZeros <= pairs * 0.05) return "utf-16le";
  if (evenZeros >= pairs * 0.3 && oddZeros <= pairs * 0.05) return "utf-16be";
  return null;
}

function utf8Valid(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Reads a whole CSV file as one table (name: the file name). */
export async function readCsv(
  path: string,
  label: string = path
): Promise<RawTable & { info: CsvInfo }> {
  const rows: Cell[][] = [];
  const info = await readCsvRows(
    path,
    (row) => {
      rows.push(row);
    },
    label
  );
  return { name: nodePath.basename(label), rows, firstRow: 1, info };
}
