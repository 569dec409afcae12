import { render } from "../../src/core/messages/render";
import { computeGroup } from "../../src/core/indicators/registry";
import type { AnalysisContext, IndicatorResult } from "../../src/core/indicators/types";
import type { Family } from "../../src/core/model";
import { buildPlanInputs, proposeTarget, quadrantOf, QUADRANT_STRATEGY } from "../../src/core/plan";
import { contextOf, contract, spend } from "../helpers/fixtures";
import { fr } from "../helpers/messages";

const fam = (key: string, label = key): Family => ({ key, label, rule: "familyCode" });

/** n lines of `each` € in a family, one supplier per line (S1..Sn), bought by one entity. */
function spread(family: Family, n: number, each: number, prefix: string) {
  return Array.from({ length: n }, (_, i) => spend({ family, amount: each, supplierName: `${prefix}${i + 1}`, entity: "Commune A" }));
}

// Total 200 000 € over 4 families → equal-split cut-off 25 %.
// F:A 100 000 € (50 %), one supplier, bought separately by A and B       → high impact, HHI 10 000, 1 supplier
// F:B  60 000 € (30 %), 5 suppliers × 12 000 € off contract, Commune A   → high impact, HHI 2 000 ; CO1 alert (60 000 ≥ 40 000)
// F:C  24 000 € (12 %), 5 suppliers × 4 800 € ; contracts: bids 1 and 3 → single-bid 50 % > 20 % ; env 1 of 2
// F:D  16 000 € (8 %), 5 suppliers × 3 200 €                              → low impact, low risk
const ctx: AnalysisContext = contextOf({
  spend: [
    spend({ family: fam("F:A", "Énergie"), amount: 50000, supplierName: "EDF", entity: "Commune A" }),
    spend({ family: fam("F:A", "Énergie"), amount: 50000, supplierName: "EDF", entity: "Commune B" }),
    ...spread(fam("F:B", "Fournitures de bureau"), 5, 12000, "B"),
    ...spread(fam("F:C", "Maintenance"), 5, 4800, "C"),
    ...spread(fam("F:D", "Petit matériel"), 5, 3200, "D"),
  ],
  contracts: [
    contract({ family: fam("F:C", "Maintenance"), bidsReceived: 1, environmentalConsideration: true }),
    contract({ family: fam("F:C", "Maintenance"), bidsReceived: 3, environmentalConsideration: false }),
  ],
});

function allIndicators(c: AnalysisContext): IndicatorResult[] {
  return [
    ...computeGroup(c, "SP"),
    ...computeGroup(c, "CO"),
    ...computeGroup(c, "RE"),
    ...computeGroup(c, "MU"),
    ...computeGroup(c, "TE"),
  ];
}

describe("buildPlanInputs", () => {
  const plan = buildPlanInputs(ctx, allIndicators(ctx));
  const byKey = (k: string) => {
    const f = plan.find((x) => x.familyKey === k);
    if (!f) throw new Error(k);
    return f;
  };

  it("orders families by spend, shares summing to 100 %", () => {
    expect(plan.map((f) => [f.familyKey, f.amount, f.spendShare])).toEqual([
      ["F:A", 100000, 50],
      ["F:B", 60000, 30],
      ["F:C", 24000, 12],
      ["F:D", 16000, 8],
    ]);
    expect(plan.reduce((s, f) => s + f.spendShare, 0)).toBe(100);
  });

  it("puts each family in its quadrant from impact (≥ 25 % = 100 / 4 families) and risk factors", () => {
    expect(plan.map((f) => [f.familyKey, f.quadrant, f.riskScore])).toEqual([
      ["F:A", "Stratégique", 2], // HHI 10 000 ≥ 2 500 and 1 supplier ≤ 2
      ["F:B", "Levier", 0], // HHI 5 × 20² = 2 000, 5 suppliers, no contract
      ["F:C", "Critique", 1], // single bid 1 of 2 = 50 % > 20 %
      ["F:D", "Simple", 0],
    ]);
    expect(byKey("F:A").strategy).toBe("Partenariat, accord-cadre pluriannuel");
    expect(byKey("F:B").hhi).toBe(2000);
    expect(byKey("F:C").singleBidRate).toBe(50);
    expect(byKey("F:D").singleBidRate).toBeNull();
    expect(byKey("F:A").scores).toMatchObject({ impactCutoffPercent: 25, impactHigh: true, hhiHigh: true, fewSuppliers: true, singleBidHigh: false });
  });

  it("pre-fills each lever with the indicator that triggered it", () => {
    const levers = (k: string) => byKey(k).levers.map((l) => [l.lever, l.indicator]);
    expect(levers("F:A")).toEqual([
      ["Groupement de commandes", "MU2"],
      ["Sourcing / allotissement", "SP4"],
    ]);
    expect(levers("F:B")).toEqual([["Passer un marché", "CO1"]]);
    expect(levers("F:C")).toEqual([["Clause environnementale", "RE1"]]);
    expect(levers("F:D")).toEqual([]);
    expect(fr(byKey("F:C").levers[0].reason)).toBe("1 marché sur 2 avec une considération environnementale (50,0 %), objectif PNAD 100 %");
    expect(fr(byKey("F:A").levers[0].reason)).toBe("2 entités achètent cette famille séparément (Commune A, Commune B) pour 100\u202f000 €");
  });

  it("carries the TE4 recommendation and its reasons", () => {
    expect(byKey("F:A").te4.recommendation).toBe("mutualiser");
    expect(fr(byKey("F:A").te4.reasons[0])).toBe("Acheteurs : Commune A, Commune B");
    expect(byKey("F:B").te4).toMatchObject({ recommendation: null });
  });

  it("gives the same inputs when the other results are missing (computed from the context)", () => {
    expect(buildPlanInputs(ctx, [])).toEqual(plan);
  });

  it("leaves out Non classé and families without positive net spend, whose spend still counts in the total", () => {
    const c = contextOf({
      spend: [
        spend({ family: fam("F:X"), amount: 800 }),
        spend({ family: { key: "NC", label: "Non classé", rule: "unclassified" }, amount: 200 }),
        spend({ family: fam("F:AV"), amount: -50 }),
        spend({ family: fam("F:AV"), amount: 50 }),
      ],
    });
    // total 800 + 200 − 50 + 50 = 1 000 → F:X 80 %
    expect(buildPlanInputs(c, []).map((f) => [f.familyKey, f.spendShare])).toEqual([["F:X", 80]]);
  });

  it("is empty without spend", () => {
    expect(buildPlanInputs(contextOf({ spend: [] }), [])).toEqual([]);
  });
});

describe("plan quadrant: few suppliers alone do not make a small family « Critique »", () => {
  // Families: BIG 90 000 € (3 suppliers 30 000 each, HHI 3 × 33,3² ≈ 3 333), SMALL 1 000 € from 1 supplier
  // (HHI 10 000, ≤ 2 suppliers), MID 9 000 € from 3 suppliers 7 000 / 1 000 / 1 000 (HHI 77,8² + 2 × 11,1² ≈ 6 296).
  // Total 100 000; impact cut-off 100 / 3 = 33,3 %: BIG 90 % high, SMALL 1 % and MID 9 % low.
  const c = contextOf({
    spend: [
      spend({ family: fam("F:BIG"), amount: 30_000, supplierName: "A" }),
      spend({ family: fam("F:BIG"), amount: 30_000, supplierName: "B" }),
      spend({ family: fam("F:BIG"), amount: 30_000, supplierName: "C" }),
      spend({ family: fam("F:SMALL"), amount: 1_000, supplierName: "S" }),
      spend({ family: fam("F:MID"), amount: 7_000, supplierName: "M1" }),
      spend({ family: fam("F:MID"), amount: 1_000, supplierName: "M2" }),
      spend({ family: fam("F:MID"), amount: 1_000, supplierName: "M3" }),
    ],
  });
  const plan = buildPlanInputs(c, []);
  const q = (k: string) => plan.find((f) => f.familyKey === k)?.quadrant;

  it("keeps a low-impact family bought from 1 supplier in « Simple », and says why", () => {
    // SMALL: risk factors HHI ≥ 2 500 and ≤ 2 suppliers (score 2) but impact low and no single-bid factor
    expect(q("F:SMALL")).toBe("Simple");
    const small = plan.find((f) => f.familyKey === "F:SMALL");
    expect(small?.riskScore).toBe(2);
    expect(small?.scores.explanation.map((m) => render("fr", m)).join(" ")).toContain("petit besoin");
  });

  it("still puts a low-impact family concentrated on one of 3 suppliers or more in « Critique »", () => {
    expect(q("F:MID")).toBe("Critique");
  });

  it("still counts concentration in a high-impact family", () => {
    expect(q("F:BIG")).toBe("Stratégique");
  });
});

describe("quadrantOf", () => {
  it("maps impact × risk onto the four Kraljic quadrants with their approach", () => {
    expect([quadrantOf(true, true), quadrantOf(true, false), quadrantOf(false, true), quadrantOf(false, false)]).toEqual([
      "Stratégique",
      "Levier",
      "Critique",
      "Simple",
    ]);
    expect(QUADRANT_STRATEGY.Simple).toBe("Catalogue, centrale d'achat, carte achat");
    expect(QUADRANT_STRATEGY.Critique).toBe("Sécuriser, élargir le sourcing, allotir");
    expect(QUADRANT_STRATEGY.Levier).toBe("Mise en concurrence, mutualisation");
  });
});

describe("proposeTarget: a proposed target is never worse than the current value (issue #12)", () => {
  it("a single-bid rate of 7,9 % against the 10 % reference keeps 7,9 % (lower is better), and says it is kept", () => {
    expect(proposeTarget(7.9, 10, "lower")).toEqual({ value: 7.9, kept: true });
  });

  it("an SME share of 81,5 % against the 64 % reference keeps 81,5 % (higher is better)", () => {
    expect(proposeTarget(81.5, 64, "higher")).toEqual({ value: 81.5, kept: true });
  });

  it("a value short of the reference gets the reference", () => {
    expect(proposeTarget(50, 10, "lower")).toEqual({ value: 10, kept: false });
    expect(proposeTarget(20, 30, "higher")).toEqual({ value: 30, kept: false });
  });

  it("an unknown current value gets the reference", () => {
    expect(proposeTarget(null, 30, "higher")).toEqual({ value: 30, kept: false });
  });
});
