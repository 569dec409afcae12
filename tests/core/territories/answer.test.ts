/**
 * The answer of the territorial analysis (src/core/territories/answer.ts): per family the user's
 * choice, else the recommended cursor, its signed effect, the territories it serves, the totals
 * and the under-served territories. Small hand-built scenarios, figures derived by hand below.
 *
 * Families (spend S; rates 2 / 5 / 10 %, C = 50 % of A, B = 2 % extra cost):
 *   Papier         10 000 €  cursor A             A: 200 / 500 / 1 000 €
 *   Voirie         40 000 €  cursor C             C: 400 / 1 000 / 2 000 €; gaps Ouest, priorities Ouest + Sud
 *   Espaces verts  20 000 €  cursor B             B: − 400 €; gap Sud
 *   Nettoyage       8 000 €  cursor A, chosen B   B: − 160 €
 *   Informatique    5 000 €  no cursor, no choice → no orientation
 * Populations: Ouest 3 000, Sud 5 000, Nord 12 000.
 */
import { territorialAnswer } from "../../../src/core/territories/answer";
import type { QualityAnalysis } from "../../../src/core/territories/quality";
import type { FamilyScenarios, ScenarioFigures, ScenarioId } from "../../../src/core/territories/scenarios";

const POP: Record<string, number> = { Ouest: 3000, Sud: 5000, Nord: 12000 };

function figures(id: ScenarioId, low: number, central: number, high: number, gaps: string[] = [], priorities: string[] = []): ScenarioFigures {
  const served = [...new Set([...gaps, ...priorities])];
  return {
    scenario: id,
    label: id,
    description: { code: "scenario.descriptionA" },
    savingsLowCents: low * 100,
    savingsCentralCents: central * 100,
    savingsHighCents: high * 100,
    localSpendExposedCents: 0,
    lots: id === "A" ? 1 : 3,
    gapsAddressed: id === "A" ? [] : gaps,
    prioritiesAddressed: id === "A" ? [] : priorities,
    populationTargeted: id === "A" ? 0 : served.reduce((s, t) => s + POP[t], 0),
    costImpact: [],
    serviceImpact: { code: "scenario.serviceA" },
    equityImpact: { code: "scenario.equityA" },
    legal: [],
  };
}

function family(key: string, euros: number, cursor: ScenarioId | null, gaps: string[] = [], priorities: string[] = []): FamilyScenarios {
  const a = euros * 0.02;
  return {
    familyKey: key,
    familyLabel: key,
    cents: euros * 100,
    serviceLabel: null,
    serviceId: null,
    territories: ["Nord", "Sud", "Ouest"],
    gapTerritories: gaps,
    priorityTerritories: priorities,
    scenarios: {
      A: figures("A", a, a * 2.5, a * 5),
      B: figures("B", -a, -a, -a, gaps, priorities),
      C: figures("C", a / 2, (a * 2.5) / 2, (a * 5) / 2, gaps, priorities),
    },
    cursor,
    reasons: [],
  };
}

const FAMILIES = [
  family("Informatique", 5000, null),
  family("Nettoyage", 8000, "A"),
  family("Espaces verts", 20000, "B", ["Sud"]),
  family("Papier", 10000, "A"),
  family("Voirie", 40000, "C", ["Ouest"], ["Ouest", "Sud"]),
];
const CHOICES: Record<string, ScenarioId> = { Nettoyage: "B" };
const choiceOf = (k: string) => CHOICES[k] ?? null;

const quality = {
  territories: [
    { territory: "Sud", population: 5000, measures: 3, underServedMeasures: 1, underServedServices: ["Espaces verts"], perInhabitant: 9.5 },
    { territory: "Nord", population: 12000, measures: 3, underServedMeasures: 0, underServedServices: [], perInhabitant: 11 },
    { territory: "Ouest", population: 3000, measures: 3, underServedMeasures: 2, underServedServices: ["Voirie", "Propreté"], perInhabitant: 6.25 },
  ],
} as unknown as QualityAnalysis;

describe("territorial answer: orientation = the user's choice, else the recommended cursor", () => {
  const answer = territorialAnswer(FAMILIES, choiceOf, quality, (t) => POP[t] ?? null);

  it("lists the families to pool (A), then pooled with territorial lots (C), then brought closer (B, largest first)", () => {
    expect(answer.orientations.map((o) => [o.familyKey, o.scenario, o.source])).toEqual([
      ["Papier", "A", "cursor"],
      ["Voirie", "C", "cursor"],
      ["Espaces verts", "B", "cursor"],
      ["Nettoyage", "B", "choice"], // recommended A, chosen B: the choice wins
    ]);
    expect(answer.orientations.find((o) => o.familyKey === "Nettoyage")?.cursor).toBe("A");
  });

  it("keeps a family with neither a choice nor a cursor apart, without an orientation", () => {
    expect(answer.unoriented).toEqual([{ familyKey: "Informatique", familyLabel: "Informatique", cents: 5000_00 }]);
  });

  it("signs the effect: savings positive (A, C), the extra cost of B negative", () => {
    const fx = (k: string) => {
      const o = answer.orientations.find((x) => x.familyKey === k)!;
      return [o.effectLowCents, o.effectCentralCents, o.effectHighCents];
    };
    expect(fx("Papier")).toEqual([200_00, 500_00, 1000_00]); // 10 000 × 2 / 5 / 10 %
    expect(fx("Voirie")).toEqual([400_00, 1000_00, 2000_00]); // 40 000 × 2 / 5 / 10 % × 50 %
    expect(fx("Espaces verts")).toEqual([-400_00, -400_00, -400_00]); // 20 000 × 2 %
    expect(fx("Nettoyage")).toEqual([-160_00, -160_00, -160_00]); // 8 000 × 2 % (the chosen B, not the cursor's A)
  });

  it("serves the territories whose gaps or priority expectations the scenario addresses (none for A)", () => {
    const served = (k: string) => answer.orientations.find((x) => x.familyKey === k)!;
    expect([served("Voirie").territoriesServed, served("Voirie").populationServed]).toEqual([["Ouest", "Sud"], 8000]); // 3 000 + 5 000
    expect([served("Espaces verts").territoriesServed, served("Espaces verts").populationServed]).toEqual([["Sud"], 5000]);
    expect([served("Papier").territoriesServed, served("Papier").populationServed]).toEqual([[], 0]);
  });

  it("totals: savings of A and C, extra cost of B, net = savings − extra cost, each territory's population once", () => {
    expect(answer.totals).toEqual({
      savingsLowCents: 600_00, // 200 + 400
      savingsCentralCents: 1500_00, // 500 + 1 000
      savingsHighCents: 3000_00, // 1 000 + 2 000
      extraCostCents: 560_00, // 400 + 160
      netLowCents: 40_00, // 600 − 560
      netCentralCents: 940_00, // 1 500 − 560
      netHighCents: 2440_00, // 3 000 − 560
      territoriesServed: ["Ouest", "Sud"],
      populationServed: 8000, // Sud served by Voirie and Espaces verts counts once: 3 000 + 5 000
    });
  });

  it("lists the under-served territories, most measures under target first, with their spend per inhabitant", () => {
    expect(answer.underServed).toEqual([
      { territory: "Ouest", population: 3000, services: ["Voirie", "Propreté"], underServedMeasures: 2, perInhabitant: 6.25 },
      { territory: "Sud", population: 5000, services: ["Espaces verts"], underServedMeasures: 1, perInhabitant: 9.5 },
    ]);
  });

  it("has no under-served list without a Qualité de service table, and nothing to total without families", () => {
    const empty = territorialAnswer([], choiceOf, null, () => null);
    expect(empty.underServed).toBeNull();
    expect([empty.orientations, empty.totals.netCentralCents, empty.totals.populationServed]).toEqual([[], 0, 0]);
  });
});
