/**
 * Command-line arguments of `optima-achats` (issue #6). Pure: parses argv into a typed command or
 * a UsageError with a French message (exit code 2).
 */

import { parsePeerArgs, PEER_USAGE, PEER_VERBS, type PeerCommand } from "./peer-args";

export type Lang = "fr" | "en";

export interface AnalyseCommand {
  command: "analyse";
  inputs: string[];
  output: string;
  period: string | null;
  parametersFile: string | null;
  mappingFile: string | null;
  json: boolean;
  lang: Lang;
  /** Peer comparison (issue #15): referentiel file or "aucun", peers' fiches, buyer SIREN, DGCL table. */
  referentielFile?: string | null;
  peers?: string | null;
  siren?: string | null;
  dgclFile?: string | null;
}

export type Command = AnalyseCommand | PeerCommand | { command: "help" } | { command: "version" };

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export const USAGE = `Utilisation :
  optima-achats analyse <fichiers…> -o rapport.xlsx [options]

Fichiers acceptés : classeurs .xlsx, exports .csv (séparateur ; ou ,), données DECP .json.
Plusieurs fichiers se combinent (par exemple un export des mandats et un fichier DECP).

Options :
  -o, --output <fichier.xlsx>   classeur à écrire ; s'il existe déjà, il est mis à jour
                                (feuilles d'Optima Achats réécrites, historique complété,
                                saisies du plan conservées, autres feuilles intactes)
  --periode <période>           2025 (année), 2025-03 (mois) ou 2025-01..2025-06 (mois à mois) ;
                                par défaut, l'année civile de la dernière dépense
  --parametres <params.json>    valeurs de référence à remplacer (seuils, taux, objectifs)
  --mapping <mapping.json>      correspondance des colonnes, table par table
  --json                        résumé lisible par une machine sur la sortie standard
  --lang <fr|en>                langue des feuilles écrites (fr par défaut)
  -h, --help                    cette aide
  -v, --version                 version

Codes de sortie : 0 terminé, 1 données d'entrée incorrectes, 2 erreur d'utilisation.

${PEER_USAGE}`;

const VALUE_OPTIONS: Record<string, keyof AnalyseCommand> = {
  "-o": "output",
  "--output": "output",
  "--periode": "period",
  "--période": "period",
  "--parametres": "parametersFile",
  "--paramètres": "parametersFile",
  "--mapping": "mappingFile",
  "--lang": "lang",
  "--referentiel": "referentielFile",
  "--référentiel": "referentielFile",
  "--pairs": "peers",
  "--siren": "siren",
  "--dgcl": "dgclFile",
};

export function parseArgs(argv: string[]): Command {
  if (argv.length === 0 || argv.includes("-h") || argv.includes("--help") || argv[0] === "aide")
    return { command: "help" };
  if (argv.includes("-v") || argv.includes("--version")) return { command: "version" };
  const [verb, ...rest] = argv;
  if ((PEER_VERBS as readonly string[]).includes(verb)) return parsePeerArgs(verb, rest, (m) => new UsageError(m));
  if (verb !== "analyse" && verb !== "analyze") {
    throw new UsageError(`Commande inconnue : « ${verb} ». La seule commande est « analyse ».`);
  }
  const values: Partial<Record<keyof AnalyseCommand, string>> = {};
  const inputs: string[] = [];
  let json = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (name === "--json") {
      json = true;
      continue;
    }
    const key = VALUE_OPTIONS[name];
    if (key) {
      const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
      if (
        value === undefined ||
        value === "" ||
        (eq < 0 && value.startsWith("-") && value.length > 1)
      ) {
        throw new UsageError(`L'option ${name} attend une valeur.`);
      }
      if (values[key] !== undefined) throw new UsageError(`L'option ${name} est donnée deux fois.`);
      values[key] = value;
      continue;
    }
    if (arg.startsWith("-") && arg.length > 1)
      throw new UsageError(`Option inconnue : « ${arg} ».`);
    inputs.push(arg);
  }
  if (inputs.length === 0)
    throw new UsageError("Indiquez au moins un fichier à analyser (.xlsx, .csv ou .json DECP).");
  if (!values.output) throw new UsageError("Indiquez le classeur à écrire avec -o rapport.xlsx.");
  if (!/\.xlsx$/i.test(values.output))
    throw new UsageError(
      `Le classeur à écrire doit avoir l'extension .xlsx : « ${values.output} ».`
    );
  const lang = values.lang ?? "fr";
  if (lang !== "fr" && lang !== "en")
    throw new UsageError(`Langue inconnue : « ${lang} ». Utilisez fr ou en.`);
  return {
    command: "analyse",
    inputs,
    output: values.output,
    period: values.period ?? null,
    parametersFile: values.parametersFile ?? null,
    mappingFile: values.mappingFile ?? null,
    json,
    lang,
    ...(values.referentielFile !== undefined && { referentielFile: values.referentielFile }),
    ...(values.peers !== undefined && { peers: values.peers }),
    ...(values.siren !== undefined && { siren: values.siren }),
    ...(values.dgclFile !== undefined && { dgclFile: values.dgclFile }),
  };
}
