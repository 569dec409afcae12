/**
 * Issue #13, item 5, in the add-in: the Plan stratégique belongs to the user once written. When the
 * user added to it what reading the inputs back does not carry over — a comment, a note, a chart, a
 * value outside our cells, a formula typed in an input cell — an update keeps the old sheet as it
 * was under « Plan stratégique (ancien) » (unique name), writes the new plan beside it and says so,
 * as the .xlsx writer does (tests/file/plan-user-additions.test.ts); the same rules decide
 * (src/report/user-additions.ts). On the recording fake (tests/excel/fake-excel.ts).
 */
import { ExcelWorkbookGateway } from "../../src/excel/excel-gateway";
import { REGISTRY_SETTING } from "../../src/excel/ownership";
import { a1 } from "../../src/report/a1";
import type { WorkbookSpec } from "../../src/report/spec";
import { buildWorkbookSpec } from "../../src/report/workbook";
import { richAnalysis } from "../report/fixture";
import { FakeExcel, type SheetModel } from "./fake-excel";

const PLAN = "Plan stratégique";
const KEPT = "Plan stratégique (ancien)";

let cached: WorkbookSpec | null = null;
function spec(): WorkbookSpec {
  cached ??= buildWorkbookSpec(richAnalysis(), { runDate: "2026-01-15", sources: ["Mandats"] });
  return cached;
}

async function written(apiVersion?: string) {
  const fake = new FakeExcel({ apiVersion });
  fake.addSheet("Mandats", [["Date", "Fournisseur", "Montant"], [45658, "Alpha", 100]]);
  const gateway = new ExcelWorkbookGateway({ host: fake.host() });
  await gateway.writeWorkbook(spec());
  return { fake, gateway, plan: fake.sheet(PLAN)! };
}

function planSpec() {
  return spec().sheets.find((s) => s.key === "plan")!;
}

/** An input cell of the plan (first cell of its first input range). */
function inputCell(): { r: number; c: number } {
  const range = planSpec().inputs[0].range;
  return { r: range.r1, c: range.c1 };
}

/** The user types a formula in a cell (what Excel stores). */
function typeFormula(sheet: SheetModel, r: number, c: number, formula: string): void {
  sheet.setCell(r, c, formula);
  sheet.kinds.set(`${r}:${c}`, "formula");
}

function registryNames(fake: FakeExcel): string[] {
  const raw = fake.settings.get(REGISTRY_SETTING) as string;
  return Object.values((JSON.parse(raw) as { sheets: Record<string, { name: string }> }).sheets).map((s) => s.name);
}

describe("plan rewritten by the add-in", () => {
  test("control: a rewrite with nothing added by the user keeps no copy and says nothing (our own cells, formats and charts are ours)", async () => {
    const { fake, gateway } = await written();
    const before = fake.sheetNames();
    const runs = gateway.stats.runs;
    const report = await gateway.writeWorkbook(spec());
    expect(gateway.stats.runs).toBe(runs + 1); // one Excel.run for the user's action
    expect(report.warnings).toEqual([]);
    expect(fake.sheetNames()).toEqual(before);
    expect(fake.sheetNames().some((n) => n.includes("(ancien"))).toBe(false);
  });

  test("control: a value typed in an input cell is no addition (it is read back with the inputs)", async () => {
    const { fake, gateway, plan } = await written();
    const { r, c } = inputCell();
    plan.setCell(r, c, "Mme Dupont");
    const report = await gateway.writeWorkbook(spec());
    expect(report.warnings).toEqual([]);
    expect(fake.sheet(KEPT)).toBeUndefined();
  });

  test.each([
    ["a comment", (s: SheetModel) => s.comments.push({ r: 3, c: 2, text: "À revoir avec la DGS" }), /\(commentaires\)/],
    ["a note", (s: SheetModel) => s.notes.push({ r: 3, c: 2, text: "Note" }), /\(notes\)/],
    ["a chart", (s: SheetModel) => s.charts.push({ type: "Pie", source: { sheet: s, rect: { r1: 3, c1: 2, r2: 6, c2: 3 } }, seriesBy: "Auto", props: {}, series: [] }), /\(graphique ou image\)/],
    ["a picture", (s: SheetModel) => s.shapes.push({ type: "Image" }), /\(graphique ou image\)/],
  ])("%s: the old plan is kept as it was under « Plan stratégique (ancien) », the new one written beside it, and the report says so", async (_what, add, reason) => {
    // ExcelApi 1.18: comments (1.10) and notes (1.18) can be counted.
    const { fake, gateway, plan } = await written("1.18");
    add(plan);
    const snapshot = plan.snapshot();
    const report = await gateway.writeWorkbook(spec());
    const kept = fake.sheet(KEPT)!;
    expect(kept).toBe(plan); // the same sheet, renamed, not a copy
    expect(kept.snapshot()).toBe(snapshot);
    expect(fake.sheet(PLAN)).toBeDefined();
    expect(fake.sheet(PLAN)).not.toBe(plan);
    expect(report.warnings).toEqual([
      expect.stringMatching(new RegExp(`^La feuille « Plan stratégique » contient des ajouts que la mise à jour ne sait pas reporter ${reason.source}.* conservée telle quelle sous le nom « Plan stratégique \\(ancien\\) »`)),
    ]);
    // The new plan's tables keep their names; the kept sheet's get « _ancien ».
    for (const t of planSpec().tables) {
      expect(fake.tables.find((x) => x.name === t.name)?.sheet).toBe(fake.sheet(PLAN));
      expect(fake.tables.find((x) => x.name === `${t.name}_ancien`)?.sheet).toBe(kept);
    }
    // The kept sheet is the user's now: no longer owned, never rewritten.
    expect(registryNames(fake)).toContain(PLAN);
    expect(registryNames(fake)).not.toContain(KEPT);
    expect((await gateway.listOwnedSheets()).map((o) => o.name)).not.toContain(KEPT);
  });

  test("a value typed outside our cells (to the right of everything we write) keeps the old plan", async () => {
    const { fake, gateway, plan } = await written();
    const right = Math.max(...planSpec().blocks.map((b) => b.col + (b.values[0]?.length ?? 0)), ...planSpec().tables.map((t) => t.col + t.columns.length)) + 2;
    plan.setCell(4, right, "Penser au marché de voirie");
    const report = await gateway.writeWorkbook(spec());
    expect(fake.sheet(KEPT)!.cell(4, right)).toBe("Penser au marché de voirie");
    expect(report.warnings[0]).toContain(`saisie hors des cellules de l'outil (${a1(4, right)})`);
  });

  test("a formula typed in an input cell: the old plan is kept with the formula as a formula, and a reference to another sheet of ours still works (no #REF!)", async () => {
    const { fake, gateway, plan } = await written();
    const { r, c } = inputCell();
    typeFormula(plan, r, c, "='Tableau de bord'!B5*2");
    const report = await gateway.writeWorkbook(spec());
    const kept = fake.sheet(KEPT)!;
    expect(kept.kind(r, c)).toBe("formula");
    // The old Tableau de bord was replaced (deleted): the formula is written back, so it refers to
    // the new one, not to #REF!.
    expect(kept.cell(r, c)).toBe("='Tableau de bord'!B5*2");
    expect(report.warnings[0]).toContain(`formule dans des cellules de saisie (${a1(r, c)})`);
  });

  test("ExcelApi 1.7 (no cell properties): a formula in an input cell is found through the layout's input ranges", async () => {
    const { fake, gateway, plan } = await written("1.7");
    const { r, c } = inputCell();
    typeFormula(plan, r, c, "=1+1");
    const report = await gateway.writeWorkbook(spec());
    expect(fake.sheet(KEPT)!.cell(r, c)).toBe("=1+1");
    expect(report.warnings.some((w) => w.includes(`formule dans des cellules de saisie (${a1(r, c)})`))).toBe(true);
  });

  test("the kept name is unique: with a « Plan stratégique (ancien) » already there, the next one is « (ancien 2) »", async () => {
    const { fake, gateway, plan } = await written("1.10");
    plan.comments.push({ r: 3, c: 2, text: "premier" });
    await gateway.writeWorkbook(spec());
    fake.sheet(PLAN)!.comments.push({ r: 3, c: 2, text: "second" });
    const report = await gateway.writeWorkbook(spec());
    expect(fake.sheet(KEPT)!.comments[0].text).toBe("premier");
    expect(fake.sheet("Plan stratégique (ancien 2)")!.comments[0].text).toBe("second");
    expect(report.warnings[0]).toContain("« Plan stratégique (ancien 2) »");
  });

  test("a used range too large to be read (the user pasted far below) counts as an addition: the old plan is kept, nothing read past the bound", async () => {
    const { fake, gateway, plan } = await written();
    // Rows 1 to 30 001 × the plan's columns: far more than MAX_CELLS cells.
    plan.setCell(30_000, 0, "collé très bas");
    const report = await gateway.writeWorkbook(spec());
    expect(fake.sheet(KEPT)!.cell(30_000, 0)).toBe("collé très bas");
    expect(report.warnings[0]).toMatch(/plage utilisée de .* cellules, trop grande pour être vérifiée/);
    expect(fake.syncLog.every((x) => x.ok)).toBe(true);
  });

  test("the check costs two syncs for all the input sheets, in the same Excel.run", async () => {
    const { gateway } = await written();
    const runs = gateway.stats.runs;
    const syncs = gateway.stats.syncs;
    await gateway.writeWorkbook(spec());
    const first = gateway.stats.syncs - syncs;
    // A first write (no input sheet yet) has no check: compare with a fresh workbook's write.
    const fresh = new FakeExcel();
    fresh.addSheet("Mandats", [["Date"], [1]]);
    const g2 = new ExcelWorkbookGateway({ host: fresh.host() });
    await g2.writeWorkbook(spec());
    expect(first - g2.stats.syncs).toBe(2);
    expect(gateway.stats.runs).toBe(runs + 1);
  });
});
