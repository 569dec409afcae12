/** Helpers shared by the sheet builders: indicator summary tables, status styles (tiles: ./dashboard.ts). */
import type { IndicatorDefinition } from "../../core/indicators/definition";
import { resultOf } from "../../core/indicators/registry";
import type { IndicatorResult, Status, Tables } from "../../core/indicators/types";
import { textCell, unitFormat, unitText, unitValue } from "../cells";
import { coverageWords, message, referenceLabel, statusText, text } from "../labels";
import { labelOf, type PlacedTable, type SheetBuilder } from "../layout";
import type { CellValue, StyleName, TableColumn } from "../spec";
import { indicatorCard } from "./indicateurs";

export function statusStyle(status: Status | null): StyleName {
  if (status === "good") return "kpiGood";
  if (status === "watch") return "kpiWatch";
  if (status === "alert") return "kpiAlert";
  return "kpiNeutral";
}

/** The indicator with this id if the analysis has it (untyped tables: prefer `result`). */
export function maybeIndicator(sb: SheetBuilder, id: string): IndicatorResult | null {
  return sb.ctx.analysis.indicators.find((i) => i.id === id) ?? null;
}

/**
 * The typed result of an indicator in the analysis. analyse() computes every registry indicator,
 * so an absent one is a programming error (thrown, as `indicator()` does).
 */
export function result<T extends Tables>(
  sb: SheetBuilder,
  def: IndicatorDefinition<T>
): IndicatorResult<T> {
  const found = resultOf(sb.ctx.analysis, def);
  if (!found) throw new Error(`Indicateur absent de l'analyse : ${def.id}`);
  return found;
}

export function referenceText(sb: SheetBuilder, ind: IndicatorResult): string {
  if (!ind.reference) return "";
  const sep = sb.lang === "fr" ? " : " : ": ";
  return `${text(sb.lang, "reference")}${sep}${referenceLabel(sb.lang, ind.reference)} (${unitText(sb.lang, ind.reference.unit, ind.reference.value)})`;
}

/**
 * A table summarising indicators: id, label, value (format by unit), status, reference, reference
 * value, coverage, N/A reason. Values of N/A indicators are empty cells with the reason beside.
 */
export function summaryTable(
  sb: SheetBuilder,
  name: string,
  inds: IndicatorResult[],
  row = sb.cursor,
  col = 0
): PlacedTable {
  const lang = sb.lang;
  const columns: TableColumn[] = [
    { key: "id", header: sb.h("id"), width: 7 },
    { key: "indicator", header: sb.h("indicator"), width: 46, wrap: true },
    // The value's number format carries its unit (€, %, j, €/hab.): no unit column beside it.
    { key: "value", header: sb.h("value"), width: 16 },
    { key: "status", header: sb.h("status"), width: 13 },
    { key: "reference", header: sb.h("reference"), width: 40, wrap: true },
    { key: "referenceValue", header: sb.h("referenceValue"), width: 16 },
    { key: "coverage", header: sb.h("coverage"), width: 28 },
    { key: "naReason", header: sb.h("naReason"), width: 50, wrap: true },
  ];
  const formats: { row: number; key: string; numberFormat: string }[] = [];
  const rows: CellValue[][] = inds.map((ind, i) => {
    formats.push({ row: i, key: "value", numberFormat: unitFormat(lang, ind.unit, false) });
    if (ind.reference)
      formats.push({
        row: i,
        key: "referenceValue",
        numberFormat: unitFormat(lang, ind.reference.unit, false),
      });
    return [
      ind.id,
      textCell(labelOf(sb.ctx, ind)),
      unitValue(ind.unit, ind.value),
      ind.value === null ? text(lang, "na") : statusText(lang, ind.status) || null,
      ind.reference ? textCell(referenceLabel(lang, ind.reference)) : null,
      ind.reference ? unitValue(ind.reference.unit, ind.reference.value) : null,
      textCell(coverageWords(lang, ind.coverage)),
      ind.value === null && ind.na ? textCell(message(lang, ind.na)) : null,
    ];
  });
  const placed = sb.rawTable(name, row, col, columns, rows, "TableStyleMedium2", formats);
  statusFormats(sb, placed, "status");
  // Each id opens the indicator's card on the Indicateurs sheet (issue #12).
  inds.forEach((ind, i) => {
    const card = indicatorCard(ind.id);
    if (card) sb.link(placed.firstDataRow + i, col, card);
  });
  sb.cursor = placed.lastDataRow + 2;
  return placed;
}

/** Colours the status column of a table (Bon / À surveiller / Alerte). */
export function statusFormats(sb: SheetBuilder, placed: PlacedTable, key: string): void {
  const range = placed.columnRange(key);
  const lang = sb.lang;
  const rules: [string, StyleName][] = [
    [text(lang, "statusGood"), "kpiGood"],
    [text(lang, "statusWatch"), "kpiWatch"],
    [text(lang, "statusAlert"), "kpiAlert"],
  ];
  for (const [word, style] of rules) {
    sb.highlightText(range, word, style);
  }
}

/** Indicators of one group, in analysis order. */
export function groupIndicators(
  sb: SheetBuilder,
  group: IndicatorResult["group"]
): IndicatorResult[] {
  return sb.ctx.analysis.indicators.filter((i) => i.group === group);
}
