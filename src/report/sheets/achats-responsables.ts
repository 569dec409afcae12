/**
 * Achats responsables (SPEC §5): RE1–RE8 against their targets (PNAD, OECP, SPASER), with the gap
 * as a live formula and a chart of value vs reference, then the per-entity tables.
 */
import { RE1, RE2, RE3, RE4, RE5, RE6 } from "../../core/indicators/registry";
import type { EntityRateRow } from "../../core/indicators/responsible";
import { a1 } from "../a1";
import { formula, fraction, textCell, unitFormat, unitValue } from "../cells";
import { coverageWords, message, periodTitle, referenceLabel, statusText, text } from "../labels";
import {
  indicatorTable,
  labelOf,
  SheetBuilder,
  type BuildContext,
  type ColumnDef,
} from "../layout";
import type { CellValue, SheetSpec, TableColumn } from "../spec";
import { groupIndicators, result, statusFormats } from "./common";
import { printBand } from "./print-band";
import { agecSection, agecUnclassifiedSection, egalimSection } from "./responsible-duties";

/**
 * Widths of the printed columns A–I (194 characters, printed at ≥ 72 % on A4 landscape): A id,
 * entity or year · B indicator, category or entity (wrapped) · C–F values and amounts (16: a
 * « 16 787 655,00 € » fits) · G reference or status (wrapped) · H · I the N/A reason or source
 * (wrapped). The columns after I (coverage, AGEC and EGalim details) are on screen only.
 */
export const RESP_PRINT_WIDTHS = [22, 34, 16, 16, 16, 16, 28, 16, 30] as const;

const ENTITY_RATE_COLUMNS: ColumnDef<EntityRateRow>[] = [
  { key: "entity", header: "entity", kind: "text", width: 24 },
  { key: "contracts", header: "contracts", kind: "int" },
  { key: "withProperty", header: "withProperty", kind: "int" },
  { key: "countShare", header: "countShare", kind: "pct" },
  { key: "amount", header: "amount", kind: "eur" },
  { key: "amountWithProperty", header: "amountWithProperty", kind: "eur" },
  { key: "valueShare", header: "valueShare", kind: "pct" },
];

export function buildAchatsResponsables(ctx: BuildContext): SheetSpec {
  const sb = new SheetBuilder(ctx, "responsable", "replace");
  const { analysis, lang } = ctx;
  sb.tabColor = "#548235";
  sb.header(`${text(lang, "responsibleTitle")} — ${periodTitle(lang, analysis.period)}`);
  sb.section(text(lang, "summary"));

  const inds = groupIndicators(sb, "RE");
  const top = sb.cursor;
  const columns: TableColumn[] = [
    { key: "id", header: sb.h("id"), width: 7 },
    { key: "indicator", header: sb.h("indicator"), width: 44, wrap: true },
    { key: "value", header: sb.h("value"), width: 16 },
    { key: "referenceValue", header: sb.h("referenceValue"), width: 16 },
    { key: "gap", header: sb.h("gap"), width: 16 },
    { key: "status", header: sb.h("status"), width: 13 },
    { key: "reference", header: sb.h("reference"), width: 40, wrap: true },
    { key: "benchmark", header: sb.h("benchmark"), width: 14 },
    { key: "naReason", header: sb.h("naReason"), width: 50, wrap: true },
    // After the printed band: on screen only.
    { key: "coverage", header: sb.h("coverage"), width: 24 },
  ];
  const formats: { row: number; key: string; numberFormat: string }[] = [];
  const cells: CellValue[][] = inds.map((ind, i) => {
    const r = top + 1 + i;
    const fmt = unitFormat(lang, ind.unit, false);
    for (const key of ["value", "referenceValue", "gap"])
      formats.push({ row: i, key, numberFormat: fmt });
    formats.push({ row: i, key: "benchmark", numberFormat: sb.f.pct });
    const comparable =
      ind.value !== null && ind.reference !== null && ind.reference.unit === ind.unit;
    const bench = typeof ind.details.oecpBenchmark === "number" ? ind.details.oecpBenchmark : null;
    return [
      ind.id,
      textCell(labelOf(ctx, ind)),
      unitValue(ind.unit, ind.value),
      comparable ? unitValue(ind.unit, ind.reference!.value) : null,
      comparable ? formula(`=${a1(r, 2)}-${a1(r, 3)}`) : null,
      ind.value === null ? text(lang, "na") : statusText(lang, ind.status) || null,
      ind.reference
        ? textCell(`${referenceLabel(lang, ind.reference)} — ${ind.reference.source}`)
        : null,
      fraction(bench),
      ind.value === null && ind.na ? textCell(message(lang, ind.na)) : null,
      textCell(coverageWords(lang, ind.coverage)),
    ];
  });
  const placed = sb.rawTable(
    "tblRespSynthese",
    top,
    0,
    columns,
    cells,
    "TableStyleMedium7",
    formats
  );
  statusFormats(sb, placed, "status");
  sb.cursor = placed.lastDataRow + 2;

  // Chart: % indicators with a % reference (value vs reference), rows kept in table order. A
  // chart range is contiguous: the first run of % rows (RE1–RE5; RE6 is in euros, RE7–RE8
  // follow it and have their own tables below).
  const allPct = inds.map((ind, i) => ({ ind, i })).filter(({ ind }) => ind.unit === "%");
  const pctRows = allPct.filter((_, k) =>
    allPct.slice(0, k + 1).every((x, j) => x.i === allPct[0].i + j)
  );
  if (pctRows.length > 0 && pctRows.some(({ ind }) => ind.value !== null)) {
    const first = placed.firstDataRow + pctRows[0].i;
    const last = placed.firstDataRow + pctRows[pctRows.length - 1].i;
    sb.chart({
      id: "responsible",
      type: "column",
      title: text(lang, "chartResponsible"),
      categories: sb.ref(first, 0, last, 0),
      series: [2, 3].map((c) => ({
        name: sb.ref(placed.headerRow, c),
        values: sb.ref(first, c, last, c),
      })),
      anchor: { row: sb.cursor, col: 0, widthCols: 6, heightRows: 14 },
      valueFormat: sb.f.pct,
      legend: "bottom",
    });
    sb.cursor += 15;
  }

  for (const def of [RE1, RE2, RE3]) {
    const ind = result(sb, def);
    sb.section(`${ind.id} · ${labelOf(ctx, ind)}`);
    indicatorTable(sb, ind, "byEntity", `tblResp${ind.id}Entites`, ENTITY_RATE_COLUMNS);
  }
  const re4 = result(sb, RE4);
  sb.section(`RE4 · ${labelOf(ctx, re4)}`);
  indicatorTable(sb, re4, "byEntity", "tblRespRE4Entites", [
    { key: "entity", header: "entity", kind: "text", width: 24 },
    { key: "departement", header: "departement", kind: "text", width: 12 },
    { key: "lines", header: "lines", kind: "int" },
    { key: "spend", header: "spend", kind: "eur" },
    { key: "localSpend", header: "localSpend", kind: "eur" },
    { key: "localShare", header: "localSharePercent", kind: "pct" },
  ]);
  const re5 = result(sb, RE5);
  sb.section(`RE5 · ${labelOf(ctx, re5)}`);
  indicatorTable(sb, re5, "suppliers", "tblRespRE5Fournisseurs", [
    { key: "supplier", header: "supplier", kind: "text", width: 30 },
    { key: "lines", header: "lines", kind: "int" },
    { key: "spend", header: "spend", kind: "eur" },
    { key: "share", header: "share", kind: "pct" },
  ]);
  const re6 = result(sb, RE6);
  sb.section(`RE6 · ${labelOf(ctx, re6)}`);
  indicatorTable(sb, re6, "byEntityYear", "tblRespRE6Spaser", [
    { key: "entity", header: "entity", kind: "text", width: 24 },
    { key: "year", header: "year", kind: "year", width: 8 },
    { key: "yearComplete", header: "yearComplete", kind: "bool" },
    { key: "spend", header: "spend", kind: "eur" },
    { key: "threshold", header: "threshold", kind: "eur" },
    { key: "obligation", header: "obligation", kind: "bool" },
  ]);
  // Yearly duties (issue #14): AGEC art. 58, EGalim.
  agecSection(sb);
  egalimSection(sb);
  // The AGEC lines no rule classified: last, below the printed rows.
  const detail = agecUnclassifiedSection(sb);
  sb.frozen = { rows: 2, cols: 0 };
  printBand(sb, RESP_PRINT_WIDTHS, detail === null ? {} : { lastRow: detail - 1 });
  return sb.build();
}
