/**
 * What every table reader of the intake shares: row classification (blank, total), the anomaly
 * log and the per-table reconciliation accumulator. SPEC §2.5: every source row ends in exactly one
 * of analysed, analysed with warning, rejected — and the amounts reconcile to the cent.
 */
import { msg } from "../messages/render";
import type { Anomaly, Cell, TableKind, TableReconciliation } from "../model";
import { normalizeKey } from "../text";
import type { Message } from "../messages/render";
import { addCents, addLineCents } from "./totals";

export function isBlankCell(c: Cell): boolean {
  return c === null || c === undefined || (typeof c === "string" && c.trim() === "");
}

export function isBlankRow(row: Cell[] | undefined): boolean {
  if (!row) return true;
  for (let i = 0; i < row.length; i++) if (!isBlankCell(row[i])) return false;
  return true;
}

const TOTAL_WORDS = new Set([
  "total",
  "total general",
  "sous total",
  "totaux",
  "total ht",
  "total ttc",
  "grand total",
  "montant total",
]);

/** A "Total" row: some text cell reads "Total", "Total général", "Sous-total"… */
export function isTotalRow(row: Cell[]): boolean {
  for (let i = 0; i < row.length; i++) {
    const c = row[i];
    if (typeof c === "string" && c.length <= 40) {
      const k = normalizeKey(c);
      if (TOTAL_WORDS.has(k) || k.startsWith("total ") || k.startsWith("sous total")) return true;
    }
  }
  return false;
}

/** Index just past the last non-blank row (trailing blank rows are not part of the table). */
export function endOfData(rows: Cell[][], from: number): number {
  let end = rows.length;
  while (end > from && isBlankRow(rows[end - 1])) end--;
  return end;
}

/** Display form of a raw cell for anomaly reports. */
export function rawText(c: Cell): string | null {
  if (c === null || c === undefined) return null;
  if (c instanceof Date)
    return Number.isNaN(c.getTime()) ? "Date invalide" : c.toISOString().slice(0, 10);
  const s = String(c);
  return s.length > 200 ? s.slice(0, 200) + "…" : s;
}


/** Consecutive blank rows waiting to be logged as one run (see TableLog.blankRows). */
export class BlankRuns {
  private first = 0;
  private count = 0;

  constructor(private readonly log: TableLog) {}

  add(sheetRow: number): void {
    if (this.count > 0 && sheetRow !== this.first + this.count) this.flush();
    if (this.count === 0) this.first = sheetRow;
    this.count++;
  }

  /** Logs the run (the rows were followed by data). */
  flush(): void {
    this.log.blankRows(this.first, this.count);
    this.count = 0;
  }

  /** Forgets the run (trailing blank rows are not part of the table). */
  drop(): void {
    this.count = 0;
  }
}

/** Collects anomalies and the reconciliation of one table. */
/** A table's reconciliation before any row: every count and amount at 0. */
export function emptyTableReconciliation(table: string, kind: TableKind): TableReconciliation {
  return {
    table,
    kind,
    rowsRead: 0,
    rowsAnalysed: 0,
    rowsWithWarning: 0,
    rowsRejected: 0,
    amountReadCents: 0,
    amountAnalysedCents: 0,
    amountRejectedCents: 0,
    amountSetAsideCents: 0,
  };
}

export class TableLog {
  readonly rec: TableReconciliation;
  private rowHasWarning = false;

  constructor(
    readonly table: string,
    kind: TableKind,
    private readonly anomalies: Anomaly[]
  ) {
    this.rec = emptyTableReconciliation(table, kind);
  }

  /**
   * Part of the current row's read amount is kept out of the analysis for `reason` (a placeholder,
   * a sub-total): it stays in amountRead and is listed on its own line, by reason.
   */
  setAside(amountCents: number | bigint, reason: Message): void {
    addCents(this.rec, "amountSetAsideCents", amountCents);
    const lines = (this.rec.setAside ??= []);
    let line = lines.find((l) => l.reason.code === reason.code);
    if (line) line.rows++;
    else lines.push((line = { reason, rows: 1, amountCents: 0 }));
    addLineCents(line, amountCents);
  }

  /**
   * Starts a source row; `amountCents` is its readable amount (0 when none; a big integer when it
   * is beyond the safe range: the totals stay exact).
   */
  begin(amountCents: number | bigint): void {
    this.rec.rowsRead++;
    addCents(this.rec, "amountReadCents", amountCents);
    this.rowHasWarning = false;
  }

  warn(row: number, field: string | null, value: Cell, reason: Message): void {
    this.anomalies.push({
      table: this.table,
      row,
      field,
      value: rawText(value),
      reason,
      severity: "warning",
    });
    this.rowHasWarning = true;
  }

  reject(
    row: number,
    field: string | null,
    value: Cell,
    reason: Message,
    amountCents: number | bigint
  ): void {
    this.anomalies.push({
      table: this.table,
      row,
      field,
      value: rawText(value),
      reason,
      severity: "rejected",
    });
    this.rec.rowsRejected++;
    addCents(this.rec, "amountRejectedCents", amountCents);
  }

  /**
   * `count` consecutive blank rows from sheet row `first`: read and rejected, counted one by one
   * in the reconciliation but listed once (a million blank rows are one anomaly, not a million).
   */
  blankRows(first: number, count: number): void {
    if (count <= 0) return;
    this.rec.rowsRead += count;
    this.rec.rowsRejected += count;
    this.anomalies.push({
      table: this.table,
      row: first,
      ...(count > 1 ? { rowCount: count } : {}),
      field: null,
      value: null,
      reason:
        count === 1
          ? msg("anomaly.blankRow")
          : msg("anomaly.blankRows", { count, first, last: first + count - 1 }),
      severity: "rejected",
    });
  }

  accept(amountCents: number): void {
    this.rec.rowsAnalysed++;
    addCents(this.rec, "amountAnalysedCents", amountCents);
    if (this.rowHasWarning) this.rec.rowsWithWarning++;
  }
}

/** Field → column index, -1 when unmapped. */
export function columnOf(mapping: Record<string, number>, field: string): number {
  const c = mapping[field];
  return c === undefined ? -1 : c;
}

export function cellAt(row: Cell[], col: number): Cell {
  return col < 0 ? null : row[col];
}
