/**
 * Historique (SPEC §5): one row per analysed period — period, dates, run date, version,
 * reconciliation counts, compliance signals and every indicator's headline value — so that
 * monthly runs build a trend. Mode "append": the rows read back from the existing sheet
 * (UserInputs.history) are kept, this run's row replaces the row of the same period, rows are
 * ordered by period start. The read-back finds columns by their header in either language (an
 * indicator column by its leading id, "SP1 · € HT"), independent of column order.
 *
 * Below it, the yearly duties per civil year (issue #14): AGEC art. 58 (RE7) and EGalim (RE8),
 * one row per civil year: the years this run's period touches come from RE7/RE8's yearly tables;
 * earlier years come back from the history rows of yearly periods ("2024"), whose RE7/RE8 values
 * are that year's.
 */
import { excelSerialFromDay } from "../../core/dates";
import { RE7, RE8, resultOf } from "../../core/indicators/registry";
import { dateSerial, fraction, scalarCell, textCell, unitFormat, unitValue } from "../cells";
import { HISTORY_FIXED_KEYS } from "../input-layout";
import { msg } from "../../core/messages/render";
import {
  indicatorLabel,
  message,
  pick,
  SHEET_NAMES,
  text,
  UNIT_LABELS,
  type Pair,
} from "../labels";
import { SheetBuilder, type BuildContext } from "../layout";
import type { CellValue, Scalar, SheetSpec, TableColumn } from "../spec";
import { printBand } from "./print-band";

const PERIOD_KINDS = {
  year: ["année", "year"],
  month: ["mois", "month"],
  range: ["intervalle", "range"],
} as const;

export function buildHistorique(ctx: BuildContext): SheetSpec {
  const sb = new SheetBuilder(ctx, "historique", "append", 2);
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
    periodKind: pick(lang, PERIOD_KINDS[analysis.period.kind]),
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
  // One blank row ends the history table for the read-back (readHistory stops at a blank period).
  sb.cursor = placed.lastDataRow + 2;
  yearlyDuties(sb, records, placed.lastDataRow + 2);
  // The history table has a column per indicator (≈ 47): what prints is its run columns A–I and
  // this view of the indicators by period (a row an indicator, a column a period).
  printView(sb, records);

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
      // Below the view, inside the printed columns.
      anchor: { row: sb.cursor + 1, col: 0, widthCols: 5, heightRows: 15 },
      valueFormat: f.eur0,
      legend: "none",
    });
  }
  printBand(sb, HISTORY_PRINT_WIDTHS);
  return sb.build();
}

/**
 * Printed columns A–I (162 characters, ≥ 89 % on A4 landscape): A the period (history
 * table) or the indicator (view); B–I the run columns of the history table, the yearly duties,
 * or one period each in the view.
 */
export const HISTORY_PRINT_WIDTHS = [50, 14, 14, 14, 14, 14, 14, 14, 14] as const;
/** Periods in the printed view: the most recent ones, one a column B–I. */
export const HISTORY_VIEW_PERIODS = HISTORY_PRINT_WIDTHS.length - 1;

/** The indicators by period (the last HISTORY_VIEW_PERIODS records), a table that prints. */
function printView(sb: SheetBuilder, records: Record<string, Scalar>[]): void {
  const { analysis, lang } = sb.ctx;
  const shown = records.slice(-HISTORY_VIEW_PERIODS);
  sb.cursor++;
  sb.section(message(lang, msg("print.historyView", { n: shown.length })));
  const columns: TableColumn[] = [
    { key: "indicator", header: sb.h("indicator"), wrap: true },
    ...shown.map((r, i): TableColumn => ({ key: `p${i}`, header: String(r.period) })),
  ];
  const formats: { row: number; key: string; numberFormat: string }[] = [];
  const rows: CellValue[][] = analysis.indicators.map((ind, k) => {
    shown.forEach((_, i) =>
      formats.push({ row: k, key: `p${i}`, numberFormat: unitFormat(lang, ind.unit, true) })
    );
    return [
      textCell(`${ind.id} · ${indicatorLabel(lang, ind)}`),
      ...shown.map((r) => scalarCell(r[ind.id] ?? null)),
    ];
  });
  const placed = sb.rawTable(
    "tblHistoriqueVue",
    sb.cursor,
    0,
    columns,
    rows,
    "TableStyleLight9",
    formats
  );
  sb.cursor = placed.lastDataRow + 1;
}

const YEARLY_HEADERS: [string, Pair, "year" | "pct" | "text" | "bool", number][] = [
  ["year", ["Année civile", "Civil year"], "year", 10],
  ["complete", ["Année complète", "Full year"], "bool", 10],
  [
    "agecShare",
    ["RE7 · part AGEC (réemploi + recyclé)", "RE7 · AGEC share (re-employed + recycled)"],
    "pct",
    16,
  ],
  ["agecMinimum", ["RE7 · minimum pondéré", "RE7 · weighted minimum"], "pct", 14],
  ["agecStatus", ["RE7 · statut", "RE7 · status"], "text", 24],
  ["egalimShare", ["RE8 · part EGalim", "RE8 · EGalim share"], "pct", 14],
  ["bioShare", ["RE8 · dont bio", "RE8 · of which organic"], "pct", 12],
  ["meatFishShare", ["RE8 · viandes et poissons", "RE8 · meat and fish"], "pct", 14],
  ["egalimStatus", ["RE8 · statut", "RE8 · status"], "text", 24],
  ["from", ["Origine", "From"], "text", 26],
];

/** AGEC (RE7) and EGalim (RE8) per civil year, below the history table. */
function yearlyDuties(sb: SheetBuilder, records: Record<string, Scalar>[], row: number): void {
  const { analysis, lang, f } = sb.ctx;
  const re7 = resultOf(analysis, RE7);
  const re8 = resultOf(analysis, RE8);
  if (!re7 && !re8) return;
  const L = (p: Pair) => pick(lang, p);
  const years = new Map<number, CellValue[]>();
  const yes = (b: boolean) => text(lang, b ? "yes" : "no");
  const from = L([`Analyse ${analysis.period.label}`, `Analysis ${analysis.period.label}`]);
  for (const y of re7?.tables.byYear ?? [])
    years.set(y.year, [
      y.year,
      yes(y.yearComplete),
      fraction(y.combinedShare),
      fraction(y.minimum),
      textCell(message(lang, y.status)),
      null,
      null,
      null,
      null,
      textCell(from),
    ]);
  for (const y of re8?.tables.byYear ?? []) {
    if (typeof y.entity === "string") continue; // per-entity rows: the Achats responsables sheet
    const cells = years.get(y.year) ?? [y.year, yes(y.yearComplete), null, null, null];
    cells.splice(5, 5, fraction(y.egalimShare), fraction(y.bioShare), fraction(y.meatFishShare));
    cells.push(textCell(message(lang, y.status)), textCell(from));
    years.set(y.year, cells);
  }
  // Earlier years: history rows of yearly periods keep their RE7/RE8 headline values.
  for (const r of records) {
    const label = String(r.period ?? "");
    if (!/^\d{4}$/.test(label)) continue;
    const year = Number(label);
    const agec = typeof r.RE7 === "number" ? r.RE7 : null;
    const egalim = typeof r.RE8 === "number" ? r.RE8 : null;
    if (years.has(year) || (agec === null && egalim === null)) continue;
    // Historique cells hold % indicators as fractions already (unitValue).
    years.set(year, [
      year,
      yes(true),
      agec,
      null,
      null,
      egalim,
      null,
      null,
      null,
      textCell(L([`Historique (période ${label})`, `History (period ${label})`])),
    ]);
  }
  if (years.size === 0) return;
  sb.note(
    L([
      `Obligations annuelles par année civile : AGEC art. 58 (RE7, déclaration sur data.gouv.fr) et EGalim (RE8, télédéclaration « ma cantine »). Détail par catégorie et par entité : feuille ${SHEET_NAMES.responsable[0]}.`,
      `Yearly duties per civil year: AGEC art. 58 (RE7, declaration on data.gouv.fr) and EGalim (RE8, "ma cantine" declaration). Detail per category and entity: ${SHEET_NAMES.responsable[1]} sheet.`,
    ]),
    0,
    row
  );
  const columns: TableColumn[] = YEARLY_HEADERS.map(([key, header, kind, width]) => {
    const c: TableColumn = { key, header: L(header), width };
    if (kind === "year") c.numberFormat = f.year;
    if (kind === "pct") c.numberFormat = f.pct;
    if (kind === "text") c.wrap = true;
    return c;
  });
  const rows = [...years.entries()].sort((a, b) => a[0] - b[0]).map(([, cells]) => cells);
  sb.rawTable("tblHistoriqueAnnuel", row + 1, 0, columns, rows, "TableStyleLight9");
}
