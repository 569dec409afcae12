/**
 * The one reading of an argv by node:util `parseArgs` for every verb (analyse, referentiel,
 * fiche, observatoire, decp). `parseArgs` runs in non-strict mode with its tokens, so that every
 * mistake gets a French message naming the option (strict mode throws English messages): an
 * unknown option, a value missing or given to a flag, an option given twice. The verbs check
 * what they need from the result and report the first problem found, in command-line order.
 */
import { parseArgs } from "node:util";

export interface OptionSpec {
  /** Options with a value: parseArgs name (accented spellings included) → key of the value. */
  values: Record<string, string>;
  /** Flags: parseArgs name → key. */
  flags: Record<string, string>;
  /** One-letter aliases: parseArgs name → letter ("output" → "o"). */
  short?: Record<string, string>;
}

export interface ReadArgs {
  values: Record<string, string>;
  flags: Set<string>;
  positionals: string[];
  /** French sentences, in command-line order. */
  problems: string[];
}

/** Reads argv against the spec; `unknownOption` says an option the verb does not know. */
export function readArgs(
  argv: readonly string[],
  spec: OptionSpec,
  unknownOption: (rawName: string) => string
): ReadArgs {
  const options: Record<string, { type: "string" | "boolean"; short?: string }> = {};
  for (const name of Object.keys(spec.values)) options[name] = { type: "string" };
  for (const name of Object.keys(spec.flags)) options[name] = { type: "boolean" };
  for (const [name, letter] of Object.entries(spec.short ?? {}))
    if (options[name]) options[name].short = letter;
  const { tokens } = parseArgs({
    args: [...argv],
    options,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const out: ReadArgs = { values: {}, flags: new Set(), positionals: [], problems: [] };
  for (const t of tokens) {
    if (t.kind === "positional") out.positionals.push(t.value);
    if (t.kind !== "option") continue;
    const flag = spec.flags[t.name];
    const key = spec.values[t.name];
    if (flag !== undefined) {
      if (t.value !== undefined) out.problems.push(`L'option ${t.rawName} n'attend pas de valeur.`);
      out.flags.add(flag);
    } else if (key !== undefined) {
      const v = t.value;
      // "-o --json": parseArgs takes the next option as the value; it is a missing value.
      if (v === undefined || v === "" || (!t.inlineValue && v.startsWith("-") && v.length > 1))
        out.problems.push(`L'option ${t.rawName} attend une valeur.`);
      else if (out.values[key] !== undefined)
        out.problems.push(`L'option ${t.rawName} est donnée deux fois.`);
      else out.values[key] = v;
    } else out.problems.push(unknownOption(t.rawName));
  }
  return out;
}
