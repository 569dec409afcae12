import { defaultReferenceValues } from "../../src/core/reference/values";
import { sheetValues } from "../../src/report/grid";
import { parametersToOverrides, readUserInputs } from "../../src/report/inputs";
import { datedRows } from "../../src/report/parameters";
import { buildWorkbookSpec } from "../../src/report/workbook";
import { richAnalysis } from "./fixture";

describe("Paramètres: the dated tables in the sheet's language", () => {
  const ref = defaultReferenceValues();
  const column = (lang: "fr" | "en", field: string) =>
    datedRows(ref, "specialDispenseThresholds", lang).map((r) => `${r.rule}:${r[field]}`);

  test("the innovative flag of the special thresholds is oui/non in French and yes/no in English (R2122-9-1 only is innovative)", () => {
    expect(column("fr", "innovative")).toEqual(["R2122-9-1:oui", "R2122-9:non", "Décret n° 2020-893:non"]);
    expect(column("en", "innovative")).toEqual(["R2122-9-1:yes", "R2122-9:no", "Décret n° 2020-893:no"]);
  });

  test("the names of the shipped special thresholds (R2122-9-1, R2122-9, décret 2020-893) are translated, the French ones as the reference values hold them", () => {
    expect(column("fr", "label")).toEqual([
      "R2122-9-1:achats innovants",
      "R2122-9:livres non scolaires",
      "Décret n° 2020-893:denrées alimentaires (temporaire)",
    ]);
    expect(column("en", "label")).toEqual([
      "R2122-9-1:innovative purchases",
      "R2122-9:books other than school books",
      "Décret n° 2020-893:foodstuffs (temporary)",
    ]);
  });

  test("an unchanged English sheet read back gives no override (names and yes/no map back to the reference values)", () => {
    const spec = buildWorkbookSpec(richAnalysis(), { runDate: "2026-01-15", sources: [], lang: "en" });
    const sheet = spec.sheets.find((s) => s.key === "parametres")!;
    const read = readUserInputs({ [sheet.name]: sheetValues(sheet) });
    expect(read.issues).toEqual([]);
    expect(read.parameterTables.specialDispenseThresholds?.map((r) => r.label)).toEqual([
      "innovative purchases",
      "books other than school books",
      "foodstuffs (temporary)",
    ]);
    expect(parametersToOverrides(read)).toEqual({});
  });

  test("a label the user typed stays the user's", () => {
    const spec = buildWorkbookSpec(richAnalysis(), { runDate: "2026-01-15", sources: [], lang: "en" });
    const sheet = spec.sheets.find((s) => s.key === "parametres")!;
    const grid = sheetValues(sheet).map((row) =>
      row.map((c) => (c === "books other than school books" ? "livres (bibliothèques)" : c))
    );
    const o = parametersToOverrides(readUserInputs({ [sheet.name]: grid }));
    expect(o.specialDispenseThresholds?.map((r) => r.label)).toEqual([
      "achats innovants",
      "livres (bibliothèques)",
      "denrées alimentaires (temporaire)",
    ]);
  });
});

describe("Paramètres: supplier exclusions in the sheet's language", () => {
  test("each exclusion reason is written in French and in English and both read back to the same reason (L2113-4, R2122-3, L2511-1, L2511-6)", () => {
    const reasons = ["intermediary", "exclusiveRights", "inHouse", "cooperation"] as const;
    const ref = {
      ...defaultReferenceValues(),
      supplierExclusions: reasons.map((reason, i) => ({ supplier: `S${i}`, reason, note: null })),
    };
    for (const lang of ["fr", "en"] as const) {
      const rows = datedRows(ref, "supplierExclusions", lang);
      const grid = [["Paramètres"], ["#exclusions"], ["Clé", "Fournisseur", "Motif", "Justification"], ...rows.map((r) => [null, r.supplier, r.reason, r.note])];
      expect([lang, parametersToOverrides(readUserInputs({ Paramètres: grid })).supplierExclusions]).toEqual([lang, ref.supplierExclusions]);
    }
    expect(datedRows(ref, "supplierExclusions", "en").map((r) => r.reason)).toEqual([
      "Intermediary central purchasing body / energy syndicate (L2113-4)",
      "Exclusive rights (R2122-3)",
      "In-house contract (L2511-1)",
      "Public-public cooperation (L2511-6)",
    ]);
  });
});
