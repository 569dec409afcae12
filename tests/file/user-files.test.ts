/**
 * The user's JSON files for the command line (--mapping, --parametres) are checked against a
 * schema: the first problem gives a French message naming the table, key or parameter at fault.
 */
import fs from "node:fs";
import path from "node:path";
import { InputError } from "../../src/file/errors";
import { parseMappingFile, parseParametersFile, readParametersFile } from "../../src/file/user-files";
import { agecMinimumFor } from "../../src/core/reference/agec-egalim";
import { defaultReferenceValues, withOverrides } from "../../src/core/reference/values";
import { makeTempDir } from "./helpers";

const tmp = makeTempDir("optima-user-files-");
afterAll(() => tmp.cleanup());

describe("mapping file (--mapping)", () => {
  test("a valid file is returned as given", () => {
    const json = { Mandats: { kind: "spend", headerRow: 4, columns: { amountHT: "Mt HT", cpv: null } }, Notes: { ignore: true } };
    expect(parseMappingFile(json)).toEqual(json);
  });

  test("each wrong key or value is named with its table", () => {
    const problem = (json: unknown) => {
      try {
        parseMappingFile(json, "m.json");
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return (e as Error).message;
      }
      throw new Error("no error");
    };
    expect(problem({ T: "spend" })).toContain("donne pour le tableau « T » autre chose qu'un objet");
    expect(problem({ T: { ignore: "oui" } })).toContain("« ignore » qui n'est ni true ni false");
    expect(problem({ T: { headerRow: 2.5 } })).toContain("ligne d'en-tête invalide");
    expect(problem({ T: { columns: [] } })).toContain("des colonnes invalides");
    expect(problem({ T: { kind: "achats" } })).toContain("un type inconnu « achats » (types possibles : spend = ");
    expect(problem("x")).toContain("Le fichier « m.json » n'est pas un fichier de correspondance valide");
  });
});

describe("parameters file (--parametres)", () => {
  test("a subset of a parameter's fields is accepted", () => {
    const json = { defaultVatPercent: { value: 5.5 } };
    expect(parseParametersFile(json, "p.json")).toEqual(json);
  });

  test("an unknown parameter is named, with the known ones in the hint", () => {
    expect(() => parseParametersFile({ tauxTVA: 20 }, "p.json")).toThrow("contient un paramètre inconnu : « tauxTVA »");
    expect(() => parseParametersFile({ tauxTVA: 20 }, "p.json")).toThrow("defaultVatPercent");
  });

  test("a value of the wrong type is named down to its field", () => {
    expect(() => parseParametersFile({ defaultVatPercent: { value: "20 %" } }, "p.json")).toThrow(
      "donne au paramètre « defaultVatPercent.value » une valeur du mauvais type"
    );
    expect(() => parseParametersFile({ defaultVatPercent: 20 }, "p.json")).toThrow("« defaultVatPercent » une valeur du mauvais type");
    expect(() => parseParametersFile({ defaultVatPercent: { valeur: 20 } }, "p.json")).toThrow("mauvais type");
  });

  test("an AGEC minimum without default (décret 2024-134, to enter) takes a percentage, and keeps the category's other minimums", () => {
    const parsed = parseParametersFile({ agec: { papier: { reuse2024: 30, recycled2024: null } } }, "p.json");
    const papier = withOverrides(defaultReferenceValues(), parsed).agec.papier;
    // The typed value, the explicit null, and the décret 2021-254 paper share (40 %) kept from the defaults.
    expect(papier).toMatchObject({ reuse2024: 30, recycled2024: null, combined2021: 40, reuseOf2021: 0 });
    expect(agecMinimumFor(withOverrides(defaultReferenceValues(), parsed).agec, "papier", 2025)).toMatchObject({ reusePercent: 30, recycledPercent: null, known: false });
    // The other categories are untouched.
    expect(withOverrides(defaultReferenceValues(), parsed).agec.mobilier).toEqual(defaultReferenceValues().agec.mobilier);
  });

  test("an AGEC minimum of the wrong type or outside 0–100 % is refused with a French message naming it", () => {
    for (const bad of ["30 %", 120, -1, true]) {
      expect(() => parseParametersFile({ agec: { papier: { reuse2024: bad } } }, "p.json")).toThrow(
        "donne au paramètre « agec.papier.reuse2024 » une valeur du mauvais type : un pourcentage de 0 à 100 est attendu"
      );
    }
  });

  test("a file that is not an object, or not JSON, says so", async () => {
    expect(() => parseParametersFile([1], "p.json")).toThrow('doit contenir un objet JSON { "nom": valeur }');
    const bad = path.join(tmp.dir, "p.json");
    fs.writeFileSync(bad, "{ defaultVatPercent: 20 }");
    await expect(readParametersFile(bad)).rejects.toThrow(`Le fichier « ${bad} » n'est pas un fichier JSON valide`);
    await expect(readParametersFile(path.join(tmp.dir, "absent.json"))).rejects.toBeInstanceOf(InputError);
  });
});
