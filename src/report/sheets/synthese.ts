/**
 * Synthèse (issue #12, item 3): one A4 portrait page for élus — the stamp (collectivité, period,
 * data range, run date), the 6–8 key figures as tiles, four charts (fed by the dashboard's data
 * tables), and a comment box for the director (an input cell, kept from one run to the next).
 * Printed fitted to one page.
 */
import { textCell, unitText } from "../cells";
import { type Pair, periodTitle, pick, statusText, text } from "../labels";
import { SheetBuilder, stampLine, type BuildContext } from "../layout";
import { SYNTHESE_COMMENT_LABELS } from "../input-layout";
import { cellKey, writtenCells } from "../grid";
import { isFormula, type CellValue, type ChartSpec, type RangeRef, type SheetSpec } from "../spec";
import { drawTile, tileModel, type TileModel } from "./dashboard";
import { ALERTS_TILE, DASHBOARD_TILES, SYNTHESE_TILES, tileDef } from "./tiles";

/** The page grid: 8 columns of equal width (88 characters: A4 portrait). */
export const SYNTHESE_COLS = 8;
const COL_WIDTH = 11;
const TILE_SPAN = 2;
const TILES_PER_ROW = SYNTHESE_COLS / TILE_SPAN;
const MAX_TILES = 8;
const CHART_HEIGHT = 13;
/** Families in the half-page Pareto (the dashboard shows more). */
const PARETO_BARS = 6;
/** Rows of the director's comment box. */
const COMMENT_ROWS = 6;

/** Charts of the dashboard shown on the Synthèse, in order (the others fill in when one is missing). */
const CHART_IDS = ["trend", "pareto", "channels", "procedures"];
/** First column of the charts' data, copied from the dashboard right of the printed page. */
const DATA_COL = SYNTHESE_COLS + 2;

const TEXTS = {
  title: ["Synthèse des achats", "Purchasing summary"],
  keyFigures: ["Chiffres clés", "Key figures"],
  charts: ["En images", "At a glance"],
  comment: SYNTHESE_COMMENT_LABELS,
  commentHelp: [
    "Zone de saisie (fond jaune) : le commentaire du directeur ou de la directrice, conservé d'une analyse à la suivante.",
    "Input area (yellow): the director's comment, kept from one analysis to the next.",
  ],
  dashboardLink: ["Tableau de bord détaillé ›", "Detailed dashboard ›"],
  topFamilies: ["Premières familles d'achat (dépense HT)", "Top purchasing families (spend)"],
} as const satisfies Record<string, Pair>;

function t(lang: BuildContext["lang"], key: keyof typeof TEXTS): string {
  return pick(lang, TEXTS[key]);
}

/** The key figures: the Synthèse list, computed ones first; dashboard tiles fill up to MAX_TILES. */
function keyFigures(sb: SheetBuilder): TileModel[] {
  const out: TileModel[] = [];
  const ids = [...SYNTHESE_TILES, ...DASHBOARD_TILES.map((d) => d.id)];
  const seen = new Set<string>();
  for (const id of ids) {
    if (out.length >= MAX_TILES || seen.has(id)) continue;
    seen.add(id);
    const def = tileDef(id);
    const m = def ? tileModel(sb, def) : null;
    if (m && m.value !== null) out.push(m);
  }
  return out;
}

/** A short reference line for the small tiles: "Bon · réf. 30,0 %" (or the signals count note). */
function shortReference(sb: SheetBuilder, m: TileModel): string {
  if (m.id === ALERTS_TILE) return text(sb.lang, "signalsNote");
  const ind = sb.ctx.analysis.indicators.find((x) => x.id === m.id);
  const parts = [statusText(sb.lang, m.status)];
  if (ind?.reference)
    parts.push(
      `${text(sb.lang, "reference").toLowerCase()} ${unitText(sb.lang, ind.reference.unit, ind.reference.value)}`
    );
  return parts.filter((x) => x !== "").join(" · ");
}

/** A chart cut to its first n categories (categories and every series). */
function firstBars(c: ChartSpec, n: number): ChartSpec {
  const cut = <T extends { range: { r1: number; r2: number } }>(ref: T): T => ({
    ...ref,
    range: { ...ref.range, r2: Math.min(ref.range.r2, ref.range.r1 + n - 1) },
  });
  return {
    ...c,
    ...(c.categories ? { categories: cut(c.categories) } : {}),
    series: c.series.map((s) => ({ ...s, values: cut(s.values) })),
  };
}

/**
 * The chart fed by a copy of its data on this sheet (right of the printed page): a chart never
 * points at another sheet, which the renderers may not have written yet. Each range (categories,
 * series name and values) becomes one column of values, from row 3.
 */
function ownData(
  sb: SheetBuilder,
  c: ChartSpec,
  from: SheetSpec,
  dataCol: { next: number }
): ChartSpec {
  const cells = writtenCells(from);
  const copy = (ref: RangeRef): RangeRef => {
    const r = ref.range;
    const values: CellValue[][] = [];
    for (let row = r.r1; row <= r.r2; row++)
      for (let col = r.c1; col <= r.c2; col++) {
        const v = cells.get(cellKey(row, col)) ?? null;
        values.push([isFormula(v) ? null : v]);
      }
    // Horizontal bars are drawn from the bottom up: the largest first means last in the data.
    if (c.type === "bar" && r.r2 > r.r1) values.reverse();
    const col = dataCol.next++;
    // The source table column's number format (months, euros, percentages).
    const table = from.tables.find(
      (t) =>
        r.c1 >= t.col &&
        r.c1 < t.col + t.columns.length &&
        r.r1 >= t.row &&
        r.r1 <= t.row + Math.max(1, t.rows.length)
    );
    const numberFormat = table?.columns[r.c1 - table.col].numberFormat;
    sb.block(DATA_ROW, col, values, numberFormat ? { numberFormat } : {});
    sb.width(col, 14);
    return sb.ref(DATA_ROW, col, DATA_ROW + values.length - 1, col);
  };
  return {
    ...c,
    ...(c.categories ? { categories: copy(c.categories) } : {}),
    series: c.series.map((s) => ({
      ...s,
      name: typeof s.name === "string" ? s.name : copy(s.name),
      values: copy(s.values),
    })),
  };
}

/** First row of the copied chart data. */
const DATA_ROW = 3;

/**
 * The Pareto as horizontal bars of the first n families (their labels read across, which a
 * half-page column chart cannot do), without the cumulative line.
 */
function topFamilies(c: ChartSpec, n: number, lang: BuildContext["lang"]): ChartSpec {
  const cut = firstBars(c, n);
  const out: ChartSpec = {
    ...cut,
    type: "bar",
    title: t(lang, "topFamilies"),
    series: cut.series
      .filter((s) => s.axis !== "secondary")
      .map((s) => ({ name: s.name, values: s.values })),
    legend: "none",
  };
  delete out.secondaryFormat;
  return out;
}

export function buildSynthese(ctx: BuildContext, dashboard: SheetSpec): SheetSpec {
  const sb = new SheetBuilder(ctx, "synthese", "replace");
  const { lang, analysis } = ctx;
  sb.tabColor = "#1F3864";
  for (let c = 0; c < SYNTHESE_COLS; c++) sb.widths.set(c, COL_WIDTH);
  // Title, the stamp line of every sheet (sources, period and data range, parameters, run date,
  // version), then the collectivité.
  sb.span(0, 0, textCell(`${t(lang, "title")} — ${periodTitle(lang, analysis.period)}`), "title", SYNTHESE_COLS);
  if (analysis.organisation)
    sb.span(2, 0, textCell(analysis.organisation), "subtitle", SYNTHESE_COLS - 3);
  const stampText = stampLine(ctx);
  sb.span(1, 0, textCell(stampText), "stampWrap", SYNTHESE_COLS);
  sb.span(2, SYNTHESE_COLS - 3, t(lang, "dashboardLink"), "link", 3);
  sb.link(2, SYNTHESE_COLS - 3, { sheet: "dashboard", range: { r1: 0, c1: 0, r2: 0, c2: 0 } });
  sb.cursor = 3;

  // Key figures
  sb.section(t(lang, "keyFigures"), 0, SYNTHESE_COLS);
  const figures = keyFigures(sb);
  let row = sb.cursor;
  figures.forEach((m, i) => {
    const col = (i % TILES_PER_ROW) * TILE_SPAN;
    if (i > 0 && col === 0) row += 5;
    drawTile(sb, row, col, TILE_SPAN, { ...m, reference: shortReference(sb, m) });
  });
  sb.cursor = figures.length > 0 ? row + 5 : row;

  // Charts: the dashboard's, re-anchored two by two (their data stay on the dashboard).
  const charts = CHART_IDS.map((id) => dashboard.charts.find((c) => c.id === id)).filter(
    (c): c is ChartSpec => c !== undefined
  );
  if (charts.length > 0) {
    sb.section(t(lang, "charts"), 0, SYNTHESE_COLS);
    const top = sb.cursor;
    const dataCol = { next: DATA_COL };
    charts.slice(0, 4).forEach((c, i) => {
      const anchor = {
        row: top + Math.floor(i / 2) * (CHART_HEIGHT + 1),
        col: (i % 2) * (SYNTHESE_COLS / 2),
        widthCols: SYNTHESE_COLS / 2,
        heightRows: CHART_HEIGHT,
      };
      const chart = c.id === "pareto" ? topFamilies(c, PARETO_BARS, lang) : c;
      sb.chart({
        ...ownData(sb, chart, dashboard, dataCol),
        id: `synthese-${c.id}`,
        anchor,
        // Half a page wide: the legend goes below the chart.
        legend: chart.legend === "right" ? "bottom" : chart.legend,
      });
    });
    sb.cursor = top + Math.ceil(Math.min(4, charts.length) / 2) * (CHART_HEIGHT + 1);
  }

  // The director's comment: one input cell merged over the page width.
  sb.section(t(lang, "comment"), 0, SYNTHESE_COLS);
  sb.span(sb.cursor, 0, t(lang, "commentHelp"), "tileNote", SYNTHESE_COLS);
  const top = sb.cursor;
  const comment = ctx.inputs.synthesisComment ?? null;
  sb.block(
    top,
    0,
    Array.from({ length: COMMENT_ROWS }, (_, r) =>
      Array.from({ length: SYNTHESE_COLS }, (_, c) =>
        r === 0 && c === 0 ? textCell(comment) : null
      )
    ),
    { style: "input" }
  );
  sb.merges.push({ r1: top, c1: 0, r2: top + COMMENT_ROWS - 1, c2: SYNTHESE_COLS - 1 });
  sb.inputs.push({
    range: { r1: top, c1: 0, r2: top, c2: 0 },
    section: "synthese",
    field: "comment",
  });
  sb.cursor = top + COMMENT_ROWS;

  sb.print({
    orientation: "portrait",
    titleRow: null,
    fitToHeight: 1,
    lastColumn: SYNTHESE_COLS - 1,
  });
  return sb.build();
}
