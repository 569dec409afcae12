/**
 * AGEC art. 58 (loi n° 2020-105; décrets n° 2021-254 and n° 2024-134): shares per category and
 * civil year against the minimum in force, hand-computed on small fixtures.
 */
import { yearPeriod, parsePeriod } from "../../../src/core/period";
import {
  agecMinimumFor,
  agecStepOf,
  defaultAgecReference,
  type AgecReference,
} from "../../../src/core/reference/agec-egalim";
import { classifyAgec, computeAgec } from "../../../src/core/responsible/agec";
import { spend } from "../../helpers/fixtures";

function rowOf(result: ReturnType<typeof computeAgec>, category: string, year: number) {
  const r = result.rows.find((x) => x.category === category && x.year === year);
  if (!r) throw new Error(`no row ${category} ${year}`);
  return r;
}

describe("AGEC category of a line (CPV first, then budget article)", () => {
  it("takes the longest CPV prefix over all categories: printers are not IT, toner is not office supplies", () => {
    expect(classifyAgec({ cpv: "30213100", budgetArticle: null })).toEqual({
      kind: "category",
      category: "informatique",
      rule: "cpv",
    });
    expect(classifyAgec({ cpv: "30232100", budgetArticle: null })).toMatchObject({
      category: "impression",
    });
    expect(classifyAgec({ cpv: "30192110", budgetArticle: null })).toMatchObject({
      category: "cartouches",
    });
    expect(classifyAgec({ cpv: "30192700", budgetArticle: null })).toMatchObject({
      category: "fournituresBureau",
    });
    expect(classifyAgec({ cpv: "30197630", budgetArticle: null })).toMatchObject({
      category: "papier",
    });
  });

  it("uses the budget article only when the line has no CPV, and a CPV of no category is out of scope", () => {
    expect(classifyAgec({ cpv: null, budgetArticle: "2184" })).toEqual({
      kind: "category",
      category: "mobilier",
      rule: "budgetArticle",
    });
    // A CPV wins over the article: 45000000 (works) is outside the duty even with article 2184.
    expect(classifyAgec({ cpv: "45000000", budgetArticle: "2184" })).toEqual({ kind: "outOfScope" });
    expect(classifyAgec({ cpv: null, budgetArticle: "6226" })).toEqual({ kind: "outOfScope" });
  });

  it("lists as unclassified a line with no code, or with an article too broad to tell", () => {
    expect(classifyAgec({ cpv: null, budgetArticle: null })).toEqual({
      kind: "unclassified",
      reason: "noCode",
    });
    expect(classifyAgec({ cpv: null, budgetArticle: "60632" })).toEqual({
      kind: "unclassified",
      reason: "broadArticle",
    });
  });
});

describe("AGEC minimum shares in force (décret 2021-254 until 2023, décret 2024-134 from 2024)", () => {
  it("uses the verified 2021-254 paper share before 2024, and leaves the 2024-134 minimum empty until typed", () => {
    const ref = defaultAgecReference();
    const y2023 = agecMinimumFor(ref, "papier", 2023);
    expect(y2023).toMatchObject({ decree: "2021-254", combinedPercent: 40, reusePercent: 0, known: true });
    const y2025 = agecMinimumFor(ref, "papier", 2025);
    expect(y2025).toMatchObject({ decree: "2024-134", reusePercent: null, recycledPercent: null, known: false });
    expect(agecMinimumFor(ref, "papier", 2020).decree).toBeNull();
  });

  it("ships the décret 2024-134 textile minimums (annex: 8 %/20 % from 2024, 15 %/25 % from 2027, 15 %/30 % from 2030), with where they were read", () => {
    const ref = defaultAgecReference();
    expect([2024, 2026, 2027, 2030, 2032].map((y) => {
      const m = agecMinimumFor(ref, "textiles", y);
      return [y, m.reusePercent, m.recycledPercent, m.known, m.unverified];
    })).toEqual([
      [2024, 8, 20, true, false],
      [2026, 8, 20, true, false],
      [2027, 15, 25, true, false],
      [2030, 15, 30, true, false],
      [2032, 15, 30, true, false],
    ]);
    expect(agecMinimumFor(ref, "textiles", 2025).source).toContain("Alliance du Commerce");
    // A value typed by the user is no longer the one read in those sources.
    const typed = { ...ref, textiles: { ...ref.textiles, reuse2024: 10 } };
    expect(agecMinimumFor(typed, "textiles", 2025).source).not.toContain("Alliance du Commerce");
    // The other categories of décret 2024-134 stay empty until typed.
    expect(agecMinimumFor(ref, "informatique", 2025)).toMatchObject({ reusePercent: null, recycledPercent: null, known: false });
  });

  it("steps the 2024-134 trajectory at 2024, 2027 and 2030", () => {
    expect([2024, 2026, 2027, 2029, 2030, 2033].map(agecStepOf)).toEqual([2024, 2024, 2027, 2027, 2030, 2030]);
  });
});

describe("AGEC shares per category and civil year", () => {
  /**
   * 2025, IT (CPV 302…):
   *   laptop reconditionné 600 €, new laptop 1 400 €, screen "matières recyclées" 500 €,
   *   credit note on the new laptop −500 € (net of avoirs)
   *   spend = 600 + 1 400 + 500 − 500 = 2 000 €; reuse = 600 → 30 %; recycled = 500 → 25 %.
   * Minimum typed for 2024-2026: reuse 20 %, recycled 30 % → reuse gap +10, recycled gap −5.
   * Target amounts: 20 % × 2 000 = 400 €, 30 % × 2 000 = 600 €. Status: not reached (recycled).
   * Furniture by article 2184, 1 000 € "Réemploi": 100 % reuse; minimum unknown → "minimumUnknown".
   * Unclassified: no code 300 €, article 60632 200 €. Out of scope: CPV 45… 5 000 €.
   */
  const ref: AgecReference = defaultAgecReference();
  ref.informatique = { ...ref.informatique, reuse2024: 20, recycled2024: 30 };
  const lines = [
    spend({ amount: 600, cpv: "30213100", qualityLabel: "Reconditionné" }),
    spend({ amount: 1400, cpv: "30213100", qualityLabel: "Neuf" }),
    spend({ amount: 500, cpv: "30231300", qualityLabel: "Matières recyclées" }),
    spend({ amount: -500, cpv: "30213100", qualityLabel: null }),
    spend({ amount: 1000, budgetArticle: "2184", qualityLabel: "Réemploi" }),
    spend({ amount: 300, description: "Divers" }),
    spend({ amount: 200, budgetArticle: "60632" }),
    spend({ amount: 5000, cpv: "45210000" }),
  ];
  const result = computeAgec(lines, yearPeriod(2025), ref);

  it("computes the re-employment and recycled shares of the net spend of the category", () => {
    const it = rowOf(result, "informatique", 2025);
    expect(it.spendCents).toBe(200_000);
    expect(it.reuseShare).toBe(30);
    expect(it.recycledShare).toBe(25);
    expect(it.combinedShare).toBe(55);
    expect(it.reuseGap).toBe(10);
    expect(it.recycledGap).toBe(-5);
    expect(it.reuseTargetCents).toBe(40_000);
    expect(it.recycledTargetCents).toBe(60_000);
    expect(it.status).toBe("notReached");
    expect(it).toMatchObject({ lines: 4, byCpv: 4, byArticle: 0 });
  });

  it("says the minimum is to be typed when the decree's figure is not known", () => {
    const mob = rowOf(result, "mobilier", 2025);
    expect(mob).toMatchObject({ reuseShare: 100, byArticle: 1, status: "minimumUnknown" });
    expect(mob.reuseGap).toBeNull();
  });

  it("lists every unclassified line with its reason, and totals reconcile with the lines considered", () => {
    expect(result.unclassified.map((u) => [u.amountCents, u.reason])).toEqual([
      [30_000, "noCode"],
      [20_000, "broadArticle"],
    ]);
    expect(result.unclassifiedCents).toBe(50_000);
    expect(result.outOfScopeCents).toBe(500_000);
    const classified = result.rows.reduce((s, r) => s + r.spendCents, 0);
    // 2 000 + 1 000 classified + 500 unclassified + 5 000 out of scope = 8 500 €
    expect(classified + result.unclassifiedCents + result.outOfScopeCents).toBe(result.spendCents);
    expect(result.spendCents).toBe(850_000);
    expect(result.lines).toBe(8);
  });

  it("reports the shares as not measurable when no line of the year has a Label qualité", () => {
    const r = computeAgec(
      [spend({ amount: 100, cpv: "30213100" }), spend({ amount: 50, cpv: "39130000" })],
      yearPeriod(2025),
      ref
    );
    expect(r.hasOriginData).toBe(false);
    const it = rowOf(r, "informatique", 2025);
    expect(it.reuseShare).toBeNull();
    expect(it.status).toBe("notMeasurable");
    // The target amounts are still given: 20 % × 100 € = 20 €.
    expect(it.reuseTargetCents).toBe(2_000);
  });
});

describe("AGEC over two civil years where the minimum changes (2023 → 2024)", () => {
  /**
   * Period 2023-07..2024-06 touches 2023 and 2024; every line of both civil years counts.
   * Paper 2023 (décret 2021-254: 40 % combined, of which 0 % re-employment):
   *   recycled 300 € of 1 000 € → combined 30 % → gap −10 → not reached.
   * Paper 2024 (décret 2024-134, typed: reuse 0 %, recycled 25 %):
   *   recycled 300 € of 1 000 € → recycled 30 % → gap +5; reuse 0 % ≥ 0 → reached.
   */
  const ref = defaultAgecReference();
  ref.papier = { ...ref.papier, reuse2024: 0, recycled2024: 25 };
  const lines = [
    spend({ amount: 300, cpv: "30197630", qualityLabel: "Papier recyclé", on: "2023-03-10" }),
    spend({ amount: 700, cpv: "30197630", qualityLabel: "Standard", on: "2023-11-10" }),
    spend({ amount: 300, cpv: "30197630", qualityLabel: "100 % recyclé", on: "2024-02-10" }),
    spend({ amount: 700, cpv: "30197630", qualityLabel: "Standard", on: "2024-09-10" }),
  ];
  const result = computeAgec(lines, parsePeriod("2023-07..2024-06"), ref);

  it("applies the 2021-254 combined minimum in 2023", () => {
    const p = rowOf(result, "papier", 2023);
    expect(p.minimum.decree).toBe("2021-254");
    expect(p.combinedShare).toBe(30);
    expect(p.combinedGap).toBe(-10);
    expect(p.status).toBe("notReached");
    expect(p.yearComplete).toBe(false);
  });

  it("applies the typed 2024-134 minima in 2024", () => {
    const p = rowOf(result, "papier", 2024);
    expect(p.minimum.decree).toBe("2024-134");
    expect(p.recycledShare).toBe(30);
    expect(p.recycledGap).toBe(5);
    expect(p.reuseGap).toBe(0);
    expect(p.status).toBe("reached");
  });
});
