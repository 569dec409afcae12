/**
 * Issue #4 acceptance, on the recording fake: a 100 000-line analysis read and written through the
 * Excel gateway, twice, as the pane runs it (tests/excel/scenario.ts).
 */
import { ExcelWorkbookGateway } from "../../src/excel/excel-gateway";
import { PAYLOAD_LIMIT_BYTES } from "../../src/excel/payload";
import { STAGING_PREFIX } from "../../src/excel/renderer";
import { SETTINGS_KEY } from "../../src/workbook/gateway";
import { parseSettings } from "../../src/workbook/settings";
import { SHEET_ORDER, type InputRange } from "../../src/report/spec";
import type { SheetModel } from "./fake-excel";
import { analysisRun, chooseSources, FOREIGN_CONTENT, FOREIGN_DASHBOARD, sourceWorkbook, TRAP_SUPPLIER, type RunResult, type SourceWorkbook } from "./scenario";

const LINES = 100_000;
jest.setTimeout(60_000);

let wb: SourceWorkbook;
let gateway: ExcelWorkbookGateway;
let before: Record<string, string>;
let run1: RunResult;
let run2: RunResult;
let sheetsBeforeRun2: Map<string, SheetModel>;
let ownedBeforeRun2: string[];
let typed: InputRange;
const TYPED = "Mme Dupont (saisi dans le classeur)";

beforeAll(async () => {
  wb = sourceWorkbook(LINES);
  before = wb.snapshots();
  gateway = new ExcelWorkbookGateway({ host: wb.fake.host() });
  await chooseSources(gateway);
  run1 = await analysisRun(gateway, wb.fake);
  // The user types in an input cell of the plan between the two runs.
  const plan = run1.spec.sheets.find((s) => s.key === "plan")!;
  typed = plan.inputs.find((i) => i.field === "owner") ?? plan.inputs[0];
  wb.fake.sheet(plan.name)!.setCell(typed.range.r1, typed.range.c1, TYPED);
  sheetsBeforeRun2 = new Map(wb.fake.sheets.map((s) => [s.name, s] as const));
  ownedBeforeRun2 = (await gateway.listOwnedSheets()).map((o) => o.name);
  run2 = await analysisRun(gateway, wb.fake, "2026-01-16");
});

describe(`full run on ${LINES.toLocaleString("fr-FR")} lines`, () => {
  test("reads the whole spend table", () => {
    expect(run1.spec.stamp.sources).toEqual(["tblMandats", "tblMarches", "Entités"]);
    const rec = run1.spec.sheets.find((s) => s.key === "dashboard")!.tables.find((t) => t.name === "tblTdbRapprochement")!;
    expect(JSON.stringify(rec.rows)).toContain(String(LINES));
  });

  test("at most 40 context.sync calls per run (read + write of every sheet)", () => {
    expect(run1.syncs).toBeLessThanOrEqual(40);
    expect(run2.syncs).toBeLessThanOrEqual(40);
  });

  test("no request or response above 4 MB, no payload error", () => {
    for (const s of wb.fake.syncLog) {
      expect(s.requestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
      expect(s.responseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
      expect(s.ok).toBe(true);
    }
    expect(gateway.stats.splits).toBe(0);
    expect(gateway.stats.maxRequestEstimate).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
  });

  test("the source ranges are unchanged", () => {
    expect(wb.snapshots()).toEqual(before);
    expect(wb.fake.tables.filter((t) => ["tblMandats", "tblMarches"].includes(t.name)).map((t) => t.sheet.name)).toEqual(["Mandats", "Marchés"]);
  });

  test("a foreign sheet named « Tableau de bord » survives; the dashboard goes to « Tableau de bord (2) », reported", () => {
    const foreign = wb.fake.sheet(FOREIGN_DASHBOARD)!;
    expect(foreign).toBe(wb.foreign);
    expect(foreign.read({ r1: 0, c1: 0, r2: 1, c2: 1 })).toEqual([[FOREIGN_CONTENT[0][0], ""], FOREIGN_CONTENT[1]]);
    for (const r of [run1, run2]) {
      expect(r.report.renamed).toEqual([{ key: "dashboard", wanted: "Tableau de bord", name: "Tableau de bord (2)" }]);
      expect(r.report.sheets.find((s) => s.key === "dashboard")!.name).toBe("Tableau de bord (2)");
    }
  });

  test("the second run rewrites only the owned sheets", () => {
    expect(run2.report.sheets.every((s) => !s.created)).toBe(true);
    const owned = new Set(ownedBeforeRun2);
    expect(owned.size).toBe(SHEET_ORDER.length); // Attentes des territoires included: the lines have territories
    for (const [name, model] of sheetsBeforeRun2) {
      const now = wb.fake.sheet(name)!;
      expect(now).toBeDefined();
      if (owned.has(name)) expect(now).not.toBe(model);
      else expect(now).toBe(model);
    }
    expect(wb.fake.sheetNames()).toEqual([...sheetsBeforeRun2.keys()]);
    // Run calls after the reads touched only staging sheets and owned sheets.
    const after = wb.fake.calls.filter((c) => c.sync > run2.firstSync && /^(Range\.|TableCollection\.add|ChartCollection|Worksheet\.(delete|name))/.test(c.api));
    expect(after.length).toBeGreaterThan(0);
  });

  test(`a supplier named ${TRAP_SUPPLIER} is written as text, never as a formula`, () => {
    let found = 0;
    for (const s of wb.fake.sheets) {
      if (!ownedBeforeRun2.includes(s.name)) continue;
      s.grid.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === TRAP_SUPPLIER) {
            found++;
            expect(s.kind(r, c)).toBe("text");
            expect(s.formatAt(r, c)).toBe("@");
          }
        }),
      );
      // No string was turned into a formula or a number by Excel: every formula cell is a spec formula.
      for (const [, kind] of s.kinds) expect(kind).not.toBe("coerced");
    }
    expect(found).toBeGreaterThan(0);
  });

  test("values go as 2D blocks and tables.add over the written ranges (never rows.add)", () => {
    const calls = wb.fake.calls.filter((c) => c.sync > run1.firstSync && c.sync <= run1.firstSync + run1.syncs);
    const valueCalls = calls.filter((c) => c.api === "Range.values").length;
    const cells = run1.spec.sheets.reduce((n, s) => n + s.blocks.reduce((m, b) => m + b.values.length * b.values[0].length, 0) + s.tables.reduce((m, t) => m + (t.rows.length + 1) * t.columns.length, 0), 0);
    expect(valueCalls).toBeLessThan(cells / 20);
    expect(calls.some((c) => /rows\.add|TableRowCollection/.test(c.api))).toBe(false);
    const tables = run2.spec.sheets.flatMap((s) => s.tables.map((t) => ({ s, t })));
    for (const { s, t } of tables) {
      const model = wb.fake.tables.find((x) => x.name === t.name)!;
      expect(model.sheet.name).toBe(run2.report.sheets.find((r) => r.key === s.key)!.name);
      expect(model.rect).toEqual({ r1: t.row, c1: t.col, r2: t.row + Math.max(1, t.rows.length), c2: t.col + t.columns.length - 1 });
      expect(model.style).toBe(t.style);
    }
  });

  test("every batch ran with delayForCellEdit, write batches with suspended calculation and screen updating", () => {
    expect(wb.fake.runOptions.length).toBeGreaterThan(0);
    expect(wb.fake.runOptions.every((o) => o.delayForCellEdit === true)).toBe(true);
    expect(wb.fake.appCalls.filter((c) => c === "suspendScreenUpdatingUntilNextSync").length).toBeGreaterThanOrEqual(2);
    expect(wb.fake.appCalls.filter((c) => c === "suspendApiCalculationUntilNextSync").length).toBeGreaterThanOrEqual(2);
    expect(wb.fake.appCalls).toContain("calculate:Recalculate");
    // The suspensions open every batch that writes values (they act from where they are queued).
    const bySync = new Map<number, string[]>();
    for (const c of wb.fake.calls) bySync.set(c.sync, [...(bySync.get(c.sync) ?? []), c.api]);
    const writing = [...bySync.values()].filter((apis) => apis.includes("Range.values"));
    expect(writing.length).toBeGreaterThanOrEqual(2);
    for (const apis of writing) expect(apis.slice(0, 2)).toEqual(["Application.suspendApiCalculationUntilNextSync", "Application.suspendScreenUpdatingUntilNextSync"]);
  });

  test("no staging sheet, name or table is left; formulas point at the final sheet names", () => {
    expect(wb.fake.sheetNames().some((n) => n.startsWith(STAGING_PREFIX))).toBe(false);
    expect(wb.fake.names.some((n) => n.name.includes("stg") || wb.fake.nameFormula(n).includes("#REF!"))).toBe(false);
    expect(wb.fake.tables.some((t) => t.name.includes("optima_tmp"))).toBe(false);
    const plan = wb.fake.sheet("Plan stratégique")!;
    const formulas = [...plan.kinds].filter(([, k]) => k === "formula").map(([key]) => String(plan.cell(...(key.split(":").map(Number) as [number, number]))));
    expect(formulas.some((f) => f.includes("'Diagnostic 360'!"))).toBe(true);
    expect(formulas.some((f) => f.includes(STAGING_PREFIX) || f.includes("#REF!"))).toBe(false);
  });

  test("what the user typed in an owned input sheet is read back and kept by the next run", () => {
    const plan = wb.fake.sheet("Plan stratégique")!;
    expect(plan).not.toBe(sheetsBeforeRun2.get("Plan stratégique"));
    const rewritten = run2.spec.sheets.find((s) => s.key === "plan")!;
    const cell = rewritten.inputs.find((i) => i.section === typed.section && i.field === typed.field)!;
    expect(cell).toBeDefined();
    const found: unknown[] = [];
    for (let r = cell.range.r1; r <= cell.range.r2; r++) found.push(plan.cell(r, cell.range.c1));
    expect(found).toContain(TYPED);
  });

  test("settings persist in the workbook: a colleague's pane gets the same choices", async () => {
    const colleague = new ExcelWorkbookGateway({ host: wb.fake.host() });
    expect(await colleague.loadSettings()).toEqual(parseSettings(JSON.stringify(run2.settings)));
    expect(wb.fake.settings.get(SETTINGS_KEY)).toBe(JSON.stringify(run2.settings));
    expect((await colleague.listOwnedSheets()).map((o) => o.name)).toEqual(ownedBeforeRun2);
    const tables = await colleague.listTables();
    expect(tables.map((t) => t.name)).toEqual([FOREIGN_DASHBOARD, "tblMandats", "tblMarches", "Entités"]);
  });
});
