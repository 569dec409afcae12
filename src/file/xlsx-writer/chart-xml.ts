/**
 * Native chart parts (xl/charts/chartN.xml, DrawingML charts) from a ChartSpec: bar, column,
 * line, pie, doughnut, radar, and the Pareto combo (columns on the primary axis, cumulative share
 * as a line on a secondary axis). Series point to sheet ranges (`<c:f>`), with caches of the
 * values the spec writes there, so that a reader that does not recalculate still draws them.
 * Colours are explicit (no theme part needed).
 */
import {
  isFormula,
  isText,
  type CellValue,
  type ChartSeries,
  type ChartSpec,
  type RangeRef,
} from "../../report/spec";
import type { Lang } from "../../report/labels";
import { escapeAttr, escapeXml, NS, numberText, rgb, XML_DECL } from "./xml";

export const PALETTE = [
  "#4472C4",
  "#ED7D31",
  "#A5A5A5",
  "#FFC000",
  "#5B9BD5",
  "#70AD47",
  "#264478",
  "#9E480E",
  "#636363",
  "#997300",
];

/** What a chart needs from the workbook: range text, cached values, number format. */
export interface ChartData {
  /** "'Tableau de bord'!$B$5:$B$9". */
  formula(ref: RangeRef): string;
  /** Values of the range, row by row. */
  values(ref: RangeRef): CellValue[];
  /** Number format of the range's first cell (undefined: General). */
  numFmt(ref: RangeRef): string | undefined;
}

function plain(v: CellValue): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (isFormula(v)) return null; // not computed here
  if (isText(v)) return v.value;
  return v;
}

function strCache(values: CellValue[]): string {
  let s = `<c:strCache><c:ptCount val="${values.length}"/>`;
  values.forEach((v, i) => {
    const p = plain(v);
    if (p !== null) s += `<c:pt idx="${i}"><c:v>${escapeXml(String(p))}</c:v></c:pt>`;
  });
  return s + `</c:strCache>`;
}

function numCache(values: CellValue[], format: string | undefined): string {
  let s = `<c:numCache><c:formatCode>${escapeXml(format ?? "General")}</c:formatCode><c:ptCount val="${values.length}"/>`;
  values.forEach((v, i) => {
    const p = plain(v);
    if (typeof p === "number" && Number.isFinite(p))
      s += `<c:pt idx="${i}"><c:v>${numberText(p)}</c:v></c:pt>`;
  });
  return s + `</c:numCache>`;
}

function seriesName(se: ChartSeries, data: ChartData): string {
  if (typeof se.name === "string") return `<c:tx><c:v>${escapeXml(se.name)}</c:v></c:tx>`;
  return `<c:tx><c:strRef><c:f>${escapeXml(data.formula(se.name))}</c:f>${strCache(data.values(se.name))}</c:strRef></c:tx>`;
}

function categories(chart: ChartSpec, data: ChartData): string {
  if (!chart.categories) return "";
  const values = data.values(chart.categories);
  const f = escapeXml(data.formula(chart.categories));
  const numeric = values.every((v) => v === null || typeof v === "number");
  if (numeric && values.some((v) => typeof v === "number")) {
    return `<c:cat><c:numRef><c:f>${f}</c:f>${numCache(values, data.numFmt(chart.categories))}</c:numRef></c:cat>`;
  }
  return `<c:cat><c:strRef><c:f>${f}</c:f>${strCache(values)}</c:strRef></c:cat>`;
}

/** Number format of numeric categories (months, dates), for the category axis labels. */
function categoryFormat(chart: ChartSpec, data: ChartData): string | undefined {
  if (!chart.categories) return undefined;
  const values = data.values(chart.categories);
  if (
    !values.some((v) => typeof v === "number") ||
    !values.every((v) => v === null || typeof v === "number")
  )
    return undefined;
  return data.numFmt(chart.categories);
}

function valuesXml(se: ChartSeries, data: ChartData): string {
  return `<c:val><c:numRef><c:f>${escapeXml(data.formula(se.values))}</c:f>${numCache(data.values(se.values), data.numFmt(se.values))}</c:numRef></c:val>`;
}

const solid = (color: string) => `<a:solidFill><a:srgbClr val="${rgb(color)}"/></a:solidFill>`;

function barSeries(se: ChartSeries, i: number, chart: ChartSpec, data: ChartData): string {
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${seriesName(se, data)}` +
    `<c:spPr>${solid(PALETTE[i % PALETTE.length])}</c:spPr><c:invertIfNegative val="0"/>` +
    categories(chart, data) +
    valuesXml(se, data) +
    `</c:ser>`
  );
}

function lineSeries(se: ChartSeries, i: number, chart: ChartSpec, data: ChartData): string {
  const color = PALETTE[i % PALETTE.length];
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${seriesName(se, data)}` +
    `<c:spPr><a:ln w="28575" cap="rnd">${solid(color)}<a:round/></a:ln></c:spPr>` +
    `<c:marker><c:symbol val="circle"/><c:size val="5"/><c:spPr>${solid(color)}</c:spPr></c:marker>` +
    categories(chart, data) +
    valuesXml(se, data) +
    `<c:smooth val="0"/></c:ser>`
  );
}

function pieSeries(se: ChartSeries, i: number, chart: ChartSpec, data: ChartData): string {
  const n = data.values(se.values).length;
  let points = "";
  for (let p = 0; p < n; p++) {
    points += `<c:dPt><c:idx val="${p}"/><c:bubble3D val="0"/><c:spPr>${solid(PALETTE[p % PALETTE.length])}<a:ln w="12700"><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:ln></c:spPr></c:dPt>`;
  }
  return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${seriesName(se, data)}${points}${categories(chart, data)}${valuesXml(se, data)}</c:ser>`;
}

function radarSeries(se: ChartSeries, i: number, chart: ChartSpec, data: ChartData): string {
  const color = PALETTE[i % PALETTE.length];
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${seriesName(se, data)}` +
    `<c:spPr><a:ln w="28575">${solid(color)}</a:ln></c:spPr>` +
    `<c:marker><c:symbol val="circle"/><c:size val="5"/><c:spPr>${solid(color)}</c:spPr></c:marker>` +
    categories(chart, data) +
    valuesXml(se, data) +
    `</c:ser>`
  );
}

const PERCENT_LABELS =
  `<c:dLbls><c:numFmt formatCode="0%" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/>` +
  `<c:showSerName val="0"/><c:showPercent val="1"/><c:showBubbleSize val="0"/><c:showLeaderLines val="1"/></c:dLbls>`;

interface AxisOptions {
  id: number;
  cross: number;
  pos: "b" | "l" | "r" | "t";
  format?: string;
  deleted?: boolean;
  crosses?: "autoZero" | "max";
  gridlines?: boolean;
  max?: number;
  min?: number;
}

function catAx(o: AxisOptions): string {
  const fmt = o.format
    ? `<c:numFmt formatCode="${escapeAttr(o.format)}" sourceLinked="0"/>`
    : `<c:numFmt formatCode="General" sourceLinked="1"/>`;
  return (
    `<c:catAx><c:axId val="${o.id}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="${o.deleted ? 1 : 0}"/>` +
    `<c:axPos val="${o.pos}"/>${fmt}<c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="${o.cross}"/><c:crosses val="${o.crosses ?? "autoZero"}"/><c:auto val="1"/>` +
    `<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`
  );
}

function valAx(o: AxisOptions): string {
  const scaling = `<c:scaling><c:orientation val="minMax"/>${o.max !== undefined ? `<c:max val="${o.max}"/>` : ""}${o.min !== undefined ? `<c:min val="${o.min}"/>` : ""}</c:scaling>`;
  const fmt = o.format
    ? `<c:numFmt formatCode="${escapeAttr(o.format)}" sourceLinked="0"/>`
    : `<c:numFmt formatCode="General" sourceLinked="1"/>`;
  return (
    `<c:valAx><c:axId val="${o.id}"/>${scaling}<c:delete val="${o.deleted ? 1 : 0}"/><c:axPos val="${o.pos}"/>` +
    (o.gridlines
      ? `<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>`
      : "") +
    `${fmt}<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${o.cross}"/><c:crosses val="${o.crosses ?? "autoZero"}"/><c:crossBetween val="between"/></c:valAx>`
  );
}

function titleXml(title: string, lang: Lang): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="${lang === "fr" ? "fr-FR" : "en-GB"}" sz="1200" b="1"/><a:t>${escapeXml(title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`
  );
}

const AX1 = 500000001;
const AX2 = 500000002;
const AX3 = 500000003;
const AX4 = 500000004;

/** The value axis bounds the spec fixes (radar 0–100 %: min 0, max 1). */
function bounds(chart: ChartSpec): { min?: number; max?: number } {
  const out: { min?: number; max?: number } = {};
  if (chart.valueAxis?.min !== undefined) out.min = chart.valueAxis.min;
  if (chart.valueAxis?.max !== undefined) out.max = chart.valueAxis.max;
  return out;
}

/** The plot area's chart groups and axes. */
function plotArea(chart: ChartSpec, data: ChartData): string {
  const series = chart.series;
  const catFormat = categoryFormat(chart, data);
  switch (chart.type) {
    case "bar":
    case "column": {
      const dir = chart.type === "bar" ? "bar" : "col";
      return (
        `<c:barChart><c:barDir val="${dir}"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
        series.map((s, i) => barSeries(s, i, chart, data)).join("") +
        `<c:gapWidth val="80"/><c:axId val="${AX1}"/><c:axId val="${AX2}"/></c:barChart>` +
        catAx({ id: AX1, cross: AX2, pos: dir === "bar" ? "l" : "b", format: catFormat }) +
        valAx({
          id: AX2,
          cross: AX1,
          pos: dir === "bar" ? "b" : "l",
          format: chart.valueFormat,
          gridlines: true,
          ...bounds(chart),
        })
      );
    }
    case "line":
      return (
        `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>` +
        series.map((s, i) => lineSeries(s, i, chart, data)).join("") +
        `<c:marker val="1"/><c:axId val="${AX1}"/><c:axId val="${AX2}"/></c:lineChart>` +
        catAx({ id: AX1, cross: AX2, pos: "b", format: catFormat }) +
        valAx({ id: AX2, cross: AX1, pos: "l", format: chart.valueFormat, gridlines: true, ...bounds(chart) })
      );
    case "pie":
      return `<c:pieChart><c:varyColors val="1"/>${series.map((s, i) => pieSeries(s, i, chart, data)).join("")}${PERCENT_LABELS}<c:firstSliceAng val="0"/></c:pieChart>`;
    case "doughnut":
      return (
        `<c:doughnutChart><c:varyColors val="1"/>${series.map((s, i) => pieSeries(s, i, chart, data)).join("")}${PERCENT_LABELS}` +
        `<c:firstSliceAng val="0"/><c:holeSize val="55"/></c:doughnutChart>`
      );
    case "radar":
      return (
        `<c:radarChart><c:radarStyle val="marker"/><c:varyColors val="0"/>` +
        series.map((s, i) => radarSeries(s, i, chart, data)).join("") +
        `<c:axId val="${AX1}"/><c:axId val="${AX2}"/></c:radarChart>` +
        catAx({ id: AX1, cross: AX2, pos: "b", format: catFormat }) +
        valAx({ id: AX2, cross: AX1, pos: "l", format: chart.valueFormat, gridlines: true, ...bounds(chart) })
      );
    case "combo-pareto": {
      const isLine = (s: ChartSeries) => s.as === "line" || s.axis === "secondary";
      const columns = series.map((s, i) => ({ s, i })).filter(({ s }) => !isLine(s));
      const lines = series.map((s, i) => ({ s, i })).filter(({ s }) => isLine(s));
      const percent = chart.secondaryFormat !== undefined && chart.secondaryFormat.includes("%");
      return (
        `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
        columns.map(({ s, i }) => barSeries(s, i, chart, data)).join("") +
        `<c:gapWidth val="60"/><c:axId val="${AX1}"/><c:axId val="${AX2}"/></c:barChart>` +
        `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>` +
        lines.map(({ s, i }) => lineSeries(s, i, chart, data)).join("") +
        `<c:marker val="1"/><c:axId val="${AX3}"/><c:axId val="${AX4}"/></c:lineChart>` +
        catAx({ id: AX1, cross: AX2, pos: "b", format: catFormat }) +
        valAx({ id: AX2, cross: AX1, pos: "l", format: chart.valueFormat, gridlines: true, ...bounds(chart) }) +
        catAx({ id: AX3, cross: AX4, pos: "b", deleted: true }) +
        valAx({
          id: AX4,
          cross: AX3,
          pos: "r",
          format: chart.secondaryFormat,
          crosses: "max",
          ...(percent ? { min: 0, max: 1 } : {}),
        })
      );
    }
  }
}

export function chartXml(chart: ChartSpec, data: ChartData, lang: Lang): string {
  const legend =
    chart.legend === "none"
      ? ""
      : `<c:legend><c:legendPos val="${chart.legend === "right" ? "r" : "b"}"/><c:overlay val="0"/></c:legend>`;
  return (
    XML_DECL +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<c:date1904 val="0"/><c:lang val="${lang === "fr" ? "fr-FR" : "en-GB"}"/><c:roundedCorners val="0"/>` +
    `<c:chart>${titleXml(chart.title, lang)}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plotArea(chart, data)}</c:plotArea>` +
    `${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}
