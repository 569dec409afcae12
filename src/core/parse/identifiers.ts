/**
 * SIRET / SIREN identifiers (SPEC §2.5).
 *
 * Convention of every parser: `null` for an empty cell, `undefined` for a present but unreadable
 * cell, else the value. Never throws.
 *
 * - Text: spaces (incl. no-break and narrow no-break), dots and dashes are removed; what remains
 *   must be 14 digits (SIRET) or 9 digits (SIREN), else the cell is unreadable.
 * - Excel numbers: non-negative integers, written as digits (14 digits are exact in float64).
 *   Excel drops leading zeros, so a 13-digit (8-digit) number is read as a SIRET (SIREN) with a
 *   leading "0" only when that restored identifier passes its check; otherwise unreadable.
 * - `valid` is the Luhn check. SIRETs of La Poste (SIREN 356000000) are valid by Luhn or by the
 *   INSEE exception "sum of the 14 digits is a multiple of 5" (the head office 35600000000048
 *   passes Luhn but not the digit-sum rule, so both are accepted). An invalid identifier is a
 *   warning for callers, not a rejection.
 */
import type { Cell } from "../model";
import { isDigitCode, isSafeInteger, isSpaceCode } from "./chars";

export type CompanyIdKind = "siret" | "siren";

export interface CompanyId {
  /** 14 (SIRET) or 9 (SIREN) digits. */
  id: string;
  kind: CompanyIdKind;
  /** Passes the Luhn check (or the La Poste rule). */
  valid: boolean;
}

/** SIREN of La Poste, whose establishments use the digit-sum rule. */
export const LA_POSTE_SIREN = "356000000";

const DOT = 46;
const DASH = 45;

/** Luhn check of a digit string (false for an empty string or any non-digit). */
export function luhnValid(digits: string): boolean {
  const n = digits.length;
  if (n === 0) return false;
  let sum = 0;
  let double = false;
  for (let i = n - 1; i >= 0; i--) {
    const code = digits.charCodeAt(i);
    if (!isDigitCode(code)) return false;
    let d = code - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** The SIREN (9 first digits) of a SIRET; a SIREN is returned as it is. */
export function sirenOf(id: string): string {
  return id.length > 9 ? id.slice(0, 9) : id;
}

function allDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isDigitCode(text.charCodeAt(i))) return false;
  return true;
}

function digitSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += digits.charCodeAt(i) - 48;
  return sum;
}

/** Check of a normalised 9- or 14-digit identifier, with the La Poste exception for SIRETs. */
export function companyIdValid(id: string): boolean {
  if (luhnValid(id)) return true;
  return (
    id.length === 14 &&
    id.startsWith(LA_POSTE_SIREN) &&
    /^\d{14}$/.test(id) &&
    digitSum(id) % 5 === 0
  );
}

function build(id: string): CompanyId | undefined {
  if (id.length === 14) return { id, kind: "siret", valid: companyIdValid(id) };
  if (id.length === 9) return { id, kind: "siren", valid: companyIdValid(id) };
  return undefined;
}

/** A SIRET or SIREN from a cell. */
export function normalizeCompanyId(value: Cell): CompanyId | null | undefined {
  if (typeof value === "string") return companyIdFromText(value);
  if (typeof value === "number") return companyIdFromNumber(value);
  if (value === null || value === undefined) return null;
  return undefined;
}

function companyIdFromNumber(value: number): CompanyId | undefined {
  if (!isSafeInteger(value) || value < 0 || value > 99_999_999_999_999) return undefined;
  const digits = "" + value;
  if (digits.length === 14 || digits.length === 9) return build(digits);
  if (digits.length === 13 || digits.length === 8) {
    const padded = "0" + digits;
    return companyIdValid(padded) ? build(padded) : undefined;
  }
  return undefined;
}

function companyIdFromText(text: string): CompanyId | null | undefined {
  const n = text.length;
  if ((n === 14 || n === 9) && allDigits(text)) return build(text); // fast path: clean digits
  let digits = "";
  let runStart = -1;
  let count = 0;
  let sawAny = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isDigitCode(c)) {
      if (runStart < 0) runStart = i;
      count++;
      if (count > 14) return undefined;
      continue;
    }
    if (runStart >= 0) {
      digits += text.slice(runStart, i);
      runStart = -1;
    }
    if (c === DOT || c === DASH) {
      sawAny = true;
      continue;
    }
    if (isSpaceCode(c)) continue;
    return undefined;
  }
  if (runStart >= 0) digits += text.slice(runStart);
  if (count === 0) return sawAny ? undefined : null;
  return build(digits);
}
