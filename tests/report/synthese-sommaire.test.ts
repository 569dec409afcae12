/**
 * Synthèse (one A4 page for élus) and Sommaire (contents with internal hyperlinks), issue #12
 * items 3 and 4.
 */
import { cellKey, writtenCells } from "../../src/report/grid";
import { emptyInputs, readUserInputs } from "../../src/report/inputs";
import { SYNTHESE_COMMENT_LABELS } from "../../src/report/input-layout";
import { sectionsOf } from "../../src/report/sheets/sommaire";
import { SYNTHESE_COLS } from "../../src/report/sheets/synthese";
import { plainValue, type SheetSpec, type WorkbookSpec } from "../../src/report/spec";
import { buildWorkbookSpec } from "../../src/report/workbook";
import { richAnalysis, spendOnlyAnalysis } from "./fixture";

const OPTIONS = { runDate: "2026-01-15", sources: ["Mandats", "Marches"] };
const rich = buildWorkbookSpec(richAnalysis(), OPTIONS);

function sheet(s: WorkbookSpec, key: string): SheetSpec {
  return s.sheets.find((x) => x.key === key)!;
}

/** Tiles: a kpi* title with its kpi*Big value right below. */
function tileCount(s: SheetSpec): number {
  return s.blocks.filter((b) => b.style?.startsWith("kpi") && !b.style.endsWith("Big") && s.blocks.some((v) => v.row === b.row + 1 && v.col === b.col && v.style === `${b.style}Big`)).length;
}

describe("Synthèse", () => {
  test("comes right after the Sommaire, before the dashboard", () => {
    expect(rich.sheets.slice(0, 3).map((s) => s.key)).toEqual(["sommaire", "synthese", "dashboard"]);
  });

  test("prints on one A4 portrait page: fitted 1 page wide and 1 page tall, its 8 grid columns only", () => {
    const p = sheet(rich, "synthese").print!;
    expect(p.orientation).toBe("portrait");
    expect(p.fitToWidth).toBe(1);
    expect(p.fitToHeight).toBe(1);
    expect(p.area.c1).toBe(0);
    expect(p.area.c2).toBe(SYNTHESE_COLS - 1);
  });

  test("6 to 8 key figures, only computed ones (no N/D tile for élus)", () => {
    const s = sheet(rich, "synthese");
    const n = tileCount(s);
    expect(n).toBeGreaterThanOrEqual(6);
    expect(n).toBeLessThanOrEqual(8);
    const texts = s.blocks.map((b) => plainValue(b.values[0][0]));
    expect(texts).not.toContain("N/D");
    // Spend only: fewer indicators are computed, still no N/D tile.
    const spend = sheet(buildWorkbookSpec(spendOnlyAnalysis(), OPTIONS), "synthese");
    expect(spend.blocks.map((b) => plainValue(b.values[0][0]))).not.toContain("N/D");
  });

  test("the Pareto becomes horizontal bars of the first families, largest at the top, without the cumulative line", () => {
    const bar = sheet(rich, "synthese").charts.find((c) => c.id === "synthese-pareto")!;
    expect(bar.type).toBe("bar");
    expect(bar.series).toHaveLength(1);
    const own = writtenCells(sheet(rich, "synthese"));
    const v = bar.series[0].values.range;
    const amounts = Array.from({ length: v.r2 - v.r1 + 1 }, (_, k) => own.get(cellKey(v.r1 + k, v.c1)) as number);
    // Bottom-up: ascending in the data.
    expect([...amounts].sort((a, b) => a - b)).toEqual(amounts);
  });

  test("3 to 4 charts inside the printed page, fed by copies of the dashboard's data on the Synthèse itself", () => {
    const s = sheet(rich, "synthese");
    const dash = sheet(rich, "dashboard");
    expect(s.charts.length).toBeGreaterThanOrEqual(3);
    expect(s.charts.length).toBeLessThanOrEqual(4);
    const own = writtenCells(s);
    const theirs = writtenCells(dash);
    for (const c of s.charts) {
      expect(c.anchor.col + c.anchor.widthCols).toBeLessThanOrEqual(SYNTHESE_COLS);
      expect(c.anchor.row + c.anchor.heightRows - 1).toBeLessThanOrEqual(s.print!.area.r2);
      const original = dash.charts.find((d) => `synthese-${d.id}` === c.id)!;
      expect(original).toBeDefined();
      c.series.forEach((se, i) => {
        expect(se.values.sheet).toBe("synthese");
        // The copied values are the dashboard's, cell by cell (the Pareto keeps its first bars,
        // as horizontal bars listed bottom-up: the largest family at the top of the chart).
        const from = original.series[i].values.range;
        const n = se.values.range.r2 - se.values.range.r1;
        for (let k = 0; k <= n; k++)
          expect(own.get(cellKey(se.values.range.r1 + (c.type === "bar" ? n - k : k), se.values.range.c1))).toEqual(theirs.get(cellKey(from.r1 + k, from.c1)));
      });
    }
  });

  test("the director's comment box: one marked input cell (input style, listed in inputs) under its title", () => {
    const s = sheet(rich, "synthese");
    expect(s.inputs).toHaveLength(1);
    const at = s.inputs[0].range;
    const block = s.blocks.find((b) => b.row === at.r1 && b.col === at.c1)!;
    expect(block.style).toBe("input");
    expect(block.values[0]).toHaveLength(SYNTHESE_COLS);
    expect(s.merges).toContainEqual(expect.objectContaining({ r1: at.r1, c1: 0, c2: SYNTHESE_COLS - 1 }));
    const title = s.blocks.find((b) => b.row === at.r1 - 2 && b.col === 0)!;
    expect(plainValue(title.values[0][0])).toBe(SYNTHESE_COMMENT_LABELS[0]);
  });

  test("the comment typed by the director is read back and written again by the next run", () => {
    const s = sheet(rich, "synthese");
    const at = s.inputs[0].range;
    // The sheet as read back: its written values, plus the comment typed in the input cell.
    const grid: (string | number | null)[][] = Array.from({ length: at.r1 + 1 }, () => []);
    for (const [k, v] of writtenCells(s)) {
      const [r, c] = k.split(":").map(Number);
      if (r <= at.r1) grid[r][c] = plainValue(v) as string | number | null;
    }
    grid[at.r1][0] = "Bonne maîtrise des délais ; à présenter en commission.";
    const inputs = readUserInputs({ Synthèse: grid });
    expect(inputs.synthesisComment).toBe("Bonne maîtrise des délais ; à présenter en commission.");
    const next = sheet(buildWorkbookSpec(richAnalysis(), { ...OPTIONS, previousInputs: inputs }), "synthese");
    const cell = next.blocks.find((b) => b.row === at.r1 && b.col === 0 && b.style === "input")!;
    expect(cell.values[0][0]).toBe("Bonne maîtrise des délais ; à présenter en commission.");
    // No comment: the cell stays empty.
    const blank = sheet(buildWorkbookSpec(richAnalysis(), { ...OPTIONS, previousInputs: emptyInputs() }), "synthese");
    expect(blank.blocks.find((b) => b.row === at.r1 && b.col === 0 && b.style === "input")!.values[0][0]).toBeNull();
  });
});

describe("Sommaire", () => {
  test("first sheet; one line per other sheet, its name linking to the sheet's title cell", () => {
    const s = rich.sheets[0];
    expect(s.key).toBe("sommaire");
    const links = s.links ?? [];
    for (const other of rich.sheets.slice(1)) {
      const line = s.blocks.find((b) => b.col === 0 && plainValue(b.values[0][0]) === other.name);
      expect(line).toBeDefined();
      const link = links.find((l) => l.row === line!.row && l.col === 0)!;
      expect(link.target.sheet).toBe(other.key);
      // The target is the sheet's title (row 0, first visible column).
      expect(link.target.range.r1).toBe(0);
      const title = writtenCells(other).get(cellKey(0, link.target.range.c1));
      expect(typeof plainValue(title ?? null)).toBe("string");
    }
  });

  test("each main section of a sheet has its line, linking to the section's row", () => {
    const s = rich.sheets[0];
    const dash = sheet(rich, "dashboard");
    const sections = sectionsOf(dash);
    // The dashboard's sections: key indicators, reconciliation, charts.
    expect(sections.map((x) => x.title)).toEqual(["Indicateurs clés", "Rapprochement des données (rien n'est perdu)", "Graphiques"]);
    for (const sec of sections) {
      const link = (s.links ?? []).find((l) => l.target.sheet === "dashboard" && l.target.range.r1 === sec.row)!;
      expect(link).toBeDefined();
      const text = s.blocks.find((b) => b.row === link.row && b.col === link.col)!;
      expect(plainValue(text.values[0][0])).toBe(`› ${sec.title}`);
    }
  });
});
