/**
 * The workbook spec: a plain, data-only description of every sheet Optima Achats writes (SPEC §5–§7).
 * Built by pure functions (src/report/workbook.ts) and consumed by two renderers: the Office.js
 * adapter (src/excel) and the .xlsx file writer (src/file). Same Analysis + options → deep-equal spec.
 *
 * Conventions every renderer relies on:
 *
 * - Addresses are 0-based (row, col) numbers. A1 text (formulas, messages) is made with ./a1.ts.
 * - Cell values (`CellValue`): number, boolean, null (empty), a plain string, a formula
 *   `{ formula: "=SUM(B2:B9)" }` (leading "=", en-US function names, "," separators, A1 refs;
 *   .xlsx writers drop the "="), or a text cell `{ text: true, value }`.
 *   **Text safety is a property of the spec**: a plain `string` value never starts with = + - @
 *   and never looks like a number, a date, a time, a percentage or a boolean (see
 *   `needsTextMarker` in ./cells.ts). Any such string — a supplier named `=HYPERLINK("x")`, a
 *   SIRET with a leading 0, a contract "2025-01", a period "2025-03" — is a `TextCell`, and the
 *   renderer must store it as text (Office.js: number format "@" on the cell before writing, or a
 *   leading apostrophe; .xlsx: a string cell). Plain strings can be written as they are.
 * - Percentages are stored as **fractions (0..1) with a % number format** (Excel-native: the
 *   user can compute with them and the locale shows "12,5 %"). Core indicator values are 0..100
 *   and are divided by 100 when written. Amounts are euros (not cents); dates are Excel serials
 *   (1900 system) with a dd/mm/yyyy format; months are the serial of their first day.
 * - Number formats are Excel format codes in the invariant form (Office.js `numberFormat`,
 *   .xlsx): `#,##0 "€"` is shown with the user's locale separators ("1 234 €" in French).
 * - Styles are names from a small palette (`StyleName`, defined concretely in `STYLES`), not raw
 *   formats on every cell.
 * - Every sheet has a stable `key` (the renderer records which keys it created and only ever
 *   rewrites those), a localised `name`, and a `mode`:
 *     "replace"       owned output sheet, cleared and rewritten on every run;
 *     "append"        Historique: one row per analysed period. The builder merges the rows read
 *                     back from the existing sheet (UserInputs.history) with this run's row
 *                     (same period → replaced), so the sheet can be rewritten whole; `append`
 *                     also names the new row(s) for renderers that prefer to upsert in place;
 *     "merge-inputs"  Plan stratégique, Diagnostic 360, Paramètres: user-editable cells.
 * - Input preservation strategy (merge-inputs): **read back, then rewrite**. Before writing, the
 *   renderer reads the raw values of the existing merge-inputs sheets (and Historique) and calls
 *   `readUserInputs` (./inputs.ts); `buildWorkbookSpec(…, { previousInputs })` puts every value
 *   the user typed back into its input cell, next to refreshed pre-filled figures. Each input row
 *   carries a stable key in column A ("actions/F:INFO", "STR-03", "param/pnad.socialPercent"), so
 *   rows are matched by key, not by position: the number of families may change, the user may
 *   sort a table or add rows (kept as extra rows), and a family that disappears from the period
 *   keeps its row while it holds user input. `inputs` lists the input ranges (styled "input").
 *   Renderers should keep a copy of a merge-inputs sheet whose `layoutVersion` they cannot read.
 *   Content typed outside the input ranges is not kept (documented in the sheets' notes).
 */
import type { Lang } from "./labels";

export type { Lang } from "./labels";

export type Scalar = string | number | boolean | null;

/** A formula: leading "=", en-US function names, "," argument separators, A1 references. */
export interface FormulaCell {
  formula: string;
}

/** A string that must be stored as text (it could be read as a formula, number, date…). */
export interface TextCell {
  text: true;
  value: string;
}

export type CellValue = Scalar | FormulaCell | TextCell;

/** Inclusive 0-based rectangle. */
export interface CellRange {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** A range on a sheet identified by its stable key (names depend on the language). */
export interface RangeRef {
  sheet: SheetKey;
  range: CellRange;
}

export type StyleName =
  | "title"
  | "subtitle"
  | "section"
  | "header"
  | "kpiGood"
  | "kpiWatch"
  | "kpiAlert"
  | "kpiNeutral"
  | "input"
  | "note"
  | "stamp"
  | "total"
  | "body"
  // Dashboard and Synthèse tiles (issue #12): the big value in the status colour, the tile's
  // small wrapped lines, internal links, the « Pour aller plus loin » box, a wrapped stamp.
  | "kpiGoodBig"
  | "kpiWatchBig"
  | "kpiAlertBig"
  | "kpiNeutralBig"
  | "tileNote"
  | "link"
  | "box"
  | "boxTitle"
  | "stampWrap"
  // A long note wrapped across a sheet's printed columns (merged), so that it never runs past them.
  | "noteWrap";

export interface StyleDef {
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  fontSize?: number;
  /** "#RRGGBB". */
  fontColor?: string;
  fill?: string;
  /** Thin border around each cell. */
  border?: string;
  wrap?: boolean;
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "center" | "bottom";
  /** Unlocked when the sheet is protected (inputs). */
  unlocked?: boolean;
}

/** The palette renderers apply for each style name. */
export const STYLES: Record<StyleName, StyleDef> = {
  title: { bold: true, fontSize: 16, fontColor: "#1F3864" },
  subtitle: { bold: true, fontSize: 12, fontColor: "#2F5597" },
  section: { bold: true, fontSize: 12, fontColor: "#FFFFFF", fill: "#2F5597" },
  header: { bold: true, fontColor: "#FFFFFF", fill: "#4472C4", wrap: true, vAlign: "center" },
  kpiGood: { bold: true, fontColor: "#006100", fill: "#C6EFCE", border: "#A9D08E", wrap: true },
  kpiWatch: { bold: true, fontColor: "#9C5700", fill: "#FFEB9C", border: "#FFD966", wrap: true },
  kpiAlert: { bold: true, fontColor: "#9C0006", fill: "#FFC7CE", border: "#F4B084", wrap: true },
  kpiNeutral: { bold: true, fontColor: "#1F3864", fill: "#DDEBF7", border: "#9BC2E6", wrap: true },
  input: { fill: "#FFF2CC", border: "#BF8F00", unlocked: true, wrap: true, vAlign: "top" },
  note: { italic: true, fontColor: "#595959", wrap: false },
  // #666666 on white: 5,7:1 (the former #7F7F7F was 4,0:1, under WCAG AA).
  stamp: { fontSize: 8, fontColor: "#666666" },
  total: { bold: true, border: "#4472C4", fill: "#D9E1F2" },
  /** Running text of the policy documents (wrapped, top-aligned). */
  body: { wrap: true, vAlign: "top" },
  kpiGoodBig: {
    bold: true,
    fontSize: 18,
    fontColor: "#006100",
    fill: "#C6EFCE",
    border: "#A9D08E",
    hAlign: "center",
    vAlign: "center",
  },
  kpiWatchBig: {
    bold: true,
    fontSize: 18,
    fontColor: "#7A4400",
    fill: "#FFEB9C",
    border: "#FFD966",
    hAlign: "center",
    vAlign: "center",
  },
  kpiAlertBig: {
    bold: true,
    fontSize: 18,
    fontColor: "#9C0006",
    fill: "#FFC7CE",
    border: "#F4B084",
    hAlign: "center",
    vAlign: "center",
  },
  kpiNeutralBig: {
    bold: true,
    fontSize: 18,
    fontColor: "#1F3864",
    fill: "#DDEBF7",
    border: "#9BC2E6",
    hAlign: "center",
    vAlign: "center",
  },
  /** A tile's reference line: small, wrapped, so that nothing is cut. */
  tileNote: { fontSize: 9, fontColor: "#404040", wrap: true, vAlign: "top" },
  /** An internal hyperlink's text (the link itself is in SheetSpec.links). */
  link: { fontSize: 9, fontColor: "#0563C1" },
  box: { fontColor: "#262626", fill: "#F2F2F2", border: "#BFBFBF", wrap: true, vAlign: "top" },
  boxTitle: {
    bold: true,
    fontColor: "#1F3864",
    fill: "#F2F2F2",
    border: "#BFBFBF",
    wrap: true,
    vAlign: "top",
  },
  stampWrap: { fontSize: 8, fontColor: "#666666", wrap: true, vAlign: "top" },
  noteWrap: { italic: true, fontColor: "#595959", wrap: true, vAlign: "top" },
};

/** A rectangular block of cells with one style and number format (per-column formats optional). */
export interface CellBlock {
  row: number;
  col: number;
  /** Rectangular: every row has the same length. */
  values: CellValue[][];
  style?: StyleName;
  /** Number format of the whole block. */
  numberFormat?: string;
  /** Per-column formats (relative column index), overriding numberFormat; null = keep. */
  columnFormats?: (string | null)[];
  /** Sparse per-cell formats (relative row/col), applied last. */
  cellFormats?: { r: number; c: number; numberFormat: string }[];
}

export type TableStyle =
  | "TableStyleLight1"
  | "TableStyleLight9"
  | "TableStyleLight15"
  | "TableStyleMedium2"
  | "TableStyleMedium3"
  | "TableStyleMedium4"
  | "TableStyleMedium7"
  | "TableStyleMedium9";

export interface TableColumn {
  /** Stable key of the column (the core row key when there is one). */
  key: string;
  /** Header text; unique within the table, never empty. */
  header: string;
  numberFormat?: string;
  /** Width in characters (also listed in the sheet's columnWidths). */
  width?: number;
  /** User-editable column (styled "input"). */
  input?: boolean;
  /** Wrap text. */
  wrap?: boolean;
}

/**
 * A real Excel table: header row at (row, col), data rows below. Excel needs one data row: with
 * no rows the renderer creates the table with one empty data row (inside the written area).
 */
export interface TableSpec {
  /** Valid Excel table name (see isValidTableName), unique in the workbook (case-insensitive). */
  name: string;
  row: number;
  col: number;
  columns: TableColumn[];
  /** Aligned with columns. */
  rows: CellValue[][];
  style: TableStyle;
  /** Sparse per-cell formats: data row index, column key. */
  cellFormats?: { row: number; key: string; numberFormat: string }[];
}

export type CellValueOperator =
  | "between"
  | "notBetween"
  | "equal"
  | "notEqual"
  | "greaterThan"
  | "lessThan"
  | "greaterThanOrEqual"
  | "lessThanOrEqual";

/** Conditional formats. Formulas (formula1/2) are relative to the range's top-left cell, as in Excel. */
export type ConditionalFormat =
  | {
      range: CellRange;
      type: "cellValue";
      operator: CellValueOperator;
      formula1: string;
      formula2?: string;
      style: StyleName;
    }
  | { range: CellRange; type: "dataBar"; color: string }
  | { range: CellRange; type: "colorScale"; minColor: string; midColor?: string; maxColor: string }
  | {
      range: CellRange;
      type: "iconSet";
      iconSet: "threeTrafficLights1" | "threeArrows" | "threeSymbols";
      reverse?: boolean;
    };

export type ChartType = "bar" | "column" | "line" | "pie" | "doughnut" | "radar" | "combo-pareto";

export interface ChartSeries {
  /** A fixed name, or a cell holding it. */
  name: string | RangeRef;
  values: RangeRef;
  /** combo-pareto: the cumulative-share series is a line on the secondary axis. */
  axis?: "primary" | "secondary";
  /** Series drawn as a line in a combo chart. */
  as?: "column" | "line";
}

export interface ChartSpec {
  /** Unique within the sheet. */
  id: string;
  type: ChartType;
  title: string;
  /** Category labels (one column or row, same length as every series). */
  categories?: RangeRef;
  series: ChartSeries[];
  /** Top-left cell and size in cells. */
  anchor: { row: number; col: number; widthCols: number; heightRows: number };
  /** Number format of the value axis (and of the secondary axis for combo-pareto). */
  valueFormat?: string;
  secondaryFormat?: string;
  /** Fixed bounds of the (primary) value axis, in its values (0 and 1 for 0–100 %); else automatic. */
  valueAxis?: { min?: number; max?: number };
  legend?: "right" | "bottom" | "none";
}

export interface ValidationSpec {
  range: CellRange;
  /** Inline items (no commas; ≤ 255 characters joined) or a range holding them. */
  list: string[] | RangeRef;
  allowBlank: boolean;
  /** "stop" rejects other values; "warning" lets the user keep a free value. */
  errorStyle: "stop" | "warning";
  prompt?: string;
}

/** A user-editable range of a merge-inputs sheet: what it holds, so renderers can protect the rest. */
export interface InputRange {
  range: CellRange;
  /** Section of the sheet (plan section, "questions", "parameters"…). */
  section: string;
  /** Field held by the cells (one column): "owner", "answer", "value"… */
  field: string;
}

/**
 * How a sheet prints (issue #12): A4, fitted to `fitToWidth` pages wide (rows flow onto as many
 * pages as they need), the print area, the rows repeated at the top of each page, and a header and
 * footer in three parts (left, center, right). Header/footer texts are plain text with the
 * placeholders {page}, {pages}, {sheet} and {date} (the printing date); renderers turn them into
 * Excel's codes (&P, &N, &A, &D) with printCode (./print.ts).
 */
export interface PrintSetup {
  orientation: "portrait" | "landscape";
  fitToWidth: number;
  /** Pages tall at most (the Synthèse: 1); absent = as many as the rows need. */
  fitToHeight?: number;
  /** Manual page breaks: 0-based rows that start a new printed page. */
  rowBreaks?: number[];
  area: CellRange;
  /** 0-based inclusive rows repeated at the top of every printed page (a long table's header). */
  titleRows?: { first: number; last: number };
  header: [string, string, string];
  footer: [string, string, string];
}

/** An internal hyperlink: the cell (row, col) of this sheet opens `target`. */
export interface LinkSpec {
  row: number;
  col: number;
  target: RangeRef;
  /** Screen tip (≤ 255 characters). */
  tip?: string;
}

export interface Stamp {
  /** Source tables (or files) the analysis read. */
  sources: string[];
  period: { label: string; start: string; end: string };
  /** ISO first and last date of the data read (null when none): "données du 02/01/2025 au 30/10/2026". */
  data?: { start: string; end: string } | null;
  /** French (or English) summary of the parameters: defaults, or which values were changed. */
  parameters: string;
  /** ISO date of the run, passed in by the caller (the report never reads the clock). */
  runDate: string;
  version: string;
}

export type SheetKey =
  | "sommaire"
  | "synthese"
  | "dashboard"
  | "cartographie"
  | "fournisseurs"
  | "conformite"
  | "mutualisation"
  | "responsable"
  | "territoires"
  | "anomalies"
  | "historique"
  | "indicateurs"
  | "plan"
  | "diagnostic"
  | "attentes"
  | "parametres"
  | "charte"
  | "codeFournisseurs"
  // Peer comparison (issue #15): not in SHEET_ORDER, added when a comparison is given.
  | PeerSheetKey
  // Concessions calendar (issue #11 §3): not in SHEET_ORDER, added when concessions exist.
  | "concessions";

/** Policy documents written on request (mode "document", issue #14). */
export type DocumentSheetKey = "charte" | "codeFournisseurs";

/** Sheets of the peer comparison (src/report/sheets/comparaison.ts, src/report/observatoire/). */
export type PeerSheetKey =
  | "comparaison"
  | "fiche"
  | "obsCollectivites"
  | "obsDistributions"
  | "obsClassements"
  | "obsTendances";

/** Keys of the sheets of SPEC §5 that every analysis writes (not the documents, not the comparison). */
export type AnalysisSheetKey = Exclude<SheetKey, DocumentSheetKey | PeerSheetKey | "concessions">;

/** Sheet keys in SPEC §5 order (the order sheets are built and shown). */
export const SHEET_ORDER: readonly AnalysisSheetKey[] = [
  // Issue #12: the contents and the one-page summary for élus come first.
  "sommaire",
  "synthese",
  "dashboard",
  "cartographie",
  "fournisseurs",
  "conformite",
  "mutualisation",
  "responsable",
  "territoires",
  "anomalies",
  "historique",
  "indicateurs",
  "plan",
  "diagnostic",
  "attentes",
  "parametres",
];

/**
 * "document" (issue #14): a policy document written on request (charte de déontologie, code de
 * conduite des fournisseurs). It is the user's sheet once written: renderers never record it as
 * owned, so no later run rewrites or removes it; when a sheet of that name already exists, the
 * renderer writes the new one beside it as "<name> (v2)", "(v3)"… (documentSheetName). Document
 * sheets are not in SHEET_ORDER: they come from buildDocumentSheets (./documents).
 */
export type SheetMode = "replace" | "append" | "merge-inputs" | "document";

export interface SheetSpec {
  key: SheetKey;
  /** Localised sheet name (≤ 31 characters, none of : \ / ? * [ ]). */
  name: string;
  mode: SheetMode;
  /** Layout version of the sheet (read back with the keys; bumped when columns move). */
  layoutVersion: number;
  tabColor?: string;
  hidden?: boolean;
  frozen?: { rows: number; cols: number };
  /** Widths in characters; a hidden column (technical keys) is neither shown nor printed. */
  columnWidths: { col: number; width: number; hidden?: boolean }[];
  blocks: CellBlock[];
  tables: TableSpec[];
  merges: CellRange[];
  conditionalFormats: ConditionalFormat[];
  charts: ChartSpec[];
  validations: ValidationSpec[];
  /** merge-inputs sheets: the user-editable ranges. */
  inputs: InputRange[];
  /**
   * Internal hyperlinks (issue #12): the cell at (row, col) — which holds the link's text — opens
   * the target range of a sheet of the workbook (renderers resolve the sheet's name: .xlsx
   * `<hyperlink location="'Indicateurs'!A7"/>`, Office.js `range.hyperlink.documentReference`).
   */
  links?: LinkSpec[];
  /** Page setup for printing (every built sheet has one; the preview ignores it). */
  print?: PrintSetup;
  /** append sheets: the table, its key column and the rows of this run (upsert by key). */
  append?: { table: string; key: string; rows: CellValue[][] };
  stamp: Stamp;
}

export interface WorkbookSpec {
  version: string;
  lang: Lang;
  stamp: Stamp;
  /** In SPEC §5 order. */
  sheets: SheetSpec[];
}

/** Excel table names: letter/underscore/backslash first, then letters, digits, "_" or "."; ≤ 255; not a cell reference. */
export function isValidTableName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name)) return false;
  if (/^[A-Za-z]{1,3}\d+$/.test(name)) return false; // A1-style
  if (/^[rRcC]$/.test(name)) return false;
  if (/^[rR]\d*[cC]\d*$/.test(name)) return false; // R1C1-style
  return true;
}

/** Excel sheet names: 1–31 characters, none of : \ / ? * [ ], not starting or ending with '. */
export function isValidSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 31 &&
    !/[:\\/?*[\]]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'")
  );
}

export function isFormula(v: CellValue): v is FormulaCell {
  return typeof v === "object" && v !== null && "formula" in v;
}

export function isText(v: CellValue): v is TextCell {
  return typeof v === "object" && v !== null && "text" in v && v.text === true;
}

/** The plain value a renderer writes (text cells unwrapped, formulas as their text). */
export function plainValue(v: CellValue): Scalar {
  if (isFormula(v)) return v.formula;
  if (isText(v)) return v.value;
  return v;
}
