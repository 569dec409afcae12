/**
 * Arguments of `optima-achats decp` (issue #11 §4), dispatched by args.ts like the peer verbs.
 * Pure: argv → typed command, or a usage error (French, exit code 2). The argv is read by
 * node:util parseArgs through arg-tokens.ts, like `analyse`.
 */
import { readArgs, type OptionSpec } from "./arg-tokens";

export interface DecpCommand {
  command: "decp";
  inputs: string[];
  output: string;
  complementsFile: string | null;
  mappingFile: string | null;
}

export const DECP_USAGE = `Publication des données essentielles (DECP 2024) :
  optima-achats decp <registre des marchés .xlsx/.csv, DECP…> -o decp.json|decp.xml
        [--complements complements.json] [--mapping mapping.json]`;

/** argv after the verb → the command; `usageError` makes the exit-code-2 error. */
const SPEC: OptionSpec = {
  values: { output: "output", complements: "complements", mapping: "mapping" },
  flags: {},
  short: { output: "o" },
};

export function parseDecpArgs(rest: string[], usageError: (m: string) => Error): DecpCommand {
  const read = readArgs(rest, SPEC, (raw) => `Option inconnue pour « decp » : « ${raw} ».`);
  if (read.problems.length > 0) throw usageError(read.problems[0]);
  const { values, positionals: inputs } = read;
  if (inputs.length === 0) throw usageError("Indiquez le registre des marchés (.xlsx ou .csv) ou un fichier DECP à publier.");
  if (!values.output || !/\.(json|xml)$/i.test(values.output))
    throw usageError("Indiquez le fichier DECP à écrire avec -o decp.json ou -o decp.xml.");
  return { command: "decp", inputs, output: values.output, complementsFile: values.complements ?? null, mappingFile: values.mapping ?? null };
}
