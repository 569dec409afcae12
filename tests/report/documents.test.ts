/**
 * The policy documents of issue #14 (charte de déontologie de l'achat public, code de conduite des
 * fournisseurs): pre-filled from the analysis, every article with its legal basis, plain French
 * free of placeholder markers other than the fields to complete.
 */
import { buildDocumentSheets, documentSheetName } from "../../src/report/documents";
import { charteDeontologie } from "../../src/report/documents/charte.fr";
import { codeFournisseurs } from "../../src/report/documents/code-fournisseurs.fr";
import { documentFacts, FIELD_PATTERN, type DocumentFacts, type PolicyDocument } from "../../src/report/documents/facts";
import { plainValue } from "../../src/report/spec";
import { richAnalysis } from "./fixture";

const RUN = { runDate: "2026-11-22", sources: ["Mandats"] };

function allText(doc: PolicyDocument): string[] {
  return [doc.title, ...doc.intro, ...doc.articles.flatMap((a) => [a.title, ...a.paragraphs, a.basis]), ...doc.closing];
}

const NO_FACTS: DocumentFacts = {
  buyer: null,
  buyers: [],
  periodLabel: "2025",
  runDate: "22/11/2026",
  spend: null,
  averagePaymentDays: null,
  legalPaymentDays: 30,
  environmentalShare: null,
  socialShare: null,
  egalimShare: null,
};

describe.each([
  ["charte de déontologie", charteDeontologie],
  ["code de conduite des fournisseurs", codeFournisseurs],
])("%s", (_name, make) => {
  it("gives every article a legal basis citing a text", () => {
    const doc = make(NO_FACTS);
    expect(doc.articles.length).toBeGreaterThanOrEqual(8);
    for (const a of doc.articles) {
      expect(a.paragraphs.length).toBeGreaterThan(0);
      expect(a.basis).toMatch(/(art\.|Règlement|Loi n°|loi n°|décret|recommandations)/);
    }
  });

  it("has no placeholder marker other than the fields to complete", () => {
    for (const doc of [make(NO_FACTS), make(documentFacts(richAnalysis(), "2026-11-22"))]) {
      for (const t of allText(doc)) {
        const rest = t.replace(FIELD_PATTERN, "");
        expect({ t, bad: /[[\]{}<>]|TODO|XXX|\bundefined\b|\bnull\b|\bNaN\b|lorem ipsum/.test(rest) }).toEqual({ t, bad: false });
      }
    }
  });

  it("marks the buyer's name as a field when the analysis does not give it", () => {
    expect(make(NO_FACTS).title).toContain("[à compléter : nom de la collectivité]");
  });
});

describe("documents pre-filled from the analysis", () => {
  const analysis = richAnalysis();
  const facts = documentFacts(analysis, "2026-11-22");

  it("names the largest buyer of the period: Commune A (30 000 + 35 000 + 800 + 25 000 − 200 = 90 600 €) before Commune B (15 500 €)", () => {
    expect(facts.buyers).toEqual(["Commune A", "Commune B"]);
    expect(charteDeontologie(facts).title).toBe("Charte de déontologie de l'achat public — Commune A");
    // 90 600 + 15 500 = 106 100 € HT for the period 2025.
    expect(facts.spend).toBe("106\u202f100,00 €");
  });

  it("quotes the responsible-purchasing rates: 1 of the 2 contracts of 2025 with an environmental and 1 with a social consideration", () => {
    expect(facts.environmentalShare).toBe(50);
    expect(facts.socialShare).toBe(50);
    expect(codeFournisseurs(facts).intro.join(" ")).toContain("50 % des marchés notifiés comportent une considération environnementale");
  });

  it("states the legal payment delay of 30 days (R2192-10) the collectivité commits to", () => {
    const art7 = codeFournisseurs(facts).articles.find((a) => a.title.startsWith("Article 7"))!;
    expect(art7.paragraphs[0]).toContain("délai global de 30 jours");
    expect(art7.basis).toContain("R2192-10");
  });
});

describe("document sheets", () => {
  const spec = buildDocumentSheets(richAnalysis(), RUN);

  it("are two sheets in mode 'document', without Excel tables", () => {
    expect(spec.sheets.map((s) => [s.key, s.name, s.mode, s.tables.length])).toEqual([
      ["charte", "Charte de déontologie", "document", 0],
      ["codeFournisseurs", "Code des fournisseurs", "document", 0],
    ]);
  });

  it("never name the product in rows 1–2 (where a workbook without record looks for our stamp)", () => {
    for (const s of spec.sheets) {
      const top = s.blocks.filter((b) => b.row <= 1).flatMap((b) => b.values.flat().map(plainValue));
      expect(top.some((v) => typeof v === "string" && v.includes("Optima Achats"))).toBe(false);
    }
  });

  it("style the paragraphs holding a field to complete as inputs", () => {
    const charte = spec.sheets[0];
    const cells = charte.blocks.map((b) => ({ v: String(plainValue(b.values[0][0])), style: b.style }));
    const withField = cells.filter((c) => c.v.includes("[à compléter :"));
    expect(withField.length).toBeGreaterThan(5);
    expect(withField.every((c) => c.style === "input")).toBe(true);
  });
});

describe("documentSheetName (a new version goes beside, never over)", () => {
  it("keeps the name when free, else adds (v2), (v3)… within 31 characters", () => {
    const taken = new Set(["charte de déontologie", "charte de déontologie (v2)"]);
    expect(documentSheetName("Code des fournisseurs", (n) => taken.has(n))).toBe("Code des fournisseurs");
    expect(documentSheetName("Charte de déontologie", (n) => taken.has(n))).toBe("Charte de déontologie (v3)");
    const long = "A".repeat(31);
    expect(documentSheetName(long, (n) => n === long.toLowerCase())).toBe(`${"A".repeat(26)} (v2)`);
  });
});
