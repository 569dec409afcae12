/**
 * The pane's KPI tiles from indicator results: label from the registry, value and reference in
 * words, N/A reason rendered by the message catalogue in the pane's language.
 */
import type { IndicatorResult } from "../core/indicators/types";
import { unitText } from "../core/messages/format";
import { indicatorLabel, message, referenceLabel, text, type Lang } from "../report/labels";
import type { Kpi } from "./jobs";

export function kpiOf(lang: Lang, ind: IndicatorResult): Kpi {
  const ref = ind.reference;
  return {
    id: ind.id,
    label: indicatorLabel(lang, ind),
    value: ind.value,
    unit: ind.unit,
    valueText: ind.value === null ? text(lang, "na") : unitText(lang, ind.unit, ind.value),
    status: ind.status,
    referenceText: ref
      ? `${referenceLabel(lang, ref)}${lang === "fr" ? " : " : ": "}${unitText(lang, ref.unit, ref.value)}`
      : "",
    na: ind.na === null ? null : message(lang, ind.na),
  };
}
