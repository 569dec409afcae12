/**
 * Cell values and number formats: text safety, unit conversions (percent → fraction, ISO date →
 * Excel serial), and the format codes per language. See spec.ts for the conventions.
 */
import { dayFromIso, dayFromYMD, excelSerialFromDay, frenchDate } from "../core/dates";
import type { Unit } from "../core/indicators/types";
import { text, type Lang } from "./labels";
import type { CellValue, FormulaCell, TextCell } from "./spec";

const MONTH =
  "(?:janv?|janvier|f[ée]v|f[ée]vr|f[ée]vrier|mars?|avr|avril|mai|juin|juil|juillet|ao[uû]t?|sept?|septembre|oct|octobre|nov|novembre|d[ée]c|d[ée]cembre|" +
  "january|feb|february|march|apr|april|may|jun|june|jul|july|aug|august|september|october|november|dec|december)\\.?";

const DAY_MONTH = new RegExp(`^\\d{1,2}[-/ ]?${MONTH}(?:[-/ ]?\\d{2,4})?$`, "i");
const MONTH_YEAR = new RegExp(`^${MONTH}[-/ ]\\d{1,4}$`, "i");

/**
 * True when Excel could read the string as something other than plain text: a formula or DDE
 * lead character (= + - @, tab, CR, LF), a number (with spaces, commas, dots, a currency sign or
 * a trailing %), a date or time, a fraction, a boolean, or a string with leading zeros.
 */
export function needsTextMarker(s: string): boolean {
  if (s === "") return false;
  if (/^[=+\-@\t\r\n]/.test(s)) return true;
  const t = s.trim();
  if (t === "") return false;
  if (/^(true|false|vrai|faux)$/i.test(t)) return true;
  // Numbers: digits with separators, optional sign/currency/percent/exponent.
  if (/^[-+(]?[€$£]?\s*[\d\s\u00a0\u202f.,']*\d[\d\s\u00a0\u202f.,']*\s*[€$£%)]?$/.test(t))
    return true;
  if (/^\d+(?:[.,]\d+)?[eE][-+]?\d+$/.test(t)) return true;
  // Dates, months, fractions, times: 2025-01, 01/02/2025, 1/2, 10:30, 1-janv.
  if (/^\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.test(t))
    return true;
  if (/^\d{1,2}:\d{2}(?::\d{2})?(?:\s?[aApP][mM])?$/.test(t)) return true;
  // Month names (French and English, abbreviated or not): "1-janv.", "janv. 2025", "Mar-25".
  if (DAY_MONTH.test(t) || MONTH_YEAR.test(t)) return true;
  return false;
}

/** A string cell, marked as text when needed; null for null/undefined. */
export function textCell(s: string | null | undefined): string | TextCell | null {
  if (s === null || s === undefined) return null;
  return needsTextMarker(s) ? { text: true, value: s } : s;
}

export function formula(f: string): FormulaCell {
  if (!f.startsWith("=")) throw new Error(`Formule sans « = » : ${f}`);
  return { formula: f };
}

/** Rounds away binary noise (0.1429 / 100 → 0.001429, not 0.0014290000000000001). */
export function clean(x: number): number {
  return Math.round(x * 1e10) / 1e10;
}

/** A 0..100 percentage as the fraction Excel's % format expects. */
export function fraction(percent: number | null | undefined): number | null {
  return percent === null || percent === undefined || !Number.isFinite(percent)
    ? null
    : clean(percent / 100);
}

/** Excel serial of an ISO date "YYYY-MM-DD" (or a day number). */
export function dateSerial(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return excelSerialFromDay(value);
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return null;
  return excelSerialFromDay(dayFromIso(`${m[1]}-${m[2]}-${m[3]}`));
}

/** Excel serial of the first day of a "YYYY-MM" month. */
export function monthSerial(value: string | null | undefined): number | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  return m ? excelSerialFromDay(dayFromYMD(Number(m[1]), Number(m[2]), 1)) : null;
}

export interface Formats {
  eur0: string;
  eur2: string;
  pct: string;
  pct2: string;
  int: string;
  /** A year: no thousands separator (2026, never « 2 026 »). */
  year: string;
  dec2: string;
  date: string;
  month: string;
  days: string;
  eurHab: string;
  text: string;
}

const FORMATS: Record<Lang, Formats> = {
  fr: {
    eur0: '#,##0 "€"',
    eur2: '#,##0.00 "€"',
    pct: "0.0 %",
    pct2: "0.00 %",
    int: "#,##0",
    year: "0",
    dec2: "#,##0.00",
    date: "dd/mm/yyyy",
    month: "mmm yyyy",
    days: '#,##0 "j"',
    eurHab: '#,##0.00 "€/hab."',
    text: "@",
  },
  en: {
    eur0: '"€"#,##0',
    eur2: '"€"#,##0.00',
    pct: "0.0%",
    pct2: "0.00%",
    int: "#,##0",
    year: "0",
    dec2: "#,##0.00",
    date: "dd/mm/yyyy",
    month: "mmm yyyy",
    days: '#,##0 "d"',
    eurHab: '"€"#,##0.00"/inh."',
    text: "@",
  },
};

export function formats(lang: Lang): Formats {
  return FORMATS[lang];
}

/** Number format of an indicator headline value: tiles (0 decimals on euros) or tables. */
export function unitFormat(lang: Lang, unit: Unit, tile: boolean): string {
  const f = FORMATS[lang];
  switch (unit) {
    case "EUR":
      return tile ? f.eur0 : f.eur2;
    case "%":
      return f.pct;
    case "count":
      return f.int;
    case "days":
      return f.days;
    case "EUR/hab":
      return f.eurHab;
  }
}

/** Headline value as written in a cell: % → fraction, others as they are; null stays null. */
export function unitValue(unit: Unit, value: number | null): number | null {
  if (value === null) return null;
  return unit === "%" ? fraction(value) : value;
}

export { numberText, unitText } from "../core/messages/format";

/** dd/mm/yyyy of an ISO date (or the input when it is not one). */
export function isoToFrench(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? frenchDate(dayFromIso(`${m[1]}-${m[2]}-${m[3]}`)) : iso;
}

/** Oui/Non (Yes/No) for booleans. */
export function yesNo(lang: Lang, value: boolean | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return text(lang, value ? "yes" : "no");
}

/** Converts any scalar from a core row to a cell value (strings text-safe). */
export function scalarCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value;
  return textCell(String(value));
}
