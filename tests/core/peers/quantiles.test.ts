import { MIN_BUYERS, positionOf, quantileSorted, summarize } from "../../../src/core/peers/quantiles";

// Hand-computed type-7 quantiles (h = (n − 1)·p, linear interpolation; Excel QUARTILE.INC):
// sorted x = [2, 4, 4, 5, 7, 9, 10], n = 7, h = 6p.
//   Q1: h = 1.5 → x1 + 0.5·(x2 − x1) = 4 + 0.5·0 = 4        (QUARTILE.INC(…;1) = 4)
//   median: h = 3 → x3 = 5
//   Q3: h = 4.5 → x4 + 0.5·(x5 − x4) = 7 + 0.5·2 = 8      (QUARTILE.INC(…;3) = 8)
//   D1: h = 0.6 → 2 + 0.6·2 = 3.2 ; D2: h = 1.2 → 4 ; D4: h = 2.4 → 4 + 0.4·1 = 4.4
//   D6: h = 3.6 → 5 + 0.6·2 = 6.2 ; D7: h = 4.2 → 7 + 0.2·2 = 7.4 ; D9: h = 5.4 → 9 + 0.4·1 = 9.4
//   mean = 41 / 7 = 5.857142… → 5.8571
const SEVEN = [10, 4, 2, 9, 4, 7, 5];

describe("type-7 quantiles (linear interpolation, as QUARTILE.INC)", () => {
  test("quartiles, deciles and mean of a 7-value fixture computed by hand", () => {
    const d = summarize(SEVEN);
    expect(d).not.toBeNull();
    expect(d!.n).toBe(7);
    expect(d!.q1).toBe(4);
    expect(d!.median).toBe(5);
    expect(d!.q3).toBe(8);
    expect(d!.deciles[0]).toBeCloseTo(3.2, 10);
    expect(d!.deciles[1]).toBe(4);
    expect(d!.deciles[3]).toBeCloseTo(4.4, 10);
    expect(d!.deciles[5]).toBeCloseTo(6.2, 10);
    expect(d!.deciles[6]).toBeCloseTo(7.4, 10);
    expect(d!.deciles[8]).toBeCloseTo(9.4, 10);
    expect(d!.mean).toBe(5.8571);
  });

  test("5 values [0, 10, 20, 30, 40]: h = 4p, Q1 = x1 = 10, Q3 = x3 = 30, D1 = 0.4·10 = 4, D9 = 30 + 0.6·10 = 36", () => {
    const d = summarize([30, 0, 40, 10, 20])!;
    expect([d.q1, d.median, d.q3]).toEqual([10, 20, 30]);
    expect(d.deciles[0]).toBeCloseTo(4, 10);
    expect(d.deciles[8]).toBeCloseTo(36, 10);
  });

  test("no figure from fewer than 5 buyers", () => {
    expect(MIN_BUYERS).toBe(5);
    expect(summarize([1, 2, 3, 4])).toBeNull();
    expect(summarize([1, 2, 3, 4, Number.NaN])).toBeNull(); // NaN is not a buyer value
    expect(summarize([1, 2, 3, 4, 5])).not.toBeNull();
  });

  test("quantileSorted edges: one value, p = 0 and p = 1, empty", () => {
    expect(quantileSorted([7], 0.5)).toBe(7);
    expect(quantileSorted([1, 2, 3], 0)).toBe(1);
    expect(quantileSorted([1, 2, 3], 1)).toBe(3);
    expect(quantileSorted([], 0.5)).toBeNull();
  });
});

describe("position of a value in a distribution", () => {
  const d = summarize(SEVEN)!;
  test("6 is in the 3rd quartile (5 < 6 ≤ 8), percentile 50 + (6 − 5)/(6.2 − 5)·10 = 58.3", () => {
    expect(positionOf(6, d)).toEqual({ quartile: 3, percentile: 58.3, beyond: null });
  });
  test("4 equals D2 = Q1 = D3: 1st quartile, percentile in the middle of the tied run (20..30) = 25", () => {
    expect(positionOf(4, d)).toEqual({ quartile: 1, percentile: 25, beyond: null });
  });
  test("below D1 and above D9 are clamped to 10 and 90 and said so", () => {
    expect(positionOf(1, d)).toEqual({ quartile: 1, percentile: 10, beyond: "below" });
    expect(positionOf(12, d)).toEqual({ quartile: 4, percentile: 90, beyond: "above" });
  });
});
