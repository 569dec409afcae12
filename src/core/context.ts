/**
 * Builds the AnalysisContext shared by every indicator module: the period's lines, the previous
 * year's same period, contracts notified in the period, lookup maps. Pure and deterministic.
 */
import type { AnalysisContext } from "./indicators/types";
import type { ContractLine, IntakeResult, SupplierRow } from "./model";
import { contains, latestYearPeriod, previousYearPeriod, type Period } from "./period";
import { defaultReferenceValues, withOverrides, type ReferenceOverrides } from "./reference/values";
import { normalizeKey } from "./text";
import { dgclPopulation } from "./territories/shipped-population";

export interface AnalysisOptions {
  /** Period to analyse; default: the civil year of the latest spend line. */
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

export function buildContext(intake: IntakeResult, options: AnalysisOptions = {}): AnalysisContext {
  const ref = withOverrides(defaultReferenceValues(), options.overrides);
  const period = options.period ??
    latestYearPeriod(intake.spend.map((l) => l.date)) ??
    latestYearPeriod(
      intake.contracts.flatMap((c) => (c.notificationDate === null ? [] : [c.notificationDate]))
    ) ?? {
      kind: "year" as const,
      start: 0,
      end: 0,
      label: "—",
    };
  const previous = previousYearPeriod(period);
  const lines = intake.spend.filter((l) => contains(period, l.date));
  const previousLines = intake.spend.filter((l) => contains(previous, l.date));
  const contractsInPeriod = intake.contracts.filter(
    (c) => c.notificationDate !== null && contains(period, c.notificationDate)
  );
  const entities = new Map(intake.entities.map((e) => [e.entity, e] as const));
  const nomenclature = new Map(intake.nomenclature.map((n) => [n.familyCode, n] as const));
  const suppliers = new Map<string, SupplierRow>();
  for (const s of intake.suppliers)
    for (const k of supplierLookupKeys(s)) if (!suppliers.has(k)) suppliers.set(k, s);
  return {
    intake,
    period,
    lines,
    previousLines,
    allLines: intake.spend,
    contractsInPeriod,
    contracts: intake.contracts,
    ref,
    entities,
    nomenclature,
    suppliers,
    asOf: period.end,
    shippedPopulation: options.shippedPopulation ?? dgclPopulation,
  };
}
