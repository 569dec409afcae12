/**
 * Plan stratégique d'achat (SPEC §6): the eight sections, pre-filled from the analysis and the
 * Diagnostic 360, with the user's cells (yellow, "input") kept across runs.
 *
 *   1 Diagnostic      key figures, live links to the 360° scores, weak items and their levers
 *   2 Orientations    prompts + free text
 *   3 Objectives      KPI, baseline, proposed target (reference), target/deadline/owner (inputs)
 *   4 Action plan     one row per family (quadrant, levers with the indicator behind each,
 *                     pooling potential) + one per weak 360° item; lever/owner/deadline/savings/
 *                     status/priority/comment as inputs with validation lists; totals in formulas
 *   5 Renewals        PF7 calendar + renewal action, planned launch, owner
 *   6 Responsible     charter, code of conduct, PNAD/OECP/SPASER/Loi Climat items
 *   7 Mutualisation   MU2 candidates with MU6 consequence and TE4 recommendation + structure inputs;
 *                     MU3 scenarios as formulas
 *   8 Evaluation      KPIs to follow monthly, current value, target linked to section 3
 *
 * Re-run strategy: the sheet is rewritten whole; every input cell gets back the value read from
 * the previous sheet (UserInputs.plan, keyed "<section>/<id>" in column A). A row whose id left
 * the analysis (family without spend, contract no longer due) stays while it holds user input;
 * rows the user added to the action plan without a key are kept at its end. Input cells are
 * never pre-filled (proposals are in the neighbouring columns), so what is read back is only
 * what the user typed.
 */
import { planDutyItems } from "./responsible-duties";
import { indicator } from "../../core/analyse";
import { CO1, MU2, MU3, MU6, PF7, PF8, TE4 } from "../../core/indicators/registry";
import type { IndicatorResult, Unit } from "../../core/indicators/types";
import { proposeTarget } from "../../core/plan";
import { a1, rangeA1, sheetRangeA1 } from "../a1";
import {
  dateSerial,
  formula,
  fraction,
  scalarCell,
  textCell,
  unitFormat,
  unitText,
  unitValue,
} from "../cells";
import { AXES, AXIS_LABELS, diagnosticScores, questionLever } from "../diagnostic-questions";
import {
  fieldCol,
  LAYOUT_VERSION,
  PLAN_LAYOUT,
  PLAN_PRINT_LAST_COL,
  planKey,
  splitPlanKey,
  type PlanSection,
} from "../input-layout";
import { ANSWER_SCALE, coverageWords, type Lang, message, naText, periodTitle, pick, planList, type PlanListKey, referenceLabel, SCENARIO_LABELS, sheetName, text } from "../labels";
import {
  labelOf,
  layoutColumns,
  SheetBuilder,
  type BuildContext,
  type PlacedTable,
} from "../layout";
import type { CellValue, RangeRef, SheetSpec, TableStyle } from "../spec";
import { maybeIndicator, result, summaryTable } from "./common";
import { leverText, quadrantText, recommendationText, strategyText } from "./plan-texts";
import type { DiagnosticBuild } from "./diagnostic";
import { organisationRows, pooledChoices, scenarioChoices } from "./territorial";
import { answerOf, balanceLine } from "./territorial-answer";
import { msg } from "../../core/messages/render";

const LISTS_COL = 19;

/**
 * Widths (characters) of the printed columns B to L, whatever the tables ask (issue #12): the
 * nine tables share these columns, so their sum is what is fitted onto the width of an A4
 * landscape page — 198 characters, about 73 % of 100 %, body text ≈ 8 pt. Column B holds each
 * table's label, C its main text, D and E amounts (a total of 77 645 304,32 € needs 16), the
 * narrower ones figures, dates and the input cells; I is wide again for the objectives' source,
 * the renewals' family and the pooling structure.
 */
export const PLAN_PRINT_WIDTHS: readonly number[] = [26, 28, 17, 16, 16, 14, 14, 28, 12, 12, 15];
const LIST_KEYS: PlanListKey[] = ["status", "priority", "lever", "renewal", "structure"];

type Pair = readonly [string, string];
type RowValue = CellValue | ((row: number) => CellValue);

interface KeyedRow {
  id: string;
  values: Record<string, RowValue>;
  /** Per-field number formats of this row. */
  formats?: Record<string, string>;
}

interface SectionOptions {
  section: PlanSection;
  title: Pair;
  table: string;
  rows: KeyedRow[];
  notes?: string[];
  /** Column number formats by field. */
  formats?: Record<string, string>;
  /** Validation lists by field. */
  lists?: Record<string, { list: PlanListKey; errorStyle: "stop" | "warning" }>;
  widths?: Record<string, number>;
  style?: TableStyle;
}

class PlanWriter {
  readonly lists = new Map<PlanListKey, RangeRef>();

  constructor(readonly sb: SheetBuilder) {}

  get lang() {
    return this.sb.lang;
  }

  /** Section marker ("#section" in column A) and title line. */
  marker(section: string, title: string, span = PLAN_PRINT_LAST_COL): void {
    const sb = this.sb;
    const r = sb.cursor;
    sb.cell(r, 0, `#${section}`, "stamp");
    sb.line(r, 1, textCell(title), "section", span);
    sb.cursor = r + 1;
  }

  /** Writes a keyed section: current rows, orphans holding user input, extra user rows. */
  section(o: SectionOptions): PlacedTable {
    const sb = this.sb;
    const lang = this.lang;
    const inputs = sb.ctx.inputs;
    const layout = PLAN_LAYOUT[o.section];
    const inputFields = new Set(layout.filter((d) => d.input).map((d) => d.field));
    this.marker(o.section, pick(lang, o.title));
    // Wrapped over the printed columns: a long note on one line was cut at the page edge.
    for (const n of o.notes ?? []) sb.span(sb.cursor++, 1, textCell(n), "tileNote", PLAN_PRINT_LAST_COL);

    const ids = new Set(o.rows.map((r) => r.id));
    const orphanField = layout.find((d) => d.field !== "key" && !d.input)!.field;
    const orphanNote =
      o.section === "renewals" ? text(lang, "contractAbsent") : text(lang, "familyAbsent");
    const orphans: KeyedRow[] = Object.keys(inputs.plan)
      .map((k) => splitPlanKey(k))
      .filter(
        (p): p is { section: PlanSection; id: string } =>
          p !== null && p.section === o.section && !ids.has(p.id)
      )
      .map((p) => p.id)
      .sort()
      .map((id) => ({ id, values: { [orphanField]: textCell(`${id} — ${orphanNote}`) } }));
    const all = [...o.rows, ...orphans];
    const extras = o.section === "actions" ? inputs.planExtraRows : [];

    const top = sb.cursor;
    const columns = layoutColumns(sb, layout, o.widths ?? {});
    columns.forEach((c) => {
      const nf = o.formats?.[c.key];
      if (nf) c.numberFormat = nf;
      // The printed columns are narrow: their cells wrap (figures never do). The detail columns
      // after them do not, so that their long texts never heighten the printed rows.
      c.wrap = columns.indexOf(c) <= PLAN_PRINT_LAST_COL;
    });
    const cellFormats: { row: number; key: string; numberFormat: string }[] = [];
    const cells: CellValue[][] = [];
    all.forEach((row, i) => {
      const r = top + 1 + i;
      const key = planKey(o.section, row.id);
      const typed = inputs.plan[key] ?? {};
      cells.push(
        layout.map((d) => {
          if (d.field === "key") return textCell(key);
          if (inputFields.has(d.field)) return scalarCell(typed[d.field] ?? null);
          const v = row.values[d.field];
          return typeof v === "function" ? v(r) : (v ?? null);
        })
      );
      for (const [k, nf] of Object.entries(row.formats ?? {}))
        cellFormats.push({ row: i, key: k, numberFormat: nf });
    });
    for (const extra of extras) {
      cells.push(
        layout.map((d) => (d.field === "key" ? null : scalarCell(extra[d.field] ?? null)))
      );
    }
    const placed = sb.rawTable(
      o.table,
      top,
      0,
      columns,
      cells,
      o.style ?? "TableStyleMedium2",
      cellFormats
    );
    for (const [field, l] of Object.entries(o.lists ?? {})) {
      sb.validation({
        range: placed.columnRange(field),
        list: this.lists.get(l.list)!,
        allowBlank: true,
        errorStyle: l.errorStyle,
      });
    }
    sb.cursor = placed.lastDataRow + 1;
    return placed;
  }

  /** A totals row right under a table: SUM of the given fields. */
  totals(placed: PlacedTable, fields: string[], fmt: string): void {
    const sb = this.sb;
    const r = placed.lastDataRow + 1;
    sb.cell(r, 0, "#total", "stamp");
    const lastCol = placed.spec.col + placed.spec.columns.length - 1;
    const values: CellValue[] = [];
    for (let c = 1; c <= lastCol; c++) values.push(null);
    values[0] = text(this.lang, "total");
    for (const f of fields) {
      const col = placed.colOf(f);
      values[col - 1] = formula(
        `=SUM(${rangeA1(placed.firstDataRow, col, placed.lastDataRow, col)})`
      );
    }
    sb.block(r, 1, [values], { style: "total", numberFormat: fmt });
    sb.cursor = r + 2;
  }
}

export function buildPlan(ctx: BuildContext, diag: DiagnosticBuild): SheetSpec {
  const sb = new SheetBuilder(ctx, "plan", "merge-inputs", LAYOUT_VERSION);
  // Print: A4, one page wide, a long table's header repeated on each page.
  // The row keys of column A and the validation lists (from LISTS_COL) are not printed.
  // Detail columns after L (PLAN_PRINT_LAST_COL) are not printed either: B to L fit one A4
  // landscape page wide at a readable size (PLAN_PRINT_WIDTHS).
  sb.print({ orientation: "landscape", firstColumn: 1, lastColumn: PLAN_PRINT_LAST_COL });
  const { analysis, lang } = ctx;
  sb.tabColor = "#00B050";
  sb.header(`${text(lang, "planTitle")} — ${periodTitle(lang, analysis.period)}`, 1, PLAN_PRINT_LAST_COL);
  sb.note(text(lang, "planNote"), 1);
  // What an input cell looks like, right under the note.
  sb.cell(sb.cursor, 1, textCell(text(lang, "inputCell")), "input");
  sb.cursor++;
  // Column A holds the row keys the next run reads back: hidden, never printed.
  sb.width(0, 14);
  sb.hideColumn(0);
  const w = new PlanWriter(sb);

  // Validation lists, at the right of the sheet.
  sb.cell(3, LISTS_COL, text(lang, "lists"), "subtitle");
  LIST_KEYS.forEach((key, k) => {
    const col = LISTS_COL + k;
    const items = planList(lang, key);
    sb.block(
      4,
      col,
      [
        [
          sb.h(
            key === "renewal"
              ? "renewalAction"
              : key === "structure"
                ? "structure"
                : key === "lever"
                  ? "lever"
                  : key
          ),
        ],
      ],
      { style: "header" }
    );
    sb.block(
      5,
      col,
      items.map((i) => [textCell(i)])
    );
    w.lists.set(key, sb.ref(5, col, 4 + items.length, col));
    sb.width(col, 24);
  });
  sb.cursor = 5;

  section1(w, diag);
  section2(w);
  const objectives = section3(w);
  section4(w);
  section5(w);
  section6(w);
  section7(w);
  sectionTerritorial(w);
  section8(w, objectives);
  sb.frozen = { rows: 2, cols: 2 };
  // The printed columns get their fixed widths (the tables' own requests are maxima).
  PLAN_PRINT_WIDTHS.forEach((width, i) => sb.widths.set(1 + i, width));
  return sb.build();
}

// ---------------------------------------------------------------------------------------------

function section1(w: PlanWriter, diag: DiagnosticBuild): void {
  const sb = w.sb;
  const { lang, inputs } = sb.ctx;
  w.marker("diagnostic", text(lang, "planS1"));
  sb.cell(sb.cursor++, 1, text(lang, "keyFigures"), "subtitle");
  const ids = [
    "SP1",
    "SP3",
    "SP4",
    "SP5",
    "PF1",
    "PF2",
    "PF3",
    "PF4",
    "PF7",
    "PF8",
    "CO1",
    "RE1",
    "RE2",
    "RE3",
    "MU1",
    "MU3",
    "TE4",
  ];
  const inds = ids
    .map((id) => maybeIndicator(sb, id))
    .filter((i): i is IndicatorResult => i !== null);
  summaryTable(sb, "tblPlanChiffres", inds, sb.cursor, 1);

  // 360° scores: live links to the Diagnostic 360 sheet.
  sb.cell(sb.cursor++, 1, text(lang, "diagScores"), "subtitle");
  const head = sb.cursor;
  sb.block(head, 1, [[sb.h("axis"), sb.h("scorePercent")]], { style: "header" });
  const diagName = sheetName(lang, "diagnostic");
  const rows: CellValue[][] = [...AXES, "overall" as const].map((axis) => {
    const cell = diag.scoreCells[axis];
    return [
      axis === "overall" ? text(lang, "overall") : pick(lang, AXIS_LABELS[axis]),
      formula(
        `=IF(${sheetRangeA1(diagName, cell.row, cell.col)}="","",${sheetRangeA1(diagName, cell.row, cell.col)})`
      ),
    ];
  });
  sb.block(head + 1, 1, rows, { columnFormats: [null, sb.f.pct] });
  sb.cursor = head + rows.length + 2;

  // Weak items → levers.
  sb.cell(sb.cursor++, 1, text(lang, "weakItems"), "subtitle");
  const scores = diagnosticScores(inputs.diagnostic);
  if (scores.answered === 0) {
    sb.note(text(lang, "noDiagnostic"), 1);
    sb.cursor++;
    return;
  }
  if (scores.weakest.length === 0) {
    sb.note(text(lang, "noWeakItem"), 1);
    sb.cursor++;
    return;
  }
  const cells: CellValue[][] = scores.weakest.map((wk) => [
    wk.question.id,
    textCell(pick(lang, wk.question.action)),
    textCell(pick(lang, wk.question.topic)),
    pick(lang, AXIS_LABELS[wk.question.axis]),
    textCell(pick(lang, ANSWER_SCALE[wk.answer])),
    textCell(questionLever(lang, wk.question)),
  ]);
  const placed = sb.rawTable(
    "tblPlanPointsFaibles",
    sb.cursor,
    1,
    [
      // Same columns as the plan's tables: label, then the main text (the action), then short.
      { key: "question", header: sb.h("question"), width: 12 },
      { key: "action", header: sb.h("objective"), width: 28, wrap: true },
      { key: "weakItem", header: sb.h("weakItem"), width: 14, wrap: true },
      { key: "axis", header: sb.h("axis"), width: 14, wrap: true },
      { key: "answer", header: sb.h("answer"), width: 20, wrap: true },
      { key: "lever", header: sb.h("planLever"), width: 16, wrap: true },
    ],
    cells,
    "TableStyleLight15"
  );
  sb.cursor = placed.lastDataRow + 2;
}

const ORIENTATIONS: { id: string; prompt: Pair }[] = [
  {
    id: "politiques",
    prompt: [
      "Quelles politiques publiques prioritaires les achats doivent-ils servir (projet de mandat, projet de territoire) ?",
      "Which priority public policies should purchasing serve (mandate, territorial project)?",
    ],
  },
  {
    id: "ecologie",
    prompt: [
      "Transition écologique : quels engagements (énergie, sobriété, économie circulaire, alimentation durable) ?",
      "Ecological transition: which commitments (energy, sufficiency, circular economy, sustainable food)?",
    ],
  },
  {
    id: "social",
    prompt: [
      "Insertion et emploi : quelles clauses sociales et quels publics ?",
      "Inclusion and jobs: which social clauses and which groups?",
    ],
  },
  {
    id: "economie",
    prompt: [
      "Développement économique local : accès des PME, allotissement, sourcing local ?",
      "Local economic development: SME access, lots, local sourcing?",
    ],
  },
  {
    id: "cooperation",
    prompt: [
      "Coopération : mutualisation avec l'intercommunalité, les communes, les syndicats ?",
      "Cooperation: pooling with the intercommunality, municipalities, syndicates?",
    ],
  },
  {
    id: "budget",
    prompt: [
      "Maîtrise budgétaire : quel objectif d'économies et sur quelles familles ?",
      "Budget control: which savings target, on which families?",
    ],
  },
];

function section2(w: PlanWriter): void {
  w.section({
    section: "orientations",
    title: [text("fr", "planS2"), text("en", "planS2")],
    table: "tblPlanOrientations",
    rows: ORIENTATIONS.map((o) => ({
      id: o.id,
      values: { prompt: textCell(pick(w.lang, o.prompt)) },
    })),
    widths: { prompt: 60, text: 80 },
    style: "TableStyleLight9",
  });
  w.sb.cursor++;
}

interface ObjectiveDef {
  id: string;
  objective: Pair;
  /** Which way the indicator improves. */
  better: "lower" | "higher";
  /** Reference target (indicator unit) and its source; null: a progression is proposed. */
  target: (ind: IndicatorResult, w: PlanWriter) => { value: number; source: string } | null;
}

/** Points of progression proposed when no reference exists (PF1: contract coverage). */
const PROGRESSION_POINTS = 10;

const OBJECTIVES: ObjectiveDef[] = [
  {
    id: "PF1",
    objective: [
      "Augmenter la part de la dépense couverte par un marché",
      "Increase the share of spend under contract",
    ],
    better: "higher",
    target: () => null,
  },
  {
    id: "PF3",
    objective: ["Réduire la part des procédures à offre unique", "Reduce single-bid procedures"],
    better: "lower",
    target: (_i, w) => ({
      value: w.sb.ctx.analysis.reference.sms.singleBidder.green,
      source: w.sb.ctx.analysis.reference.sms.singleBidder.source,
    }),
  },
  {
    id: "PF4",
    objective: [
      "Aucun marché sans publicité ni mise en concurrence au-delà du seuil de dispense",
      "No direct award at or above the exemption threshold",
    ],
    better: "lower",
    target: () => ({ value: 0, source: "Art. R2122-8 CCP" }),
  },
  {
    id: "PF8",
    objective: [
      "Payer les fournisseurs dans le délai global de paiement",
      "Pay suppliers within the legal payment time",
    ],
    better: "lower",
    target: (i, w) => ({ value: 0, source: i.reference?.source ?? PF8.doc.source[w.lang] }),
  },
  {
    id: "CO1",
    objective: [
      "Traiter les signaux de fractionnement (passer les marchés nécessaires)",
      "Address splitting signals (award the contracts needed)",
    ],
    better: "lower",
    target: (_i, w) => ({ value: 0, source: CO1.doc.source[w.lang] }),
  },
  {
    id: "RE1",
    objective: [
      "Intégrer une considération environnementale dans les marchés",
      "Include an environmental consideration in contracts",
    ],
    better: "higher",
    target: (i, w) => refTarget(i, w.lang),
  },
  {
    id: "RE2",
    objective: [
      "Intégrer une considération sociale dans les marchés",
      "Include a social consideration in contracts",
    ],
    better: "higher",
    target: (i, w) => refTarget(i, w.lang),
  },
  {
    id: "RE3",
    objective: ["Faciliter l'accès des PME", "Make access easier for SMEs"],
    better: "higher",
    target: (i, w) => refTarget(i, w.lang),
  },
  {
    id: "MU1",
    objective: ["Développer la mutualisation des achats", "Develop pooled purchasing"],
    better: "higher",
    target: (i, w) => refTarget(i, w.lang),
  },
];

function refTarget(i: IndicatorResult, lang: Lang): { value: number; source: string } | null {
  return i.reference && i.reference.unit === i.unit
    ? {
        value: i.reference.value,
        source: `${referenceLabel(lang, i.reference)} — ${i.reference.source}`,
      }
    : null;
}

/**
 * The target proposed for an objective and the text saying where it comes from (issue #12): never
 * worse than the current value (proposeTarget), the current level kept when the reference is
 * already met — and said so; without a reference, a progression of PROGRESSION_POINTS points.
 */
function objectiveTarget(
  o: ObjectiveDef,
  ind: IndicatorResult,
  w: PlanWriter
): { value: number | null; source: string } {
  const lang = w.lang;
  const ref = o.target(ind, w);
  if (ref === null) {
    if (ind.value === null || ind.unit !== "%")
      return {
        value: null,
        source: pick(lang, [
          "Cible à fixer après une première mesure (pas de référence nationale)",
          "Target to set after a first measurement (no national reference)",
        ]),
      };
    const value = Math.min(100, ind.value + PROGRESSION_POINTS);
    return {
      value,
      source:
        value === ind.value
          ? pick(lang, ["Niveau maximal atteint : le maintenir", "Top level reached: keep it"])
          : pick(lang, [
              `Progression proposée : +${PROGRESSION_POINTS} points (pas de référence nationale ; à ajuster)`,
              `Proposed progression: +${PROGRESSION_POINTS} points (no national reference; to adjust)`,
            ]),
    };
  }
  const t = proposeTarget(ind.value, ref.value, o.better);
  if (!t.kept) return { value: t.value, source: ref.source };
  const refText = unitText(lang, ind.unit, ref.value);
  return {
    value: t.value,
    source: pick(lang, [
      `Référence déjà atteinte (${refText} — ${ref.source}) : maintenir le niveau actuel`,
      `Reference already met (${refText} — ${ref.source}): keep the current level`,
    ]),
  };
}

/** Row of each objective id in the sheet (for section 8's live targets). */
type ObjectiveRows = Map<string, { row: number; unit: Unit }>;

function section3(w: PlanWriter): { placed: PlacedTable; rows: ObjectiveRows } {
  const sb = w.sb;
  const lang = w.lang;
  const rows: KeyedRow[] = [];
  for (const o of OBJECTIVES) {
    const ind = maybeIndicator(sb, o.id);
    if (!ind) continue;
    const t = objectiveTarget(o, ind, w);
    const fmt = unitFormat(lang, ind.unit, false);
    rows.push({
      id: o.id,
      values: {
        objective: textCell(pick(lang, o.objective)),
        indicator: textCell(`${ind.id} · ${labelOf(sb.ctx, ind)}`),
        baseline: ind.value === null ? text(lang, "na") : unitValue(ind.unit, ind.value),
        proposedTarget: t.value === null ? null : unitValue(ind.unit, t.value),
        source: textCell(ind.value === null ? `${naText(lang, ind)} — ${t.source}` : t.source),
      },
      formats: { baseline: fmt, proposedTarget: fmt, target: fmt },
    });
  }
  const placed = w.section({
    section: "objectives",
    title: [text("fr", "planS3"), text("en", "planS3")],
    table: "tblPlanObjectifs",
    rows,
    formats: { deadline: sb.f.date },
    widths: {
      objective: 40,
      indicator: 34,
      baseline: 16,
      proposedTarget: 16,
      source: 40,
      target: 16,
      deadline: 13,
      owner: 20,
    },
  });
  sb.cursor++;
  const out: ObjectiveRows = new Map();
  rows.forEach((r, i) =>
    out.set(r.id, { row: placed.firstDataRow + i, unit: indicator(sb.ctx.analysis, r.id).unit })
  );
  return { placed, rows: out };
}

function joinLevers(lang: Lang, levers: { lever: string; indicator: string }[]): string | null {
  return levers.length === 0
    ? null
    : levers.map((l) => `${leverText(lang, l.lever)} (${l.indicator})`).join(" ; ");
}

function section4(w: PlanWriter): void {
  const sb = w.sb;
  const { lang, analysis, inputs } = sb.ctx;
  const mu3 = result(sb, MU3);
  const potential = new Map<string, number>();
  for (const r of mu3.tables.byFamily) potential.set(r.familyKey, r.centralSavings);
  const rows: KeyedRow[] = analysis.plan.map((p) => ({
    id: p.familyKey,
    values: {
      familyLabel: textCell(p.familyLabel),
      amount: p.amount,
      share: fraction(p.spendShare),
      quadrant: quadrantText(lang, p.quadrant),
      strategy: textCell(strategyText(lang, p.quadrant)),
      levers: textCell(joinLevers(lang, p.levers)),
      leverReasons: textCell(
        p.levers.length === 0
          ? p.scores.explanation.map((m) => message(lang, m)).join(" ; ")
          : p.levers
              .map((l) => `${l.indicator}${lang === "fr" ? " : " : ": "}${message(lang, l.reason)}`)
              .join(" ; ")
      ),
      te4: textCell(p.te4.recommendation && recommendationText(lang, p.te4.recommendation)),
      mutualisationPotential: potential.get(p.familyKey) ?? null,
    },
  }));
  const scores = diagnosticScores(inputs.diagnostic);
  for (const wk of scores.weakest) {
    const q = wk.question;
    rows.push({
      id: `DIAG:${q.id}`,
      values: {
        familyLabel: textCell(`${text(lang, "transverse")} — ${pick(lang, q.topic)}`),
        levers: textCell(`${questionLever(lang, q)} (360 ${q.id})`),
        leverReasons: textCell(
          `${pick(lang, ANSWER_SCALE[wk.answer])} : ${pick(lang, q.text)} → ${pick(lang, q.action)}`
        ),
      },
    });
  }
  const placed = w.section({
    section: "actions",
    title: [text("fr", "planS4"), text("en", "planS4")],
    table: "tblPlanActions",
    rows,
    formats: {
      amount: sb.f.eur2,
      share: sb.f.pct,
      mutualisationPotential: sb.f.eur2,
      deadline: sb.f.date,
      expectedSavings: sb.f.eur2,
    },
    lists: {
      lever: { list: "lever", errorStyle: "warning" },
      status: { list: "status", errorStyle: "stop" },
      priority: { list: "priority", errorStyle: "stop" },
    },
    widths: {
      familyLabel: 30,
      amount: 15,
      share: 9,
      quadrant: 12,
      strategy: 26,
      levers: 34,
      leverReasons: 50,
      te4: 14,
      mutualisationPotential: 15,
      lever: 24,
      owner: 18,
      deadline: 12,
      expectedSavings: 15,
      status: 12,
      priority: 12,
      comment: 30,
    },
  });
  w.totals(placed, ["amount", "mutualisationPotential", "expectedSavings"], sb.f.eur2);
}

function section5(w: PlanWriter): void {
  const sb = w.sb;
  const lang = w.lang;
  const pf7 = result(sb, PF7);
  const notes: string[] = [];
  if (pf7 && pf7.value === null) notes.push(naText(lang, pf7));
  const rows: KeyedRow[] = pf7.tables.renewals.map((r) => ({
    id: r.contractRef,
    values: {
      contractRef: textCell(r.contractRef),
      entity: textCell(r.entity),
      description: textCell(r.description),
      familyLabel: textCell(r.familyLabel),
      supplier: textCell(r.supplier),
      amount: r.amendedAmount ?? r.amount,
      endDate: dateSerial(r.endDate),
      monthsLeft: r.monthsLeft,
    },
  }));
  const placed = w.section({
    section: "renewals",
    title: [text("fr", "planS5"), text("en", "planS5")],
    table: "tblPlanRenouvellements",
    rows,
    notes,
    formats: { amount: sb.f.eur2, endDate: sb.f.date, monthsLeft: "0.0", launch: sb.f.date },
    lists: { renewalAction: { list: "renewal", errorStyle: "warning" } },
    widths: {
      contractRef: 16,
      entity: 20,
      description: 30,
      familyLabel: 24,
      supplier: 24,
      endDate: 12,
      monthsLeft: 9,
      renewalAction: 24,
      launch: 12,
    },
  });
  if (rows.length > 0)
    sb.conditional({
      range: placed.columnRange("monthsLeft"),
      type: "iconSet",
      iconSet: "threeTrafficLights1",
    });
  w.totals(placed, ["amount"], sb.f.eur2);
}

function section6(w: PlanWriter): void {
  const sb = w.sb;
  const lang = w.lang;
  const ref = sb.ctx.analysis.reference;
  const current = (id: string): CellValue => {
    const ind = maybeIndicator(sb, id);
    if (!ind) return null;
    if (ind.value === null) return textCell(naText(lang, ind));
    return textCell(
      `${unitText(lang, ind.unit, ind.value)} (${coverageWords(lang, ind.coverage)})`
    );
  };
  const refText = (id: string): CellValue => {
    const ind = maybeIndicator(sb, id);
    return ind?.reference
      ? textCell(
          `${referenceLabel(lang, ind.reference)} (${unitText(lang, ind.reference.unit, ind.reference.value)})`
        )
      : null;
  };
  const duties = planDutyItems(sb);
  const items: { id: string; element: Pair; current: CellValue; reference: CellValue }[] = [
    {
      id: "charte",
      element: ["Charte achats responsables adoptée", "Responsible purchasing charter adopted"],
      current: null,
      reference: textCell(ref.pnad.source),
    },
    {
      id: "code",
      element: ["Code de conduite des fournisseurs", "Supplier code of conduct"],
      current: duties[0].current,
      reference: null,
    },
    // Issue #14: ethics charter, AGEC art. 58 and EGalim rows, pre-filled from the gaps.
    ...duties,
    {
      id: "RE1",
      element: [
        "Marchés avec considération environnementale (PNAD)",
        "Contracts with an environmental consideration (PNAD)",
      ],
      current: current("RE1"),
      reference: refText("RE1"),
    },
    {
      id: "RE2",
      element: [
        "Marchés avec considération sociale (PNAD)",
        "Contracts with a social consideration (PNAD)",
      ],
      current: current("RE2"),
      reference: refText("RE2"),
    },
    {
      id: "RE3",
      element: ["Marchés attribués à des PME (OECP)", "Contracts awarded to SMEs (OECP)"],
      current: current("RE3"),
      reference: refText("RE3"),
    },
    {
      id: "RE5",
      element: [
        "Achats auprès de l'insertion et de l'ESS",
        "Purchases from inclusion and social-economy suppliers",
      ],
      current: current("RE5"),
      reference: null,
    },
    {
      id: "RE6",
      element: [
        "SPASER (obligatoire au-delà de 50 M€ d'achats annuels)",
        "SPASER (mandatory above €50M annual purchases)",
      ],
      current: current("RE6"),
      reference: refText("RE6"),
    },
    {
      id: "CO5",
      element: [
        "Loi Climat et Résilience : considérations obligatoires",
        "Loi Climat: mandatory considerations",
      ],
      current: current("CO5"),
      reference: textCell(ref.loiClimatStart.source),
    },
  ];
  w.section({
    section: "responsible",
    title: [text("fr", "planS6"), text("en", "planS6")],
    table: "tblPlanAchatsResponsables",
    rows: items.map((i) => ({
      id: i.id,
      values: {
        element: textCell(pick(lang, i.element)),
        current: i.current,
        reference: i.reference,
      },
    })),
    formats: { deadline: sb.f.date },
    lists: { status: { list: "status", errorStyle: "stop" } },
    widths: { element: 40, current: 34, reference: 34, commitment: 30, deadline: 12, comment: 30 },
    style: "TableStyleMedium7",
  });
  sb.cursor++;
}

function section7(w: PlanWriter): void {
  const sb = w.sb;
  const lang = w.lang;
  const mu2 = result(sb, MU2);
  const mu6 = result(sb, MU6);
  const te4 = result(sb, TE4);
  const consequence = new Map<string, string>();
  for (const r of mu6.tables.pooledThresholds)
    if (r.consequence !== null && !consequence.has(r.familyKey))
      consequence.set(r.familyKey, message(lang, r.consequence));
  const rec = new Map<string, string>();
  for (const r of te4.tables.recommendations)
    if (r.recommendation !== null) rec.set(r.familyKey, recommendationText(lang, r.recommendation));
  const notes: string[] = [];
  if (mu2 && mu2.value === null) notes.push(naText(lang, mu2));
  const rows: KeyedRow[] = mu2.tables.candidates.map((r) => ({
    id: r.familyKey,
    values: {
      familyLabel: textCell(r.familyLabel),
      entities: textCell(r.entities),
      entityCount: r.entityCount,
      supplierCount: r.supplierCount,
      amount: r.amount,
      pooledAmount: r.pooledAmount,
      consequence: textCell(consequence.get(r.familyKey) ?? null),
      te4: textCell(rec.get(r.familyKey) ?? null),
    },
  }));
  // Families to pool (A) or pool with territorial lots (C): the user's choice, else the cursor.
  const pooled = pooledChoices(sb.ctx);
  for (const r of rows) {
    const p = pooled.get(r.id);
    if (p) r.values.te4 = textCell(p.text);
  }
  // One body with pôles: MU2 (pooling between entities) is N/A, but pooling between territories
  // is not; say where the families listed come from.
  if (pooled.size > 0 && mu2.value === null) {
    const mixed = [...pooled.values()].filter((p) => p.scenario === "C").length;
    notes.push(message(lang, msg("terr.s7Territorial", { n: pooled.size, mixed })));
  }
  for (const [id, p] of pooled)
    if (!rows.some((r) => r.id === id))
      rows.push({
        id,
        values: { familyLabel: textCell(p.label), amount: p.amount, te4: textCell(p.text) },
      });
  const placed = w.section({
    section: "mutualisation",
    title: [text("fr", "planS7"), text("en", "planS7")],
    table: "tblPlanMutualisation",
    rows,
    notes,
    formats: { amount: sb.f.eur2, pooledAmount: sb.f.eur2, deadline: sb.f.date },
    lists: {
      structure: { list: "structure", errorStyle: "warning" },
      status: { list: "status", errorStyle: "stop" },
    },
    widths: {
      familyLabel: 30,
      entities: 34,
      amount: 15,
      consequence: 40,
      te4: 14,
      structure: 26,
      coordinator: 20,
      deadline: 12,
      status: 12,
    },
    style: "TableStyleMedium7",
  });
  w.totals(placed, ["amount", "pooledAmount"], sb.f.eur2);

  // MU3 scenarios in formulas (rate × addressable spend).
  const mu3 = result(sb, MU3);
  w.marker("scenarios", text(lang, "scenarios"), 5);
  if (mu3.value === null) {
    sb.note(naText(lang, mu3), 1);
    sb.cursor++;
    return;
  }
  const head = sb.cursor;
  sb.block(
    head,
    1,
    [[sb.h("scenario"), sb.h("ratePercent"), sb.h("addressableAmount"), sb.h("savings")]],
    { style: "header" }
  );
  const cells: CellValue[][] = mu3.tables.scenarios.map((s, i) => {
    const r = head + 1 + i;
    return [
      textCell(pick(lang, SCENARIO_LABELS[s.scenario])),
      fraction(s.ratePercent),
      s.addressableAmount,
      formula(`=ROUND(${a1(r, 2)}*${a1(r, 3)},2)`),
    ];
  });
  if (cells.length > 0)
    sb.block(head + 1, 1, cells, { columnFormats: [null, sb.f.pct, sb.f.eur2, sb.f.eur2] });
  sb.cursor = head + cells.length + 2;
}

/** Organisation territoriale (issue #16 §4): recommended cursor per family and the user's choice. */
function sectionTerritorial(w: PlanWriter): void {
  const sb = w.sb;
  const rows = organisationRows(sb.ctx);
  const answer = answerOf(sb.ctx);
  if (rows.length === 0 && !Object.keys(sb.ctx.inputs.plan).some((k) => k.startsWith("territorial/")))
    return;
  // The section starts a printed page: its title and notes were left at the foot of the previous one.
  sb.printChoice = { ...sb.printChoice, rowBreaks: [...(sb.printChoice.rowBreaks ?? []), sb.cursor] };
  const placed = w.section({
    section: "territorial",
    title: ["Organisation territoriale : mutualiser, territorialiser ou mixte", "Territorial organisation: pool, territorialise or mixed"],
    table: "tblPlanOrganisationTerritoriale",
    rows,
    notes: [
      w.lang === "fr"
        ? "Choisissez un scénario par famille (A mutualiser, B territorialiser, C mixte) : le choix est conservé d'une exécution à l'autre et alimente la section 7 ; comparaison des scénarios dans la feuille Territoires."
        : "Choose a scenario per family (A pool, B territorialise, C mixed): the choice is kept from one run to the next and feeds section 7; the scenarios are compared in the Territories sheet.",
      // The balance of the orientations (choices, else the cursor): what the plan's choices cost and give.
      ...(answer ? [balanceLine(sb.ctx, answer.answer)].filter((x): x is string => x !== null) : []),
    ],
    formats: { amount: sb.f.eur2, deadline: sb.f.date },
    widths: { familyLabel: 28, amount: 14, territories: 26, needs: 24, cursor: 18, reasons: 60, choice: 18, owner: 18, deadline: 12, comment: 30 },
    style: "TableStyleMedium7",
  });
  sb.validation({
    range: placed.columnRange("choice"),
    list: [...scenarioChoices(sb.ctx.lang)],
    allowBlank: true,
    errorStyle: "warning",
  });
  sb.cursor++;
}

function section8(w: PlanWriter, objectives: { placed: PlacedTable; rows: ObjectiveRows }): void {
  const sb = w.sb;
  const lang = w.lang;
  // Every KPI followed has its target in section 3 (issue #12: no KPI of the plan without one).
  const ids = ["PF1", "PF3", "PF8", "CO1", "RE1", "RE2", "MU1"];
  const targetCol = fieldCol(PLAN_LAYOUT.objectives, "target");
  const proposedCol = fieldCol(PLAN_LAYOUT.objectives, "proposedTarget");
  const rows: KeyedRow[] = [];
  for (const id of ids) {
    const ind = maybeIndicator(sb, id);
    if (!ind) continue;
    const fmt = unitFormat(lang, ind.unit, false);
    const obj = objectives.rows.get(id);
    rows.push({
      id,
      values: {
        indicator: textCell(`${ind.id} · ${labelOf(sb.ctx, ind)}`),
        currentValue: ind.value === null ? text(lang, "na") : unitValue(ind.unit, ind.value),
        followTarget: obj
          ? formula(
              `=IF(${a1(obj.row, targetCol)}<>"",${a1(obj.row, targetCol)},IF(${a1(obj.row, proposedCol)}<>"",${a1(obj.row, proposedCol)},""))`
            )
          : null,
        frequency: text(lang, "monthly"),
      },
      formats: { currentValue: fmt, followTarget: fmt },
    });
  }
  w.section({
    section: "evaluation",
    title: [text("fr", "planS8"), text("en", "planS8")],
    table: "tblPlanEvaluation",
    rows,
    widths: {
      indicator: 40,
      currentValue: 16,
      followTarget: 16,
      frequency: 12,
      owner: 20,
      comment: 30,
    },
    style: "TableStyleLight9",
  });
  sb.cursor++;
}
