/**
 * Issue #13, item 9: amounts stay exact to the cent however large (no floating-point
 * multiplication of long texts), a line above 10 milliards € gets a "montant invraisemblable"
 * warning, and a line beyond Number.MAX_SAFE_INTEGER cents (90 071 992 547 409,91 €) is rejected
 * with its value and the reason.
 */
import { render } from "../../src/core/messages/render";
import { isReconciled, runIntake, type MappedTable } from "../../src/core/intake";
import type { Cell, RawTable } from "../../src/core/model";
import { centsOfDigits, formatEurosBig, isImplausibleCents, PLAUSIBLE_LINE_MAX_CENTS } from "../../src/core/money";
import { parseAmountCents, parseAmountCentsExact } from "../../src/core/parse/number";

describe("exact cents from the digits", () => {
  it("90 071 992 547 409,93 € is 9 007 199 254 740 993 cents exactly (90 071 992 547 409 × 100 + 93)", () => {
    expect(centsOfDigits(false, "90071992547409", "93")).toBe(9_007_199_254_740_993n);
    expect(parseAmountCentsExact("90 071 992 547 409,93")).toBe(9_007_199_254_740_993n);
    expect(parseAmountCentsExact("90.071.992.547.409,93 €")).toBe(9_007_199_254_740_993n);
    // A double cannot hold it: the float path would have been off by at least one cent.
    expect(Number.isSafeInteger(9_007_199_254_740_993)).toBe(false);
  });

  it("rounds half away from zero at the cent, both signs (…123,455 → …12346; …123,454 → …12345)", () => {
    expect(parseAmountCentsExact("1 234 567 890 123,455")).toBe(123_456_789_012_346n);
    expect(parseAmountCentsExact("-1 234 567 890 123,455")).toBe(-123_456_789_012_346n);
    expect(parseAmountCentsExact("1 234 567 890 123,454")).toBe(123_456_789_012_345n);
    expect(parseAmountCentsExact("(1 234 567 890 123,455)")).toBe(-123_456_789_012_346n);
  });

  it("parseAmountCents keeps 16- and 17-digit amounts exact while they fit a safe integer", () => {
    // 12 345 678 901 234,56 € = 1 234 567 890 123 456 cents (16 digits).
    expect(parseAmountCents("12 345 678 901 234,56")).toBe(1_234_567_890_123_456);
    // 90 071 992 547 409,91 € = 9 007 199 254 740 991 cents = Number.MAX_SAFE_INTEGER: the last exact one.
    expect(parseAmountCents("90 071 992 547 409,91")).toBe(Number.MAX_SAFE_INTEGER);
    // One cent more (…409,92) or …409,93: no longer exact as a number → not an amount for the number path.
    expect(parseAmountCents("90 071 992 547 409,92")).toBeUndefined();
    expect(parseAmountCents("90 071 992 547 409,93")).toBeUndefined();
  });

  it("short amounts are unchanged (the usual path)", () => {
    expect(parseAmountCents("1 234,56 €")).toBe(123456);
    expect(parseAmountCentsExact("1 234,56 €")).toBe(123456n);
    expect(parseAmountCents(1.005)).toBe(101);
    expect(parseAmountCentsExact("12 %")).toBeUndefined();
    expect(parseAmountCentsExact("")).toBeNull();
  });

  it("formats big cents in French: 9 007 199 254 740 993 → 90 071 992 547 409,93 €", () => {
    expect(formatEurosBig(9_007_199_254_740_993n)).toBe("90\u202f071\u202f992\u202f547\u202f409,93 €");
    expect(formatEurosBig(-5n)).toBe("-0,05 €");
  });
});

describe("plausibility bound: 10 milliards € on one line", () => {
  it("is 1 000 000 000 000 cents; 20 milliards € is beyond, 10 milliards € itself is not", () => {
    expect(PLAUSIBLE_LINE_MAX_CENTS).toBe(10_000_000_000 * 100);
    expect(isImplausibleCents(2_000_000_000_000)).toBe(true);
    expect(isImplausibleCents(-2_000_000_000_000)).toBe(true);
    expect(isImplausibleCents(1_000_000_000_000)).toBe(false);
  });
});

const HEADER = ["Date mandat", "Collectivité", "Fournisseur", "Montant HT"];
const MAPPING = { date: 0, entity: 1, supplierName: 2, amountHT: 3 };

function mandats(rows: Cell[][]): MappedTable {
  const table: RawTable = { name: "Mandats", firstRow: 1, rows: [HEADER, ...rows] };
  return { table, kind: "spend", headerRowIndex: 0, mapping: MAPPING };
}

describe("spend intake with huge amounts", () => {
  const result = runIntake([
    mandats([
      /* row 2 */ ["15/03/2025", "Commune A", "Papeterie X", "1 234,56"],
      /* row 3 */ ["16/03/2025", "Commune A", "Papeterie X", "20 000 000 000,00"],
      /* row 4 */ ["17/03/2025", "Commune A", "Papeterie X", "90 071 992 547 409,93"],
      /* row 5 */ ["18/03/2025", "Commune A", "Papeterie X", "12 345 678 901 234,56"],
    ]),
  ]);
  const at = (row: number) => result.anomalies.filter((a) => a.row === row).map((a) => ({ ...a, reason: render("fr", a.reason) }));

  it("a line of 20 milliards € is analysed with the 'montant invraisemblable' warning and its value", () => {
    expect(result.spend.find((l) => l.source.row === 3)?.amountHTCents).toBe(2_000_000_000_000);
    expect(at(3)).toEqual([
      expect.objectContaining({ severity: "warning", field: "amountHT", value: "20 000 000 000,00", reason: expect.stringMatching(/^Montant invraisemblable \(20\u202f000\u202f000\u202f000,00 €\)/) }),
    ]);
  });

  it("a line beyond the exact range is rejected, with its exact value in the reason", () => {
    expect(result.spend.some((l) => l.source.row === 4)).toBe(false);
    expect(at(4)).toEqual([
      expect.objectContaining({ severity: "rejected", reason: expect.stringContaining("Montant hors limites (90\u202f071\u202f992\u202f547\u202f409,93 €)") }),
    ]);
  });

  it("a 16-digit line is read to the cent and warned about; the reconciliation is exact", () => {
    expect(result.spend.find((l) => l.source.row === 5)?.amountHTCents).toBe(1_234_567_890_123_456);
    expect(at(5).map((a) => a.severity)).toEqual(["warning"]);
    expect(at(2)).toEqual([]);
    const rec = result.reconciliation;
    // Analysed: 123 456 + 2 000 000 000 000 + 1 234 567 890 123 456 = 1 236 567 890 246 912 cents.
    expect(rec.amountAnalysedCents).toBe(1_236_567_890_246_912);
    expect(rec.rowsRead).toBe(4);
    expect(rec.rowsRejected).toBe(1);
    expect(isReconciled(rec)).toBe(true);
  });
});

describe("no crash on extreme numbers", () => {
  it("a number cell too large to scale (−1.8e306) is not an amount, and huge doubles are rounded, not thrown", () => {
    expect(parseAmountCentsExact(-1.797693134862316e306)).toBeUndefined();
    expect(parseAmountCents(-1.797693134862316e306)).toBeUndefined();
    // 1e17 € as a double: 1e19 cents, beyond the safe range, known exactly as a big integer.
    expect(parseAmountCentsExact(1e17)).toBe(10_000_000_000_000_000_000n);
  });
});
