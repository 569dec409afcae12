/**
 * The dashboard of a contracts-only input says it is an analysis of awarded contracts (issue #11
 * §1): « Analyse des marchés attribués » in its title and a note saying what the amounts are.
 */
import { analyse } from "../../src/core/analyse";
import { yearPeriod } from "../../src/core/period";
import { writtenCells } from "../../src/report/grid";
import { plainValue, type SheetSpec } from "../../src/report/spec";
import { buildWorkbookSpec } from "../../src/report/workbook";
import { contract, intakeOf, spend } from "../helpers/fixtures";

const OPTIONS = { runDate: "2026-01-15", sources: ["Marches"] };

function dashboardTexts(parts: Parameters<typeof intakeOf>[0]): string[] {
  const a = analyse(intakeOf(parts), { period: yearPeriod(2025) });
  const spec = buildWorkbookSpec(a, OPTIONS);
  const sheet = spec.sheets.find((s) => s.name === "Tableau de bord") as SheetSpec;
  return [...writtenCells(sheet).values()].map((v) => String(plainValue(v)));
}

describe("dashboard stamp of the analysis basis", () => {
  const register = [contract({ amount: 50_000, notified: "2025-03-01" })];

  test("a contracts-only input: « Analyse des marchés attribués » and the note on awarded amounts", () => {
    const texts = dashboardTexts({ contracts: register });
    expect(texts.some((t) => t.includes("Analyse des marchés attribués"))).toBe(true);
    expect(texts.some((t) => /calculés sur les montants attribués des marchés/.test(t))).toBe(true);
  });

  test("with spend lines the dashboard does not say so", () => {
    const texts = dashboardTexts({ contracts: register, spend: [spend({ amount: 100 })] });
    expect(texts.some((t) => t.includes("Analyse des marchés attribués"))).toBe(false);
  });
});
