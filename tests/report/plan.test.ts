import { formulaReferences } from "../../src/report/a1";
import { cellKey, sheetValues, writtenCells } from "../../src/report/grid";
import { emptyInputs, readUserInputs, type UserInputs } from "../../src/report/inputs";
import { PLAN_LAYOUT, fieldCol } from "../../src/report/input-layout";
import { PLAN_LISTS } from "../../src/report/labels";
import { isFormula, plainValue, type CellValue, type SheetSpec, type TableSpec, type WorkbookSpec } from "../../src/report/spec";
import { validateWorkbookSpec } from "../../src/report/validate";
import { buildWorkbookSpec } from "../../src/report/workbook";
import { richAnalysis, spendOnlyAnalysis } from "./fixture";

const OPTIONS = { runDate: "2026-01-15", sources: ["Mandats", "Marches"] };
const rich = richAnalysis();

function planSheet(s: WorkbookSpec): SheetSpec {
  return s.sheets.find((x) => x.key === "plan")!;
}

function table(s: SheetSpec, name: string): TableSpec {
  const t = s.tables.find((x) => x.name === name);
  if (!t) throw new Error(`tableau ${name} absent`);
  return t;
}

/** The row of a table whose key column (col 0) is `key`, as field → plain value. */
function rowByKey(t: TableSpec, key: string | null): Record<string, unknown> | null {
  const r = t.rows.find((row) => plainValue(row[0]) === key);
  return r ? Object.fromEntries(t.columns.map((c, i) => [c.key, plainValue(r[i])])) : null;
}

const USER: UserInputs = {
  ...emptyInputs(),
  plan: {
    "actions/F:INFO": { lever: "Groupement de commandes", owner: "Mme Martin", deadline: 46203, expectedSavings: 4000, status: "En cours", priority: "1 - Haute", comment: "=à voir" },
    "actions/F:GONE": { owner: "M. Durand", status: "À lancer" },
    "orientations/ecologie": { text: "Sobriété énergétique des bâtiments" },
    "objectives/RE1": { target: 0.8, deadline: 46387, owner: "Service achats" },
    "renewals/M-X": { renewalAction: "Relancer une consultation", launch: 46000 },
    "responsible/charte": { status: "En cours", commitment: "Charte votée en 2026" },
    "mutualisation/F:INFO": { structure: "Groupement de commandes", coordinator: "Communauté" },
    "evaluation/SP1": { owner: "DGS" },
  },
  planExtraRows: [{ familyLabel: "Restauration scolaire", lever: "Autre", owner: "Cuisine centrale", expectedSavings: 1200 }],
  diagnostic: { "ORG-03": 0, "OUT-08": 1, "STR-01": 3 },
};

describe("Plan stratégique: the eight sections, pre-filled", () => {
  const spec = buildWorkbookSpec(rich, OPTIONS);
  const plan = planSheet(spec);

  test("every section is there, in SPEC §6 order", () => {
    const markers = plan.blocks.filter((b) => b.col === 0 && typeof b.values[0][0] === "string" && (b.values[0][0] as string).startsWith("#") && b.values[0][0] !== "#total");
    expect(markers.map((b) => b.values[0][0])).toEqual([
      "#diagnostic",
      "#orientations",
      "#objectives",
      "#actions",
      "#renewals",
      "#responsible",
      "#mutualisation",
      "#scenarios",
      "#territorial",
      "#evaluation",
    ]);
    expect(plan.tables.map((t) => t.name)).toEqual([
      "tblPlanChiffres",
      "tblPlanOrientations",
      "tblPlanObjectifs",
      "tblPlanActions",
      "tblPlanRenouvellements",
      "tblPlanAchatsResponsables",
      "tblPlanMutualisation",
      "tblPlanOrganisationTerritoriale",
      "tblPlanEvaluation",
    ]);
  });

  test("action plan: one row per family with spend, quadrant and levers with their indicator", () => {
    const t = table(plan, "tblPlanActions");
    expect(t.rows.map((r) => plainValue(r[0]))).toEqual(rich.plan.map((p) => `actions/${p.familyKey}`));
    for (const p of rich.plan) {
      const row = rowByKey(t, `actions/${p.familyKey}`)!;
      expect(row.quadrant).toBe(p.quadrant);
      expect(row.amount).toBe(p.amount);
      expect(row.share).toBeCloseTo(p.spendShare / 100, 10);
      for (const l of p.levers) expect(row.levers).toContain(`${l.lever} (${l.indicator})`);
    }
    const info = rowByKey(t, "actions/F:INFO")!;
    expect(info.levers).toBe("Passer un marché (CO1) ; Groupement de commandes (MU2) ; Sourcing / allotissement (SP4)");
    expect(info.mutualisationPotential).toBe(4000);
  });

  test("input cells are styled as inputs and never pre-filled", () => {
    for (const inp of plan.inputs) {
      const cells = writtenCells(plan);
      for (let r = inp.range.r1; r <= inp.range.r2; r++) expect(cells.get(cellKey(r, inp.range.c1)) ?? null).toBeNull();
    }
    const actionsInputs = plan.inputs.filter((i) => i.section === "tblPlanActions").map((i) => i.field);
    expect(actionsInputs).toEqual(["lever", "owner", "deadline", "expectedSavings", "status", "priority", "comment"]);
    const t = table(plan, "tblPlanActions");
    for (const c of t.columns) expect(Boolean(c.input)).toBe(PLAN_LAYOUT.actions.find((d) => d.field === c.key)!.input === true);
  });

  test("validation lists for status, priority and lever", () => {
    const t = table(plan, "tblPlanActions");
    const cells = writtenCells(plan);
    const listOf = (field: string) => {
      const col = t.col + t.columns.findIndex((c) => c.key === field);
      const v = plan.validations.find((x) => x.range.c1 === col && x.range.r1 === t.row + 1)!;
      expect(v).toBeDefined();
      const ref = v.list as { range: { r1: number; r2: number; c1: number } };
      const items: unknown[] = [];
      for (let r = ref.range.r1; r <= ref.range.r2; r++) items.push(plainValue(cells.get(cellKey(r, ref.range.c1)) ?? null));
      return { items, errorStyle: v.errorStyle };
    };
    expect(listOf("status")).toEqual({ items: PLAN_LISTS.status.map((p) => p[0]), errorStyle: "stop" });
    expect(listOf("priority")).toEqual({ items: PLAN_LISTS.priority.map((p) => p[0]), errorStyle: "stop" });
    expect(listOf("lever")).toEqual({ items: PLAN_LISTS.lever.map((p) => p[0]), errorStyle: "warning" });
  });

  test("totals are SUM formulas over the whole amount and savings columns", () => {
    const t = table(plan, "tblPlanActions");
    const cells = writtenCells(plan);
    const totalRow = t.row + t.rows.length + 1;
    expect(cells.get(cellKey(totalRow, 0))).toBe("#total");
    for (const field of ["amount", "expectedSavings"]) {
      const col = t.col + t.columns.findIndex((c) => c.key === field);
      const v = cells.get(cellKey(totalRow, col)) as CellValue;
      expect(isFormula(v)).toBe(true);
      const [ref] = formulaReferences((v as { formula: string }).formula);
      expect([ref.r1, ref.r2, ref.c1, ref.c2]).toEqual([t.row + 1, t.row + t.rows.length, col, col]);
    }
  });

  test("objectives: baseline from the analysis, proposed target from the reference", () => {
    const t = table(plan, "tblPlanObjectifs");
    const re1 = rowByKey(t, "objectives/RE1")!;
    expect(re1.baseline).toBe(0.5);
    expect(re1.proposedTarget).toBe(1);
    expect(re1.source).toContain("PNAD");
  });

  test("evaluation targets are live links to section 3", () => {
    const obj = table(plan, "tblPlanObjectifs");
    const ev = table(plan, "tblPlanEvaluation");
    const objRow = obj.row + 1 + obj.rows.findIndex((r) => plainValue(r[0]) === "objectives/PF3");
    const evRow = ev.rows.find((r) => plainValue(r[0]) === "evaluation/PF3")!;
    const f = evRow[ev.columns.findIndex((c) => c.key === "followTarget")] as { formula: string };
    const refs = formulaReferences(f.formula);
    expect(new Set(refs.map((r) => r.r1))).toEqual(new Set([objRow]));
    expect(new Set(refs.map((r) => r.c1))).toEqual(new Set([fieldCol(PLAN_LAYOUT.objectives, "target"), fieldCol(PLAN_LAYOUT.objectives, "proposedTarget")]));
  });

  test("renewal calendar from PF7", () => {
    const t = table(plan, "tblPlanRenouvellements");
    const mx = rowByKey(t, "renewals/M-X")!;
    expect(mx.supplier).toBe("Gamma");
    expect(mx.endDate).toBe(46081); // 2026-02-28
  });

  test("without a diagnostic, section 1 invites the user to answer it", () => {
    const text = sheetValues(plan).flat().filter((v) => typeof v === "string") as string[];
    expect(text.some((s) => s.startsWith("Diagnostic 360° non renseigné"))).toBe(true);
  });
});

describe("Plan stratégique: a re-run never erases what the user typed", () => {
  const spec = buildWorkbookSpec(rich, { ...OPTIONS, previousInputs: USER });
  const plan = planSheet(spec);

  test("previous inputs are back in their input cells, figures refreshed beside them", () => {
    const t = table(plan, "tblPlanActions");
    const info = rowByKey(t, "actions/F:INFO")!;
    expect(info).toMatchObject({ lever: "Groupement de commandes", owner: "Mme Martin", deadline: 46203, expectedSavings: 4000, status: "En cours", priority: "1 - Haute", comment: "=à voir" });
    expect(info.amount).toBe(80000);
    // A comment starting with "=" stays text.
    const raw = t.rows.find((r) => plainValue(r[0]) === "actions/F:INFO")!;
    expect(raw[t.columns.findIndex((c) => c.key === "comment")]).toEqual({ text: true, value: "=à voir" });
    expect(rowByKey(table(plan, "tblPlanOrientations"), "orientations/ecologie")!.text).toBe("Sobriété énergétique des bâtiments");
    expect(rowByKey(table(plan, "tblPlanObjectifs"), "objectives/RE1")).toMatchObject({ target: 0.8, deadline: 46387, owner: "Service achats", baseline: 0.5 });
    expect(rowByKey(table(plan, "tblPlanRenouvellements"), "renewals/M-X")).toMatchObject({ renewalAction: "Relancer une consultation", launch: 46000, supplier: "Gamma" });
    expect(rowByKey(table(plan, "tblPlanAchatsResponsables"), "responsible/charte")).toMatchObject({ status: "En cours", commitment: "Charte votée en 2026" });
    expect(rowByKey(table(plan, "tblPlanMutualisation"), "mutualisation/F:INFO")).toMatchObject({ structure: "Groupement de commandes", coordinator: "Communauté" });
    expect(rowByKey(table(plan, "tblPlanEvaluation"), "evaluation/SP1")).toMatchObject({ owner: "DGS" });
  });

  test("a family gone from the analysis keeps its row while it holds input", () => {
    const gone = rowByKey(table(plan, "tblPlanActions"), "actions/F:GONE")!;
    expect(gone.owner).toBe("M. Durand");
    expect(gone.familyLabel).toMatch(/^F:GONE — Famille sans dépense/);
    expect(gone.amount).toBeNull();
  });

  test("rows the user added without a key are kept at the end of the action plan", () => {
    const t = table(plan, "tblPlanActions");
    const extra = rowByKey(t, null)!;
    expect(extra).toMatchObject({ familyLabel: "Restauration scolaire", lever: "Autre", owner: "Cuisine centrale", expectedSavings: 1200 });
    expect(plainValue(t.rows[t.rows.length - 1][0])).toBeNull();
  });

  test("the weakest 360° items feed the plan (section 1 and transverse actions)", () => {
    const t = table(plan, "tblPlanActions");
    const org03 = rowByKey(t, "actions/DIAG:ORG-03")!;
    expect(org03.levers).toBe("Groupement de commandes (360 ORG-03)");
    expect(org03.familyLabel).toBe("Transverse — Mutualisation / groupements");
    expect(rowByKey(t, "actions/DIAG:OUT-08")).not.toBeNull();
    expect(rowByKey(t, "actions/DIAG:STR-01")).toBeNull(); // answered 3: not weak
    const weak = table(plan, "tblPlanPointsFaibles");
    expect(weak.rows.map((r) => plainValue(r[0]))).toEqual(["ORG-03", "OUT-08"]);
  });

  test("the spec stays valid with inputs, in both languages", () => {
    expect(validateWorkbookSpec(spec)).toEqual([]);
    expect(validateWorkbookSpec(buildWorkbookSpec(rich, { ...OPTIONS, lang: "en", previousInputs: USER }))).toEqual([]);
  });

  test("another period: figures change, inputs of families no longer there are kept", () => {
    const other = planSheet(buildWorkbookSpec(spendOnlyAnalysis(), { ...OPTIONS, previousInputs: USER }));
    const t = table(other, "tblPlanActions");
    expect(rowByKey(t, "actions/F:INFO")).toMatchObject({ owner: "Mme Martin", amount: 2000 });
    expect(rowByKey(table(other, "tblPlanRenouvellements"), "renewals/M-X")).toMatchObject({ renewalAction: "Relancer une consultation" });
    expect(rowByKey(table(other, "tblPlanRenouvellements"), "renewals/M-X")!.contractRef).toMatch(/^M-X — Marché hors calendrier/);
  });
});

describe("round trip: what the builders write, readUserInputs reads back", () => {
  const withHistory: UserInputs = {
    ...USER,
    diagnosticComments: { "ORG-03": "Pas de groupement à ce jour" },
    parameters: { "pnad.socialPercent": 0.35, "tailSpendThresholdCents.value": 1500, "ugapSiren.value": "776056467", "loiClimatStart.value": 46255 },
    history: [{ period: "2024", periodKind: "année", start: 45292, end: 45657, runDate: 45672, version: "0.0.9", SP1: 5000, PF1: 0.5 }],
  };

  test.each(["fr", "en"] as const)("plan, diagnostic, parameters and history (%s)", (lang) => {
    const spec = buildWorkbookSpec(rich, { ...OPTIONS, lang, previousInputs: withHistory });
    const sheets = Object.fromEntries(spec.sheets.map((s) => [s.name, sheetValues(s)]));
    const read = readUserInputs(sheets);
    expect(read.issues).toEqual([]);
    expect(read.plan).toEqual(withHistory.plan);
    expect(read.planExtraRows).toEqual(withHistory.planExtraRows);
    expect(read.diagnostic).toEqual(withHistory.diagnostic);
    expect(read.diagnosticComments).toEqual(withHistory.diagnosticComments);
    for (const [id, v] of Object.entries(withHistory.parameters)) expect(read.parameters[id]).toBe(v);
    expect(read.history.map((h) => h.period)).toEqual(["2024", "2025"]);
    expect(read.history[0]).toMatchObject({ SP1: 5000, PF1: 0.5, version: "0.0.9" });
    expect(read.history[1]).toMatchObject({ SP1: 106100, runDate: 46037 });
    // Reading the re-read inputs again gives the same workbook: a fixed point.
    const again = buildWorkbookSpec(rich, { ...OPTIONS, lang, previousInputs: read });
    expect(again).toEqual(buildWorkbookSpec(rich, { ...OPTIONS, lang, previousInputs: readUserInputs(Object.fromEntries(again.sheets.map((s) => [s.name, sheetValues(s)]))) }));
  });
});

describe("Plan stratégique for élus (issue #12, item 5)", () => {
  const spec = buildWorkbookSpec(rich, OPTIONS);
  const plan = planSheet(spec);
  const objectives = table(plan, "tblPlanObjectifs");
  // Which way each objective improves (the plan's own list, written down here from SPEC §4).
  const HIGHER = new Set(["PF1", "RE1", "RE2", "RE3", "MU1"]);

  it("every objective has a proposed target, never worse than its baseline", () => {
    for (const id of ["PF1", "PF3", "PF4", "PF8", "CO1", "RE1", "RE2", "RE3", "MU1"]) {
      const r = rowByKey(objectives, `objectives/${id}`)!;
      expect(typeof r.proposedTarget).toBe("number");
      if (typeof r.baseline !== "number") continue;
      if (HIGHER.has(id)) expect(r.proposedTarget as number).toBeGreaterThanOrEqual(r.baseline);
      else expect(r.proposedTarget as number).toBeLessThanOrEqual(r.baseline);
    }
  });

  it("keeps the current level when the reference is already met, and says so", () => {
    // Fixture: M-X social clause, M-Y none → RE2 = 50 %, above the PNAD 30 % → target 50 %, not 30 %.
    const re2 = rowByKey(objectives, "objectives/RE2")!;
    expect(re2.baseline).toBe(0.5);
    expect(re2.proposedTarget).toBe(0.5);
    expect(re2.source).toMatch(/^Référence déjà atteinte \(30,0 % — .*\) : maintenir le niveau actuel$/);
    // RE1 = 50 % below the PNAD 100 % → the reference.
    expect(rowByKey(objectives, "objectives/RE1")!.proposedTarget).toBe(1);
  });

  it("PF1, without a national reference, gets a progression of 10 points", () => {
    const pf1 = rowByKey(objectives, "objectives/PF1")!;
    expect(pf1.proposedTarget as number).toBeCloseTo((pf1.baseline as number) + 0.1, 10);
    expect(pf1.source).toMatch(/Progression proposée : \+10 points/);
  });

  it("every KPI followed in section 8 has a target (a formula on section 3)", () => {
    const evaluation = table(plan, "tblPlanEvaluation");
    const col = evaluation.columns.findIndex((c) => c.key === "followTarget");
    for (const r of evaluation.rows) expect(isFormula(r[col])).toBe(true);
  });

  it("the technical keys of column A are hidden and not printed, nor the lists at the right", () => {
    expect(plan.columnWidths.find((w) => w.col === 0)).toMatchObject({ hidden: true });
    expect(plan.print!.area.c1).toBe(1);
    // The validation lists start at column T (index 19): outside the print area.
    const lists = plan.blocks.filter((b) => b.col >= 19);
    expect(lists.length).toBeGreaterThan(0);
    expect(plan.print!.area.c2).toBeLessThan(19);
  });

  it("long texts wrap; an input cell sample explains the yellow cells", () => {
    for (const key of ["objective", "indicator", "source"]) expect(objectives.columns.find((c) => c.key === key)!.wrap).toBe(true);
    expect(plan.blocks.some((b) => b.style === "input" && plainValue(b.values[0][0]) === "Cellule à saisir")).toBe(true);
  });
});
