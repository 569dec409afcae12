/**
 * Benchmark of the streaming .xlsx reader (issue #6).
 *
 *   npx tsx scripts/bench/xlsx-read.ts [rows=100000] [--intake] [--zlib] [--file=existing.xlsx]
 *
 * --intake: also time loadInputs; --zlib: measure also with Node's native zlib as the DEFLATE
 * decoder (default: fflate); --file: read that workbook instead of writing one (kept).
 *
 * 1. Writes an .xlsx of N spend rows (scripts/demo/generate.ts `generateSpendRows`, 25 columns,
 *    shared strings, date and amount formats) with exceljs's streaming WorkbookWriter, to a
 *    temporary folder that is deleted at the end (also on error or Ctrl-C).
 * 2. In fresh child processes (so that each peak RSS is its own): times `openXlsx` + `readRows`
 *    over all rows (inflate + decode + scan, cold: what a CLI run does; peak RSS taken here), then,
 *    for the breakdown, the inflate + CRC of the sheet alone, the UTF-8 decoding alone and the XML
 *    scanner alone over inflated XML (up to 300 MB of it), and, with --intake, `loadInputs`
 *    (reader + detection + SpendProcessor). Prints one JSON line
 *    per measure with rows/s and peak RSS (process.resourceUsage().maxRSS), and `calibrationMs`,
 *    the time of a fixed CPU workload (≈ 70-100 ms on an idle core), to scale figures taken on a
 *    busy machine.
 */
import { writeSpendWorkbook } from "./spend-workbook";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadInputs } from "../../src/file/load-inputs";
import { openXlsx } from "../../src/file/xlsx-reader";
import { SheetScanner } from "../../src/ooxml/sheet-scanner";
import { ZipArchive, type Inflater, type ZipEntry } from "../../src/file/zip";

/**
 * A fixed CPU workload (10^8 integer additions), for reading the figures on a shared machine:
 * about 70-100 ms on an idle 2.5 GHz core; when it takes k times that, so do the others.
 */
function calibrationMs(): number {
  const t = performance.now();
  let x = 0;
  for (let i = 0; i < 1e8; i++) x = (x + i) | 0;
  if (x === 42) console.log("");
  return Math.round(performance.now() - t);
}

function peakRssMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}


/**
 * The scanner alone, over the sheet's XML inflated beforehand (up to 300 MB of it) and decoded in
 * the reader's 32 KB pieces (decoding timed apart).
 */
async function scannerOnly(zip: ZipArchive, entry: ZipEntry): Promise<{ rows: number; ms: number; decodeMs: number; xmlMiB: number }> {
  const chunks: Buffer[] = [];
  let size = 0;
  await zip.stream(entry, (data) => {
    chunks.push(Buffer.from(data));
    size += data.length;
    return size > 300 * 1048576 ? "stop" : undefined;
  });
  // Cut after complete rows, as the reader does.
  const all = Buffer.concat(chunks);
  chunks.length = 0;
  const pieces: Buffer[] = [];
  // Up to the last complete row (the read may have stopped in the middle of one).
  const limit = size > 300 * 1048576 ? all.lastIndexOf("</row>") + 6 : all.length;
  for (let from = 0; from < limit; ) {
    let to = Math.min(limit, from + 32 * 1024); // as the reader does (PIECE_BYTES)
    if (to < limit) to = all.lastIndexOf("</row>", to) + 6;
    if (to <= from) break;
    pieces.push(all.subarray(from, to));
    from = to;
  }
  let rows = 0;
  const scanner = new SheetScanner(
    Array.from({ length: 2_000_000 }, (_, i) => `s${i}`),
    () => {
      rows++;
    },
  );
  const decoder = new TextDecoder();
  let t = performance.now();
  const texts = pieces.map((piece) => decoder.decode(piece));
  const decodeMs = performance.now() - t;
  t = performance.now();
  for (const text of texts) scanner.scan(text, text.length);
  const ms = performance.now() - t;
  return { rows, ms, decodeMs, xmlMiB: Math.round(all.length / 1048576) };
}

async function measureRead(file: string, expectedRows: number, inflate: Inflater): Promise<void> {
  // 1. What a run does: open + read every row, cold (first use of the code in this process).
  let t = performance.now();
  const book = await openXlsx(file, { inflate });
  let rows = 0;
  let cells = 0;
  await book.readRows(book.sheets[0].name, (row) => {
    rows++;
    cells += row.length;
  });
  const readMs = performance.now() - t;
  if (rows !== expectedRows + 1) throw new Error(`read ${rows} rows, expected ${expectedRows + 1}`);
  const peakAfterRead = peakRssMiB();
  console.log(
    JSON.stringify({
      measure: "readRows",
      rows: rows - 1,
      cells,
      readMs: Math.round(readMs),
      rowsPerSecond: Math.round(rows / (readMs / 1000)),
      peakRssMiB: peakAfterRead,
    }),
  );

  // 2. Breakdown: inflate + CRC alone, then decode + scan alone.
  const zip = await ZipArchive.open(file, file, inflate);
  const sheetEntry = zip.entries.find((e) => /worksheets\/sheet\d+\.xml$/i.test(e.name));
  if (!sheetEntry) throw new Error("no sheet part");
  t = performance.now();
  await zip.stream(sheetEntry, () => undefined);
  const inflateMs = performance.now() - t;
  const scan = await scannerOnly(zip, sheetEntry);
  console.log(
    JSON.stringify({
      measure: "breakdown",
      sheetXmlMiB: Math.round(sheetEntry.size / 1048576),
      inflateCrcMs: Math.round(inflateMs),
      scannerRows: scan.rows,
      scannerXmlMiB: scan.xmlMiB,
      decodeMs: Math.round(scan.decodeMs),
      scannerMs: Math.round(scan.ms),
      scannerRowsPerSecond: Math.round(scan.rows / (scan.ms / 1000)),
      calibrationMs: calibrationMs(),
    }),
  );
}

async function measureLoad(file: string, inflate: Inflater): Promise<void> {
  const t = performance.now();
  const result = await loadInputs([file], { inflate });
  const loadMs = performance.now() - t;
  const r = result.reconciliation;
  console.log(
    JSON.stringify({
      measure: "loadInputs",
      rowsRead: r.rowsRead,
      rowsAnalysed: r.rowsAnalysed,
      rowsRejected: r.rowsRejected,
      loadMs: Math.round(loadMs),
      rowsPerSecond: Math.round(r.rowsRead / (loadMs / 1000)),
      peakRssMiB: peakRssMiB(),
    }),
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const inflate: Inflater = args.includes("--zlib") ? "zlib" : "fflate";
  if (args[0] === "--child-read") return measureRead(args[1], Number(args[2]), inflate);
  if (args[0] === "--child-load") return measureLoad(args[1], inflate);

  const given = args.find((a) => a.startsWith("--file="))?.slice("--file=".length);
  let n = Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000);
  const intake = args.includes("--intake");
  const zlibToo = args.includes("--zlib");
  const dir = given ? null : fs.mkdtempSync(path.join(os.tmpdir(), "optima-bench-xlsx-"));
  const cleanup = () => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  };
  process.on("SIGINT", () => {
    cleanup();
    process.exit(130);
  });
  try {
    let file: string;
    if (given) {
      // An existing workbook (not deleted): its first sheet holds a header row and N data rows.
      file = given;
      const book = await openXlsx(file);
      let rows = 0;
      await book.readRows(book.sheets[0].name, () => {
        rows++;
      });
      n = rows - 1;
    } else {
      file = path.join(dir as string, `spend-${n}.xlsx`);
      const t = performance.now();
      await writeSpendWorkbook(file, n);
      console.log(JSON.stringify({ measure: "write", rows: n, fileMiB: +(fs.statSync(file).size / 1048576).toFixed(1), writeMs: Math.round(performance.now() - t) }));
    }
    // Each measure in a fresh process, so that its peak RSS is its own.
    const child = (mode: string, inflater: Inflater, extra: string[]) => {
      const out = execFileSync(process.execPath, [...process.execArgv, __filename, mode, file, ...extra, ...(inflater === "zlib" ? ["--zlib"] : [])], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
      });
      process.stdout.write(out.replace(/"measure":"(\w+)"/g, `"measure":"$1","inflate":"${inflater}"`));
    };
    for (const inflater of (zlibToo ? ["fflate", "zlib"] : ["fflate"]) as Inflater[]) {
      child("--child-read", inflater, [String(n)]);
      if (intake) child("--child-load", inflater, []);
    }
  } finally {
    cleanup();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
