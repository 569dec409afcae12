/**
 * Arguments of the peer-comparison commands (issue #15): `referentiel`, `fiche`, `observatoire`.
 * Pure: argv → typed command, or a UsageError (French, exit code 2).
 */
import { isBuyerCategory, BUYER_CATEGORIES, type BuyerCategory } from "../core/peers/categories";

export interface ReferentielCommand {
  command: "referentiel";
  inputs: string[];
  output: string;
  label: string | null;
  dgclFile: string | null;
}

export interface FicheCommand {
  command: "fiche";
  inputs: string[];
  output: string;
  period: string | null;
  siren: string | null;
  category: BuyerCategory | null;
  population: number | null;
  anonymised: boolean;
  dgclFile: string | null;
  mappingFile: string | null;
}

export interface ObservatoireCommand {
  command: "observatoire";
  inputs: string[];
  output: string;
  anonymised: boolean;
}

export type PeerCommand = ReferentielCommand | FicheCommand | ObservatoireCommand;

export const PEER_VERBS = ["referentiel", "référentiel", "fiche", "observatoire"] as const;

export const PEER_USAGE = `Comparaison avec d'autres collectivités :
  optima-achats referentiel <fichiers DECP .json ou .csv…> -o referentiel.json
        [--libelle "texte"] [--dgcl epcicomAAAA.xlsx]
  optima-achats fiche <fichiers…> -o fiche.json|fiche.xlsx [--periode 2025] [--siren 123456789]
        [--categorie commune|cc|ca|cu|metropole|syndicat|departement|region|ccas|sdis|hopital|autre]
        [--population 12345] [--anonyme] [--dgcl epcicomAAAA.xlsx] [--mapping mapping.json]
  optima-achats observatoire <rapports .xlsx, fiches .json/.xlsx ou dossiers…> -o observatoire.xlsx
        [--anonyme]
  Avec « analyse » : --referentiel referentiel.json (ou « aucun »), --pairs <fiche|dossier>[,…],
        --siren 123456789, --dgcl epcicomAAAA.xlsx`;

const SPEC: Record<PeerCommand["command"], { values: string[]; flags: string[] }> = {
  referentiel: { values: ["-o", "--output", "--libelle", "--libellé", "--dgcl"], flags: [] },
  fiche: {
    values: ["-o", "--output", "--periode", "--période", "--siren", "--categorie", "--catégorie", "--population", "--dgcl", "--mapping"],
    flags: ["--anonyme"],
  },
  observatoire: { values: ["-o", "--output"], flags: ["--anonyme"] },
};

const CANONICAL: Record<string, string> = {
  "-o": "output",
  "--output": "output",
  "--libelle": "label",
  "--libellé": "label",
  "--dgcl": "dgcl",
  "--periode": "period",
  "--période": "period",
  "--siren": "siren",
  "--categorie": "category",
  "--catégorie": "category",
  "--population": "population",
  "--mapping": "mapping",
  "--anonyme": "anonymised",
};

/**
 * `usageError` makes the error thrown for bad arguments (args.ts passes its UsageError, so that
 * the entry point maps it to exit code 2; taking it as a parameter avoids an import cycle).
 */
export function parsePeerArgs(
  verb: string,
  rest: string[],
  usageError: (message: string) => Error
): PeerCommand {

  const command = (verb === "référentiel" ? "referentiel" : verb) as PeerCommand["command"];
  const spec = SPEC[command];
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  const inputs: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (spec.flags.includes(name)) {
      flags.add(CANONICAL[name]);
      continue;
    }
    if (spec.values.includes(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
      if (value === undefined || value === "" || (eq < 0 && value.startsWith("-") && value.length > 1))
        throw usageError(`L'option ${name} attend une valeur.`);
      const key = CANONICAL[name];
      if (values[key] !== undefined) throw usageError(`L'option ${name} est donnée deux fois.`);
      values[key] = value;
      continue;
    }
    if (arg.startsWith("-") && arg.length > 1)
      throw usageError(`Option inconnue pour « ${command} » : « ${arg} ».`);
    inputs.push(arg);
  }
  const output = values.output;
  if (command === "referentiel") {
    if (inputs.length === 0)
      throw usageError("Indiquez au moins un fichier DECP (.json, ou la table consolidée .csv).");
    if (!output || !/\.json$/i.test(output))
      throw usageError("Indiquez le référentiel à écrire avec -o referentiel.json.");
    return { command, inputs, output, label: values.label ?? null, dgclFile: values.dgcl ?? null };
  }
  if (command === "fiche") {
    if (inputs.length === 0)
      throw usageError("Indiquez au moins un fichier à analyser (.xlsx, .csv ou .json DECP).");
    if (!output || !/\.(json|xlsx)$/i.test(output))
      throw usageError("Indiquez la fiche à écrire avec -o fiche.json ou -o fiche.xlsx.");
    const siren = values.siren ?? null;
    if (siren !== null && !/^\d{9}(\d{5})?$/.test(siren.replace(/\s+/g, "")))
      throw usageError(`SIREN invalide : « ${siren} » (9 chiffres, ou le SIRET de 14 chiffres).`);
    const category = values.category ?? null;
    if (category !== null && !isBuyerCategory(category))
      throw usageError(`Catégorie inconnue : « ${category} ». Valeurs possibles : ${BUYER_CATEGORIES.join(", ")}.`);
    let population: number | null = null;
    if (values.population !== undefined) {
      population = Number(values.population.replace(/[\s\u202f\u00a0]/g, ""));
      if (!Number.isInteger(population) || population < 0)
        throw usageError(`Population invalide : « ${values.population} » (nombre entier d'habitants).`);
    }
    return {
      command,
      inputs,
      output,
      period: values.period ?? null,
      siren: siren === null ? null : siren.replace(/\s+/g, ""),
      category: category as BuyerCategory | null,
      population,
      anonymised: flags.has("anonymised"),
      dgclFile: values.dgcl ?? null,
      mappingFile: values.mapping ?? null,
    };
  }
  if (inputs.length === 0)
    throw usageError("Indiquez les rapports, fiches ou dossiers de fiches des collectivités à rassembler.");
  if (!output || !/\.xlsx$/i.test(output))
    throw usageError("Indiquez le classeur à écrire avec -o observatoire.xlsx.");
  return { command: "observatoire", inputs, output, anonymised: flags.has("anonymised") };
}
