/**
 * A big spend workbook for the reading benchmarks: N generated spend lines (generateSpendRows, the
 * demo's "Mandats" columns, header on row 1) written with exceljs's streaming writer, dates and
 * amounts formatted as an export from a finance system would be.
 */
import ExcelJS from "exceljs";
import { AMOUNT_COLUMNS, DATE_COLUMNS, generateSpendRows, SPEND_SHEET } from "../demo/generate";

export async function writeSpendWorkbook(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet(SPEND_SHEET);
  const dateCols = new Set<number>(DATE_COLUMNS.spend);
  const amountCols = new Set<number>(AMOUNT_COLUMNS.spend);
  for (const r of generateSpendRows(rows, 42)) {
    const row = ws.addRow(r.map((v) => (v === undefined ? null : v)) as ExcelJS.CellValue[]);
    for (const c of dateCols) if (typeof r[c] === "number") row.getCell(c + 1).numFmt = "dd/mm/yyyy";
    for (const c of amountCols) if (typeof r[c] === "number") row.getCell(c + 1).numFmt = '#,##0.00 "€"';
    row.commit();
  }
  ws.commit();
  await wb.commit();
}
