/**
 * Territoires (SPEC §5): the answer in short (what to pool, what to bring closer to the
 * territories, what each orientation costs and gives: ./territorial-answer.ts), TE1–TE4 summary,
 * spend and spend per inhabitant by territory (with a chart), equity across territories, local
 * supplier share, the per-family recommendation (mutualiser / territorialiser / mixte) with its
 * reasons, the quality of service and the scenarios.
 *
 * Print (A4 landscape, one page wide): every table of the sheet shares one grid of column widths
 * (TERRITOIRES_GRID, 210 characters, i.e. printed at about two thirds of full size), long texts wrapped
 * in the wide columns (1 and 7), so that no single table widens the whole sheet.
 */
import { TE1, TE2, TE3, TE4 } from "../../core/indicators/registry";
import { numberText } from "../cells";
import { periodTitle, text } from "../labels";
import { indicatorTable, labelOf, SheetBuilder, type BuildContext } from "../layout";
import type { SheetSpec } from "../spec";
import { groupIndicators, result, summaryTable } from "./common";
import { recommendationText } from "./plan-texts";
import { qualitySections, scenarioSections } from "./territorial";
import { answerSection } from "./territorial-answer";

/**
 * Column widths of the sheet (characters), whatever its tables ask for: the tables are laid out on
 * this grid (long texts in columns 1 and 7, wrapped) and the sheet prints 210 characters wide.
 */
export const TERRITOIRES_GRID: readonly number[] = [26, 26, 16, 16, 20, 16, 20, 44, 14, 12];
/** Columns the title, the sections and the answer lines span (0–7). */
const SPAN = 8;

export function buildTerritoires(ctx: BuildContext): SheetSpec {
  const sb = new SheetBuilder(ctx, "territoires", "replace");
  // Print: A4, one page wide, a long table's header repeated on each page.
  sb.print({ orientation: "auto" });
  const { analysis, lang } = ctx;
  sb.tabColor = "#ED7D31";
  sb.header(`${text(lang, "territoriesTitle")} — ${periodTitle(lang, analysis.period)}`, 0, SPAN);
  answerSection(sb, SPAN);
  sb.section(text(lang, "summary"));
  summaryTable(sb, "tblTerrSynthese", groupIndicators(sb, "TE"));

  const te1 = result(sb, TE1);
  sb.section(`TE1 · ${labelOf(ctx, te1)}`);
  const placed = indicatorTable(sb, te1, "byTerritory", "tblTerrTE1", [
    {
      key: "territory",
      header: "territory",
      kind: "text",
      width: 24,
      get: (r) => r.territory ?? text(lang, "noTerritory"),
    },
    { key: "amount", header: "amount", kind: "eur" },
    { key: "sharePercent", header: "share", kind: "pct" },
    { key: "lines", header: "lines", kind: "int" },
    { key: "population", header: "population", kind: "int" },
    { key: "perInhabitant", header: "perInhabitant", kind: "eurHab" },
  ]);
  if (placed && placed.spec.rows.length > 0) {
    const label = placed.colOf("territory");
    const per = placed.colOf("perInhabitant");
    sb.chart({
      id: "perInhabitant",
      type: "bar",
      title: text(lang, "chartPerInhabitant"),
      categories: sb.ref(placed.firstDataRow, label, placed.lastDataRow, label),
      series: [
        {
          name: sb.ref(placed.headerRow, per),
          values: sb.ref(placed.firstDataRow, per, placed.lastDataRow, per),
        },
      ],
      anchor: { row: placed.headerRow, col: 6, widthCols: 2, heightRows: 12 },
      valueFormat: sb.f.eurHab,
      legend: "none",
    });
    sb.cursor = Math.max(sb.cursor, placed.headerRow + 13);
  }

  const te2 = result(sb, TE2);
  sb.section(`TE2 · ${labelOf(ctx, te2)}`);
  sb.note(TE2.doc.formula[lang]);
  if (typeof te2.details.gini === "number")
    sb.note(`Gini${lang === "fr" ? " : " : ": "}${numberText(lang, te2.details.gini, 3)}`);
  indicatorTable(sb, te2, "byTerritory", "tblTerrTE2", [
    { key: "territory", header: "territory", kind: "text", width: 24 },
    { key: "perInhabitant", header: "perInhabitant", kind: "eurHab" },
    { key: "gapToMeanPercent", header: "gapToMeanPercent", kind: "pct" },
  ]);

  const te3 = result(sb, TE3);
  sb.section(`TE3 · ${labelOf(ctx, te3)}`);
  indicatorTable(sb, te3, "byTerritory", "tblTerrTE3", [
    {
      key: "territory",
      header: "territory",
      kind: "text",
      width: 24,
      get: (r) => r.territory ?? text(lang, "noTerritory"),
    },
    { key: "amount", header: "amount", kind: "eur" },
    { key: "amountWithKnownDepartements", header: "amountWithKnownDepartements", kind: "eur" },
    { key: "localAmount", header: "localAmount", kind: "eur" },
    { key: "localSharePercent", header: "localSharePercent", kind: "pct" },
    { key: "lines", header: "lines", kind: "int" },
  ]);

  const te4 = result(sb, TE4);
  sb.section(`TE4 · ${labelOf(ctx, te4)}`);
  indicatorTable(sb, te4, "recommendations", "tblTerrTE4", [
    { key: "familyLabel", header: "familyLabel", kind: "text", width: 24, wrap: true },
    {
      key: "recommendation",
      header: "recommendation",
      kind: "text",
      width: 16,
      get: (r) => (r.recommendation === null ? null : recommendationText(lang, r.recommendation)),
    },
    { key: "amount", header: "amount", kind: "eur" },
    { key: "entityCount", header: "entityCount", kind: "int" },
    // Territories buying the family: what TE4 reads for one body with pôles (one entity).
    { key: "territoryCount", header: "territories", kind: "int" },
    { key: "supplierCount", header: "supplierCount", kind: "int" },
    { key: "localSupplierCount", header: "localSupplierCount", kind: "int" },
    { key: "reasons", header: "reasons", kind: "text", width: 40, wrap: true },
    { key: "localSharePercent", header: "localSharePercent", kind: "pct" },
    { key: "proximity", header: "proximity", kind: "bool" },
  ]);
  qualitySections(sb);
  scenarioSections(sb);
  sb.frozen = { rows: 2, cols: 0 };
  TERRITOIRES_GRID.forEach((w, c) => sb.widths.set(c, w));
  return sb.build();
}
