/**
 * Attentes des territoires (issue #16 §3): a questionnaire like the Diagnostic 360 — one column per
 * territory, one pair of rows per public service (importance, satisfaction, 0–3), a live mean per
 * row and a live priority score per territory (importance × (3 − satisfaction); ≥ 4 exactly when
 * importance ≥ 2 and satisfaction ≤ 1, the priority rule of core/territories/expectations.ts).
 * Answers are read back on the next run (expectations-layout.ts) and feed the scenarios of the
 * Territoires sheet and the plan's Organisation territoriale section.
 * Written only when the analysis has at least two territories, or answers to keep.
 */
import { a1, rangeA1 } from "../a1";
import { serviceName } from "../../core/territories/expectations";
import { formula, textCell } from "../cells";
import {
  EXPECTATIONS_FIRST_TERRITORY_COL,
  expectationKey,
  MEASURES,
} from "../expectations-layout";
import { LAYOUT_VERSION } from "../input-layout";
import { message, pick, type Pair } from "../labels";
import { SheetBuilder, type BuildContext } from "../layout";
import type { CellValue, SheetSpec, TableColumn } from "../spec";

const T = {
  title: ["Attentes des territoires", "Territories' expectations"],
  note: [
    "Pour chaque service et chaque territoire, notez l'importance et la satisfaction de 0 à 3 (0 faible, 1 moyenne, 2 forte, 3 très forte). Priorité : importance ≥ 2 et satisfaction ≤ 1. Les réponses sont conservées d'une exécution à l'autre ; elles alimentent les scénarios (feuille Territoires) et le plan.",
    "For each service and territory, rate importance and satisfaction from 0 to 3 (0 low, 1 medium, 2 high, 3 very high). Priority: importance ≥ 2 and satisfaction ≤ 1. Answers are kept from one run to the next; they feed the scenarios (Territories sheet) and the plan.",
  ],
  service: ["Service", "Service"],
  measure: ["Mesure", "Measure"],
  importance: ["Importance", "Importance"],
  satisfaction: ["Satisfaction", "Satisfaction"],
  mean: ["Moyenne", "Mean"],
  priorities: ["Priorités (importance × (3 − satisfaction) ; ≥ 4 = prioritaire)", "Priorities (importance × (3 − satisfaction); ≥ 4 = priority)"],
  priorityCount: ["Territoires prioritaires", "Priority territories"],
  prompt: ["0 à 3", "0 to 3"],
} satisfies Record<string, Pair>;

/** The territory columns: the analysis' territories, then those of earlier answers. */
export function expectationTerritories(ctx: BuildContext): string[] {
  const out: string[] = [];
  for (const t of ctx.analysis.territorial?.territories ?? []) out.push(t.territory);
  for (const t of ctx.inputs.expectationTerritories ?? []) if (!out.includes(t)) out.push(t);
  return out;
}

export function buildAttentes(ctx: BuildContext): SheetSpec | null {
  const territories = expectationTerritories(ctx);
  const answers = ctx.inputs.expectations ?? {};
  if (territories.length < 2 && Object.keys(answers).length === 0) return null;
  const sb = new SheetBuilder(ctx, "attentes", "merge-inputs", LAYOUT_VERSION);
  sb.tabColor = "#00B050";
  sb.header(pick(ctx.lang, T.title), 1, 7);
  // Wrapped over the printed columns (on one line, the note was cut at the page edge).
  sb.span(sb.cursor++, 1, textCell(pick(ctx.lang, T.note)), "tileNote", 7);
  sb.cursor++;

  const services = [...(ctx.analysis.territorial?.services ?? [])].map((s) => ({
    id: s.id,
    label: message(ctx.lang, serviceName(s)),
  }));
  for (const id of Object.keys(answers)) if (!services.some((s) => s.id === id)) services.push({ id, label: id });

  const marker = sb.cursor;
  sb.cell(marker, 0, "#attentes", "stamp");
  const first = EXPECTATIONS_FIRST_TERRITORY_COL;
  const last = first + territories.length - 1;
  // The section bar over the service, measure, territory and mean columns (1 to last + 1).
  sb.line(marker, 1, textCell(pick(ctx.lang, T.title)), "section", last + 1);
  const top = marker + 1;
  const columns: TableColumn[] = [
    { key: "key", header: sb.h("key"), width: 22 },
    { key: "service", header: pick(ctx.lang, T.service), width: 30 },
    { key: "measure", header: pick(ctx.lang, T.measure), width: 13 },
    ...territories.map((t, i) => ({ key: `t${i}`, header: t, width: 14, input: true })),
    // 14: the priority block's "Territoires prioritaires" below it fits on two lines.
    { key: "mean", header: pick(ctx.lang, T.mean), width: 14, numberFormat: sb.f.dec2 },
  ];
  const rows: CellValue[][] = [];
  services.forEach((s, i) => {
    MEASURES.forEach((m, k) => {
      const r = top + 1 + 2 * i + k;
      rows.push([
        textCell(expectationKey(s.id, m)),
        textCell(s.label),
        pick(ctx.lang, T[m]),
        ...territories.map((t) => answers[s.id]?.[t]?.[m] ?? null),
        formula(`=IFERROR(AVERAGE(${rangeA1(r, first, r, last)}),"")`),
      ]);
    });
  });
  const placed = sb.rawTable("tblAttentesTerritoires", top, 0, columns, rows, "TableStyleMedium7");
  sb.validation({
    range: { r1: placed.firstDataRow, c1: first, r2: placed.lastDataRow, c2: last },
    list: ["0", "1", "2", "3"],
    allowBlank: true,
    errorStyle: "stop",
    prompt: pick(ctx.lang, T.prompt),
  });
  sb.conditional({
    range: { r1: placed.firstDataRow, c1: first, r2: placed.lastDataRow, c2: last },
    type: "colorScale",
    minColor: "#F8696B",
    midColor: "#FFEB84",
    maxColor: "#63BE7B",
  });
  sb.cursor = placed.lastDataRow + 2;

  // Live priority scores.
  const pm = sb.cursor;
  sb.cell(pm, 0, "#priorites", "stamp");
  sb.line(pm, 1, textCell(pick(ctx.lang, T.priorities)), "section", last + 1);
  const head = pm + 1;
  // Each territory's score under its column of the questionnaire (column C, the measure's, left blank).
  sb.block(head, 1, [[pick(ctx.lang, T.service), null, ...territories, pick(ctx.lang, T.priorityCount)]], { style: "header" });
  const prio: CellValue[][] = services.map((s, i) => {
    const imp = top + 1 + 2 * i;
    const sat = imp + 1;
    const r = head + 1 + i;
    return [
      textCell(s.label),
      null,
      ...territories.map((_, j) => {
        const c = first + j;
        return formula(
          `=IF(AND(ISNUMBER(${a1(imp, c)}),ISNUMBER(${a1(sat, c)})),${a1(imp, c)}*(3-${a1(sat, c)}),"")`
        );
      }),
      formula(`=COUNTIF(${rangeA1(r, first, r, last)},">=4")`),
    ];
  });
  if (prio.length > 0) {
    sb.block(head + 1, 1, prio, { numberFormat: sb.f.int });
    sb.conditional({
      range: { r1: head + 1, c1: first, r2: head + prio.length, c2: last },
      type: "cellValue",
      operator: "greaterThanOrEqual",
      formula1: "4",
      style: "kpiAlert",
    });
  }
  sb.cursor = head + prio.length + 2;
  sb.frozen = { rows: top + 1, cols: 3 };
  // Column A holds the row keys the next run reads back: on screen, not on paper.
  // The priorities start a printed page (their title was left alone at the foot of the first).
  sb.print({ firstColumn: 1, rowBreaks: [pm] });
  return sb.build();
}
