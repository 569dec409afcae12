/**
 * RE8 EGalim (code rural et de la pêche maritime, L230-5-1 and R230-30-1): share of the food
 * purchases of collective catering that are sustainable and quality products, of which organic,
 * and the meat and fish share, against the targets in force. Hand-computed fixtures.
 */
import { analyse } from "../../../../src/core/analyse";
import type { ResultOf } from "../../../../src/core/indicators/definition";
import { RE8, resultOf } from "../../../../src/core/indicators/registry";
import type { SpendLine } from "../../../../src/core/model";
import { yearPeriod, type Period } from "../../../../src/core/period";
import { fr } from "../../../helpers/messages";
import { intakeOf, spend } from "../../../helpers/fixtures";

function re8(lines: SpendLine[], period: Period = yearPeriod(2025)): ResultOf<typeof RE8> {
  const r = resultOf(analyse(intakeOf({ spend: lines }), { period }), RE8);
  if (!r) throw new Error("RE8 missing");
  return r;
}

describe("RE8 EGalim shares against the targets in force (L230-5-1)", () => {
  /**
   * 2025, Commune A:
   *   meat CPV 15110000: 1 000 € « Label rouge » (SIQO), 500 € with no label (counts in the total)
   *   fruit CPV 15300000: 2 000 € « Bio »;  dairy CPV 15500000: 1 500 € « Conventionnel »
   *   catering service CPV 55523100: 800 € (apart, not in the shares)
   * Food = 1 000 + 500 + 2 000 + 1 500 = 5 000 €; EGalim = 1 000 + 2 000 = 3 000 → 60 % ≥ 50 %
   * Organic = 2 000 / 5 000 = 40 % ≥ 20 %; meat = 1 000 / 1 500 = 66,67 % ≥ 60 % → every target reached.
   */
  const r = re8([
    spend({ amount: 1000, cpv: "15110000", qualityLabel: "Label rouge" }),
    spend({ amount: 500, cpv: "15110000" }),
    spend({ amount: 2000, cpv: "15300000", qualityLabel: "Bio" }),
    spend({ amount: 1500, cpv: "15500000", qualityLabel: "Conventionnel" }),
    spend({ amount: 800, cpv: "55523100" }),
  ]);

  it("gives the EGalim share of the food purchases with the organic and meat-and-fish sub-shares", () => {
    expect(r.value).toBe(60);
    expect(r.details).toMatchObject({
      year: 2025,
      foodSpend: 5000,
      egalimSpend: 3000,
      bioSpend: 2000,
      bioShare: 40,
      organicTarget: 20,
      organicGap: 20,
      meatFishShare: 66.67,
      meatFishTarget: 60,
      unlabelledSpend: 500,
      servicesSpend: 800,
    });
    expect(r.reference).toMatchObject({ value: 50, unit: "%" });
    expect(fr(r.reference?.label)).toContain("20 % bio");
    // 4 food lines of 5 catering lines (the service line is apart)
    expect(r.coverage).toEqual({ n: 4, N: 5, of: "lines" });
  });

  it("is good when every target in force is reached", () => {
    expect(r.status).toBe("good");
    expect(fr(r.tables.byYear[0].status)).toBe("Objectifs atteints");
    const all = r.tables.byYear[0].entity;
    expect(typeof all === "string" ? all : fr(all)).toBe("Toutes entités");
  });

  it("is an alert when the organic sub-share misses 20 %, even with 50 % EGalim exactly", () => {
    // 2023: 100 € « Bio », 400 € « HVE », 500 € « Non » → EGalim 500 / 1 000 = 50 % (gap 0), organic 10 % < 20 %
    const y = re8(
      [
        spend({ amount: 100, cpv: "15300000", qualityLabel: "Bio", on: "2023-02-01" }),
        spend({ amount: 400, cpv: "15300000", qualityLabel: "HVE", on: "2023-02-01" }),
        spend({ amount: 500, cpv: "15300000", qualityLabel: "Non", on: "2023-02-01" }),
      ],
      yearPeriod(2023)
    );
    expect(y).toMatchObject({ value: 50, status: "alert" });
    expect(y.details).toMatchObject({ bioShare: 10, organicGap: -10, meatFishTarget: null });
  });

  it("has no reference nor status before the targets applied (1 January 2022)", () => {
    const y = re8([spend({ amount: 100, cpv: "15300000", qualityLabel: "Bio", on: "2021-02-01" })], yearPeriod(2021));
    expect(y.value).toBe(100);
    expect(y.reference).toBeNull();
    expect(y.status).toBeNull();
  });

  it("lists each entity beside the total when several entities buy food", () => {
    // Commune A 300 € bio, Commune B 100 € non-labelled quality « Non » → total 300 / 400 = 75 %
    const y = re8([
      spend({ amount: 300, cpv: "15300000", qualityLabel: "Bio" }),
      spend({ amount: 100, cpv: "15300000", qualityLabel: "Non", entity: "Commune B" }),
    ]);
    expect(y.tables.byYear.map((x) => [typeof x.entity === "string" ? x.entity : "all", x.egalimShare])).toEqual([
      ["all", 75],
      ["Commune A", 100],
      ["Commune B", 0],
    ]);
  });
});

describe("RE8 not available", () => {
  it("is N/A without catering purchases", () => {
    const r = re8([spend({ amount: 100, cpv: "30213100" })]);
    expect(r.value).toBeNull();
    expect(fr(r.na)).toContain("Aucun achat de restauration");
  });

  it("is N/A when only catering services were bought (the provider's figures are to be declared)", () => {
    const r = re8([spend({ amount: 100, cpv: "55523100" })]);
    expect(r.value).toBeNull();
    expect(fr(r.na)).toContain("prestataire");
  });

  it("is N/A, not 0 %, when no food line has a Label qualité", () => {
    const r = re8([spend({ amount: 100, cpv: "15300000" })]);
    expect(r.value).toBeNull();
    expect(fr(r.na)).toContain("Label qualité");
  });
});
