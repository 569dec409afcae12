/**
 * The intake: mapped source tables (and DECP imports) → typed records, anomalies and the
 * reconciliation (SPEC §2.5). Reference tables are read first, so spend lines can use the
 * nomenclature's labels and natures.
 */
import type { DecpImport } from "../decp";
import type {
  Anomaly,
  Cell,
  ConcessionLine,
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
import { ContractProcessor } from "./contracts";
import { readQuality, readTerritories } from "./quality";
import { readEntities, readNomenclature, readSuppliers } from "./reference-tables";
import { endOfData, TableLog } from "./rows";
import { addTotals, amountsReconcile } from "./totals";
import { SpendProcessor } from "./spend";
import { isMandatDateHeader } from "../detect";
import { cellText } from "../text";

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

/** Consecutive data rows of a table: rows[i] is sheet row firstRow + i. */
export interface RowBlock {
  rows: Cell[][];
  firstRow: number;
}

/** A table's data rows, in blocks: in memory (an array, a generator) or streamed from a file. */
export type RowSource = Iterable<RowBlock> | AsyncIterable<RowBlock>;

/**
 * A table as the intake reads it: its kind and column mapping (from detect.ts, the user or a
 * mapping file) and its data rows (the rows after the header row) as a row source. The intake
 * pulls the rows when it comes to the table, in its own order (reference tables first).
 */
export interface SourceTable {
  name: string;
  sheet?: string;
  kind: TableKind;
  /** Field key → column index in the rows given. */
  mapping: Record<string, number>;
  /** Header texts by column index, when the source knows them (the mandat date rule of PF8). */
  headers?: readonly string[];
  date1904?: boolean;
  rows: RowSource;
}

/** The tables in the order the intake reads them (stable within a kind). */
export function intakeOrder<T extends { kind: TableKind }>(tables: readonly T[]): T[] {
  return [...tables].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
}

/** A mapped table in memory → a source table (its data rows, trailing blanks left out, in blocks). */
export function sourceOf(t: MappedTable, block = INTAKE_BLOCK): SourceTable {
  const rows = t.table.rows;
  const firstRow = t.table.firstRow ?? 1;
  const first = t.headerRowIndex + 1;
  const end = endOfData(rows, first);
  return {
    name: t.table.name,
    sheet: t.table.sheet,
    kind: t.kind,
    mapping: t.mapping,
    headers: Array.from(rows[t.headerRowIndex] ?? [], (c) => cellText(c) ?? ""),
    date1904: t.table.date1904 ?? false,
    rows: (function* () {
      for (let start = first; start < end; start += block)
        yield { rows: rows.slice(start, Math.min(end, start + block)), firstRow: firstRow + start };
    })(),
  };
}

/**
 * One intake run: tables begun one at a time (in intakeOrder), their rows pushed one by one, then
 * the result. Spend rows go straight to a SpendProcessor (bounded memory: 1 M rows), contract rows
 * to a ContractProcessor (a national consolidated table streams the same way); the reference
 * tables — small — are gathered and read at the table's end.
 */
export class IntakeRun {
  private readonly anomalies: Anomaly[] = [];
  private readonly entities: EntityRow[] = [];
  private readonly nomenclature: NomenclatureRow[] = [];
  private readonly suppliers: SupplierRow[] = [];
  private readonly contracts: ContractLine[] = [];
  private readonly concessions: ConcessionLine[] = [];
  private readonly spend: IntakeResult["spend"] = [];
  private readonly territories: NonNullable<IntakeResult["territories"]> = [];
  private readonly quality: NonNullable<IntakeResult["quality"]> = [];
  private readonly recs: TableReconciliation[] = [];
  private readonly mandateFromDate: { table: string; header: string }[] = [];
  private readonly defaultEntity: string;
  private readonly defaultVatPercent: number;
  private table: Omit<SourceTable, "rows"> | null = null;
  private log: TableLog | null = null;
  private processor: SpendProcessor | null = null;
  private contractProcessor: ContractProcessor | null = null;
  private buffer: Cell[][] = [];
  private bufferFirstRow = 0;

  constructor(options: IntakeOptions = {}) {
    this.defaultEntity = options.defaultEntity ?? DEFAULT_ENTITY;
    this.defaultVatPercent = options.defaultVatPercent ?? DEFAULT_VAT_PERCENT;
  }

  begin(t: Omit<SourceTable, "rows">): void {
    this.table = t;
    this.log = new TableLog(t.name, t.kind, this.anomalies);
    this.buffer = [];
    this.bufferFirstRow = 0;
    const mandateFromDate = t.kind === "spend" ? mandatDateHeaderOf(t) : null;
    if (mandateFromDate !== null)
      this.mandateFromDate.push({ table: t.name, header: mandateFromDate });
    this.processor =
      t.kind === "spend"
        ? new SpendProcessor(this.log, {
            mandateFromDate: mandateFromDate !== null,
            mapping: t.mapping,
            date1904: t.date1904 ?? false,
            defaultVatPercent: this.defaultVatPercent,
            defaultEntity: this.defaultEntity,
            nomenclature: nomenclatureIndex(this.nomenclature),
          })
        : null;
    this.contractProcessor =
      t.kind === "contracts"
        ? new ContractProcessor(this.log, {
            mapping: t.mapping,
            date1904: t.date1904 ?? false,
            defaultEntity: this.defaultEntity,
          })
        : null;
  }

  /** One data row of the current table, with its sheet row number (rows in ascending order). */
  push(row: Cell[], sheetRow: number): void {
    if (this.processor) {
      this.processor.push(row, sheetRow);
      return;
    }
    if (this.contractProcessor) {
      this.contractProcessor.push(row, sheetRow);
      return;
    }
    const buffer = this.buffer;
    if (buffer.length === 0) this.bufferFirstRow = sheetRow;
    // Rows a source skipped (never stored in the sheet) are blank.
    while (this.bufferFirstRow + buffer.length < sheetRow) buffer.push([]);
    buffer.push(row);
  }

  /** Ends the current table: reads what was gathered; returns its reconciliation. */
  end(): TableReconciliation {
    const t = this.table as Omit<SourceTable, "rows">;
    const log = this.log as TableLog;
    if (this.processor) {
      for (const l of this.processor.lines) this.spend.push(l);
      this.processor.lines.length = 0;
    } else if (this.contractProcessor) {
      for (const c of this.contractProcessor.finish()) this.contracts.push(c);
    } else {
      const rows = this.buffer;
      const range = {
        rows,
        firstDataIndex: 0,
        endIndex: endOfData(rows, 0),
        firstRow: this.bufferFirstRow,
        mapping: t.mapping,
      };
      switch (t.kind) {
        case "entities":
          readEntities(range, log, this.entities);
          break;
        case "nomenclature":
          readNomenclature(range, log, this.nomenclature);
          break;
        case "suppliers":
          readSuppliers(range, log, this.suppliers);
          break;
        case "territories":
          readTerritories(range, log, this.territories);
          break;
        case "quality":
          readQuality(range, log, this.quality, t.date1904 ?? false);
          break;
      }
    }
    this.buffer = [];
    this.processor = null;
    this.contractProcessor = null;
    this.table = null;
    this.recs.push(log.rec);
    return log.rec;
  }

  /** The result, DECP imports last (their own reconciliation each). */
  finish(decp: DecpImport[] = []): IntakeResult {
    for (const d of decp) {
      for (const c of d.contracts) this.contracts.push(c);
      for (const c of d.concessions ?? []) this.concessions.push(c);
      for (const a of d.anomalies) this.anomalies.push(a);
      this.recs.push(d.reconciliation);
    }
    return {
      spend: this.spend,
      contracts: this.contracts,
      ...(this.concessions.length > 0 ? { concessions: this.concessions } : {}),
      entities: this.entities,
      nomenclature: this.nomenclature,
      suppliers: this.suppliers,
      ...(this.territories.length > 0 ? { territories: this.territories } : {}),
      ...(this.quality.length > 0 ? { quality: this.quality } : {}),
      anomalies: this.anomalies,
      reconciliation: reconcile(this.recs),
      ...(this.mandateFromDate.length > 0
        ? { mandateDateFromLineDate: this.mandateFromDate }
        : {}),
    };
  }
}

/**
 * The header of a spend table's line date when it names the mandat's date (« Date mandat »,
 * « Date d'émission du mandat », « Date mandatement ») and no « Date de transmission au
 * comptable » column is mapped: the line date is then the mandat date (PF8). Else null.
 */
function mandatDateHeaderOf(t: Pick<SourceTable, "mapping" | "headers">): string | null {
  if (t.mapping.mandateDate !== undefined && t.mapping.mandateDate >= 0) return null;
  const col = t.mapping.date;
  if (col === undefined || col < 0 || t.headers === undefined) return null;
  const header = t.headers[col] ?? "";
  return isMandatDateHeader(header) ? header : null;
}

/**
 * The intake step by step over tables in memory: yields the number of data rows processed so far
 * (every table, in intake order, at least every `block` rows) so that a caller can report
 * progress or yield to an event loop; returns the IntakeResult.
 */
export function* intakeSteps(
  tables: MappedTable[],
  decp: DecpImport[] = [],
  options: IntakeOptions = {},
  block = INTAKE_BLOCK
): Generator<number, IntakeResult, void> {
  const run = new IntakeRun(options);
  let processed = 0;
  for (const t of intakeOrder(tables)) {
    const source = sourceOf(t, block);
    run.begin(source);
    for (const b of source.rows as Iterable<RowBlock>) {
      for (let i = 0; i < b.rows.length; i++) run.push(b.rows[i] ?? [], b.firstRow + i);
      processed += b.rows.length;
      if (t.kind === "spend") yield processed;
    }
    run.end();
    yield processed;
  }
  return run.finish(decp);
}

/**
 * The intake over row sources (sync or async): pulls each table's rows when it comes to it, in
 * intake order. Yields the number of data rows processed so far (at least every `block` rows, and
 * at the end of every table); returns the IntakeResult.
 */
export async function* intakeFromSources(
  tables: readonly SourceTable[],
  decp: DecpImport[] = [],
  options: IntakeOptions = {},
  block = INTAKE_BLOCK
): AsyncGenerator<number, IntakeResult, void> {
  const run = new IntakeRun(options);
  let processed = 0;
  for (const t of intakeOrder(tables)) {
    run.begin(t);
    let since = 0;
    for await (const b of t.rows) {
      const rows = b.rows;
      for (let i = 0; i < rows.length; i++) run.push(rows[i] ?? [], b.firstRow + i);
      processed += rows.length;
      since += rows.length;
      if (since >= block) {
        since = 0;
        yield processed;
      }
    }
    run.end();
    yield processed;
  }
  return run.finish(decp);
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
    amountSetAsideCents: 0,
    tables,
  };
  for (const t of tables) {
    if (t.kind !== mainKind) continue;
    r.rowsRead += t.rowsRead;
    r.rowsAnalysed += t.rowsAnalysed;
    r.rowsWithWarning += t.rowsWithWarning;
    r.rowsRejected += t.rowsRejected;
    addTotals(r, t);
  }
  return r;
}

/**
 * True when rows and amounts reconcile exactly (SPEC §2.5): rows read = analysed + rejected, and
 * amounts read = analysed + rejected + set aside (placeholders, concessions, sub-totals), to the
 * cent whatever the amounts (the exact totals when they are beyond the safe range).
 */
export function isReconciled(r: Reconciliation | TableReconciliation): boolean {
  return r.rowsRead === r.rowsAnalysed + r.rowsRejected && amountsReconcile(r);
}

export { addCents, amountsReconcile, exactCentsOf } from "./totals";
