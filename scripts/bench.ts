/**
 * `npm run bench`: intake and end-to-end analysis at 100 000 and 1 000 000 spend lines (+ 20 000
 * contracts), each size in a fresh process. Prints a table: lines/s, times, peak memory, and the
 * targets of issues #2 (intake of 1 M lines < 2 s, < 1 GB) and #3 (end to end < 3 s, < 1.5 GB).
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { buildSync } from "esbuild";

interface RunResult {
  lines: number;
  contracts: number;
  intakeMs: number;
  analyseMs: number;
  endToEndMs: number;
  intakeLinesPerSecond: number;
  rssBeforeIntakeMiB: number;
  peakRssMiB: number;
  reconciled: boolean;
  generateMs: number;
}

const sizes = (process.env.BENCH_SIZES ?? "100000,1000000").split(",").map(Number);
const contracts = Number(process.env.BENCH_CONTRACTS ?? 20_000);
// Bundle the runner as plain ESM first: tsx's module interop puts a getter on every cross-module
// call, which would measure the loader rather than the engine.
const runner = path.join(__dirname, "..", ".bench", "run-size.mjs");
buildSync({
  entryPoints: [path.join(__dirname, "bench", "run-size.ts")],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  outfile: runner,
  logLevel: "warning",
});

const results: RunResult[] = [];
for (const n of sizes) {
  process.stderr.write(`bench: ${n.toLocaleString("fr-FR")} lignes + ${contracts.toLocaleString("fr-FR")} marchés…\n`);
  const out = execFileSync(process.execPath, ["--max-old-space-size=4096", runner, String(n), String(contracts)], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  results.push(JSON.parse(out.trim().split("\n").pop() as string) as RunResult);
}

const fmt = (x: number) => x.toLocaleString("fr-FR");
console.log("\nlines      | intake ms | lines/s    | analyse ms | end-to-end ms | RSS before intake | peak RSS | reconciled");
for (const r of results) {
  console.log(
    `${fmt(r.lines).padEnd(10)} | ${String(r.intakeMs).padStart(9)} | ${fmt(r.intakeLinesPerSecond).padStart(10)} | ${String(r.analyseMs).padStart(10)} | ${String(r.endToEndMs).padStart(13)} | ${(r.rssBeforeIntakeMiB + " MiB").padStart(17)} | ${(r.peakRssMiB + " MiB").padStart(8)} | ${r.reconciled}`,
  );
}
if (results.length >= 2) {
  const [a, b] = [results[0], results[results.length - 1]];
  const ratio = b.endToEndMs / a.endToEndMs;
  console.log(`\nscaling: ×${(b.lines / a.lines).toFixed(0)} lines → ×${ratio.toFixed(1)} end-to-end time`);
}
const big = results.find((r) => r.lines >= 1_000_000);
if (big) {
  console.log(`target #2 (intake 1 M < 2 000 ms): ${big.intakeMs} ms → ${big.intakeMs < 2000 ? "OK" : "MISSED"}`);
  console.log(`target #3 (end to end 1 M < 3 000 ms, peak < 1 536 MiB): ${big.endToEndMs} ms, ${big.peakRssMiB} MiB → ${big.endToEndMs < 3000 && big.peakRssMiB < 1536 ? "OK" : "MISSED"}`);
}
