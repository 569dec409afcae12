/**
 * The `analyse` command end to end on real files (demo workbook, real DECP, French CSV) and on bad
 * inputs: exit code, message, and nothing written on failure.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AnalyseCommand } from "../../src/cli/args";
import { runAnalyseCaptured } from "../helpers/cli";
import type { JsonSummary } from "../../src/cli/summary";
import { readOwnedInputs } from "../../src/file/write-workbook";
import { openXlsx } from "../../src/file/xlsx-reader";
import { readUserInputs } from "../../src/report/inputs";

const ROOT = path.resolve(__dirname, "..", "..");
const DEMO = path.join(ROOT, "examples", "achats-demo.xlsx");
const DECP = path.join(ROOT, "tests", "fixtures", "real", "decp-2019-pes.json");

const SPEC_IDS = [
  ...["SP1", "SP2", "SP3", "SP4", "SP5", "SP6"],
  ...["PF1", "PF2", "PF3", "PF4", "PF5", "PF6", "PF7", "PF8"],
  ...["CO1", "CO2", "CO3", "CO4", "CO5", "CO6"],
  ...["RE1", "RE2", "RE3", "RE4", "RE5", "RE6", "RE7", "RE8"],
  ...["MU1", "MU2", "MU3", "MU4", "MU5", "MU6"],
  ...["TE1", "TE2", "TE3", "TE4"],
];

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "optima-cli-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function command(inputs: string[], output: string, extra: Partial<AnalyseCommand> = {}): AnalyseCommand {
  return { command: "analyse", inputs, output, period: null, parametersFile: null, mappingFile: null, json: true, lang: "fr", ...extra };
}

const run = runAnalyseCaptured;

describe("analyse on the demo workbook", () => {
  let result: { code: number; stdout: string; stderr: string };
  let summary: JsonSummary;
  const out = () => path.join(dir, "demo.xlsx");

  beforeAll(async () => {
    result = await run(command([DEMO], out(), { period: "2025" }));
    summary = JSON.parse(result.stdout) as JsonSummary;
  }, 120_000);

  it("exits 0 and writes the workbook", () => {
    expect(result.code).toBe(0);
    expect(fs.statSync(out()).size).toBeGreaterThan(10_000);
  });

  it("prints the JSON summary with every SPEC indicator id as a key", () => {
    expect(Object.keys(summary.indicators).sort()).toEqual([...SPEC_IDS].sort());
    expect(summary.period).toBe("2025");
    expect(summary.inputs).toEqual([DEMO]);
    for (const i of Object.values(summary.indicators)) {
      if (i.unit === "%" && i.value !== null) {
        expect(i.value).toBeGreaterThanOrEqual(0);
        expect(i.value).toBeLessThanOrEqual(100);
      }
    }
  });

  it("reconciles rows and amounts in the summary", () => {
    const r = summary.reconciliation;
    expect(r.rowsRead).toBe(r.rowsAnalysed + r.rowsRejected);
    expect(Math.round(Number(r.amountRead) * 100)).toBe(Math.round(Number(r.amountAnalysed) * 100) + Math.round(Number(r.amountRejected) * 100));
    expect(summary.anomalies).toBeGreaterThan(0);
  });

  it("reports progress stages on stderr as plain lines when stderr is not a terminal", () => {
    expect(result.stderr).toMatch(/\[1\/4\] lecture/);
    expect(result.stderr).toMatch(/\[4\/4\] écriture/);
    expect(result.stderr).not.toMatch(/\r/);
  });
});

describe("analyse on the real DECP file", () => {
  it("imports the 1 148 contracts and analyses them on awarded amounts (issue #11 §1)", async () => {
    const out = path.join(dir, "decp.xlsx");
    const res = await run(command([DECP], out, { period: "2018-10..2019-03" }));
    expect(res.code).toBe(0);
    const s = JSON.parse(res.stdout) as JsonSummary;
    expect(s.reconciliation.rowsRead).toBe(1148);
    // Σ montant of the 1 098 contracts notified 2018-10..2019-03 with a plausible amount (≥ 1 €,
    // not a run of 9s), read from the raw JSON with a separate script: 369 939 280,31 €.
    expect(s.basis).toBe("awarded");
    expect(s.indicators.SP1).toMatchObject({ value: 369_939_280.31, basis: "awarded" });
    expect(s.indicators.SP5.value).toBeNull();
    expect(s.indicators.PF2.value).not.toBeNull();
  }, 120_000);
});

describe("analyse on a French CSV export", () => {
  it("reads ';' separators, comma decimals and a BOM, and totals the amounts to the cent", async () => {
    const csv = path.join(dir, "mandats.csv");
    fs.writeFileSync(
      csv,
      "\ufeffDate mandat;Fournisseur;Montant HT;Code famille\n" +
        "15/01/2025;Papeterie Martin;1 234,56;FOU\n" +
        "20/02/2025;Garage Dupuis;\"2 000,00\";VEH\n" +
        "03/03/2025;Papeterie Martin;(34,56);FOU\n",
    );
    const res = await run(command([csv], path.join(dir, "csv.xlsx"), { period: "2025" }));
    expect(res.code).toBe(0);
    const s = JSON.parse(res.stdout) as JsonSummary;
    // 1 234,56 + 2 000,00 − 34,56 = 3 200,00 €
    expect(s.indicators.SP1.value).toBe(3200);
    expect(s.reconciliation).toMatchObject({ rowsRead: 3, rowsAnalysed: 3, rowsRejected: 0, amountRead: 3200 });
  }, 120_000);
});

describe("in-place monthly runs on a workbook holding a « Fournisseurs » input sheet (issue #12)", () => {
  it("runs twice in place: no name clash, the output is never read back as input, one history row per month", async () => {
    const file = path.join(dir, "en-place.xlsx");
    fs.copyFileSync(DEMO, file);
    const first = await run(command([file], file, { period: "2026-09" }));
    expect(first.stderr).not.toMatch(/Erreur/);
    expect(first.code).toBe(0);
    const second = await run(command([file], file, { period: "2026-10" }));
    expect(second.stderr).not.toMatch(/Erreur/);
    expect(second.code).toBe(0);
    const a = JSON.parse(first.stdout) as JsonSummary;
    const b = JSON.parse(second.stdout) as JsonSummary;
    // The same source rows both times: the sheets written by the first run are not inputs.
    expect(b.reconciliation.rowsRead).toBe(a.reconciliation.rowsRead);
    const book = await openXlsx(file);
    const names = book.sheets.map((x) => x.name);
    expect(names).toContain("Fournisseurs");
    expect(names).toContain("Analyse fournisseurs");
    expect(names.some((n) => /\(2\)$/.test(n))).toBe(false);
    const history = readUserInputs(await readOwnedInputs(file)).history.map((h) => String(h.period));
    expect(history.sort()).toEqual(["2026-09", "2026-10"]);
  }, 240_000);
});

describe("the honest period (issue #12) on a small CSV", () => {
  const csvOf = () => {
    const csv = path.join(dir, "ytd.csv");
    // Data from 02/01/2025 to 30/10/2026: Jan–Oct 2025 = 100 + 50 = 150; Jan–Oct 2026 = 120 + 60 = 180 → +20 %
    fs.writeFileSync(
      csv,
      "Date mandat;Fournisseur;Montant HT\n" +
        "02/01/2025;Papeterie Martin;100,00\n" +
        "15/10/2025;Papeterie Martin;50,00\n" +
        "20/12/2025;Garage Dupuis;1 000,00\n" +
        "10/02/2026;Papeterie Martin;120,00\n" +
        "30/10/2026;Garage Dupuis;60,00\n",
    );
    return csv;
  };

  it("the automatic period is the year to date, compared with the same months of the year before, and the summary says the data's range", async () => {
    const res = await run(command([csvOf()], path.join(dir, "ytd.xlsx"), { json: false }));
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^Analyse 2026-01\.\.2026-10 \(du 01\/01\/2026 au 31\/10\/2026\) écrite dans /);
    expect(res.stdout).toMatch(/Données du 02\/01\/2025 au 30\/10\/2026 ; comparaison avec 2025-01\.\.2025-10/);
    const json = await run(command([csvOf()], path.join(dir, "ytd2.xlsx")));
    const s = JSON.parse(json.stdout) as JsonSummary;
    expect(s.indicators.SP6.value).toBe(20);
    expect(s.data).toEqual({ start: "2025-01-02", end: "2026-10-30" });
  }, 120_000);

  it("a negative rejected amount reads « − 50,00 € », never « + -50,00 € »", async () => {
    const csv = path.join(dir, "avoir-rejete.csv");
    // 100,00 analysed; the credit of −50,00 has no date: rejected → read 50,00 = 100,00 − 50,00
    fs.writeFileSync(csv, "Date mandat;Fournisseur;Montant HT\n02/03/2026;Papeterie Martin;100,00\n;Garage Dupuis;-50,00\n");
    const res = await run(command([csv], path.join(dir, "avoir.xlsx"), { json: false }));
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/montants 50,00 € = 100,00 € − 50,00 €/);
    expect(res.stdout).not.toMatch(/\+ -/);
  }, 120_000);

  it("a period with no data exits 1 with a French message, and writes nothing", async () => {
    const out = path.join(dir, "vide.xlsx");
    const res = await run(command([csvOf()], out, { period: "2027" }));
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/Erreur : Aucune donnée sur la période 2027 .* les dépenses lues vont du 02\/01\/2025 au 30\/10\/2026/);
    expect(fs.existsSync(out)).toBe(false);
  }, 120_000);
});

describe("bad inputs: exit code 1, a French message naming the file, nothing written", () => {
  const cases: [string, () => string, RegExp][] = [
    ["a missing file", () => path.join(dir, "absent.xlsx"), /absent\.xlsx.*introuvable/],
    [
      "an unsupported format",
      () => {
        const f = path.join(dir, "notes.txt");
        fs.writeFileSync(f, "bonjour");
        return f;
      },
      /notes\.txt.*\.xlsx, \.csv, ou \.json \/ \.xml/,
    ],
    [
      "a corrupt zip",
      () => {
        const f = path.join(dir, "corrompu.xlsx");
        fs.writeFileSync(f, Buffer.from("PK\u0003\u0004 ceci n'est pas une archive complète"));
        return f;
      },
      /corrompu\.xlsx/,
    ],
    [
      "a truncated workbook",
      () => {
        const f = path.join(dir, "tronque.xlsx");
        const bytes = fs.readFileSync(DEMO);
        fs.writeFileSync(f, bytes.subarray(0, Math.floor(bytes.length / 2)));
        return f;
      },
      /tronque\.xlsx/,
    ],
    [
      "a spend table without its amount column",
      () => {
        const f = path.join(dir, "sans-montant.csv");
        fs.writeFileSync(f, "Date mandat;Fournisseur;Objet\n15/01/2025;Papeterie Martin;Ramettes\n");
        return f;
      },
      /Montant/,
    ],
  ];

  it.each(cases)("%s", async (_name, make, message) => {
    const input = make();
    const out = path.join(dir, `out-${path.basename(input)}.xlsx`);
    const res = await run(command([input], out));
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(message);
    expect(res.stderr).toMatch(/^Erreur : /m);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }, 60_000);
});

describe("the optima-achats launcher", () => {
  const launcher = path.join(ROOT, "scripts", "optima-achats.mjs");

  it("exits 2 with the usage on a usage error, and writes nothing", () => {
    const out = path.join(dir, "usage.xlsx");
    const res = spawnSync(process.execPath, [launcher, "analyse", DEMO, "-o", out, "--periode", "2025-13"], { encoding: "utf8" });
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/Période « 2025-13 » non reconnue/);
    expect(fs.existsSync(out)).toBe(false);
  }, 60_000);

  it("prints its version", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(execFileSync(process.execPath, [launcher, "--version"], { encoding: "utf8" }).trim()).toBe(`optima-achats ${pkg.version}`);
  }, 60_000);
});
