/**
 * A detail table longer than the sheet (issue #13, item 3): cut at the sheet's last row with a
 * visible note, the full list in a CSV beside the workbook, never a crash after the analysis.
 * The limit is lowered (lastRow) so that the test does not write a million rows; the code path is
 * the one Excel's 1 048 576 rows take.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readCsv } from "../../src/file/csv-reader";
import { csvPathFor, EXCEL_LAST_ROW, fitToSheetRows } from "../../src/file/sheet-limits";
import { writeWorkbook } from "../../src/file/write-workbook";
import { openXlsx } from "../../src/file/xlsx-reader";
import { demoSpec } from "./xlsx-writer-helpers";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "optima-limits-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The demo spec with the Anomalies table made `n` rows long. */
function withAnomalies(n: number) {
  const spec = demoSpec();
  const sheet = spec.sheets.find((s) => s.key === "anomalies")!;
  const t = sheet.tables[0];
  const template = t.rows[0];
  t.rows = Array.from({ length: n }, (_, i) => template.map((v, c) => (c === 0 ? `Ligne ${i + 1}` : v)));
  return { spec, sheet, table: t };
}

describe("tables past the sheet's last row", () => {
  it("Excel's last row is 1 048 576 (0-based 1 048 575)", () => {
    expect(EXCEL_LAST_ROW + 1).toBe(1_048_576);
  });

  it("a spec that fits is left as it is", () => {
    const spec = demoSpec();
    expect(fitToSheetRows(spec, path.join(dir, "r.xlsx")).spec).toBe(spec);
  });

  it("are cut with a note, the full list goes to a CSV beside the workbook", async () => {
    const { spec, sheet, table } = withAnomalies(1000);
    const out = path.join(dir, "rapport.xlsx");
    const lastRow = 499; // 500 sheet rows (the other demo sheets are shorter)
    const report = await writeWorkbook(spec, out, { lastRow });
    // Header on sheet row table.row + 1; the data end on the row before the last (the note's).
    const kept = lastRow - table.row - 1;
    expect(report.cutTables).toEqual([{ sheet: sheet.name, table: table.name, rows: 1000, kept, csv: csvPathFor(path.resolve(out), table.name) }]);

    const csv = await readCsv(report.cutTables[0].csv);
    expect(csv.rows).toHaveLength(1001);
    expect(csv.rows[0]).toEqual(table.columns.map((c) => c.header));
    expect(csv.rows[1000][0]).toBe("Ligne 1000");

    const book = await openXlsx(out);
    const rows: unknown[][] = [];
    await book.readRows(sheet.name, (r, n) => {
      rows[n - 1] = r;
    });
    expect(rows.length).toBe(lastRow + 1);
    expect(rows[table.row + kept]?.[table.col]).toBe(`Ligne ${kept}`);
    // 499 − table.row (7) − 1 = 491 rows kept.
    expect(kept).toBe(491);
    expect(String(rows[lastRow]?.[table.col])).toMatch(/Liste coupée à la limite d'Excel : 491 lignes sur 1\u202f000 ci-dessus ; la liste complète est dans « rapport\.tblAnomalies\.csv »/);
  }, 60_000);
});
