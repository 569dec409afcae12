/**
 * Paramètres (SPEC §3, §5): every reference value with its source, editable (yellow cells), read
 * back on the next run (readUserInputs → parametersToOverrides → analyse). Three columns show the
 * value typed (kept from the previous run), the value the analysis used and the default, so a
 * value typed but not applied yet is visible (conditional format). The dated tables (dispense and
 * EU thresholds, ECB rates) accept edited and added rows.
 */
import { defaultReferenceValues } from "../../core/reference/values";
import { scalarCell, textCell } from "../cells";
import {
  ECB_LAYOUT,
  EXCLUSION_LAYOUT,
  LAYOUT_VERSION,
  PARAMETER_LAYOUT,
  SPECIAL_LAYOUT,
  THRESHOLD_LAYOUT,
  type FieldDef,
} from "../input-layout";
import { text } from "../labels";
import { layoutColumns, SheetBuilder, type BuildContext } from "../layout";
import { a1 } from "../a1";
import {
  DATED_SECTION,
  DATED_TABLES,
  datedRows,
  PARAMETERS,
  parameterLabel,
  parameterRaw,
  parameterSource,
  TEXT_FIELDS,
  toSheetValue,
  type DatedTableKey,
  type ParameterKind,
} from "../parameters";
import type { CellValue, SheetSpec } from "../spec";

const TITLES: Record<
  DatedTableKey,
  | "parametersDispense"
  | "parametersSpecial"
  | "parametersEu"
  | "parametersEcb"
  | "parametersExclusions"
> = {
  dispenseThresholds: "parametersDispense",
  specialDispenseThresholds: "parametersSpecial",
  euThresholds: "parametersEu",
  ecbRates: "parametersEcb",
  supplierExclusions: "parametersExclusions",
};

const TABLE_NAMES: Record<DatedTableKey, string> = {
  dispenseThresholds: "tblParamDispense",
  specialDispenseThresholds: "tblParamSeuilsParticuliers",
  euThresholds: "tblParamSeuilsUE",
  ecbRates: "tblParamTauxBCE",
  supplierExclusions: "tblParamExclusionsFournisseurs",
};

const LAYOUTS: Record<DatedTableKey, readonly FieldDef[]> = {
  dispenseThresholds: THRESHOLD_LAYOUT,
  specialDispenseThresholds: SPECIAL_LAYOUT,
  euThresholds: THRESHOLD_LAYOUT,
  ecbRates: ECB_LAYOUT,
  supplierExclusions: EXCLUSION_LAYOUT,
};

export function buildParametres(ctx: BuildContext): SheetSpec {
  const sb = new SheetBuilder(ctx, "parametres", "merge-inputs", LAYOUT_VERSION);
  // Print: A4, one page wide, a long table's header repeated on each page.
  sb.print({ orientation: "auto" });
  const { analysis, lang, f, inputs } = ctx;
  sb.tabColor = "#A5A5A5";
  sb.header(text(lang, "parametersTitle"), 1, 5);
  sb.note(text(lang, "parametersNote"), 1);
  sb.cursor++;
  sb.width(0, 12);

  const kindFormat = (kind: ParameterKind): string | null =>
    kind === "eur"
      ? f.eur2
      : kind === "percent"
        ? f.pct2
        : kind === "date"
          ? f.date
          : kind === "days"
            ? f.days
            : kind === "text"
              ? f.text
              : null;

  // Scalars
  const marker = sb.cursor;
  sb.cell(marker, 0, "#params", "stamp");
  sb.line(marker, 1, text(lang, "parametersScalars"), "section", 5);
  sb.cursor = marker + 1;
  const defaults = defaultReferenceValues();
  const columns = layoutColumns(sb, PARAMETER_LAYOUT, {
    parameter: 56,
    value: 18,
    usedValue: 18,
    defaultValue: 18,
    source: 70,
  });
  const formats: { row: number; key: string; numberFormat: string }[] = [];
  const rows: CellValue[][] = PARAMETERS.map((def, i) => {
    const used = toSheetValue(def.kind, parameterRaw(analysis.reference, def));
    const typed = inputs.parameters[def.id];
    const nf = kindFormat(def.kind);
    if (nf)
      for (const key of ["value", "usedValue", "defaultValue"])
        formats.push({ row: i, key, numberFormat: nf });
    return [
      textCell(`param/${def.id}`),
      textCell(parameterLabel(lang, def)),
      typed !== undefined && typed !== null ? scalarCell(typed) : scalarCell(used),
      scalarCell(used),
      scalarCell(toSheetValue(def.kind, parameterRaw(defaults, def))),
      textCell(parameterSource(analysis.reference, def)),
    ];
  });
  const placed = sb.rawTable(
    "tblParametres",
    sb.cursor,
    0,
    columns,
    rows,
    "TableStyleLight9",
    formats
  );
  const valueRange = placed.columnRange("value");
  const usedCol = placed.colOf("usedValue");
  sb.conditional({
    range: valueRange,
    type: "cellValue",
    operator: "notEqual",
    formula1: `=${a1(valueRange.r1, usedCol)}`,
    style: "kpiWatch",
  });
  sb.cursor = placed.lastDataRow + 1;
  sb.note(text(lang, "notApplied"), 1);
  sb.cursor++;

  // Dated tables
  for (const t of DATED_TABLES) {
    const section = DATED_SECTION[t];
    const m = sb.cursor;
    sb.cell(m, 0, `#${section}`, "stamp");
    sb.line(m, 1, text(lang, TITLES[t]), "section", 5);
    sb.cursor = m + 1;
    sb.note(text(lang, "parametersAddRows"), 1);
    const layout = LAYOUTS[t];
    const cols = layoutColumns(sb, layout, {
      from: 12,
      to: 12,
      suppliesServices: 18,
      works: 18,
      threshold: 16,
      rate: 12,
      rule: 18,
      label: 28,
      cpvPrefixes: 16,
      excludedCpvPrefixes: 16,
      budgetArticles: 16,
      supplier: 30,
      reason: 44,
      note: 50,
      source: 70,
    });
    const fmt: Record<string, string> = {
      from: f.date,
      to: f.date,
      suppliesServices: f.eur2,
      works: f.eur2,
      threshold: f.eur2,
      rate: f.pct2,
    };
    cols.forEach((c) => {
      if (fmt[c.key]) c.numberFormat = fmt[c.key];
    });
    const source = inputs.parameterTables[t] ?? datedRows(analysis.reference, t, lang);
    const cells: CellValue[][] = source.map((r, i) => [
      textCell(`${section}/${i + 1}`),
      ...layout
        .slice(1)
        .map((d) =>
          TEXT_FIELDS.has(d.field)
            ? textCell(r[d.field] === null || r[d.field] === undefined ? null : String(r[d.field]))
            : scalarCell(r[d.field] ?? null)
        ),
    ]);
    const tp = sb.rawTable(TABLE_NAMES[t], sb.cursor, 0, cols, cells, "TableStyleLight9");
    sb.cursor = tp.lastDataRow + 2;
  }
  sb.frozen = { rows: 2, cols: 2 };
  return sb.build();
}
