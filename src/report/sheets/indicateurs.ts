/**
 * Indicateurs (the method sheet): every indicator of the registry in SPEC order — group, label,
 * headline value and unit, definition, computation, legal or statistical source, how to improve
 * it — in the workbook language. Generated from the registry: a new indicator appears here
 * without touching this builder.
 */
import { INDICATORS } from "../../core/indicators/registry";
import { GROUP_LABELS, pick, text, UNIT_LABELS } from "../labels";
import { SheetBuilder, type BuildContext, type ColumnDef } from "../layout";
import type { RangeRef, SheetSpec } from "../spec";
import { printBand } from "./print-band";

/** Header row of the Indicateurs table (title, stamp, note, blank, then the table). */
export const INDICATEURS_HEADER_ROW = 5;

/** The card (row) of an indicator on the Indicateurs sheet, for hyperlinks; null when unknown. */
export function indicatorCard(id: string): RangeRef | null {
  const i = INDICATORS.findIndex((d) => d.id === id);
  if (i < 0) return null;
  const r = INDICATEURS_HEADER_ROW + 1 + i;
  return { sheet: "indicateurs", range: { r1: r, c1: 0, r2: r, c2: 0 } };
}

type IndicatorDocRow = {
  id: string;
  group: string;
  indicator: string;
  headline: string;
  unit: string;
  definition: string;
  computation: string;
  source: string;
  howToImprove: string;
};

const COLUMNS: ColumnDef<IndicatorDocRow>[] = [
  { key: "id", header: "id", kind: "text", width: 7 },
  { key: "group", header: "group", kind: "text", width: 16 },
  { key: "indicator", header: "indicator", kind: "text", width: 36, wrap: true },
  { key: "unit", header: "unit", kind: "text", width: 10 },
  { key: "definition", header: "definition", kind: "text", width: 50, wrap: true },
  { key: "computation", header: "computation", kind: "text", width: 60, wrap: true },
  { key: "source", header: "legalSource", kind: "text", width: 44, wrap: true },
  { key: "howToImprove", header: "howToImprove", kind: "text", width: 50, wrap: true },
  // After the printed band: on screen only (the Synthèse and the sheets print the headlines).
  { key: "headline", header: "headline", kind: "text", width: 30, wrap: true },
];

/**
 * Widths of the printed columns A–H (198 characters, ≥ 72 % on A4 landscape): id, group,
 * indicator, unit, definition, computation, source, how to improve (texts wrapped).
 */
export const INDICATORS_PRINT_WIDTHS = [7, 12, 24, 9, 38, 44, 30, 34] as const;

export function buildIndicateurs(ctx: BuildContext): SheetSpec {
  const sb = new SheetBuilder(ctx, "indicateurs", "replace");
  const { lang } = ctx;
  sb.tabColor = "#7F7F7F";
  sb.header(text(lang, "indicatorsTitle"));
  sb.note(text(lang, "indicatorsNote"));
  sb.cursor = INDICATEURS_HEADER_ROW;
  const rows: IndicatorDocRow[] = INDICATORS.map((d) => ({
    id: d.id,
    group: pick(lang, GROUP_LABELS[d.group]),
    indicator: d.label[lang],
    headline: d.headline[lang],
    unit: pick(lang, UNIT_LABELS[d.unit]),
    definition: d.doc.definition[lang],
    computation: d.doc.formula[lang],
    source: d.doc.source[lang],
    howToImprove: d.doc.howToImprove[lang],
  }));
  const placed = sb.table("tblIndicateurs", sb.cursor, 0, COLUMNS, rows, "TableStyleLight9");
  sb.frozen = { rows: placed.headerRow + 1, cols: 1 };
  printBand(sb, INDICATORS_PRINT_WIDTHS);
  return sb.build();
}
