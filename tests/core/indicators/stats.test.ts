import { coefficientOfVariation, gini, mean, populationStdDev, quantile } from "../../../src/core/indicators/stats";

describe("quantile (type 7: linear interpolation between order statistics)", () => {
  const values = [50, 10, 40, 20, 30]; // sorted: 10, 20, 30, 40, 50 ; h = (n − 1)·p = 4p

  it("interpolates between the two order statistics around (n − 1)·p", () => {
    expect(quantile(values, 0.1)).toBeCloseTo(14, 10); // h = 0.4 → 10 + 0.4 × (20 − 10)
    expect(quantile(values, 0.25)).toBe(20); // h = 1 → x[1]
    expect(quantile(values, 0.5)).toBe(30); // h = 2 → x[2]
    expect(quantile(values, 0.9)).toBeCloseTo(46, 10); // h = 3.6 → 40 + 0.6 × (50 − 40)
  });

  it("gives the minimum at p = 0 and the maximum at p = 1", () => {
    expect(quantile(values, 0)).toBe(10);
    expect(quantile(values, 1)).toBe(50);
  });

  it("does not depend on the order of the values and does not modify them", () => {
    const copy = [...values];
    expect(quantile([30, 50, 10, 20, 40], 0.9)).toBeCloseTo(46, 10);
    quantile(values, 0.5);
    expect(values).toEqual(copy);
  });

  it("returns the value itself for a single value and null when empty", () => {
    expect(quantile([7], 0.9)).toBe(7);
    expect(quantile([], 0.5)).toBeNull();
  });

  it("rejects a probability outside [0, 1]", () => {
    expect(() => quantile(values, 1.5)).toThrow(RangeError);
  });
});

describe("coefficientOfVariation (population σ / mean)", () => {
  it("divides the population standard deviation by the mean", () => {
    // mean 5 ; squared deviations 9+1+1+1+0+0+4+16 = 32 ; σ = √(32/8) = 2 ; CV = 2/5 = 0.4
    const xs = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(mean(xs)).toBe(5);
    expect(populationStdDev(xs)).toBe(2);
    expect(coefficientOfVariation(xs)).toBeCloseTo(0.4, 12);
  });

  it("is 0 for equal values", () => {
    expect(coefficientOfVariation([3, 3, 3])).toBe(0);
  });

  it("is null when empty or when the mean is 0 (undefined, not 0)", () => {
    expect(coefficientOfVariation([])).toBeNull();
    expect(coefficientOfVariation([-1, 1])).toBeNull();
  });
});

describe("gini (population formula Σ|xi − xj| / (2·n²·μ))", () => {
  it("is 0 for perfect equality", () => {
    expect(gini([1, 1, 1, 1])).toBe(0);
  });

  it("is 0.75 when one of four holds everything (1 − 1/n)", () => {
    // Σ|xi − xj| over ordered pairs = 6 ; 2 × 16 × 0.25 = 8 ; 6 / 8 = 0.75
    expect(gini([0, 0, 0, 1])).toBeCloseTo(0.75, 12);
  });

  it("matches the pairwise definition on an uneven distribution", () => {
    // [1, 2, 3]: Σ|xi − xj| = 2 × (1 + 2 + 1) = 8 ; 2 × 9 × 2 = 36 ; 8 / 36 = 0.2222…
    expect(gini([3, 1, 2])).toBeCloseTo(8 / 36, 12);
  });

  it("is invariant to scale and order", () => {
    expect(gini([20, 40, 60, 5])).toBeCloseTo(gini([3, 1, 0.25, 2]) as number, 12);
  });

  it("is null when empty, all zero or with a negative value", () => {
    expect(gini([])).toBeNull();
    expect(gini([0, 0])).toBeNull();
    expect(gini([-1, 2])).toBeNull();
  });
});
