/**
 * The task pane's engine and pipeline, without React: the step-by-step intake and analysis give
 * exactly what src/core gives; the pipeline streams, writes all or nothing, cancels cleanly,
 * persists settings; the in-memory gateway honours the gateway contract; the DECP import lays out
 * a table that detection maps back.
 */
import { dayFromIso } from "../../src/core/dates";
import { analyse } from "../../src/core/analyse";
import { autoMap, detectTable } from "../../src/core/detect";
import { FIELDS } from "../../src/core/fields";
import { runIntake, type MappedTable } from "../../src/core/intake";
import { validateWorkbookSpec } from "../../src/report";
import { analyseSteps, decpToTable, intakeSteps, runEngine, selectSheets, type JobHeader, type StageProgress } from "../../src/taskpane/engine";
import { PaneError, toUserMessage } from "../../src/taskpane/errors";
import { GatewayError } from "../../src/workbook/errors";
import { defaultSheetKeys, runAnalysis, runSavedAnalysis, selectedTables, rebuildSheets } from "../../src/taskpane/pipeline";
import { createInlineRunner } from "../../src/taskpane/inline-runner";
import { DOCUMENT_KEYS, PLAN_KEYS } from "../../src/taskpane/jobs";
import { defaultSettings, parseSettings, periodOf, type PaneSettings } from "../../src/workbook/settings";
import { choiceFromDetection, firstRowOf, previewTable, reconcileChoice, SAMPLE_ROWS } from "../../src/taskpane/tables";
import { readXlsx } from "../../src/taskpane/xlsx-browser";
import { InMemoryWorkbook } from "../../src/taskpane/memory-workbook";
import { demoTables, demoWorkbook } from "./helpers";
import { readFileSync } from "fs";
import { join } from "path";
import { zipSync, strToU8 } from "fflate";

function mappedDemo(): MappedTable[] {
  return demoTables().map((t) => {
    const d = detectTable({ name: t.name, rows: t.rows.slice(0, SAMPLE_ROWS) });
    return { table: { name: t.name, sheet: t.sheet, rows: t.rows, firstRow: t.firstRow }, kind: d.kind!, headerRowIndex: d.headerRowIndex, mapping: d.mapping };
  });
}

async function settingsFor(wb: ReturnType<typeof demoWorkbook>): Promise<PaneSettings> {
  const tables = [];
  for (const s of await wb.listTables()) {
    const sample = await wb.readTable(s.name, { maxRows: SAMPLE_ROWS });
    tables.push(choiceFromDetection(s.name, detectTable(sample)));
  }
  return { ...defaultSettings(), tables };
}

describe("engine", () => {
  it("intakeSteps gives exactly runIntake's result, with growing progress", () => {
    const tables = mappedDemo();
    const gen = intakeSteps(tables, [], {}, 250);
    const seen: number[] = [];
    let step = gen.next();
    while (!step.done) {
      seen.push(step.value);
      step = gen.next();
    }
    expect(step.value).toEqual(runIntake(tables));
    expect(seen.length).toBeGreaterThan(5);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it("analyseSteps gives exactly analyse's result", () => {
    const intake = runIntake(mappedDemo());
    const gen = analyseSteps(intake, {});
    let step = gen.next();
    let steps = 0;
    while (!step.done) {
      steps++;
      step = gen.next();
    }
    expect(step.value).toEqual(analyse(intake, {}));
    expect(steps).toBeGreaterThanOrEqual(7);
  });

  it("runEngine reports every stage and builds a valid spec without the plan sheets", async () => {
    const tables = mappedDemo();
    const header: JobHeader = {
      tables: tables.map((t) => ({ name: t.table.name, sheet: t.table.sheet, kind: t.kind, headerRowIndex: t.headerRowIndex, mapping: t.mapping, firstRow: 1, date1904: false, rowCount: t.table.rows.length })),
      period: null,
      parameters: { "poolingScenarios.centralPercent": 0.07 },
      previousSheets: {},
      runDate: "2026-02-01T10:00:00.000Z",
      lang: "fr",
    };
    const progress: StageProgress[] = [];
    const { spec, summary } = await runEngine(header, tables.map((t) => t.table.rows), (p) => progress.push(p));
    expect(new Set(progress.map((p) => p.stage))).toEqual(new Set(["check", "indicators"]));
    // The demo holds no concession: no Calendrier des concessions (issue #11 §3).
    expect(spec.sheets.map((s) => s.key)).toEqual(defaultSheetKeys(false).filter((k) => k !== "concessions"));
    expect(validateWorkbookSpec(spec)).toEqual([]);
    expect(summary.reconciliation.reconciled).toBe(true);
    expect(summary.kpis.map((k) => k.id)).toContain("SP1");
    // The demo's data end on 30/10/2026: the year to date, and the data's range for the results step (issue #12).
    expect(summary.period.label).toBe("2026-01..2026-10");
    expect(summary.data).toEqual({ start: dayFromIso("2025-01-02"), end: dayFromIso("2026-10-30"), previousPeriod: "2025-01..2025-10" });
    // The pane's parameter reached the analysis (and the Paramètres sheet).
    expect(spec.stamp.parameters).toMatch(/Scénario central/);
  });

  it("selectSheets keeps the plan and the diagnostic together (the plan refers to the diagnostic)", async () => {
    const tables = mappedDemo();
    const header: JobHeader = {
      tables: tables.map((t) => ({ name: t.table.name, kind: t.kind, headerRowIndex: t.headerRowIndex, mapping: t.mapping, firstRow: 1, date1904: false, rowCount: 0 })),
      period: null,
      parameters: {},
      previousSheets: {},
      runDate: "2026-02-01",
      lang: "en",
      sheetKeys: defaultSheetKeys(true),
    };
    const { spec } = await runEngine(header, tables.map((t) => t.table.rows));
    expect(spec.sheets.map((s) => s.name)).toContain("Strategic plan");
    expect(validateWorkbookSpec(selectSheets(spec, ["plan", "diagnostic"]))).toEqual([]);
  });
});

describe("DECP import", () => {
  it("lays contracts out under headers that detection maps back exactly", () => {
    const json = {
      marches: [
        { id: "2025-01", acheteur: { id: "21450001900017" }, objet: "Mobilier", codeCPV: "39160000", procedure: "Procédure adaptée", dureeMois: 12, dateNotification: "2025-03-14", montant: 85000, titulaires: [{ typeIdentifiant: "SIRET", id: "55210055400013" }] },
        { "contrat-concession": { id: "C-1", valeurGlobale: 10000 } },
      ],
    };
    const r = decpToTable(JSON.stringify(json), "decp 2025.json");
    expect(r.imported).toBe(1);
    expect(r.table.tableName).toBe("DECP_decp_2025");
    expect(autoMap(r.table.headers, "contracts")).toEqual(Object.fromEntries(FIELDS.contracts.map((f, i) => [f.key, i])));
    const d = detectTable({ name: "x", rows: [r.table.headers, ...r.table.rows] });
    expect(d.kind).toBe("contracts");
    expect(d.missingRequired).toEqual([]);
  });

  it("rejects a file that is not DECP", () => {
    expect(() => decpToTable("{ not json", "x.json")).toThrow("decpInvalid");
    expect(() => decpToTable(JSON.stringify({ hello: 1 }), "x.json")).toThrow("decpInvalid");
  });
});

describe("pipeline with the in-memory workbook", () => {
  it("runs, writes owned sheets only, saves settings, and a saved run can be refreshed", async () => {
    const wb = demoWorkbook();
    const settings = await settingsFor(wb);
    const stages = new Set<string>();
    const out = await runAnalysis(wb, settings, () => createInlineRunner(), { lang: "fr", runDate: "2026-02-01", onProgress: (p) => stages.add(p.stage) });
    out.runner.dispose();
    expect([...stages]).toEqual(["read", "check", "indicators", "write"]);
    expect(out.summary.reconciliation.reconciled).toBe(true);
    // The source sheet "Fournisseurs" is not ours, and the supplier analysis never takes its name (issue #12).
    expect(out.report.renamed).toEqual([]);
    expect(out.summary.sheets.find((s) => s.key === "fournisseurs")?.name).toBe("Analyse fournisseurs");
    expect(wb.sourceTables().find((t) => t.name === "Fournisseurs")?.rows.length).toBe(399);
    const saved = await wb.loadSettings();
    expect(saved?.lastRun?.periodLabel).toBe(out.summary.period.label);
    expect(saved?.lastRun?.summary?.kpis.length).toBeGreaterThan(0);
    // Monthly refresh (ribbon): same settings, no UI.
    const again = await runSavedAnalysis(wb, () => createInlineRunner(), { runDate: "2026-03-01" });
    expect(again.summary.runDate).toBe("2026-03-01");
    expect((await wb.listOwnedSheets()).length).toBe(out.report.sheets.length);
  });

  it("writes the policy documents on request, never rewrites them, and writes a (v2) beside (issue #14)", async () => {
    const wb = demoWorkbook();
    const settings = await settingsFor(wb);
    const out = await runAnalysis(wb, settings, () => createInlineRunner(), { lang: "fr", runDate: "2026-02-01" });
    // A normal run writes no document.
    expect(wb.sheetNames().filter((n) => /Charte|Code des fournisseurs/.test(n))).toEqual([]);
    const { report: first } = await rebuildSheets(wb, out.runner, DOCUMENT_KEYS);
    expect(first.sheets.map((s) => s.name)).toEqual(["Charte de déontologie", "Code des fournisseurs"]);
    // The user adapts the charter; a new analysis leaves it as it is.
    const charte = wb.ownedSheet("Charte de déontologie")!;
    const again = await runAnalysis(wb, (await wb.loadSettings())!, () => createInlineRunner(), { lang: "fr", runDate: "2026-03-01" });
    again.runner.dispose();
    expect(wb.ownedSheet("Charte de déontologie")).toBe(charte);
    const { report: second } = await rebuildSheets(wb, out.runner, DOCUMENT_KEYS);
    out.runner.dispose();
    expect(second.sheets.map((s) => s.name)).toEqual(["Charte de déontologie (v2)", "Code des fournisseurs (v2)"]);
    expect(wb.sheetNames().filter((n) => /Charte|Code des fournisseurs/.test(n))).toEqual([
      "Charte de déontologie",
      "Code des fournisseurs",
      "Charte de déontologie (v2)",
      "Code des fournisseurs (v2)",
    ]);
  });

  it("keeps what the user typed in the plan when it is rebuilt", async () => {
    const wb = demoWorkbook();
    const settings = await settingsFor(wb);
    const keys = defaultSheetKeys(true);
    const out = await runAnalysis(wb, settings, () => createInlineRunner(), { lang: "fr", runDate: "2026-02-01", sheetKeys: keys });
    out.runner.dispose();
    const plan = wb.ownedByKey("plan")!;
    const values = wb.ownedValues(plan.name)!;
    const input = plan.spec!.inputs.find((i) => i.field === "owner")!;
    wb.setCell(plan.name, input.range.r1, input.range.c1, "Service commande publique");
    expect(values[input.range.r1][input.range.c1]).toBe("Service commande publique");
    const again = await runAnalysis(wb, (await wb.loadSettings())!, () => createInlineRunner(), { lang: "fr", runDate: "2026-03-01" });
    again.runner.dispose();
    const rewritten = wb.ownedValues(wb.ownedByKey("plan")!.name)!;
    expect(rewritten.flat()).toContain("Service commande publique");
  });

  it("cancelled while reading: nothing written, the error is a cancellation", async () => {
    const wb = demoWorkbook({ readBlock: 200 });
    const settings = await settingsFor(wb);
    const controller = new AbortController();
    const promise = runAnalysis(wb, settings, () => createInlineRunner(), {
      lang: "fr",
      signal: controller.signal,
      onProgress: (p) => {
        if (p.stage === "read" && p.done > 0) controller.abort();
      },
    });
    await expect(promise).rejects.toMatchObject({ code: "aborted" });
    expect(await wb.listOwnedSheets()).toEqual([]);
  });

  it("cancelled while writing: the staged sheets are dropped (all or nothing)", async () => {
    const wb = demoWorkbook({ writeDelayMs: 5 });
    const settings = await settingsFor(wb);
    const controller = new AbortController();
    const promise = runAnalysis(wb, settings, () => createInlineRunner(), {
      lang: "fr",
      signal: controller.signal,
      onProgress: (p) => {
        if (p.stage === "write" && p.done === 3) controller.abort();
      },
    });
    await expect(promise).rejects.toBeInstanceOf(GatewayError);
    expect(await wb.listOwnedSheets()).toEqual([]);
    expect(wb.sheetNames()).toEqual(["Mandats", "Marchés", "Entités", "Nomenclature", "Fournisseurs"]);
  });

  it("refuses unusable settings with the right error", async () => {
    const settings = defaultSettings();
    expect(() => selectedTables(settings)).toThrow(PaneError);
    const wb = demoWorkbook();
    const s = await settingsFor(wb);
    s.tables[0].mapping = {};
    expect(() => selectedTables(s)).toThrow(expect.objectContaining({ code: "missingColumns", subject: "Mandats" }));
    await expect(runSavedAnalysis(wb, () => createInlineRunner())).rejects.toMatchObject({ code: "noSavedAnalysis" });
  });
});

describe("settings and tables", () => {
  it("parses what it saves, and drops what it cannot trust", () => {
    const s = { ...defaultSettings(), parameters: { "tailSpendThresholdCents.value": 2000, bogus: 1 } as Record<string, number> };
    const back = parseSettings(JSON.stringify(s))!;
    expect(back.parameters).toEqual({ "tailSpendThresholdCents.value": 2000 });
    expect(parseSettings("{")).toBeNull();
    expect(parseSettings({ version: 99 })).toBeNull();
    expect(periodOf({ ...s.period, mode: "month", year: 2025, month: 3 })?.label).toBe("2025-03");
    expect(() => periodOf({ ...s.period, mode: "range", fromYear: 2025, fromMonth: 6, toYear: 2025, toMonth: 1 })).toThrow(/Période vide/);
  });

  it("detects a table again when its headers changed, keeps the choice otherwise", () => {
    const [spend] = demoTables();
    const sample = { name: spend.name, rows: spend.rows.slice(0, SAMPLE_ROWS) };
    const detection = detectTable(sample);
    const saved = { ...choiceFromDetection(spend.name, detection), mapping: { ...detection.mapping, amountTTC: 2 }, edited: true };
    expect(reconcileChoice(saved, { sample, detection }, spend.name)).toEqual({ choice: saved, changed: false });
    const renamed = { ...sample, rows: sample.rows.map((r, i) => (i === detection.headerRowIndex ? ["Autre", ...r.slice(1)] : r)) };
    const r = reconcileChoice(saved, { sample: renamed, detection: detectTable(renamed) }, spend.name);
    expect(r.changed).toBe(true);
  });

  it("previews the first rows through the real intake, with warnings", () => {
    const rows = [["Date", "Fournisseur", "Montant HT"], [45_700, "ACME", 120], ["pas une date", "ACME", 50], [45_701, "", 30]];
    const sample = { name: "T", rows };
    const choice = choiceFromDetection("T", detectTable(sample));
    const p = previewTable(choice, sample);
    expect(p.rows.map((r) => r.status)).toEqual(["ok", "rejected", "rejected"]);
    expect(p.anomalies.length).toBeGreaterThan(0);
    expect(firstRowOf("Feuil1!B4:C9")).toBe(4);
  });
});

describe("xlsx-browser", () => {
  it("reads the demo workbook's tables and plain range like Office.js values", async () => {
    const wb = await readXlsx(new Uint8Array(readFileSync(join(__dirname, "../../examples/achats-demo.xlsx"))));
    expect(wb.sheets).toEqual(["Mandats", "Marchés", "Entités", "Nomenclature", "Fournisseurs"]);
    const mandats = wb.tables.find((t) => t.name === "Mandats")!;
    expect(mandats.isExcelTable).toBe(false);
    expect(detectTable({ name: "Mandats", rows: mandats.rows.slice(0, 60) }).kind).toBe("spend");
    expect(typeof mandats.rows[4][0]).toBe("number");
    expect(wb.tables.filter((t) => t.isExcelTable).map((t) => t.name)).toEqual(["Marches", "Entites", "Nomenclature", "Fournisseurs"]);
  });

  it("decodes shared and inline strings, booleans, errors and entities", async () => {
    const sheet = `<worksheet><sheetData><row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" t="inlineStr"><is><t>A &amp; B</t></is></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#N/A</v></c><c r="F2"><v>1.5</v></c></row></sheetData></worksheet>`;
    const files = {
      "xl/workbook.xml": strToU8(`<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`),
      "xl/_rels/workbook.xml.rels": strToU8(`<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="x/sharedStrings" Target="sharedStrings.xml"/></Relationships>`),
      "xl/sharedStrings.xml": strToU8(`<sst><si><r><t>Mont</t></r><r><t xml:space="preserve">ant_x0020_</t></r><rPh><t>x</t></rPh></si></sst>`),
      "xl/worksheets/sheet1.xml": strToU8(sheet),
    };
    const wb = await readXlsx(zipSync(files));
    expect(wb.tables[0]).toMatchObject({ name: "S", firstRow: 2, firstCol: 1, rows: [["Montant ", "A & B", true, "#N/A", 1.5]] });
  });
});

describe("report sheets carried over by the pane", () => {
  it("keeps the director's comment typed in the Synthèse from one run to the next (issue #12)", async () => {
    const wb = demoWorkbook();
    const settings = await settingsFor(wb);
    await runAnalysis(wb, settings, () => createInlineRunner(), { lang: "fr", runDate: "2026-02-01" });
    const synthese = wb.ownedByKey("synthese")!.spec!;
    const at = synthese.inputs[0].range;
    wb.setCell(wb.ownedByKey("synthese")!.name, at.r1, at.c1, "À présenter en commission des finances.");
    await runAnalysis(wb, (await wb.loadSettings())!, () => createInlineRunner(), { lang: "fr", runDate: "2026-03-01" });
    const next = wb.ownedByKey("synthese")!.spec!;
    const cell = next.blocks.find((b) => b.row === at.r1 && b.col === at.c1 && b.style === "input")!;
    expect(cell.values[0][0]).toBe("À présenter en commission des finances.");
  });

  it("a workbook the command line wrote: its stamped « Attentes des territoires » is no source, and its answers feed the analysis", async () => {
    // The territorial demo holds the questionnaire answered (row 8: Voirie importance 2, 2, 2, 3 for
    // the four pôles, columns D to G), stamped « … · Optima Achats 0.1.0 » in row 2, as the command line writes it.
    const data = await readXlsx(new Uint8Array(readFileSync(join(__dirname, "../../examples/achats-demo-territoires.xlsx"))));
    expect(data.reportSheets.map((r) => [r.key, r.name])).toEqual([["attentes", "Attentes des territoires"]]);
    expect(data.tables.some((t) => t.sheet === "Attentes des territoires")).toBe(false);
    const wb = new InMemoryWorkbook({ tables: data.tables, sheetOrder: data.sheets, reportSheets: data.reportSheets });
    expect((await wb.listTables()).map((t) => t.sheet)).toEqual(["Mandats", "Marchés", "Nomenclature", "Pôles territoriaux", "Qualité de service"]);
    const settings = await settingsFor(wb);
    expect(settings.tables.every((t) => t.kind !== null)).toBe(true);
    const out = await runAnalysis(wb, settings, () => createInlineRunner(), { lang: "fr", runDate: "2026-02-01" });
    expect(out.report.renamed).toEqual([]);
    // « Créer le plan » writes the plan, the diagnostic and the questionnaire: the questionnaire is
    // rewritten in place (no « Attentes des territoires (2) »), with the answers read back.
    const { report } = await rebuildSheets(wb, out.runner, PLAN_KEYS);
    out.runner.dispose();
    expect(report.renamed).toEqual([]);
    expect(report.sheets.find((s) => s.key === "attentes")).toMatchObject({ name: "Attentes des territoires", created: false });
    const attentes = wb.ownedByKey("attentes")!;
    expect(attentes.spec).not.toBeNull();
    const values = wb.ownedValues("Attentes des territoires")!;
    const voirie = values.find((r) => r[0] === "VOIRIE/importance")!;
    expect(voirie.slice(3, 7)).toEqual([2, 2, 2, 3]);
  });
});

describe("the workbook's task lock in the pane's pipeline", () => {
  it("refuses an analysis while another runtime writes (the ribbon's refresh), writes nothing, and says why in French", async () => {
    const wb = demoWorkbook();
    const settings = await settingsFor(wb);
    wb.holdTaskLockElsewhere("analysis");
    const error = await runAnalysis(wb, settings, () => createInlineRunner(), { lang: "fr", runDate: "2026-02-01" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect(toUserMessage(error, "fr").message).toMatch(/^Une autre analyse ou écriture est en cours dans ce classeur/);
    expect(await wb.listOwnedSheets()).toEqual([]);
    // Stale after 5 minutes: the same run then goes through, and leaves no lock behind.
    wb.holdTaskLockElsewhere("analysis", Date.now() - 5 * 60_000);
    const out = await runAnalysis(wb, settings, () => createInlineRunner(), { lang: "fr", runDate: "2026-02-01" });
    out.runner.dispose();
    expect((await wb.listOwnedSheets()).length).toBeGreaterThan(10);
    expect(wb.currentTaskLock()).toBeNull();
  });

  it("releases the lock when a task fails", async () => {
    const wb = demoWorkbook();
    const settings = await settingsFor(wb);
    wb.failNext("writeWorkbook", "protected", "Tableau de bord");
    await expect(runAnalysis(wb, settings, () => createInlineRunner(), { lang: "fr", runDate: "2026-02-01" })).rejects.toThrow();
    expect(wb.currentTaskLock()).toBeNull();
  });
});
