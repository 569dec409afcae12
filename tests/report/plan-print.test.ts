/**
 * The Plan stratégique printed readable (issue #12, items 3 and 5): its nine tables share the
 * sheet's columns, and what is fitted onto one A4 landscape page width is the sum of the printed
 * columns' widths. An A4 landscape page holds about 145 characters of Calibri 11 at 100 % (29.7 cm
 * − 2 × 0.4 in of margins ≈ 10.9 in, against 7.5 in for PORTRAIT_CHARS = 100): at most 200
 * characters keeps the scale ≥ 145 / 200 ≈ 72 %, body text ≈ 8 pt. Every input cell stays inside
 * the print area, the row keys of column A are hidden and not printed, and no printed cell shows a
 * row key.
 */
import { cellKey, writtenCells } from "../../src/report/grid";
import { emptyInputs, type UserInputs } from "../../src/report/inputs";
import { PLAN_SECTIONS } from "../../src/report/input-layout";
import { DEFAULT_COLUMN_WIDTH } from "../../src/report/print";
import { plainValue, type SheetSpec } from "../../src/report/spec";
import { buildWorkbookSpec } from "../../src/report/workbook";
import { demoAnalysis, RUN } from "../file/xlsx-writer-helpers";
import { richAnalysis } from "./fixture";

const OPTIONS = { runDate: "2026-01-15", sources: ["Mandats", "Marches"] };

/** Inputs in every section, a family gone from the analysis and a row added by the user. */
const USER: UserInputs = {
  ...emptyInputs(),
  plan: {
    "actions/F:INFO": { lever: "Groupement de commandes", owner: "Mme Martin", comment: "à voir" },
    "actions/F:GONE": { owner: "M. Durand" },
    "orientations/ecologie": { text: "Sobriété énergétique des bâtiments" },
    "objectives/RE1": { target: 0.8, owner: "Service achats" },
    "renewals/M-X": { renewalAction: "Relancer une consultation", launch: 46000 },
    "responsible/charte": { commitment: "Charte votée en 2026" },
    "mutualisation/F:INFO": { coordinator: "Communauté" },
    "evaluation/SP1": { owner: "DGS" },
  },
  planExtraRows: [{ familyLabel: "Restauration scolaire", owner: "Cuisine centrale" }],
};

/** Width in characters of the columns that print: inside the print area and not hidden. */
function printedColumnsWidth(plan: SheetSpec): number {
  const area = plan.print!.area;
  let total = 0;
  for (let c = area.c1; c <= area.c2; c++) {
    const w = plan.columnWidths.find((x) => x.col === c);
    if (w?.hidden) continue;
    total += w?.width ?? DEFAULT_COLUMN_WIDTH;
  }
  return total;
}

const cases: [string, SheetSpec][] = [
  [
    "fixture, French",
    buildWorkbookSpec(richAnalysis(), { ...OPTIONS, previousInputs: USER }).sheets.find(
      (s) => s.key === "plan"
    )!,
  ],
  [
    "fixture, English",
    buildWorkbookSpec(richAnalysis(), { ...OPTIONS, lang: "en", previousInputs: USER }).sheets.find(
      (s) => s.key === "plan"
    )!,
  ],
  ["demo", buildWorkbookSpec(demoAnalysis(), RUN).sheets.find((s) => s.key === "plan")!],
];

describe.each(cases)("Plan stratégique print layout (%s)", (_name, plan) => {
  test("A4 landscape, one page wide, the printed columns sum to at most 200 characters", () => {
    expect(plan.print).toMatchObject({ orientation: "landscape", fitToWidth: 1 });
    const width = printedColumnsWidth(plan);
    expect(width).toBeLessThanOrEqual(200);
    // Not a degenerate area either: the label, text and input columns need at least ~150.
    expect(width).toBeGreaterThan(150);
  });

  test("every input cell is inside the print area", () => {
    const area = plan.print!.area;
    expect(plan.inputs.length).toBeGreaterThan(0);
    for (const inp of plan.inputs) {
      const inside =
        inp.range.c1 >= area.c1 &&
        inp.range.c2 <= area.c2 &&
        inp.range.r1 >= area.r1 &&
        inp.range.r2 <= area.r2;
      expect({ field: `${inp.section}.${inp.field}`, inside }).toEqual({
        field: `${inp.section}.${inp.field}`,
        inside: true,
      });
      // Printed columns are never hidden.
      expect(plan.columnWidths.find((w) => w.col === inp.range.c1)?.hidden ?? false).toBe(false);
    }
  });

  test("every table starts inside the print area with its label column printed", () => {
    const area = plan.print!.area;
    for (const t of plan.tables) {
      // Keyed tables start at the hidden key column A; the label is the next column.
      const label = t.columns[0].key === "key" ? t.col + 1 : t.col;
      expect({
        table: t.name,
        printed: label >= area.c1 && label <= area.c2 && t.row + 1 <= area.r2,
      }).toEqual({ table: t.name, printed: true });
    }
  });

  test("row keys are hidden in column A, outside the print area, and no printed cell shows one", () => {
    expect(plan.columnWidths.find((w) => w.col === 0)).toMatchObject({ hidden: true });
    const area = plan.print!.area;
    expect(area.c1).toBe(1);
    const keyLike = new RegExp(`^(${PLAN_SECTIONS.join("|")})/`);
    const cells = writtenCells(plan);
    for (let r = area.r1; r <= area.r2; r++)
      for (let c = area.c1; c <= area.c2; c++) {
        const v = plainValue(cells.get(cellKey(r, c)) ?? null);
        if (typeof v === "string")
          expect({ r, c, v, key: keyLike.test(v) || v.startsWith("#") }).toEqual({
            r,
            c,
            v,
            key: false,
          });
      }
  });
});
