/**
 * Date parser (SPEC §2.5 "Dates"), to day numbers (see ../dates.ts).
 *
 * Convention of every parser: `null` for an empty cell, `undefined` for a present but unreadable
 * cell, else the value. Never throws.
 *
 * Accepted:
 * - Excel serial numbers, 1900 system (or 1904 when `date1904`), 1 ≤ serial ≤ 9999-12-31; a time
 *   fraction is dropped. In the 1900 system, serials 1–59 are shifted by one day to undo Excel's
 *   fictitious 29/02/1900 (serial 60, unreadable), so serial 1 is 01/01/1900 as Excel shows it.
 * - An integer with 8 digits that is not a serial is read as AAAAMMJJ (FEC exports: 20240315).
 * - JS Date objects, by their UTC calendar date.
 * - Text: "dd/mm/yyyy", "d/m/yy", "dd-mm-yy", "dd.mm.yyyy" (same separator twice), optionally
 *   followed by a time ("15/03/2024 14:30:00"); "yyyy-mm-dd" (also "/" or "."), optionally followed
 *   by "Thh:mm…" / " hh:mm…" and a zone, or directly by a zone as in DECP ("2018-12-17+01:00",
 *   "2018-12-17Z") — the calendar date written is kept, zones are not applied; "mm/yyyy" and
 *   "yyyy-mm" (first day of the month); "20240315" (AAAAMMJJ); digits "45123" or "45123,5" as a
 *   serial; French (and English) month names, full or abbreviated to 3+ letters, accents and dots
 *   ignored, with an optional day ("1er" too) and weekday: "15 mars 2024", "janv. 2025",
 *   "févr.-25", "lundi 1er juillet 2024". Month only -> first day of the month.
 * - Two-digit years: 00–69 -> 2000–2069, 70–99 -> 1970–1999.
 * - Sane range: 01/01/1900 to 31/12/9999; invalid calendar dates (31/02/2024) are unreadable.
 * Month-first US dates are not accepted ("03/15/2024" is unreadable, never silently swapped).
 */
import type { Cell } from "../model";
import { dayFromExcelSerial, dayFromYMD } from "../dates";
import { normalizeKey } from "../text";
import {
  dateObjectTime,
  digitsEnd,
  digitsValue,
  isDateObject,
  isDigitCode,
  isFiniteNumber,
  isIntegerNumber,
  isSpaceCode,
  mathFloor,
} from "./chars";

const MS_PER_DAY = 86_400_000;
/** Day number of 1900-01-01. */
export const MIN_DATE_DAY = dayFromYMD(1900, 1, 1);
/** Day number of 9999-12-31. */
export const MAX_DATE_DAY = dayFromYMD(9999, 12, 31);
/** Largest 1900-system serial (9999-12-31). */
const MAX_SERIAL_1900 = 2958465;

const SLASH = 47;
const DASH = 45;
const DOT = 46;
const COMMA = 44;
const COLON = 58;
const PLUS = 43;

/** A day number from an Excel serial, a Date object or a date text. */
export function parseDate(value: Cell, date1904 = false): number | null | undefined {
  if (typeof value === "number") return dateFromNumber(value, date1904);
  if (typeof value === "string") return parseDateText(value, date1904);
  if (value === null || value === undefined) return null;
  if (isDateObject(value)) {
    const time = dateObjectTime(value);
    if (!isFiniteNumber(time)) return undefined;
    return inRange(mathFloor(time / MS_PER_DAY));
  }
  return undefined;
}

function inRange(day: number): number | undefined {
  return day >= MIN_DATE_DAY && day <= MAX_DATE_DAY ? day : undefined;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Day number of a valid civil date with year ≥ 1 (Howard Hinnant's days_from_civil, integer
 * arithmetic only: same result as dates.dayFromYMD, without Date.UTC).
 */
export function civilToDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = (y / 400) | 0;
  const yoe = y - era * 400;
  const doy = (((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) | 0) + day - 1;
  const doe = yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + doy;
  return era * 146097 + doe - 719468;
}

/** Day number of a civil date, or undefined when it does not exist or is out of range. */
function civilDay(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (year < 1900 || year > 9999) return undefined;
  return civilToDay(year, month, day);
}

/** Two-digit years: 00–69 -> 2000s, 70–99 -> 1900s. */
function expandYear(year: number, digitCount: number): number {
  if (digitCount !== 2) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

/** Day of an Excel serial (or of an 8-digit AAAAMMJJ integer). */
function dateFromNumber(serial: number, date1904: boolean): number | undefined {
  if (!isFiniteNumber(serial)) return undefined;
  if (serial >= 19000101 && serial <= 99991231 && isIntegerNumber(serial)) {
    return civilDay(mathFloor(serial / 10000), mathFloor(serial / 100) % 100, serial % 100);
  }
  if (serial < 1) return undefined;
  const whole = mathFloor(serial);
  if (date1904) return inRange(dayFromExcelSerial(whole, true));
  if (whole > MAX_SERIAL_1900) return undefined;
  if (whole === 60) return undefined; // Excel's fictitious 29/02/1900.
  return inRange(dayFromExcelSerial(whole) + (whole < 60 ? 1 : 0));
}

/** parseDate for text. Blank text is null. */
export function parseDateText(raw: string, date1904 = false): number | null | undefined {
  const text = raw.trim();
  const n = text.length;
  if (n === 0) return null;
  if (!isDigitCode(text.charCodeAt(0))) return parseMonthNameDate(text);

  const aEnd = digitsEnd(text, 0);
  const aLen = aEnd;
  if (aEnd === n) {
    // Digits only: AAAAMMJJ or a serial.
    if (aLen === 8) return dateFromNumber(digitsValue(text, 0, 8), date1904);
    if (aLen > 7) return undefined;
    return dateFromNumber(digitsValue(text, 0, aLen), date1904);
  }

  const sep = text.charCodeAt(aEnd);
  const bStart = aEnd + 1;
  const bEnd = digitsEnd(text, bStart);
  const bLen = bEnd - bStart;
  if (bLen === 0) return parseMonthNameDate(text);

  // Two components: "mm/yyyy", "yyyy-mm", or a serial with a fraction "45123,5".
  if (bEnd === n) {
    if ((sep === SLASH || sep === DASH || sep === DOT) && aLen <= 2 && bLen === 4) {
      return civilDay(digitsValue(text, bStart, bEnd), digitsValue(text, 0, aEnd), 1);
    }
    if ((sep === DASH || sep === SLASH) && aLen === 4 && bLen <= 2) {
      return civilDay(digitsValue(text, 0, aEnd), digitsValue(text, bStart, bEnd), 1);
    }
    if ((sep === DOT || sep === COMMA) && aLen <= 7) {
      return dateFromNumber(digitsValue(text, 0, aEnd), date1904);
    }
    return undefined;
  }

  if (sep !== SLASH && sep !== DASH && sep !== DOT) return parseMonthNameDate(text);
  if (text.charCodeAt(bEnd) !== sep) return undefined;
  const cStart = bEnd + 1;
  const cEnd = digitsEnd(text, cStart);
  const cLen = cEnd - cStart;
  if (bLen > 2 || cLen === 0) return undefined;

  if (aLen === 4 && cLen <= 2) {
    if (!isTimeSuffix(text, cEnd)) return undefined;
    return civilDay(
      digitsValue(text, 0, aEnd),
      digitsValue(text, bStart, bEnd),
      digitsValue(text, cStart, cEnd)
    );
  }
  if (aLen <= 2 && (cLen === 2 || cLen === 4)) {
    if (!isTimeSuffix(text, cEnd)) return undefined;
    const year = expandYear(digitsValue(text, cStart, cEnd), cLen);
    return civilDay(year, digitsValue(text, bStart, bEnd), digitsValue(text, 0, aEnd));
  }
  return undefined;
}

/**
 * What may follow a date: nothing; a zone ("Z", "+01:00", "-0500", "+01"); or "T"/spaces, a time
 * "h:mm[:ss[.fff]]", then optional spaces and a zone.
 */
function isTimeSuffix(text: string, from: number): boolean {
  const n = text.length;
  let i = from;
  if (i === n) return true;
  if (isZone(text, i)) return true;
  const c = text.charCodeAt(i);
  if (c === 84 || c === 116) {
    i++;
  } else if (isSpaceCode(c)) {
    while (i < n && isSpaceCode(text.charCodeAt(i))) i++;
  } else {
    return false;
  }
  // Time: h:mm[:ss[.fff]]
  let e = digitsEnd(text, i);
  if (e - i < 1 || e - i > 2 || text.charCodeAt(e) !== COLON) return false;
  i = e + 1;
  e = digitsEnd(text, i);
  if (e - i !== 2) return false;
  i = e;
  if (text.charCodeAt(i) === COLON) {
    e = digitsEnd(text, i + 1);
    if (e - i - 1 !== 2) return false;
    i = e;
    const f = text.charCodeAt(i);
    if (f === DOT || f === COMMA) {
      e = digitsEnd(text, i + 1);
      if (e === i + 1) return false;
      i = e;
    }
  }
  while (i < n && isSpaceCode(text.charCodeAt(i))) i++;
  return i === n || isZone(text, i);
}

/** A time zone designator that ends the text: "Z", "+hh", "+hhmm", "+hh:mm" (or "-"). */
function isZone(text: string, i: number): boolean {
  const n = text.length;
  const c = text.charCodeAt(i);
  if (c === 90 || c === 122) return i + 1 === n;
  if (c !== PLUS && c !== DASH) return false;
  const e = digitsEnd(text, i + 1);
  const len = e - i - 1;
  if (e === n) return len === 2 || len === 4;
  if (len !== 2 || text.charCodeAt(e) !== COLON) return false;
  const e2 = digitsEnd(text, e + 1);
  return e2 === n && e2 - e - 1 === 2;
}

/** Month names (normalised keys): French first, then English. */
const MONTH_NAMES: readonly (readonly string[])[] = [
  ["janvier", "january"],
  ["fevrier", "february"],
  ["mars", "march"],
  ["avril", "april"],
  ["mai", "may"],
  ["juin", "june"],
  ["juillet", "july"],
  ["aout", "august"],
  ["septembre", "september"],
  ["octobre", "october"],
  ["novembre", "november"],
  ["decembre", "december"],
];

/** Every prefix of 3+ letters of a month name -> month (1-12), or 0 when it fits two months ("jui"). */
const MONTH_PREFIXES: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  MONTH_NAMES.forEach((names, index) => {
    for (const name of names) {
      for (let len = 3; len <= name.length; len++) {
        const prefix = name.slice(0, len);
        const known = map.get(prefix);
        map.set(prefix, known === undefined || known === index + 1 ? index + 1 : 0);
      }
    }
  });
  return map;
})();

const WEEKDAYS: ReadonlySet<string> = new Set([
  "lundi",
  "mardi",
  "mercredi",
  "jeudi",
  "vendredi",
  "samedi",
  "dimanche",
]);

/** Month number of a (normalised) month word, or 0. */
export function monthFromWord(word: string): number {
  return MONTH_PREFIXES.get(word) ?? 0;
}

function isDigitsToken(token: string, min: number, max: number): boolean {
  if (token.length < min || token.length > max) return false;
  for (let i = 0; i < token.length; i++) if (!isDigitCode(token.charCodeAt(i))) return false;
  return true;
}

/** "[weekday] [day|1er] month year" with a French or English month name. */
function parseMonthNameDate(text: string): number | undefined {
  if (text.length > 64) return undefined;
  const tokens = normalizeKey(text).split(" ");
  let i = 0;
  if (tokens.length > 0 && WEEKDAYS.has(tokens[0])) i++;
  let day = 1;
  if (i < tokens.length && (isDigitsToken(tokens[i], 1, 2) || tokens[i] === "1er")) {
    day = tokens[i] === "1er" ? 1 : Number(tokens[i]);
    i++;
  }
  if (i + 2 !== tokens.length) return undefined;
  const month = monthFromWord(tokens[i]);
  if (month === 0) return undefined;
  const yearToken = tokens[i + 1];
  if (!isDigitsToken(yearToken, 2, 4) || yearToken.length === 3) return undefined;
  const year = expandYear(Number(yearToken), yearToken.length);
  return civilDay(year, month, day);
}
