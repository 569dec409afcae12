/**
 * Sheet titles and page headers say the period as a reader does (issue #12: a report for élus);
 * the canonical label stays in the stamp and the history, which match on it.
 */
import { monthPeriod, rangePeriod, yearPeriod } from "../../src/core/period";
import { periodTitle } from "../../src/report/labels";

describe("periodTitle: the period in words", () => {
  test.each([
    [yearPeriod(2025), "2025", "2025"],
    [monthPeriod(2025, 3), "mars 2025", "March 2025"],
    [rangePeriod(2026, 1, 2026, 10), "janvier à octobre 2026", "January to October 2026"],
    [rangePeriod(2025, 10, 2026, 3), "octobre 2025 à mars 2026", "October 2025 to March 2026"],
    [rangePeriod(2024, 12, 2024, 12), "décembre 2024", "December 2024"],
  ])("%j → « %s » / « %s »", (period, fr, en) => {
    expect(periodTitle("fr", period)).toBe(fr);
    expect(periodTitle("en", period)).toBe(en);
  });
});
