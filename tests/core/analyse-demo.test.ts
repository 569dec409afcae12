/**
 * The engine on the demo intercommunalité: every deliberate case the generator plants is found,
 * and the negative controls (near misses) raise nothing. Expected figures come from the generator's
 * own record of what it planted (examples/achats-demo.planted.json is the same record).
 */
import { frText } from "../helpers/messages";
import { analyse, indicator } from "../../src/core/analyse";
import { buildContext } from "../../src/core/context";
import { isoDate } from "../../src/core/dates";
import { detectTable } from "../../src/core/detect";
import { detectSplitting } from "../../src/core/indicators/splitting";
import { isReconciled, runIntake, type MappedTable } from "../../src/core/intake";
import { rangePeriod } from "../../src/core/period";
import { generateDemo, type DemoTable } from "../../scripts/demo/generate";

const demo = generateDemo();

function mapped(t: DemoTable): MappedTable {
  const table = { name: t.name, sheet: t.sheet, rows: t.rows, firstRow: t.firstRow };
  const d = detectTable(table);
  if (!d.kind) throw new Error(`table ${t.name} non détectée`);
  return { table, kind: d.kind, headerRowIndex: d.headerRowIndex, mapping: d.mapping };
}

const intake = runIntake([demo.spend, demo.contracts, demo.entities, demo.nomenclature, demo.suppliers].map(mapped));
// Both budget years: CO1 groups by civil year over the years the period touches.
const period = rangePeriod(2025, 1, 2026, 10);
const ctx = buildContext(intake, { period });
const alerts = detectSplitting(ctx);
const analysis = analyse(intake, { period });

describe("intake of the demo workbook", () => {
  it("reconciles rows and amounts, table by table", () => {
    expect(isReconciled(intake.reconciliation)).toBe(true);
    for (const t of intake.reconciliation.tables) expect(isReconciled(t)).toBe(true);
  });
});

describe("CO1 on the demo: each planted splitting case raises its alert, and nothing else does", () => {
  const planted = demo.planted.filter((p) => p.kind === "splitting");

  it.each(planted.map((p) => [p.description, p] as const))("%s", (_d, p) => {
    const found = alerts.filter((a) => a.entity === p.entity && a.familyKey === `F:${p.familyCode}` && a.year === p.year);
    expect(found).toHaveLength(1);
    const [a] = found;
    expect(a.thresholdCents).toBe(Math.round(Number(p.expected?.threshold) * 100));
    expect(a.totalCents).toBe(Math.round(Number(p.expected?.sumHT) * 100));
    // The lines behind the alert are exactly the planted rows.
    expect(a.lines.map((l) => l.source.row).sort((x, y) => x - y)).toEqual([...(p.rows ?? [])].sort((x, y) => x - y));
  });

  // Since issue #10, lines bought under a marché passé sans publicité ni mise en concurrence count toward
  // the homogeneous need (R2121-6). The demo plants such direct awards (PF4 cases) in families that also
  // have hors-marché purchases: the alerts they add are law-true, and each rests on those lines.
  const r2121_6 = alerts.filter((a) => a.underDirectAwardCount > 0);

  it("raises no alert beyond the planted ones, except those resting on lines under a marché sans publicité (R2121-6)", () => {
    const others = alerts.filter((a) => a.underDirectAwardCount === 0);
    expect(others).toHaveLength(planted.length);
    expect(indicator(analysis, "CO1").value).toBe(planted.length + r2121_6.length);
  });

  it("R2121-6: each added alert needs the lines under a marché sans publicité to reach its threshold", () => {
    const byRef = new Map(intake.contracts.map((c) => [c.contractRef, c]));
    for (const a of r2121_6) {
      const direct = a.lines.filter((l) => l.contractRef !== null && byRef.get(l.contractRef)?.procedure === "Marché passé sans publicité ni mise en concurrence préalable");
      expect(direct).toHaveLength(a.underDirectAwardCount);
      const horsMarche = a.lines.filter((l) => !direct.includes(l)).reduce((s, l) => s + l.amountHTCents, 0);
      expect(horsMarche).toBeLessThan(a.thresholdCents);
      expect(a.totalCents).toBeGreaterThanOrEqual(a.thresholdCents);
    }
  });

  it.each(demo.controls.filter((c) => c.kind === "splitting" && c.entity).map((c) => [c.description, c] as const))(
    "control, no alert: %s",
    (_d, c) => {
      expect(alerts.filter((a) => a.entity === c.entity && a.familyKey === `F:${c.familyCode}` && a.year === c.year)).toEqual([]);
    },
  );
});

describe("what every alert shows (issue #10): legal basis, threshold and its date, why a signal, what would clear it", () => {
  const rowsOf = (id: string, table: string) => indicator(analysis, id).tables[table] ?? [];
  const alertTables: [string, string][] = [
    ["CO1", "alerts"],
    ["CO1", "singleAboveThreshold"],
    ["CO3", "contracts"],
    ["CO4", "patterns"],
    ["CO5", "gaps"],
    ["PF4", "directAwardsAboveThreshold"],
    ["PF6", "overLimit"],
  ];
  const nonEmpty = (v: unknown) => typeof v === "string" && v.trim().length > 0;

  // The demo plants no MAPA above the EU threshold (CO3) and no lone purchase above the dispense
  // threshold: those two tables are checked on hand-built fixtures in compliance.test.ts.
  it("the demo raises alerts in each of the other tables (the check below is not vacuous)", () => {
    for (const [id, table] of alertTables.filter(([id, t]) => id !== "CO3" && t !== "singleAboveThreshold")) expect({ id, table, n: rowsOf(id, table).length > 0 }).toEqual({ id, table, n: true });
  });

  it.each(alertTables)("%s %s: each row cites its article and says what would clear it", (id, table) => {
    for (const r of rowsOf(id, table)) {
      expect(nonEmpty(frText(r.legalBasis))).toBe(true);
      expect(String(frText(r.legalBasis))).toMatch(/Art\.|Décret/);
      expect(nonEmpty(frText(r.clear))).toBe(true);
      if (id !== "CO5") expect(nonEmpty(frText(r.why)) || table === "singleAboveThreshold").toBe(true);
    }
  });

  it("CO1: each alert gives its threshold with the day it was taken at, and the lines behind it", () => {
    const co1 = indicator(analysis, "CO1");
    for (const a of co1.tables.alerts) {
      expect(typeof a.threshold).toBe("number");
      expect(String(a.thresholdDate)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(String(a.thresholdSource)).toContain("CCP");
      const lines = co1.tables.lines.filter((l) => l.alertId === a.id);
      expect(lines.length).toBe(Number(a.lineCount) + Number(a.creditCount));
    }
  });
});

describe("other planted cases on the demo", () => {
  const count = (kind: string) => demo.planted.filter((p) => p.kind === kind).length;

  it("finds the direct awards at or above the dispense threshold (PF4), not the 48 000 € control", () => {
    const pf4 = indicator(analysis, "PF4");
    expect(pf4.value).toBe(count("direct-award-above-threshold"));
  });

  it("finds the Loi Climat gaps (CO5), not the consultation launched before 2026-08-21", () => {
    // Since issue #10 the register's DECP labels say which environmental consideration is missing: the
    // contract planted "sans aucune considération environnementale" misses both the award criterion
    // (L2152-7) and the execution clause (L2112-2), two gaps; the social case is one gap (L2112-2-1).
    const co5 = indicator(analysis, "CO5");
    const planted = demo.planted.filter((p) => p.kind === "loi-climat-gap");
    const expectedGaps = planted.reduce((n, p) => n + (p.expected?.rule === "environnementale" ? 2 : 1), 0);
    expect(co5.value).toBe(expectedGaps);
    const gapRefs = new Set(co5.tables.gaps.filter((g) => g.status === "absente").map((g) => g.contractRef));
    for (const p of planted) for (const ref of p.contractRefs ?? []) expect(gapRefs.has(ref)).toBe(true);
    for (const c of demo.controls.filter((x) => x.kind === "loi-climat-gap")) for (const ref of c.contractRefs ?? []) expect(gapRefs.has(ref)).toBe(false);
    expect(count("loi-climat-gap")).toBe(planted.length);
  });

  it("flags the amendments over the limit (PF6 table), not the +13 % works control", () => {
    const flagged = indicator(analysis, "PF6").tables;
    const rows = Object.values(flagged).flat();
    const refs = new Set(rows.map((r) => r.contractRef));
    const planted = demo.planted.filter((x) => x.kind === "amendment-inflation");
    expect(planted.flatMap((p) => p.contractRefs ?? []).length).toBeGreaterThan(0);
    for (const c of demo.controls.filter((x) => x.kind === "amendment-inflation")) for (const ref of c.contractRefs ?? []) expect(refs.has(ref)).toBe(false);
    for (const p of planted) {
      for (const ref of p.contractRefs ?? []) expect(refs.has(ref)).toBe(true);
    }
  });

  it("lists the contracts ending within 12 months of 2026-10-31 (PF7)", () => {
    expect(isoDate(ctx.asOf)).toBe("2026-10-31");
    const renewals = demo.planted.find((p) => p.kind === "renewal-soon");
    expect(indicator(analysis, "PF7").value).toBe(Number(renewals?.expected?.count));
  });

  it("lists the identical item bought at different prices (MU5)", () => {
    const items = indicator(analysis, "MU5").tables.items ?? [];
    expect(items.some((r) => String(r.item).startsWith("Ramette papier A4 80g"))).toBe(true);
  });

  it("proposes the planted pooling candidates (MU2), not the families already pooled", () => {
    const candidates = new Set((indicator(analysis, "MU2").tables.candidates ?? []).map((r) => r.familyKey));
    for (const p of demo.planted.filter((x) => x.kind === "pooling-candidate")) expect(candidates.has(`F:${p.familyCode}`)).toBe(true);
    for (const c of demo.controls.filter((x) => x.kind === "pooling-candidate")) expect(candidates.has(`F:${c.familyCode}`)).toBe(false);
  });
});

describe("automatic period on the demo (issue #12): the data end on 30/10/2026, so the year to date", () => {
  const auto = analyse(intake);

  it("is 2026-01..2026-10, compared with 2025-01..2025-10, data from 02/01/2025 to 30/10/2026", () => {
    expect(auto.period.label).toBe("2026-01..2026-10");
    expect(auto.previousPeriod.label).toBe("2025-01..2025-10");
    expect(auto.dataRange && [isoDate(auto.dataRange.start), isoDate(auto.dataRange.end)]).toEqual(["2025-01-02", "2026-10-30"]);
  });

  it("SP6 compares January–October 2026 with January–October 2025, not with the whole of 2025", () => {
    // Sums taken here from the intake's lines, month by month, independently of the engine.
    const sum = (from: string, to: string) =>
      intake.spend.filter((l) => isoDate(l.date) >= from && isoDate(l.date) <= to).reduce((s, l) => s + l.amountHTCents, 0);
    const current = sum("2026-01-01", "2026-10-31");
    const previous = sum("2025-01-01", "2025-10-31");
    const wholeYear = sum("2025-01-01", "2025-12-31");
    const sp6 = indicator(auto, "SP6");
    expect(sp6.value).toBeCloseTo(((current - previous) / previous) * 100, 2);
    // The misleading full-year figure is far from it (about −23 % on the demo).
    expect(Math.abs((sp6.value as number) - ((current - wholeYear) / wholeYear) * 100)).toBeGreaterThan(10);
  });
});
