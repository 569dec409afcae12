/**
 * Excel's row limit on the written workbook (issue #13, item 3). A detail table that would pass
 * the sheet's last row (1 048 576) — the Anomalies of a file of millions of unreadable lines — is
 * cut: the rows that fit are written, a note under them says how many are missing and where they
 * are, and the whole list goes to a CSV file beside the workbook (UTF-8 with BOM, « ; », decimal
 * comma: what Excel opens in France). Never a "Ligne hors limites" crash after the analysis.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { CellRange, CellValue, SheetSpec, TableSpec, WorkbookSpec } from "../report/spec";
import { release, removeOnInterrupt, tempPathFor } from "./temp-files";

/** Last 0-based row of an Excel sheet. */
export const EXCEL_LAST_ROW = 1_048_575;

export interface CutTable {
  sheet: string;
  table: string;
  /** Data rows of the table. */
  rows: number;
  /** Data rows written in the workbook. */
  kept: number;
  /** The CSV holding every row. */
  csv: string;
}

/** The full list of a cut table: beside the workbook, named after it and the table. */
export function csvPathFor(outPath: string, table: string): string {
  const dir = path.dirname(outPath);
  const stem = path.basename(outPath).replace(/\.xlsx$/i, "");
  return path.join(dir, `${stem}.${table}.csv`);
}

function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
}

function clip<T extends { range: CellRange }>(items: T[], last: number): T[] {
  return items
    .filter((x) => x.range.r1 <= last)
    .map((x) => (x.range.r2 > last ? { ...x, range: { ...x.range, r2: last } } : x));
}

/**
 * The spec with every table cut to the sheet's last row `lastRow` (Excel's by default) and a note
 * under each cut table; the spec itself when nothing passes. `cut` lists what was cut.
 */
export function fitToSheetRows(
  spec: WorkbookSpec,
  outPath: string,
  lastRow = EXCEL_LAST_ROW
): { spec: WorkbookSpec; cut: CutTable[]; full: Map<string, TableSpec> } {
  const cut: CutTable[] = [];
  const full = new Map<string, TableSpec>();
  const sheets = spec.sheets.map((sheet): SheetSpec => {
    // The note goes on the row under the kept rows: the data end one row above the last.
    const over = sheet.tables.filter((t) => t.row + t.rows.length > lastRow);
    if (over.length === 0) return sheet;
    const blocks = sheet.blocks.filter((b) => b.row <= lastRow);
    const tables: TableSpec[] = [];
    for (const t of sheet.tables) {
      if (t.row + t.rows.length <= lastRow) {
        tables.push(t);
        continue;
      }
      const kept = Math.max(0, lastRow - t.row - 1);
      const csv = csvPathFor(outPath, t.name);
      cut.push({ sheet: sheet.name, table: t.name, rows: t.rows.length, kept, csv });
      full.set(t.name, t);
      // A table whose header itself is past the limit (below a cut one) lives in its CSV only.
      if (t.row >= lastRow - 1) continue;
      blocks.push({
        row: t.row + kept + 1,
        col: t.col,
        values: [
          [
            `Liste coupée à la limite d'Excel : ${groupDigits(kept)} lignes sur ${groupDigits(t.rows.length)} ci-dessus ; la liste complète est dans « ${path.basename(csv)} », à côté de ce classeur.`,
          ],
        ],
        style: "note",
      });
      tables.push({
        ...t,
        rows: t.rows.slice(0, kept),
        cellFormats: t.cellFormats?.filter((f) => f.row < kept),
      });
    }
    return {
      ...sheet,
      blocks,
      tables,
      conditionalFormats: clip(sheet.conditionalFormats, lastRow),
      validations: clip(sheet.validations, lastRow),
      merges: sheet.merges.filter((m) => m.r1 <= lastRow),
    };
  });
  return cut.length === 0 ? { spec, cut, full } : { spec: { ...spec, sheets }, cut, full };
}

function csvCell(v: CellValue): string {
  let s: string;
  if (v === null) return "";
  if (typeof v === "number") s = String(v).replace(".", ",");
  else if (typeof v === "boolean") s = v ? "VRAI" : "FAUX";
  else if (typeof v === "string") s = v;
  else if ("formula" in v) s = v.formula;
  else s = v.value;
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes every row of `table` to `file` (atomically: a temporary file renamed at the end). */
export async function writeTableCsv(table: TableSpec, file: string): Promise<void> {
  const tmp = tempPathFor(file, randomBytes(4).toString("hex"));
  removeOnInterrupt(tmp);
  const fh = await fs.promises.open(tmp, "w");
  try {
    let buf = "\ufeff" + table.columns.map((c) => csvCell(c.header)).join(";") + "\r\n";
    for (const row of table.rows) {
      buf += row.map(csvCell).join(";") + "\r\n";
      if (buf.length > 1 << 20) {
        await fh.write(buf);
        buf = "";
      }
    }
    await fh.write(buf);
    await fh.close();
    await fs.promises.rename(tmp, file);
  } catch (e) {
    await fh.close().catch(() => undefined);
    await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  } finally {
    release(tmp);
  }
}
