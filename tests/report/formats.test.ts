/**
 * French formats of the written sheets (issue #12, item 8): years without a thousands separator,
 * counts with one, one unit per value, a reference's value said once, decimals with a comma.
 */
import { formats } from "../../src/report/cells";
import { coverageWords } from "../../src/report/labels";
import { plainValue } from "../../src/report/spec";
import { buildWorkbookSpec } from "../../src/report/workbook";
import { richAnalysis } from "./fixture";

const spec = buildWorkbookSpec(richAnalysis(), { runDate: "2026-01-15", sources: ["Mandats"] });

test("year columns are formatted « 0 » (2026), never « #,##0 » (2 026)", () => {
  const years = spec.sheets.flatMap((s) => s.tables.flatMap((t) => t.columns.filter((c) => c.key === "year")));
  expect(years.length).toBeGreaterThanOrEqual(3);
  for (const c of years) expect(c.numberFormat).toBe(formats("fr").year);
  expect(formats("fr").year).toBe("0");
});

test("coverage counts get thousands separators: 8 861 / 12 000 lignes", () => {
  expect(coverageWords("fr", { n: 8861, N: 12000, of: "lines" })).toContain("8\u202f861");
  expect(coverageWords("fr", { n: 8861, N: 12000, of: "lines" })).toContain("12\u202f000");
  expect(coverageWords("en", { n: 8861, N: 12000, of: "lines" })).toContain("8,861");
});

test("indicator summary tables: one unit per value (the value's format), no unit column beside it", () => {
  const t = spec.sheets.find((s) => s.key === "dashboard")!.tables.find((x) => x.name === "tblTdbIndicateurs")!;
  expect(t.columns.map((c) => c.key)).not.toContain("unit");
  const sp1 = t.rows.findIndex((r) => plainValue(r[0]) === "SP1");
  expect(t.cellFormats!.find((f) => f.row === sp1 && f.key === "value")!.numberFormat).toBe('#,##0.00 "€"');
});


test("the Gini coefficient is written with a decimal comma (0,062), not 0.0621", () => {
  const notes = spec.sheets.find((s) => s.key === "territoires")!.blocks.map((b) => plainValue(b.values[0][0])).filter((v) => typeof v === "string" && v.startsWith("Gini"));
  expect(notes).toHaveLength(1);
  expect(notes[0]).toMatch(/^Gini : \d,\d{3}$/);
});
