/**
 * French départements from postcodes or département codes (RE4 local suppliers, TE3 territories).
 *
 * Accepted inputs (spaces and case ignored):
 * - a 5-digit postcode: "75008" → "75"; Corsica "20000"–"20199" → "2A" (Corse-du-Sud), other
 *   "20xxx" → "2B" (Haute-Corse); overseas "97xxx"/"98xxx" → the 3 first digits ("97411" → "974");
 * - a 4-digit postcode that lost its leading zero in Excel: "1000" → "01";
 * - a département code: "1", "01", "075" (3-character INSEE form), "2A", "02B", "971";
 * - text holding one of these: "75008 PARIS CEDEX 08", "Ain (01)", "33 - Gironde".
 * Anything else — including the pre-1976 code "20", ambiguous between 2A and 2B — gives null.
 */

const METRO_MAX = 95;

/** Département of a postcode or département code, or null when it cannot be read. */
export function departementOf(postcodeOrDept: string | null): string | null {
  if (postcodeOrDept === null) return null;
  const text = postcodeOrDept.trim().toUpperCase();
  if (text === "") return null;
  const compact = text.replace(/[\s.]/g, "");
  const whole = readCode(compact);
  if (whole !== undefined) return whole;
  // Text around a code: a postcode first, then a code in parentheses, then a leading code.
  const postcode = /(?:^|\D)(\d{5})(?!\d)/.exec(text);
  if (postcode) return fromPostcode(postcode[1]);
  const inParens = /\(\s*(\d{1,3}|0?2[AB])\s*\)/.exec(text);
  if (inParens) return fromDeptCode(inParens[1]);
  const leading = /^(\d{1,3}|0?2[AB])(?![\dA-Z])/.exec(text);
  if (leading) return fromDeptCode(leading[1]);
  return null;
}

/** The département of a string that is exactly a code; undefined when it is not a bare code. */
function readCode(compact: string): string | null | undefined {
  if (/^\d{5}$/.test(compact)) return fromPostcode(compact);
  if (/^\d{4}$/.test(compact)) return fromPostcode(`0${compact}`);
  if (/^(\d{1,3}|0?2[AB])$/.test(compact)) return fromDeptCode(compact);
  return undefined;
}

function fromPostcode(postcode: string): string | null {
  const two = postcode.slice(0, 2);
  if (two === "97" || two === "98") return postcode.slice(0, 3);
  if (two === "20") return postcode.charCodeAt(2) <= 49 /* "0" or "1" */ ? "2A" : "2B";
  return metropolitan(Number(two));
}

function fromDeptCode(code: string): string | null {
  if (code === "2A" || code === "02A") return "2A";
  if (code === "2B" || code === "02B") return "2B";
  if (code.length === 3) {
    if (code.startsWith("97") || code.startsWith("98")) return code;
    if (code.startsWith("0")) return metropolitan(Number(code.slice(1)));
    return null;
  }
  return metropolitan(Number(code));
}

/** "01".."95" except "20" (Corsica is 2A/2B). */
function metropolitan(n: number): string | null {
  if (!Number.isInteger(n) || n < 1 || n > METRO_MAX || n === 20) return null;
  return String(n).padStart(2, "0");
}
