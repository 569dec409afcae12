import { dayFromIso } from "../../../src/core/dates";
import {
  hhi,
  monthKeyer,
  previousYearMonth,
  sortedByCentsDesc,
  sumBy,
  topShare,
  totalCents,
} from "../../../src/core/indicators/aggregate";
import { spend } from "../../helpers/fixtures";

describe("sumBy", () => {
  it("sums cents and counts lines per key, netting credit notes", () => {
    const lines = [
      spend({ amount: 100, supplierName: "A" }),
      spend({ amount: 50.5, supplierName: "B" }),
      spend({ amount: -20, supplierName: "A" }),
      spend({ amount: 0.01, supplierName: "A" }),
    ];
    const bySupplier = sumBy(lines, (l) => l.supplierKey);
    // A: 10 000 − 2 000 + 1 = 8 001 cents over 3 lines; B: 5 050 cents, 1 line.
    expect(bySupplier.get("a")).toEqual({ cents: 8001, lines: 3 });
    expect(bySupplier.get("b")).toEqual({ cents: 5050, lines: 1 });
    expect([...bySupplier.keys()]).toEqual(["a", "b"]);
  });

  it("keeps the total: Σ of the buckets equals Σ of the lines", () => {
    const lines = [spend({ amount: 1.1, entity: "X" }), spend({ amount: 2.2, entity: "Y" }), spend({ amount: 3.3, entity: "X" })];
    const byEntity = sumBy(lines, (l) => l.entity);
    const sum = [...byEntity.values()].reduce((s, b) => s + b.cents, 0);
    expect(sum).toBe(totalCents(lines));
    expect(sum).toBe(660);
  });
});

describe("hhi", () => {
  it("is Σ share² × 10 000 with shares as fractions: 50/30/20 → 3 800", () => {
    // 0.5² + 0.3² + 0.2² = 0.25 + 0.09 + 0.04 = 0.38 → 3 800
    expect(hhi([50, 30, 20])).toBeCloseTo(3800, 6);
  });

  it("does not depend on the unit of the amounts", () => {
    expect(hhi([5_000_00, 3_000_00, 2_000_00])).toBeCloseTo(3800, 6);
  });

  it("is 10 000 for a single supplier and 10 000 / n for n equal suppliers", () => {
    expect(hhi([123])).toBe(10_000);
    expect(hhi([1, 1, 1, 1])).toBeCloseTo(2500, 6);
  });

  it("ignores non-positive amounts (net credits hold no share)", () => {
    // Base = 50 + 50 = 100 → 0.25 + 0.25 = 0.5 → 5 000
    expect(hhi([50, 50, -30, 0])).toBeCloseTo(5000, 6);
  });

  it("returns 0 when no amount is positive", () => {
    expect(hhi([])).toBe(0);
    expect(hhi([-5])).toBe(0);
  });
});

describe("topShare", () => {
  it("takes the k largest positive amounts over the positive total", () => {
    // 30 + 20 + 15 + 10 + 10 = 85 of 100
    expect(topShare([10, 30, 5, 10, 20, 15, 10], 5)).toBeCloseTo(85, 9);
    expect(topShare([10, 30, 5, 10, 20, 15, 10], 1)).toBeCloseTo(30, 9);
  });

  it("is null when nothing is positive", () => {
    expect(topShare([0, -1], 5)).toBeNull();
  });
});

describe("sortedByCentsDesc", () => {
  it("sorts by amount descending and breaks ties by key", () => {
    const m = new Map([
      ["b", { cents: 5 }],
      ["a", { cents: 5 }],
      ["c", { cents: 9 }],
    ]);
    expect(sortedByCentsDesc(m).map((e) => e[0])).toEqual(["c", "a", "b"]);
  });
});

describe("month keys", () => {
  it("memoises YYYY-MM of day numbers", () => {
    const key = monthKeyer();
    expect(key(dayFromIso("2025-02-28"))).toBe("2025-02");
    expect(key(dayFromIso("2025-03-01"))).toBe("2025-03");
    expect(key(dayFromIso("2025-02-28"))).toBe("2025-02");
  });

  it("gives the same month one year earlier", () => {
    expect(previousYearMonth("2025-01")).toBe("2024-01");
    expect(previousYearMonth("2000-12")).toBe("1999-12");
  });
});
