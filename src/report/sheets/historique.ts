/**
 * Historique (SPEC §5): one row per analysed period — period, dates, run date, version,
 * reconciliation counts, compliance signals and every indicator's headline value — so that
 * monthly runs build a trend. Mode "append": the rows read back from the existing sheet
 * (UserInputs.history) are kept, this run's row replaces the row of the same period, rows are
 * ordered by period start. The read-back finds columns by their header in either language (an
 * indicator column by its leading id, "SP1 · € HT"), independent of column order.
 */
import { excelSerialFromDay } from "../../core/dates";
import { dateSerial, scalarCell, unitFormat, unitValue } from "../cells";
import { HISTORY_FIXED_KEYS } from "../input-layout";
import { pick, text, UNIT_LABELS } from "../labels";
import { SheetBuilder, type BuildContext } from "../layout";
import type { CellValue, Scalar, SheetSpec, TableColumn } from "../spec";

const PERIOD_KINDS = {
  year: ["année", "year"],
  month: ["mois", "month"],
  range: ["intervalle", "range"],
} as const;

export function buildHistorique(ctx: BuildContext): SheetSpec {
  const sb = new SheetBuilder(ctx, "historique", "append", 2);
  // Print: A4, one page wide; one column per indicator: landscape.
  sb.print({ orientation: "landscape" });
  const { analysis, lang, f } = ctx;
  sb.tabColor = "#7F7F7F";
  sb.header(text(lang, "historyTitle"));
  sb.note(text(lang, "historyNote"));
  sb.cursor++;

  const fixed: Record<(typeof HISTORY_FIXED_KEYS)[number], Omit<TableColumn, "key" | "header">> = {
    period: { width: 16, numberFormat: f.text },
    periodKind: { width: 10 },
    start: { width: 12, numberFormat: f.date },
    end: { width: 12, numberFormat: f.date },
    runDate: { width: 12, numberFormat: f.date },
    version: { width: 9 },
    rowsRead: { width: 10, numberFormat: f.int },
    rowsRejected: { width: 10, numberFormat: f.int },
    alertCount: { width: 12, numberFormat: f.int },
  };
  const columns: TableColumn[] = [
    ...HISTORY_FIXED_KEYS.map((key) => ({ key, header: sb.h(key), ...fixed[key] })),
    ...analysis.indicators.map((ind): TableColumn => ({
      key: ind.id,
      header: `${ind.id} · ${pick(lang, UNIT_LABELS[ind.unit])}`,
      width: 14,
      numberFormat: unitFormat(lang, ind.unit, true),
    })),
  ];
  const current: Record<string, Scalar> = {
    period: analysis.period.label,
    periodKind: PERIOD_KINDS[analysis.period.kind][lang === "fr" ? 0 : 1],
    start: excelSerialFromDay(analysis.period.start),
    end: excelSerialFromDay(analysis.period.end),
    runDate: dateSerial(ctx.stamp.runDate),
    version: analysis.version,
    rowsRead: analysis.reconciliation.rowsRead,
    rowsRejected: analysis.reconciliation.rowsRejected,
    alertCount: analysis.alertCount,
  };
  for (const ind of analysis.indicators) current[ind.id] = unitValue(ind.unit, ind.value);

  const records = ctx.inputs.history.filter(
    (r) => r.period !== null && String(r.period) !== analysis.period.label
  );
  records.push(current);
  records.sort((a, b) => {
    const sa = typeof a.start === "number" ? a.start : Number.POSITIVE_INFINITY;
    const sbv = typeof b.start === "number" ? b.start : Number.POSITIVE_INFINITY;
    if (sa !== sbv) return sa - sbv;
    const pa = String(a.period);
    const pb = String(b.period);
    return pa < pb ? -1 : pa > pb ? 1 : 0;
  });
  const toRow = (r: Record<string, Scalar>): CellValue[] =>
    columns.map((c) => {
      const v = r[c.key] ?? null;
      // Period labels and versions look like numbers or dates: always text.
      if ((c.key === "period" || c.key === "version" || c.key === "periodKind") && v !== null)
        return { text: true, value: String(v) };
      return scalarCell(v);
    });
  const placed = sb.rawTable(
    "tblHistorique",
    sb.cursor,
    0,
    columns,
    records.map(toRow),
    "TableStyleMedium4"
  );
  sb.append = { table: "tblHistorique", key: "period", rows: [toRow(current)] };
  sb.frozen = { rows: placed.headerRow + 1, cols: 1 };

  const sp1 = columns.findIndex((c) => c.key === "SP1");
  if (sp1 >= 0) {
    sb.chart({
      id: "history",
      type: "line",
      title: text(lang, "chartHistory"),
      categories: sb.ref(placed.firstDataRow, 0, placed.lastDataRow, 0),
      series: [
        {
          name: sb.ref(placed.headerRow, sp1),
          values: sb.ref(placed.firstDataRow, sp1, placed.lastDataRow, sp1),
        },
      ],
      anchor: { row: placed.headerRow, col: columns.length + 1, widthCols: 8, heightRows: 15 },
      valueFormat: f.eur0,
      legend: "none",
    });
  }
  return sb.build();
}
