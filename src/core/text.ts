/** Text normalisation shared by header mapping, vocabularies and keys. */

/** Lower case, accents removed, every run of non-alphanumerics folded to one space, trimmed. */
export function normalizeKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** A cell's text, trimmed; null for empty cells. Numbers keep their plain JS form. */
export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  const s = String(value).trim();
  return s === "" ? null : s;
}
