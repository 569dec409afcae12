/**
 * Number and amount parser (SPEC §2.5 "Numbers").
 *
 * Convention of every parser: `null` for an empty cell, `undefined` for a present but unreadable
 * cell, else the value. Never throws.
 *
 * Accepted text (surrounding spaces ignored):
 * - digits with an optional decimal separator "," or ".": "1234,56", "1234.56", "1,5", ".5";
 * - digits grouped by threes with spaces (normal, no-break U+00A0, narrow no-break U+202F, thin…),
 *   dots or commas: "1 234 567,89", "1.234,56", "1,234.56"; only one grouping kind per number,
 *   and the decimal separator comes last and occurs once;
 * - scientific notation without grouping: "1,5E+3", "2.5e-2";
 * - a sign "+", "-" or "−" (U+2212), or accounting parentheses "(1 234,56)" for a negative;
 * - one unit, before or after the number: "€", "EUR" (any case) or a trailing "%" ("12 %" -> 12).
 *
 * Ambiguous single separator followed by exactly three digits and nothing else:
 * - "1,234" is a French decimal: 1.234 (the comma is the French decimal mark; a grouped number
 *   would normally use a space in French, and "1,234" as English grouping is rare in French files);
 * - "1.234" is a thousands separator: 1234 (French exports write "1.234,56" and "1.234"), unless
 *   the integer part starts with "0" ("0.125" -> 0.125) or has more than three digits
 *   ("1234.567" -> 1234.567).
 * A separator followed by 1, 2 or 4+ digits is always a decimal mark ("1.5", "12,50", "1.2345").
 *
 * Excel numbers are taken as they are (NaN and ±Infinity are unreadable); booleans and dates are
 * unreadable. -0 is returned as 0.
 */
import type { Cell } from "../model";
import { centsOfDigits, toCents } from "../money";
import {
  isDigitCode,
  isFiniteNumber,
  isSafeInteger,
  isSpaceCode,
  mathAbs,
  mathRound,
} from "./chars";

const DOT = 46;
const COMMA = 44;
const PLUS = 43;
const MINUS = 45;
const UNICODE_MINUS = 0x2212;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const PERCENT = 37;
const EURO = 0x20ac;
const UPPER_E = 69;
const LOWER_E = 101;

/** Up to 15 digits, a number text is an exact integer mantissa (below 2^53). */
const MAX_EXACT_DIGITS = 15;
const POW10: readonly number[] = Array.from({ length: MAX_EXACT_DIGITS + 1 }, (_, i) => 10 ** i);

/** Separator kinds met in the digits. */
const SEP_NONE = 0;
const SEP_DOT = 1;
const SEP_COMMA = 2;
const SEP_SPACE = 3;

/** A number from an Excel value or a French/English number text. */
export function parseNumber(value: Cell): number | null | undefined {
  if (typeof value === "number") return isFiniteNumber(value) ? value + 0 : undefined;
  if (typeof value === "string") return parseNumberText(value);
  if (value === null || value === undefined) return null;
  return undefined;
}

/**
 * Integer cents of an amount cell (parseNumber, then rounded half away from zero to the cent).
 * A percentage ("12 %") is not an amount: unreadable, not 12 €.
 */
export function parseAmountCents(value: Cell): number | null | undefined {
  if (typeof value === "string" && value.indexOf("%") >= 0) return undefined;
  lastLong = null;
  const n = parseNumber(value);
  if (n === null || n === undefined) return n;
  if (lastLong === null) {
    const cents = amountToCents(n);
    return isSafeInteger(cents) ? cents + 0 : undefined;
  }
  // More than 15 digits: exact cents from the digits, kept when they fit a safe integer.
  const long: { negative: boolean; integerDigits: string; fraction: string } = lastLong;
  lastLong = null;
  const exact = centsOfDigits(long.negative, long.integerDigits, long.fraction);
  return exact <= MAX_SAFE_CENTS && exact >= -MAX_SAFE_CENTS ? Number(exact) + 0 : undefined;
}

const MAX_SAFE_CENTS = BigInt(Number.MAX_SAFE_INTEGER);

/** The digits of the last text of more than 15 digits parseGeneral read (exact amounts). */
let lastLong: { negative: boolean; integerDigits: string; fraction: string } | null = null;

/**
 * parseAmountCents without the safe-integer bound: exact cents as a big integer. A text of up to
 * 15 digits is exact through the number path; a longer text ("90 071 992 547 409,93") is taken
 * from its digits, never multiplied in floating point. A number cell is already a double: its
 * cents are rounded from it. undefined: not an amount; null: blank.
 */
export function parseAmountCentsExact(value: Cell): bigint | null | undefined {
  if (typeof value === "string" && value.indexOf("%") >= 0) return undefined;
  lastLong = null;
  const n = parseNumber(value);
  if (n === null || n === undefined) return n;
  if (lastLong !== null && typeof value === "string") {
    const long: { negative: boolean; integerDigits: string; fraction: string } = lastLong;
    lastLong = null;
    return centsOfDigits(long.negative, long.integerDigits, long.fraction);
  }
  const cents = amountToCents(n);
  if (isSafeInteger(cents)) return BigInt(cents);
  const scaled = Math.round(n * 100);
  return Number.isFinite(scaled) ? BigInt(scaled) : undefined;
}

/**
 * money.toCents with a fast path: when the amount is a whole number of cents up to float noise
 * (|n·100 − round| < 1e-6, below 10^15 cents) the result is that integer, exactly what toCents
 * returns, without its costly toPrecision call. Other amounts (fractions of a cent such as 1.005)
 * go through toCents. -0 is returned as 0.
 */
export function amountToCents(n: number): number {
  const scaled = n * 100;
  const rounded = mathRound(scaled);
  if (mathAbs(scaled) < 1e15 && mathAbs(scaled - rounded) < 1e-6) return rounded + 0;
  return toCents(n) + 0;
}

/** parseNumber for text. Blank text is null. */
export function parseNumberText(text: string): number | null | undefined {
  const fast = parseSimple(text);
  return fast !== undefined ? fast : parseGeneral(text);
}

/**
 * Fast path for the usual CSV shapes "-?digits([.,]digits)?" with at most 15 digits, in one scan
 * and without allocation; undefined means "not that shape" (the general parser decides).
 */
function parseSimple(text: string): number | undefined {
  const length = text.length;
  let i = 0;
  let negative = false;
  if (length > 0 && text.charCodeAt(0) === MINUS) {
    negative = true;
    i = 1;
  }
  const intStart = i;
  let mantissa = 0;
  let c = 0;
  while (i < length && isDigitCode((c = text.charCodeAt(i)))) {
    mantissa = mantissa * 10 + (c - 48);
    i++;
  }
  const intLength = i - intStart;
  if (intLength === 0 || intLength > MAX_EXACT_DIGITS) return undefined;
  if (i === length) return finish(mantissa, negative);
  if (c !== COMMA && c !== DOT) return undefined;
  const fractionStart = ++i;
  while (i < length && isDigitCode((c = text.charCodeAt(i)))) {
    mantissa = mantissa * 10 + (c - 48);
    i++;
  }
  const fractionLength = i - fractionStart;
  if (i !== length || fractionLength === 0 || intLength + fractionLength > MAX_EXACT_DIGITS)
    return undefined;
  if (
    fractionLength === 3 &&
    text.charCodeAt(fractionStart - 1) === DOT &&
    intLength <= 3 &&
    text.charCodeAt(intStart) !== 48
  ) {
    return finish(mantissa, negative); // "1.234" -> 1234 (see the header comment)
  }
  return finish(mantissa / POW10[fractionLength], negative);
}

/** "eur" in any case at text[pos..pos+2]. */
function isEur(text: string, pos: number): boolean {
  return (
    (text.charCodeAt(pos) | 32) === 101 &&
    (text.charCodeAt(pos + 1) | 32) === 117 &&
    (text.charCodeAt(pos + 2) | 32) === 114
  );
}

function finish(n: number, negative: boolean): number | undefined {
  if (!isFiniteNumber(n)) return undefined;
  const v = negative ? -n : n;
  return v + 0;
}

function parseGeneral(text: string): number | null | undefined {
  let start = 0;
  let end = text.length;
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  if (start === end) return null;

  // Peel sign, parentheses and unit off both ends, in any order, each at most once.
  let negative = false;
  let signSeen = false;
  let parens = false;
  let unitSeen = false;
  for (;;) {
    while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
    while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
    if (start >= end) return undefined;
    const first = text.charCodeAt(start);
    const last = text.charCodeAt(end - 1);
    if (first === OPEN_PAREN && last === CLOSE_PAREN && end - start >= 2) {
      if (parens || signSeen) return undefined;
      parens = true;
      negative = true;
      start++;
      end--;
      continue;
    }
    if (!unitSeen) {
      if (last === EURO || last === PERCENT) {
        unitSeen = true;
        end--;
        continue;
      }
      if (first === EURO) {
        unitSeen = true;
        start++;
        continue;
      }
      if (end - start >= 3 && isEur(text, end - 3)) {
        unitSeen = true;
        end -= 3;
        continue;
      }
      if (end - start >= 3 && isEur(text, start)) {
        unitSeen = true;
        start += 3;
        continue;
      }
    }
    if (first === PLUS || first === MINUS || first === UNICODE_MINUS) {
      if (signSeen || parens) return undefined;
      signSeen = true;
      negative = first !== PLUS;
      start++;
      continue;
    }
    break;
  }

  // Pass 1: count separators, find the last one, spot an exponent, reject anything else.
  let nDot = 0;
  let nComma = 0;
  let nSpace = 0;
  let lastSep = SEP_NONE;
  let lastSepPos = -1;
  let expPos = -1;
  let nDigits = 0;
  // All digits as one integer (exact while nDigits ≤ 15), whatever the separators between them.
  let mantissa = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (isDigitCode(c)) {
      nDigits++;
      mantissa = mantissa * 10 + (c - 48);
    } else if (c === DOT) {
      nDot++;
      lastSep = SEP_DOT;
      lastSepPos = k;
    } else if (c === COMMA) {
      nComma++;
      lastSep = SEP_COMMA;
      lastSepPos = k;
    } else if (isSpaceCode(c)) {
      nSpace++;
      lastSep = SEP_SPACE;
      lastSepPos = k;
      while (k + 1 < end && isSpaceCode(text.charCodeAt(k + 1))) k++;
    } else if (c === UPPER_E || c === LOWER_E) {
      expPos = k;
      break;
    } else {
      return undefined;
    }
  }
  if (nDigits === 0) return undefined;
  if (expPos >= 0)
    return parseScientific(text, start, expPos, end, negative, nDot + nComma, nSpace);
  if (lastSep === SEP_NONE) return finish(+text.slice(start, end), negative);
  if (!isDigitCode(text.charCodeAt(end - 1))) return undefined;

  // Decide which separator, if any, is the decimal mark.
  const kinds = (nDot > 0 ? 1 : 0) + (nComma > 0 ? 1 : 0) + (nSpace > 0 ? 1 : 0);
  let decimalPos = -1;
  if ((lastSep === SEP_DOT && nDot === 1) || (lastSep === SEP_COMMA && nComma === 1)) {
    if (kinds >= 2 || lastSep === SEP_COMMA || !looksLikeThousands(text, start, lastSepPos, end)) {
      decimalPos = lastSepPos;
    }
  }
  const groupingKinds = kinds - (decimalPos >= 0 ? 1 : 0);
  if (groupingKinds > 1) return undefined;

  // Pass 2: check the groups of three.
  const intEnd = decimalPos >= 0 ? decimalPos : end;
  let runStart = start;
  let seps = 0;
  for (let k = start; k <= intEnd; k++) {
    if (k < intEnd && isDigitCode(text.charCodeAt(k))) continue;
    const runLen = k - runStart;
    if (seps === 0) {
      if (k < intEnd && (runLen < 1 || runLen > 3)) return undefined;
    } else if (runLen !== 3) {
      return undefined;
    }
    if (k === intEnd) break;
    seps++;
    if (isSpaceCode(text.charCodeAt(k))) {
      while (k + 1 < intEnd && isSpaceCode(text.charCodeAt(k + 1))) k++;
    }
    runStart = k + 1;
  }
  const fractionLength = decimalPos >= 0 ? end - decimalPos - 1 : 0;
  if (decimalPos >= 0 && fractionLength === 0) return undefined;

  if (nDigits <= MAX_EXACT_DIGITS) {
    // The exact integer of all digits, then one correctly rounded division: the same double as
    // Number("int.fraction"), without building strings.
    return finish(fractionLength === 0 ? mantissa : mantissa / POW10[fractionLength], negative);
  }
  // Long numbers: let the JS number parser round them (amounts are then taken from the digits).
  const integerDigits = text.slice(start, intEnd).replace(/\D+/g, "");
  const fraction = decimalPos >= 0 ? text.slice(decimalPos + 1, end) : "";
  lastLong = { negative, integerDigits, fraction };
  return finish(
    +((integerDigits === "" ? "0" : integerDigits) + (fraction === "" ? "" : "." + fraction)),
    negative
  );
}

/**
 * A lone "." with 1–3 digits before (not starting with 0) and exactly 3 after reads as a
 * thousands separator ("1.234" -> 1234).
 */
function looksLikeThousands(text: string, start: number, dotPos: number, end: number): boolean {
  const before = dotPos - start;
  return end - dotPos - 1 === 3 && before >= 1 && before <= 3 && text.charCodeAt(start) !== 48;
}

function parseScientific(
  text: string,
  start: number,
  expPos: number,
  end: number,
  negative: boolean,
  mantissaSeps: number,
  mantissaSpaces: number
): number | undefined {
  if (mantissaSeps > 1 || mantissaSpaces > 0) return undefined;
  let k = expPos + 1;
  const expSignPos = k;
  if (k < end && (text.charCodeAt(k) === PLUS || text.charCodeAt(k) === MINUS)) k++;
  const expDigitsStart = k;
  while (k < end && isDigitCode(text.charCodeAt(k))) k++;
  if (k !== end || k === expDigitsStart) return undefined;
  let mantissa = text.slice(start, expPos);
  if (mantissaSeps === 1) {
    mantissa = mantissa.replace(",", ".");
    const c = mantissa.charCodeAt(mantissa.length - 1);
    if (!isDigitCode(c)) return undefined;
  }
  return finish(+(mantissa + "e" + text.slice(expSignPos, end)), negative);
}
