/**
 * The shape every indicator returns (SPEC §4): a stable id, a French label, one headline value with
 * its unit, the coverage of the data it needed, N/A with its reason instead of a silent 0, the
 * reference it is compared with and a status where SPEC gives bands, and detail tables as plain rows.
 */
import type {
  ContractLine,
  EntityRow,
  IntakeResult,
  NomenclatureRow,
  SpendLine,
  SupplierRow,
} from "../model";
import type { DateRange, Period } from "../period";
import type { ReferenceValues } from "../reference/values";

export type IndicatorGroup = "SP" | "PF" | "CO" | "RE" | "MU" | "TE";

/** EUR headline values are in euros (2 decimals); "%" values are between 0 and 100. */
export type Unit = "EUR" | "%" | "count" | "days" | "EUR/hab";

export type Status = "good" | "watch" | "alert";

export interface Coverage {
  /** Records that had the data the indicator needs. */
  n: number;
  /** Records considered. */
  N: number;
  /** What the records are (French, plural): "lignes", "marchés", "factures payées", "entités". */
  of: string;
}

export interface Reference {
  value: number;
  unit: Unit;
  /** French, e.g. "Objectif PNAD 2022-2025". */
  label: string;
  /** Citation, e.g. "PNAD 2022-2025, objectif 2025". */
  source: string;
}

/** A detail row, ready to become a sheet table row. Amounts in euros, shares in %. */
export type Row = Record<string, string | number | boolean | null>;

export interface IndicatorResult {
  id: string;
  group: IndicatorGroup;
  /** French label of the indicator (e.g. "Dépense totale HT"). */
  label: string;
  /** Headline value (SPEC §4 table); null when not available. */
  value: number | null;
  unit: Unit;
  /** French reason when value is null, e.g. "Aucun marché avec le nombre d'offres renseigné". */
  na: string | null;
  coverage: Coverage;
  reference: Reference | null;
  status: Status | null;
  /** Secondary figures, keyed in English camelCase (e.g. { totalTTC: 1234.5, lines: 12 }). */
  details: Record<string, number | string | null>;
  /** Detail tables keyed by name (e.g. { byFamily: [...] }). */
  tables: Record<string, Row[]>;
}

/** Everything an indicator module may read. Built once by analyse(). */
export interface AnalysisContext {
  intake: IntakeResult;
  period: Period;
  /** First and last date of the data (spend lines, else contract notifications), or null. */
  dataRange: DateRange | null;
  /** The period cut at the end of the last month with data: what SP6 compares (issue #12). */
  comparedPeriod: Period;
  /** The same months as comparedPeriod, one year earlier. */
  previousPeriod: Period;
  /** Spend lines dated within the period. */
  lines: SpendLine[];
  /** Spend lines of previousPeriod (SP6). */
  previousLines: SpendLine[];
  /** All spend lines of the intake (for monthly series and civil-year groupings). */
  allLines: SpendLine[];
  /** Contracts notified within the period (RE, PF2–PF6), when notificationDate is known. */
  contractsInPeriod: ContractLine[];
  /** All contracts of the register. */
  contracts: ContractLine[];
  ref: ReferenceValues;
  entities: Map<string, EntityRow>;
  nomenclature: Map<string, NomenclatureRow>;
  /** Supplier reference rows keyed by SIREN and by normalised name. */
  suppliers: Map<string, SupplierRow>;
  /** Day the analysis is "as of": the last day of the period (never the wall clock). */
  asOf: number;
}

/** Builds an N/A result: value null, reason given, no status. */
export function notAvailable(
  base: Pick<IndicatorResult, "id" | "group" | "label" | "unit">,
  reason: string,
  coverage: Coverage,
  reference: Reference | null = null
): IndicatorResult {
  return {
    ...base,
    value: null,
    na: reason,
    coverage,
    reference,
    status: null,
    details: {},
    tables: {},
  };
}

/** Share in % (0–100) of part over whole, or null when whole is 0. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : (part / whole) * 100;
}

/** Rounds to 2 decimals for display-stable machine output. */
export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Euros rounded to the cent, from cents (detail rows). */
export function euros(cents: number): number {
  return round2(cents / 100);
}

/** Share in % rounded to 2 decimals, or null when whole is 0. */
export function pct(part: number, whole: number): number | null {
  const p = percent(part, whole);
  return p === null ? null : round2(p);
}

/** French alphabetical order (labels shown to users). */
export function byFrench(a: string, b: string): number {
  return a.localeCompare(b, "fr");
}

/** Code-point order (stable keys). */
export function byKey(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
