/**
 * Issue #13, item 9: amounts stay exact to the cent however large (no floating-point
 * multiplication of long texts), a line above 10 milliards € gets a "montant invraisemblable"
 * warning, and a line beyond Number.MAX_SAFE_INTEGER cents (90 071 992 547 409,91 €) is rejected
 * with its value and the reason.
 */
import { render } from "../../src/core/messages/render";
import { addCents, isReconciled, reconcile, runIntake, type MappedTable } from "../../src/core/intake";
import { emptyTableReconciliation } from "../../src/core/intake/rows";
import type { Cell, IntakeResult, RawTable } from "../../src/core/model";
import { centsOfDigits, formatEurosBig, htFromTtc, htFromTtcExact, isImplausibleCents, PLAUSIBLE_LINE_MAX_CENTS } from "../../src/core/money";
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

function at(result: IntakeResult, row: number) {
  return result.anomalies.filter((a) => a.row === row).map((a) => ({ ...a, reason: render("fr", a.reason) }));
}

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

describe("exact reconciliation totals whatever the amounts (issue #13, item 9)", () => {
  // 12,34 € + 123 456 789 012 345 678,90 € (beyond the exact range: rejected) + 1,00 €.
  // Read = 1 234 + 12 345 678 901 234 567 890 + 100 = 12 345 678 901 234 569 224 cents
  //      = 123 456 789 012 345 692,24 €; analysed = 1 234 + 100 = 1 334; rejected = 12 345 678 901 234 567 890.
  const result = runIntake([
    mandats([
      /* row 2 */ ["15/03/2025", "Commune A", "Papeterie X", "12,34"],
      /* row 3 */ ["16/03/2025", "Commune A", "Papeterie X", "123 456 789 012 345 678,90"],
      /* row 4 */ ["17/03/2025", "Commune A", "Papeterie X", "1,00"],
    ]),
  ]);

  it("counts a rejected line beyond the exact range at its exact value in the amounts read and rejected", () => {
    const rec = result.reconciliation;
    expect(rec.rowsRead).toBe(3);
    expect(rec.rowsRejected).toBe(1);
    expect(rec.exactCents).toEqual({
      read: "12345678901234569224",
      analysed: "1334",
      rejected: "12345678901234567890",
      setAside: "0",
    });
    expect(rec.tables[0].exactCents).toEqual(rec.exactCents);
    expect(isReconciled(rec)).toBe(true);
    expect(isReconciled(rec.tables[0])).toBe(true);
  });

  it("the rejection still gives the exact value in its reason", () => {
    expect(at(result, 3)).toEqual([
      expect.objectContaining({ severity: "rejected", reason: expect.stringContaining("123\u202f456\u202f789\u202f012\u202f345\u202f678,90 €") }),
    ]);
  });

  it("an exact sum beyond the safe range of analysed lines keeps its last cent (5·10^15 + 5·10^15 + 1 cents)", () => {
    // Each line of 50 000 000 000 000,00 € is 5 000 000 000 000 000 cents (a safe integer), their sum
    // 10^16 is not; with 0,01 € more the exact total is 10 000 000 000 000 001 cents, which a
    // double would round to 10^16.
    const r = runIntake([
      mandats([
        ["15/03/2025", "Commune A", "Papeterie X", "50 000 000 000 000,00"],
        ["15/03/2025", "Commune A", "Papeterie X", "50 000 000 000 000,00"],
        ["15/03/2025", "Commune A", "Papeterie X", "0,01"],
      ]),
    ]).reconciliation;
    expect(r.rowsAnalysed).toBe(3);
    expect(r.exactCents).toEqual({ read: "10000000000000001", analysed: "10000000000000001", rejected: "0", setAside: "0" });
    expect(isReconciled(r)).toBe(true);
  });

  it("a TTC beyond the exact range is counted at its exact HT (123 456 789 012 345 678,90 TTC at 20 % → HT 102 880 657 510 288 065,75)", () => {
    // 12 345 678 901 234 567 890 × 100 / 120 = 10 288 065 751 028 806 575 cents exactly.
    const table: RawTable = {
      name: "Factures",
      firstRow: 1,
      rows: [
        ["Date", "Fournisseur", "Montant HT", "Montant TTC"],
        ["15/03/2025", "Papeterie X", null, "123 456 789 012 345 678,90"],
        ["16/03/2025", "Papeterie X", "10,00", null],
      ],
    };
    const r = runIntake([{ table, kind: "spend", headerRowIndex: 0, mapping: { date: 0, supplierName: 1, amountHT: 2, amountTTC: 3 } }]);
    expect(r.anomalies).toEqual([expect.objectContaining({ row: 2, field: "amountTTC", severity: "rejected" })]);
    expect(r.reconciliation.exactCents).toEqual({
      read: "10288065751028807575",
      analysed: "1000",
      rejected: "10288065751028806575",
      setAside: "0",
    });
    expect(isReconciled(r.reconciliation)).toBe(true);
  });

  it("small amounts keep plain numbers (no exact field): the usual case is unchanged", () => {
    const r = runIntake([mandats([["15/03/2025", "Commune A", "Papeterie X", "12,34"]])]).reconciliation;
    expect(r.exactCents).toBeUndefined();
    expect(r.amountReadCents).toBe(1234);
  });

  it("the workbook total adds the exact totals of its tables (10^16 + 1 cents over two tables)", () => {
    const r = reconcile([
      { ...emptyTableReconciliation("A", "spend"), rowsRead: 1, rowsAnalysed: 1, amountReadCents: 5_000_000_000_000_000, amountAnalysedCents: 5_000_000_000_000_000 },
      { ...emptyTableReconciliation("B", "spend"), rowsRead: 1, rowsAnalysed: 1, amountReadCents: 5_000_000_000_000_001, amountAnalysedCents: 5_000_000_000_000_001 },
    ]);
    expect(r.exactCents).toEqual({ read: "10000000000000001", analysed: "10000000000000001", rejected: "0", setAside: "0" });
    expect(isReconciled(r)).toBe(true);
    // A gap of one cent is seen, even where doubles would not see it.
    const off = { ...r, exactCents: { ...r.exactCents!, analysed: "10000000000000000" } };
    expect(isReconciled(off)).toBe(false);
  });

  it("addCents with a big integer inside the safe range stays a number", () => {
    const rec = emptyTableReconciliation("A", "spend");
    addCents(rec, "amountReadCents", 123n);
    expect(rec.amountReadCents).toBe(123);
    expect(rec.exactCents).toBeUndefined();
  });
});

describe("htFromTtcExact rounds as htFromTtc does (hand values)", () => {
  it.each([
    [12_000n, 20, 10_000n], // 120,00 TTC at 20 % → 100,00 HT
    [1_055n, 5.5, 1_000n], // 10,55 at 5,5 % → 10,00
    [-1_200n, 20, -1_000n],
    [3n, 20, 3n], // 2,5 cents → 3 (half towards +∞, like Math.round)
    [-3n, 20, -2n], // −2,5 cents → −2
    [1n, 20, 1n], // 0,833 → 1
  ])("%p cents TTC at %p %% → %p cents HT", (ttc, rate, ht) => {
    expect(htFromTtcExact(ttc, rate)).toBe(ht);
    expect(htFromTtc(Number(ttc), rate)).toBe(Number(ht));
  });
});
