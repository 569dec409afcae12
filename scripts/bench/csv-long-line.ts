/**
 * Benchmark of the CSV reader on long records (issue #13, item 4): one header and one data line
 * of N MB (16 384 columns, Excel's limit, of equal width), then the same bytes as short lines,
 * to show the time grows linearly with the record length. One JSON line per size.
 *
 *   npx tsx scripts/bench/csv-long-line.ts [sizesMB=5,20,50]
 *
 * The files go to a temporary folder deleted at the end.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readCsvRows } from "../../src/file/csv-reader";

const COLUMNS = 16_384;

async function time(file: string): Promise<{ ms: number; rows: number }> {
  const t = performance.now();
  let rows = 0;
  await readCsvRows(file, () => {
    rows++;
  });
  return { ms: Math.round(performance.now() - t), rows };
}

async function main(): Promise<void> {
  const sizes = (process.argv[2] ?? "5,20,50").split(",").map(Number);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "optima-csv-bench-"));
  try {
    for (const mb of sizes) {
      const width = Math.max(1, Math.floor((mb * 1_000_000) / COLUMNS) - 1);
      const cell = "x".repeat(width);
      const header = Array.from({ length: COLUMNS }, (_, i) => `c${i}`).join(";");
      const long = path.join(dir, `long-${mb}.csv`);
      fs.writeFileSync(long, `${header}\n${Array(COLUMNS).fill(cell).join(";")}\n`);
      // The same bytes as 1 000-character lines (quoted, so that the quoted path is timed too).
      const short = path.join(dir, `short-${mb}.csv`);
      const line = `a;"${"y".repeat(994)}"\n`;
      fs.writeFileSync(short, `a;b\n${line.repeat(Math.floor(fs.statSync(long).size / line.length))}`);
      const l = await time(long);
      const s = await time(short);
      console.log(
        JSON.stringify({
          sizeMB: Math.round(fs.statSync(long).size / 1e5) / 10,
          longLineMs: l.ms,
          shortLinesMs: s.ms,
          shortLines: s.rows,
          peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
        }),
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
