/**
 * Every formula the report writes can be computed by the preview (so the browser preview shows
 * what Excel shows): each function it calls is one the preview evaluator knows, and each formula
 * of a full workbook spec evaluates to a value (not "cannot compute"), in French and in English,
 * on a rich analysis, a spend-only one and an empty one.
 */
import { buildWorkbookSpec } from "../../src/report/workbook";
import type { Lang } from "../../src/report/labels";
import type { SheetSpec, WorkbookSpec } from "../../src/report/spec";
import { writtenCells } from "../../src/report/grid";
import { functionsOf, SUPPORTED_FUNCTIONS } from "../../src/taskpane/preview/formula";
import { createValueEvaluator } from "../../src/taskpane/preview/workbook-values";
import { emptyAnalysis, richAnalysis, spendOnlyAnalysis } from "../report/fixture";

interface FormulaSite {
  sheet: SheetSpec;
  at: string;
  formula: string;
}

function formulasOf(spec: WorkbookSpec): FormulaSite[] {
  return spec.sheets.flatMap((sheet) =>
    [...writtenCells(sheet)].flatMap(([at, v]) =>
      v !== null && typeof v === "object" && "formula" in v ? [{ sheet, at, formula: v.formula }] : []
    )
  );
}

const CASES: [string, () => ReturnType<typeof richAnalysis>][] = [
  ["rich", richAnalysis],
  ["spend only", spendOnlyAnalysis],
  ["empty", emptyAnalysis],
];

describe.each(["fr", "en"] as Lang[])("report formulas in the preview (%s)", (lang) => {
  test.each(CASES)("%s analysis: every formula uses known functions and evaluates", (_, make) => {
    const spec = buildWorkbookSpec(make(), { runDate: "2026-12-01", sources: ["Mandats"], lang });
    const sites = formulasOf(spec);
    expect(sites.length).toBeGreaterThan(10);
    const byName = new Map(spec.sheets.map((s) => [s.name, s]));
    const values = createValueEvaluator({ byName: (n) => byName.get(n) ?? null });
    const unknown = sites.flatMap((s) => functionsOf(s.formula).filter((f) => !SUPPORTED_FUNCTIONS.includes(f)).map((f) => `${s.sheet.name}!${s.at} ${f}: ${s.formula}`));
    expect(unknown).toEqual([]);
    const uncomputable = sites.filter((s) => values.formulaValue(s.sheet, s.formula) === undefined).map((s) => `${s.sheet.name}!${s.at}: ${s.formula}`);
    expect(uncomputable).toEqual([]);
  });
});

test("the reconciliation check of the anomalies sheet computes « OK » on a reconciled analysis", () => {
  const spec = buildWorkbookSpec(richAnalysis(), { runDate: "2026-12-01", sources: ["Mandats"], lang: "fr" });
  const byName = new Map(spec.sheets.map((s) => [s.name, s]));
  const values = createValueEvaluator({ byName: (n) => byName.get(n) ?? null });
  const checks = formulasOf(spec).filter((s) => s.formula.includes("AND(") && s.formula.includes('"OK"'));
  expect(checks.length).toBeGreaterThan(0);
  for (const c of checks) expect(values.formulaValue(c.sheet, c.formula)).toBe("OK");
});
