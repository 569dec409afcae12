/**
 * End-to-end comparison with what a consultant would otherwise script (issue #6): Python pandas +
 * openpyxl reading the same .xlsx and computing only the spend cube (sum of Montant HT by family ×
 * entity, and by supplier), versus our whole `analyse` command (streaming read + intake + all
 * indicators + writing the report workbook).
 *
 *   npx tsx scripts/bench/vs-pandas.ts [100000] [1000000] [--runs=N] [--no-fflate] [--no-zlib] [--no-pandas]
 *   npm run bench:pandas -- 100000 1000000
 *
 * 1. The workbook of N spend rows (scripts/demo/generate.ts `generateSpendRows`, seed 42, sheet
 *    "Mandats", header on row 1) is cached as .bench/spend-<N>.xlsx (gitignored) and generated
 *    only when missing (1 M rows take minutes with exceljs's streaming WorkbookWriter).
 * 2. Ours: `node --max-old-space-size=4096 scripts/optima-achats.mjs analyse <file> -o <tmp> --json`
 *    as a child process, once with the default inflater (fflate) and once with OPTIMA_INFLATE=zlib.
 * 3. Pandas: scripts/bench/pandas_cube.py with Debian's /usr/bin/python3 (apt-get install
 *    python3-pandas python3-openpyxl; override with PYTHON=...).
 * Wall clock is measured here around each child (process start to exit, interpreter start-up
 * included); peak RSS comes from `/usr/bin/time -v` (apt-get install time) when present, else from
 * what the child reports about itself. With --runs=N each command runs N times and the median time
 * (and the highest peak) is kept. The CLI bundle is built once before timing.
 * Prints a table and writes the figures to test-output/bench-vs-pandas.json.
 * Ratio = pandas seconds / ours seconds (target: ≥ 3).
 */
import { SPEND_SHEET } from "../demo/generate";
import { writeSpendWorkbook } from "./spend-workbook";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const root = path.resolve(__dirname, "..", "..");
const cacheDir = path.join(root, ".bench");
const cli = path.join(root, "scripts", "optima-achats.mjs");
const pandasScript = path.join(root, "scripts", "bench", "pandas_cube.py");
const outJson = path.join(root, "test-output", "bench-vs-pandas.json");
const TIME = "/usr/bin/time";
const python = process.env.PYTHON ?? (fs.existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3");

/** Writes the workbook as scripts/bench/xlsx-read.ts does (shared strings, date and amount formats). */

/** The cached workbook of N rows, generated (atomically: temp file then rename) when missing. */
async function ensureWorkbook(rows: number): Promise<string> {
  const file = path.join(cacheDir, `spend-${rows}.xlsx`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(cacheDir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const t = performance.now();
  process.stderr.write(`generating ${file} …\n`);
  try {
    await writeSpendWorkbook(tmp, rows);
    fs.renameSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  process.stderr.write(`  ${((performance.now() - t) / 1000).toFixed(1)} s, ${(fs.statSync(file).size / 1048576).toFixed(1)} MiB\n`);
  return file;
}

interface Timed {
  seconds: number;
  peakMiB: number | null;
  stdout: string;
}

const haveTime = fs.existsSync(TIME) && spawnSync(TIME, ["-v", "true"]).status === 0;

/** Runs a command, timing its wall clock; peak RSS from /usr/bin/time -v when available. */
function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Timed {
  const rusage = path.join(os.tmpdir(), `optima-bench-time-${process.pid}.txt`);
  const [file, argv] = haveTime ? [TIME, ["-v", "-o", rusage, cmd, ...args]] : [cmd, args];
  const t = performance.now();
  const r = spawnSync(file, argv, { env, encoding: "utf8", maxBuffer: 64 * 1048576, stdio: ["ignore", "pipe", "pipe"] });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} exited with ${r.status ?? r.signal}\n${r.stderr}`);
  }
  let peakMiB: number | null = null;
  if (haveTime) {
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(fs.readFileSync(rusage, "utf8"));
    if (m) peakMiB = Math.round(Number(m[1]) / 1024);
    fs.rmSync(rusage, { force: true });
  }
  return { seconds, peakMiB, stdout: r.stdout };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

interface Measure {
  seconds: number;
  runs: number[];
  peakMiB: number | null;
}

function repeat(runs: number, f: () => Timed, check: (t: Timed) => void): Measure {
  const all: Timed[] = [];
  for (let i = 0; i < runs; i++) {
    const t = f();
    check(t);
    all.push(t);
  }
  const peaks = all.map((t) => t.peakMiB).filter((p): p is number => p !== null);
  return { seconds: +median(all.map((t) => t.seconds)).toFixed(2), runs: all.map((t) => +t.seconds.toFixed(2)), peakMiB: peaks.length ? Math.max(...peaks) : null };
}

interface OursSummary {
  rowsRead: number;
  amountAnalysed: number;
}

function ours(file: string, inflate: "fflate" | "zlib", runs: number): Measure & OursSummary {
  const out = path.join(os.tmpdir(), `optima-bench-out-${process.pid}.xlsx`);
  let summary: OursSummary = { rowsRead: 0, amountAnalysed: 0 };
  try {
    const m = repeat(
      runs,
      () => {
        fs.rmSync(out, { force: true }); // a fresh report each time (no "update" of the previous one)
        return timed(process.execPath, ["--max-old-space-size=4096", cli, "analyse", file, "-o", out, "--json"], { ...process.env, OPTIMA_INFLATE: inflate });
      },
      (t) => {
        const j = JSON.parse(t.stdout) as { reconciliation: OursSummary };
        summary = { rowsRead: j.reconciliation.rowsRead, amountAnalysed: j.reconciliation.amountAnalysed };
      },
    );
    return { ...m, ...summary };
  } finally {
    fs.rmSync(out, { force: true });
  }
}

interface PandasOut {
  rows: number;
  readS: number;
  cubeS: number;
  totalS: number;
  amountHT: number;
  nonNumericAmounts: number;
  familyEntityCells: number;
  suppliers: number;
  peakRssMiB: number;
  pandas: string;
}

function pandas(file: string, runs: number): Measure & { detail: PandasOut } {
  let detail: PandasOut | null = null;
  const m = repeat(
    runs,
    () => timed(python, [pandasScript, file, SPEND_SHEET]),
    (t) => {
      detail = JSON.parse(t.stdout.trim().split("\n").pop() as string) as PandasOut;
    },
  );
  const d = detail as unknown as PandasOut;
  return { ...m, peakMiB: m.peakMiB ?? d.peakRssMiB, detail: d };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
  if (sizes.length === 0) sizes.push(100_000);
  const runs = Number(args.find((a) => a.startsWith("--runs="))?.slice(7) ?? 1);
  const inflaters = (["fflate", "zlib"] as const).filter((i) => !args.includes(`--no-${i}`));
  const withPandas = !args.includes("--no-pandas");

  // Build the CLI bundle now, so that no run pays for it.
  spawnSync(process.execPath, [cli, "--version"], { stdio: "ignore" });

  const results: unknown[] = [];
  const table: string[][] = [["lines", "inflate", "ours s", "ours peak MiB", "pandas s", "pandas peak MiB", "ratio"]];
  for (const n of sizes) {
    const file = await ensureWorkbook(n);
    const fileMiB = +(fs.statSync(file).size / 1048576).toFixed(1);
    const oursBy: Record<string, ReturnType<typeof ours>> = {};
    for (const inflate of inflaters) {
      process.stderr.write(`${n} lines: ours (${inflate}) …\n`);
      oursBy[inflate] = ours(file, inflate, runs);
      process.stderr.write(`  ${oursBy[inflate].seconds} s, ${oursBy[inflate].peakMiB} MiB\n`);
    }
    let pd: ReturnType<typeof pandas> | null = null;
    if (withPandas) {
      process.stderr.write(`${n} lines: pandas …\n`);
      pd = pandas(file, runs);
      process.stderr.write(`  ${pd.seconds} s, ${pd.peakMiB} MiB\n`);
    }
    for (const inflate of inflaters) {
      const o = oursBy[inflate];
      const ratio = pd ? +(pd.seconds / o.seconds).toFixed(2) : null;
      table.push([String(n), inflate, o.seconds.toFixed(2), String(o.peakMiB ?? "?"), pd ? pd.seconds.toFixed(2) : "-", pd ? String(pd.peakMiB ?? "?") : "-", ratio === null ? "-" : `${ratio.toFixed(2)}×`]);
      results.push({
        lines: n,
        fileMiB,
        inflate,
        ours: { seconds: o.seconds, runs: o.runs, peakMiB: o.peakMiB, rowsRead: o.rowsRead, amountAnalysed: o.amountAnalysed },
        pandas: pd ? { seconds: pd.seconds, runs: pd.runs, peakMiB: pd.peakMiB, ...pd.detail } : null,
        ratio,
        targetMet: ratio === null ? null : ratio >= 3,
      });
    }
  }

  const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
  for (const r of table) console.log(r.map((v, c) => (c < 2 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join("  "));
  fs.mkdirSync(path.dirname(outJson), { recursive: true });
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}`,
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    peakFrom: haveTime ? "/usr/bin/time -v (whole child process)" : "child self-report (pandas only)",
    runsPerMeasure: runs,
    ratio: "pandas seconds / ours seconds (wall clock, median of runs); target ≥ 3",
    results,
  };
  // Merge with figures of other sizes from earlier runs (one entry per lines × inflate).
  let previous: { results?: Array<{ lines: number; inflate: string }> } = {};
  try {
    previous = JSON.parse(fs.readFileSync(outJson, "utf8"));
  } catch {
    /* first run */
  }
  const key = (r: { lines: number; inflate: string }) => `${r.lines}/${r.inflate}`;
  const fresh = new Set((results as Array<{ lines: number; inflate: string }>).map(key));
  report.results = [...(previous.results ?? []).filter((r) => !fresh.has(key(r))), ...results].sort(
    (a, b) => (a as { lines: number }).lines - (b as { lines: number }).lines,
  );
  fs.writeFileSync(outJson, JSON.stringify(report, null, 2) + "\n");
  console.log(`figures: ${path.relative(root, outJson)}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
