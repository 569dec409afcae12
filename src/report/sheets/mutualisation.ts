/**
 * Mutualisation (SPEC §5): MU1–MU6 summary, channel mix (with a chart), pooling candidates,
 * savings scenarios on addressable spend (savings as live formulas: rate × addressable spend),
 * addressable spend by family, shared suppliers, price dispersion, pooled thresholds.
 */
import type { ScenarioRow } from "../../core/indicators/mu/mu3";
import { MU1, MU2, MU3, MU4, MU5, MU6 } from "../../core/indicators/registry";
import { a1 } from "../a1";
import { formula, fraction, textCell } from "../cells";
import {
  CHANNEL_LABELS,
  message,
  naText,
  natureText,
  periodTitle,
  pick,
  SCENARIO_LABELS,
  text,
} from "../labels";
import { indicatorTable, labelOf, SheetBuilder, type BuildContext } from "../layout";
import { msg } from "../../core/messages/render";
import { LONG_TABLE_ROWS } from "../print";
import type { CellValue, SheetSpec, TableColumn } from "../spec";
import { groupIndicators, result, summaryTable } from "./common";
import { defsFirst, printBand } from "./print-band";

/**
 * Widths of the printed columns A–H (174 characters, printed at ≥ 72 % on A4 landscape): A a
 * family key, channel, supplier or item · B its label (wrapped) · C, D amounts and counts ·
 * E the wide wrapped column (reference, consequence, scenario source) · F–H amounts, counts and
 * the pie of the channels. Detail columns after H (lists of entities…) are on screen only.
 */
export const MUTU_PRINT_WIDTHS = [24, 30, 16, 16, 32, 16, 16, 24] as const;

export function buildMutualisation(ctx: BuildContext): SheetSpec {
  const sb = new SheetBuilder(ctx, "mutualisation", "replace");
  const { analysis, lang } = ctx;
  sb.tabColor = "#70AD47";
  sb.header(`${text(lang, "mutualisationTitle")} — ${periodTitle(lang, analysis.period)}`);
  sb.section(text(lang, "summary"));
  summaryTable(sb, "tblMutuSynthese", groupIndicators(sb, "MU"));

  const mu1 = result(sb, MU1);
  sb.section(`MU1 · ${labelOf(ctx, mu1)}`);
  const placed = indicatorTable(sb, mu1, "byChannel", "tblMutuCanaux", [
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
  ]);
  if (placed && placed.spec.rows.length > 0) {
    const label = placed.colOf("channel");
    const amount = placed.colOf("amount");
    sb.chart({
      id: "channels",
      type: "pie",
      title: text(lang, "chartChannels"),
      categories: sb.ref(placed.firstDataRow, label, placed.lastDataRow, label),
      series: [
        {
          name: sb.ref(placed.headerRow, amount),
          values: sb.ref(placed.firstDataRow, amount, placed.lastDataRow, amount),
        },
      ],
      // Inside the printed band (columns E–H), beside the table.
      anchor: { row: placed.headerRow, col: 4, widthCols: 4, heightRows: 12 },
      legend: "right",
    });
    sb.cursor = Math.max(sb.cursor, placed.headerRow + 13);
  }

  const mu2 = result(sb, MU2);
  sb.section(`MU2 · ${labelOf(ctx, mu2)}`);
  indicatorTable(
    sb,
    mu2,
    "candidates",
    "tblMutuCandidates",
    defsFirst(
      [
        { key: "familyKey", header: "familyKey", kind: "text", width: 14 },
        { key: "familyLabel", header: "familyLabel", kind: "text", width: 28 },
        { key: "entityCount", header: "entityCount", kind: "int" },
        { key: "entities", header: "entities", kind: "text", width: 40 },
        { key: "supplierCount", header: "supplierCount", kind: "int" },
        { key: "lines", header: "lines", kind: "int" },
        { key: "amount", header: "amount", kind: "eur" },
        { key: "pooledAmount", header: "pooledAmount", kind: "eur" },
        { key: "partlyPooled", header: "partlyPooled", kind: "bool" },
      ],
      // The entities' list (a dozen names wrapped: rows many lines tall) after the printed band.
      [
        "familyKey",
        "familyLabel",
        "entityCount",
        "amount",
        "pooledAmount",
        "supplierCount",
        "lines",
        "partlyPooled",
      ]
    )
  );

  const mu3 = result(sb, MU3);
  sb.section(`MU3 · ${labelOf(ctx, mu3)}`);
  if (mu3.value === null) {
    sb.note(naText(lang, mu3));
    sb.cursor++;
  } else {
    scenarios(sb, mu3.value, mu3.tables.scenarios);
    indicatorTable(sb, mu3, "byFamily", "tblMutuAdressable", [
      { key: "familyKey", header: "familyKey", kind: "text", width: 14 },
      { key: "familyLabel", header: "familyLabel", kind: "text", width: 28 },
      { key: "addressableAmount", header: "addressableAmount", kind: "eur" },
      { key: "centralSavings", header: "centralSavings", kind: "eur" },
    ]);
  }

  const mu4 = result(sb, MU4);
  const mu4Title = `MU4 · ${labelOf(ctx, mu4)}`;
  sb.section(mu4Title);
  const mu4DetailTitle = message(lang, msg("print.detailTitle", { title: mu4Title }));
  const sharedSuppliers = () =>
    indicatorTable(sb, mu4, "sharedSuppliers", "tblMutuFournisseursCommuns", [
      { key: "supplierName", header: "supplierName", kind: "text", width: 28 },
      { key: "amount", header: "amount", kind: "eur" },
      { key: "entityCount", header: "entityCount", kind: "int" },
      { key: "familyCount", header: "familyCount", kind: "int" },
      { key: "entities", header: "entities", kind: "text", width: 40 },
      { key: "families", header: "families", kind: "text", width: 40 },
    ]);
  // A long list (one row a supplier, its entities and families listed) is kept below the
  // printed rows; a short one prints here.
  if (mu4.value !== null && mu4.tables.sharedSuppliers.length > LONG_TABLE_ROWS) {
    sb.note(
      message(
        lang,
        msg("print.detailBelow", { n: mu4.tables.sharedSuppliers.length, title: mu4DetailTitle })
      )
    );
    sb.cursor++;
    sb.keepBelowPrint(() => {
      sb.section(mu4DetailTitle);
      sharedSuppliers();
    });
  } else sharedSuppliers();

  const mu5 = result(sb, MU5);
  sb.section(`MU5 · ${labelOf(ctx, mu5)}`);
  sb.note(MU5.doc.formula[lang]);
  indicatorTable(
    sb,
    mu5,
    "items",
    "tblMutuPrix",
    defsFirst(
      [
        { key: "item", header: "item", kind: "text", width: 28 },
        { key: "unit", header: "itemUnit", kind: "text", width: 10 },
        { key: "entityCount", header: "entityCount", kind: "int" },
        { key: "lines", header: "lines", kind: "int" },
        { key: "quantity", header: "quantity", kind: "dec2" },
        { key: "p10", header: "p10", kind: "eur" },
        { key: "p25", header: "p25", kind: "eur" },
        { key: "median", header: "median", kind: "eur" },
        { key: "p90", header: "p90", kind: "eur" },
        { key: "p90OverP10", header: "p90OverP10", kind: "dec2" },
        { key: "potential", header: "potential", kind: "eur" },
      ],
      // Printed: the prices' spread and the potential saving; quantity and p25 on screen only.
      ["item", "unit", "median", "p90OverP10", "potential", "p10", "p90", "lines"]
    )
  );

  const mu6 = result(sb, MU6);
  sb.section(`MU6 · ${labelOf(ctx, mu6)}`);
  indicatorTable(
    sb,
    mu6,
    "pooledThresholds",
    "tblMutuSeuils",
    defsFirst(
      [
        { key: "familyLabel", header: "familyLabel", kind: "text", width: 28 },
        { key: "year", header: "year", kind: "year", width: 8 },
        {
          key: "nature",
          header: "nature",
          kind: "text",
          width: 14,
          get: (r) => natureText(lang, r.nature),
        },
        { key: "entityCount", header: "entityCount", kind: "int" },
        { key: "pooledAmount", header: "amount", kind: "eur" },
        { key: "largestEntity", header: "largestEntity", kind: "text", width: 20 },
        { key: "largestEntityAmount", header: "largestEntityAmount", kind: "eur" },
        { key: "entityBand", header: "entityBand", kind: "text", width: 24 },
        { key: "pooledBand", header: "pooledBand", kind: "text", width: 24 },
        { key: "thresholdAmount", header: "thresholdAmount", kind: "eur" },
        { key: "crossesHigherThreshold", header: "crossesHigherThreshold", kind: "bool" },
        { key: "consequence", header: "consequence", kind: "text", width: 50, wrap: true },
      ],
      // Printed: the family, its pooled amount, the consequence (wide column E) and the threshold.
      [
        "familyLabel",
        "year",
        "nature",
        "pooledAmount",
        "consequence",
        "thresholdAmount",
        "crossesHigherThreshold",
        "entityCount",
      ]
    )
  );
  sb.endPrintedRows();
  sb.frozen = { rows: 2, cols: 0 };
  printBand(sb, MUTU_PRINT_WIDTHS);
  return sb.build();
}

/** Scenarios table: addressable spend once, rates as inputs to formulas (savings = rate × spend). */
function scenarios(sb: SheetBuilder, addressable: number, rows: readonly ScenarioRow[]): void {
  const lang = sb.lang;
  sb.cell(sb.cursor++, 0, text(lang, "scenarios"), "subtitle");
  const top = sb.cursor;
  const columns: TableColumn[] = [
    { key: "scenario", header: sb.h("scenario"), width: 14 },
    { key: "ratePercent", header: sb.h("ratePercent"), numberFormat: sb.f.pct },
    { key: "addressableAmount", header: sb.h("addressableAmount"), numberFormat: sb.f.eur2 },
    { key: "savings", header: sb.h("savings"), numberFormat: sb.f.eur2 },
    { key: "source", header: sb.h("source"), width: 60 },
  ];
  const cells: CellValue[][] = rows.map((r, i) => {
    const row = top + 1 + i;
    return [
      textCell(pick(lang, SCENARIO_LABELS[r.scenario])),
      fraction(r.ratePercent),
      r.addressableAmount ?? addressable,
      formula(`=ROUND(${a1(row, 1)}*${a1(row, 2)},2)`),
      textCell(r.source),
    ];
  });
  const placed = sb.rawTable("tblMutuScenarios", top, 0, columns, cells);
  sb.cursor = placed.lastDataRow + 2;
}
