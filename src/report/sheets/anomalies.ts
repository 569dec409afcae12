/**
 * Anomalies (SPEC §5, §2.5): every rejected row and every row analysed with a warning — source
 * table, row number, field, value, reason — with counts by severity in live formulas.
 */
import { rangeA1 } from "../a1";
import { formula, textCell } from "../cells";
import { message, periodTitle, text } from "../labels";
import { fieldName } from "../names";
import { SheetBuilder, type BuildContext } from "../layout";
import type { CellValue, SheetSpec, TableColumn } from "../spec";

export function buildAnomalies(ctx: BuildContext): SheetSpec {
  const sb = new SheetBuilder(ctx, "anomalies", "replace");
  // Print: A4, one page wide, a long table's header repeated on each page.
  sb.print({ orientation: "auto" });
  const { analysis, lang } = ctx;
  sb.tabColor = "#FFC000";
  sb.header(`${text(lang, "anomaliesTitle")} — ${periodTitle(lang, analysis.period)}`);
  const anomalies = analysis.anomalies;
  if (anomalies.length === 0) {
    sb.note(text(lang, "noAnomaly"));
    return sb.build();
  }
  const severityText = (s: string) =>
    s === "rejected" ? text(lang, "rejected") : text(lang, "warning");
  const summaryRow = sb.cursor;
  const top = summaryRow + 4;
  const columns: TableColumn[] = [
    { key: "table", header: sb.h("table"), width: 20 },
    { key: "row", header: sb.h("row"), width: 8, numberFormat: sb.f.int },
    { key: "field", header: sb.h("field"), width: 18 },
    { key: "value", header: sb.h("rawValue"), width: 24, numberFormat: sb.f.text },
    { key: "reason", header: sb.h("reason"), width: 70, wrap: true },
    { key: "severity", header: sb.h("severity"), width: 14 },
  ];
  // Fields are named in the language (never by their internal key) from the table's kind.
  const kinds = new Map(analysis.reconciliation.tables.map((t) => [t.table, t.kind]));
  const field = (table: string, key: string | null): string | null => {
    const kind = kinds.get(table);
    return key === null || kind === undefined ? key : fieldName(lang, kind, key);
  };
  const rows: CellValue[][] = anomalies.map((a) => [
    textCell(a.table),
    a.row,
    textCell(field(a.table, a.field)),
    textCell(a.value),
    textCell(message(lang, a.reason)),
    severityText(a.severity),
  ]);
  const placed = sb.rawTable("tblAnomalies", top, 0, columns, rows);
  const sev = placed.columnRange("severity");
  const sevRange = rangeA1(sev.r1, sev.c1, sev.r2, sev.c2, true);
  sb.block(summaryRow, 0, [[sb.h("severity"), sb.h("count")]], { style: "header" });
  sb.block(
    summaryRow + 1,
    0,
    [
      [text(lang, "rejected"), formula(`=COUNTIF(${sevRange},"${text(lang, "rejected")}")`)],
      [text(lang, "warning"), formula(`=COUNTIF(${sevRange},"${text(lang, "warning")}")`)],
    ],
    { columnFormats: [null, sb.f.int] }
  );
  sb.highlightText(sev, text(lang, "rejected"), "kpiAlert");
  sb.frozen = { rows: top + 1, cols: 0 };
  return sb.build();
}
