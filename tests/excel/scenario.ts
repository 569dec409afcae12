/**
 * End-to-end scenario over the fake Excel: a workbook holding generated source data (spend lines,
 * contracts, entities) and a foreign "Tableau de bord" sheet, and a full run of the analysis as the
 * pane does it (pipeline.ts): list the tables, read them, read back the owned input sheets, run the
 * core (detect, intake, analyse), build the spec, write it, save the settings. Used by the tests and
 * by scripts/bench/excel-render.ts.
 */
import { analyse } from "../../src/core/analyse";
import { detectTable } from "../../src/core/detect";
import { runIntake, type MappedTable } from "../../src/core/intake";
import type { Cell } from "../../src/core/model";
import { INPUT_SHEET_KEYS } from "../../src/report/input-layout";
import { readUserInputs } from "../../src/report/inputs";
import type { WorkbookSpec } from "../../src/report/spec";
import { buildWorkbookSpec } from "../../src/report/workbook";
import type { ExcelWorkbookGateway } from "../../src/excel/excel-gateway";
import type { WriteReport } from "../../src/workbook/gateway";
import { defaultSettings, type PaneSettings, type TableChoice } from "../../src/workbook/settings";
import { generateDemo, generateSpendRows, S } from "../../scripts/demo/generate";
import { FakeExcel, type SheetModel } from "./fake-excel";

export const TRAP_SUPPLIER = '=HYPERLINK("https://exemple.fr/piege","Fournisseur piégé")';
export const FOREIGN_DASHBOARD = "Tableau de bord";
export const FOREIGN_CONTENT = [["Mon propre tableau de bord"], ["Ne pas écraser", 42]];

export interface SourceWorkbook {
  fake: FakeExcel;
  spend: SheetModel;
  contracts: SheetModel;
  entities: SheetModel;
  foreign: SheetModel;
  /** JSON snapshots of the source sheets, for "unchanged" checks. */
  snapshots: () => Record<string, string>;
}

/**
 * The source workbook: "Mandats" (an Excel table of `lines` spend lines, header in row 1), "Marchés"
 * and "Entités" (tables from the demo generator), and the user's own "Tableau de bord". Every line
 * of one supplier is renamed to TRAP_SUPPLIER.
 */
export function sourceWorkbook(lines: number, options: { apiVersion?: string; seed?: number } = {}): SourceWorkbook {
  const fake = new FakeExcel({ apiVersion: options.apiVersion });
  const rows: Cell[][] = [];
  for (const r of generateSpendRows(lines, options.seed ?? 42)) rows.push(r);
  const supplierCol = S.supplier;
  const trapped = rows[1][supplierCol];
  for (let i = 1; i < rows.length; i++) if (rows[i][supplierCol] === trapped) rows[i][supplierCol] = TRAP_SUPPLIER;
  const foreign = fake.addSheet(FOREIGN_DASHBOARD, FOREIGN_CONTENT);
  const spend = fake.addSheet("Mandats", rows);
  fake.addTable(spend, "tblMandats", { r1: 0, c1: 0, r2: rows.length - 1, c2: rows[0].length - 1 });
  const demo = generateDemo({ seed: 7, spendLines: 2_000, contracts: 300 });
  const contracts = fake.addSheet("Marchés", demo.contracts.rows, { row: demo.contracts.firstRow - 1 });
  const cHeader = demo.contracts.rows.findIndex((r) => r.filter((c) => typeof c === "string").length > 5);
  fake.addTable(contracts, "tblMarches", { r1: demo.contracts.firstRow - 1 + cHeader, c1: 0, r2: demo.contracts.firstRow - 1 + demo.contracts.rows.length - 1, c2: demo.contracts.rows[cHeader].length - 1 });
  const entities = fake.addSheet("Entités", demo.entities.rows, { row: demo.entities.firstRow - 1 });
  const snapshots = () => ({ Mandats: spend.snapshot(), Marchés: contracts.snapshot(), Entités: entities.snapshot(), [FOREIGN_DASHBOARD]: foreign.snapshot() });
  return { fake, spend, contracts, entities, foreign, snapshots };
}

/**
 * The pane's Sources step: list the tables, read a sample of each (60 rows), detect its kind and
 * mapping, select the recognised ones, save the settings in the workbook.
 */
export async function chooseSources(gateway: ExcelWorkbookGateway): Promise<PaneSettings> {
  const settings = (await gateway.loadSettings()) ?? defaultSettings(new Date(Date.UTC(2026, 0, 15)));
  const tables: TableChoice[] = [];
  for (const s of await gateway.listTables()) {
    const sample = await gateway.readTable(s.name, { maxRows: 60 });
    const d = detectTable(sample);
    tables.push({ name: s.name, selected: d.kind !== null, kind: d.kind, headerRowIndex: d.headerRowIndex, mapping: d.mapping, headers: d.headers, edited: false });
  }
  const next = { ...settings, tables };
  await gateway.saveSettings(next);
  return next;
}

export interface RunResult {
  spec: WorkbookSpec;
  report: WriteReport;
  settings: PaneSettings;
  /** Syncs of this run (fake's count). */
  syncs: number;
  /** Index of the first sync of this run in fake.syncLog (0-based). */
  firstSync: number;
  /** Syncs of writeWorkbook alone (state, staging batches, swap). */
  writeSyncs: number;
  timings: { readMs: number; coreMs: number; writeMs: number };
}

/**
 * One analysis run through the gateway, in the order of src/taskpane/pipeline.ts runAnalysis (plus
 * the settings load of the ribbon command): settings, tables, owned input sheets read back, the
 * selected tables read in full, core, spec, write, settings saved.
 */
export async function analysisRun(gateway: ExcelWorkbookGateway, fake: FakeExcel, runDate = "2026-01-15"): Promise<RunResult> {
  const firstSync = fake.syncCount;
  const t0 = performance.now();
  const saved = await gateway.loadSettings();
  if (!saved) throw new Error("no settings: run chooseSources first");
  const sources = await gateway.listTables();
  const owned = await gateway.listOwnedSheets();
  const inputSheets = owned.filter((o) => (INPUT_SHEET_KEYS as readonly string[]).includes(o.key));
  const values = inputSheets.length > 0 ? await gateway.readSheetValues(inputSheets.map((o) => o.name)) : {};
  const previous: Record<string, Cell[][]> = {};
  for (const o of inputSheets) if (values[o.name]) previous[o.key] = values[o.name];
  const tables: MappedTable[] = [];
  for (const choice of saved.tables.filter((t) => t.selected && t.kind !== null)) {
    if (!sources.some((s) => s.name === choice.name)) throw new Error(`table ${choice.name} disappeared`);
    const table = await gateway.readTable(choice.name);
    tables.push({ table, kind: choice.kind!, headerRowIndex: choice.headerRowIndex, mapping: choice.mapping });
  }
  const t1 = performance.now();
  const analysis = analyse(runIntake(tables));
  const spec = buildWorkbookSpec(analysis, { runDate, sources: tables.map((t) => t.table.name), previousInputs: readUserInputs(previous) });
  const t2 = performance.now();
  const beforeWrite = fake.syncCount;
  const report = await gateway.writeWorkbook(spec);
  const writeSyncs = fake.syncCount - beforeWrite;
  const settings: PaneSettings = {
    ...saved,
    parameters: {},
    lastRun: { runDate, periodLabel: spec.stamp.period.label, sources: spec.stamp.sources, lang: "fr", planSheets: true },
  };
  await gateway.saveSettings(settings);
  const t3 = performance.now();
  return { spec, report, settings, syncs: fake.syncCount - firstSync, firstSync, writeSyncs, timings: { readMs: t1 - t0, coreMs: t2 - t1, writeMs: t3 - t2 } };
}
