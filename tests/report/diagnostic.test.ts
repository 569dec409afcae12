import { formulaReferences } from "../../src/report/a1";
import {
  AXES,
  DIAGNOSTIC_QUESTIONS,
  diagnosticScores,
  parseAnswer,
  type DiagnosticAnswer,
} from "../../src/report/diagnostic-questions";
import { cellKey, writtenCells } from "../../src/report/grid";
import { emptyInputs } from "../../src/report/inputs";
import { ANSWER_SCALE, PLAN_LISTS } from "../../src/report/labels";
import { isFormula, plainValue, type CellValue, type SheetSpec } from "../../src/report/spec";
import { buildWorkbookSpec } from "../../src/report/workbook";
import { spendOnlyAnalysis } from "./fixture";

describe("questions", () => {
  test("24 questions, 8 per axis, stable ids, French text, a valid lever", () => {
    expect(DIAGNOSTIC_QUESTIONS).toHaveLength(24);
    for (const axis of AXES) expect(DIAGNOSTIC_QUESTIONS.filter((q) => q.axis === axis)).toHaveLength(8);
    const ids = DIAGNOSTIC_QUESTIONS.map((q) => q.id);
    expect(new Set(ids).size).toBe(24);
    for (const q of DIAGNOSTIC_QUESTIONS) {
      expect(q.id).toMatch(/^(STR|OUT|ORG)-0[1-8]$/);
      expect(q.text[0]).toMatch(/\?$/);
      expect(q.text[1]).toMatch(/\?$/);
      expect(PLAN_LISTS.lever[q.lever]).toBeDefined();
      expect(q.action[0].length).toBeGreaterThan(5);
    }
  });

  test("SPEC §7 topics are covered", () => {
    const topics = DIAGNOSTIC_QUESTIONS.map((q) => q.topic[0].toLowerCase()).join(" | ");
    for (const word of ["politique d'achat", "spaser", "pme", "cartographie", "nomenclature", "decp", "formation", "dgp", "territoires", "mutualisation"]) {
      expect(topics).toContain(word);
    }
  });
});

describe("parseAnswer", () => {
  test.each<[unknown, DiagnosticAnswer | null]>([
    ["2 · Oui, formalisé", 2],
    ["0 · No", 0],
    [3, 3],
    ["1", 1],
    [0, 0],
    [7, null],
    ["Oui", null],
    ["", null],
    [null, null],
    [true, null],
    [-1, null],
  ])("%p → %p", (value, expected) => expect(parseAnswer(value)).toBe(expected));
});

describe("diagnosticScores", () => {
  const answers: Record<string, DiagnosticAnswer> = {
    "STR-01": 3,
    "STR-02": 3,
    "STR-03": 2,
    "STR-04": 1,
    "ORG-02": 0,
    "ORG-01": 0,
  };

  test("hand-computed scores: Σ / (3 × answered), unanswered not counted", () => {
    const s = diagnosticScores(answers);
    expect(s.byAxis.strategie).toEqual({ axis: "strategie", score: 75, answered: 4, questions: 8 });
    expect(s.byAxis.outils.score).toBeNull();
    expect(s.byAxis.outils.answered).toBe(0);
    expect(s.byAxis.organisation.score).toBe(0);
    expect(s.overall).toBe(50);
    expect(s.answered).toBe(6);
  });

  test("weakest items: answers 0 and 1, weakest first then question order", () => {
    expect(diagnosticScores(answers).weakest.map((w) => [w.question.id, w.answer])).toEqual([
      ["ORG-01", 0],
      ["ORG-02", 0],
      ["STR-04", 1],
    ]);
  });

  test("at most 8 weak items; unknown ids ignored", () => {
    const all: Record<string, DiagnosticAnswer> = { "XXX-01": 0 };
    for (const q of DIAGNOSTIC_QUESTIONS) all[q.id] = 0;
    const s = diagnosticScores(all);
    expect(s.weakest).toHaveLength(8);
    expect(s.answered).toBe(24);
    expect(s.overall).toBe(0);
  });

  test("nothing answered", () => {
    const s = diagnosticScores({});
    expect(s.overall).toBeNull();
    expect(s.weakest).toEqual([]);
  });
});

/** Evaluates the two formula shapes of the sheet over its written cells. */
function evaluate(sheet: SheetSpec): (r: number, c: number) => number | string | null {
  const cells = writtenCells(sheet);
  const memo = new Map<string, number | string | null>();
  const value = (r: number, c: number): number | string | null => {
    const k = cellKey(r, c);
    if (memo.has(k)) return memo.get(k)!;
    const v: CellValue | undefined = cells.get(k);
    let out: number | string | null;
    if (v === undefined || v === null) out = null;
    else if (isFormula(v)) out = formulaValue(v.formula);
    else out = plainValue(v) as number | string | null;
    memo.set(k, out);
    return out;
  };
  const formulaValue = (f: string): number | string | null => {
    const refs = formulaReferences(f);
    if (/^=IFERROR\(MATCH\(LEFT\([A-Z]+\d+,1\),\{"0","1","2","3"\},0\)-1,""\)$/.test(f)) {
      const v = value(refs[0].r1, refs[0].c1);
      const s = v === null ? "" : String(v);
      const i = ["0", "1", "2", "3"].indexOf(s.charAt(0));
      return i < 0 ? "" : i;
    }
    const m = /^=IF\(COUNT\(([A-Z]+\d+:[A-Z]+\d+)\)=0,"",SUM\(\1\)\/\(3\*COUNT\(\1\)\)\)$/.exec(f);
    if (m) {
      const r = refs[0];
      const nums: number[] = [];
      for (let row = r.r1; row <= r.r2; row++) {
        const v = value(row, r.c1);
        if (typeof v === "number") nums.push(v);
      }
      return nums.length === 0 ? "" : nums.reduce((a, b) => a + b, 0) / (3 * nums.length);
    }
    const c = /^=COUNT\(([A-Z]+\d+:[A-Z]+\d+)\)$/.exec(f);
    if (c) {
      const r = refs[0];
      let n = 0;
      for (let row = r.r1; row <= r.r2; row++) if (typeof value(row, r.c1) === "number") n++;
      return n;
    }
    throw new Error(`Formule non évaluée : ${f}`);
  };
  return value;
}

describe("Diagnostic 360 sheet", () => {
  const answers: Record<string, DiagnosticAnswer> = { "STR-01": 3, "STR-02": 1, "OUT-05": 2, "ORG-08": 0, "ORG-07": 3 };
  const analysis = spendOnlyAnalysis();
  const spec = buildWorkbookSpec(analysis, { runDate: "2026-01-15", sources: ["Mandats"], previousInputs: { ...emptyInputs(), diagnostic: answers, diagnosticComments: { "STR-02": "Charte en projet" } } });
  const sheet = spec.sheets.find((s) => s.key === "diagnostic")!;
  const table = sheet.tables.find((t) => t.name === "tblDiagnostic360")!;

  test("one row per question with the answer typed back as the list label and the comment", () => {
    expect(table.rows).toHaveLength(24);
    const col = (k: string) => table.columns.findIndex((c) => c.key === k);
    for (const row of table.rows) {
      const id = plainValue(row[0]) as string;
      const expected = answers[id];
      expect(plainValue(row[col("answer")])).toBe(expected === undefined ? null : ANSWER_SCALE[expected][0]);
    }
    const str02 = table.rows.find((r) => plainValue(r[0]) === "STR-02")!;
    expect(plainValue(str02[col("comment")])).toBe("Charte en projet");
  });

  test("the live axis scores equal diagnosticScores (as fractions)", () => {
    const value = evaluate(sheet);
    const ts = diagnosticScores(answers);
    const radar = sheet.charts.find((c) => c.type === "radar")!;
    const cats = radar.categories!.range;
    const vals = radar.series[0].values.range;
    expect(vals.r2 - vals.r1 + 1).toBe(3);
    AXES.forEach((axis, k) => {
      const expected = ts.byAxis[axis].score;
      const got = value(vals.r1 + k, vals.c1);
      if (expected === null) expect(got).toBe("");
      else expect(got).toBeCloseTo(expected / 100, 12);
      expect(value(cats.r1 + k, cats.c1)).toBe(["Stratégie", "Outils", "Organisation"][k]);
    });
    // Overall, just below the axes.
    expect(value(vals.r2 + 1, vals.c1)).toBeCloseTo((ts.overall as number) / 100, 12);
    expect(value(vals.r2 + 1, vals.c1 + 1)).toBe(5);
  });

  test("the answer column has a list validation on the four answer labels", () => {
    const v = sheet.validations[0];
    const answerCol = table.col + table.columns.findIndex((c) => c.key === "answer");
    expect(v.range).toEqual({ r1: table.row + 1, c1: answerCol, r2: table.row + 24, c2: answerCol });
    expect(Array.isArray(v.list)).toBe(false);
    const cells = writtenCells(sheet);
    const ref = v.list as { range: { r1: number; c1: number; r2: number } };
    const items: unknown[] = [];
    for (let r = ref.range.r1; r <= ref.range.r2; r++) items.push(plainValue(cells.get(cellKey(r, ref.range.c1)) ?? null));
    expect(items).toEqual(ANSWER_SCALE.map((p) => p[0]));
  });

  test("answer and comment columns are declared input ranges", () => {
    expect(sheet.mode).toBe("merge-inputs");
    expect(sheet.inputs.map((i) => i.field).sort()).toEqual(["answer", "comment"]);
  });

  test("the radar's scale is fixed at 0–100 % (min 0, max 1), whatever the answers (issue #12)", () => {
    const radar = sheet.charts.find((c) => c.type === "radar")!;
    expect(radar.valueAxis).toEqual({ min: 0, max: 1 });
  });

  test("no overlap: the radar covers no written cell, and no text column runs into the answer list", () => {
    const radar = sheet.charts.find((c) => c.type === "radar")!.anchor;
    for (const k of writtenCells(sheet).keys()) {
      const [r, c] = k.split(":").map(Number);
      const inside = r >= radar.row && r < radar.row + radar.heightRows && c >= radar.col && c < radar.col + radar.widthCols;
      expect(inside ? k : null).toBeNull();
    }
    // Long texts wrap inside their columns.
    for (const key of ["question", "answer", "comment", "planLever"]) expect(table.columns.find((c) => c.key === key)!.wrap).toBe(true);
  });

  test("readable headers: each header of the scores block fits the width of its column", () => {
    const widths = new Map(sheet.columnWidths.map((w) => [w.col, w.width]));
    const headers = sheet.blocks.filter((b) => b.style === "header");
    expect(headers.length).toBeGreaterThan(0);
    for (const b of headers)
      b.values[0].forEach((v, k) => expect(widths.get(b.col + k) ?? 8.43).toBeGreaterThanOrEqual(String(plainValue(v)).length));
  });

  test("the question keys of column A are hidden; the print area leaves out the keys and the answer list", () => {
    expect(sheet.columnWidths.find((w) => w.col === 0)).toMatchObject({ hidden: true });
    const list = sheet.validations[0].list as { range: { c1: number } };
    expect(sheet.print!.area.c1).toBe(1);
    expect(sheet.print!.area.c2).toBeLessThan(list.range.c1);
  });
});
