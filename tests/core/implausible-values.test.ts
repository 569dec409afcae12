/**
 * Values that read as valid but are not what they seem (issue #13, item 2): a percentage in an
 * amount column, and a date far in the future choosing the automatic period.
 */
import { render } from "../../src/core/messages/render";
import { analyse } from "../../src/core/analyse";
import { dayFromIso } from "../../src/core/dates";
import { parseAmountCents, parseNumber } from "../../src/core/parse/number";
import { farFutureYears, latestYearPeriod } from "../../src/core/period";
import { intakeOf, spend } from "../helpers/fixtures";

describe("a percentage is not an amount", () => {
  it.each(["12 %", "12%", "5,5 %", "(3 %)"])("%s is an unreadable amount, not euros", (text) => {
    expect(parseAmountCents(text)).toBeUndefined();
  });

  it("stays a number for rates (parseNumber), and amounts with € still read", () => {
    expect(parseNumber("12 %")).toBe(12);
    expect(parseAmountCents("12 €")).toBe(1200);
    expect(parseAmountCents("1 234,56")).toBe(123456);
  });
});

describe("a date far in the future does not choose the automatic period", () => {
  const days = (spec: [string, number][]) => spec.flatMap(([iso, n]) => Array<number>(n).fill(dayFromIso(iso)));

  it("2099 among 2025 lines is far in the future; the period stays 2025", () => {
    const d = days([["2025-03-01", 9], ["2099-03-01", 1]]);
    expect([...farFutureYears(d)]).toEqual([2099]);
    expect(latestYearPeriod(d)?.label).toBe("2025");
  });

  it("several isolated future years are all left out (2099 and 2050 among 2024–2025)", () => {
    const d = days([["2024-06-01", 4], ["2025-03-01", 5], ["2050-01-01", 1], ["2099-03-01", 1]]);
    expect([...farFutureYears(d)].sort()).toEqual([2050, 2099]);
    expect(latestYearPeriod(d)?.label).toBe("2025");
  });

  it("consecutive years, or a later year holding more lines, are genuine", () => {
    expect(farFutureYears(days([["2025-03-01", 9], ["2026-01-05", 1]])).size).toBe(0);
    expect(farFutureYears(days([["2022-03-01", 2], ["2025-03-01", 9]])).size).toBe(0);
    expect(latestYearPeriod(days([["2022-03-01", 2], ["2025-03-01", 9]]))?.label).toBe("2025");
  });

  it("analyse warns on the far-future line, counts it in the reconciliation, and keeps 2025", () => {
    const lines = [1, 2, 3, 4].map((i) => spend({ amount: 10 * i, on: "2025-0" + i + "-15" }));
    const typo = spend({ amount: 5, on: "2099-01-15" });
    const intake = intakeOf({ spend: [...lines, typo] });
    const before = intake.reconciliation.rowsWithWarning;
    const a = analyse(intake);
    // 2025, the year to date (its data stop in April, issue #12), not 2099
    expect(a.period.label).toBe("2025-01..2025-04");
    const w = a.anomalies.filter((x) => x.field === "date" && /Date en 2099/.test(render("fr", x.reason)));
    expect(w).toEqual([expect.objectContaining({ table: typo.source.table, row: typo.source.row, value: "2099-01-15", severity: "warning" })]);
    expect(a.reconciliation.rowsWithWarning).toBe(before + 1);
    // The intake is not changed (the pane analyses it again on a period change).
    expect(intake.reconciliation.rowsWithWarning).toBe(before);
    expect(intake.anomalies.some((x) => /Date en 2099/.test(render("fr", x.reason)))).toBe(false);
  });
});
