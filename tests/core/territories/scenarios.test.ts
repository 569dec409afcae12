import { render } from "../../../src/core/messages/render";
import { fr, frText } from "../../helpers/messages";
import { defaultReferenceValues } from "../../../src/core/reference/values";
import { dayFromIso } from "../../../src/core/dates";
import { isPriority, priorityScore, scoreExpectations, serviceOfFamily, serviceOfName } from "../../../src/core/territories/expectations";
import { analyseQuality } from "../../../src/core/territories/quality";
import { familyScenarios, parseScenarioChoice, type ScenarioFamilyInput } from "../../../src/core/territories/scenarios";

const ref = defaultReferenceValues();
const day = dayFromIso("2025-06-30");
const supply = (territory: string, euros: number, localEuros = 0) => ({
  territory,
  cents: euros * 100,
  localKnownCents: euros * 100,
  localCents: localEuros * 100,
  localSharePercent: (localEuros / euros) * 100,
});
const base: ScenarioFamilyInput = {
  familyKey: "F:X",
  familyLabel: "Collecte des déchets",
  cents: 300000_00,
  nature: "Services",
  proximity: true,
  territories: [supply("Nord", 250000), supply("Sud", 30000), supply("Est", 20000)],
  te4: "mutualiser",
  serviceId: "DECHETS",
  serviceLabel: "Collecte des déchets",
};
const noNeeds = {
  ref,
  day,
  quality: null,
  serviceIdOfQuality: () => "DECHETS",
  expectations: new Map(),
  population: (t: string) => ({ Nord: 10000, Sud: 4000, Est: 6000 })[t] ?? null,
};

describe("recommended cursor between mutualisation and territorialisation", () => {
  it("keeps A (mutualiser) when the service has no quality gap and no priority expectation", () => {
    expect(familyScenarios(base, noNeeds).cursor).toBe("A");
  });

  it("moves A to C (mixte) when a territory of the service is under-served", () => {
    const quality = analyseQuality([
      { source: { table: "Q", row: 2 }, territory: "Sud", service: "Collecte", indicator: "Taux de collecte", value: 60, target: 90, unit: "%", date: null, direction: null },
    ]);
    const r = familyScenarios(base, { ...noNeeds, quality });
    expect(r.cursor).toBe("C");
    expect(r.reasons.map(fr)).toContain("Écarts de qualité (sous la cible) : Sud");
    expect(r.reasons.map((m) => render("en", m))).toContain("Quality gaps (below target): Sud");
    // Sud: 4 000 inhabitants targeted by B and C, none by A.
    expect([r.scenarios.A.populationTargeted, r.scenarios.C.populationTargeted]).toEqual([0, 4000]);
  });

  it("moves C to B (territorialiser) when gaps or expectations concern at least half of the territories of a proximity family", () => {
    const expectations = new Map([["DECHETS", { serviceId: "DECHETS", answered: 3, meanImportance: 3, meanSatisfaction: 1, priorityTerritories: ["Nord", "Sud"], maxPriorityScore: 6 }]]);
    const r = familyScenarios({ ...base, te4: "mixte" }, { ...noNeeds, expectations });
    expect(r.cursor).toBe("B"); // 2 of 3 territories ≥ half
    const standard = familyScenarios({ ...base, te4: "mixte", proximity: false }, { ...noNeeds, expectations });
    expect(standard.cursor).toBe("C"); // not a proximity family: stays mixte
  });

  it("gives no cursor to a family of one buying unit without TE4 recommendation", () => {
    const r = familyScenarios({ ...base, te4: null, territories: [supply("Nord", 1000)] }, noNeeds);
    expect(r.cursor).toBeNull();
  });
});

describe("legal consequence of each scenario (R2121-1, L2113-10, R2123-1 2°, L3)", () => {
  it("counts every lot in the estimated value: 300 000 € of services ≥ EU threshold 221 000 € (2024-2025) → formalised procedure", () => {
    const r = familyScenarios(base, noNeeds);
    expect(frText(r.scenarios.A.legal)).toContain("≥ seuil européen 221 000 € : procédure formalisée");
    expect(frText(r.scenarios.B.legal)).toContain("3 lots géographiques");
    expect(frText(r.scenarios.B.legal)).toContain("tous les lots (R2121-1)");
  });

  it("offers the small-lots exception when the lots under 80 000 € total ≤ 20 % of the whole", () => {
    // Sud 30 000 + Est 20 000 = 50 000 € ≤ 20 % × 300 000 = 60 000 €.
    expect(frText(familyScenarios(base, noNeeds).scenarios.C.legal)).toContain("2 petits lots (< 80 000 €, ≤ 20 % du total) en procédure adaptée possible (R2123-1 2°)");
    // Sud 40 000 + Est 30 000 = 70 000 € > 60 000 € → no exception.
    const bigger = { ...base, territories: [supply("Nord", 230000), supply("Sud", 40000), supply("Est", 30000)] };
    expect(frText(familyScenarios(bigger, noNeeds).scenarios.C.legal)).not.toContain("R2123-1");
  });

  it("never words geographic lots as a local preference", () => {
    for (const s of Object.values(familyScenarios(base, noNeeds).scenarios)) {
      expect(frText(s.legal)).not.toMatch(/réservés? aux entreprises locales|favoris/);
    }
  });
});

describe("expectations of the territories (0–3 scales)", () => {
  it("flags importance ≥ 2 with satisfaction ≤ 1 as a priority and scores importance × (3 − satisfaction)", () => {
    expect(isPriority({ importance: 2, satisfaction: 1 })).toBe(true);
    expect(isPriority({ importance: 1, satisfaction: 0 })).toBe(false);
    expect(isPriority({ importance: 3, satisfaction: 2 })).toBe(false);
    expect(priorityScore({ importance: 3, satisfaction: 0 })).toBe(9);
    expect(priorityScore({ importance: 2, satisfaction: null })).toBeNull();
  });

  it("averages the answered territories of each service", () => {
    const s = scoreExpectations({
      VOIRIE: { A: { importance: 3, satisfaction: 1 }, B: { importance: 1, satisfaction: 2 }, C: { importance: 2, satisfaction: null } },
    }).get("VOIRIE")!;
    // A and B answered both: importance (3 + 1) / 2 = 2 ; satisfaction (1 + 2) / 2 = 1.5 ; A priority (score 6).
    expect(s).toEqual({ serviceId: "VOIRIE", answered: 2, meanImportance: 2, meanSatisfaction: 1.5, priorityTerritories: ["A"], maxPriorityScore: 6 });
  });

  it("ties families and quality measures to services by keyword, then CPV", () => {
    expect(serviceOfFamily("Entretien des espaces verts", null)?.id).toBe("ESPACES_VERTS");
    expect(serviceOfFamily("Prestations diverses", "90511000")?.id).toBe("DECHETS");
    expect(serviceOfFamily("Fournitures de bureau", "30192000")).toBeNull();
    expect(serviceOfName("Collecte des déchets ménagers")?.id).toBe("DECHETS");
  });
});

describe("user's scenario choice as typed in the plan", () => {
  it("reads the list label, the letter or the scenario name", () => {
    expect(parseScenarioChoice("B · Territorialiser")).toBe("B");
    expect(parseScenarioChoice("scénario c")).toBe("C");
    expect(parseScenarioChoice("Mutualiser")).toBe("A");
    expect(parseScenarioChoice("Autre")).toBeNull();
    expect(parseScenarioChoice(3)).toBeNull();
  });
});
