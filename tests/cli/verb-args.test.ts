/**
 * Arguments of the verbs `referentiel`, `fiche`, `observatoire` and `decp`: every usage error is
 * a French sentence naming the option or what is missing (exit code 2 through UsageError), and
 * every accepted spelling (accented, `--name=value`, `-o` glued or not) gives the same command.
 */
import { parseArgs, UsageError } from "../../src/cli/args";

function usage(argv: string[]): string {
  try {
    parseArgs(argv);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`no usage error for ${argv.join(" ")}`);
}

describe("usage errors of the peer verbs and of decp (exit code 2)", () => {
  it.each([
    // A value missing: at the end, empty after "=", or an option in its place.
    [["fiche", "a.xlsx", "-o"], "L'option -o attend une valeur."],
    [["fiche", "a.xlsx", "--output="], "L'option --output attend une valeur."],
    [["fiche", "a.xlsx", "-o", "--anonyme"], "L'option -o attend une valeur."],
    [["referentiel", "a.json", "--libelle", "-o", "r.json"], "L'option --libelle attend une valeur."],
    [["decp", "a.csv", "--complements"], "L'option --complements attend une valeur."],
    [["decp", "a.csv", "-o", "x.json", "--mapping", "-x"], "L'option --mapping attend une valeur."],
    // A flag takes no value.
    [["fiche", "a.xlsx", "-o", "f.json", "--anonyme=oui"], "L'option --anonyme n'attend pas de valeur."],
    [["observatoire", "d/", "-o", "o.xlsx", "--anonyme=non"], "L'option --anonyme n'attend pas de valeur."],
    // The same option twice (accented and plain spellings are one option).
    [["fiche", "a.xlsx", "-o", "f.json", "--output", "g.json"], "L'option --output est donnée deux fois."],
    [["fiche", "a.xlsx", "-o", "f.json", "--periode", "2024", "--période", "2025"], "L'option --période est donnée deux fois."],
    [["decp", "a.csv", "-o", "x.json", "--complements", "c.json", "--complements=d.json"], "L'option --complements est donnée deux fois."],
    // An option of another verb, or none at all.
    [["referentiel", "a.json", "-o", "r.json", "--siren", "123456789"], "Option inconnue pour « referentiel » : « --siren »."],
    [["référentiel", "a.json", "-o", "r.json", "--anonyme"], "Option inconnue pour « referentiel » : « --anonyme »."],
    [["observatoire", "d/", "-o", "o.xlsx", "--periode", "2024"], "Option inconnue pour « observatoire » : « --periode »."],
    [["fiche", "a.xlsx", "-o", "f.json", "-x"], "Option inconnue pour « fiche » : « -x »."],
    [["decp", "a.csv", "-o", "x.json", "--anonyme"], "Option inconnue pour « decp » : « --anonyme »."],
    // What each verb needs.
    [["referentiel", "-o", "r.json"], "Indiquez au moins un fichier DECP (.json, ou la table consolidée .csv)."],
    [["referentiel", "a.json", "-o", "r.xlsx"], "Indiquez le référentiel à écrire avec -o referentiel.json."],
    [["fiche", "-o", "f.json"], "Indiquez au moins un fichier à analyser (.xlsx, .csv ou .json DECP)."],
    [["fiche", "a.xlsx"], "Indiquez la fiche à écrire avec -o fiche.json ou -o fiche.xlsx."],
    [["fiche", "a.xlsx", "-o", "f.json", "--siren", "12345"], "SIREN invalide : « 12345 » (9 chiffres, ou le SIRET de 14 chiffres)."],
    [["fiche", "a.xlsx", "-o", "f.json", "--population", "12,5"], "Population invalide : « 12,5 » (nombre entier d'habitants)."],
    [["observatoire", "-o", "o.xlsx"], "Indiquez les rapports, fiches ou dossiers de fiches des collectivités à rassembler."],
    [["observatoire", "d/", "-o", "o.json"], "Indiquez le classeur à écrire avec -o observatoire.xlsx."],
    [["decp", "-o", "x.json"], "Indiquez le registre des marchés (.xlsx ou .csv) ou un fichier DECP à publier."],
    [["decp", "a.csv", "-o", "x.csv"], "Indiquez le fichier DECP à écrire avec -o decp.json ou -o decp.xml."],
  ])("%j → %s", (argv, message) => {
    expect(usage(argv as string[])).toBe(message);
  });

  it("the first mistake in the command line is the one reported", () => {
    expect(usage(["fiche", "a.xlsx", "--foo", "-o"])).toBe("Option inconnue pour « fiche » : « --foo ».");
    expect(usage(["fiche", "a.xlsx", "-o", "--foo"])).toBe("L'option -o attend une valeur.");
  });
});

describe("accepted spellings", () => {
  it("fiche: accented options, --name=value, the SIREN with spaces, the population with thin spaces", () => {
    expect(
      parseArgs(["fiche", "a.xlsx", "b.json", "--output=f.json", "--période", "2024", "--catégorie=commune", "--siren", "219 300 770", "--population", "12 345", "--anonyme", "--dgcl", "t.xlsx", "--mapping", "m.json"]),
    ).toEqual({
      command: "fiche",
      inputs: ["a.xlsx", "b.json"],
      output: "f.json",
      period: "2024",
      siren: "219300770",
      category: "commune",
      population: 12345,
      anonymised: true,
      dgclFile: "t.xlsx",
      mappingFile: "m.json",
    });
  });

  it("referentiel: --libellé, -o glued to its value", () => {
    expect(parseArgs(["référentiel", "a.json", "-or.json", "--libellé", "DECP 2024"])).toEqual({
      command: "referentiel",
      inputs: ["a.json"],
      output: "r.json",
      label: "DECP 2024",
      dgclFile: null,
    });
  });

  it("observatoire and decp: defaults when options are absent", () => {
    expect(parseArgs(["observatoire", "d/", "f.json", "-o", "o.xlsx"])).toEqual({ command: "observatoire", inputs: ["d/", "f.json"], output: "o.xlsx", anonymised: false });
    expect(parseArgs(["decp", "r.xlsx", "--output", "d.xml"])).toEqual({ command: "decp", inputs: ["r.xlsx"], output: "d.xml", complementsFile: null, mappingFile: null });
    expect(parseArgs(["decp", "r.xlsx", "-o", "d.json", "--complements=c.json", "--mapping", "m.json"])).toEqual({
      command: "decp",
      inputs: ["r.xlsx"],
      output: "d.json",
      complementsFile: "c.json",
      mappingFile: "m.json",
    });
  });

  it("a lone « - » is a file name", () => {
    expect(parseArgs(["decp", "-", "-o", "d.json"])).toMatchObject({ inputs: ["-"] });
  });
});
