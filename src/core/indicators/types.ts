/**
 * The shape every indicator returns (SPEC §4): a stable id, one headline value with its unit, the
 * coverage of the data it needed, N/A with its reason (a catalogue message) instead of a silent 0,
 * the reference it is compared with and a status where SPEC gives bands, and typed detail tables.
 * Labels and documentation live in the indicator's definition (./registry.ts), not in results.
 */
import type {
  ContractLine,
  EntityRow,
  IntakeResult,
  NomenclatureRow,
  SpendLine,
  SupplierRow,
} from "../model";
import type { Message } from "../messages/render";
import type { DateRange, Period } from "../period";
import type { ReferenceValues } from "../reference/values";

export type IndicatorGroup = "SP" | "PF" | "CO" | "RE" | "MU" | "TE";

import type { Unit } from "../unit";

export type { Unit };

export type Status = "good" | "watch" | "alert";

/**
 * What the amounts of an indicator are (issue #11 §1): "spend" = dépenses mandatées (spend lines),
 * "awarded" = montants attribués (contracts of the register or of the DECP). See contracts-basis.ts.
 */
export type Basis = "spend" | "awarded";

/** What coverage counts (rendered by the message catalogue: "lignes" / "lines"…). */
export type CoverageUnit =
  | "lines"
  | "linesBothPeriods"
  | "contracts"
  | "competitiveContracts"
  | "suppliers"
  | "territories"
  | "families"
  | "amounts"
  | "directAwardsAndOffContractLines"
  | "records";

export interface Coverage {
  /** Records that had the data the indicator needs. */
  n: number;
  /** Records considered. */
  N: number;
  /** What the records are (a catalogue code: coverage.<unit>). */
  of: CoverageUnit;
}

export interface Reference {
  value: number;
  unit: Unit;
  /** What the reference is, e.g. msg("ref.pnadEnvironmental", { year: 2025 }). */
  label: Message;
  /** Citation, e.g. "PNAD 2022-2025, objectif 2025" (titles of texts, not translated). */
  source: string;
}

export type Scalar = string | number | boolean | null;

/**
 * A detail row, ready to become a sheet table row. Amounts in euros, shares in %; a text the
 * reader must read in their language is a Message (rendered by the catalogue).
 */
export type Row = Record<string, Scalar | Message | readonly Message[]>;

/** Detail tables of an indicator, keyed by name; typed per indicator (its module's row types). */
export type Tables = Record<string, readonly Row[]>;

/** Secondary figures, keyed in English camelCase (e.g. { totalTTC: 1234.5, lines: 12 }). */
export type Details = Record<string, number | string | null>;

export interface IndicatorResult<T extends Tables = Tables> {
  id: string;
  group: IndicatorGroup;
  /** Headline value (SPEC §4 table); null when not available. */
  value: number | null;
  unit: Unit;
  /** Why value is null (a catalogue message), e.g. msg("na.noContractsInPeriod", { period }). */
  na: Message | null;
  coverage: Coverage;
  reference: Reference | null;
  status: Status | null;
  details: Details;
  /** Detail tables; every table is present (empty when the indicator is N/A). */
  tables: T;
  /**
   * What its amounts are (issue #11 §1): "spend" = dépenses mandatées (spend lines), "awarded" =
   * montants attribués (contracts). Absent on indicators that hold no amount of either.
   */
  basis?: Basis;
}

/** What every result repeats from its definition. */
export interface IndicatorBase {
  id: string;
  group: IndicatorGroup;
  unit: Unit;
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
  /** Population of a commune (INSEE code) or body (SIREN) from a shipped reference, when wired. */
  shippedPopulation?: (code: string) => number | null;
}

/** Builds an N/A result: value null, reason given, no status, empty tables. */
export function notAvailable<T extends Tables>(
  base: IndicatorBase,
  reason: Message,
  coverage: Coverage,
  tables: T,
  reference: Reference | null = null,
  details: Details = {}
): IndicatorResult<T> {
  return {
    id: base.id,
    group: base.group,
    unit: base.unit,
    value: null,
    na: reason,
    coverage,
    reference,
    status: null,
    details,
    tables,
  };
}

/** Builds an available result that has no reference: value given, status given or null. */
export function resultWithoutReference<T extends Tables>(
  base: IndicatorBase,
  value: number,
  coverage: Coverage,
  details: Details,
  tables: T,
  status: Status | null = null
): IndicatorResult<T> {
  return {
    id: base.id,
    group: base.group,
    unit: base.unit,
    value,
    na: null,
    coverage,
    reference: null,
    status,
    details,
    tables,
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
