/**
 * A small JSON Schema validator for the subset the official DECP schema uses (draft-07 keywords):
 * type, required, enum, pattern, properties, additionalProperties (false), items, $ref (JSON
 * pointer in the same document), anyOf, minimum, maximum, minLength, maxLength, minItems,
 * uniqueItems. Any other keyword met in a schema is an error, so that a schema using more than
 * this subset cannot pass unchecked. Returns the errors as « path: message ».
 */
type Schema = Record<string, unknown>;

const KNOWN = new Set([
  "$id", "$schema", "$ref", "title", "description", "definitions", "type", "required", "enum", "pattern",
  "properties", "additionalProperties", "items", "anyOf", "minimum", "maximum", "minLength", "maxLength",
  "minItems", "uniqueItems",
]);

function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

function typeMatches(v: unknown, t: string): boolean {
  const actual = typeOf(v);
  return actual === t || (t === "number" && actual === "integer");
}

function resolve(root: Schema, ref: string): Schema {
  if (!ref.startsWith("#")) throw new Error(`$ref non local non pris en charge : ${ref}`);
  let node: unknown = root;
  for (const raw of ref.slice(1).split("/").filter((p) => p !== "")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    node = (node as Record<string, unknown>)?.[key];
    if (node === undefined) throw new Error(`$ref introuvable : ${ref}`);
  }
  return node as Schema;
}

export function validateJson(root: Schema, value: unknown): string[] {
  const errors: string[] = [];
  const check = (schema: Schema, v: unknown, path: string): void => {
    for (const k of Object.keys(schema)) if (!KNOWN.has(k)) throw new Error(`mot-clé non pris en charge : ${k} (${path})`);
    if (typeof schema.$ref === "string") check(resolve(root, schema.$ref), v, path);
    if (schema.type !== undefined) {
      const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
      if (!types.some((t) => typeMatches(v, t))) {
        errors.push(`${path}: type ${typeOf(v)}, attendu ${types.join("|")}`);
        return;
      }
    }
    if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(v)))
      errors.push(`${path}: ${JSON.stringify(v)} hors de l'énumération`);
    if (typeof v === "string") {
      if (typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(v)) errors.push(`${path}: « ${v} » ne suit pas le motif ${schema.pattern}`);
      const len = [...v].length;
      if (typeof schema.minLength === "number" && len < schema.minLength) errors.push(`${path}: longueur ${len} < ${schema.minLength}`);
      if (typeof schema.maxLength === "number" && len > schema.maxLength) errors.push(`${path}: longueur ${len} > ${schema.maxLength}`);
    }
    if (typeof v === "number") {
      if (typeof schema.minimum === "number" && v < schema.minimum) errors.push(`${path}: ${v} < ${schema.minimum}`);
      if (typeof schema.maximum === "number" && v > schema.maximum) errors.push(`${path}: ${v} > ${schema.maximum}`);
    }
    if (Array.isArray(v)) {
      if (typeof schema.minItems === "number" && v.length < schema.minItems) errors.push(`${path}: ${v.length} éléments < ${schema.minItems}`);
      if (schema.uniqueItems === true && new Set(v.map((x) => JSON.stringify(x))).size !== v.length) errors.push(`${path}: éléments répétés`);
      if (schema.items && typeof schema.items === "object") v.forEach((x, i) => check(schema.items as Schema, x, `${path}[${i}]`));
    }
    if (typeOf(v) === "object") {
      const obj = v as Record<string, unknown>;
      for (const r of (schema.required as string[] | undefined) ?? []) if (!(r in obj)) errors.push(`${path}: champ obligatoire « ${r} » absent`);
      const props = (schema.properties as Record<string, Schema> | undefined) ?? {};
      for (const [k, x] of Object.entries(obj)) {
        if (props[k]) check(props[k], x, `${path}.${k}`);
        else if (schema.additionalProperties === false) errors.push(`${path}: champ « ${k} » non prévu`);
      }
    }
    if (Array.isArray(schema.anyOf)) {
      const ok = (schema.anyOf as Schema[]).some((s) => {
        const before = errors.length;
        check(s, v, path);
        const pass = errors.length === before;
        errors.length = before;
        return pass;
      });
      if (!ok) errors.push(`${path}: aucune des variantes anyOf ne convient`);
    }
  };
  check(root, value, "$");
  return errors;
}
