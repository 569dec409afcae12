/**
 * Territories of one body (issue #16 §1–§4): one EPCI with three pôles (Territoires table with
 * populations and postcodes), a quality-of-service table and answered expectations. Every figure
 * below is computed by hand in the comments.
 */
import { frText } from "../../helpers/messages";
import { buildContext } from "../../../src/core/context";
import { computeGroup } from "../../../src/core/indicators/registry";
import { render, type Message } from "../../../src/core/messages/render";

const reasonsOf = (r: { reasons?: unknown } | undefined): string[] => ((r?.reasons ?? []) as Message[]).map((m) => render("fr", m));
const computeTerritoryIndicators = (ctx: AnalysisContext) => computeGroup(ctx, "TE");
import type { AnalysisContext, IndicatorResult } from "../../../src/core/indicators/types";
import type { Family, QualityRow, TerritoryRow } from "../../../src/core/model";
import { analyseTerritorial, territorialScenarios } from "../../../src/core/territories";
import { territoryPopulations } from "../../../src/core/territories/resolve";
import { entity, intakeOf, spend } from "../../helpers/fixtures";

const fam = (key: string, label: string): Family => ({ key, label, rule: "familyCode" });
const EPCI = "CA du Val";

let row = 100;
function territoryRow(territory: string, population: number | null, postcodes: string[], code: string | null = null): TerritoryRow {
  return { source: { table: "Pôles", row: ++row }, territory, code, type: "Pôle territorial", population, departement: "45", postcodes };
}
function quality(territory: string, service: string, indicator: string, value: number, target: number | null): QualityRow {
  return { source: { table: "Qualité", row: ++row }, territory, service, indicator, value, target, unit: null, date: null, direction: null };
}

// Pôle Nord 10 000 hab. (45100, 45110) ; Pôle Sud 5 000 (45200) ; Pôle Est 5 000 (45300).
const territories = [
  territoryRow("Pôle Nord", 10000, ["45100", "45110"]),
  territoryRow("Pôle Sud", 5000, ["45200"]),
  territoryRow("Pôle Est", 5000, ["45300"]),
];
const BUR = fam("F:BUR", "Fournitures de bureau");
const EV = fam("F:EV", "Entretien des espaces verts");
const NET = fam("F:NET", "Nettoyage des locaux");
const INFO = fam("F:INFO", "Informatique");
const line = (territory: string | null, family: Family, nature: "Fournitures" | "Services", amount: number, supplierPostcode: string, extra = {}) =>
  spend({ entity: EPCI, territory, family, nature, amount, supplierPostcode, supplierName: `F ${supplierPostcode}`, ...extra });
const lines = [
  // Fournitures de bureau: Paris supplier everywhere (not local); Nord bought through a centrale.
  line("Pôle Nord", BUR, "Fournitures", 6000, "75008", { channel: "Centrale d'achat" }),
  line("Pôle Sud", BUR, "Fournitures", 3000, "75008"),
  line("Pôle Est", BUR, "Fournitures", 1000, "75008"),
  // Espaces verts (proximity keyword): a supplier of each pôle → 100 % local in the three.
  line("Pôle Nord", EV, "Services", 4000, "45100"),
  line("Pôle Sud", EV, "Services", 2000, "45200"),
  line("Pôle Est", EV, "Services", 2000, "45300"),
  // Nettoyage (proximity keyword): local in Nord only (1 of 3 territories).
  line("Pôle Nord", NET, "Services", 3000, "45110"),
  line("Pôle Sud", NET, "Services", 3000, "75008"),
  line("Pôle Est", NET, "Services", 1000, "75008"),
  // Informatique, no territory.
  line(null, INFO, "Fournitures", 500, "75008"),
];
const qualityRows = [
  // Voirie, délai (lower is better), target 5 days: Nord 4 (125 %), Sud 8 (62.5 % → under), Est 5 (100 %).
  quality("Pôle Nord", "Voirie", "Délai moyen d'intervention", 4, 5),
  quality("Pôle Sud", "Voirie", "Délai moyen d'intervention", 8, 5),
  quality("Pôle Est", "Voirie", "Délai moyen d'intervention", 5, 5),
  // Collecte, satisfaction (higher), target 80: Nord 85 (106.25 %), Sud 70 (87.5 % < 90 → under), Est 75 (93.75 %).
  quality("Pôle Nord", "Collecte des déchets", "Taux de satisfaction", 85, 80),
  quality("Pôle Sud", "Collecte des déchets", "Taux de satisfaction", 70, 80),
  quality("Pôle Est", "Collecte des déchets", "Taux de satisfaction", 75, 80),
  // Espaces verts, tontes par mois (higher), target 4: Sud 2 (50 % → under).
  quality("Pôle Nord", "Espaces verts", "Fréquence de tonte", 4, 4),
  quality("Pôle Sud", "Espaces verts", "Fréquence de tonte", 2, 4),
  quality("Pôle Est", "Espaces verts", "Fréquence de tonte", 4, 4),
];

function ctxOf(parts: { territories?: TerritoryRow[]; quality?: QualityRow[] } = {}): AnalysisContext {
  const intake = intakeOf({ spend: lines, entities: [entity({ entity: EPCI, type: "EPCI", departement: "45" })] });
  return buildContext({ ...intake, territories: parts.territories ?? territories, quality: parts.quality ?? qualityRows });
}
function te(ctx: AnalysisContext, id: string): IndicatorResult {
  const r = computeTerritoryIndicators(ctx).find((x) => x.id === id);
  if (!r) throw new Error(`${id} missing`);
  return r;
}

describe("territory populations (Territoires table, then Entités, then the shipped reference)", () => {
  it("takes the Territoires table first, the Entités rows next, and the shipped populations last", () => {
    const pops = territoryPopulations({
      entities: [
        entity({ entity: "Commune A", territory: "Pôle Nord", population: 999 }),
        entity({ entity: "Commune B", territory: "Pôle Ouest", population: 1200 }),
        entity({ entity: "Commune C", territory: "Pôle Centre", siret: "21450001000011" }),
      ],
      territories: [territoryRow("POLE NORD", 10000, []), territoryRow("Pôle Sud", null, [], "45234")],
      lineTerritories: ["Pôle Nord"],
      shippedPopulation: (code) => ({ "45234": 4321, "214500010": 777 })[code] ?? null,
    });
    expect(pops.get("Pôle Nord")).toEqual({ population: 10000, entities: 0, source: "territoires" }); // table wins over 999, named as the lines spell it
    expect(pops.get("Pôle Ouest")).toEqual({ population: 1200, entities: 1, source: "entites" });
    expect(pops.get("Pôle Sud")).toEqual({ population: 4321, entities: 0, source: "reference" }); // code 45234
    expect(pops.get("Pôle Centre")).toEqual({ population: 777, entities: 0, source: "reference" }); // SIREN of Commune C
  });
});

describe("TE1–TE2 on the pôles of one body", () => {
  it("gives spend per inhabitant per pôle and for the body from the Territoires populations", () => {
    const r = te(ctxOf(), "TE1");
    // Nord 6 000 + 4 000 + 3 000 = 13 000 € / 10 000 = 1.30 ; Sud 3 000 + 2 000 + 3 000 = 8 000 / 5 000 = 1.60 ;
    // Est 1 000 + 2 000 + 1 000 = 4 000 / 5 000 = 0.80 ; headline 25 000 € / 20 000 hab. = 1.25 (the 500 € without pôle left out).
    expect(r.value).toBe(1.25);
    expect(r.details.populationSource).toBe("territoires");
    expect(r.coverage.n).toBe(9);
    expect(r.tables.byTerritory.slice(0, 3).map((x) => [x.territory, x.amount, x.population, x.perInhabitant])).toEqual([
      ["Pôle Nord", 13000, 10000, 1.3],
      ["Pôle Sud", 8000, 5000, 1.6],
      ["Pôle Est", 4000, 5000, 0.8],
    ]);
  });

  it("measures the spread of spend per inhabitant between pôles", () => {
    // 1.3, 1.6, 0.8: mean 1.2333, population σ 0.32998 → CV 26.76 %.
    expect(te(ctxOf(), "TE2").value).toBe(26.76);
  });
});

describe("TE4 on the territories of one body", () => {
  const r = te(ctxOf(), "TE4");
  const rows = r.tables.recommendations;
  const get = (k: string) => rows.find((x) => x.familyKey === k)!;

  it("pools a standard family bought on several pôles, territorialises a proximity family with local supply in each, mixes otherwise", () => {
    expect(rows.map((x) => [x.familyKey, x.territoryCount, x.recommendation])).toEqual([
      ["F:BUR", 3, "mutualiser"], // standard, 0 % local in the three pôles
      ["F:EV", 3, "territorialiser"], // proximity, 100 % local in 3 of 3
      ["F:NET", 3, "mixte"], // proximity, strong local supply in 1 of 3 (< half)
      ["F:INFO", 0, null], // no pôle, standard
    ]);
    expect(r.value).toBe(2); // mutualiser + mixte
    expect(r.na).toBeNull();
  });

  it("shows the territories, the local supply per territory and the current channel among its reasons", () => {
    const bur = reasonsOf(get("F:BUR"));
    // The 3 pôles are named once, by the local supply per territory (every share known).
    expect(bur.filter((r) => r.startsWith("Territoires :"))).toEqual([]);
    expect(bur).toContain("Offre locale forte (≥ 50 %) dans 0 territoire sur 3 : Pôle Nord 0,0 %, Pôle Sud 0,0 %, Pôle Est 0,0 %");
    // 6 000 of 10 000 € through a centrale d'achat.
    expect(bur).toContain(
      "Achat actuel : 60,0 % de la dépense par groupement de commandes ou centrale d'achat (déjà largement mutualisée)",
    );
    const net = reasonsOf(get("F:NET"));
    expect(net).toContain("Offre locale forte (≥ 50 %) dans 1 territoire sur 3 : Pôle Nord 100,0 %, Pôle Sud 0,0 %, Pôle Est 0,0 %");
  });

  it("keeps the geographic-lots wording to SMEs' access, never a local preference (L3 equal treatment)", () => {
    const last = reasonsOf(get("F:EV")).pop() as string;
    expect(last).toContain("facilitent l'accès des PME");
    expect(last).toMatch(/(aucune|excluant toute) préférence locale/);
  });

  it("uses the territory's postcodes for local supply: a supplier of Pôle Nord is not local to Pôle Sud", () => {
    const moved = lines.map((l) => (l.family.key === "F:EV" && l.territory === "Pôle Sud" ? { ...l, supplierPostcode: "45100" } : l));
    const intake = intakeOf({ spend: moved, entities: [entity({ entity: EPCI, departement: "45" })] });
    const ev = te(buildContext({ ...intake, territories }), "TE4").tables.recommendations.find((x) => x.familyKey === "F:EV")!;
    // Sud 0 % local now; Nord and Est 100 %: strong in 2 of 3 ≥ half → still territorialiser.
    expect(reasonsOf(ev).join(" | ")).toContain("dans 2 territoires sur 3");
    expect(ev.recommendation).toBe("territorialiser");
  });
});

describe("quality of service and equity weighted by population", () => {
  const q = analyseTerritorial(ctxOf(), computeTerritoryIndicators(ctxOf())).quality!;

  it("computes the gap to target and the attainment in the indicator's direction", () => {
    const sud = q.measures.find((m) => m.territory === "Pôle Sud" && m.service === "Voirie")!;
    expect([sud.direction, sud.gap, sud.attainmentPercent, sud.underServed]).toEqual(["lower", 3, 62.5, true]); // 5 / 8
    const est = q.measures.find((m) => m.territory === "Pôle Est" && m.service === "Collecte des déchets")!;
    expect([est.direction, est.gap, est.attainmentPercent, est.underServed]).toEqual(["higher", -5, 93.75, false]); // 75 / 80, within 10 points
  });

  it("gives the spread of each indicator between territories", () => {
    const voirie = q.spreads.find((s) => s.service === "Voirie")!;
    // 4, 8, 5: mean 5.67 ; weighted (4×10 000 + 8×5 000 + 5×5 000) / 20 000 = 5.25 ; CV 29.99 % ; best Nord (lowest délai), worst Sud.
    expect([voirie.min, voirie.max, voirie.mean, voirie.weightedMean, voirie.cvPercent, voirie.best, voirie.worst]).toEqual([
      4, 8, 5.67, 5.25, 29.99, "Pôle Nord", "Pôle Sud",
    ]);
  });

  it("weights the under-served population and the attainment by the territories' inhabitants", () => {
    const voirie = q.services.find((s) => s.service === "Voirie")!;
    // Sud under-served: 5 000 / 20 000 = 25 % ; attainment (125×10 000 + 62.5×5 000 + 100×5 000) / 20 000 = 103.125.
    expect([voirie.populationUnderServedPercent, voirie.weightedAttainmentPercent, voirie.underServedTerritories]).toEqual([
      25,
      103.13,
      ["Pôle Sud"],
    ]);
    // Sud under-served on the three services; Nord and Est on none → 5 000 / 20 000.
    expect(q.populationUnderServedPercent).toBe(25);
    expect(q.territories[0]).toEqual({
      territory: "Pôle Sud",
      population: 5000,
      measures: 3,
      underServedMeasures: 3,
      underServedServices: ["Collecte des déchets", "Espaces verts", "Voirie"],
      perInhabitant: 1.6,
    });
  });
});

describe("scenarios A/B/C with expectations", () => {
  const ctx = ctxOf();
  const t = analyseTerritorial(ctx, computeTerritoryIndicators(ctx));
  // Espaces verts: Sud important (3) and unsatisfied (0) → priority; Nord 2/2 and Est 1/1 are not.
  const answers = {
    ESPACES_VERTS: {
      "Pôle Nord": { importance: 2, satisfaction: 2 },
      "Pôle Sud": { importance: 3, satisfaction: 0 },
      "Pôle Est": { importance: 1, satisfaction: 1 },
    },
  } as const;
  const scen = territorialScenarios(t, answers as never, ctx.ref);
  const get = (k: string) => scen.find((s) => s.familyKey === k)!;

  it("gives the cost of each scenario from the parameters", () => {
    const ev = get("F:EV"); // S = 8 000 €
    expect([ev.scenarios.A.savingsLowCents, ev.scenarios.A.savingsCentralCents, ev.scenarios.A.savingsHighCents]).toEqual([16000, 40000, 80000]); // 2, 5, 10 %
    expect([ev.scenarios.C.savingsLowCents, ev.scenarios.C.savingsCentralCents, ev.scenarios.C.savingsHighCents]).toEqual([8000, 20000, 40000]); // × 50 %
    expect(ev.scenarios.B.savingsCentralCents).toBe(-16000); // 2 % extra cost
    expect(ev.scenarios.A.localSpendExposedCents).toBe(800000); // all 8 000 € went to local suppliers
    expect([ev.scenarios.A.lots, ev.scenarios.B.lots, ev.scenarios.C.lots]).toEqual([1, 3, 3]);
  });

  it("addresses the quality gaps and priority expectations of the family's service in B and C, weighted by population", () => {
    const ev = get("F:EV");
    expect(ev.serviceLabel).toBe("Espaces verts");
    expect(ev.gapTerritories).toEqual(["Pôle Sud"]); // tonte 2 / 4
    expect(ev.priorityTerritories).toEqual(["Pôle Sud"]);
    expect([ev.scenarios.A.populationTargeted, ev.scenarios.B.populationTargeted, ev.scenarios.C.populationTargeted]).toEqual([0, 5000, 5000]);
    expect(ev.cursor).toBe("B"); // TE4 territorialiser
    expect(frText(ev.scenarios.B.legal)).toContain("facilitent l'accès des PME, sans préférence locale");
    expect(frText(ev.scenarios.A.legal)).toContain("Valeur annuelle 8 000 € : procédure adaptée");
  });

  it("keeps a pooled family pooled when no gap or expectation concerns its service", () => {
    const bur = get("F:BUR");
    expect(bur.cursor).toBe("A");
    expect(bur.scenarios.A.savingsCentralCents).toBe(50000); // 10 000 € × 5 %
  });
});

/**
 * No entity département (an EPCI row without it): the département of the line's territory (the
 * Territoires table's, 45) tells local suppliers instead, for TE3 and TE4.
 *   known: every line with a territory (Informatique has none): 10 000 + 8 000 + 7 000 = 25 000 €
 *   local (supplier postcode in 45): EV 4 000 + 2 000 + 2 000, Nettoyage Nord 3 000 = 11 000 € → 44 %
 *   Nord (6 000 + 4 000 + 3 000 = 13 000, local 7 000) 53.85 % ; Sud (8 000, local 2 000) 25 % ; Est (4 000, local 2 000) 50 %
 */
describe("local suppliers of one body without an entity département: the territory's département", () => {
  const noDept = () => {
    const intake = intakeOf({ spend: lines, entities: [entity({ entity: EPCI, type: "EPCI", departement: null })] });
    return (terr: TerritoryRow[]) => buildContext({ ...intake, territories: terr, quality: qualityRows });
  };

  it("TE3 reads the Territoires table's département of each line's territory", () => {
    const te3 = te(noDept()(territories), "TE3");
    expect(te3.value).toBe(44);
    expect((te3.tables.byTerritory as { territory: string; localSharePercent: number | null }[]).filter((r) => r.territory !== null).map((r) => [r.territory, r.localSharePercent])).toEqual([
      ["Pôle Nord", 53.85],
      ["Pôle Sud", 25],
      ["Pôle Est", 50],
    ]);
  });

  it("TE4's local supply per territory falls back on the territory's département when its postcodes are not given", () => {
    // No postcodes: Espaces verts (45100, 45200, 45300) local in 3 of 3 pôles by département 45; Nettoyage in Nord only (45110).
    const ctx = noDept()(territories.map((t) => ({ ...t, postcodes: [] })));
    const recs = te(ctx, "TE4").tables.recommendations as { familyKey: string; reasons?: unknown }[];
    expect(reasonsOf(recs.find((r) => r.familyKey === "F:EV"))).toContain("Offre locale forte (≥ 50 %) dans 3 territoires sur 3 : Pôle Nord 100,0 %, Pôle Est 100,0 %, Pôle Sud 100,0 %"); // by spend: 4 000, 2 000, 2 000
    expect(reasonsOf(recs.find((r) => r.familyKey === "F:NET"))).toContain("Offre locale forte (≥ 50 %) dans 1 territoire sur 3 : Pôle Nord 100,0 %, Pôle Sud 0,0 %, Pôle Est 0,0 %");
  });

  it("control: without any département, TE3 is N/A, and TE4 drops « local share unknown » where the pôles' postcodes tell local supply", () => {
    const ctx = noDept()(territories.map((t) => ({ ...t, departement: null })));
    expect(te(ctx, "TE3").value).toBeNull();
    const bur = reasonsOf((te(ctx, "TE4").tables.recommendations as { familyKey: string; reasons?: unknown }[]).find((r) => r.familyKey === "F:BUR"));
    expect(bur.some((r) => r.startsWith("Part locale inconnue"))).toBe(false);
    expect(bur).toContain("Offre locale forte (≥ 50 %) dans 0 territoire sur 3 : Pôle Nord 0,0 %, Pôle Sud 0,0 %, Pôle Est 0,0 %");
  });
});
