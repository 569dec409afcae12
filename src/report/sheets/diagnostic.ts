/**
 * Diagnostic 360° (SPEC §7): 24 questions (8 per axis) answered from a list (0 Non … 3 Oui, suivi
 * et évalué), a live score per question and per axis (formulas identical to diagnosticScores in
 * TypeScript), an overall score and a radar chart. Answers and comments typed by the user are
 * kept (read back by readUserInputs, keyed by question id in column A).
 */
import { a1, rangeA1 } from "../a1";
import { formula, textCell } from "../cells";
import {
  AXES,
  AXIS_LABELS,
  DIAGNOSTIC_QUESTIONS,
  questionLever,
  type Axis,
} from "../diagnostic-questions";
import { DIAGNOSTIC_LAYOUT, fieldCol, LAYOUT_VERSION } from "../input-layout";
import { ANSWER_SCALE, pick, text } from "../labels";
import { layoutColumns, SheetBuilder, type BuildContext } from "../layout";
import type { CellAddress } from "../a1";
import type { CellValue, SheetSpec } from "../spec";

export interface DiagnosticBuild {
  sheet: SheetSpec;
  /** Cells of the per-axis and overall scores (fractions), for the plan's live links. */
  scoreCells: Record<Axis | "overall", CellAddress>;
}

const LISTS_COL = 10;

/** Score of one answer cell: its leading digit 0–3, else "" (not counted). */
export function answerScoreFormula(cell: string): string {
  return `=IFERROR(MATCH(LEFT(${cell},1),{"0","1","2","3"},0)-1,"")`;
}

/** Axis score over a range of question scores: Σ / (3 × answered), "" when none answered. */
export function axisScoreFormula(range: string): string {
  return `=IF(COUNT(${range})=0,"",SUM(${range})/(3*COUNT(${range})))`;
}

export function buildDiagnostic(ctx: BuildContext): DiagnosticBuild {
  const sb = new SheetBuilder(ctx, "diagnostic", "merge-inputs", LAYOUT_VERSION);
  // Print: A4 landscape, one page wide (the question, answer and lever columns side by side),
  // without the row keys of column A nor the empty columns and the answer list at the right:
  // B–H, 193 characters (≥ 75 % on A4 landscape); the scores and the radar start a page (below
  // the questions, the radar was cut across two pages).
  const printChoice = {
    orientation: "landscape",
    firstColumn: 1,
    lastColumn: fieldCol(DIAGNOSTIC_LAYOUT, "planLever"),
  } as const;
  const { lang, inputs } = ctx;
  sb.tabColor = "#00B050";
  sb.header(text(lang, "diagTitle"), 1, 7);
  // Wrapped across the printed columns B–H (on one line it ran past them).
  sb.span(sb.cursor++, 1, textCell(text(lang, "diagNote")), "noteWrap", 7);
  sb.cursor++;

  const marker = sb.cursor;
  // Answer list beside the table (a range: the labels contain commas).
  const listTop = marker;
  sb.cell(listTop, LISTS_COL, text(lang, "lists"), "subtitle");
  sb.block(
    listTop + 1,
    LISTS_COL,
    ANSWER_SCALE.map((p) => [textCell(pick(lang, p))])
  );
  sb.width(LISTS_COL, 30);

  sb.cell(marker, 0, "#questions", "stamp");
  sb.line(marker, 1, text(lang, "diagTitle"), "section", 7);
  const top = marker + 1;
  const columns = layoutColumns(sb, DIAGNOSTIC_LAYOUT, {
    key: 9,
    axis: 14,
    number: 5,
    question: 70,
    answer: 28,
    score: 10,
    comment: 40,
    planLever: 26,
  });
  // Long texts wrap inside their column (never over the answer cells or the lists).
  for (const c of columns)
    if (["question", "answer", "comment", "planLever", "axis"].includes(c.key)) c.wrap = true;
  // Column A holds the question keys the next run reads back: hidden, never printed.
  sb.hideColumn(0);
  const answerCol = fieldCol(DIAGNOSTIC_LAYOUT, "answer");
  const scoreCol = fieldCol(DIAGNOSTIC_LAYOUT, "score");
  const rows: CellValue[][] = DIAGNOSTIC_QUESTIONS.map((q, i) => {
    const r = top + 1 + i;
    const answer = inputs.diagnostic[q.id];
    const comment = inputs.diagnosticComments[q.id];
    return [
      textCell(q.id),
      pick(lang, AXIS_LABELS[q.axis]),
      Number(q.id.slice(-2)),
      textCell(pick(lang, q.text)),
      answer === undefined ? null : textCell(pick(lang, ANSWER_SCALE[answer])),
      formula(answerScoreFormula(a1(r, answerCol))),
      comment === undefined ? null : textCell(comment),
      textCell(`${questionLever(lang, q)} — ${pick(lang, q.action)}`),
    ];
  });
  const placed = sb.rawTable("tblDiagnostic360", top, 0, columns, rows, "TableStyleMedium7");
  placed.spec.columns[scoreCol].numberFormat = sb.f.int;
  sb.validation({
    range: placed.columnRange("answer"),
    list: sb.ref(listTop + 1, LISTS_COL, listTop + ANSWER_SCALE.length, LISTS_COL),
    allowBlank: true,
    errorStyle: "stop",
    prompt: text(lang, "diagNote").split(".")[0],
  });
  sb.conditional({
    range: placed.columnRange("score"),
    type: "colorScale",
    minColor: "#F8696B",
    midColor: "#FFEB84",
    maxColor: "#63BE7B",
  });
  sb.cursor = placed.lastDataRow + 2;

  // Scores by axis (live) and radar, under the question column (wide enough for every header:
  // the narrow N° column never holds a score), the radar under the scores.
  const sm = sb.cursor;
  sb.print({ ...printChoice, rowBreaks: [sm] });
  sb.cell(sm, 0, "#scores", "stamp");
  sb.line(sm, 1, text(lang, "axisScores"), "section", 7);
  const head = sm + 1;
  const sc = fieldCol(DIAGNOSTIC_LAYOUT, "question");
  sb.block(head, sc, [[sb.h("axis"), sb.h("scorePercent"), sb.h("answered"), sb.h("question")]], {
    style: "header",
  });
  const scoreCells = {} as Record<Axis | "overall", CellAddress>;
  const axisRows: CellValue[][] = AXES.map((axis, k) => {
    const idx = DIAGNOSTIC_QUESTIONS.map((q, i) => (q.axis === axis ? i : -1)).filter(
      (i) => i >= 0
    );
    const first = top + 1 + idx[0];
    const last = top + 1 + idx[idx.length - 1];
    const range = rangeA1(first, scoreCol, last, scoreCol);
    scoreCells[axis] = { row: head + 1 + k, col: sc + 1 };
    return [
      pick(lang, AXIS_LABELS[axis]),
      formula(axisScoreFormula(range)),
      formula(`=COUNT(${range})`),
      idx.length,
    ];
  });
  sb.block(head + 1, sc, axisRows, { columnFormats: [null, sb.f.pct, sb.f.int, sb.f.int] });
  const allRange = rangeA1(top + 1, scoreCol, top + DIAGNOSTIC_QUESTIONS.length, scoreCol);
  const overallRow = head + 1 + AXES.length;
  scoreCells.overall = { row: overallRow, col: sc + 1 };
  sb.block(
    overallRow,
    sc,
    [
      [
        text(lang, "overall"),
        formula(axisScoreFormula(allRange)),
        formula(`=COUNT(${allRange})`),
        DIAGNOSTIC_QUESTIONS.length,
      ],
    ],
    {
      style: "total",
      columnFormats: [null, sb.f.pct, sb.f.int, sb.f.int],
    }
  );
  sb.conditional({
    range: { r1: head + 1, c1: sc + 1, r2: overallRow, c2: sc + 1 },
    type: "dataBar",
    color: "#00B050",
  });
  sb.chart({
    id: "radar",
    type: "radar",
    title: text(lang, "chartRadar"),
    categories: sb.ref(head + 1, sc, head + AXES.length, sc),
    series: [
      { name: sb.ref(head, sc + 1), values: sb.ref(head + 1, sc + 1, head + AXES.length, sc + 1) },
    ],
    anchor: { row: overallRow + 2, col: sc, widthCols: 1, heightRows: 20 },
    valueFormat: sb.f.pct,
    // Scores are shares of the maximum: the scale is 0–100 %, whatever the answers.
    valueAxis: { min: 0, max: 1 },
    legend: "none",
  });
  sb.cursor = overallRow + 23;
  sb.frozen = { rows: top + 1, cols: 0 };
  return { sheet: sb.build(), scoreCells };
}
