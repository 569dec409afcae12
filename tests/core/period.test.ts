/**
 * The honest period (issue #12, item 1): the automatic period is the year to date when the latest
 * year is incomplete, a comparison with the year before uses the same months on both sides, and a
 * period holding no data is an error (French message), not a workbook of N/D.
 */
import { render } from "../../src/core/messages/render";
import { analyse, indicator } from "../../src/core/analyse";
import { dayFromIso } from "../../src/core/dates";
import {
  automaticPeriod,
  comparedPeriod,
  dataRange,
  parsePeriod,
  PeriodError,
  rangePeriod,
  yearPeriod,
} from "../../src/core/period";
import { contract, intakeOf, spend } from "../helpers/fixtures";

const d = dayFromIso;

describe("automatic period: the year to date when the latest year is incomplete", () => {
  it("data ending on 30/10/2026 give 1 January to 31 October 2026", () => {
    const p = automaticPeriod({ start: d("2025-01-02"), end: d("2026-10-30") });
    expect(p).toEqual({ kind: "range", start: d("2026-01-01"), end: d("2026-10-31"), label: "2026-01..2026-10" });
  });

  it("data reaching December give the civil year", () => {
    expect(automaticPeriod({ start: d("2025-01-02"), end: d("2025-12-03") })).toEqual(yearPeriod(2025));
  });

  it("data ending in January give that month", () => {
    expect(automaticPeriod({ start: d("2025-01-02"), end: d("2026-01-20") }).label).toBe("2026-01");
  });

  it("the data range leaves out dates far in the future of the others (2099 among 2025)", () => {
    const days = [d("2025-01-02"), d("2025-06-30"), d("2025-10-30"), d("2099-01-01")];
    expect(dataRange(days)).toEqual({ start: d("2025-01-02"), end: d("2025-10-30") });
  });
});

describe("compared period: a full-year comparison only between full years", () => {
  it("a civil year whose data stop on 30/10 is compared over January–October", () => {
    const p = comparedPeriod(yearPeriod(2026), { start: d("2025-01-02"), end: d("2026-10-30") });
    expect(p.label).toBe("2026-01..2026-10");
    expect(p.end).toBe(d("2026-10-31"));
  });

  it("a period the data reach to its last month is compared whole", () => {
    expect(comparedPeriod(yearPeriod(2025), { start: d("2024-01-02"), end: d("2025-12-03") })).toEqual(yearPeriod(2025));
    expect(comparedPeriod(parsePeriod("2026-03"), { start: d("2025-01-02"), end: d("2026-03-02") }).label).toBe("2026-03");
  });
});

describe("SP6 on a year to date (hand-computed)", () => {
  // 2025: Jan 1 000, Mar 500, Oct 300, Nov 2 000, Dec 4 000 (Jan–Oct 2025 = 1 800; whole 2025 = 7 800).
  // 2026: Feb 900, Apr 700, 30 Oct 200 (Jan–Oct 2026 = 1 800).
  const lines = () => [
    spend({ amount: 1000, on: "2025-01-02" }),
    spend({ amount: 500, on: "2025-03-15" }),
    spend({ amount: 300, on: "2025-10-31" }),
    spend({ amount: 2000, on: "2025-11-15" }),
    spend({ amount: 4000, on: "2025-12-15" }),
    spend({ amount: 900, on: "2026-02-10" }),
    spend({ amount: 700, on: "2026-04-10" }),
    spend({ amount: 200, on: "2026-10-30" }),
  ];

  it("the automatic period is 2026-01..2026-10 and SP6 compares it with 2025-01..2025-10: 1 800 vs 1 800 → 0 %", () => {
    const a = analyse(intakeOf({ spend: lines() }));
    expect(a.period.label).toBe("2026-01..2026-10");
    expect(a.previousPeriod.label).toBe("2025-01..2025-10");
    expect(a.dataRange).toEqual({ start: d("2025-01-02"), end: d("2026-10-30") });
    const sp6 = indicator(a, "SP6");
    // (1 800 − 1 800) / 1 800 = 0 %; against the whole of 2025 it would have read (1 800 − 7 800) / 7 800 = −76,9 %
    expect(sp6.value).toBe(0);
    expect(sp6.details).toMatchObject({ currentAmount: 1800, previousAmount: 1800, previousLines: 3 });
  });

  it("an explicit civil year 2026 is still compared over the months with data (Jan–Oct)", () => {
    const a = analyse(intakeOf({ spend: lines() }), { period: yearPeriod(2026) });
    expect(a.period.label).toBe("2026");
    expect(a.previousPeriod.label).toBe("2025-01..2025-10");
    expect(indicator(a, "SP6").value).toBe(0);
    expect(indicator(a, "SP6").details).toMatchObject({ comparedPeriod: "2026-01..2026-10", previousAmount: 1800 });
  });

  it("an explicit full year 2025 is compared with 2024 only when 2024 is covered: here N/A", () => {
    const a = analyse(intakeOf({ spend: lines() }), { period: yearPeriod(2025) });
    // 2025 is a full year (data reach December) → compared whole, with 2024, which has no line.
    expect(a.previousPeriod.label).toBe("2024");
    expect(indicator(a, "SP6").value).toBeNull();
  });

  it("is N/A when the data start after the beginning of the comparison period (unequal periods)", () => {
    // Data from 15/06/2025: the 2025 comparison period (Jan–Oct) is only covered from June.
    const a = analyse(
      intakeOf({
        spend: [spend({ amount: 100, on: "2025-06-15" }), spend({ amount: 100, on: "2026-02-01" }), spend({ amount: 100, on: "2026-10-01" })],
      })
    );
    const sp6 = indicator(a, "SP6");
    expect(sp6.value).toBeNull();
    expect(render("fr", sp6.na!)).toMatch(/commencent le 15\/06\/2025/);
  });
});

describe("a period with no data is an error, not a workbook of N/D", () => {
  it("a period after the data: PeriodError of kind 'empty' naming the data's range", () => {
    const intake = intakeOf({ spend: [spend({ on: "2025-01-02" }), spend({ on: "2026-10-30" })] });
    let error: unknown = null;
    try {
      analyse(intake, { period: yearPeriod(2027) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PeriodError);
    expect((error as PeriodError).kind).toBe("empty");
    expect((error as PeriodError).message).toBe(
      "Aucune donnée sur la période 2027 (du 01/01/2027 au 31/12/2027) : les dépenses lues vont du 02/01/2025 au 30/10/2026. " +
        "Choisissez une période dans cet intervalle, ou laissez la période automatique."
    );
  });

  it("a period with contracts notified but no spend line is analysed (DECP data)", () => {
    const intake = intakeOf({ spend: [spend({ on: "2025-01-02" })], contracts: [contract({ notified: "2026-03-01" })] });
    expect(analyse(intake, { period: rangePeriod(2026, 1, 2026, 6) }).period.label).toBe("2026-01..2026-06");
  });

  it("a mistyped period is still a usage error (kind 'invalid')", () => {
    expect(() => parsePeriod("2026-13")).toThrow(PeriodError);
    try {
      parsePeriod("2026-13");
    } catch (e) {
      expect((e as PeriodError).kind).toBe("invalid");
    }
  });
});
