import { computeGroup } from "../../../src/core/indicators/registry";
import fc from "fast-check";
import { fr } from "../../helpers/messages";
import type { IndicatorResult, Row } from "../../../src/core/indicators/types";
import {
  concentration,
  paretoClasses,
  spendByFamily,
  tailThresholdCents,
} from "../../../src/core/indicators/spend";
import type { SpendLine } from "../../../src/core/model";
import { monthPeriod, rangePeriod, yearPeriod } from "../../../src/core/period";
import { contextOf, contract, spend } from "../../helpers/fixtures";

const fam = (key: string, label = key) => ({ family: { key, label, rule: "familyCode" as const } });

function indicators(lines: SpendLine[], period = yearPeriod(2025)): Record<string, IndicatorResult> {
  const results = computeGroup(contextOf({ spend: lines }, { period }), "SP");
  return Object.fromEntries(results.map((r) => [r.id, r]));
}

/** Σ of a table's `amount` column, in cents (exact). */
function tableCents(rows: readonly Row[]): number {
  return rows.reduce((s, r) => s + Math.round((r.amount as number) * 100), 0);
}

function tableShare(rows: readonly Row[]): number {
  return rows.reduce((s, r) => s + (r.share as number), 0);
}

/** A small mixed fixture: 3 suppliers, 2 families, 2 entities, a credit note, 3 months. */
function mixedLines(): SpendLine[] {
  return [
    spend({ amount: 1000, ttc: 1200, supplierName: "Alpha", entity: "Commune A", service: "Voirie", territory: "Nord", on: "2025-01-10", ...fam("F:VOI", "Voirie") }),
    spend({ amount: 250.25, supplierName: "Beta", entity: "Commune B", service: null, territory: "Sud", on: "2025-01-20", ...fam("F:INF", "Informatique") }),
    spend({ amount: 333.33, ttc: 399.99, supplierName: "Beta", entity: "Commune A", service: "DSI", territory: null, on: "2025-02-03", ...fam("F:INF", "Informatique") }),
    spend({ amount: -100, supplierName: "Alpha", entity: "Commune A", service: "Voirie", territory: "Nord", on: "2025-03-15", ...fam("F:VOI", "Voirie") }),
    spend({ amount: 0.42, supplierName: "Gamma", entity: "Commune B", service: "DSI", territory: "Sud", on: "2025-03-31", ...fam("F:INF", "Informatique") }),
  ];
}

describe("SP1 total spend", () => {
  it("sums HT net of credit notes and reports TTC over the lines that have it", () => {
    const r = indicators(mixedLines()).SP1;
    // 1 000 + 250,25 + 333,33 − 100 + 0,42 = 1 484,00
    expect(r.value).toBe(1484);
    expect(r.unit).toBe("EUR");
    // TTC on 2 of 5 lines: 1 200 + 399,99 = 1 599,99 → 40 %
    expect(r.details.totalTTC).toBe(1599.99);
    expect(r.details.ttcLines).toBe(2);
    expect(r.details.ttcCoverage).toBe(40);
    expect(r.details).toMatchObject({ lines: 5, suppliers: 3, entities: 2, creditNotes: 1, creditNotesAmount: -100 });
    expect(r.coverage).toEqual({ n: 5, N: 5, of: "lines" });
  });

  it("has no TTC total when no line carries TTC", () => {
    expect(indicators([spend({ amount: 10 })]).SP1.details.totalTTC).toBeNull();
  });

  it("is N/A, not 0, when the period has no spend line (only contracts notified)", () => {
    const results = computeGroup(contextOf({ spend: [spend({ amount: 10, on: "2024-05-01" })], contracts: [contract({ notified: "2025-03-01" })] }, { period: yearPeriod(2025) }), "SP");
    const r = results.find((x) => x.id === "SP1")!;
    expect(r.value).toBeNull();
    expect(fr(r.na)).toBe("Aucune ligne de dépense sur la période 2025.");
  });
});

describe("SP2 spend cube", () => {
  it("sums every dimension table to the SP1 total, to the cent", () => {
    const r = indicators(mixedLines());
    const total = Math.round((r.SP1.value as number) * 100);
    for (const name of ["byFamily", "bySupplier", "byEntity", "byService", "byTerritory", "byMonth", "cube"]) {
      expect([name, tableCents(r.SP2.tables[name])]).toEqual([name, total]);
    }
    for (const name of ["byFamily", "bySupplier", "byEntity", "byService", "byTerritory", "byMonth"]) {
      expect(tableShare(r.SP2.tables[name])).toBeCloseTo(100, 1);
    }
  });

  it("sums every table to SP1 and every cube line once, whatever the lines (property)", () => {
    const line = fc.record({
      cents: fc.integer({ min: -50_000, max: 5_000_000 }),
      supplier: fc.integer({ min: 0, max: 6 }),
      entity: fc.integer({ min: 0, max: 4 }),
      family: fc.integer({ min: 0, max: 3 }),
      month: fc.integer({ min: 1, max: 12 }),
      service: fc.option(fc.constantFrom("DSI", "Voirie"), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 60 }), (specs) => {
        const lines = specs.map((x) =>
          spend({
            amountHTCents: x.cents,
            supplierName: `S${x.supplier}`,
            entity: `E${x.entity}`,
            service: x.service,
            on: `2025-${String(x.month).padStart(2, "0")}-10`,
            ...fam(`F:${x.family}`),
          }),
        );
        const r = indicators(lines);
        const total = specs.reduce((a, x) => a + x.cents, 0);
        expect(Math.round((r.SP1.value as number) * 100)).toBe(total);
        for (const name of ["byFamily", "bySupplier", "byEntity", "byService", "byTerritory", "byMonth", "cube"]) {
          expect(tableCents(r.SP2.tables[name])).toBe(total);
        }
        expect(r.SP2.tables.cube.reduce((a, row) => a + (row.lines as number), 0)).toBe(specs.length);
        // One cube row per distinct month × entity × family × supplier.
        const distinct = new Set(specs.map((x) => `${x.month}|${x.entity}|${x.family}|${x.supplier}`));
        expect(r.SP2.tables.cube).toHaveLength(distinct.size);
      }),
      { numRuns: 150 },
    );
  });

  it("keeps the cube's line counts equal to the number of lines", () => {
    const r = indicators(mixedLines());
    expect(r.SP2.tables.cube.reduce((s, row) => s + (row.lines as number), 0)).toBe(5);
  });

  it("lists families with their rule, suppliers and share; headline counts families with spend", () => {
    const r = indicators([...mixedLines(), spend({ amount: -50, ...fam("F:AVO", "Avoirs seuls") })]).SP2;
    // Voirie 900 (1 supplier), Informatique 584 (2 suppliers), Avoirs seuls −50: 2 families with spend.
    expect(r.value).toBe(2);
    expect(r.tables.byFamily[0]).toMatchObject({ familyKey: "F:VOI", familyLabel: "Voirie", rule: "familyCode", amount: 900, lines: 2, suppliers: 1 });
    expect(r.tables.byFamily[1]).toMatchObject({ familyKey: "F:INF", amount: 584, lines: 3, suppliers: 2 });
    // 900 / 1 434 = 62,76 %
    expect(r.tables.byFamily[0].share).toBe(62.76);
  });

  it("counts the distinct entities each supplier serves", () => {
    const r = indicators(mixedLines()).SP2;
    // Alpha: Commune A; Beta: Commune B and Commune A; Gamma: Commune B
    expect(r.tables.bySupplier.map((x) => [x.supplierKey, x.entities, x.lines])).toEqual([
      ["alpha", 1, 2],
      ["beta", 2, 2],
      ["gamma", 1, 1],
    ]);
  });

  it("groups missing services and territories under a null key (shown as not given)", () => {
    const r = indicators(mixedLines()).SP2;
    expect(r.tables.byService.find((x) => x.service === null)).toMatchObject({ amount: 250.25, lines: 1 });
    expect(r.tables.byTerritory.find((x) => x.territory === null)).toMatchObject({ amount: 333.33, lines: 1 });
  });

  it("orders the months and keys the cube by month × entity × family × supplier", () => {
    const r = indicators([...mixedLines(), spend({ amount: 5, supplierName: "Alpha", entity: "Commune A", on: "2025-01-31", ...fam("F:VOI", "Voirie") })]).SP2;
    expect(r.tables.byMonth.map((x) => x.month)).toEqual(["2025-01", "2025-02", "2025-03"]);
    const cell = r.tables.cube.find((x) => x.month === "2025-01" && x.entity === "Commune A" && x.familyKey === "F:VOI" && x.supplierKey === "alpha");
    // 1 000 + 5 in the same cell
    expect(cell).toMatchObject({ amount: 1005, lines: 2, supplierName: "Alpha", familyLabel: "Voirie" });
  });
});

describe("SP3 Pareto and ABC classes", () => {
  it("classes A up to 80 %, the supplier crossing 80 % included; B up to 95 %; C the rest", () => {
    // 50 / 30 / 10 / 6 / 4 of 100: cumulative before = 0, 50, 80, 90, 96
    // → A, A, B (80 is not < 80), B, C
    const p = paretoClasses([
      { key: "d", cents: 600 },
      { key: "a", cents: 5000 },
      { key: "e", cents: 400 },
      { key: "b", cents: 3000 },
      { key: "c", cents: 1000 },
    ]);
    expect(p.rows.map((r) => [r.key, r.abc])).toEqual([
      ["a", "A"],
      ["b", "A"],
      ["c", "B"],
      ["d", "B"],
      ["e", "C"],
    ]);
    expect(p.rows.map((r) => r.cumulativeShare)).toEqual([50, 80, 90, 96, 100]);
  });

  it("puts in A the supplier whose share crosses 80 %", () => {
    // 70 / 20 / 10: before = 0, 70, 90 → A, A, B
    const p = paretoClasses([
      { key: "x", cents: 70 },
      { key: "y", cents: 20 },
      { key: "z", cents: 10 },
    ]);
    expect(p.rows.map((r) => r.abc)).toEqual(["A", "A", "B"]);
  });

  it("headline is the % of suppliers in class A; net ≤ 0 suppliers are excluded and counted", () => {
    const lines = [
      spend({ amount: 500, supplierName: "A" }),
      spend({ amount: 300, supplierName: "B" }),
      spend({ amount: 100, supplierName: "C" }),
      spend({ amount: 60, supplierName: "D" }),
      spend({ amount: 40, supplierName: "E" }),
      spend({ amount: -25, supplierName: "Avoir" }),
    ];
    const r = indicators(lines).SP3;
    // A and B are class A: 2 of 5 ranked suppliers = 40 %
    expect(r.value).toBe(40);
    expect(r.coverage).toEqual({ n: 5, N: 6, of: "suppliers" });
    expect(r.details).toMatchObject({ suppliersA: 2, suppliersB: 2, suppliersC: 1, excludedSuppliers: 1, excludedAmount: -25, paretoBase: 1000 });
    expect(r.tables.suppliers[1]).toMatchObject({ rank: 2, supplierKey: "b", amount: 300, share: 30, cumulativeShare: 80, abc: "A" });
  });

  it("ranks families too", () => {
    const lines = [spend({ amount: 900, ...fam("F:1") }), spend({ amount: 100, ...fam("F:2") })];
    const r = indicators(lines).SP3;
    // F:1 = 90 % (crosses 80 %) → A; F:2 before = 90 → B
    expect(r.tables.families.map((x) => [x.familyKey, x.abc])).toEqual([
      ["F:1", "A"],
      ["F:2", "B"],
    ]);
    expect(r.details.familiesA).toBe(1);
  });

  it("is N/A when every supplier is net negative", () => {
    const r = indicators([spend({ amount: -10 })]).SP3;
    expect(r.value).toBeNull();
    expect(fr(r.na)).toMatch(/Aucun fournisseur avec une dépense nette positive/);
  });
});

describe("SP4 concentration", () => {
  it("gives top-1, top-5 shares and HHI: 50/30/20 → 50 %, 100 %, 3 800", () => {
    const lines = [spend({ amount: 50, supplierName: "A" }), spend({ amount: 30, supplierName: "B" }), spend({ amount: 20, supplierName: "C" })];
    const r = indicators(lines).SP4;
    expect(r.value).toBe(100);
    expect(r.details).toMatchObject({ top1Share: 50, top5Share: 100, hhi: 3800 });
  });

  it("takes the five largest suppliers: 30+20+15+10+10 of 100 = 85 %", () => {
    const amounts = [30, 20, 15, 10, 10, 10, 5];
    const r = indicators(amounts.map((a, i) => spend({ amount: a, supplierName: `S${i}` }))).SP4;
    expect(r.value).toBe(85);
    // 900 + 400 + 225 + 100 + 100 + 100 + 25 = 1 850
    expect(r.details.hhi).toBe(1850);
  });

  it("computes concentration per family", () => {
    const lines = [
      spend({ amount: 60, supplierName: "A", ...fam("F:1", "Un") }),
      spend({ amount: 40, supplierName: "B", ...fam("F:1", "Un") }),
      spend({ amount: 10, supplierName: "C", ...fam("F:2", "Deux") }),
    ];
    const r = indicators(lines).SP4;
    // F:1: 0,6² + 0,4² = 0,52 → 5 200; F:2: single supplier → 10 000
    expect(r.tables.byFamily).toEqual([
      { familyKey: "F:1", familyLabel: "Un", amount: 100, suppliers: 2, top1Supplier: "A", top1Share: 60, top5Share: 100, hhi: 5200 },
      { familyKey: "F:2", familyLabel: "Deux", amount: 10, suppliers: 1, top1Supplier: "C", top1Share: 100, top5Share: 100, hhi: 10000 },
    ]);
  });

  it("leaves net-negative suppliers out of the shares", () => {
    const c = concentration([80, 20, -50]);
    expect(c).toMatchObject({ participants: 2, top1Share: 80, baseCents: 100 });
    // 0,64 + 0,04 = 0,68 → 6 800
    expect(c.hhi).toBeCloseTo(6800, 6);
  });

  it("is N/A when no supplier has positive spend", () => {
    expect(indicators([spend({ amount: -1 })]).SP4.value).toBeNull();
  });
});

describe("SP5 tail spend", () => {
  it("counts suppliers below 1 000 € over a civil year, and their share of spend and lines", () => {
    const lines = [
      spend({ amount: 6000, supplierName: "Gros" }),
      spend({ amount: 900, supplierName: "Petit" }),
      spend({ amount: 60, supplierName: "Mini" }),
      spend({ amount: 40, supplierName: "Mini" }),
      spend({ amount: 1000, supplierName: "Pile" }), // exactly at the threshold: not in the tail
    ];
    const r = indicators(lines).SP5;
    // Tail = Petit 900 + Mini 100 = 1 000 of 8 000 = 12,5 %; lines 3 of 5 = 60 %
    expect(r.value).toBe(12.5);
    expect(r.details).toMatchObject({ threshold: 1000, months: 12, tailSuppliers: 2, tailAmount: 1000, tailLines: 3, tailLinesShare: 60, tailSuppliersShare: 50 });
    expect(r.tables.tailSuppliers.map((x) => x.supplierKey)).toEqual(["petit", "mini"]);
  });

  it("prorates the yearly threshold by the months of the period", () => {
    // 1 000 € × 1 / 12 = 83,33 €; × 3 / 12 = 250 €
    expect(tailThresholdCents(100_000, monthPeriod(2025, 3))).toEqual({ cents: 8333, months: 1 });
    expect(tailThresholdCents(100_000, rangePeriod(2025, 1, 2025, 3))).toEqual({ cents: 25_000, months: 3 });
    const lines = [
      spend({ amount: 80, supplierName: "Sous", on: "2025-03-10" }),
      spend({ amount: 90, supplierName: "Au-dessus", on: "2025-03-11" }),
      spend({ amount: 830, supplierName: "Gros", on: "2025-03-12" }),
    ];
    const r = indicators(lines, monthPeriod(2025, 3)).SP5;
    // 80 < 83,33 ≤ 90: tail = 80 of 1 000 = 8 %
    expect(r.value).toBe(8);
    expect(r.reference?.value).toBe(83.33);
  });

  it("excludes net-negative suppliers from the tail", () => {
    const r = indicators([spend({ amount: 500, supplierName: "A" }), spend({ amount: -20, supplierName: "B" })]).SP5;
    // A (500) is in the tail: 100 % of the positive base; B excluded
    expect(r.value).toBe(100);
    expect(r.details.excludedSuppliers).toBe(1);
  });
});

describe("SP6 period comparison", () => {
  const history = [
    spend({ amount: 400, on: "2024-01-15" }),
    spend({ amount: 600, on: "2024-03-15" }),
    spend({ amount: 1000, on: "2024-11-15" }),
    spend({ amount: 300, on: "2025-01-10" }),
    spend({ amount: 900, on: "2025-03-10" }),
    spend({ amount: 1200, on: "2025-11-10" }),
  ];

  it("compares the period with the same period a year earlier", () => {
    const r = indicators(history).SP6;
    // 2025: 2 400; the data stop in November 2025, so 2025 is compared over January–November:
    // Jan–Nov 2024 = 400 + 600 + 1 000 = 2 000 → +20 %
    expect(r.value).toBe(20);
    expect(r.details).toMatchObject({ currentAmount: 2400, previousAmount: 2000, changeAmount: 400, comparedPeriod: "2025-01..2025-11", previousPeriod: "2024-01..2024-11" });
  });

  it("gives year-to-date and the month against the month before and the same month last year", () => {
    const r = indicators(history, monthPeriod(2025, 3)).SP6;
    // March 2025 900 vs March 2024 600 → +50 %
    expect(r.value).toBe(50);
    // YTD Jan–Mar 2025 = 1 200 vs Jan–Mar 2024 = 1 000 → +20 %
    expect(r.details).toMatchObject({ ytdAmount: 1200, previousYtdAmount: 1000, ytdChangePercent: 20 });
    // February 2025 has no line: the month change is not computable
    expect(r.details).toMatchObject({ lastMonth: "2025-03", lastMonthAmount: 900, monthBefore: "2025-02", monthBeforeAmount: 0, monthChangePercent: null, sameMonthChangePercent: 50 });
  });

  it("builds a continuous monthly series with the previous-year amount of each month", () => {
    const r = indicators(history).SP6;
    const series = r.tables.byMonth;
    // 2024-01 .. 2025-11 = 23 months
    expect(series).toHaveLength(23);
    expect(series[0]).toMatchObject({ month: "2024-01", amount: 400, lines: 1, previousYearAmount: null });
    expect(series.find((x) => x.month === "2024-02")).toMatchObject({ amount: 0, lines: 0 });
    expect(series.find((x) => x.month === "2025-01")).toMatchObject({ amount: 300, previousYearAmount: 400, changePercent: -25 });
    expect(tableCents(series)).toBe(440_000);
  });

  it("is N/A (with the series kept) when the previous period has no line", () => {
    const r = indicators([spend({ amount: 100, on: "2025-02-01" })]).SP6;
    expect(r.value).toBeNull();
    // The data stop in February: 2025 is compared over January–February
    expect(fr(r.na)).toBe("Aucune ligne de dépense sur la même période de l'année précédente (2024-01..2024-02).");
    expect(r.tables.byMonth).toHaveLength(1);
  });

  it("is N/A when the current period has no line but contracts (a DECP-only period)", () => {
    const results = computeGroup(contextOf({ spend: [spend({ amount: 100, on: "2024-02-01" })], contracts: [contract({ notified: "2025-03-01" })] }, { period: yearPeriod(2025) }), "SP");
    const r = results.find((x) => x.id === "SP6")!;
    expect(r.value).toBeNull();
    expect(fr(r.na)).toMatch(/Aucune ligne de dépense sur la période 2025/);
  });
});

describe("SP indicators (registry group)", () => {
  it("returns SP1..SP6 in order", () => {
    expect(computeGroup(contextOf({ spend: mixedLines() }), "SP").map((r) => r.id)).toEqual(["SP1", "SP2", "SP3", "SP4", "SP5", "SP6"]);
  });

  it("spendByFamily agrees with the SP2 family table", () => {
    const lines = mixedLines();
    const rows = indicators(lines).SP2.tables.byFamily;
    for (const [key, f] of spendByFamily(lines)) {
      expect(rows.find((x) => x.familyKey === key)).toMatchObject({ amount: f.cents / 100, lines: f.lines, suppliers: f.suppliers.size });
    }
  });

  it("spendByFamily nets each supplier within each family", () => {
    const byFamily = spendByFamily(mixedLines());
    // Informatique: Beta 250,25 + 333,33 = 583,58 (2 lines), Gamma 0,42; Voirie: Alpha 1 000 − 100
    const inf = byFamily.get("F:INF");
    expect(inf).toMatchObject({ cents: 58_400, lines: 3, label: "Informatique" });
    expect([...(inf?.suppliers ?? new Map()).entries()].map(([k, b]) => [k, b.cents, b.lines])).toEqual([
      ["beta", 58_358, 2],
      ["gamma", 42, 1],
    ]);
    expect(byFamily.get("F:VOI")?.suppliers.get("alpha")).toMatchObject({ cents: 90_000, lines: 2 });
  });
});
