/**
 * Issue #13, item 9: "read = analysed + rejected + set aside" holds to the cent whatever the
 * amounts, in the written report (Tableau de bord) and in the `--json` summary, even when a line is
 * beyond the exact range of a number (Number.MAX_SAFE_INTEGER cents = 90 071 992 547 409,91 €).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { AnalyseCommand } from "../../src/cli/args";
import { jsonEuros, type JsonSummary } from "../../src/cli/summary";
import { runAnalyseCaptured, type CapturedRun } from "../helpers/cli";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "optima-exact-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(inputs: string[], output: string, json: boolean): Promise<CapturedRun> {
  const cmd: AnalyseCommand = { command: "analyse", inputs, output, period: "2025", parametersFile: null, mappingFile: null, json, lang: "fr" };
  return runAnalyseCaptured(cmd);
}

// 12,34 € + 123 456 789 012 345 678,90 € (beyond the exact range: rejected) + 1,00 €:
// read     = 12,34 + 123 456 789 012 345 678,90 + 1,00 = 123 456 789 012 345 692,24 €
// analysed = 12,34 + 1,00 = 13,34 €; rejected = 123 456 789 012 345 678,90 €; set aside 0.
const CSV =
  "Date mandat;Fournisseur;Montant HT\n" +
  "15/01/2025;Papeterie Martin;12,34\n" +
  "16/01/2025;Papeterie Martin;123 456 789 012 345 678,90\n" +
  "17/01/2025;Garage Dupuis;1,00\n";

const NNBSP = "\u202f";
const READ_TEXT = ["123", "456", "789", "012", "345", "692,24 €"].join(NNBSP);
const REJECTED_TEXT = ["123", "456", "789", "012", "345", "678,90 €"].join(NNBSP);

describe("a line beyond the exact range: the reconciliation is exact to the cent", () => {
  let summary: JsonSummary;
  let text: string;
  let out: string;

  beforeAll(async () => {
    const csv = path.join(dir, "mandats.csv");
    fs.writeFileSync(csv, CSV);
    out = path.join(dir, "rapport.xlsx");
    const res = await run([csv], out, true);
    expect(res.code).toBe(0);
    summary = JSON.parse(res.stdout) as JsonSummary;
    const plain = await run([csv], path.join(dir, "rapport-texte.xlsx"), false);
    text = plain.stdout;
  }, 120_000);

  it("the JSON summary gives the totals beyond the safe range as exact decimal strings", () => {
    expect(summary.reconciliation).toMatchObject({
      rowsRead: 3,
      rowsAnalysed: 2,
      rowsRejected: 1,
      amountRead: "123456789012345692.24",
      amountAnalysed: 13.34,
      amountRejected: "123456789012345678.90",
      amountSetAside: 0,
    });
  });

  it("the terminal summary shows the exact amounts", () => {
    expect(text).toContain(`montants ${READ_TEXT} = 13,34 € + ${REJECTED_TEXT}`);
  });

  it("the Tableau de bord writes the exact amounts as text, and its check says OK", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Tableau de bord");
    expect(ws).toBeDefined();
    // The reconciliation block: the row whose first cell is « Lignes lues » and the next ones.
    let readRow = -1;
    ws!.eachRow((row, n) => {
      if (readRow < 0 && row.getCell(1).value === "Lignes lues") readRow = n;
    });
    expect(readRow).toBeGreaterThan(0);
    // The block's label spans columns A–E, its line count F–G and its amount H–I (tile grid).
    const cell = (r: number, c: number) => ws!.getRow(r).getCell(c).value;
    expect(cell(readRow, 6)).toBe(3);
    expect(cell(readRow, 8)).toBe(READ_TEXT);
    expect(cell(readRow + 1, 8)).toBe(13.34);
    expect(cell(readRow + 3, 8)).toBe(REJECTED_TEXT);
    expect(cell(readRow + 4, 8)).toBe(0);
    // The check (two rows below « mis de côté »): rows by formula, amounts by the exact check.
    const check = ws!.getRow(readRow + 5).getCell(6).value as { formula?: string } | null;
    expect(check?.formula).toMatch(/^IF\(AND\(F\d+=F\d+\+F\d+,TRUE\),"OK"/);
  });
});

describe("jsonEuros: a number when JSON's number is the exact amount, else the exact decimal", () => {
  it.each([
    [1234n, 12.34],
    [320000n, 3200],
    [-5n, -0.05],
    [0n, 0],
    // 90 071 992 547 409,91 € (MAX_SAFE_INTEGER cents): a double cannot hold these cents exactly.
    [9_007_199_254_740_991n, "90071992547409.91"],
    [12_345_678_901_234_569_224n, "123456789012345692.24"],
    [-12_345_678_901_234_567_890n, "-123456789012345678.90"],
    [1230n, 12.3],
  ])("%p cents → %p", (cents, expected) => {
    expect(jsonEuros(cents)).toBe(expected);
  });
});
