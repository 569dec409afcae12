/**
 * Excel table parts (xl/tables/tableN.xml). The header row is written by the sheet (as text cells
 * equal to the column names); a table without data rows covers one empty row, as Excel needs.
 */
import { rangeA1 } from "../../report/a1";
import type { TableSpec } from "../../report/spec";
import { escapeAttr, NS, XML_DECL } from "./xml";

/** "A5:F120": header row and data rows (at least one). */
export function tableRef(t: TableSpec): string {
  return rangeA1(t.row, t.col, t.row + Math.max(1, t.rows.length), t.col + t.columns.length - 1);
}

/**
 * Column names as Excel stores them: line breaks kept (the cell text), but the name must be
 * unique in the table (case-insensitive) — the spec guarantees it.
 */
export function tableXml(t: TableSpec, id: number, name: string): string {
  const ref = tableRef(t);
  const cols = t.columns
    .map((c, i) => `<tableColumn id="${i + 1}" name="${escapeAttr(c.header)}"/>`)
    .join("");
  return (
    XML_DECL +
    `<table xmlns="${NS.main}" id="${id}" name="${escapeAttr(name)}" displayName="${escapeAttr(name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/>` +
    `<tableColumns count="${t.columns.length}">${cols}</tableColumns>` +
    `<tableStyleInfo name="${t.style}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    `</table>`
  );
}
