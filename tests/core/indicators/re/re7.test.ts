/**
 * RE7 AGEC art. 58 (loi n° 2020-105 art. 58; décrets n° 2021-254 and n° 2024-134): the share of
 * the purchases of the decree's categories from re-employment/reuse or with recycled materials,
 * against the minimum in force weighted by each category's spend. Hand-computed fixtures.
 */
import { analyse } from "../../../../src/core/analyse";
import { RE7, resultOf } from "../../../../src/core/indicators/registry";
import type { ResultOf } from "../../../../src/core/indicators/definition";
import { render } from "../../../../src/core/messages/render";
import { rangePeriod, yearPeriod, type Period } from "../../../../src/core/period";
import { defaultAgecReference } from "../../../../src/core/reference/agec-egalim";
import type { ReferenceOverrides } from "../../../../src/core/reference/values";
import type { SpendLine } from "../../../../src/core/model";
import { fr } from "../../../helpers/messages";
import { intakeOf, spend } from "../../../helpers/fixtures";

function re7(lines: SpendLine[], period: Period = yearPeriod(2025), overrides?: ReferenceOverrides) {
  const a = analyse(intakeOf({ spend: lines }), { period, overrides });
  const r = resultOf(a, RE7);
  if (!r) throw new Error("RE7 missing");
  return { r, a } as { r: ResultOf<typeof RE7>; a: typeof a };
}

const d = defaultAgecReference();

/**
 * 2025 (décret 2024-134, step 2024-2026), minimums typed by the user:
 *   IT (CPV 302…): reuse 20 %, recycled 30 % → combined minimum 50 %
 *   furniture (article 2184): reuse 10 %, recycled 0 % → combined minimum 10 %
 * Lines:
 *   IT 600 € « Reconditionné » (reuse), 1 400 € « Neuf », 500 € « Matières recyclées » (recycled)
 *     → spend 2 500, reuse 600 (24 % ≥ 20), recycled 500 (20 % < 30): not reached
 *   furniture 1 000 € « Réemploi », 500 € « Neuf » → spend 1 500, reuse 66,67 % ≥ 10, recycled 0 ≥ 0: reached
 *   unclassified: 300 € with neither CPV nor article; out of scope: CPV 45… 5 000 €
 * Value: (600 + 1 000 + 500) / (2 500 + 1 500) = 2 100 / 4 000 = 52,5 %
 * Weighted minimum: (50 × 2 500 + 10 × 1 500) / 4 000 = 140 000 / 4 000 = 35 %
 * Coverage: 5 classified lines of 6 in scope or unclassified (the out-of-scope line is not counted).
 */
const LINES_2025 = () => [
  spend({ amount: 600, cpv: "30213100", qualityLabel: "Reconditionné" }),
  spend({ amount: 1400, cpv: "30213100", qualityLabel: "Neuf" }),
  spend({ amount: 500, cpv: "30231300", qualityLabel: "Matières recyclées" }),
  spend({ amount: 1000, budgetArticle: "2184", qualityLabel: "Réemploi" }),
  spend({ amount: 500, budgetArticle: "2184", qualityLabel: "Neuf" }),
  spend({ amount: 300, description: "Divers" }),
  spend({ amount: 5000, cpv: "45210000" }),
];
const TYPED: ReferenceOverrides = {
  agec: {
    informatique: { ...d.informatique, reuse2024: 20, recycled2024: 30 },
    mobilier: { ...d.mobilier, reuse2024: 10, recycled2024: 0 },
  },
};

describe("RE7 AGEC art. 58 share against the minimum in force (décret 2024-134)", () => {
  it("combines re-employment and recycled spend over the decree's categories and weights the minimums by spend", () => {
    const { r } = re7(LINES_2025(), yearPeriod(2025), TYPED);
    expect(r.value).toBe(52.5);
    expect(r.reference).toMatchObject({ value: 35, unit: "%" });
    expect(r.reference?.source).toContain("2024-134");
    expect(fr(r.reference?.label)).toContain("2025");
    expect(r.details).toMatchObject({
      year: 2025,
      yearComplete: 1,
      decree: "2024-134",
      spend: 4000,
      reuseShare: 40, // 1 600 / 4 000
      recycledShare: 12.5, // 500 / 4 000
      categories: 2,
      categoriesBelow: 1,
      categoriesToEnter: 0,
      unclassifiedLines: 1,
      unclassifiedSpend: 300,
    });
    expect(r.coverage).toEqual({ n: 5, N: 6, of: "lines" });
  });

  it("is an alert when one category is below its minimum, even if the combined share is above the weighted minimum", () => {
    const { r } = re7(LINES_2025(), yearPeriod(2025), TYPED);
    // 52,5 % > 35 %, but IT's recycled share (20 %) is below its 30 % minimum
    expect(r.status).toBe("alert");
    const it = r.tables.byCategory.find((x) => render("fr", x.category) === "Matériel informatique et téléphonie");
    expect(it).toMatchObject({ spend: 2500, reuseShare: 24, recycledShare: 20, minReuse: 20, minRecycled: 30 });
    expect(fr(it?.status)).toBe("Non atteint");
  });

  it("is good when every category reaches its minimums", () => {
    // IT minimums lowered to 20 % / 20 %: 24 % and 20 % reach them
    const overrides: ReferenceOverrides = {
      agec: { ...TYPED.agec, informatique: { ...d.informatique, reuse2024: 20, recycled2024: 20 } },
    };
    const { r } = re7(LINES_2025(), yearPeriod(2025), overrides);
    expect(r.status).toBe("good");
    // (40 × 2 500 + 10 × 1 500) / 4 000 = 115 000 / 4 000 = 28,75 %
    expect(r.reference?.value).toBe(28.75);
  });

  it("gives the share without reference or status while a minimum of the decree is still to enter", () => {
    const { r } = re7(LINES_2025());
    expect(r.value).toBe(52.5);
    expect(r.reference).toBeNull();
    expect(r.status).toBeNull();
    expect(r.details.categoriesToEnter).toBe(2);
    expect(fr(r.tables.byYear[0].status)).toBe("Minimum à saisir (Paramètres)");
  });

  it("feeds analysis.responsible and RE7 from the same AGEC result", () => {
    const { r, a } = re7(LINES_2025(), yearPeriod(2025), TYPED);
    const rows = a.responsible?.agec.rows ?? [];
    // 2 500 + 1 500 = 4 000 € in the two categories
    expect(rows.reduce((s, x) => s + x.spendCents, 0)).toBe(400_000);
    expect(r.tables.byCategory).toHaveLength(rows.length);
  });
});

describe("RE7 across a year where the minimum changes (décret 2021-254 until 2023, 2024-134 from 2024)", () => {
  /**
   * Paper (CPV 30197630), period 2023-01..2024-12:
   *   2023: 1 000 €, of which 400 € « Recyclé » → 40 %; décret 2021-254: 40 % of which 0 % re-employment → reached
   *   2024: 1 000 €, of which 300 € « Recyclé » → 30 %; typed 2024-134 minimums reuse 5 %, recycled 40 %
   *         → weighted minimum 45 %; recycled 30 % < 40 %: not reached
   * Headline: the latest full civil year, 2024.
   */
  const lines = [
    spend({ amount: 600, cpv: "30197630", qualityLabel: "Neuf", on: "2023-03-01" }),
    spend({ amount: 400, cpv: "30197630", qualityLabel: "Recyclé", on: "2023-04-01" }),
    spend({ amount: 700, cpv: "30197630", qualityLabel: "Neuf", on: "2024-03-01" }),
    spend({ amount: 300, cpv: "30197630", qualityLabel: "Recyclé", on: "2024-04-01" }),
  ];
  const overrides: ReferenceOverrides = { agec: { papier: { ...d.papier, reuse2024: 5, recycled2024: 40 } } };
  const { r } = re7(lines, rangePeriod(2023, 1, 2024, 12), overrides);

  it("keeps one row per civil year, each against its own decree", () => {
    expect(r.tables.byYear.map((y) => [y.year, y.decree, y.combinedShare, y.minimum])).toEqual([
      [2023, "2021-254", 40, 40],
      [2024, "2024-134", 30, 45],
    ]);
    expect(fr(r.tables.byYear[0].status)).toBe("Atteint");
    expect(fr(r.tables.byYear[1].status)).toBe("Non atteint");
  });

  it("headlines the latest full civil year", () => {
    expect(r).toMatchObject({ value: 30, status: "alert" });
    expect(r.reference?.value).toBe(45);
    expect(r.details).toMatchObject({ year: 2024, decree: "2024-134" });
  });
});

describe("RE7 not available", () => {
  it("is N/A, not 0 %, when no line of the year has the Label qualité column", () => {
    const { r } = re7([spend({ amount: 1000, cpv: "30213100" })]);
    expect(r.value).toBeNull();
    expect(fr(r.na)).toContain("Label qualité");
    expect(r.details.spend).toBe(1000);
  });

  it("is N/A when nothing was bought in the decree's categories", () => {
    const { r } = re7([spend({ amount: 1000, cpv: "45210000", qualityLabel: "Neuf" })]);
    expect(r.value).toBeNull();
    expect(fr(r.na)).toContain("Aucun achat des catégories");
  });

  it("is N/A before 2021 (art. 58 applies to purchases from 2021)", () => {
    const { r } = re7([spend({ amount: 1000, cpv: "30213100", qualityLabel: "Reconditionné", on: "2020-05-01" })], yearPeriod(2020));
    expect(r.value).toBeNull();
    expect(fr(r.na)).toContain("2021");
  });
});
