/**
 * Arguments of `optima-achats decp` (issue #11 §4), dispatched by args.ts like the peer verbs.
 * Pure: argv → typed command, or a usage error (French, exit code 2).
 */

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
export function parseDecpArgs(rest: string[], usageError: (m: string) => Error): DecpCommand {
  const values: Record<string, string> = {};
  const inputs: string[] = [];
  const names: Record<string, string> = { "-o": "output", "--output": "output", "--complements": "complements", "--mapping": "mapping" };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (names[name]) {
      const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
      if (value === undefined || value === "" || (eq < 0 && value.startsWith("-") && value.length > 1))
        throw usageError(`L'option ${name} attend une valeur.`);
      if (values[names[name]] !== undefined) throw usageError(`L'option ${name} est donnée deux fois.`);
      values[names[name]] = value;
      continue;
    }
    if (arg.startsWith("-") && arg.length > 1) throw usageError(`Option inconnue pour « decp » : « ${arg} ».`);
    inputs.push(arg);
  }
  if (inputs.length === 0) throw usageError("Indiquez le registre des marchés (.xlsx ou .csv) ou un fichier DECP à publier.");
  if (!values.output || !/\.(json|xml)$/i.test(values.output))
    throw usageError("Indiquez le fichier DECP à écrire avec -o decp.json ou -o decp.xml.");
  return { command: "decp", inputs, output: values.output, complementsFile: values.complements ?? null, mappingFile: values.mapping ?? null };
}
