/**
 * A workbook whose report sheets no Excel name records — written by the command line (which
 * records them in the file's properties), or whose hidden names were lost — opened in Excel: the
 * add-in recognises its sheets by name and stamp (report/recognise-sheet.ts, the command line's own
 * rule), never offers them as sources, reads the user's entries back and rewrites them in place,
 * instead of listing 30 tables of its own output as data and writing « Plan stratégique (2) ».
 */
import { ExcelWorkbookGateway } from "../../src/excel/excel-gateway";
import { ANCHOR_PREFIX, REGISTRY_SETTING } from "../../src/excel/ownership";
import { SHEET_NAMES } from "../../src/report/labels";
import type { InputRange } from "../../src/report/spec";
import { generateSpendRows } from "../../scripts/demo/generate";
import { FakeExcel } from "./fake-excel";
import { analysisRun, chooseSources, type RunResult } from "./scenario";

jest.setTimeout(60_000);

const TYPED = "M. Martin (saisi avant la perte des noms)";
let fake: FakeExcel;
let run1: RunResult;
let typed: InputRange;
let sourcesAfterLoss: string[];
let ownedAfterLoss: { key: string; name: string }[];
let run2: RunResult;

beforeAll(async () => {
  fake = new FakeExcel();
  const rows = [...generateSpendRows(2_000, 42)];
  const spend = fake.addSheet("Mandats", rows);
  fake.addTable(spend, "tblMandats", { r1: 0, c1: 0, r2: rows.length - 1, c2: rows[0].length - 1 });
  // A sheet of the user's own that has one of our names but no stamp: never ours (a spend-only
  // analysis writes no concessions calendar, so the name stays the user's).
  fake.addSheet("Calendrier des concessions", [["Mes concessions à moi"], ["Ne pas écraser", 1]]);
  const first = new ExcelWorkbookGateway({ host: fake.host() });
  await chooseSources(first);
  run1 = await analysisRun(first, fake);
  const plan = run1.spec.sheets.find((s) => s.key === "plan")!;
  typed = plan.inputs.find((i) => i.field === "owner") ?? plan.inputs[0];
  fake.sheet(plan.name)!.setCell(typed.range.r1, typed.range.c1, TYPED);
  // The records are lost: no anchor name, no registry (as in a workbook the command line wrote).
  for (const n of [...fake.names]) if (n.name.startsWith(ANCHOR_PREFIX)) fake.names.splice(fake.names.indexOf(n), 1);
  fake.settings.delete(REGISTRY_SETTING);
  const second = new ExcelWorkbookGateway({ host: fake.host() });
  sourcesAfterLoss = (await second.listTables()).map((t) => t.sheet);
  ownedAfterLoss = await second.listOwnedSheets();
  run2 = await analysisRun(second, fake, "2026-01-16");
});

test("the stamped report sheets are not offered as sources; the user's unstamped « Calendrier des concessions » still is", () => {
  expect(new Set(sourcesAfterLoss)).toEqual(new Set(["Mandats", "Calendrier des concessions"]));
});

test("every report sheet with our exact name and stamp is taken as ours again", () => {
  const written = run1.report.sheets.filter((s) => (SHEET_NAMES[s.key] as readonly string[]).includes(s.name));
  expect(written.length).toBeGreaterThan(10);
  expect(ownedAfterLoss).toEqual(expect.arrayContaining(written.map((s) => ({ key: s.key, name: s.name }))));
  expect(ownedAfterLoss.some((o) => o.name === "Calendrier des concessions")).toBe(false);
});

test("the next run rewrites them in place, keeps what the user typed in the plan, and anchors them again", () => {
  const plan = run2.spec.sheets.find((s) => s.key === "plan")!;
  expect(run2.report.sheets.find((s) => s.key === "plan")).toMatchObject({ name: "Plan stratégique", created: false });
  expect(run2.report.renamed).toEqual([]);
  expect(run2.report.sheets.every((s) => !s.created)).toBe(true);
  const input = plan.inputs.find((i) => i.section === typed.section && i.field === typed.field && i.range.r1 === typed.range.r1)!;
  expect(fake.sheet(plan.name)!.read({ r1: input.range.r1, c1: input.range.c1, r2: input.range.r1, c2: input.range.c1 })).toEqual([[TYPED]]);
  expect(fake.sheetNames().filter((n) => /\(\d\)$/.test(n))).toEqual([]);
  const anchors = fake.names.filter((n) => n.name.startsWith(`${ANCHOR_PREFIX}own_`)).map((n) => n.name);
  expect(anchors).toEqual(expect.arrayContaining([`${ANCHOR_PREFIX}own_plan`, `${ANCHOR_PREFIX}own_dashboard`]));
  expect(fake.sheet("Calendrier des concessions")!.read({ r1: 0, c1: 0, r2: 0, c2: 0 })).toEqual([["Mes concessions à moi"]]);
});
