import { computeGroup, TE4 } from "../../../src/core/indicators/registry";
import {
  proximityOf,
  recommend,
} from "../../../src/core/indicators/territories";
import type { AnalysisContext, IndicatorResult } from "../../../src/core/indicators/types";
import { msg, render, type Message } from "../../../src/core/messages/render";
import { fr } from "../../helpers/messages";
import type { Family } from "../../../src/core/model";
import { contextOf, entity, nomenclature, spend, supplier } from "../../helpers/fixtures";

const fam = (key: string, label = key): Family => ({ key, label, rule: "familyCode" });

function te(ctx: AnalysisContext, id: string): IndicatorResult {
  const r = computeGroup(ctx, "TE").find((x) => x.id === id);
  if (!r) throw new Error(`${id} missing`);
  return r;
}

// Nord = Commune A (1 000 hab., 33) + Commune B (500 hab., 33) ; Sud = Commune C (2 000 hab., 40).
const entities = [
  entity({ entity: "Commune A", territory: "Nord", population: 1000, departement: "33" }),
  entity({ entity: "Commune B", territory: "Nord", population: 500, departement: "33" }),
  entity({ entity: "Commune C", territory: "Sud", population: 2000, departement: "40" }),
];
const lines = [
  spend({ entity: "Commune A", amount: 30000, supplierName: "Local SARL" }), // Nord ; supplier table: 33 → local
  spend({ entity: "Commune B", amount: 15000, supplierName: "Bordeaux Services", supplierPostcode: "33000" }), // Nord ; local
  spend({ entity: "Commune C", amount: 20000, supplierName: "Paris SA", supplierPostcode: "75008" }), // Sud ; not local
  spend({ entity: "Commune A", territory: "Sud", amount: 10000, supplierName: "Inconnu" }), // Sud (line territory) ; unknown
  spend({ entity: "Syndicat X", amount: 5000, supplierName: "Paris SA", supplierPostcode: "75008" }), // no territory, no département
];
const ctx = contextOf({ spend: lines, entities, suppliers: [supplier({ name: "Local SARL", departement: "33" })] });

describe("TE1 spend per territory and per inhabitant", () => {
  it("attributes each line to its own territory, else its entity's", () => {
    const rows = te(ctx, "TE1").tables.byTerritory;
    expect(rows.map((x) => [x.territory, x.amount, x.population, x.perInhabitant])).toEqual([
      ["Nord", 45000, 1500, 30], // 45 000 / 1 500
      ["Sud", 30000, 2000, 15], // (20 000 + 10 000) / 2 000
      [null, 5000, null, null],
    ]);
    expect(rows.reduce((s, x) => s + (x.amount as number), 0)).toBe(80000);
    expect(rows.reduce((s, x) => s + (x.sharePercent as number), 0)).toBeCloseTo(100, 6);
  });

  it("divides the spend of the entities with a population by their population", () => {
    const r = te(ctx, "TE1");
    // (30 000 + 15 000 + 20 000 + 10 000) / (1 000 + 500 + 2 000) = 75 000 / 3 500 = 21.428…
    expect(r.value).toBe(21.43);
    expect(r.unit).toBe("EUR/hab");
    expect(r.coverage).toEqual({ n: 4, N: 5, of: "lines" });
  });

  it("counts an EPCI's inhabitants once when its member communes are listed too", () => {
    const withEpci = [
      entity({ entity: "CA du Val", type: "EPCI", territory: "Nord", population: 3500 }),
      entity({ entity: "Commune A", type: "Commune", territory: "Nord", population: 1000 }),
      entity({ entity: "Commune C", type: "Commune", territory: "Sud", population: 2500 }),
    ];
    const r = te(
      contextOf({
        spend: [spend({ entity: "CA du Val", amount: 7000 }), spend({ entity: "Commune A", amount: 10000 }), spend({ entity: "Commune C", amount: 4000 })],
        entities: withEpci,
      }),
      "TE1",
    );
    // Perimeter: 1 000 + 2 500 = 3 500 inhabitants (not 7 000); spend 7 000 + 10 000 + 4 000 = 21 000 € → 6 €/hab.
    expect(r.details.population).toBe(3500);
    expect(r.value).toBe(6);
    // Nord: (7 000 + 10 000) / 1 000 = 17 €/hab ; Sud: 4 000 / 2 500 = 1.6 €/hab.
    expect(r.tables.byTerritory.map((x) => [x.territory, x.population, x.perInhabitant])).toEqual([
      ["Nord", 1000, 17],
      ["Sud", 2500, 1.6],
    ]);
  });

  it("is N/A, not 0, when no entity has a population", () => {
    const r = te(contextOf({ spend: lines, entities: [entity({ entity: "Commune A", territory: "Nord" })] }), "TE1");
    expect(r.value).toBeNull();
    expect(fr(r.na)).toMatch(/Population/);
    expect(r.tables.byTerritory.length).toBeGreaterThan(0);
  });
});

describe("TE2 equity across territories", () => {
  it("gives the coefficient of variation and the Gini of per-inhabitant spend", () => {
    const r = te(ctx, "TE2");
    // values 30 and 15: mean 22.5, population σ 7.5 → CV 33.33 %
    // Gini: |30 − 15| × 2 / (2 × 2² × 22.5) = 30 / 180 = 0.1667
    expect(r.value).toBe(33.33);
    expect(r.details.gini).toBe(0.1667);
    expect(r.coverage).toEqual({ n: 2, N: 2, of: "territories" });
  });

  it("counts a territory of the Entités table without spend as 0 € per inhabitant", () => {
    const c = contextOf({
      spend: [spend({ entity: "Commune A", amount: 1000 })],
      entities: [entity({ entity: "Commune A", territory: "Nord", population: 100 }), entity({ entity: "Commune Z", territory: "Est", population: 100 })],
    });
    const r = te(c, "TE2");
    // values 10 and 0: mean 5, σ 5 → CV 100 % ; Gini 10 × 2 / (2 × 4 × 5) = 0.5
    expect(r.value).toBe(100);
    expect(r.details.gini).toBe(0.5);
  });

  it("is N/A with fewer than two territories with a population", () => {
    const one = contextOf({ spend: lines, entities: entities.slice(0, 2) });
    const r = te(one, "TE2");
    expect(r.value).toBeNull();
    expect(fr(r.na)).toMatch(/deux territoires/);
  });
});

describe("TE3 local supplier share per territory", () => {
  it("compares the supplier's département (postcode, else supplier table) with the entity's", () => {
    const r = te(ctx, "TE3");
    // local: 30 000 (table 33) + 15 000 (33000) ; known: + 20 000 (75 vs 40) → 45 000 / 65 000 = 69.23 %
    expect(r.value).toBe(69.23);
    expect(r.coverage).toEqual({ n: 3, N: 5, of: "lines" });
    const rows = r.tables.byTerritory;
    expect(rows.find((x) => x.territory === "Nord")?.localSharePercent).toBe(100);
    expect(rows.find((x) => x.territory === "Sud")?.localSharePercent).toBe(0);
    expect(rows.find((x) => x.territory === null)?.localSharePercent).toBeNull();
  });

  it("takes the line's supplier postcode before the supplier table (as RE4)", () => {
    const c = contextOf({
      entities: [entity({ entity: "Commune A", departement: "33" })],
      suppliers: [supplier({ name: "Multi Sites", departement: "75" })],
      spend: [
        spend({ entity: "Commune A", supplierName: "Multi Sites", supplierPostcode: "33300", amount: 300 }), // local agency
        spend({ entity: "Commune A", supplierName: "Multi Sites", amount: 100 }), // table: 75 → not local
      ],
    });
    expect(te(c, "TE3").value).toBe(75); // 300 / 400
  });

  it("is N/A, not 0, when no département is known", () => {
    const r = te(contextOf({ spend: lines }), "TE3");
    expect(r.value).toBeNull();
    expect(fr(r.na)).toMatch(/Département/);
  });
});

describe("TE4 per-family recommendation", () => {
  const te4ctx = contextOf({
    entities: ["Commune A", "Commune B", "Commune C"].map((e) => entity({ entity: e, departement: "33" })),
    nomenclature: [nomenclature({ familyCode: "EV", proximity: true })],
    spend: [
      // standard supplies, 2 entities, no local supplier → mutualiser
      spend({ entity: "Commune A", family: fam("F:PAP", "Fournitures de bureau"), nature: "Fournitures", supplierPostcode: "75008", amount: 4000 }),
      spend({ entity: "Commune B", family: fam("F:PAP", "Fournitures de bureau"), nature: "Fournitures", supplierPostcode: "75008", amount: 3000 }),
      // cleaning (keyword), 2 entities → mixte
      spend({ entity: "Commune A", family: fam("F:NET", "Nettoyage des locaux"), nature: "Services", supplierPostcode: "33000", amount: 2000 }),
      spend({ entity: "Commune B", family: fam("F:NET", "Nettoyage des locaux"), nature: "Services", supplierPostcode: "33700", amount: 1000 }),
      // proximity from the nomenclature, 1 entity, local supply 100 % → territorialiser
      spend({ entity: "Commune C", familyCode: "EV", family: fam("F:EV", "Parcs"), nature: "Services", supplierPostcode: "33200", amount: 800 }),
      // standard, 1 entity → no recommendation
      spend({ entity: "Commune C", family: fam("F:INFO", "Informatique"), nature: "Fournitures", supplierPostcode: "75008", amount: 500 }),
    ],
  });

  it("recommends mutualiser, mixte or territorialiser and counts the families to pool", () => {
    const r = te(te4ctx, "TE4");
    const rows = r.tables.recommendations;
    expect(rows.map((x) => [x.familyKey, x.entityCount, x.localSharePercent, x.proximity, x.recommendation])).toEqual([
      ["F:PAP", 2, 0, false, "mutualiser"],
      ["F:NET", 2, 100, true, "mixte"],
      ["F:EV", 1, 100, true, "territorialiser"],
      ["F:INFO", 1, 0, false, null],
    ]);
    expect(r.value).toBe(2); // mutualiser + mixte
  });

  it("explains each recommendation with its figures and the source of the proximity flag", () => {
    const rows = TE4.compute(te4ctx).tables.recommendations;
    const reasons = (key: string) => (rows.find((x) => x.familyKey === key)?.reasons ?? []).map(fr);
    // Short: the number of entities, the local share and the recommendation are columns of the
    // TE4 table; the reasons name the buyers, the strength of the local supply, the proximity source.
    expect(reasons("F:PAP")).toEqual([
      "Acheteurs : Commune A, Commune B",
      "Offre locale faible (seuil 50 %) : fournisseurs du département de l'entité, à défaut du territoire",
      "Standard : aucun critère de proximité (nomenclature, nature Travaux, libellé, CPV)",
      "Par un groupement de commandes ou une centrale d'achat",
    ]);
    expect(reasons("F:NET")[2]).toBe("Proximité d'après le mot-clé « nettoyage » du libellé");
    expect(reasons("F:EV")[2]).toBe("Proximité d'après la nomenclature (service de proximité : oui)");
    expect(reasons("F:EV")[0]).toBe("Acheteur unique : Commune C");
  });

  it("names five buyers at most and counts the others (the entity count is a column of the table)", () => {
    // 7 communes buy the same family: « Commune 1 » to « Commune 5 » named, « et 2 autres ».
    const seven = Array.from({ length: 7 }, (_, i) => spend({ entity: `Commune ${i + 1}`, family: fam("F:PAP"), amount: 1000 }));
    const rows = TE4.compute(contextOf({ spend: seven })).tables.recommendations;
    const first = rows.find((x) => x.familyKey === "F:PAP")!.reasons[0];
    expect(fr(first)).toBe("Acheteurs : Commune 1, Commune 2, Commune 3, Commune 4, Commune 5 et 2 autres");
    expect(render("en", first)).toBe("Buyers: Commune 1, Commune 2, Commune 3, Commune 4, Commune 5 and 2 others");
  });

  it("words geographic lots as facilitating SMEs' access, never as a local preference (equal treatment)", () => {
    const rows = te(te4ctx, "TE4").tables.recommendations;
    const last = (key: string) => {
      const reasons = (rows.find((x) => x.familyKey === key)?.reasons ?? []) as readonly Message[];
      return fr(reasons[reasons.length - 1]) ?? "";
    };
    for (const key of ["F:EV", "F:NET"]) {
      expect(last(key)).toContain("facilitent l'accès des PME");
      expect(last(key)).not.toMatch(/ouverts aux entreprises locales|réservés? aux entreprises locales|favoris/);
      expect(last(key)).toMatch(/(aucune|excluant toute) préférence locale/);
    }
  });

  it("turns a standard family bought by several entities with strong local supply into mixte", () => {
    const p = { proximity: false, source: null };
    expect(recommend({ entityCount: 3, localSharePercent: 50, proximity: p })).toBe("mixte"); // 50 % = strong
    expect(recommend({ entityCount: 3, localSharePercent: 49.9, proximity: p })).toBe("mutualiser");
    expect(recommend({ entityCount: 1, localSharePercent: 40, proximity: { proximity: true, source: msg("proximity.works") } })).toBeNull();
  });

  it("detects proximity from the nomenclature first, then nature, keywords (not for supplies) and CPV", () => {
    expect(proximityOf({ nomenclatureFlag: false, nature: "Services", label: "Nettoyage", cpv: null }).proximity).toBe(false);
    expect(fr(proximityOf({ nomenclatureFlag: null, nature: "Travaux", label: "Voirie", cpv: null }).source)).toBe("la nature Travaux");
    expect(proximityOf({ nomenclatureFlag: null, nature: "Fournitures", label: "Fournitures d'entretien", cpv: null }).proximity).toBe(false);
    expect(proximityOf({ nomenclatureFlag: null, nature: "Services", label: "Entretien des espaces verts", cpv: null }).proximity).toBe(true);
    expect(fr(proximityOf({ nomenclatureFlag: null, nature: "Services", label: "Prestations", cpv: "90910000" }).source)).toBe(
      "le code CPV 90910000 (nettoyage)",
    );
    expect(proximityOf({ nomenclatureFlag: null, nature: "Services", label: "Conseil juridique", cpv: "79100000" }).proximity).toBe(false);
  });

  it("is N/A with a single entity but keeps the recommendations table", () => {
    const r = te(contextOf({ spend: [spend({ family: fam("F:NET", "Nettoyage"), nature: "Services" })] }), "TE4");
    expect(r.value).toBeNull();
    expect(fr(r.na)).toMatch(/seule entité/);
    expect(r.tables.recommendations).toHaveLength(1);
  });
});
