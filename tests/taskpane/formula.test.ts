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
    // Functions the report writes (plan, diagnostic, anomalies) and their neighbours.
    ['=IF(AND(B1=10,ROUND(B2-B1,2)=10),"OK","Écart")', "OK"],
    ['=IF(OR(B1>50,B2>50),"oui","non")', "non"],
    ['=IFERROR(MATCH(LEFT("2 - souvent",1),{"0","1","2","3"},0)-1,"")', 2], // "2" is the 3rd item,
    ['=IFERROR(MATCH(LEFT("",1),{"0","1","2","3"},0)-1,"")', ""],
    ["=IFERROR(B1/0,-1)", -1],
    ['=MATCH("avertissement",A1:A3,0)', 2],
    ["=INDEX(B1:B3,3)", 30],
    ['=RIGHT("CPV-45",2)&MID("abcdef",2,3)&LEN("abc")', "45bcd3"],
    ['=COUNTIFS(A1:A3,"Rejetée",B1:B3,">15")', 1],
    ['=SUMIFS(B1:B3,A1:A3,"Rejetée",B1:B3,"<25")', 10],
    ["=NOT(ISBLANK(C2))", false],
    ["=2^3*-1", -8],
    ['=HYPERLINK("#\'Plan\'!A1","Voir le plan")', "Voir le plan"],
  ])("%s → %p", (formula, expected) => {
    expect(evaluateFormula(formula, ctx)).toEqual(expected);
  });

  it("gives up on what it does not know (the preview then shows the formula)", () => {
    expect(evaluateFormula("=VLOOKUP(A1,B1:C3,2,FALSE)", ctx)).toBeUndefined();
    expect(evaluateFormula("=SUM(", ctx)).toBeUndefined();
  });

  it("shows Excel's error values, as Excel does", () => {
    expect(evaluateFormula("=B1/0", ctx)).toBe("#DIV/0!");
    expect(evaluateFormula('=MATCH("x",A1:A3,0)', ctx)).toBe("#N/A");
    expect(evaluateFormula("=A1*2", ctx)).toBe("#VALUE!");
  });

  it("evaluates only the branch IF and IFERROR choose", () => {
    // The untaken branch divides by zero: Excel never evaluates it.
    expect(evaluateFormula("=IF(B1>5,B1,B1/0)", ctx)).toBe(10);
    expect(evaluateFormula("=IFERROR(B1,B1/0)", ctx)).toBe(10);
  });
});
