/** The automatic period is the latest civil year holding the bulk of the data (issue #11 §5). */
import { bulkYear, describeBulkYear } from "../../src/core/bulk-year";
import { render } from "../../src/core/messages/render";
import { dayFromIso, frenchDate } from "../../src/core/dates";

const days = (spec: [string, number][]) => spec.flatMap(([iso, n]) => Array<number>(n).fill(dayFromIso(iso)));

describe("bulkYear", () => {
  test("a handful of late rows do not choose the year: 7 in 2025 among 7 267 in 2024 → 2024", () => {
    // The national consolidated extract: 7 267 contracts notified in 2024, 7 on 2025-01-01.
    const b = bulkYear(days([["2024-07-01", 7_267], ["2025-01-01", 7]]));
    expect(b?.year).toBe(2024);
    expect(b?.leftOut).toEqual([{ year: 2025, count: 7 }]);
    expect([b?.first, b?.last]).toEqual([dayFromIso("2024-07-01"), dayFromIso("2025-01-01")]);
  });

  test("a year to date with a real share of the data is chosen (2 months ≈ 1/6 of 2024's rows)", () => {
    expect(bulkYear(days([["2024-06-01", 1_200], ["2025-02-01", 200]]))?.year).toBe(2025);
  });

  test("the threshold is 10 % of the busiest year: 99 of 1 000 is left out, 100 is not", () => {
    expect(bulkYear(days([["2023-03-01", 1_000], ["2024-03-01", 99]]))?.year).toBe(2023);
    expect(bulkYear(days([["2023-03-01", 1_000], ["2024-03-01", 100]]))?.year).toBe(2024);
  });

  test("older sparse years do not matter; one year alone is itself; no data is null", () => {
    expect(bulkYear(days([["2019-01-01", 1], ["2022-05-01", 50]]))?.year).toBe(2022);
    expect(bulkYear(days([["2010-05-01", 3]]))?.year).toBe(2010);
    // A single late record is a handful even in a small file (9 in 2025, 1 in 2026 → 2025).
    expect(bulkYear(days([["2025-03-01", 9], ["2026-01-05", 1]]))?.year).toBe(2025);
    expect(bulkYear([])).toBeNull();
  });

  test("the choice is described in French with the data's date range", () => {
    const b = bulkYear(days([["2024-01-02", 20], ["2025-01-15", 1]]));
    expect(render("fr", describeBulkYear(b!, frenchDate))).toBe(
      `Période automatique : 2024 (données du ${frenchDate(dayFromIso("2024-01-02"))} au ${frenchDate(dayFromIso("2025-01-15"))} ; année écartée, trop peu de données — 2025 : 1 ligne)`
    );
  });
});
