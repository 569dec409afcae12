/**
 * The intake: mapped source tables (and DECP imports) → typed records, anomalies and the
 * reconciliation (SPEC §2.5). Reference tables are read first, so spend lines can use the
 * nomenclature's labels and natures.
 */
import type { DecpImport } from "../decp";
import type {
  Anomaly,
  ContractLine,
  EntityRow,
  IntakeResult,
  NomenclatureRow,
  RawTable,
  Reconciliation,
  SupplierRow,
  TableKind,
  TableReconciliation,
} from "../model";
import { readContractRows } from "./contracts";
import { readQuality, readTerritories } from "./quality";
import { readEntities, readNomenclature, readSuppliers } from "./reference-tables";
import { endOfData, TableLog } from "./rows";
import { SpendProcessor } from "./spend";

/** A table with its confirmed kind, header row and column mapping (from detect.ts or the user). */
export interface MappedTable {
  table: RawTable;
  kind: TableKind;
  /** Index in table.rows of the header row. */
  headerRowIndex: number;
  /** Field key → column index. */
  mapping: Record<string, number>;
}

export interface IntakeOptions {
  /** VAT rate (%) when only TTC is given; default 20. */
  defaultVatPercent?: number;
  /** Entity for tables without an entity column; default "Entité unique". */
  defaultEntity?: string;
}

export const DEFAULT_ENTITY = "Entité unique";
export const DEFAULT_VAT_PERCENT = 20;

/** Nomenclature rows by family code, the first row of a code winning (what spend lines look up). */
export function nomenclatureIndex(rows: NomenclatureRow[]): Map<string, NomenclatureRow> {
  const byCode = new Map<string, NomenclatureRow>();
  for (const n of rows) if (!byCode.has(n.familyCode)) byCode.set(n.familyCode, n);
  return byCode;
}

const ORDER: TableKind[] = [
  "entities",
  "territories",
  "quality",
  "nomenclature",
  "suppliers",
  "contracts",
  "spend",
];

/** Rows handed to the spend processor between two progress points of intakeSteps. */
export const INTAKE_BLOCK = 20_000;

/** Data rows a mapped table gives to the intake (what progress counts). */
export function dataRowCount(t: MappedTable): number {
  const first = t.headerRowIndex + 1;
  return Math.max(0, endOfData(t.table.rows, first) - first);
}

/**
 * The intake step by step: yields the number of data rows processed so far (every table, in
 * intake order, at least every `block` spend rows) so that a caller can report progress or yield
 * to an event loop; returns the IntakeResult.
 */
export function* intakeSteps(
  tables: MappedTable[],
  decp: DecpImport[] = [],
  options: IntakeOptions = {},
  block = INTAKE_BLOCK
): Generator<number, IntakeResult, void> {
  const anomalies: Anomaly[] = [];
  const entities: EntityRow[] = [];
  const nomenclature: NomenclatureRow[] = [];
  const suppliers: SupplierRow[] = [];
  const contracts: ContractLine[] = [];
  const spend: IntakeResult["spend"] = [];
  const territories: NonNullable<IntakeResult["territories"]> = [];
  const quality: NonNullable<IntakeResult["quality"]> = [];
  const recs: TableReconciliation[] = [];
  const defaultEntity = options.defaultEntity ?? DEFAULT_ENTITY;
  const defaultVatPercent = options.defaultVatPercent ?? DEFAULT_VAT_PERCENT;
  let processed = 0;

  const sorted = [...tables].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  for (const t of sorted) {
    const log = new TableLog(t.table.name, t.kind, anomalies);
    const rows = t.table.rows;
    const firstRow = t.table.firstRow ?? 1;
    const firstDataIndex = t.headerRowIndex + 1;
    const endIndex = endOfData(rows, firstDataIndex);
    const range = { rows, firstDataIndex, endIndex, firstRow, mapping: t.mapping };
    const date1904 = t.table.date1904 ?? false;
    switch (t.kind) {
      case "entities":
        readEntities(range, log, entities);
        break;
      case "nomenclature":
        readNomenclature(range, log, nomenclature);
        break;
      case "suppliers":
        readSuppliers(range, log, suppliers);
        break;
      case "territories":
        readTerritories(range, log, territories);
        break;
      case "quality":
        readQuality(range, log, quality, date1904);
        break;
      case "contracts":
        readContractRows(
          rows,
          firstDataIndex,
          endIndex,
          firstRow,
          log,
          { mapping: t.mapping, date1904, defaultEntity },
          contracts
        );
        break;
      case "spend": {
        const p = new SpendProcessor(log, {
          mapping: t.mapping,
          date1904,
          defaultVatPercent,
          defaultEntity,
          nomenclature: nomenclatureIndex(nomenclature),
        });
        for (let start = firstDataIndex; start < endIndex; start += block) {
          const stop = Math.min(endIndex, start + block);
          for (let i = start; i < stop; i++) p.push(rows[i] ?? [], firstRow + i);
          yield processed + (stop - firstDataIndex);
        }
        for (const l of p.lines) spend.push(l);
        break;
      }
    }
    processed += Math.max(0, endIndex - firstDataIndex);
    recs.push(log.rec);
    yield processed;
  }
  for (const d of decp) {
    for (const c of d.contracts) contracts.push(c);
    for (const a of d.anomalies) anomalies.push(a);
    recs.push(d.reconciliation);
  }
  return {
    spend,
    contracts,
    entities,
    nomenclature,
    suppliers,
    ...(territories.length > 0 ? { territories } : {}),
    ...(quality.length > 0 ? { quality } : {}),
    anomalies,
    reconciliation: reconcile(recs),
  };
}

/** Runs a step generator to its end and returns its result. */
export function drain<T>(steps: Generator<unknown, T, void>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

export function runIntake(
  tables: MappedTable[],
  decp: DecpImport[] = [],
  options: IntakeOptions = {}
): IntakeResult {
  return drain(intakeSteps(tables, decp, options, Number.MAX_SAFE_INTEGER));
}

/**
 * The workbook-level reconciliation: sums over the main tables — the spend tables when there are
 * any, else the contract tables (a DECP-only analysis) — since amounts of different kinds don't add
 * up. Every table, main or not, is listed in `tables` and reconciles on its own.
 */
export function reconcile(tables: TableReconciliation[]): Reconciliation {
  const mainKind: TableKind = tables.some((t) => t.kind === "spend") ? "spend" : "contracts";
  const r: Reconciliation = {
    rowsRead: 0,
    rowsAnalysed: 0,
    rowsWithWarning: 0,
    rowsRejected: 0,
    amountReadCents: 0,
    amountAnalysedCents: 0,
    amountRejectedCents: 0,
    tables,
  };
  for (const t of tables) {
    if (t.kind !== mainKind) continue;
    r.rowsRead += t.rowsRead;
    r.rowsAnalysed += t.rowsAnalysed;
    r.rowsWithWarning += t.rowsWithWarning;
    r.rowsRejected += t.rowsRejected;
    r.amountReadCents += t.amountReadCents;
    r.amountAnalysedCents += t.amountAnalysedCents;
    r.amountRejectedCents += t.amountRejectedCents;
  }
  return r;
}

/** True when rows and amounts reconcile exactly (SPEC §2.5). */
export function isReconciled(r: Reconciliation | TableReconciliation): boolean {
  return (
    r.rowsRead === r.rowsAnalysed + r.rowsRejected &&
    r.amountReadCents === r.amountAnalysedCents + r.amountRejectedCents
  );
}
