/**
 * Print setup of the built sheets (issue #12): A4, fitted to one page wide, portrait when the
 * printed width fits a portrait page and landscape otherwise, the written area (cells and charts)
 * as print area, a long table's header row repeated on every page, and a header and footer naming
 * the collectivité, the sheet, the period, the run date and the page number. Pure; both renderers
 * (the .xlsx writer and the Office.js adapter) read the resulting `PrintSetup` and turn its texts
 * into Excel header/footer codes with `printCode`.
 */
import type { Period } from "../core/period";
import { text, type Lang, periodTitle } from "./labels";
import type { CellRange, PrintSetup, SheetSpec, Stamp } from "./spec";

/** What a print setup needs of the build context (./layout.ts's BuildContext has it). */
export interface PrintContext {
  lang: Lang;
  stamp: Stamp;
  /** The period gives the page header its reader's wording (absent: the stamp's label). */
  analysis: { organisation: string | null; period?: Period };
}

/** Excel's default column width, in characters. */
export const DEFAULT_COLUMN_WIDTH = 8.43;

/**
 * Characters across the printable width of an A4 page at 100 % (21 cm − 2 × 1 cm of margins ≈
 * 7.5 in ≈ 720 px, at 7 px a character of Calibri 11, plus cell padding): about 100 portrait.
 */
export const PORTRAIT_CHARS = 100;

/** Margins in inches (Excel's "narrow" margins, with room for the header and footer). */
export const PRINT_MARGINS = {
  left: 0.4,
  right: 0.4,
  top: 0.75,
  bottom: 0.75,
  header: 0.3,
  footer: 0.3,
} as const;

/** A table longer than this repeats its header row on every printed page. */
export const LONG_TABLE_ROWS = 25;

/** Excel's limit on one header or footer (all three parts, with their codes). */
const HEADER_FOOTER_MAX = 255;

export interface PrintChoice {
  /** Default "auto": portrait when the printed width fits (≤ PORTRAIT_CHARS), else landscape. */
  orientation?: "portrait" | "landscape" | "auto";
  /**
   * Header row repeated on every page: a row index, null for none, or "auto" (default): the
   * header row of the longest table when it has more than LONG_TABLE_ROWS rows and starts within
   * the first page (row < 30) and is the last table of the sheet, so that the repeated row never
   * prints above another table.
   */
  titleRow?: number | null | "auto";
  /** First printed column (default 0): 1 leaves out a column of row keys. */
  firstColumn?: number;
  /** Last printed column (default: the last written one): leaves out lists kept at the right. */
  lastColumn?: number;
  /** Last printed row (default: the last written one): leaves out data kept below or beside. */
  lastRow?: number;
  /** Pages tall at most (default: as many as the rows need): 1 for the one-page Synthèse. */
  fitToHeight?: number;
  /** Rows (0-based) that start a new printed page. */
  rowBreaks?: number[];
}

/** The written area of a sheet: from A1 to the last written cell or chart corner. */
export function writtenArea(sheet: Pick<SheetSpec, "blocks" | "tables" | "charts">): CellRange {
  let r2 = 0;
  let c2 = 0;
  for (const b of sheet.blocks) {
    r2 = Math.max(r2, b.row + b.values.length - 1);
    c2 = Math.max(c2, b.col + (b.values[0]?.length ?? 1) - 1);
  }
  for (const t of sheet.tables) {
    r2 = Math.max(r2, t.row + Math.max(1, t.rows.length));
    c2 = Math.max(c2, t.col + t.columns.length - 1);
  }
  for (const ch of sheet.charts) {
    r2 = Math.max(r2, ch.anchor.row + ch.anchor.heightRows - 1);
    c2 = Math.max(c2, ch.anchor.col + ch.anchor.widthCols - 1);
  }
  return { r1: 0, c1: 0, r2, c2 };
}

/** Width in characters of columns 0..lastCol. */
export function printedWidth(sheet: Pick<SheetSpec, "columnWidths">, lastCol: number): number {
  const widths = new Map(sheet.columnWidths.map((w) => [w.col, w.width]));
  let total = 0;
  for (let c = 0; c <= lastCol; c++) total += widths.get(c) ?? DEFAULT_COLUMN_WIDTH;
  return total;
}

function autoTitleRow(sheet: Pick<SheetSpec, "tables">): number | null {
  let best: SheetSpec["tables"][number] | null = null;
  for (const t of sheet.tables) if (!best || t.rows.length > best.rows.length) best = t;
  if (!best || best.rows.length <= LONG_TABLE_ROWS || best.row >= 30) return null;
  // Another table below it would print under the long table's repeated header: none then.
  if (sheet.tables.some((t) => t !== best && t.row > best!.row)) return null;
  return best.row;
}

function dmy(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** The print setup of a sheet built in `ctx`. */
export function printSetup(
  ctx: PrintContext,
  sheet: Pick<SheetSpec, "blocks" | "tables" | "charts" | "columnWidths">,
  choice: PrintChoice = {}
): PrintSetup {
  const written = writtenArea(sheet);
  const c1 = Math.min(choice.firstColumn ?? 0, written.c2);
  const area = {
    ...written,
    c1,
    c2: Math.max(c1, Math.min(choice.lastColumn ?? written.c2, written.c2)),
    r2: Math.min(choice.lastRow ?? written.r2, written.r2),
  };
  const o = choice.orientation ?? "auto";
  const orientation =
    o === "auto"
      ? printedWidth(sheet, area.c2) - printedWidth(sheet, area.c1 - 1) <= PORTRAIT_CHARS
        ? "portrait"
        : "landscape"
      : o;
  const fr = ctx.lang === "fr";
  const s = ctx.stamp;
  const organisation = ctx.analysis.organisation ?? "Optima Achats";
  const setup: PrintSetup = {
    orientation,
    fitToWidth: 1,
    ...(choice.fitToHeight ? { fitToHeight: choice.fitToHeight } : {}),
    ...(choice.rowBreaks && choice.rowBreaks.length > 0
      ? { rowBreaks: [...choice.rowBreaks] }
      : {}),
    area,
    header: [
      clip(organisation, 80),
      "{sheet}",
      clip(`${text(ctx.lang, "stampPeriod")} ${ctx.analysis.period ? periodTitle(ctx.lang, ctx.analysis.period) : s.period.label}`, 60),
    ],
    footer: [
      clip(`${fr ? "Analyse du" : "Run on"} ${dmy(s.runDate)} · Optima Achats ${s.version}`, 80),
      fr ? "Page {page} / {pages}" : "Page {page} of {pages}",
      fr ? "Imprimé le {date}" : "Printed on {date}",
    ],
  };
  const title =
    choice.titleRow === undefined || choice.titleRow === "auto"
      ? autoTitleRow(sheet)
      : choice.titleRow;
  if (title !== null && title <= area.r2) setup.titleRows = { first: title, last: title };
  return setup;
}

/**
 * A header or footer part in Excel's codes: "&" doubled, {page} → &P, {pages} → &N,
 * {sheet} → &A, {date} → &D.
 */
export function printCode(part: string): string {
  return part
    .replace(/&/g, "&&")
    .replace(/\{page\}/g, "&P")
    .replace(/\{pages\}/g, "&N")
    .replace(/\{sheet\}/g, "&A")
    .replace(/\{date\}/g, "&D");
}

/** The three parts of a header or footer as one Excel string (&L…&C…&R…), within 255 characters. */
export function headerFooterCode(parts: readonly [string, string, string]): string {
  const [l, c, r] = parts.map(printCode);
  let out = `&L${l}&C${c}&R${r}`;
  if (out.length > HEADER_FOOTER_MAX)
    out = `&L${l.slice(0, Math.max(0, l.length - (out.length - HEADER_FOOTER_MAX)))}&C${c}&R${r}`;
  return out;
}
