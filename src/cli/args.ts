/**
 * Command-line arguments of `optima-achats` (issue #6), read by node:util `parseArgs` (issue #9).
 * Pure: parses argv into a typed command or a UsageError with a French message (exit code 2).
 *
 * `parseArgs` runs in non-strict mode with its tokens (arg-tokens.ts, shared with the verbs of
 * peer-args.ts and decp-args.ts), so that every mistake gets a French message naming the option
 * (strict mode throws English messages): unknown options, a value missing or given to a flag, an
 * option given twice.
 */
import { readArgs, type OptionSpec } from "./arg-tokens";
import { parsePeerArgs, PEER_USAGE, PEER_VERBS, type PeerCommand } from "./peer-args";
import { DECP_USAGE, parseDecpArgs, type DecpCommand } from "./decp-args";

export type Lang = "fr" | "en";

export interface AnalyseCommand {
  command: "analyse";
  inputs: string[];
  output: string;
  period: string | null;
  parametersFile: string | null;
  mappingFile: string | null;
  json: boolean;
  /** --documents: also write the charte de déontologie and the code des fournisseurs (issue #14). */
  documents?: boolean;
  lang: Lang;
  /** Peer comparison (issue #15): referentiel file or "aucun", peers' fiches, buyer SIREN, DGCL table. */
  referentielFile?: string | null;
  peers?: string | null;
  siren?: string | null;
  dgclFile?: string | null;
}

export type Command = AnalyseCommand | PeerCommand | DecpCommand | { command: "help" } | { command: "version" };

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
                                par défaut, l'année de la dernière dépense, du 1er janvier
                                à la fin du dernier mois renseigné si elle est incomplète
  --parametres <params.json>    valeurs de référence à remplacer (seuils, taux, objectifs)
  --mapping <mapping.json>      correspondance des colonnes, table par table
  --json                        résumé lisible par une machine sur la sortie standard
  --documents                   écrit aussi la charte de déontologie et le code de conduite
                                des fournisseurs (feuilles à vous : jamais réécrites ; si elles
                                existent, une nouvelle version « (v2) » est écrite à côté)
  --lang <fr|en>                langue des feuilles écrites (fr par défaut)
  -h, --help                    cette aide
  -v, --version                 version

Codes de sortie : 0 terminé, 1 données d'entrée incorrectes, 2 erreur d'utilisation.

${PEER_USAGE}
${DECP_USAGE}`;

type ValueKey =
  | "output"
  | "period"
  | "parametersFile"
  | "mappingFile"
  | "lang"
  | "referentielFile"
  | "peers"
  | "siren"
  | "dgclFile";

/** Options with a value: parseArgs name → field of the command (accented spellings accepted). */
const VALUE_OPTIONS: Record<string, ValueKey> = {
  output: "output",
  periode: "period",
  période: "period",
  parametres: "parametersFile",
  paramètres: "parametersFile",
  mapping: "mappingFile",
  lang: "lang",
  referentiel: "referentielFile",
  référentiel: "referentielFile",
  pairs: "peers",
  siren: "siren",
  dgcl: "dgclFile",
};

const ANALYSE_OPTIONS: OptionSpec = {
  values: VALUE_OPTIONS,
  flags: { json: "json", documents: "documents", help: "help", version: "version" },
  short: { output: "o", help: "h", version: "v" },
};

export function parseArgs(argv: string[]): Command {
  if (argv.length === 0 || argv[0] === "aide") return { command: "help" };
  if ((PEER_VERBS as readonly string[]).includes(argv[0]))
    return parsePeerArgs(argv[0], argv.slice(1), (m) => new UsageError(m));
  if (argv[0] === "decp") return parseDecpArgs(argv.slice(1), (m) => new UsageError(m));
  const read = readArgs(argv, ANALYSE_OPTIONS, (raw) => `Option inconnue : « ${raw} ».`);
  const { flags, positionals, problems } = read;
  const values = read.values as Partial<Record<ValueKey, string>>;
  // Help and version win over everything else (as before: "analyse -h" prints the help).
  if (flags.has("help")) return { command: "help" };
  if (flags.has("version")) return { command: "version" };
  const [verb, ...inputs] = positionals;
  if (verb === undefined) throw new UsageError(problems[0] ?? "Indiquez la commande « analyse ».");
  if (argv[0] !== verb || (verb !== "analyse" && verb !== "analyze"))
    throw new UsageError(`Commande inconnue : « ${argv[0]} ». Les commandes sont « analyse », « referentiel », « fiche », « observatoire » et « decp ».`);
  if (problems.length > 0) throw new UsageError(problems[0]);
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
    json: flags.has("json"),
    ...(flags.has("documents") ? { documents: true } : {}),
    ...(values.referentielFile !== undefined && { referentielFile: values.referentielFile }),
    ...(values.peers !== undefined && { peers: values.peers }),
    ...(values.siren !== undefined && { siren: values.siren }),
    ...(values.dgclFile !== undefined && { dgclFile: values.dgclFile }),
    lang,
  };
}
