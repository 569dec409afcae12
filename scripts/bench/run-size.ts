/**
 * One benchmark run at one size, in its own process so that peak memory is its own:
 * generate N spend lines (+ contracts), then time intake (detection + parsing + classification)
 * and analyse() (all indicators). Prints one JSON line.
 * Usage: tsx scripts/bench/run-size.ts <lines> [contracts]
 */
import { analyse } from "../../src/core/analyse";
import { detectTable } from "../../src/core/detect";
import { isReconciled, runIntake, type MappedTable } from "../../src/core/intake";
import type { Cell, RawTable } from "../../src/core/model";
import { generateDemo, generateSpendRows } from "../demo/generate";

function mapped(table: RawTable): MappedTable {
  const d = detectTable(table);
  if (!d.kind) throw new Error(`table ${table.name} not detected`);
  return { table, kind: d.kind, headerRowIndex: d.headerRowIndex, mapping: d.mapping };
}

function mib(bytes: number): number {
  return Math.round(bytes / 1048576);
}

function main(): void {
  const lines = Number(process.argv[2] ?? 100_000);
  const contractCount = Number(process.argv[3] ?? 0);
  const t0 = performance.now();
  const rows: Cell[][] = [];
  for (const r of generateSpendRows(lines, 42)) rows.push(r);
  const spend: RawTable = { name: "Mandats", rows };
  const extra: RawTable[] = [];
  if (contractCount > 0) {
    const demo = generateDemo({ seed: 7, spendLines: 2_000, contracts: contractCount });
    extra.push({ name: "Marches", rows: demo.contracts.rows, firstRow: demo.contracts.firstRow });
  }
  const tGen = performance.now() - t0;
  const rssBefore = process.memoryUsage().rss;

  const t1 = performance.now();
  const tables = [mapped(spend), ...extra.map(mapped)];
  const intake = runIntake(tables);
  const tIntake = performance.now() - t1;

  const t2 = performance.now();
  const analysis = analyse(intake);
  const tAnalyse = performance.now() - t2;

  const r = intake.reconciliation;
  console.log(
    JSON.stringify({
      lines,
      contracts: intake.contracts.length,
      generateMs: Math.round(tGen),
      intakeMs: Math.round(tIntake),
      analyseMs: Math.round(tAnalyse),
      endToEndMs: Math.round(tIntake + tAnalyse),
      intakeLinesPerSecond: Math.round(lines / (tIntake / 1000)),
      rssBeforeIntakeMiB: mib(rssBefore),
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      rowsAnalysed: r.rowsAnalysed,
      rowsRejected: r.rowsRejected,
      reconciled: isReconciled(r),
      indicators: analysis.indicators.length,
    }),
  );
}

main();
