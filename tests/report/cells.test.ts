import { dateSerial, fraction, monthSerial, needsTextMarker, numberText, textCell, unitText } from "../../src/report/cells";
import { isValidSheetName, isValidTableName, plainValue } from "../../src/report/spec";

describe("text safety", () => {
  test.each([
    '=HYPERLINK("x")',
    "+33 1 23 45 67 89",
    "-12",
    "@SUM(A1)",
    "\tx",
    "00123",
    "01234567800011",
    "1 234,56 €",
    "12 %",
    "1e5",
    "2025-03",
    "2025",
    "01/02/2025",
    "1/2",
    "10:30",
    "TRUE",
    "faux",
    "janv. 2025",
    "Mar-25",
  ])("%p is marked as text", (s) => {
    expect(needsTextMarker(s)).toBe(true);
    expect(textCell(s)).toEqual({ text: true, value: s });
  });

  test.each(["Alpha", "Commune A", "F:INFO", "actions/F:INFO", "STR-01", "M-X", "Lot 12", "3M", "Fournitures de bureau", ""])("%p stays a plain string", (s) => {
    expect(needsTextMarker(s)).toBe(false);
    expect(textCell(s)).toBe(s);
  });

  test("null stays null; plainValue unwraps", () => {
    expect(textCell(null)).toBeNull();
    expect(plainValue({ text: true, value: "=x" })).toBe("=x");
    expect(plainValue({ formula: "=A1" })).toBe("=A1");
    expect(plainValue(3)).toBe(3);
  });
});

describe("unit conversions", () => {
  test("percentages become fractions without binary noise", () => {
    expect(fraction(14.29)).toBe(0.1429);
    expect(fraction(100)).toBe(1);
    expect(fraction(null)).toBeNull();
    expect(fraction(Number.NaN)).toBeNull();
  });

  test("ISO dates and months become Excel serials (1900 system)", () => {
    expect(dateSerial("1970-01-01")).toBe(25569);
    expect(dateSerial("2025-03-01")).toBe(45717);
    expect(monthSerial("2025-03")).toBe(45717);
    expect(dateSerial("n/a")).toBeNull();
    expect(monthSerial("2025")).toBeNull();
  });

  test("numbers in words follow the language", () => {
    expect(numberText("fr", 1234567.891, 1)).toBe("1\u202f234\u202f567,9");
    expect(numberText("en", 1234567.891, 1)).toBe("1,234,567.9");
    expect(unitText("fr", "%", 30)).toBe("30,0 %");
    expect(unitText("fr", "EUR", 50_000_000)).toBe("50\u202f000\u202f000 €");
    expect(unitText("en", "EUR", 1500)).toBe("€1,500");
  });
});

describe("Excel names", () => {
  test.each(["tblCartoFamilles", "_x", "tbl.Plan_2"])("%p is a valid table name", (n) => expect(isValidTableName(n)).toBe(true));
  test.each(["", "1tbl", "A1", "XFD100", "R1C1", "r", "C", "tbl Plan", "tbl-Plan", "x".repeat(256)])("%p is not a valid table name", (n) =>
    expect(isValidTableName(n)).toBe(false),
  );
  test("sheet names", () => {
    expect(isValidSheetName("Achats responsables")).toBe(true);
    expect(isValidSheetName("Plan/2025")).toBe(false);
    expect(isValidSheetName("x".repeat(32))).toBe(false);
    expect(isValidSheetName("'x")).toBe(false);
  });
});
