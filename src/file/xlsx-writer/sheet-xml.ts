/**
 * A worksheet part (xl/worksheets/sheetN.xml) from a sheet spec, produced as a sequence of string
 * chunks (about 64 KB each) so that a 1 000 000-row table is never one string in memory.
 *
 * Cells: numbers as `<v>`, booleans t="b", every string — plain or marked text — as an inline
 * string (t="inlineStr"), so "=HYPERLINK(…)" or "0123" stay text and sharedStrings.xml (shared
 * with the user's sheets) is never touched; only `{ formula }` cells get an `<f>` (without "=").
 */
import { columnLetter, rangeA1 } from "../../report/a1";
import {
  isFormula,
  isText,
  STYLES,
  type CellRange,
  type CellValue,
  type ConditionalFormat,
  type SheetKey,
  type SheetSpec,
  type ValidationSpec,
} from "../../report/spec";
import { printXml } from "./print-xml";
import type { CellSource, SheetCells } from "./sheet-cells";
import type { StyleRegistry } from "./styles";
import { argb, escapeAttr, escapeXml, NS, numberText, tElement, XML_DECL } from "./xml";

export interface WorksheetOptions {
  cells: SheetCells;
  /** Merged style registry (final indexes). */
  styles: StyleRegistry;
  /** Selected tab (the first sheet of a new workbook). */
  tabSelected?: boolean;
  /** Relationship id of the sheet's drawing (charts), if any. */
  drawingRelId?: string;
  /** Relationship ids of the sheet's table parts, in the order of sheet.tables. */
  tableRelIds: string[];
  /** Sheet names by key, for validation lists on other sheets. */
  sheetNames: ReadonlyMap<SheetKey, string>;
  /** Chunk size in characters (default 64 K). */
  chunkSize?: number;
}

const LETTERS: string[] = [];
function letters(col: number): string {
  return (LETTERS[col] ??= columnLetter(col));
}

function sqref(r: CellRange): string {
  return rangeA1(r.r1, r.c1, r.r2, r.c2);
}

/** One `<c>` element, or "" for an empty unstyled cell. */
export function cellXml(ref: string, value: CellValue, xf: number): string {
  const s = xf > 0 ? ` s="${xf}"` : "";
  if (value === null || value === undefined) return s ? `<c r="${ref}"${s}/>` : "";
  switch (typeof value) {
    case "number":
      return Number.isFinite(value)
        ? `<c r="${ref}"${s}><v>${numberText(value)}</v></c>`
        : s
          ? `<c r="${ref}"${s}/>`
          : "";
    case "boolean":
      return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
    case "string":
      return value === ""
        ? s
          ? `<c r="${ref}"${s}/>`
          : ""
        : `<c r="${ref}"${s} t="inlineStr"><is>${tElement(value)}</is></c>`;
  }
  if (isFormula(value)) {
    const f = value.formula.startsWith("=") ? value.formula.slice(1) : value.formula;
    return `<c r="${ref}"${s}><f>${escapeXml(f)}</f></c>`;
  }
  if (isText(value)) {
    return value.value === ""
      ? s
        ? `<c r="${ref}"${s}/>`
        : ""
      : `<c r="${ref}"${s} t="inlineStr"><is>${tElement(value.value)}</is></c>`;
  }
  return s ? `<c r="${ref}"${s}/>` : "";
}

interface Active {
  s: CellSource;
  order: number;
}

/** Default column width of Excel (Calibri 11), in characters. */
const DEFAULT_WIDTH = 8.43;

interface WrapInfo {
  /** Average character width relative to the column's character unit. */
  factor: number;
  /** Height of one line, in points. */
  line: number;
}

/**
 * Row heights for wrapped text. Neither LibreOffice nor Excel re-measures the rows of a file on
 * open, so a row with a long wrapped label would show one line: the height is estimated from the
 * text length and the column (or merged cells) width — at least the lines of a word-by-word wrap,
 * a long word leaving the end of a line empty — and written as `ht` without customHeight,
 * so that Excel still adjusts the row when the user edits it.
 */
class RowHeights {
  private readonly widths = new Map<number, number>();
  /** Top-left cell of a merge → total width; null for merges over several rows. */
  private readonly merged = new Map<number, number | null>();
  private readonly wrapByXf = new Map<number, WrapInfo | null>();

  constructor(
    sheet: SheetSpec,
    private readonly styles: StyleRegistry
  ) {
    for (const w of sheet.columnWidths) this.widths.set(w.col, w.width);
    for (const m of sheet.merges) {
      let width = 0;
      for (let c = m.c1; c <= m.c2; c++) width += this.width(c);
      this.merged.set(m.r1 * 16_384 + m.c1, m.r1 === m.r2 ? width : null);
    }
  }

  private width(col: number): number {
    return this.widths.get(col) ?? DEFAULT_WIDTH;
  }

  private wrap(xf: number): WrapInfo | null {
    let info = this.wrapByXf.get(xf);
    if (info === undefined) {
      const r = this.styles.requestOf(xf);
      const d = r?.style ? STYLES[r.style] : undefined;
      const size = d?.fontSize ?? 11;
      info =
        r && (r.wrap || d?.wrap)
          ? {
              factor: (size / 11) * (d?.bold ? 1.12 : 1.02),
              line: Math.round(15 * (size / 11) * 100) / 100,
            }
          : null;
      this.wrapByXf.set(xf, info);
    }
    return info;
  }

  /** Height in points the cell needs (0: one line is enough). */
  cell(row: number, col: number, text: string, xf: number): number {
    if (xf <= 0 || text.length < 8) return 0;
    const info = this.wrap(xf);
    if (!info) return 0;
    const k = row * 16_384 + col;
    const m = this.merged.get(k);
    if (m === null) return 0;
    const width = Math.max(1, (m ?? this.width(col)) - 1);
    let lines = 0;
    for (const para of text.split("\n"))
      lines += Math.max(
        Math.ceil((para.length * info.factor) / width),
        wordLines(para, width / (info.factor * WORD_WIDTH))
      );
    return lines > 1 ? Math.min(409, lines * info.line + 2) : 0;
  }
}

/**
 * Width of the characters in a word-by-word wrap, relative to the length estimate's: the estimate
 * is wide on purpose (the render of a 44-wide column holds 58 characters a line, 0,74 column unit
 * each, where the estimate counts 1,02), so the wrap counts the words at 85 % of it — it adds the
 * lines a long word leaves empty without adding the estimate's margin a second time.
 */
const WORD_WIDTH = 0.85;

/**
 * Lines of a paragraph wrapped word by word in `capacity` characters, as Excel and LibreOffice
 * wrap (a word is never split unless longer than a line): « Spend (départements known) », bold in a
 * 16-wide column, takes 3 lines where its 26 characters alone say 2 — the row clipped « known) ».
 */
function wordLines(para: string, capacity: number): number {
  let lines = 1;
  let used = -1;
  for (const word of para.split(" ")) {
    if (used >= 0 && used + 1 + word.length > capacity) {
      lines++;
      used = -1;
    }
    used = used < 0 ? word.length : used + 1 + word.length;
    while (used > capacity) {
      lines++;
      used -= capacity;
    }
  }
  return lines;
}

function textOf(v: CellValue): string | null {
  if (typeof v === "string") return v;
  if (v !== null && typeof v === "object" && isText(v)) return v.value;
  return null;
}

/** The `<row>` elements of the sheet, chunked. */
function* sheetDataRows(
  cells: SheetCells,
  styles: StyleRegistry,
  chunkSize: number
): Generator<string> {
  const heights = new RowHeights(cells.sheet, styles);
  const sorted: Active[] = cells.sources
    .map((s, order) => ({ s, order }))
    .sort((a, b) => a.s.r1 - b.s.r1 || a.order - b.order);
  let next = 0;
  let active: Active[] = [];
  let buf = "";
  let row = sorted.length > 0 ? sorted[0].s.r1 : 0;
  const merged = new Map<number, CellSource>();
  while (next < sorted.length || active.length > 0) {
    let added = false;
    while (next < sorted.length && sorted[next].s.r1 <= row) {
      active.push(sorted[next++]);
      added = true;
    }
    if (added) active.sort((a, b) => a.order - b.order);
    if (active.some((a) => a.s.r2 < row)) active = active.filter((a) => a.s.r2 >= row);
    if (active.length === 0) {
      if (next >= sorted.length) break;
      row = sorted[next].s.r1;
      continue;
    }
    const rowNum = String(row + 1);
    let line = "";
    let ht = 0;
    const emit = (s: CellSource, c: number) => {
      const v = s.value(row, c);
      const xf = s.xf(row, c, styles);
      line += cellXml(letters(c) + rowNum, v, xf);
      if (xf > 0) {
        const t = textOf(v);
        if (t !== null) ht = Math.max(ht, heights.cell(row, c, t, xf));
      }
    };
    if (active.length === 1) {
      const s = active[0].s;
      for (let c = s.c1; c <= s.c2; c++) emit(s, c);
    } else {
      merged.clear();
      for (const a of active) for (let c = a.s.c1; c <= a.s.c2; c++) merged.set(c, a.s);
      const cols = [...merged.keys()].sort((x, y) => x - y);
      for (const c of cols) emit(merged.get(c)!, c);
    }
    if (line !== "") {
      buf +=
        ht > 0
          ? `<row r="${rowNum}" ht="${numberText(ht)}">${line}</row>`
          : `<row r="${rowNum}">${line}</row>`;
      if (buf.length >= chunkSize) {
        yield buf;
        buf = "";
      }
    }
    row++;
  }
  if (buf !== "") yield buf;
}

function paneXml(frozen: { rows: number; cols: number }): string {
  const { rows, cols } = frozen;
  const topLeft = letters(cols) + String(rows + 1);
  const pane = rows > 0 && cols > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  let s = `<pane${cols > 0 ? ` xSplit="${cols}"` : ""}${rows > 0 ? ` ySplit="${rows}"` : ""} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>`;
  if (rows > 0 && cols > 0) s += `<selection pane="topRight"/><selection pane="bottomLeft"/>`;
  return s + `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
}

const ICON_SETS: Record<string, string> = {
  threeTrafficLights1: "3TrafficLights1",
  threeArrows: "3Arrows",
  threeSymbols: "3Symbols",
};

function formulaText(f: string): string {
  return escapeXml(f.startsWith("=") ? f.slice(1) : f);
}

/** One `<conditionalFormatting>` element per rule, priorities in spec order. */
export function conditionalFormattingXml(list: ConditionalFormat[], styles: StyleRegistry): string {
  let out = "";
  list.forEach((cf, i) => {
    const priority = i + 1;
    let rule: string;
    switch (cf.type) {
      case "cellValue":
        rule =
          `<cfRule type="cellIs" dxfId="${styles.dxf(cf.style)}" priority="${priority}" operator="${cf.operator}">` +
          `<formula>${formulaText(cf.formula1)}</formula>` +
          (cf.formula2 !== undefined ? `<formula>${formulaText(cf.formula2)}</formula>` : "") +
          `</cfRule>`;
        break;
      case "dataBar":
        rule = `<cfRule type="dataBar" priority="${priority}"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="${argb(cf.color)}"/></dataBar></cfRule>`;
        break;
      case "colorScale":
        rule =
          `<cfRule type="colorScale" priority="${priority}"><colorScale><cfvo type="min"/>` +
          (cf.midColor ? `<cfvo type="percentile" val="50"/>` : "") +
          `<cfvo type="max"/><color rgb="${argb(cf.minColor)}"/>` +
          (cf.midColor ? `<color rgb="${argb(cf.midColor)}"/>` : "") +
          `<color rgb="${argb(cf.maxColor)}"/></colorScale></cfRule>`;
        break;
      case "iconSet":
        rule =
          `<cfRule type="iconSet" priority="${priority}"><iconSet iconSet="${ICON_SETS[cf.iconSet]}"${cf.reverse ? ` reverse="1"` : ""}>` +
          `<cfvo type="percent" val="0"/><cfvo type="percent" val="33"/><cfvo type="percent" val="67"/></iconSet></cfRule>`;
        break;
    }
    out += `<conditionalFormatting sqref="${sqref(cf.range)}">${rule}</conditionalFormatting>`;
  });
  return out;
}

/** The list source of a validation: "a,b" inline (quoted), or an absolute range. */
export function validationFormula(
  v: ValidationSpec,
  sheet: SheetSpec,
  names: ReadonlyMap<SheetKey, string>
): string {
  if (Array.isArray(v.list)) return `"${v.list.join(",").replace(/"/g, '""')}"`;
  const r = v.list.range;
  const range = rangeA1(r.r1, r.c1, r.r2, r.c2, true);
  if (v.list.sheet === sheet.key) return range;
  const name = names.get(v.list.sheet);
  if (name === undefined)
    throw new Error(`Liste de validation sur une feuille inconnue : ${v.list.sheet}`);
  return `'${name.replace(/'/g, "''")}'!${range}`;
}

export function dataValidationsXml(sheet: SheetSpec, names: ReadonlyMap<SheetKey, string>): string {
  if (sheet.validations.length === 0) return "";
  let out = `<dataValidations count="${sheet.validations.length}">`;
  for (const v of sheet.validations) {
    const prompt = v.prompt
      ? ` showInputMessage="1" prompt="${escapeAttr(v.prompt.slice(0, 255))}"`
      : ` showInputMessage="1"`;
    out +=
      `<dataValidation type="list"${v.errorStyle === "warning" ? ` errorStyle="warning"` : ""}${v.allowBlank ? ` allowBlank="1"` : ""}` +
      `${prompt} showErrorMessage="1" sqref="${sqref(v.range)}"><formula1>${escapeXml(validationFormula(v, sheet, names))}</formula1></dataValidation>`;
  }
  return out + `</dataValidations>`;
}

/**
 * Internal hyperlinks (issue #12): `<hyperlink ref location>` needs no relationship part; the
 * target sheet is named as it is written in this workbook.
 */
export function hyperlinksXml(sheet: SheetSpec, names: ReadonlyMap<SheetKey, string>): string {
  const links = (sheet.links ?? []).filter((l) => names.has(l.target.sheet));
  if (links.length === 0) return "";
  let out = "<hyperlinks>";
  for (const l of links) {
    const t = l.target.range;
    const location = `'${names.get(l.target.sheet)!.replace(/'/g, "''")}'!${sqref(t)}`;
    out += `<hyperlink ref="${letters(l.col)}${l.row + 1}" location="${escapeAttr(location)}"${l.tip ? ` tooltip="${escapeAttr(l.tip)}"` : ""}/>`;
  }
  return out + "</hyperlinks>";
}

/** Characters printed across one landscape A4 page at most (about 35 % scale at 350). */
const CHARS_PER_PAGE = 350;

/** Print setup: as many pages wide as the written width (charts included) needs, 1 to 4; rows flow. */
function printPagesWide(sheet: SheetSpec, bounds: CellRange | null): number {
  let last = bounds ? bounds.c2 : 0;
  for (const ch of sheet.charts) last = Math.max(last, ch.anchor.col + ch.anchor.widthCols - 1);
  const widths = new Map(sheet.columnWidths.map((w) => [w.col, w.width]));
  let total = 0;
  for (let c = 0; c <= last; c++) total += widths.get(c) ?? DEFAULT_WIDTH;
  return Math.min(4, Math.max(1, Math.ceil(total / CHARS_PER_PAGE)));
}

/** The whole worksheet part, chunked. */
export function* worksheetXml(sheet: SheetSpec, o: WorksheetOptions): Generator<string> {
  const chunkSize = o.chunkSize ?? 65_536;
  const bounds = o.cells.bounds();
  let head = XML_DECL + `<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}">`;
  const pagesWide = printPagesWide(sheet, bounds);
  head += `<sheetPr>${sheet.tabColor ? `<tabColor rgb="${argb(sheet.tabColor)}"/>` : ""}<pageSetUpPr fitToPage="1"/></sheetPr>`;
  head += `<dimension ref="${bounds ? sqref(bounds) : "A1"}"/>`;
  const frozen =
    sheet.frozen && (sheet.frozen.rows > 0 || sheet.frozen.cols > 0) ? paneXml(sheet.frozen) : "";
  head += `<sheetViews><sheetView${o.tabSelected ? ` tabSelected="1"` : ""} workbookViewId="0">${frozen}</sheetView></sheetViews>`;
  head += `<sheetFormatPr defaultRowHeight="15"/>`;
  if (sheet.columnWidths.length > 0) {
    head += "<cols>";
    for (const w of [...sheet.columnWidths].sort((a, b) => a.col - b.col)) {
      head += `<col min="${w.col + 1}" max="${w.col + 1}" width="${numberText(w.width)}" customWidth="1"${w.hidden ? ` hidden="1"` : ""}/>`;
    }
    head += "</cols>";
  }
  yield head + "<sheetData>";
  yield* sheetDataRows(o.cells, o.styles, chunkSize);
  let tail = "</sheetData>";
  if (sheet.merges.length > 0)
    tail += `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${sqref(m)}"/>`).join("")}</mergeCells>`;
  tail += conditionalFormattingXml(sheet.conditionalFormats, o.styles);
  tail += dataValidationsXml(sheet, o.sheetNames);
  tail += hyperlinksXml(sheet, o.sheetNames);
  if (sheet.print) tail += printXml(sheet.print);
  else {
    tail += `<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>`;
    tail += `<pageSetup paperSize="9" orientation="landscape" fitToWidth="${pagesWide}" fitToHeight="0"/>`;
  }
  if (o.drawingRelId) tail += `<drawing r:id="${o.drawingRelId}"/>`;
  if (o.tableRelIds.length > 0)
    tail += `<tableParts count="${o.tableRelIds.length}">${o.tableRelIds.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>`;
  yield tail + "</worksheet>";
}
