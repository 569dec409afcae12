/**
 * Benchmark of the .xlsx writer (issue #6): a real analysis of N spend lines (demo generator →
 * detection → intake → analyse → buildWorkbookSpec), written as a new workbook, then written again
 * over it as an update (owned sheets rewritten, inputs read back first). One JSON line.
 *
 *   npx esbuild scripts/bench/xlsx-write.ts --bundle --platform=node --format=esm --outfile=.bench/xlsx-write.mjs
 *   node .bench/xlsx-write.mjs [lines=100000] [contracts=2000] [extraAnomalies=0]
 *
 * extraAnomalies: synthetic anomalies appended to the analysis, to time a big detail table (the
 * Anomalies sheet of a million-line file full of unreadable rows). `calibrationMs` is the time of
 * a fixed CPU workload (≈ 70-100 ms on an idle core), to scale figures taken on a busy machine.
 * (tsx works too, with its module interop overhead.) The workbook goes to a temporary folder that
 * is deleted at the end.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { analyse } from "../../src/core/analyse";
import { detectTable } from "../../src/core/detect";
import { runIntake, type MappedTable } from "../../src/core/intake";
import type { RawTable } from "../../src/core/model";
import { readUserInputs } from "../../src/report/inputs";
import { buildWorkbookSpec } from "../../src/report/workbook";
import { readOwnedInputs, writeWorkbook } from "../../src/file/write-workbook";
import { generateDemo } from "../demo/generate";
import { msg } from "../../src/core/messages/render";

function mapped(table: RawTable): MappedTable {
  const d = detectTable(table);
  if (!d.kind) throw new Error(`table ${table.name} not detected`);
  return { table, kind: d.kind, headerRowIndex: d.headerRowIndex, mapping: d.mapping };
}

function calibrationMs(): number {
  const t = performance.now();
  let x = 0;
  for (let i = 0; i < 1e8; i++) x = (x + i) | 0;
  if (x === 42) console.log("");
  return Math.round(performance.now() - t);
}

async function main(): Promise<void> {
  const lines = Number(process.argv[2] ?? 100_000);
  const contracts = Number(process.argv[3] ?? 2_000);
  const extra = Number(process.argv[4] ?? 0);
  const demo = generateDemo({ spendLines: lines, contracts });
  const tables = [demo.spend, demo.contracts, demo.entities, demo.nomenclature, demo.suppliers].map((t) => mapped({ name: t.name, sheet: t.sheet, rows: t.rows, firstRow: t.firstRow }));
  const t0 = performance.now();
  const analysis = analyse(runIntake(tables));
  const tAnalysis = performance.now() - t0;
  for (let i = 0; i < extra; i++) {
    analysis.anomalies.push({ table: "Mandats", row: i + 2, field: "montant", value: `(${i},00)`, reason: msg("anomaly.amountUnreadable"), severity: i % 3 ? "warning" : "rejected" });
  }
  const options = { runDate: "2026-11-05", sources: tables.map((t) => t.table.name) };
  const t1 = performance.now();
  const spec = buildWorkbookSpec(analysis, options);
  const tSpec = performance.now() - t1;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "optima-xlsx-write-"));
  try {
    const out = path.join(dir, "analyse.xlsx");
    const rssBeforeWrite = process.memoryUsage().rss;
    const t2 = performance.now();
    const created = await writeWorkbook(spec, out);
    const tWrite = performance.now() - t2;
    const t3 = performance.now();
    const raw = await readOwnedInputs(out);
    const inputs = readUserInputs(raw);
    const spec2 = buildWorkbookSpec(analysis, { ...options, previousInputs: inputs });
    const t4 = performance.now();
    const updated = await writeWorkbook(spec2, out, { existing: true });
    const tUpdate = performance.now() - t4;
    console.log(
      JSON.stringify({
        lines,
        anomalies: analysis.anomalies.length,
        cells: spec.sheets.reduce((n, s) => n + s.tables.reduce((m, t) => m + t.rows.length * t.columns.length, 0), 0),
        analysisMs: Math.round(tAnalysis),
        specMs: Math.round(tSpec),
        writeMs: Math.round(tWrite),
        readInputsMs: Math.round(t4 - t3),
        updateMs: Math.round(tUpdate),
        bytes: created.bytes,
        updatedBytes: updated.bytes,
        keptParts: updated.keptParts.length,
        rssBeforeWriteMiB: Math.round(rssBeforeWrite / 1048576),
        peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
        calibrationMs: calibrationMs(),
      }),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
