/**
 * Memoised text lookup for the value parsers: a column of labels (procedure, channel, oui/non,
 * consideration…) repeats a handful of texts over up to 1 M rows, and normalizeKey (Unicode
 * normalisation + regexes) costs far more than a Map lookup. Invisible to callers: same text, same
 * answer. Long texts are not memoised.
 */

/** Most distinct texts remembered per cache before it starts over. */
const MEMO_LIMIT = 4096;
/** Texts longer than this are computed, not remembered. */
const MAX_MEMO_TEXT = 200;

export function memoized<T>(cache: Map<string, T>, text: string, compute: (text: string) => T): T {
  if (text.length > MAX_MEMO_TEXT) return compute(text);
  const hit = cache.get(text);
  if (hit !== undefined || cache.has(text)) return hit as T;
  const value = compute(text);
  if (cache.size >= MEMO_LIMIT) cache.clear();
  cache.set(text, value);
  return value;
}
