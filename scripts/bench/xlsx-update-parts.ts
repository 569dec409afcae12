/**
 * Benchmark of an update of a workbook with many parts (issue #13, item 4): a demo analysis
 * written as a new workbook, N small parts added to it, then the update (inputs read back, owned
 * sheets rewritten, the N parts copied as stored). The time should grow linearly with N.
 *
 *   npx tsx scripts/bench/xlsx-update-parts.ts [parts=10000,50000,100000]
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { analyse } from "../../src/core/analyse";
import { detectTable } from "../../src/core/detect";
import { runIntake, type MappedTable } from "../../src/core/intake";
import type { RawTable } from "../../src/core/model";
import { readOwnedInputs, writeWorkbook } from "../../src/file/write-workbook";
import { readUserInputs } from "../../src/report/inputs";
import { buildWorkbookSpec } from "../../src/report/workbook";
import { generateDemo } from "../demo/generate";
import { addParts } from "./many-parts";

function mapped(table: RawTable): MappedTable {
  const d = detectTable(table);
  if (!d.kind) throw new Error(`table ${table.name} not detected`);
  return { table, kind: d.kind, headerRowIndex: d.headerRowIndex, mapping: d.mapping };
}

async function main(): Promise<void> {
  const sizes = (process.argv[2] ?? "10000,50000,100000").split(",").map(Number);
  const demo = generateDemo({ spendLines: 3000, contracts: 150 });
  const tables = [demo.spend, demo.contracts, demo.entities, demo.nomenclature, demo.suppliers].map((t) => mapped({ name: t.name, sheet: t.sheet, rows: t.rows, firstRow: t.firstRow }));
  const analysis = analyse(runIntake(tables));
  const options = { runDate: "2026-11-05", sources: tables.map((t) => t.table.name) };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "optima-parts-bench-"));
  try {
    const base = path.join(dir, "base.xlsx");
    await writeWorkbook(buildWorkbookSpec(analysis, options), base);
    for (const n of sizes) {
      const out = path.join(dir, `parts-${n}.xlsx`);
      await addParts(base, out, n);
      const t0 = performance.now();
      const inputs = readUserInputs(await readOwnedInputs(out));
      const t1 = performance.now();
      const report = await writeWorkbook(buildWorkbookSpec(analysis, { ...options, previousInputs: inputs }), out, { existing: true });
      const t2 = performance.now();
      console.log(
        JSON.stringify({
          parts: n,
          readInputsMs: Math.round(t1 - t0),
          updateMs: Math.round(t2 - t1),
          keptParts: report.keptParts.length,
          bytes: report.bytes,
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
