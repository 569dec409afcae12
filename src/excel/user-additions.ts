/**
 * The Office.js side of the user-additions check (the rules: src/report/user-additions.ts, the
 * same as the .xlsx writer's): each owned input sheet about to be rewritten is described as plain
 * data, in two round trips for all of them —
 *
 * 1. sizes: the used range, and the counts of charts (ExcelApi 1.4), shapes (pictures, text
 *    boxes; 1.9), comments (1.10) and notes (1.18) where the host has them;
 * 2. cells: the used range's formulas and number formats, and (1.9) the fill and font of each cell
 *    (`getCellProperties`), which tell our formats (STYLES, Formats) from the user's. A used range
 *    beyond MAX_CELLS is not read: it counts as an addition (the sheet is kept, nothing lost).
 *
 * The cells of a formula are kept too: the renderer writes them back on the kept sheet after the
 * swap when they refer to a sheet the swap replaced (a deleted sheet would leave #REF!).
 */
import { formats } from "../report/cells";
import {
  ADDITION_KIND,
  layoutOf,
  userAdditionsOf,
  type OldCell,
  type OldCellStyle,
} from "../report/user-additions";
import { STYLES, type SheetKey, type SheetSpec } from "../report/spec";
import type { ExcelSession } from "./excel-run";

/**
 * Cells of old sheets read per sync (a plan is a few thousand; about 130 bytes of response per
 * cell with its formats, so some 2.6 MB, under Excel on the web's 4 MB): one sheet above it is
 * not read, several are read in as many syncs as needed.
 */
export const MAX_CELLS = 20_000;

export interface AdditionsCheck {
  key: SheetKey;
  /** Current name of the old sheet. */
  sheet: string;
  /** The new spec of the sheet. */
  spec: SheetSpec;
}

export interface SheetAdditions {
  /** French descriptions (empty: nothing of the user's would be lost). */
  additions: string[];
  /** Formula cells of the old sheet (0-based), formula text with "=". */
  formulas: { row: number; col: number; formula: string }[];
}

const OUR_FILLS = new Set(
  Object.values(STYLES).flatMap((s) => (s.fill ? [s.fill.toUpperCase()] : []))
);
const INPUT_FILL = (STYLES.input.fill ?? "").toUpperCase();
const OUR_FONT_COLORS = new Set(
  Object.values(STYLES).flatMap((s) => (s.fontColor ? [s.fontColor.toUpperCase()] : []))
);
const OUR_NUMBER_FORMATS = new Set<string>([
  "@",
  ...Object.values(formats("fr")),
  ...Object.values(formats("en")),
]);
const DEFAULT_FILL = "#FFFFFF";
const DEFAULT_FONT = "#000000";

interface CellFormat {
  fill: string | null;
  bold: boolean;
  italic: boolean;
  fontColor: string | null;
  numberFormat: string;
}

/** Which formats of a cell: none, ours (an input cell's or another), or the user's. */
export function styleOf(f: CellFormat): OldCellStyle {
  const fill = (f.fill ?? DEFAULT_FILL).toUpperCase();
  const font = (f.fontColor ?? DEFAULT_FONT).toUpperCase();
  if (fill === INPUT_FILL) return "input";
  let ours = false;
  if (fill !== DEFAULT_FILL) {
    if (!OUR_FILLS.has(fill)) return "foreign";
    ours = true;
  }
  if (font !== DEFAULT_FONT) {
    if (!OUR_FONT_COLORS.has(font)) return "foreign";
    ours = true;
  }
  if (f.bold || f.italic) ours = true;
  const nf = f.numberFormat;
  if (nf !== "General" && nf !== "") {
    if (!OUR_NUMBER_FORMATS.has(nf)) return "foreign";
    ours = true;
  }
  return ours ? "ours" : "none";
}

function inInputs(spec: SheetSpec, row: number, col: number): boolean {
  return spec.inputs.some(
    (i) => row >= i.range.r1 && row <= i.range.r2 && col >= i.range.c1 && col <= i.range.c2
  );
}

type Count = OfficeExtension.ClientResult<number>;

interface Pending {
  check: AdditionsCheck;
  used: Excel.Range;
  charts: Count;
  shapes: Count | null;
  comments: Count | null;
  notes: Count | null;
}

/** The user's additions to each old input sheet (see the module comment): 2 syncs for all, usually. */
export async function detectUserAdditions(
  session: ExcelSession,
  checks: AdditionsCheck[]
): Promise<Map<SheetKey, SheetAdditions>> {
  const out = new Map<SheetKey, SheetAdditions>();
  if (checks.length === 0) return out;
  const s19 = session.supports("1.9");
  const s110 = session.supports("1.10");
  const s118 = session.supports("1.18");
  // 1. Sizes and object counts.
  const pending: Pending[] = checks.map((check) => {
    const ws = session.workbook.worksheets.getItem(check.sheet);
    const used = ws.getUsedRangeOrNullObject(false).load("rowIndex,columnIndex,rowCount,columnCount");
    type Countable = { getCount(): Count };
    const counted = (name: string, ok: boolean): Count | null =>
      ok ? (ws as unknown as Record<string, Countable>)[name].getCount() : null;
    return {
      check,
      used,
      charts: ws.charts.getCount(),
      shapes: counted("shapes", s19),
      comments: counted("comments", s110),
      notes: counted("notes", s118),
    };
  });
  await session.sync();
  // 2. Cells of the sheets within bounds.
  const reads: {
    p: Pending;
    objects: string[];
    unread?: string;
    range: Excel.Range | null;
    props: OfficeExtension.ClientResult<Excel.CellProperties[][]> | null;
    cells: number;
  }[] = [];
  for (const p of pending) {
    const objects: string[] = [];
    if (p.charts.value > p.check.spec.charts.length) objects.push(ADDITION_KIND.drawing);
    if (p.shapes && p.shapes.value > 0) objects.push(ADDITION_KIND.drawing);
    if (p.comments && p.comments.value > 0) objects.push(ADDITION_KIND.comments);
    if (p.notes && p.notes.value > 0) objects.push("notes");
    const u = p.used;
    if (u.isNullObject) {
      reads.push({ p, objects, range: null, props: null, cells: 0 });
      continue;
    }
    const cells = u.rowCount * u.columnCount;
    if (cells > MAX_CELLS) {
      reads.push({
        p,
        objects,
        unread: `plage utilisée de ${cells.toLocaleString("fr-FR")} cellules, trop grande pour être vérifiée`,
        range: null,
        props: null,
        cells: 0,
      });
      continue;
    }
    reads.push({ p, objects, range: u, props: null, cells });
  }
  // The cells, in syncs of at most MAX_CELLS cells (usually one).
  let batch = 0;
  for (const r of reads) {
    if (r.range === null) continue;
    if (batch > 0 && batch + r.cells > MAX_CELLS) {
      await session.sync();
      batch = 0;
    }
    batch += r.cells;
    r.range.load("formulas,numberFormat");
    r.props = s19
      ? r.range.getCellProperties({
          format: { fill: { color: true }, font: { bold: true, italic: true, color: true } },
        })
      : null;
  }
  if (batch > 0) await session.sync();
  for (const r of reads) {
    const cells: OldCell[] = [];
    const formulas: SheetAdditions["formulas"] = [];
    if (r.range) {
      const u = r.p.used;
      const f = r.range.formulas as unknown[][];
      const nf = r.range.numberFormat as unknown[][];
      const props = r.props ? r.props.value : null;
      for (let i = 0; i < f.length; i++) {
        for (let j = 0; j < f[i].length; j++) {
          const v = f[i][j];
          const row = u.rowIndex + i;
          const col = u.columnIndex + j;
          const text = typeof v === "string" && v.startsWith("=") ? v : null;
          const filled = v !== null && v !== undefined && v !== "";
          const p = props?.[i]?.[j]?.format;
          let style = styleOf({
            fill: p?.fill?.color ?? null,
            bold: p?.font?.bold === true,
            italic: p?.font?.italic === true,
            fontColor: p?.font?.color ?? null,
            numberFormat: typeof nf?.[i]?.[j] === "string" ? (nf[i][j] as string) : "General",
          });
          // Without cell properties (before ExcelApi 1.9), the new layout's input ranges say
          // which cells are input cells.
          if (props === null && style !== "foreign" && inInputs(r.p.check.spec, row, col))
            style = "input";
          if (!filled && style !== "ours" && style !== "input") continue;
          if (text !== null) formulas.push({ row, col, formula: text });
          cells.push({ row, col, style, formula: text === null ? null : text.slice(1), filled });
        }
      }
    }
    const additions = userAdditionsOf(
      { objects: r.objects, cells, ...(r.unread ? { unread: r.unread } : {}) },
      layoutOf(r.p.check.spec)
    );
    out.set(r.p.check.key, { additions, formulas });
  }
  return out;
}
