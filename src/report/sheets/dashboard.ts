/**
 * Tableau de bord (SPEC §5, issue #12), laid out as a dashboard:
 * - a grid of GRID_COLS columns of equal width holding only the dashboard: the tiles (short
 *   title, big value in the status colour, one-line reference, the id and coverage in small type
 *   linking to the indicator's card, « Détail › » linking to its detail lines), then one
 *   « Pour aller plus loin » box for the indicators that cannot be computed (what would unlock
 *   each), the charts two by two, and the reconciliation block (with a live check formula);
 * - the detail tables (every indicator, the charts' data, the reconciliation by table) in their
 *   own columns from DATA_COL, right of the grid, so that they never set the tiles' widths.
 * The print area is the grid: landscape, one page wide, two pages at most.
 */
import { MU1, PF2, RE1, RE2, SP2, SP3, SP6 } from "../../core/indicators/registry";
import type { IndicatorDefinition } from "../../core/indicators/definition";
import type { IndicatorResult, Status, Tables, Unit } from "../../core/indicators/types";
import { amountsReconcile } from "../../core/intake/totals";
import { msg, render } from "../../core/messages/render";
import type { TableReconciliation } from "../../core/model";
import { monthsOf } from "../../core/period";
import { a1 } from "../a1";
import { formula, fraction, numberText, scalarCell, textCell, unitFormat, unitText, unitValue } from "../cells";
import { reconciliationEuros } from "../exact-euros";
import { CHANNEL_LABELS, message, naText, periodTitle, pick, statusText, text } from "../labels";
import {
  coverageText,
  indicatorTable,
  labelOf,
  SheetBuilder,
  stampLine,
  type BuildContext,
  type ColumnDef,
} from "../layout";
import { kindLabel } from "../names";
import type { CellValue, ChartSpec, RangeRef, SheetSpec, StyleName, TableColumn } from "../spec";
import { maybeIndicator, referenceText, result, statusStyle, summaryTable } from "./common";
import { indicatorCard } from "./indicateurs";
import { ALERTS_TILE, DASHBOARD_TILES, tileText, unlockText, type TileDef } from "./tiles";

/** The tile grid: GRID_COLS columns of equal width, four tiles of TILE_SPAN columns per row. */
export const GRID_COLS = 12;
export const GRID_WIDTH = 12.5;
export const TILE_SPAN = 3;
const TILES_PER_ROW = GRID_COLS / TILE_SPAN;
/** Rows of a tile (title, value, reference, id and links) and the gap below it. */
export const TILE_HEIGHT = 4;
/** First column of the detail tables (the chart data): their own columns, right of the grid. */
export const DATA_COL = GRID_COLS + 1;

/** The table types of a definition. */
type ResultTables<D> = D extends IndicatorDefinition<infer T> ? T : never;

/** Charts: three a row (4 columns each; the Pareto takes two slots), the gauges half a slot. */
const CHART_SLOT = GRID_COLS / 3;
const CHART_HEIGHT = 13;
const GAUGE_HEIGHT = 12;
const PARETO_BARS = 12;

/** Charts are laid out in the grid, two per row, below the tiles; their data sit in DATA_COL. */
class ChartPlacer {
  private row: number;
  private col = 0;
  private rowHeight = 0;
  constructor(top: number) {
    this.row = top;
  }
  next(widthCols: number, heightRows: number): ChartSpec["anchor"] {
    if (this.col + widthCols > GRID_COLS) this.newRow();
    const anchor = { row: this.row, col: this.col, widthCols, heightRows };
    this.col += widthCols;
    this.rowHeight = Math.max(this.rowHeight, heightRows);
    return anchor;
  }
  private newRow(): void {
    this.row += this.rowHeight + 1;
    this.col = 0;
    this.rowHeight = 0;
  }
  /** First row below the charts. */
  get bottom(): number {
    return this.row + this.rowHeight + (this.rowHeight > 0 ? 1 : 0);
  }
}

export function buildDashboard(ctx: BuildContext): SheetSpec {
  const sb = new SheetBuilder(ctx, "dashboard", "replace");
  const { analysis, lang } = ctx;
  sb.tabColor = "#2F5597";
  // A contracts-only input is an analysis of awarded contracts, and says so (issue #11 §1).
  const awarded = analysis.basis === "awarded";
  const basisTitle = awarded ? ` — ${render(lang, msg("basis.awardedTitle"))}` : "";
  for (let c = 0; c < GRID_COLS; c++) sb.widths.set(c, GRID_WIDTH);
  sb.widths.set(GRID_COLS, 3);
  sb.span(
    0,
    0,
    textCell(`${text(lang, "dashboardTitle")}${basisTitle} — ${periodTitle(lang, analysis.period)}`),
    "title",
    GRID_COLS
  );
  sb.span(1, 0, textCell(stampLine(ctx)), "stampWrap", GRID_COLS);
  if (awarded)
    sb.span(2, 0, textCell(render(lang, msg("basis.awardedNote"))), "stampWrap", GRID_COLS - TILE_SPAN);
  sb.span(2, GRID_COLS - TILE_SPAN, tileText(lang, "tablesLink"), "link", TILE_SPAN);
  sb.link(2, GRID_COLS - TILE_SPAN, sb.ref(3, DATA_COL));
  sb.cursor = 3;

  // KPI tiles: the computed ones in the grid, the others in one « Pour aller plus loin » box.
  sb.section(text(lang, "kpiSection"), 0, GRID_COLS);
  const shown: TileModel[] = [];
  const missing: IndicatorResult[] = [];
  for (const def of DASHBOARD_TILES) {
    const m = tileModel(sb, def);
    if (m === null) continue;
    if (m.value === null) missing.push(...m.missing);
    else shown.push(m);
  }
  let row = sb.cursor;
  shown.forEach((m, i) => {
    const col = (i % TILES_PER_ROW) * TILE_SPAN;
    if (i > 0 && col === 0) row += TILE_HEIGHT + 1;
    drawTile(sb, row, col, TILE_SPAN, m);
  });
  sb.cursor = shown.length > 0 ? row + TILE_HEIGHT + 1 : row;
  furtherBox(sb, missing);
  reconciliation(sb);

  // Charts in the grid below the tiles, their data tables in their own columns (DATA_COL…).
  const chartsTop = sb.section(tileText(lang, "chartsSection"), 0, GRID_COLS);
  const charts = new ChartPlacer(sb.cursor);
  const gridBottom = sb.cursor;
  sb.cursor = 3;
  sb.section(tileText(lang, "tablesSection"), DATA_COL, 8);
  const all = summaryTable(sb, "tblTdbIndicateurs", analysis.indicators, sb.cursor, DATA_COL);
  // Side tables do not wrap: a taller row would stretch the tile beside it.
  for (const c of all.spec.columns) delete c.wrap;
  sb.width(DATA_COL + 1, 70);
  sb.width(DATA_COL + 4, 60);
  sb.width(DATA_COL + 5, 20);
  sb.width(DATA_COL + 7, 90);
  pareto(sb, charts);
  trend(sb, charts);
  mixChart(sb, charts, result(sb, PF2), PROCEDURE_MIX);
  mixChart(sb, charts, result(sb, MU1), CHANNEL_MIX);
  gauges(sb, charts);
  const sideBottom = sb.cursor;

  const gridEnd = Math.max(charts.bottom, gridBottom) - 1;
  sb.cursor = sideBottom;
  reconciliationByTable(sb);

  // Print: the grid only (tiles, box, charts, reconciliation), landscape, at most 2 pages.
  // The charts start the second page.
  sb.print({
    orientation: "landscape",
    titleRow: null,
    lastColumn: GRID_COLS - 1,
    lastRow: gridEnd,
    rowBreaks: [chartsTop],
    // Tiles, box and reconciliation on page 1, charts on page 2, whatever the box holds.
    fitToHeight: 2,
  });
  sb.frozen = { rows: 2, cols: 0 };
  return sb.build();
}

/** What a tile shows; `value` null: the indicator(s) are N/D (`missing`). */
export interface TileModel {
  id: string;
  title: string;
  value: number | null;
  unit: Unit;
  numberFormat: string;
  status: Status | null;
  /** Reference and status, or the signals note. */
  reference: string;
  /** Small type: the id and the coverage. */
  footer: string;
  card: RangeRef | null;
  detail: RangeRef;
  missing: IndicatorResult[];
}

/** Signed percentage format (SP6): "+2,1 %" for a rise, "−2,1 %" for a fall. */
export function signedPctFormat(lang: BuildContext["lang"]): string {
  return lang === "fr" ? '"+"0.0 %;"−"0.0 %;0.0 %' : '"+"0.0%;"−"0.0%;0.0%';
}

export function tileModel(sb: SheetBuilder, def: TileDef): TileModel | null {
  const { lang, analysis } = sb.ctx;
  const title = pick(lang, def.title);
  const detailSheet = def.detail ?? "dashboard";
  if (def.id === ALERTS_TILE) {
    const co = analysis.indicators.filter((x) => x.group === "CO");
    if (co.length === 0) return null;
    const known = co.filter((x) => x.value !== null);
    const counts = co
      .map((x) => `${x.id} ${x.value === null ? text(lang, "na") : numberText(lang, x.value, 0)}`)
      .join(" · ");
    return {
      id: def.id,
      title,
      value: known.length === 0 ? null : analysis.alertCount,
      unit: "count",
      numberFormat: sb.f.int,
      status: known.length === 0 ? null : analysis.alertCount > 0 ? "watch" : "good",
      reference: `${counts}. ${text(lang, "signalsNote")}`,
      footer: `${co[0].id}–${co[co.length - 1].id} · ${tileText(lang, "card")} ›`,
      card: indicatorCard(co[0].id),
      detail: { sheet: detailSheet, range: { r1: 0, c1: 0, r2: 0, c2: 0 } },
      missing: known.length === 0 ? co : [],
    };
  }
  const ind = maybeIndicator(sb, def.id);
  if (!ind) return null;
  const status = ind.value === null ? null : ind.status;
  const stat = statusText(lang, status);
  const numberFormat =
    def.signed && ind.unit === "%" ? signedPctFormat(lang) : unitFormat(lang, ind.unit, true);
  return {
    id: ind.id,
    title,
    value: ind.value,
    unit: ind.unit,
    numberFormat,
    status,
    reference: [referenceText(sb, ind), stat, coverageText(sb.ctx, ind)]
      .filter((x) => x !== "")
      .join(" · "),
    footer: `${ind.id} · ${tileText(lang, "card")} ›`,
    card: indicatorCard(ind.id),
    detail:
      detailSheet === "dashboard"
        ? { sheet: "dashboard", range: summaryRow(sb, ind.id) }
        : {
            sheet: detailSheet,
            range: { r1: 0, c1: def.detailCol ?? 0, r2: 0, c2: def.detailCol ?? 0 },
          },
    missing: ind.value === null ? [ind] : [],
  };
}

/** The row of an indicator in the dashboard's "all indicators" table (placed at DATA_COL, row 5). */
function summaryRow(sb: SheetBuilder, id: string): RangeRef["range"] {
  const i = sb.ctx.analysis.indicators.findIndex((x) => x.id === id);
  const r = SUMMARY_HEADER_ROW + 1 + Math.max(0, i);
  return { r1: r, c1: DATA_COL, r2: r, c2: DATA_COL };
}

/** Header row of tblTdbIndicateurs: the section at row 3, the table right below it. */
const SUMMARY_HEADER_ROW = 4;

/**
 * A tile at (row, col), `span` columns wide, TILE_HEIGHT rows: short title, big value in the
 * status colour, reference (wrapped), then the id and coverage in small type linking to the
 * indicator's card on the Indicateurs sheet, and « Détail › » linking to its detail lines.
 */
export function drawTile(
  sb: SheetBuilder,
  row: number,
  col: number,
  span: number,
  m: TileModel
): void {
  const style = statusStyle(m.status);
  sb.span(row, col, textCell(m.title), style, span);
  sb.span(row + 1, col, unitValue(m.unit, m.value), BIG[style], span, m.numberFormat);
  sb.span(row + 2, col, m.reference === "" ? null : textCell(m.reference), "tileNote", span);
  sb.span(row + 3, col, textCell(m.footer), "link", span - 1);
  if (m.card) sb.link(row + 3, col, m.card, m.title);
  sb.cell(row + 3, col + span - 1, tileText(sb.lang, "detail"), "link");
  sb.link(row + 3, col + span - 1, m.detail);
}

const BIG: Record<StyleName, StyleName> = {
  kpiGood: "kpiGoodBig",
  kpiWatch: "kpiWatchBig",
  kpiAlert: "kpiAlertBig",
  kpiNeutral: "kpiNeutralBig",
} as Record<StyleName, StyleName>;

/**
 * « Pour aller plus loin »: one box listing each indicator that cannot be computed, its reason
 * and what would unlock it (from its N/A reason code), each line linking to the indicator's card.
 */
export function furtherBox(sb: SheetBuilder, missing: IndicatorResult[], span = GRID_COLS): void {
  if (missing.length === 0) return;
  const { lang } = sb;
  const sep = lang === "fr" ? " : " : ": ";
  const left = Math.min(4, Math.floor(span / 3));
  let row = sb.cursor;
  sb.span(row++, 0, tileText(lang, "furtherTitle"), "boxTitle", span);
  sb.span(row++, 0, tileText(lang, "furtherIntro"), "box", span);
  for (const ind of missing) {
    sb.span(row, 0, textCell(`${ind.id} · ${labelOf(sb.ctx, ind)}`), "boxTitle", left);
    const card = indicatorCard(ind.id);
    if (card) sb.link(row, 0, card);
    const reason = ind.na ? message(lang, ind.na) : text(lang, "na");
    sb.span(
      row,
      left,
      textCell(
        `${tileText(lang, "unlockBy")}${sep}${lowerFirst(unlockText(lang, ind))} (${text(lang, "na")}${sep}${reason})`
      ),
      "box",
      span - left
    );
    row++;
  }
  sb.cursor = row + 1;
}

/** "Ajouter le registre…" → "ajouter le registre…" (after a colon, in running French text). */
function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function reconciliation(sb: SheetBuilder): void {
  const { lang } = sb;
  const r = sb.ctx.analysis.reconciliation;
  const f = sb.f;
  sb.section(text(lang, "reconciliationSection"), 0, GRID_COLS);
  const top = sb.cursor;
  // Label over 5 columns, lines over 2, amount over 2 (the grid's columns are narrow).
  const L = 5;
  const A = 7;
  const line = (
    row: number,
    cells: [CellValue, CellValue, CellValue],
    style?: StyleName,
    formats?: (string | null)[]
  ) => {
    sb.block(row, 0, [[cells[0], null, null, null, null, cells[1], null, cells[2], null]], {
      style,
      columnFormats: formats,
    });
    sb.merges.push(
      { r1: row, c1: 0, r2: row, c2: L - 1 },
      { r1: row, c1: L, r2: row, c2: A - 1 },
      { r1: row, c1: A, r2: row, c2: A + 1 }
    );
  };
  line(top, [null, sb.h("lines"), sb.h("amount")], "header");
  // Exact to the cent: numbers of euros, or the amount as text beyond Excel's 15 digits.
  const amounts = [
    reconciliationEuros(lang, r, "amountReadCents"),
    reconciliationEuros(lang, r, "amountAnalysedCents"),
    reconciliationEuros(lang, r, "amountRejectedCents"),
    reconciliationEuros(lang, r, "amountSetAsideCents"),
  ];
  const rows: [CellValue, CellValue, CellValue][] = [
    [sb.h("rowsRead"), r.rowsRead, scalarCell(amounts[0])],
    [sb.h("rowsAnalysed"), r.rowsAnalysed, scalarCell(amounts[1])],
    [sb.h("rowsWithWarning"), r.rowsWithWarning, null],
    [sb.h("rowsRejected"), r.rowsRejected, scalarCell(amounts[2])],
    [sb.h("amountSetAside"), null, scalarCell(amounts[3])],
  ];
  const formats = [null, null, null, null, null, f.int, null, f.eur2, null];
  rows.forEach((cells, i) => line(top + 1 + i, cells, undefined, formats));
  const read = top + 1;
  const analysed = top + 2;
  const rejected = top + 4;
  // Amounts written as text cannot be summed by Excel: the check then carries the exact one.
  const amountCheck = amounts.every((a) => typeof a === "number")
    ? `ROUND(${a1(read, A)}-${a1(analysed, A)}-${a1(rejected, A)}-${a1(rejected + 1, A)},2)=0`
    : amountsReconcile(r)
      ? "TRUE"
      : "FALSE";
  const check = formula(
    `=IF(AND(${a1(read, L)}=${a1(analysed, L)}+${a1(rejected, L)},${amountCheck}),"${text(lang, "ok")}","${text(lang, "gapToExamine")}")`
  );
  line(top + 6, [text(lang, "check"), check, null], "total");
  const checkCell = { r1: top + 6, c1: L, r2: top + 6, c2: L };
  sb.highlightText(checkCell, text(lang, "ok"), "kpiGood");
  sb.conditional({
    range: checkCell,
    type: "cellValue",
    operator: "notEqual",
    formula1: `"${text(lang, "ok")}"`,
    style: "kpiAlert",
  });
  sb.cursor = top + 8;
}

/** The reconciliation of each source table, in the side columns. */
function reconciliationByTable(sb: SheetBuilder): void {
  const { lang } = sb;
  const r = sb.ctx.analysis.reconciliation;
  if (r.tables.length === 0) return;
  const eur = (t: TableReconciliation, key: Parameters<typeof reconciliationEuros>[2]) =>
    reconciliationEuros(lang, t, key);
  sb.cell(sb.cursor++, DATA_COL, text(lang, "reconciliationByTable"), "subtitle");
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
  const placed = sb.table("tblTdbRapprochement", sb.cursor, DATA_COL, defs, r.tables);
  sb.cursor = placed.lastDataRow + 2;
}

function pareto(sb: SheetBuilder, charts: ChartPlacer): void {
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
    { title: text(sb.lang, "chartPareto"), col: DATA_COL }
  );
  if (!placed || placed.spec.rows.length === 0) return;
  const amount = placed.colOf("amount");
  const cumul = placed.colOf("cumulativeShare");
  const label = placed.colOf("familyLabel");
  // The chart shows the first PARETO_BARS families (the table lists them all): beyond, the
  // rotated labels would leave no room for the bars.
  const last = Math.min(placed.lastDataRow, placed.firstDataRow + PARETO_BARS - 1);
  sb.chart({
    id: "pareto",
    type: "combo-pareto",
    title: text(sb.lang, "chartPareto"),
    categories: sb.ref(placed.firstDataRow, label, last, label),
    series: [
      {
        name: sb.ref(placed.headerRow, amount),
        values: sb.ref(placed.firstDataRow, amount, last, amount),
        as: "column",
        axis: "primary",
      },
      {
        name: sb.ref(placed.headerRow, cumul),
        values: sb.ref(placed.firstDataRow, cumul, last, cumul),
        as: "line",
        axis: "secondary",
      },
    ],
    anchor: charts.next(GRID_COLS, CHART_HEIGHT),
    valueFormat: sb.f.eur0,
    secondaryFormat: sb.f.pct,
    legend: "bottom",
  });
}

type TrendRow = { month: string; amount: number; previousYearAmount: number | null };

function trend(sb: SheetBuilder, charts: ChartPlacer): void {
  const sp6 = result(sb, SP6);
  const sp2 = result(sb, SP2);
  const months = new Set(monthsOf(sb.ctx.analysis.period));
  let rows: TrendRow[] = sp6.tables.byMonth.filter((r) => months.has(r.month));
  if (rows.length === 0) rows = sp2.tables.byMonth.map((r) => ({ ...r, previousYearAmount: null }));
  sb.cell(sb.cursor++, DATA_COL, textCell(text(sb.lang, "chartTrend")), "subtitle");
  if (rows.length === 0) {
    const reason = sp6.na ?? sp2.na;
    sb.note(
      reason
        ? naText(sb.lang, { id: sp6.na ? "SP6" : "SP2", na: reason })
        : text(sb.lang, "emptyTable"),
      DATA_COL
    );
    sb.cursor++;
    return;
  }
  const placed = sb.table(
    "tblTdbMois",
    sb.cursor,
    DATA_COL,
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
    anchor: charts.next(CHART_SLOT, CHART_HEIGHT),
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
  charts: ChartPlacer,
  ind: IndicatorResult<T>,
  mix: MixChart<T, K>
): void {
  const placed = indicatorTable(sb, ind, mix.tableKey, mix.tableName, mix.columns(sb.lang), {
    title: text(sb.lang, mix.titleKey),
    col: DATA_COL,
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
    anchor: charts.next(CHART_SLOT, CHART_HEIGHT),
    legend: "right",
  });
}

/** PNAD gauges: a half-doughnut-ready pair (rate reached, remainder) per RE1 and RE2. */
function gauges(sb: SheetBuilder, charts: ChartPlacer): void {
  const { lang } = sb;
  const present = (
    [
      [result(sb, RE1), "chartGaugeEnv"],
      [result(sb, RE2), "chartGaugeSocial"],
    ] as const
  ).map(([ind, title]) => ({ ind, title }));
  sb.cell(sb.cursor++, DATA_COL, text(lang, "gaugesTitle"), "subtitle");
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
      v === null ? null : formula(`=MAX(0,1-${a1(r, DATA_COL + 1)})`),
      ind.reference ? fraction(ind.reference.value) : null,
    ];
  });
  const placed = sb.rawTable("tblTdbJaugesPNAD", headerRow, DATA_COL, columns, rows);
  sb.cursor = placed.lastDataRow + 1;
  present.forEach(({ ind, title }, i) => {
    const r = headerRow + 1 + i;
    if (ind.value === null) {
      sb.note(naText(lang, ind), DATA_COL);
      return;
    }
    sb.chart({
      id: `gauge-${ind.id}`,
      type: "doughnut",
      title: ind.reference
        ? `${text(lang, title)} (${text(lang, "reference")} ${unitText(lang, ind.reference.unit, ind.reference.value)})`
        : text(lang, title),
      categories: sb.ref(headerRow, DATA_COL + 1, headerRow, DATA_COL + 2),
      series: [{ name: sb.ref(r, DATA_COL), values: sb.ref(r, DATA_COL + 1, r, DATA_COL + 2) }],
      anchor: charts.next(CHART_SLOT / 2, GAUGE_HEIGHT),
      legend: "none",
    });
  });
  sb.cursor++;
}
