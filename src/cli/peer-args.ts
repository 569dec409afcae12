/**
 * Arguments of the peer-comparison commands (issue #15): `referentiel`, `fiche`, `observatoire`.
 * Pure: argv → typed command, or a UsageError (French, exit code 2). The argv is read by
 * node:util parseArgs through arg-tokens.ts, like `analyse`.
 */
import { isBuyerCategory, BUYER_CATEGORIES, type BuyerCategory } from "../core/peers/categories";
import { readArgs, type OptionSpec } from "./arg-tokens";

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

/** Options of each verb: parseArgs name (accented spellings accepted) → key. */
const SPEC: Record<PeerCommand["command"], OptionSpec> = {
  referentiel: {
    values: { output: "output", libelle: "label", libellé: "label", dgcl: "dgcl" },
    flags: {},
    short: { output: "o" },
  },
  fiche: {
    values: {
      output: "output",
      periode: "period",
      période: "period",
      siren: "siren",
      categorie: "category",
      catégorie: "category",
      population: "population",
      dgcl: "dgcl",
      mapping: "mapping",
    },
    flags: { anonyme: "anonymised" },
    short: { output: "o" },
  },
  observatoire: {
    values: { output: "output" },
    flags: { anonyme: "anonymised" },
    short: { output: "o" },
  },
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
  const read = readArgs(rest, SPEC[command], (raw) => `Option inconnue pour « ${command} » : « ${raw} ».`);
  if (read.problems.length > 0) throw usageError(read.problems[0]);
  const { values, flags, positionals: inputs } = read;
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
