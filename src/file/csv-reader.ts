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

/**
 * RFC 4180 record parser over a text that grows chunk by chunk. A record that does not end in the
 * text yet is parsed again, from its start, when more text arrives.
 */
class CsvParser {
  private pending = "";
  private rowNumber = 0;
  stopped = false;

  constructor(
    private readonly delimiter: number,
    private readonly onRow: CsvRowHandler
  ) {}

  get rows(): number {
    return this.rowNumber;
  }

  push(text: string, final: boolean): void {
    const s = this.pending.length === 0 ? text : this.pending + text;
    const n = s.length;
    const delim = this.delimiter;
    let i = 0;
    while (i < n && !this.stopped) {
      const start = i;
      const row: Cell[] = [];
      let complete = false;
      let blank = true;
      for (;;) {
        // One field.
        let value: string;
        if (s.charCodeAt(i) === 34) {
          blank = false;
          let j = i + 1;
          let acc = "";
          let closed = false;
          for (;;) {
            const q = s.indexOf('"', j);
            if (q < 0) break;
            if (q + 1 < n && s.charCodeAt(q + 1) === 34) {
              acc += s.slice(j, q + 1);
              j = q + 2;
              continue;
            }
            if (q + 1 >= n && !final) break; // might be the first half of a doubled quote
            acc += s.slice(j, q);
            i = q + 1;
            closed = true;
            break;
          }
          if (!closed) {
            if (!final) break; // incomplete record
            // Unterminated quote at the end of the file: keep the text as it is (lenient).
            acc += s.slice(j);
            i = n;
          }
          // Lenient: text after the closing quote belongs to the field ("abc"def → abcdef).
          let k = i;
          while (k < n) {
            const ch = s.charCodeAt(k);
            if (ch === delim || ch === 10 || ch === 13) break;
            k++;
          }
          if (k > i) acc += s.slice(i, k);
          i = k;
          value = acc;
        } else {
          let k = i;
          while (k < n) {
            const ch = s.charCodeAt(k);
            if (ch === delim || ch === 10 || ch === 13) break;
            k++;
          }
          value = s.slice(i, k);
          if (k > i) blank = false;
          i = k;
        }
        if (i >= n && !final) break; // the field may continue in the next chunk
        row.push(value === "" ? null : value);
        if (i >= n) {
          complete = true;
          break;
        }
        const ch = s.charCodeAt(i);
        if (ch === delim) {
          blank = false;
          i++;
          if (i >= n && !final) break;
          if (i >= n) {
            row.push(null);
            complete = true;
            break;
          }
          continue;
        }
        if (ch === 13) {
          if (i + 1 >= n && !final) break; // "\r" then maybe "\n"
          i += s.charCodeAt(i + 1) === 10 ? 2 : 1;
        } else i++; // "\n"
        complete = true;
        break;
      }
      if (!complete) {
        this.pending = s.slice(start);
        return;
      }
      this.rowNumber++;
      if (this.onRow(blank ? [] : row, this.rowNumber) === "stop") this.stopped = true;
    }
    this.pending = "";
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
  if (bom) encoding = bom.encoding;
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
  const parser = new CsvParser(delimiter.charCodeAt(0), (row, n) => {
    if (!sepSkipped) {
      sepSkipped = true;
      return;
    }
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
    throw fromFileSystemError(e, label);
  } finally {
    stream.destroy();
  }
  const rows = skipSepLine ? Math.max(0, parser.rows - 1) : parser.rows;
  return { encoding, bom: bom !== null, delimiter, rows };
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
