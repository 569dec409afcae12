/**
 * Builds the AnalysisContext shared by every indicator module: the period's lines, the previous
 * year's same period, contracts notified in the period, lookup maps. Pure and deterministic.
 */
import type { AnalysisContext } from "./indicators/types";
import type { ContractLine, IntakeResult, SupplierRow } from "./model";
import { distinctContracts } from "./contracts-basis";
import { frenchDate } from "./dates";
import {
  automaticPeriod,
  comparedPeriod,
  contains,
  dataRange,
  PeriodError,
  previousYearPeriod,
  type DateRange,
  type Period,
} from "./period";
import { defaultReferenceValues, withOverrides, type ReferenceOverrides } from "./reference/values";
import { normalizeKey } from "./text";
import { dgclPopulation } from "./territories/shipped-population";

export interface AnalysisOptions {
  /**
   * Period to analyse; default: the civil year of the latest spend line, or its year to date when
   * that year is incomplete (automaticPeriod).
   */
  period?: Period;
  /** User overrides of the reference values (Paramètres sheet, --parametres). */
  overrides?: ReferenceOverrides;
  /**
   * Population of a commune (INSEE code) or a body (SIREN) from a shipped reference, used for
   * territories whose population neither the Territoires nor the Entités table gives. Default: the
   * DGCL 2023 table shipped with the engine (territories/shipped-population.ts, SIREN or SIRET);
   * `() => null` turns the reference off.
   */
  shippedPopulation?: (code: string) => number | null;
}

/** Key under which a supplier reference row is found: SIREN when known, else the normalised name. */
export function supplierLookupKeys(row: Pick<SupplierRow, "supplierId" | "name">): string[] {
  const keys: string[] = [];
  if (row.supplierId) keys.push(row.supplierId.slice(0, 9));
  if (row.name) keys.push(normalizeKey(row.name));
  return keys;
}

export function contractsByRef(contracts: ContractLine[]): Map<string, ContractLine> {
  const map = new Map<string, ContractLine>();
  for (const c of contracts) if (!map.has(c.contractRef)) map.set(c.contractRef, c);
  return map;
}

/**
 * A period holding none of the data given is an error, not a workbook of N/D (issue #12): the
 * PeriodError (kind "empty") analyse() throws, with a French message giving the data's range.
 * Null when the period holds spend lines or notified contracts, or when there is no data at all
 * (the front ends say so in their own words).
 */
export function emptyPeriodError(ctx: AnalysisContext): PeriodError | null {
  if (ctx.lines.length > 0 || ctx.contractsInPeriod.length > 0 || ctx.dataRange === null) return null;
  const what =
    ctx.intake.spend.length > 0 ? "les dépenses lues" : "les notifications des marchés lus";
  return periodError(ctx.period, ctx.dataRange, what);
}

function periodError(period: Period, range: DateRange, what: string): PeriodError {
  return new PeriodError(
    `Aucune donnée sur la période ${period.label} (du ${frenchDate(period.start)} au ${frenchDate(period.end)}) : ` +
      `${what} vont du ${frenchDate(range.start)} au ${frenchDate(range.end)}. ` +
      "Choisissez une période dans cet intervalle, ou laissez la période automatique.",
    "empty"
  );
}

export function buildContext(intake: IntakeResult, options: AnalysisOptions = {}): AnalysisContext {
  const ref = withOverrides(defaultReferenceValues(), options.overrides);
  // The data's date range: spend lines, else contract notifications (a DECP-only analysis).
  const spendRange = dataRange(intake.spend.map((l) => l.date));
  const contractRange = dataRange(
    intake.contracts.flatMap((c) => (c.notificationDate === null ? [] : [c.notificationDate]))
  );
  const range = spendRange ?? contractRange;
  const period: Period = options.period ??
    (range ? automaticPeriod(range) : null) ?? {
      kind: "year" as const,
      start: 0,
      end: 0,
      label: "—",
    };
  const lines = intake.spend.filter((l) => contains(period, l.date));
  // A register contract and its DECP publication count once (contracts-basis.ts).
  const contracts = distinctContracts(intake.contracts);
  const contractsInPeriod = contracts.filter(
    (c) => c.notificationDate !== null && contains(period, c.notificationDate)
  );
  // The comparison with the year before uses the same months on both sides.
  const compared = comparedPeriod(period, spendRange);
  const previous = previousYearPeriod(compared);
  const previousLines = intake.spend.filter((l) => contains(previous, l.date));
  const entities = new Map(intake.entities.map((e) => [e.entity, e] as const));
  const nomenclature = new Map(intake.nomenclature.map((n) => [n.familyCode, n] as const));
  const suppliers = new Map<string, SupplierRow>();
  for (const s of intake.suppliers)
    for (const k of supplierLookupKeys(s)) if (!suppliers.has(k)) suppliers.set(k, s);
  return {
    intake,
    period,
    dataRange: range,
    comparedPeriod: compared,
    previousPeriod: previous,
    lines,
    previousLines,
    allLines: intake.spend,
    contractsInPeriod,
    contracts,
    ref,
    entities,
    nomenclature,
    suppliers,
    asOf: period.end,
    shippedPopulation: options.shippedPopulation ?? dgclPopulation,
  };
}
