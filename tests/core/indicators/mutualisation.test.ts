import { computeGroup } from "../../../src/core/indicators/registry";
import { dayFromIso } from "../../../src/core/dates";
import type { Message } from "../../../src/core/messages/render";
import { fr } from "../../helpers/messages";
import { effectiveChannel } from "../../../src/core/channel";
import { contractsByRef } from "../../../src/core/context";
import {
  ChannelResolver,
  priceDispersion,
  procedureBand,
  savingsScenarios,
} from "../../../src/core/indicators/mutualisation";
import type { AnalysisContext, IndicatorResult } from "../../../src/core/indicators/types";
import type { Family } from "../../../src/core/model";
import { monthPeriod } from "../../../src/core/period";
import { defaultReferenceValues } from "../../../src/core/reference/values";
import { contextOf, contract, spend } from "../../helpers/fixtures";

const fam = (key: string, label = key): Family => ({ key, label, rule: "familyCode" });
const NC: Family = { key: "NC", label: "Non classé", rule: "unclassified" };

function mu(ctx: AnalysisContext, id: string): IndicatorResult {
  const r = computeGroup(ctx, "MU").find((x) => x.id === id);
  if (!r) throw new Error(`${id} missing`);
  return r;
}

describe("MU1 channel mix", () => {
  const ctx = contextOf({
    spend: [
      spend({ amount: 1000, channel: "Marché propre" }),
      spend({ amount: 2000, channel: "Groupement de commandes" }),
      spend({ amount: 500, supplierName: "UGAP" }), // detected UGAP → Centrale d'achat
      spend({ amount: 1500 }), // no channel, no contract → Hors marché
      spend({ amount: 5000, contractRef: "M1" }), // channel of the matched contract
    ],
    contracts: [contract({ contractRef: "M1", channel: "Centrale d'achat" })],
  });

  it("counts groupement and centrale (UGAP included) as mutualised spend", () => {
    const r = mu(ctx, "MU1");
    // (2 000 + 500 + 5 000) / 10 000 = 75 %
    expect(r.value).toBe(75);
    expect(r.unit).toBe("%");
    expect(r.status).toBe("good");
    expect(r.reference?.value).toBe(10);
    expect(r.details.ugapAmount).toBe(500);
  });

  it("lists count and value per channel, summing to the total", () => {
    const rows = mu(ctx, "MU1").tables.byChannel;
    expect(rows.map((x) => [x.channel, x.lines, x.amount])).toEqual([
      ["Marché propre", 1, 1000],
      ["Groupement de commandes", 1, 2000],
      ["Centrale d'achat", 2, 5500],
      ["Hors marché", 1, 1500],
    ]);
    expect(rows.reduce((s, x) => s + (x.amount as number), 0)).toBe(10000);
    expect(rows.reduce((s, x) => s + (x.sharePercent as number), 0)).toBeCloseTo(100, 6);
  });

  it("reports as covered only the lines whose channel is stated or derived", () => {
    expect(mu(ctx, "MU1").coverage).toEqual({ n: 4, N: 5, of: "lines" });
  });

  it("is red below the SMS cooperative procurement mark of 10 %", () => {
    const low = contextOf({ spend: [spend({ amount: 95 }), spend({ amount: 5, channel: "Groupement de commandes" })] });
    const r = mu(low, "MU1");
    expect(r.value).toBe(5);
    expect(r.status).toBe("alert");
  });

  it("is N/A, not 0, without spend lines", () => {
    const r = mu(contextOf({ spend: [] }), "MU1");
    expect(r.value).toBeNull();
    expect(fr(r.na)).toMatch(/Aucune ligne/);
  });
});

describe("ChannelResolver", () => {
  it("gives the same channel as effectiveChannel on every rule", () => {
    const contracts = [contract({ contractRef: "G1", channel: "Groupement de commandes" }), contract({ contractRef: "P1" })];
    const byRef = contractsByRef(contracts);
    const siren = defaultReferenceValues().ugapSiren.value;
    const resolver = new ChannelResolver(byRef, siren);
    const lines = [
      spend({ channel: "Hors marché", contractRef: "G1" }),
      spend({ supplierId: "77605646700010" }),
      spend({ supplierName: "UGAP Direction régionale" }),
      spend({ supplierName: "Union des groupements d'achats publics" }),
      spend({ supplierName: "Pugap SARL" }),
      spend({ supplierName: "  ugap" }),
      spend({ supplierName: "« UGAP »" }),
      spend({ contractRef: "G1" }),
      spend({ contractRef: "P1" }),
      spend({ contractRef: "INCONNU" }),
      spend({}),
    ];
    const expected = lines.map((l) => effectiveChannel(l, byRef, siren));
    expect(lines.map((l) => resolver.channel(l))).toEqual(expected);
    expect(expected).toEqual([
      "Hors marché",
      "Centrale d'achat",
      "Centrale d'achat",
      "Centrale d'achat",
      "Hors marché",
      "Centrale d'achat",
      "Centrale d'achat",
      "Groupement de commandes",
      "Marché propre",
      "Marché propre",
      "Hors marché",
    ]);
  });
});

describe("MU2 pooling candidates", () => {
  it("makes a family a candidate only when at least two entities buy it separately", () => {
    const two = contextOf({
      spend: [
        spend({ entity: "Commune A", family: fam("F:PAP"), amount: 300 }),
        spend({ entity: "Commune B", family: fam("F:PAP"), amount: 200 }),
      ],
    });
    const one = contextOf({
      spend: [
        spend({ entity: "Commune A", family: fam("F:PAP"), amount: 300 }),
        spend({ entity: "Commune A", family: fam("F:PAP"), amount: 200 }),
        spend({ entity: "Commune B", family: fam("F:INFO"), amount: 200 }),
      ],
    });
    expect(mu(two, "MU2").value).toBe(1);
    expect(mu(one, "MU2").value).toBe(0);
  });

  const ctx = contextOf({
    spend: [
      // F:PAP: A hors marché 3 000 + B own contract 2 000 (separate) ; C via a centrale 500 (pooled)
      spend({ entity: "Commune A", family: fam("F:PAP", "Papier"), amount: 3000, supplierName: "Fournisseur X" }),
      spend({ entity: "Commune B", family: fam("F:PAP", "Papier"), amount: 2000, supplierName: "Fournisseur Y", contractRef: "MB-1" }),
      spend({ entity: "Commune C", family: fam("F:PAP", "Papier"), amount: 500, channel: "Centrale d'achat" }),
      // F:INFO: only A buys it separately, B through a groupement → not a candidate
      spend({ entity: "Commune A", family: fam("F:INFO", "Informatique"), amount: 4000 }),
      spend({ entity: "Commune B", family: fam("F:INFO", "Informatique"), amount: 1000, channel: "Groupement de commandes" }),
      // F:CAR: B has only a credit note → not a buyer
      spend({ entity: "Commune A", family: fam("F:CAR", "Carburant"), amount: 800 }),
      spend({ entity: "Commune B", family: fam("F:CAR", "Carburant"), amount: -50 }),
      // Non classé bought by two entities: never a candidate
      spend({ entity: "Commune A", family: NC, amount: 100 }),
      spend({ entity: "Commune B", family: NC, amount: 100 }),
    ],
  });

  it("lists entities, suppliers, separately bought spend and whether the family is already partly pooled", () => {
    const r = mu(ctx, "MU2");
    expect(r.value).toBe(1);
    expect(r.tables.candidates).toEqual([
      {
        familyKey: "F:PAP",
        familyLabel: "Papier",
        entityCount: 2,
        entities: "Commune A ; Commune B",
        supplierCount: 2,
        lines: 2,
        amount: 5000,
        pooledAmount: 500,
        partlyPooled: true,
      },
    ]);
  });

  it("skips the Non classé family and says so in the coverage", () => {
    const r = mu(ctx, "MU2");
    expect(r.coverage).toEqual({ n: 7, N: 9, of: "lines" });
    expect(r.details.unclassifiedLines).toBe(2);
  });

  it("makes MU2 to MU6 N/A with a single entity, but not MU1", () => {
    const single = contextOf({ spend: [spend({ amount: 10 }), spend({ amount: 20 })] });
    const results = computeGroup(single, "MU");
    expect(results.map((r) => r.id)).toEqual(["MU1", "MU2", "MU3", "MU4", "MU5", "MU6"]);
    expect(results[0].value).not.toBeNull();
    for (const r of results.slice(1)) {
      expect(r.value).toBeNull();
      expect(fr(r.na)).toMatch(/seule entité/);
    }
  });
});

describe("MU3 addressable spend and savings scenarios", () => {
  const ctx = contextOf({
    spend: [
      spend({ entity: "Commune A", family: fam("F:X"), amount: 60000 }),
      spend({ entity: "Commune B", family: fam("F:X"), amount: 40000 }),
      spend({ entity: "Commune A", family: fam("F:Y"), amount: 7000 }), // one entity: not addressable
    ],
  });

  it("takes the separately bought spend of the candidate families as addressable", () => {
    const r = mu(ctx, "MU3");
    expect(r.value).toBe(100000); // 60 000 + 40 000
    expect(r.unit).toBe("EUR");
    const candidates = mu(ctx, "MU2").tables.candidates;
    expect(candidates.reduce((s, x) => s + (x.amount as number), 0)).toBe(r.value);
  });

  it("applies 2 %, 5 % and 10 % to 100 000 € → 2 000 / 5 000 / 10 000 €, with the source", () => {
    const r = mu(ctx, "MU3");
    expect(r.tables.scenarios.map((x) => [x.scenario, x.ratePercent, x.savings])).toEqual([
      ["low", 2, 2000],
      ["central", 5, 5000],
      ["high", 10, 10000],
    ]);
    expect(r.tables.scenarios[0].source).toBe(defaultReferenceValues().poolingScenarios.source);
    expect([r.details.lowSavings, r.details.centralSavings, r.details.highSavings]).toEqual([2000, 5000, 10000]);
  });

  it("follows the scenario parameters the user sets", () => {
    const ref = { ...defaultReferenceValues(), poolingScenarios: { lowPercent: 1, centralPercent: 3, highPercent: 15, source: "x" } };
    expect(savingsScenarios(10_000_000, ref).map((x) => x.savingsCents)).toEqual([100_000, 300_000, 1_500_000]);
  });
});

describe("MU4 suppliers shared by several entities", () => {
  it("counts suppliers with net spend from at least two entities, with their families", () => {
    const ctx = contextOf({
      spend: [
        spend({ entity: "Commune A", supplierName: "S1", family: fam("F:X", "Famille X"), amount: 300 }),
        spend({ entity: "Commune B", supplierName: "S1", family: fam("F:Y", "Famille Y"), amount: 200 }),
        spend({ entity: "Commune A", supplierName: "S2", amount: 900 }),
        spend({ entity: "Commune A", supplierName: "S3", amount: 100 }),
        spend({ entity: "Commune B", supplierName: "S3", amount: -50 }), // credit only: B does not buy from S3
      ],
    });
    const r = mu(ctx, "MU4");
    expect(r.value).toBe(1);
    expect(r.tables.sharedSuppliers).toEqual([
      {
        supplierKey: "s1",
        supplierName: "S1",
        entityCount: 2,
        entities: "Commune A ; Commune B",
        amount: 500,
        familyCount: 2,
        families: "Famille X ; Famille Y",
      },
    ]);
  });
});

describe("MU5 price dispersion of identical items", () => {
  const item = (entity: string, name: string, unit: string, price: number | null, quantity: number, amount: number) =>
    spend({ entity, item: name, unit, unitPriceCents: price === null ? null : price * 100, quantity, amount });

  const ctx = contextOf({
    spend: [
      item("Commune A", "Ramette A4", "carton", 10, 5, 50),
      item("Commune A", "Ramette A4", "carton", 12, 2, 24),
      item("Commune B", "ramette a4", "Carton", 11, 10, 110), // same item once normalised
      item("Commune B", "RAMETTE  A4", "carton", 20, 1, 20),
      item("Commune B", "Ramette A4", "carton", null, 2, 30), // no unit price: 30 / 2 = 15, flagged
      item("Commune A", "Stylo", "pièce", 1, 10, 10), // one entity only: not compared
      item("Commune A", "Stylo", "pièce", 2, 10, 20),
      item("Commune B", "Agrafes", "boîte", 3, 0, 0), // quantity 0: unusable
      spend({ entity: "Commune B", amount: 500 }), // no item
    ],
  });

  it("computes p10, p25, median, p90 over lines and Σ max(0, p − p25)·q", () => {
    // prices sorted: 10, 11, 12, 15, 20 (n = 5, h = 4p)
    // p10: h = 0.4 → 10 + 0.4 × 1 = 10.4 ; p25: h = 1 → 11 ; median: 12 ; p90: h = 3.6 → 15 + 0.6 × 5 = 18
    // potential: (12 − 11) × 2 + (15 − 11) × 2 + (20 − 11) × 1 = 2 + 8 + 9 = 19 €
    const r = mu(ctx, "MU5");
    expect(r.value).toBe(19);
    expect(r.tables.items).toEqual([
      {
        item: "Ramette A4",
        unit: "carton",
        entityCount: 2,
        lines: 5,
        quantity: 20,
        p10: 10.4,
        p25: 11,
        median: 12,
        p90: 18,
        p90OverP10: 1.73, // 18 / 10.4 = 1.7307…
        potential: 19,
        derivedPriceLines: 1,
      },
    ]);
  });

  it("covers the lines with item, quantity > 0 and a price", () => {
    const r = mu(ctx, "MU5");
    expect(r.coverage).toEqual({ n: 7, N: 9, of: "lines" });
    expect(r.details.linesWithDerivedPrice).toBe(1);
  });

  it("is N/A, not 0, when no line has an item with quantity and price", () => {
    const none = contextOf({ spend: [spend({ entity: "Commune A" }), spend({ entity: "Commune B" })] });
    const r = mu(none, "MU5");
    expect(r.value).toBeNull();
    expect(fr(r.na)).toMatch(/article/);
  });

  it("gives no potential when every price equals p25 or less", () => {
    expect(priceDispersion([5, 5, 5], [1, 2, 3])?.potential).toBe(0);
  });
});

describe("MU6 pooled totals crossing a higher threshold", () => {
  const on = "2026-05-10"; // dispense 60 000 €, EU 216 000 € (supplies/services)
  const ctx = contextOf({
    spend: [
      // Each entity alone: publicity band (≥ 90 000 €); pooled 250 000 € ≥ EU threshold → crosses
      spend({ entity: "Commune A", family: fam("F:INFO", "Informatique"), amount: 150000, on }),
      spend({ entity: "Commune B", family: fam("F:INFO", "Informatique"), amount: 100000, on }),
      // 30 000 + 25 000 = 55 000 < 60 000 €: below the dispense threshold either way
      spend({ entity: "Commune A", family: fam("F:PAP", "Papier"), amount: 30000, on }),
      spend({ entity: "Commune B", family: fam("F:PAP", "Papier"), amount: 25000, on }),
      // 50 000 and 45 000 below 60 000 € each; pooled 95 000 € ≥ 90 000 € → publicity band
      spend({ entity: "Commune A", family: fam("F:NET", "Nettoyage"), amount: 50000, on }),
      spend({ entity: "Commune B", family: fam("F:NET", "Nettoyage"), amount: 45000, on }),
    ],
  });

  it("counts the families whose pooled total reaches a higher procedure band than any entity alone", () => {
    expect(mu(ctx, "MU6").value).toBe(2);
  });

  it("states the procedure consequence (French catalogue)", () => {
    const rows = mu(ctx, "MU6").tables.pooledThresholds;
    const info = rows.find((x) => x.familyKey === "F:INFO");
    expect(info).toMatchObject({ year: 2026, pooledAmount: 250000, largestEntityAmount: 150000, crossesHigherThreshold: true });
    expect(fr(info?.consequence as Message)).toBe(
      "le total mutualisé de 250\u202f000 € dépasse le seuil européen de 216\u202f000 € : procédure formalisée requise",
    );
    const net = rows.find((x) => x.familyKey === "F:NET");
    expect(fr(net?.consequence as Message)).toBe(
      "le total mutualisé de 95\u202f000 € dépasse le seuil de publicité de 90\u202f000 € : publicité au BOAMP ou dans un journal d'annonces légales requise",
    );
    const pap = rows.find((x) => x.familyKey === "F:PAP");
    expect(pap).toMatchObject({ crossesHigherThreshold: false, consequence: null });
  });

  it("cumulates the whole civil year even when the period is a month", () => {
    const monthly = contextOf(
      {
        spend: [
          spend({ entity: "Commune A", family: fam("F:INFO"), amount: 100000, on: "2026-01-10" }),
          spend({ entity: "Commune B", family: fam("F:INFO"), amount: 20000, on: "2026-01-20" }),
          spend({ entity: "Commune B", family: fam("F:INFO"), amount: 130000, on: "2026-12-01" }),
        ],
      },
      { period: monthPeriod(2026, 1) },
    );
    // January alone: 120 000 € pooled, same band as A alone (publicity). Civil year: A 100 000,
    // B 150 000, pooled 250 000 € ≥ 216 000 € → formalised: crosses.
    const r = mu(monthly, "MU6");
    expect(r.value).toBe(1);
    expect(r.tables.pooledThresholds[0]).toMatchObject({ pooledAmount: 250000, largestEntityAmount: 150000 });
  });

  it("uses the works thresholds for works, where the dispense threshold (100 000 €) is above 90 000 €", () => {
    const ref = defaultReferenceValues();
    const day = dayFromIso("2025-06-15");
    expect(procedureBand(ref, 95_000_00, day, "Travaux").rank).toBe(0);
    expect(procedureBand(ref, 150_000_00, day, "Travaux")).toMatchObject({ rank: 2, thresholdCents: 100_000_00 });
    expect(procedureBand(ref, 95_000_00, day, "Fournitures")).toMatchObject({ rank: 2, thresholdCents: 90_000_00 });
    expect(procedureBand(ref, 221_000_00, day, "Services")).toMatchObject({ rank: 3, thresholdCents: 221_000_00 });
  });
});
