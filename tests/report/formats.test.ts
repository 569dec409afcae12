/**
 * French formats of the written sheets (issue #12, item 8): years without a thousands separator,
 * counts with one, one unit per value, a reference's value said once, decimals with a comma.
 */
import type { IndicatorResult } from "../../src/core/indicators/types";
import { formats, referenceLabel } from "../../src/report/cells";
import { coverageCount } from "../../src/report/layout";
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

test("coverage counts get thousands separators: 8 861 / 8 861 lignes", () => {
  const ind = { coverage: { n: 8861, N: 12000, of: "lignes" } } as IndicatorResult;
  expect(coverageCount("fr", ind)).toBe("8\u202f861 / 12\u202f000 lignes");
  expect(coverageCount("en", ind)).toBe("8,861 / 12,000 lignes");
});

test("indicator summary tables: one unit per value (the value's format), no unit column beside it", () => {
  const t = spec.sheets.find((s) => s.key === "dashboard")!.tables.find((x) => x.name === "tblTdbIndicateurs")!;
  expect(t.columns.map((c) => c.key)).not.toContain("unit");
  const sp1 = t.rows.findIndex((r) => plainValue(r[0]) === "SP1");
  expect(t.cellFormats!.find((f) => f.row === sp1 && f.key === "value")!.numberFormat).toBe('#,##0.00 "€"');
});

test("a reference whose label says its value is not followed by it again", () => {
  expect(referenceLabel("fr", { label: "Délai global de paiement : 30 jours (50 jours pour les établissements publics de santé)", unit: "days", value: 30 })).toBe(
    "Délai global de paiement : 30 jours (50 jours pour les établissements publics de santé)",
  );
  expect(referenceLabel("fr", { label: "Objectif PNAD", unit: "%", value: 30 })).toBe("Objectif PNAD (30,0 %)");
});

test("the Gini coefficient is written with a decimal comma (0,062), not 0.0621", () => {
  const notes = spec.sheets.find((s) => s.key === "territoires")!.blocks.map((b) => plainValue(b.values[0][0])).filter((v) => typeof v === "string" && v.startsWith("Gini"));
  expect(notes).toHaveLength(1);
  expect(notes[0]).toMatch(/^Gini : \d,\d{3}$/);
});
