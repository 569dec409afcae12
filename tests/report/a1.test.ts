import { a1, columnIndex, columnLetter, formulaReferences, parseA1, quoteSheet, rangeA1, sheetRangeA1 } from "../../src/report/a1";

describe("columnLetter / columnIndex", () => {
  test.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("%i ↔ %s", (col, letters) => {
    expect(columnLetter(col)).toBe(letters);
    expect(columnIndex(letters)).toBe(col);
    expect(columnIndex(letters.toLowerCase())).toBe(col);
  });

  test("round trip over the first 2 000 columns", () => {
    for (let c = 0; c < 2000; c++) expect(columnIndex(columnLetter(c))).toBe(c);
  });

  test("rejects out-of-range columns and bad letters", () => {
    expect(() => columnLetter(-1)).toThrow();
    expect(() => columnLetter(16384)).toThrow();
    expect(() => columnLetter(1.5)).toThrow();
    expect(() => columnIndex("A1")).toThrow();
  });
});

describe("a1 / rangeA1 / sheet references", () => {
  test("0-based addresses", () => {
    expect(a1(0, 0)).toBe("A1");
    expect(a1(9, 27)).toBe("AB10");
    expect(a1(2, 1, true)).toBe("$B$3");
    expect(() => a1(-1, 0)).toThrow();
  });

  test("ranges are normalised; a single cell stays a cell", () => {
    expect(rangeA1(4, 3, 1, 0)).toBe("A2:D5");
    expect(rangeA1(1, 1, 1, 1)).toBe("B2");
    expect(rangeA1(0, 0, 2, 0, true)).toBe("$A$1:$A$3");
  });

  test("sheet names are quoted, embedded quotes doubled", () => {
    expect(quoteSheet("Tableau de bord")).toBe("'Tableau de bord'");
    expect(quoteSheet("L'équipe")).toBe("'L''équipe'");
    expect(sheetRangeA1("Plan stratégique", 2, 1, 4, 2)).toBe("'Plan stratégique'!$B$3:$C$5");
    expect(sheetRangeA1("Diagnostic 360", 34, 2)).toBe("'Diagnostic 360'!$C$35");
  });

  test("parseA1", () => {
    expect(parseA1("B3")).toEqual({ row: 2, col: 1 });
    expect(parseA1("$XFD$1048576")).toEqual({ row: 1048575, col: 16383 });
    expect(parseA1("A0")).toBeNull();
    expect(parseA1("SUM")).toBeNull();
  });
});

describe("formulaReferences", () => {
  test("cells and ranges, with and without sheets", () => {
    const refs = formulaReferences("=SUM(B2:B9)+'Plan stratégique'!$C$4+Feuil1!A1");
    expect(refs.map((r) => [r.sheet, r.r1, r.c1, r.r2, r.c2])).toEqual([
      [null, 1, 1, 8, 1],
      ["Plan stratégique", 3, 2, 3, 2],
      ["Feuil1", 0, 0, 0, 0],
    ]);
  });

  test("ignores string literals and function names with digits", () => {
    expect(formulaReferences('=IF(A1="B2","C3",LOG10(D4))').map((r) => r.text)).toEqual(["A1", "D4"]);
    expect(formulaReferences('=COUNTIF($A$1:$A$9,"Stratégique")').map((r) => r.text)).toEqual(["$A$1:$A$9"]);
  });

  test("doubled quotes in sheet names", () => {
    expect(formulaReferences("='L''équipe'!B2")[0].sheet).toBe("L'équipe");
  });

  test("array constants and text digits are not references", () => {
    expect(formulaReferences('=IFERROR(MATCH(LEFT(E8,1),{"0","1","2","3"},0)-1,"")').map((r) => r.text)).toEqual(["E8"]);
  });
});
