/**
 * Yes/no cells (SPEC §2.4 "booleans").
 *
 * Convention of every parser: `null` for an empty cell, `undefined` for a present but unreadable
 * cell, else the value. Never throws.
 *
 * True: oui, o, yes, y, vrai, true, 1, x, and the check marks ✓ ✔ ☑. False: non, n, no, faux,
 * false, 0. Cross symbols (✗ ✘ ☒) are unreadable: users mean "yes" or "no" with them; only the
 * letter "x" is a yes. Case, accents, surrounding
 * spaces and punctuation are ignored ("OUI", "Vrai.", " x "). JS booleans as they are; numbers 1
 * and 0.
 *
 * The SPEC's "x/empty" convention: an empty cell is `null` (unknown) here, never `false`; columns
 * that use the "x" convention (a mark for yes, nothing for no) must treat `null` as `false`
 * themselves.
 */
import { memoized } from "./memo";
import type { Cell } from "../model";
import { normalizeKey } from "../text";

const TRUE_WORDS: ReadonlySet<string> = new Set(["oui", "o", "yes", "y", "vrai", "true", "1", "x"]);
const FALSE_WORDS: ReadonlySet<string> = new Set(["non", "n", "no", "faux", "false", "0"]);
const CHECK_MARKS: ReadonlySet<string> = new Set(["\u2713", "\u2714", "\u2611"]);

/** A yes/no value of a cell. */
export function parseBoolean(value: Cell): boolean | null | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value === "string") return parseBooleanText(value);
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : undefined;
  if (value === null || value === undefined) return null;
  return undefined;
}

/** parseBoolean for text. Blank text is null. */
const booleanCache = new Map<string, boolean | null | undefined>();

export function parseBooleanText(text: string): boolean | null | undefined {
  return memoized(booleanCache, text, booleanOfText);
}

function booleanOfText(text: string): boolean | null | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (trimmed.length > 32) return undefined;
  // Fast path: the usual lower-case words.
  if (TRUE_WORDS.has(trimmed)) return true;
  if (FALSE_WORDS.has(trimmed)) return false;
  if (CHECK_MARKS.has(trimmed)) return true;
  const key = normalizeKey(trimmed);
  if (TRUE_WORDS.has(key)) return true;
  if (FALSE_WORDS.has(key)) return false;
  return undefined;
}
