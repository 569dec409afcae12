/**
 * Which environmental considerations a contract states, when the data says which (DECP 2024
 * considerationsEnvironnementales: "Critère environnemental", "Clause environnementale", "Pas de
 * considération environnementale"). The loi Climat (art. 35) makes two distinct obligations: an
 * environmental award criterion (L2152-7) and environmental execution conditions (L2112-2).
 */
import { normalizeKey } from "../text";

export interface EnvironmentalKinds {
  /** Environmental award criterion (L2152-7); null when the data does not say. */
  criterion: boolean | null;
  /** Environmental execution clause (L2112-2); null when the data does not say. */
  clause: boolean | null;
}

const UNKNOWN: EnvironmentalKinds = { criterion: null, clause: null };

function collect(value: unknown, out: string[], depth: number): void {
  if (value === null || value === undefined || depth > 6) return;
  if (typeof value === "string") {
    const t = value.trim();
    if (t.startsWith("[") || t.startsWith("{")) {
      try {
        collect(JSON.parse(t) as unknown, out, depth + 1);
        return;
      } catch {
        // plain text
      }
    }
    for (const part of t.split(/[;,|\n\r]+/)) {
      const k = normalizeKey(part);
      if (k !== "") out.push(k);
    }
    return;
  }
  if (Array.isArray(value)) {
    for (const v of value) collect(v, out, depth + 1);
    return;
  }
  if (typeof value === "object" && !(value instanceof Date)) {
    for (const v of Object.values(value as Record<string, unknown>)) collect(v, out, depth + 1);
  }
}

/**
 * The kinds stated by a considerationsEnvironnementales value. Known only when every value is a
 * DECP label (criterion, clause, or "pas de considération"); a plain yes/no says nothing of the kind.
 */
export function environmentalKinds(value: unknown): EnvironmentalKinds {
  const parts: string[] = [];
  try {
    collect(value, parts, 0);
  } catch {
    return UNKNOWN;
  }
  if (parts.length === 0) return UNKNOWN;
  let criterion = false;
  let clause = false;
  for (const k of parts) {
    if (k.startsWith("critere")) criterion = true;
    else if (k.startsWith("clause") || k.startsWith("condition")) clause = true;
    else if (!k.startsWith("pas de") && !k.startsWith("aucun") && k !== "neant") return UNKNOWN;
  }
  return { criterion, clause };
}
