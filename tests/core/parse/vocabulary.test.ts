import type { Procedure } from "../../../src/core/model";
import {
  considerationPresent,
  isCompetitive,
  isUgap,
  normalizeChannel,
  normalizeNature,
  normalizeProcedure,
  PROCEDURES,
} from "../../../src/core/parse/vocabulary";

describe("normalizeProcedure", () => {
  it("reads the six DECP v2 labels as themselves", () => {
    for (const p of PROCEDURES) expect(normalizeProcedure(p)).toBe(p);
    expect(PROCEDURES).toHaveLength(6);
  });

  it("ignores case, accents, typographic apostrophes and extra spaces", () => {
    expect(normalizeProcedure("Appel d’offres ouvert")).toBe("Appel d'offres ouvert");
    expect(normalizeProcedure("APPEL D'OFFRES RESTREINT")).toBe("Appel d'offres restreint");
    expect(normalizeProcedure("procedure adaptee")).toBe("Procédure adaptée");
    expect(normalizeProcedure("  Procédure   avec négociation ")).toBe("Procédure avec négociation");
    expect(normalizeProcedure("dialogue competitif")).toBe("Dialogue compétitif");
    expect(normalizeProcedure("MARCHE PASSE SANS PUBLICITE NI MISE EN CONCURRENCE PREALABLE")).toBe(
      "Marché passé sans publicité ni mise en concurrence préalable",
    );
  });

  it("maps old 'Marché négocié sans publicité…' labels to 'sans publicité ni mise en concurrence'", () => {
    const expected: Procedure = "Marché passé sans publicité ni mise en concurrence préalable";
    expect(normalizeProcedure("Marché négocié sans publicité ni mise en concurrence préalable")).toBe(expected);
    expect(normalizeProcedure("Procédure négociée sans publicité ni mise en concurrence")).toBe(expected);
    expect(normalizeProcedure("Sans publicité ni mise en concurrence")).toBe(expected);
    expect(normalizeProcedure("Gré à gré")).toBe(expected);
  });

  it("maps negotiated procedures with competition to 'Procédure avec négociation'", () => {
    expect(normalizeProcedure("Procédure concurrentielle avec négociation")).toBe("Procédure avec négociation");
    expect(normalizeProcedure("Procédure négociée avec mise en concurrence préalable")).toBe("Procédure avec négociation");
    expect(normalizeProcedure("Procédure négociée")).toBe("Procédure avec négociation");
  });

  it("maps MAPA variants to 'Procédure adaptée'", () => {
    for (const text of ["MAPA", "mapa", "Procédure adaptée ouverte", "Procédure adaptée restreinte", "Marché à procédure adaptée", "MAPA - travaux"]) {
      expect([text, normalizeProcedure(text)]).toEqual([text, "Procédure adaptée"]);
    }
  });

  it("maps 'AOO' and 'AOR' to the open and restricted calls for tenders", () => {
    expect(normalizeProcedure("AOO")).toBe("Appel d'offres ouvert");
    expect(normalizeProcedure("AOR")).toBe("Appel d'offres restreint");
    expect(normalizeProcedure("Appels d'offres ouverts")).toBe("Appel d'offres ouvert");
    expect(normalizeProcedure("Appel d'offre restreint")).toBe("Appel d'offres restreint");
  });

  it("does not take 'Accord-cadre', a bare 'Appel d'offres' or 'Concours' for a procedure", () => {
    for (const text of ["Accord-cadre", "Appel d'offres", "Appel d'offres ouvert ou restreint", "Concours", "Autre", "-", "42"]) {
      expect([text, normalizeProcedure(text)]).toEqual([text, undefined]);
    }
  });

  it("returns null for empty cells and undefined for non-text cells", () => {
    expect(normalizeProcedure(null)).toBeNull();
    expect(normalizeProcedure("  ")).toBeNull();
    expect(normalizeProcedure(3)).toBeUndefined();
    expect(normalizeProcedure(true)).toBeUndefined();
  });
});

describe("vocabulary memo", () => {
  it("answers the same after thousands of distinct labels have gone through the memo", () => {
    expect(normalizeChannel("UGAP")).toBe("Centrale d'achat");
    const recognised: string[] = [];
    for (let i = 0; i < 5_000; i++) {
      if (normalizeChannel(`libellé inconnu ${i}`) !== undefined) recognised.push(`channel ${i}`);
      if (normalizeProcedure(`procédure ${i}`) !== undefined) recognised.push(`procedure ${i}`);
      if (normalizeNature(`nature ${i}`) !== undefined) recognised.push(`nature ${i}`);
    }
    expect(recognised).toEqual([]);
    expect(normalizeChannel("UGAP")).toBe("Centrale d'achat");
    expect(normalizeChannel("UGAP")).toBe("Centrale d'achat");
    expect(normalizeProcedure("MAPA")).toBe("Procédure adaptée");
    expect(normalizeNature("T")).toBe("Travaux");
    expect(normalizeChannel("")).toBeNull();
    expect(normalizeChannel("")).toBeNull();
  });
});

describe("isCompetitive", () => {
  it("is true for every procedure but 'sans publicité ni mise en concurrence'", () => {
    for (const p of PROCEDURES) {
      expect([p, isCompetitive(p)]).toEqual([p, p !== "Marché passé sans publicité ni mise en concurrence préalable"]);
    }
  });
});

describe("normalizeChannel", () => {
  it("reads the four channel labels", () => {
    expect(normalizeChannel("Marché propre")).toBe("Marché propre");
    expect(normalizeChannel("Groupement de commandes")).toBe("Groupement de commandes");
    expect(normalizeChannel("Centrale d'achat")).toBe("Centrale d'achat");
    expect(normalizeChannel("Hors marché")).toBe("Hors marché");
  });

  it("reads UGAP, 'centrale', 'CAP' and known central purchasing bodies as Centrale d'achat", () => {
    for (const text of ["UGAP", "centrale", "CAP", "Centrale d’achats", "Achat via UGAP", "RESAH", "Union des groupements d'achats publics"]) {
      expect([text, normalizeChannel(text)]).toEqual([text, "Centrale d'achat"]);
    }
  });

  it("reads 'groupement' variants as Groupement de commandes", () => {
    expect(normalizeChannel("groupement")).toBe("Groupement de commandes");
    expect(normalizeChannel("Groupement de commande")).toBe("Groupement de commandes");
    expect(normalizeChannel("Convention de groupement de commandes")).toBe("Groupement de commandes");
  });

  it("reads 'hors marché', 'sans marché', 'HM' and 'bon de commande hors marché' as Hors marché", () => {
    for (const text of ["hors marché", "HORS MARCHE", "sans marché", "HM", "bon de commande hors marché"]) {
      expect([text, normalizeChannel(text)]).toEqual([text, "Hors marché"]);
    }
  });

  it("reads 'marché' alone as Marché propre", () => {
    expect(normalizeChannel("Marché")).toBe("Marché propre");
  });

  it("returns undefined for unknown labels and null for empty cells", () => {
    expect(normalizeChannel("Bon de commande")).toBeUndefined();
    expect(normalizeChannel("xyz")).toBeUndefined();
    expect(normalizeChannel(12)).toBeUndefined();
    expect(normalizeChannel("")).toBeNull();
    expect(normalizeChannel(undefined)).toBeNull();
  });
});

describe("isUgap", () => {
  it("recognises UGAP by its SIREN 776056467, alone or as the start of a SIRET", () => {
    expect(isUgap("776056467", null)).toBe(true);
    expect(isUgap("77605646700018", null)).toBe(true);
    expect(isUgap("776 056 467 00018", null)).toBe(true);
    expect(isUgap("77605646", null)).toBe(false);
    expect(isUgap("552081317", null)).toBe(false);
    expect(isUgap("55208131700018", null)).toBe(false);
  });

  it("recognises UGAP by its name", () => {
    expect(isUgap(null, "UGAP")).toBe(true);
    expect(isUgap(null, "ugap.")).toBe(true);
    expect(isUgap(null, "UGAP Direction Île-de-France")).toBe(true);
    expect(isUgap(null, "Union des Groupements d’Achats Publics")).toBe(true);
    expect(isUgap("552081317", "UGAP")).toBe(true);
  });

  it("recognises a UGAP name behind leading spaces or quotes, and not a name merely containing it", () => {
    expect(isUgap(null, "  ugap")).toBe(true);
    expect(isUgap(null, "« UGAP »")).toBe(true);
    expect(isUgap(null, "Pugap SARL")).toBe(false);
    expect(isUgap(null, "Fournitures UGAP")).toBe(false);
  });

  it("uses the SIREN given by the parameters when there is one", () => {
    expect(isUgap("123456789", null, "123456789")).toBe(true);
    expect(isUgap("776056467", null, "123456789")).toBe(false);
  });

  it("does not take names that merely contain 'ugap' for UGAP", () => {
    expect(isUgap(null, "Sugapo SARL")).toBe(false);
    expect(isUgap(null, "Société UGAPIX")).toBe(false);
    expect(isUgap(null, "UGAPIX")).toBe(false);
    expect(isUgap(null, null)).toBe(false);
    expect(isUgap("", "")).toBe(false);
  });
});

describe("normalizeNature", () => {
  it("reads fournitures/services/travaux in singular and plural, any case", () => {
    expect(normalizeNature("Fournitures")).toBe("Fournitures");
    expect(normalizeNature("fourniture")).toBe("Fournitures");
    expect(normalizeNature("SERVICES")).toBe("Services");
    expect(normalizeNature("Service")).toBe("Services");
    expect(normalizeNature("Travaux")).toBe("Travaux");
  });

  it("reads the letters F, S and T", () => {
    expect(normalizeNature("F")).toBe("Fournitures");
    expect(normalizeNature("s")).toBe("Services");
    expect(normalizeNature("T")).toBe("Travaux");
  });

  it("reads English supplies, services and works", () => {
    expect(normalizeNature("Supplies")).toBe("Fournitures");
    expect(normalizeNature("services")).toBe("Services");
    expect(normalizeNature("Works")).toBe("Travaux");
  });

  it("reads 'FCS' (fournitures courantes et services) as Fournitures", () => {
    expect(normalizeNature("FCS")).toBe("Fournitures");
    expect(normalizeNature("Fournitures courantes et services")).toBe("Fournitures");
  });

  it("reads longer labels naming one nature", () => {
    expect(normalizeNature("Marché de travaux")).toBe("Travaux");
    expect(normalizeNature("Prestations intellectuelles")).toBe("Services");
    expect(normalizeNature("Fournitures courantes")).toBe("Fournitures");
  });

  it("returns undefined for labels naming two natures or none", () => {
    expect(normalizeNature("Travaux et services")).toBeUndefined();
    expect(normalizeNature("Divers")).toBeUndefined();
    expect(normalizeNature("X")).toBeUndefined();
    expect(normalizeNature(1)).toBeUndefined();
  });

  it("returns null for empty cells", () => {
    expect(normalizeNature(null)).toBeNull();
    expect(normalizeNature("")).toBeNull();
  });
});

describe("considerationPresent", () => {
  it("returns null for missing or empty values", () => {
    expect(considerationPresent(null)).toBeNull();
    expect(considerationPresent(undefined)).toBeNull();
    expect(considerationPresent("")).toBeNull();
    expect(considerationPresent([])).toBeNull();
    expect(considerationPresent({})).toBeNull();
  });

  it("counts 'Pas de considération …' as absent", () => {
    expect(considerationPresent("Pas de considération sociale")).toBe(false);
    expect(considerationPresent("Pas de considération environnementale")).toBe(false);
    expect(considerationPresent("PAS DE CONSIDERATION ENVIRONNEMENTALE")).toBe(false);
    expect(considerationPresent("Aucune")).toBe(false);
  });

  it("counts any other value as present", () => {
    expect(considerationPresent("Critère environnemental")).toBe(true);
    expect(considerationPresent("Clause environnementale")).toBe(true);
    expect(considerationPresent("Clause sociale")).toBe(true);
  });

  it("reads arrays: present when any element is not 'Pas de considération'", () => {
    expect(considerationPresent(["Pas de considération sociale"])).toBe(false);
    expect(considerationPresent(["Clause sociale", "Critère social"])).toBe(true);
    expect(considerationPresent(["Pas de considération sociale", "Clause sociale"])).toBe(true);
  });

  it("reads the DECP v2 wrapper {'considerationSociale': [...]}", () => {
    expect(considerationPresent({ considerationSociale: ["Clause sociale"] })).toBe(true);
    expect(considerationPresent({ considerationEnvironnementale: ["Pas de considération environnementale"] })).toBe(false);
    expect(considerationPresent({ considerationSociale: "Critère social" })).toBe(true);
    expect(considerationPresent({ a: ["Clause sociale"], b: ["x"] })).toBeNull();
  });

  it("reads several values in one text, separated by ';' or ','", () => {
    expect(considerationPresent("Pas de considération sociale ; Clause sociale")).toBe(true);
    expect(considerationPresent("Critère social, Clause sociale")).toBe(true);
  });

  it("reads JSON text as the array or object it holds", () => {
    expect(considerationPresent('["Clause sociale"]')).toBe(true);
    expect(considerationPresent('{"considerationSociale": ["Pas de considération sociale"]}')).toBe(false);
  });

  it("reads yes/no words and booleans through parseBoolean", () => {
    expect(considerationPresent("oui")).toBe(true);
    expect(considerationPresent("Non")).toBe(false);
    expect(considerationPresent(true)).toBe(true);
    expect(considerationPresent(false)).toBe(false);
    expect(considerationPresent(0)).toBe(false);
    expect(considerationPresent(1)).toBe(true);
  });

  it("does not overflow on deeply nested or cyclic values", () => {
    let nested: unknown = ["Clause sociale"];
    for (let i = 0; i < 10_000; i++) nested = [nested];
    expect(considerationPresent(nested)).toBeNull();
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    expect(considerationPresent(cyclic)).toBeNull();
  });
});
