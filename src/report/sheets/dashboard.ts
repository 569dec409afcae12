/**
 * Tableau de bord (SPEC §5): KPI tiles with status colours and their reference, the
 * reconciliation block (with a live check formula), every indicator in one table, and the charts
 * (Pareto of families, monthly trend, procedure and channel mix, PNAD gauges) fed by data tables
 * on the same sheet.
 */
import { MU1, PF2, RE1, RE2, SP2, SP3, SP6 } from "../../core/indicators/registry";
import type { IndicatorDefinition } from "../../core/indicators/definition";
import type { IndicatorResult, Tables } from "../../core/indicators/types";
import { msg, render } from "../../core/messages/render";
import type { TableReconciliation } from "../../core/model";
import { monthsOf } from "../../core/period";
import { a1 } from "../a1";
import { amountsReconcile } from "../../core/intake/totals";
import { formula, fraction, scalarCell, textCell, unitText } from "../cells";
import { reconciliationEuros } from "../exact-euros";
import { CHANNEL_LABELS, naText, pick, text } from "../labels";
import { indicatorTable, SheetBuilder, type BuildContext, type ColumnDef } from "../layout";
import { kindLabel } from "../names";
import type { CellValue, SheetSpec, TableColumn } from "../spec";
import {
  indicatorTile,
  maybeIndicator,
  result,
  summaryTable,
  tile,
  TILE_COLS,
  TILE_ROWS,
} from "./common";

/** The tiles, four per row (the compliance tile is the total of CO signals). */
const TILE_IDS: string[][] = [
  ["SP1", "SP6", "SP4", "SP5"],
  ["PF1", "PF2", "PF3", "PF8"],
  ["PF7", "CO*", "RE1", "RE2"],
  ["RE3", "MU1", "MU3", "TE1"],
  ["RE7", "RE8"],
];

/** The table types of a definition. */
type ResultTables<D> = D extends IndicatorDefinition<infer T> ? T : never;

const CHART_COL = 9;
const CHART_WIDTH = 8;
const CHART_HEIGHT = 15;

export function buildDashboard(ctx: BuildContext): SheetSpec {
  const sb = new SheetBuilder(ctx, "dashboard", "replace");
  // Print: A4, one page wide; tiles and charts side by side: landscape, no repeated row.
  sb.print({ orientation: "landscape", titleRow: null });
  const { analysis, lang } = ctx;
  sb.tabColor = "#2F5597";
  // A contracts-only input is an analysis of awarded contracts, and says so (issue #11 §1).
  const awarded = analysis.basis === "awarded";
  const basisTitle = awarded ? ` — ${render(lang, msg("basis.awardedTitle"))}` : "";
  sb.header(`${text(lang, "dashboardTitle")}${basisTitle} — ${analysis.period.label}`, 0, 8);
  for (let c = 0; c < 8; c++) sb.width(c, 17);
  if (awarded) sb.cell(sb.cursor++, 0, render(lang, msg("basis.awardedNote")));

  // KPI tiles
  sb.section(text(lang, "kpiSection"));
  let row = sb.cursor;
  for (const ids of TILE_IDS) {
    ids.forEach((id, i) => {
      const col = i * TILE_COLS;
      if (id === "CO*") {
        const co = analysis.indicators.filter((x) => x.group === "CO");
        const known = co.filter((x) => x.value !== null);
        tile(sb, row, col, {
          title: text(lang, "alertsTile"),
          value: known.length === 0 ? null : analysis.alertCount,
          unit: "count",
          status: known.length === 0 ? null : analysis.alertCount > 0 ? "watch" : "good",
          detail: known.length === 0 ? `${text(lang, "na")}` : text(lang, "signalsNote"),
          footer: co
            .map((x) => `${x.id} ${x.value === null ? text(lang, "na") : x.value}`)
            .join(" · "),
        });
        return;
      }
      const ind = maybeIndicator(sb, id);
      if (ind) indicatorTile(sb, row, col, ind);
    });
    row += TILE_ROWS + 1;
  }
  sb.cursor = row;

  // Reconciliation
  reconciliation(sb);

  // Every indicator
  sb.section(text(lang, "allIndicatorsSection"));
  summaryTable(sb, "tblTdbIndicateurs", analysis.indicators);

  // Chart data and charts
  sb.section(text(lang, "chartDataSection"));
  let chartRow = 3;
  const nextChart = (height = CHART_HEIGHT) => {
    const r = chartRow;
    chartRow += height + 1;
    return r;
  };
  pareto(sb, nextChart);
  trend(sb, nextChart);
  mixChart(sb, nextChart, result(sb, PF2), PROCEDURE_MIX);
  mixChart(sb, nextChart, result(sb, MU1), CHANNEL_MIX);
  gauges(sb, nextChart);

  sb.frozen = { rows: 2, cols: 0 };
  return sb.build();
}

function reconciliation(sb: SheetBuilder): void {
  const { lang } = sb;
  const r = sb.ctx.analysis.reconciliation;
  const f = sb.f;
  sb.section(text(lang, "reconciliationSection"));
  const top = sb.cursor;
  sb.block(top, 0, [[null, sb.h("lines"), sb.h("amount")]], { style: "header" });
  // Exact to the cent: numbers of euros, or the amount as text beyond Excel's 15 digits.
  const eur = (t: TableReconciliation | typeof r, key: Parameters<typeof reconciliationEuros>[2]) =>
    reconciliationEuros(lang, t, key);
  const amounts = [
    eur(r, "amountReadCents"),
    eur(r, "amountAnalysedCents"),
    eur(r, "amountRejectedCents"),
    eur(r, "amountSetAsideCents"),
  ];
  const rows: CellValue[][] = [
    [sb.h("rowsRead"), r.rowsRead, scalarCell(amounts[0])],
    [sb.h("rowsAnalysed"), r.rowsAnalysed, scalarCell(amounts[1])],
    [sb.h("rowsWithWarning"), r.rowsWithWarning, null],
    [sb.h("rowsRejected"), r.rowsRejected, scalarCell(amounts[2])],
    [sb.h("amountSetAside"), null, scalarCell(amounts[3])],
  ];
  sb.block(top + 1, 0, rows, { columnFormats: [null, f.int, f.eur2] });
  const read = top + 1;
  const analysed = top + 2;
  const rejected = top + 4;
  // Amounts written as text cannot be summed by Excel: the check then carries the exact one.
  const amountCheck = amounts.every((a) => typeof a === "number")
    ? `ROUND(${a1(read, 2)}-${a1(analysed, 2)}-${a1(rejected, 2)}-${a1(rejected + 1, 2)},2)=0`
    : amountsReconcile(r)
      ? "TRUE"
      : "FALSE";
  const check = formula(
    `=IF(AND(${a1(read, 1)}=${a1(analysed, 1)}+${a1(rejected, 1)},${amountCheck}),"${text(lang, "ok")}","${text(lang, "gapToExamine")}")`
  );
  sb.block(top + 6, 0, [[text(lang, "check"), check, null]], { style: "total" });
  const checkCell = { r1: top + 6, c1: 1, r2: top + 6, c2: 1 };
  sb.conditional({
    range: checkCell,
    type: "cellValue",
    operator: "equal",
    formula1: `"${text(lang, "ok")}"`,
    style: "kpiGood",
  });
  sb.conditional({
    range: checkCell,
    type: "cellValue",
    operator: "notEqual",
    formula1: `"${text(lang, "ok")}"`,
    style: "kpiAlert",
  });
  sb.cursor = top + 8;
  if (r.tables.length > 0) {
    sb.cell(sb.cursor++, 0, text(lang, "reconciliationByTable"), "subtitle");
    const defs: ColumnDef<TableReconciliation>[] = [
      { key: "table", header: "table", kind: "text" },
      { key: "kind", header: "kind", kind: "text", width: 14, get: (t) => kindLabel(lang, t.kind) },
      { key: "rowsRead", header: "rowsRead", kind: "int" },
      { key: "rowsAnalysed", header: "rowsAnalysed", kind: "int" },
      { key: "rowsWithWarning", header: "rowsWithWarning", kind: "int" },
      { key: "rowsRejected", header: "rowsRejected", kind: "int" },
      {
        key: "amountReadCents",
        header: "amountRead",
        kind: "eur",
        get: (t) => eur(t, "amountReadCents"),
      },
      {
        key: "amountAnalysedCents",
        header: "amountAnalysed",
        kind: "eur",
        get: (t) => eur(t, "amountAnalysedCents"),
      },
      {
        key: "amountRejectedCents",
        header: "amountRejected",
        kind: "eur",
        get: (t) => eur(t, "amountRejectedCents"),
      },
    ];
    const placed = sb.table("tblTdbRapprochement", sb.cursor, 0, defs, r.tables);
    sb.cursor = placed.lastDataRow + 2;
  }
}

function pareto(sb: SheetBuilder, nextChart: () => number): void {
  const ind = result(sb, SP3);
  const placed = indicatorTable(
    sb,
    ind,
    "families",
    "tblTdbPareto",
    [
      { key: "familyLabel", header: "familyLabel", kind: "text", width: 30 },
      { key: "amount", header: "amount", kind: "eur" },
      { key: "cumulativeShare", header: "cumulativeShare", kind: "pct" },
    ],
    { title: text(sb.lang, "chartPareto") }
  );
  if (!placed || placed.spec.rows.length === 0) return;
  const amount = placed.colOf("amount");
  const cumul = placed.colOf("cumulativeShare");
  const label = placed.colOf("familyLabel");
  sb.chart({
    id: "pareto",
    type: "combo-pareto",
    title: text(sb.lang, "chartPareto"),
    categories: sb.ref(placed.firstDataRow, label, placed.lastDataRow, label),
    series: [
      {
        name: sb.ref(placed.headerRow, amount),
        values: sb.ref(placed.firstDataRow, amount, placed.lastDataRow, amount),
        as: "column",
        axis: "primary",
      },
      {
        name: sb.ref(placed.headerRow, cumul),
        values: sb.ref(placed.firstDataRow, cumul, placed.lastDataRow, cumul),
        as: "line",
        axis: "secondary",
      },
    ],
    anchor: { row: nextChart(), col: CHART_COL, widthCols: CHART_WIDTH, heightRows: CHART_HEIGHT },
    valueFormat: sb.f.eur0,
    secondaryFormat: sb.f.pct,
    legend: "bottom",
  });
}

type TrendRow = { month: string; amount: number; previousYearAmount: number | null };

function trend(sb: SheetBuilder, nextChart: () => number): void {
  const sp6 = result(sb, SP6);
  const sp2 = result(sb, SP2);
  const months = new Set(monthsOf(sb.ctx.analysis.period));
  let rows: TrendRow[] = sp6.tables.byMonth.filter((r) => months.has(r.month));
  if (rows.length === 0) rows = sp2.tables.byMonth.map((r) => ({ ...r, previousYearAmount: null }));
  sb.cell(sb.cursor++, 0, textCell(text(sb.lang, "chartTrend")), "subtitle");
  if (rows.length === 0) {
    const reason = sp6.na ?? sp2.na;
    sb.note(
      reason
        ? naText(sb.lang, { id: sp6.na ? "SP6" : "SP2", na: reason })
        : text(sb.lang, "emptyTable")
    );
    sb.cursor++;
    return;
  }
  const placed = sb.table(
    "tblTdbMois",
    sb.cursor,
    0,
    [
      { key: "month", header: "month", kind: "month" },
      { key: "amount", header: "amount", kind: "eur" },
      { key: "previousYearAmount", header: "previousYearAmount", kind: "eur" },
    ],
    rows
  );
  sb.cursor = placed.lastDataRow + 2;
  const m = placed.colOf("month");
  sb.chart({
    id: "trend",
    type: "line",
    title: text(sb.lang, "chartTrend"),
    categories: sb.ref(placed.firstDataRow, m, placed.lastDataRow, m),
    series: ["amount", "previousYearAmount"].map((k) => {
      const c = placed.colOf(k);
      return {
        name: sb.ref(placed.headerRow, c),
        values: sb.ref(placed.firstDataRow, c, placed.lastDataRow, c),
      };
    }),
    anchor: { row: nextChart(), col: CHART_COL, widthCols: CHART_WIDTH, heightRows: CHART_HEIGHT },
    valueFormat: sb.f.eur0,
    legend: "bottom",
  });
}

/** A mix chart (pie or doughnut of amounts by category) over one indicator's detail table. */
interface MixChart<T extends Tables, K extends keyof T & string> {
  id: "procedures" | "channels";
  tableKey: K;
  tableName: string;
  columns: (lang: BuildContext["lang"]) => ColumnDef<T[K][number]>[];
  /** Column holding the categories; the series is the "amount" column. */
  categoryKey: string;
  titleKey: "chartProcedures" | "chartChannels";
  type: "pie" | "doughnut";
}

const PROCEDURE_MIX: MixChart<ResultTables<typeof PF2>, "byProcedure"> = {
  id: "procedures",
  tableKey: "byProcedure",
  tableName: "tblTdbProcedures",
  columns: (lang) => [
    {
      key: "procedure",
      header: "procedure",
      kind: "text",
      width: 40,
      get: (r) => r.procedure ?? text(lang, "procedureNotGiven"),
    },
    { key: "contracts", header: "contracts", kind: "int" },
    { key: "amount", header: "amount", kind: "eur" },
    { key: "valueShare", header: "valueShare", kind: "pct" },
  ],
  categoryKey: "procedure",
  titleKey: "chartProcedures",
  type: "pie",
};

const CHANNEL_MIX: MixChart<ResultTables<typeof MU1>, "byChannel"> = {
  id: "channels",
  tableKey: "byChannel",
  tableName: "tblTdbCanaux",
  columns: (lang) => [
    {
      key: "channel",
      header: "channel",
      kind: "text",
      width: 28,
      get: (r) => pick(lang, CHANNEL_LABELS[r.channel]),
    },
    { key: "lines", header: "lines", kind: "int" },
    { key: "amount", header: "amount", kind: "eur" },
    { key: "sharePercent", header: "sharePercent", kind: "pct" },
  ],
  categoryKey: "channel",
  titleKey: "chartChannels",
  type: "doughnut",
};

function mixChart<T extends Tables, K extends keyof T & string>(
  sb: SheetBuilder,
  nextChart: () => number,
  ind: IndicatorResult<T>,
  mix: MixChart<T, K>
): void {
  const placed = indicatorTable(sb, ind, mix.tableKey, mix.tableName, mix.columns(sb.lang), {
    title: text(sb.lang, mix.titleKey),
  });
  if (!placed || placed.spec.rows.length === 0) return;
  const label = placed.colOf(mix.categoryKey);
  const amount = placed.colOf("amount");
  sb.chart({
    id: mix.id,
    type: mix.type,
    title: text(sb.lang, mix.titleKey),
    categories: sb.ref(placed.firstDataRow, label, placed.lastDataRow, label),
    series: [
      {
        name: sb.ref(placed.headerRow, amount),
        values: sb.ref(placed.firstDataRow, amount, placed.lastDataRow, amount),
      },
    ],
    anchor: { row: nextChart(), col: CHART_COL, widthCols: CHART_WIDTH, heightRows: CHART_HEIGHT },
    legend: "right",
  });
}

/** PNAD gauges: a half-doughnut-ready pair (rate reached, remainder) per RE1 and RE2. */
function gauges(sb: SheetBuilder, nextChart: (h?: number) => number): void {
  const { lang } = sb;
  const present = (
    [
      [result(sb, RE1), "chartGaugeEnv"],
      [result(sb, RE2), "chartGaugeSocial"],
    ] as const
  ).map(([ind, title]) => ({ ind, title }));
  sb.cell(sb.cursor++, 0, text(lang, "gaugesTitle"), "subtitle");
  const headerRow = sb.cursor;
  const columns: TableColumn[] = [
    { key: "indicator", header: sb.h("indicator"), width: 30 },
    { key: "value", header: sb.h("value"), numberFormat: sb.f.pct },
    { key: "remaining", header: sb.h("remaining"), numberFormat: sb.f.pct },
    { key: "target", header: sb.h("followTarget"), numberFormat: sb.f.pct },
  ];
  const rows: CellValue[][] = present.map(({ ind, title }, i) => {
    const r = headerRow + 1 + i;
    const v = fraction(ind.value);
    return [
      textCell(`${ind.id} · ${text(lang, title)}`),
      v,
      v === null ? null : formula(`=MAX(0,1-${a1(r, 1)})`),
      ind.reference ? fraction(ind.reference.value) : null,
    ];
  });
  const placed = sb.rawTable("tblTdbJaugesPNAD", headerRow, 0, columns, rows);
  sb.cursor = placed.lastDataRow + 1;
  present.forEach(({ ind, title }, i) => {
    const r = headerRow + 1 + i;
    if (ind.value === null) {
      sb.note(naText(lang, ind));
      return;
    }
    sb.chart({
      id: `gauge-${ind.id}`,
      type: "doughnut",
      title: ind.reference
        ? `${text(lang, title)} (${text(lang, "reference")} ${unitText(lang, ind.reference.unit, ind.reference.value)})`
        : text(lang, title),
      categories: sb.ref(headerRow, 1, headerRow, 2),
      series: [{ name: sb.ref(r, 0), values: sb.ref(r, 1, r, 2) }],
      anchor: { row: nextChart(12), col: CHART_COL, widthCols: CHART_WIDTH / 2, heightRows: 12 },
      legend: "none",
    });
  });
  sb.cursor++;
}
