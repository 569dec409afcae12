/** The preview's formula evaluator: what the report's formulas need, and nothing it pretends to do. */
import { evaluateFormula, type FValue } from "../../src/taskpane/preview/formula";

const SHEETS: Record<string, FValue[][]> = {
  here: [
    ["Rejetée", 10, 0.25],
    ["Avertissement", 20, null],
    ["Rejetée", 30, "x"],
  ],
  "Diagnostic 360": [[null, 3]],
};

const ctx = {
  cell: (sheet: string | null, row: number, col: number): FValue => SHEETS[sheet ?? "here"]?.[row]?.[col] ?? null,
};

describe("preview formula evaluator", () => {
  it.each([
    ["=MAX(0,1-C1)", 0.75],
    ["=B1-B2", -10],
    ["=SUM(B1:B3)", 60],
    ["=ROUND(B1*C1,2)", 2.5],
    ['=COUNTIF(A1:A3,"Rejetée")', 2],
    ['=SUMIF(A1:A3,"Rejetée",B1:B3)', 40],
    ["=COUNT(A1:C3)", 4],
    ["=SUM(B2:B3)/COUNT(B2:B3)", 25],
    ["='Diagnostic 360'!B1*2", 6],
    ['=IF(\'Diagnostic 360\'!A1="","",\'Diagnostic 360\'!A1)', ""],
    ['=IF(B1>5,"oui","non")', "oui"],
    ['="N° "&B1', "N° 10"],
  ])("%s → %p", (formula, expected) => {
    expect(evaluateFormula(formula, ctx)).toEqual(expected);
  });

  it("gives up on what it does not know (the preview then shows the formula)", () => {
    expect(evaluateFormula("=VLOOKUP(A1,B1:C3,2,FALSE)", ctx)).toBeUndefined();
    expect(evaluateFormula("=B1/0", ctx)).toBeUndefined();
    expect(evaluateFormula("=SUM(", ctx)).toBeUndefined();
  });
});
