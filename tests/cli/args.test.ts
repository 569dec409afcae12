import { parseArgs, UsageError } from "../../src/cli/args";

describe("command-line arguments", () => {
  it("reads inputs, output and every option", () => {
    expect(
      parseArgs(["analyse", "a.xlsx", "b.json", "-o", "r.xlsx", "--periode", "2025-03", "--parametres=p.json", "--mapping", "m.json", "--json", "--lang", "en"]),
    ).toEqual({
      command: "analyse",
      inputs: ["a.xlsx", "b.json"],
      output: "r.xlsx",
      period: "2025-03",
      parametersFile: "p.json",
      mappingFile: "m.json",
      json: true,
      lang: "en",
    });
  });

  it("reads --documents (issue #14: charte and supplier code written on request), absent by default", () => {
    expect(parseArgs(["analyse", "a.xlsx", "-o", "r.xlsx", "--documents"])).toMatchObject({ documents: true });
    expect(parseArgs(["analyse", "a.xlsx", "-o", "r.xlsx"])).not.toHaveProperty("documents");
  });

  it("defaults to French, no period, no JSON", () => {
    const cmd = parseArgs(["analyse", "a.csv", "--output", "r.xlsx"]);
    expect(cmd).toMatchObject({ period: null, json: false, lang: "fr", parametersFile: null, mappingFile: null });
  });

  it.each([
    [["analyse", "a.xlsx"], /-o rapport\.xlsx/],
    [["analyse", "-o", "r.xlsx"], /au moins un fichier/],
    [["analyse", "a.xlsx", "-o", "r.csv"], /extension \.xlsx/],
    [["analyse", "a.xlsx", "-o", "r.xlsx", "--lang", "de"], /Langue inconnue/],
    [["analyse", "a.xlsx", "-o", "r.xlsx", "--vite"], /Option inconnue/],
    [["analyse", "a.xlsx", "-o"], /attend une valeur/],
    [["analyser", "a.xlsx"], /Commande inconnue/],
    // "-o --json": the next option is not taken as the file name.
    [["analyse", "a.xlsx", "-o", "--json"], /L'option -o attend une valeur/],
    [["analyse", "a.xlsx", "--output="], /L'option --output attend une valeur/],
    [["analyse", "a.xlsx", "-o", "r.xlsx", "-o", "s.xlsx"], /L'option -o est donnée deux fois/],
    [["analyse", "a.xlsx", "-o", "r.xlsx", "--periode", "2025", "--période", "2024"], /--période est donnée deux fois/],
    [["analyse", "a.xlsx", "-o", "r.xlsx", "--json=oui"], /--json n'attend pas de valeur/],
    [["analyse", "a.xlsx", "-o", "r.xlsx", "-x"], /Option inconnue : « -x »/],
    [["-o", "r.xlsx", "analyse", "a.xlsx"], /Commande inconnue : « -o »/],
  ])("rejects %j with a French usage message", (argv, message) => {
    expect(() => parseArgs(argv as string[])).toThrow(UsageError);
    expect(() => parseArgs(argv as string[])).toThrow(message);
  });

  it("accepts the accented spellings, '=' values, short values glued to -o, and files after --", () => {
    expect(parseArgs(["analyse", "a.csv", "-or.xlsx", "--période=2025", "--paramètres", "p.json"])).toMatchObject({
      output: "r.xlsx",
      period: "2025",
      parametersFile: "p.json",
    });
    expect(parseArgs(["analyze", "-o", "r.xlsx", "--", "-export.csv"])).toMatchObject({ inputs: ["-export.csv"] });
  });

  it("answers help and version", () => {
    expect(parseArgs(["analyse", "a.xlsx", "-h"])).toEqual({ command: "help" });
    expect(parseArgs(["aide"])).toEqual({ command: "help" });
    expect(parseArgs([])).toEqual({ command: "help" });
    expect(parseArgs(["--help"])).toEqual({ command: "help" });
    expect(parseArgs(["-v"])).toEqual({ command: "version" });
  });
});
