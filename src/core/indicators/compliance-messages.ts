/**
 * The user-facing texts of the compliance rules (CO1–CO5, PF4, PF6, PF8): alert reasons, legal
 * bases, why an alert is only a signal to check, and what would clear it. The texts live in the
 * message catalogue (../messages/fr.ts and en.ts, block "Compliance texts"); this module names
 * the codes of that block and builds the coded texts of the rules: a code, its parameters and
 * the French text (for the places that still join French strings). Detail rows carry the message
 * (`textOf`), which the report renders in the reader's language.
 */
import { FR, type MessageCode as CatalogueCode } from "../messages/fr";
import { format, isMessage, type Message } from "../messages/render";

/** The catalogue codes of the compliance texts. */
export type MessageCode = Extract<
  CatalogueCode,
  | `law.${string}`
  | `why.${string}`
  | `clear.${string}`
  | `CO1.${string}`
  | `CO2.${string}`
  | `CO3.${string}`
  | `CO4.${string}`
  | `CO5.${string}`
  | `compliance.${string}`
  | `PF4.${string}`
  | `PF6.${string}`
  | `procedure.${string}`
  | `exclusion.${string}`
>;
/**
 * Parameters: plain data (numbers, names from the user's tables), or pieces of text that are
 * messages themselves (rendered in the reader's language with the message).
 */
export type MessageParams = Record<string, string | number | Message>;

/** A message with its code and parameters, and its French text. */
export interface CodedText {
  code: MessageCode;
  params: MessageParams;
  fr: string;
}

/**
 * Parameters as the rules always wrote them: numbers of plain {name} parameters as they are
 * ("2025", "12.5": no grouping of a year into "2 025"); numbers of formatted parameters
 * ({amount, eurExact}) kept, for the language to write them; message parameters keep their code,
 * with their own parameters written the same way.
 */
function written(
  code: CatalogueCode,
  params: Readonly<Record<string, unknown>>
): Record<string, string | number | Message> {
  const formatted = formattedParams(code);
  const out: Record<string, string | number | Message> = {};
  for (const [k, v] of Object.entries(params))
    out[k] = isMessage(v)
      ? writtenMessage(v)
      : typeof v === "number" && formatted.has(k)
        ? v
        : String(v);
  return out;
}

function writtenMessage(m: Message): Message {
  return m.params === undefined || Object.keys(m.params).length === 0
    ? { code: m.code }
    : { code: m.code, params: written(m.code, m.params) };
}

const FORMATTED = /\{(\w+), (?:eur|eur2|eurExact|pct|int|eurPlain|intPlain)\}/g;
const formattedCache = new Map<CatalogueCode, Set<string>>();

/** The parameters a template writes with a format (the same in both languages). */
function formattedParams(code: CatalogueCode): Set<string> {
  let set = formattedCache.get(code);
  if (!set) {
    set = new Set([...FR[code].matchAll(FORMATTED)].map((m) => m[1]));
    formattedCache.set(code, set);
  }
  return set;
}

/** The French text of a message with its parameters filled in. */
export function formatMessage(code: MessageCode, params: MessageParams = {}): string {
  return format("fr", FR[code], written(code, params));
}

export function coded(code: MessageCode, params: MessageParams = {}): CodedText {
  return { code, params, fr: formatMessage(code, params) };
}

/** The message of a coded text, for a detail row: rendered in the reader's language. */
export function messageOf(t: CodedText): Message {
  return writtenMessage({ code: t.code, params: t.params });
}

/**
 * One message for the parts of a text (main sentence, then its notes), joined as the French text
 * joins them (no separator: each note starts with its own space or punctuation).
 */
export function messageOfParts(parts: readonly CodedText[]): Message {
  if (parts.length === 1) return messageOf(parts[0]);
  if (parts.length > PARTS.length) throw new Error(`at most ${PARTS.length} parts`);
  const params: Record<string, Message> = {};
  parts.forEach((p, i) => (params[PARTS[i]] = messageOf(p)));
  return { code: "compliance.parts", params };
}

const PARTS = ["p0", "p1", "p2", "p3"] as const;

/** The message of a compliance text, for a detail row (shorthand of messageOf(coded(…))). */
export function textOf(code: MessageCode, params: MessageParams = {}): Message {
  return messageOf(coded(code, params));
}

/** The JSON of a message's parameters, for a detail row ("" when none). */
export function paramsJson(params: MessageParams): string {
  return Object.keys(params).length === 0 ? "" : JSON.stringify(params);
}
