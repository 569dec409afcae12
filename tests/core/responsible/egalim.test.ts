/**
 * EGalim (code rural, art. L230-5-1 and R230-30-1): shares of sustainable and quality, organic,
 * and meat and fish products in the food purchases HT of a civil year, hand-computed.
 */
import { yearPeriod } from "../../../src/core/period";
import { defaultEgalimReference } from "../../../src/core/reference/agec-egalim";
import { cateringKindOf, computeEgalim } from "../../../src/core/responsible/egalim";
import { agecOriginOf, egalimQualityOf } from "../../../src/core/responsible/quality";
import { spend } from "../../helpers/fixtures";

describe("Label qualité read for EGalim (R230-30-3) and AGEC", () => {
  it("reads organic, official quality signs and other EGalim products, best one first", () => {
    expect(egalimQualityOf("Bio")).toBe("bio");
    expect(egalimQualityOf("AB - en conversion")).toBe("bio");
    expect(egalimQualityOf("Label Rouge, Bio")).toBe("bio");
    expect(egalimQualityOf("IGP")).toBe("siqo");
    expect(egalimQualityOf("Appellation d'origine protégée")).toBe("siqo");
    expect(egalimQualityOf("HVE")).toBe("autreEgalim");
    expect(egalimQualityOf("Commerce équitable")).toBe("autreEgalim");
    expect(egalimQualityOf("Conventionnel")).toBe("non");
    expect(egalimQualityOf("  ")).toBeNull();
  });

  it("does not take a negated or embedded word: 'non bio', 'biodégradable'", () => {
    expect(egalimQualityOf("non bio")).toBe("non");
    expect(egalimQualityOf("Sacs biodégradables")).toBe("non");
  });

  it("reads re-employment before recycled for AGEC", () => {
    expect(agecOriginOf("Reconditionné")).toBe("reuse");
    expect(agecOriginOf("Occasion, matières recyclées")).toBe("reuse");
    expect(agecOriginOf("Papier recyclé")).toBe("recycled");
    expect(agecOriginOf("Neuf")).toBe("none");
    expect(agecOriginOf(null)).toBeNull();
  });
});

describe("catering scope (CPV 15, agricultural CPV, article 60623; CPV 555 services apart)", () => {
  it("classifies food, meat and fish, and catering services", () => {
    expect(cateringKindOf({ cpv: "15300000", budgetArticle: null })).toBe("food");
    expect(cateringKindOf({ cpv: "15110000", budgetArticle: null })).toBe("meatFish");
    expect(cateringKindOf({ cpv: "03311000", budgetArticle: null })).toBe("meatFish");
    expect(cateringKindOf({ cpv: "55524000", budgetArticle: null })).toBe("service");
    expect(cateringKindOf({ cpv: null, budgetArticle: "60623" })).toBe("food");
    expect(cateringKindOf({ cpv: "30192000", budgetArticle: "60623" })).toBeNull();
    expect(cateringKindOf({ cpv: "03121000", budgetArticle: null })).toBeNull(); // horticulture
  });
});

describe("EGalim shares of a year (L230-5-1: 50 % of which 20 % organic; 60 % meat and fish from 2024)", () => {
  /**
   * 2025, Commune A:
   *   vegetables bio 2 000 €, dairy label rouge 1 000 €, fruit HVE 500 €, groceries conventional 3 500 €,
   *   beef label rouge 1 500 €, chicken unlabelled 1 500 € (meat), school catering service 4 000 €.
   * Food = 2 000 + 1 000 + 500 + 3 500 + 1 500 + 1 500 = 10 000 €.
   * EGalim = 2 000 + 1 000 + 500 + 1 500 = 5 000 € → 50 % (target 50 % reached, gap 0).
   * Bio = 2 000 € → 20 % (gap 0). Meat: 1 500 of 3 000 € → 50 % (target 60 %, gap −10,
   *   missing 60 % × 3 000 − 1 500 = 300 €). Services 4 000 € are not in the shares.
   * Commune B: 1 000 € groceries labelled "Bio" → 100 % / 100 %; no meat → no meat target.
   */
  const lines = [
    spend({ amount: 2000, cpv: "03221000", qualityLabel: "Bio" }),
    spend({ amount: 1000, cpv: "15500000", qualityLabel: "Label rouge" }),
    spend({ amount: 500, cpv: "03222000", qualityLabel: "HVE" }),
    spend({ amount: 3500, budgetArticle: "60623", qualityLabel: "Conventionnel" }),
    spend({ amount: 1500, cpv: "15111000", qualityLabel: "Label rouge" }),
    spend({ amount: 1500, cpv: "15112000", qualityLabel: null }),
    spend({ amount: 4000, cpv: "55524000" }),
    spend({ amount: 1000, cpv: "15800000", qualityLabel: "Bio", entity: "Commune B" }),
    spend({ amount: 9999, cpv: "30192000", qualityLabel: "Bio" }), // office supplies: not catering
  ];
  const result = computeEgalim(lines, yearPeriod(2025), defaultEgalimReference());
  const a = result.byEntity.find((r) => r.entity === "Commune A")!;
  const b = result.byEntity.find((r) => r.entity === "Commune B")!;

  it("computes the shares of one entity from the food purchases HT", () => {
    expect(a.foodCents).toBe(1_000_000);
    expect(a.egalimShare).toBe(50);
    expect(a.bioShare).toBe(20);
    expect(a.quality).toEqual({ percent: 50, gap: 0, missingCents: 0 });
    expect(a.organic).toEqual({ percent: 20, gap: 0, missingCents: 0 });
    expect(a.meatFishShare).toBe(50);
    expect(a.meatFish).toEqual({ percent: 60, gap: -10, missingCents: 30_000 });
    expect(a.unlabelledCents).toBe(150_000);
    expect(a.serviceCents).toBe(400_000);
  });

  it("gives no meat and fish target to an entity that bought none", () => {
    expect(b.egalimShare).toBe(100);
    expect(b.meatFish.percent).toBeNull();
  });

  it("totals the year over the entities: (5 000 + 1 000) / (10 000 + 1 000) = 54.55 %", () => {
    const y = result.byYear[0];
    expect(y.entity).toBeNull();
    expect(y.foodCents).toBe(1_100_000);
    expect(y.egalimShare).toBe(54.55);
    expect(y.bioShare).toBe(27.27); // 3 000 / 11 000
    expect(result.present).toBe(true);
  });

  it("applies no meat and fish target before 2024", () => {
    const r = computeEgalim(
      [spend({ amount: 100, cpv: "15111000", qualityLabel: "Bio", on: "2023-05-01" })],
      yearPeriod(2023)
    );
    expect(r.byYear[0].meatFish.percent).toBeNull();
    expect(r.byYear[0].quality.percent).toBe(50);
  });

  it("is absent when there is no catering purchase", () => {
    const r = computeEgalim([spend({ amount: 100, cpv: "30192000" })], yearPeriod(2025));
    expect(r.present).toBe(false);
    expect(r.byYear).toEqual([]);
  });
});
