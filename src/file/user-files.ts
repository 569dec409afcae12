/**
 * The JSON files a user hands to the command line: the column mapping (--mapping) and the
 * parameters (--parametres). Both are read through a valibot schema; the first problem found
 * becomes an InputError whose French message names the table, key or parameter at fault and
 * shows the expected form.
 */
import * as fs from "node:fs";
import * as v from "valibot";
import { TABLE_KINDS, TABLE_KIND_LABELS } from "../core/fields";
import type { TableKind } from "../core/model";
import { defaultReferenceValues, type ReferenceOverrides } from "../core/reference/values";
import { InputError, fromFileSystemError } from "./errors";

// ---------------------------------------------------------------------------------------------
// Mapping file

/** Override of one table's detection (keys of MappingFile: table names). */
export interface TableOverride {
  /** Leave the table out (listed in `skipped`). */
  ignore?: boolean;
  kind?: TableKind;
  /** 1-based sheet row of the header row (CSV: record number). */
  headerRow?: number;
  /** Field key → header text of the column to use; null to leave a field unmapped. */
  columns?: Record<string, string | null>;
}

/**
 * JSON file: { "<table name>": { "ignore"?: true, "kind"?, "headerRow"?, "columns"?: { "<field key>": "<header text>" } } }.
 */
export type MappingFile = Record<string, TableOverride>;

const OVERRIDE_KEYS = ["ignore", "kind", "headerRow", "columns"] as const;

/** valibot's object and record schemas accept arrays: a JSON object is required here. */
const isJsonObject = (x: unknown): boolean =>
  typeof x === "object" && x !== null && !Array.isArray(x);
const jsonObject = v.custom<Record<string, unknown>>(isJsonObject);

const TableOverrideSchema = v.strictObject({
  ignore: v.optional(v.boolean()),
  kind: v.optional(v.picklist(TABLE_KINDS)),
  headerRow: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  columns: v.optional(v.pipe(jsonObject, v.record(v.string(), v.nullable(v.string())))),
});

const MappingSchema = v.pipe(
  jsonObject,
  v.record(v.string(), v.pipe(jsonObject, TableOverrideSchema))
);

/** The keys of an issue's path, outermost first. */
function pathKeys(issue: v.BaseIssue<unknown>): string[] {
  return (issue.path ?? []).map((p) => String((p as { key: unknown }).key));
}

/** The French problem for the first issue of a mapping file. */
function mappingProblem(issue: v.BaseIssue<unknown>): string {
  const [table, key, field] = pathKeys(issue);
  if (table === undefined)
    return "n'est pas un fichier de correspondance valide (objet JSON attendu)";
  const of = `pour le tableau « ${table} »`;
  if (key === undefined) return `donne ${of} autre chose qu'un objet`;
  if (!(OVERRIDE_KEYS as readonly string[]).includes(key)) {
    return `contient une clé inconnue « ${key} » ${of} (clés possibles : ${OVERRIDE_KEYS.join(", ")})`;
  }
  switch (key) {
    case "ignore":
      return `donne ${of} une valeur de « ignore » qui n'est ni true ni false`;
    case "kind":
      return `donne ${of} un type inconnu « ${String(issue.input)} » (types possibles : ${TABLE_KINDS.map((k) => `${k} = ${TABLE_KIND_LABELS[k]}`).join(", ")})`;
    case "headerRow":
      return `donne ${of} une ligne d'en-tête invalide (headerRow : numéro de ligne de la feuille, à partir de 1)`;
    default:
      return field === undefined
        ? `donne ${of} des colonnes invalides (objet { "champ": "en-tête" } attendu)`
        : `donne pour le champ « ${field} » du tableau « ${table} » un en-tête qui n'est pas un texte`;
  }
}

/** Checks the shape of a parsed mapping file; throws an InputError naming what is wrong. */
export function parseMappingFile(json: unknown, file = "fichier de correspondance"): MappingFile {
  const parsed = v.safeParse(MappingSchema, json, { abortEarly: true });
  if (parsed.success) return parsed.output;
  throw new InputError(mappingProblem(parsed.issues[0]), {
    file,
    hint: 'Format attendu : { "Mandats": { "kind": "spend", "headerRow": 4, "columns": { "amountHT": "Mt HT" } } }.',
  });
}

/** Reads and checks a mapping file (JSON). */
export async function readMappingFile(path: string): Promise<MappingFile> {
  return parseMappingFile(await readJson(path, "du fichier de correspondance"), path);
}

// ---------------------------------------------------------------------------------------------
// Parameters file

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * A schema accepting values of the same form as `example` (an object: any subset of its keys). A
 * value without default (null: the AGEC minimums of décret 2024-134 still to enter, percents)
 * takes a percentage from 0 to 100, or null to leave it empty.
 */
function sameFormAs(example: unknown): v.GenericSchema {
  if (Array.isArray(example)) return v.array(v.unknown());
  if (example === null)
    return v.nullable(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(100)));
  switch (typeof example) {
    case "number":
      return v.pipe(v.number(), v.finite());
    case "string":
      return v.string();
    case "boolean":
      return v.boolean();
    case "object": {
      const entries = Object.entries(example as Record<string, unknown>);
      return v.pipe(
        jsonObject,
        v.strictObject(Object.fromEntries(entries.map(([k, x]) => [k, v.optional(sameFormAs(x))])))
      );
    }
    default:
      return v.never();
  }
}

function parametersSchema() {
  const defaults = defaultReferenceValues() as unknown as Record<string, Json>;
  return v.pipe(
    jsonObject,
    v.strictObject(
      Object.fromEntries(Object.entries(defaults).map(([k, x]) => [k, v.optional(sameFormAs(x))]))
    )
  );
}

/** The default value at a path of keys (undefined when the path leads nowhere). */
function defaultAt(keys: readonly string[]): unknown {
  let x: unknown = defaultReferenceValues();
  for (const k of keys) {
    if (typeof x !== "object" || x === null || Array.isArray(x)) return undefined;
    x = (x as Record<string, unknown>)[k];
  }
  return x;
}

/** Checks a parsed parameters file; throws an InputError naming the parameter at fault. */
export function parseParametersFile(json: unknown, file: string): ReferenceOverrides {
  const known = Object.keys(defaultReferenceValues());
  const parsed = v.safeParse(parametersSchema(), json, { abortEarly: true });
  // A partial object (one AGEC minimum of a category) is merged with the values in force at every
  // depth by withOverrides.
  if (parsed.success) return parsed.output as ReferenceOverrides;
  const keys = pathKeys(parsed.issues[0]);
  if (keys.length === 0) {
    throw new InputError('doit contenir un objet JSON { "nom": valeur }', {
      file,
      hint: "Voir la feuille Paramètres pour les noms.",
    });
  }
  if (!known.includes(keys[0])) {
    throw new InputError(`contient un paramètre inconnu : « ${keys[0]} »`, {
      file,
      hint: `Paramètres connus : ${known.join(", ")}.`,
    });
  }
  if (defaultAt(keys) === null) {
    throw new InputError(
      `donne au paramètre « ${keys.join(".")} » une valeur du mauvais type : un pourcentage de 0 à 100 est attendu (nombre, par exemple 20), ou null pour le laisser vide`,
      {
        file,
        hint: `Exemple : { "${keys[0]}": { "${keys[1] ?? "…"}": { "${keys[2] ?? "…"}": 20 } } } (minimum du décret n° 2024-134 à saisir, voir la feuille Paramètres).`,
      }
    );
  }
  throw new InputError(`donne au paramètre « ${keys.join(".")} » une valeur du mauvais type`, {
    file,
    hint: "Reprenez la forme de la valeur par défaut (feuille Paramètres).",
  });
}

/** Reads a --parametres file: a JSON object whose keys are reference-value names. */
export async function readParametersFile(path: string): Promise<ReferenceOverrides> {
  return parseParametersFile(await readJson(path, "du fichier de paramètres"), path);
}

// ---------------------------------------------------------------------------------------------

/** A JSON file's value; a missing file or bad JSON is an InputError saying how to fix it. */
export async function readJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await fs.promises.readFile(path, "utf8");
  } catch (e) {
    throw fromFileSystemError(e, path);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new InputError(
      `n'est pas un fichier JSON valide (${(e as Error).message})`,
      {
        file: path,
        hint: `Corrigez la syntaxe ${what} (guillemets doubles, virgules, accolades).`,
      },
      { cause: e }
    );
  }
}
