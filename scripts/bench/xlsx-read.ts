/**
 * Benchmark of the streaming .xlsx reader (issue #6).
 *
 *   npx tsx scripts/bench/xlsx-read.ts [rows=100000] [--intake]
 *
 * 1. Writes an .xlsx of N spend rows (scripts/demo/generate.ts `generateSpendRows`, 25 columns,
 *    shared strings, date and amount formats) with exceljs's streaming WorkbookWriter, to a
 *    temporary folder that is deleted at the end (also on error or Ctrl-C).
 * 2. In a fresh child process (so that peak RSS is the reader's own): times the raw inflate of the
 *    sheet (fflate + CRC), then `openXlsx` + `readRows` over all rows (inflate + decode + scan),
 *    and, with --intake, `loadInputs` (reader + detection + SpendProcessor). Prints one JSON line
 *    per measure with rows/s and peak RSS (process.resourceUsage().maxRSS).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { generateSpendRows, DATE_COLUMNS, AMOUNT_COLUMNS } from "../demo/generate";
import { loadInputs } from "../../src/file/load-inputs";
import { openXlsx } from "../../src/file/xlsx-reader";
import { ZipArchive } from "../../src/file/zip";

function peakRssMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

async function write(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet("Mandats");
  const dateCols = new Set<number>(DATE_COLUMNS.spend);
  const amountCols = new Set<number>(AMOUNT_COLUMNS.spend);
  for (const r of generateSpendRows(rows, 42)) {
    const row = ws.addRow(r.map((v) => (v === undefined ? null : v)) as ExcelJS.CellValue[]);
    for (const c of dateCols) if (typeof r[c] === "number") row.getCell(c + 1).numFmt = "dd/mm/yyyy";
    for (const c of amountCols) if (typeof r[c] === "number") row.getCell(c + 1).numFmt = '#,##0.00 "€"';
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

async function measure(file: string, expectedRows: number, intake: boolean): Promise<void> {
  // Raw inflate + CRC of the sheet part, for the share of the scanner in the total.
  const zip = await ZipArchive.open(file);
  const sheetEntry = zip.entries.find((e) => /worksheets\/sheet\d+\.xml$/i.test(e.name));
  if (!sheetEntry) throw new Error("no sheet part");
  let t = performance.now();
  await zip.stream(sheetEntry, () => undefined);
  const inflateMs = performance.now() - t;

  t = performance.now();
  const book = await openXlsx(file);
  let rows = 0;
  let cells = 0;
  await book.readRows(book.sheets[0].name, (row) => {
    rows++;
    cells += row.length;
  });
  const readMs = performance.now() - t;
  if (rows !== expectedRows + 1) throw new Error(`read ${rows} rows, expected ${expectedRows + 1}`);
  console.log(
    JSON.stringify({
      measure: "readRows",
      rows: rows - 1,
      cells,
      sheetXmlMiB: Math.round(sheetEntry.size / 1048576),
      inflateCrcMs: Math.round(inflateMs),
      readMs: Math.round(readMs),
      rowsPerSecond: Math.round(rows / (readMs / 1000)),
      scanOnlyRowsPerSecond: Math.round(rows / ((readMs - inflateMs) / 1000)),
      peakRssMiB: peakRssMiB(),
    }),
  );
  if (!intake) return;
  t = performance.now();
  const result = await loadInputs([file]);
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
  if (args[0] === "--child") {
    await measure(args[1], Number(args[2]), args[3] === "--intake");
    return;
  }
  const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000);
  const intake = args.includes("--intake");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "optima-bench-xlsx-"));
  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  process.on("SIGINT", () => {
    cleanup();
    process.exit(130);
  });
  try {
    const file = path.join(dir, `spend-${n}.xlsx`);
    let t = performance.now();
    await write(file, n);
    const writeMs = performance.now() - t;
    console.log(JSON.stringify({ measure: "write", rows: n, fileMiB: +(fs.statSync(file).size / 1048576).toFixed(1), writeMs: Math.round(writeMs) }));
    t = performance.now();
    const out = execFileSync(process.execPath, [...process.execArgv, __filename, "--child", file, String(n), intake ? "--intake" : ""], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=4096`.trim() },
    });
    process.stdout.write(out);
  } finally {
    cleanup();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
