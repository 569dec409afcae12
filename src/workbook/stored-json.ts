/**
 * A value read back from the workbook's settings: Office gives either the JSON text we stored or
 * the parsed object (hosts differ). Unparsable text gives `undefined`, which no reader accepts.
 */
export function storedJson(raw: unknown): unknown {
  if (typeof raw !== "string") return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
