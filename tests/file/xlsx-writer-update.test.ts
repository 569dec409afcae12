/**
 * Re-running on an existing workbook, as the add-in does: the sheets Optima Achats owns are
 * rewritten, Historique grows by one row per new period, the entries the user typed in the plan,
 * the diagnostic and the parameters are kept, and nothing else in the file is lost — a sheet of
 * the user's own with its chart, shared strings, styles. The write is atomic.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { monthPeriod } from "../../src/core/period";
import { isInputError } from "../../src/file/errors";
import { readOwnedInputs, writeWorkbook } from "../../src/file/write-workbook";
import { openXlsx } from "../../src/file/xlsx-reader";
import { columnLetter } from "../../src/report/a1";
import { DIAGNOSTIC_LAYOUT, fieldCol, PARAMETER_LAYOUT, PLAN_LAYOUT } from "../../src/report/input-layout";
import { readUserInputs } from "../../src/report/inputs";
import type { WorkbookSpec } from "../../src/report/spec";
import { buildWorkbookSpec } from "../../src/report/workbook";
import { elementsOf } from "../../src/ooxml/xml";
import { richAnalysis } from "../report/fixture";
import { addUserSheet, partsOf, relsOf, rowOfKey, setCell, sheetsOf, unzipFile, USER_SHEET, USER_STRINGS } from "./xlsx-writer-helpers";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "optima-xlsx-update-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const RUN = { runDate: "2026-01-15", sources: ["Mandats", "Marches", "Entites"] };
const OWNER = USER_STRINGS.indexOf("Mme Martin");

/** The plan, diagnostic and parameter cells the user fills in. */
function typeInputs(parts: Record<string, string>, spec: WorkbookSpec): void {
  const part = (key: string) => sheetsOf(parts).find((s) => s.name === spec.sheets.find((x) => x.key === key)!.name)!.part;
  const plan = part("plan");
  let r = rowOfKey(parts[plan], "actions/F:INFO");
  parts[plan] = setCell(parts[plan], `${columnLetter(fieldCol(PLAN_LAYOUT.actions, "owner"))}${r}`, `<v>${OWNER}</v>`, "s");
  const diag = part("diagnostic");
  r = rowOfKey(parts[diag], "STR-01");
  parts[diag] = setCell(parts[diag], `${columnLetter(fieldCol(DIAGNOSTIC_LAYOUT, "answer"))}${r}`, "<v>2</v>");
  const params = part("parametres");
  r = rowOfKey(parts[params], "param/pnad.socialPercent");
  parts[params] = setCell(parts[params], `${columnLetter(fieldCol(PARAMETER_LAYOUT, "value"))}${r}`, "<v>0.35</v>");
  // The director's comment on the Synthèse (issue #12): its one input cell.
  const synthese = part("synthese");
  const at = spec.sheets.find((x) => x.key === "synthese")!.inputs[0].range;
  parts[synthese] = setCell(parts[synthese], `${columnLetter(at.c1)}${at.r1 + 1}`, `<v>${DIRECTOR_COMMENT}</v>`, "str");
}

const DIRECTOR_COMMENT = "Délais de paiement à suivre au prochain conseil.";

async function historyRows(file: string, spec: WorkbookSpec): Promise<string[]> {
  const raw = await readOwnedInputs(file);
  return readUserInputs(raw).history.map((h) => String(h.period));
  void spec;
}

describe("re-run on a workbook the user has worked in", () => {
  const out = path.join(dir, "pilotage.xlsx");
  const first = buildWorkbookSpec(richAnalysis(), RUN);
  let before: Record<string, Uint8Array>;

  beforeAll(async () => {
    await writeWorkbook(first, out);
    addUserSheet(out, (parts) => typeInputs(parts, first));
    before = unzipFile(out);
  });

  test("the user's entries are read back from the owned sheets (shared strings included)", async () => {
    const raw = await readOwnedInputs(out);
    expect(Object.keys(raw).sort()).toEqual(["attentes", "diagnostic", "historique", "parametres", "plan", "synthese"]);
    const inputs = readUserInputs(raw);
    expect(inputs.plan["actions/F:INFO"]).toEqual({ owner: "Mme Martin" });
    expect(inputs.diagnostic["STR-01"]).toBe(2);
    expect(inputs.parameters["pnad.socialPercent"]).toBe(0.35);
    expect(inputs.history.map((h) => h.period)).toEqual(["2025"]);
    expect(inputs.synthesisComment).toBe(DIRECTOR_COMMENT);
  });

  describe("second run, new period (June 2025)", () => {
    let report: Awaited<ReturnType<typeof writeWorkbook>>;
    let second: WorkbookSpec;

    beforeAll(async () => {
      const inputs = readUserInputs(await readOwnedInputs(out));
      second = buildWorkbookSpec(richAnalysis({ period: monthPeriod(2025, 6) }), { ...RUN, previousInputs: inputs });
      report = await writeWorkbook(second, out, { existing: true });
    });

    test("the director's comment on the Synthèse is put back in its input cell by the next run (issue #12)", async () => {
      const s = second.sheets.find((x) => x.key === "synthese")!;
      const at = s.inputs[0].range;
      const block = s.blocks.find((b) => b.row === at.r1 && b.col === at.c1 && b.style === "input")!;
      expect(block.values[0][0]).toBe(DIRECTOR_COMMENT);
      expect(readUserInputs(await readOwnedInputs(out)).synthesisComment).toBe(DIRECTOR_COMMENT);
    });

    test("the report says what was rewritten and kept", () => {
      expect(report.mode).toBe("updated");
      expect(report.sheets.every((s) => s.status === "rewritten")).toBe(true);
      expect(report.userSheets).toEqual([USER_SHEET]);
      for (const p of ["xl/worksheets/sheet99.xml", "xl/drawings/drawing99.xml", "xl/charts/chart99.xml", "xl/sharedStrings.xml"]) expect(report.keptParts).toContain(p);
      expect(report.removedParts.length).toBeGreaterThan(10);
    });

    test("the user's sheet, its drawing, its chart and the shared strings are kept byte for byte", () => {
      const after = unzipFile(out);
      for (const p of [
        "xl/worksheets/sheet99.xml",
        "xl/worksheets/_rels/sheet99.xml.rels",
        "xl/drawings/drawing99.xml",
        "xl/drawings/_rels/drawing99.xml.rels",
        "xl/charts/chart99.xml",
        "xl/sharedStrings.xml",
      ]) {
        expect(after[p]).toBeDefined();
        expect(Buffer.from(after[p]).equals(Buffer.from(before[p]))).toBe(true);
      }
      const parts = partsOf(out);
      const sheets = sheetsOf(parts);
      // Same place (second), same sheetId, still reachable with its chart.
      expect(sheets[1]).toEqual({ name: USER_SHEET, sheetId: 99, part: "xl/worksheets/sheet99.xml" });
      expect(sheets.map((s) => s.name)).toEqual([second.sheets[0].name, USER_SHEET, ...second.sheets.slice(1).map((s) => s.name)]);
      const drawing = relsOf(parts, "xl/worksheets/sheet99.xml").get("rId1")!.target;
      expect(relsOf(parts, drawing).get("rId1")!.target).toBe("xl/charts/chart99.xml");
      const ct = parts["[Content_Types].xml"];
      expect(ct).toContain('PartName="/xl/charts/chart99.xml"');
      expect(ct).toContain('PartName="/xl/sharedStrings.xml"');
      expect(relsOf(parts, "xl/workbook.xml").get("rIdUser2")!.target).toBe("xl/sharedStrings.xml");
    });

    test("our sheets are rewritten with their charts and tables; old parts do not linger", () => {
      const parts = partsOf(out);
      const charts = Object.keys(parts).filter((n) => n.startsWith("xl/charts/"));
      expect(charts.length).toBe(second.sheets.reduce((n, s) => n + s.charts.length, 0) + 1);
      const tables = Object.keys(parts).filter((n) => n.startsWith("xl/tables/"));
      expect(tables.length).toBe(second.sheets.reduce((n, s) => n + s.tables.length, 0));
      // Every part in the package is referenced by a content type, and every relationship target exists.
      const ct = parts["[Content_Types].xml"];
      for (const name of Object.keys(parts)) if (!name.endsWith(".rels") && name !== "[Content_Types].xml") expect(ct).toContain(`PartName="/${name}"`);
      for (const name of Object.keys(parts).filter((n) => n.endsWith(".rels"))) {
        const source = name.replace(/_rels\/([^/]*)\.rels$/, "$1").replace(/^\.rels$/, "");
        for (const [, r] of relsOf(parts, source === "_rels/" ? "" : source)) expect(Object.keys(parts)).toContain(r.target);
      }
    });

    test("the user's entries are kept and Historique has one row per period", async () => {
      const inputs = readUserInputs(await readOwnedInputs(out));
      expect(inputs.plan["actions/F:INFO"]).toEqual({ owner: "Mme Martin" });
      expect(inputs.diagnostic["STR-01"]).toBe(2);
      expect(inputs.parameters["pnad.socialPercent"]).toBe(0.35);
      expect(await historyRows(out, second)).toEqual(["2025", "2025-06"]);
    });

    test("styles.xml is appended to, not replaced, and a re-run does not grow it", async () => {
      const stylesBefore = Buffer.from(before["xl/styles.xml"]).toString("utf8");
      const stylesAfter = partsOf(out)["xl/styles.xml"];
      const xfs = (x: string) => /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(x)![1];
      expect(xfs(stylesAfter).startsWith(xfs(stylesBefore))).toBe(true);
      const inputs = readUserInputs(await readOwnedInputs(out));
      const third = buildWorkbookSpec(richAnalysis({ period: monthPeriod(2025, 6) }), { ...RUN, previousInputs: inputs });
      await writeWorkbook(third, out, { existing: true });
      expect(partsOf(out)["xl/styles.xml"]).toBe(stylesAfter);
      // Same period again: the row is replaced, not added.
      expect(await historyRows(out, third)).toEqual(["2025", "2025-06"]);
    });

    test("the updated workbook opens in exceljs and in our reader, user chart part included", async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      expect(wb.worksheets.map((w) => w.name)).toContain(USER_SHEET);
      expect(wb.getWorksheet(USER_SHEET)!.getCell("A2").value).toBe("Fournitures");
      const book = await openXlsx(out);
      const rows: unknown[][] = [];
      await book.readRows(USER_SHEET, (row) => {
        rows.push(row);
      });
      expect(rows).toEqual([["Poste", "Montant"], ["Fournitures", 42], ["Services", 58]]);
    });
  });
});

describe("ownership", () => {
  test("a sheet of the user's with the name of one of ours stops the run (nothing is overwritten)", async () => {
    const out = path.join(dir, "conflit.xlsx");
    const spec = buildWorkbookSpec(richAnalysis(), RUN);
    await writeWorkbook(spec, out);
    // The user renames our Paramètres sheet and creates their own "Paramètres".
    addUserSheet(out, (parts) => {
      parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace('name="Paramètres"', 'name="Anciens paramètres"').replace(`name="${USER_SHEET}"`, 'name="Paramètres"');
    });
    const bytes = fs.readFileSync(out);
    const err = await writeWorkbook(spec, out, { existing: true }).catch((e: unknown) => e);
    expect(isInputError(err)).toBe(true);
    expect(String((err as Error).message)).toContain("« Paramètres » qui n'a pas été créée par Optima Achats");
    expect(fs.readFileSync(out).equals(bytes)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("a renamed owned sheet is still ours (sheetId), and gets its name back", async () => {
    const out = path.join(dir, "renomme.xlsx");
    const spec = buildWorkbookSpec(richAnalysis(), RUN);
    await writeWorkbook(spec, out);
    addUserSheet(out, (parts) => {
      parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace('name="Anomalies"', 'name="Mes anomalies"');
    });
    await writeWorkbook(spec, out, { existing: true });
    const names = sheetsOf(partsOf(out)).map((s) => s.name);
    expect(names).toContain("Anomalies");
    expect(names).not.toContain("Mes anomalies");
    expect(names.filter((n) => n === "Anomalies")).toHaveLength(1);
  });

  test("an owned sheet the spec no longer has is removed with its parts", async () => {
    const out = path.join(dir, "retrait.xlsx");
    const spec = buildWorkbookSpec(richAnalysis(), RUN);
    await writeWorkbook(spec, out);
    addUserSheet(out);
    const carto = spec.sheets.find((s) => s.key === "cartographie")!;
    const cartoPart = sheetsOf(partsOf(out)).find((s) => s.name === carto.name)!.part;
    const smaller: WorkbookSpec = { ...spec, sheets: spec.sheets.filter((s) => s.key !== "cartographie") };
    const report = await writeWorkbook(smaller, out, { existing: true });
    const parts = partsOf(out);
    expect(sheetsOf(parts).map((s) => s.name)).not.toContain(carto.name);
    expect(parts[cartoPart]).toBeUndefined();
    expect(report.removedParts).toContain(cartoPart);
    expect(parts["[Content_Types].xml"]).not.toContain(`/${cartoPart}"`);
    expect(Object.keys(parts).filter((n) => n.startsWith("xl/charts/"))).toHaveLength(smaller.sheets.reduce((n, s) => n + s.charts.length, 0) + 1);
    expect(parts["docProps/custom.xml"]).not.toContain("cartographie=");
  });

  test("an input sheet written with a newer layout is kept, renamed, beside a fresh one", async () => {
    const out = path.join(dir, "version.xlsx");
    const spec = buildWorkbookSpec(richAnalysis(), RUN);
    await writeWorkbook(spec, out);
    addUserSheet(out, (parts) => {
      typeInputs(parts, spec);
      parts["docProps/custom.xml"] = parts["docProps/custom.xml"].replace(/plan=(\d+):\d+/, "plan=$1:99");
    });
    const raw = await readOwnedInputs(out);
    expect(Object.keys(raw)).not.toContain("plan");
    const report = await writeWorkbook(buildWorkbookSpec(richAnalysis(), { ...RUN, previousInputs: readUserInputs(raw) }), out, { existing: true });
    expect(report.preservedSheets).toEqual([{ from: "Plan stratégique", to: "Plan stratégique (ancien)" }]);
    expect(report.sheets.find((s) => s.key === "plan")!.status).toBe("created");
    const names = sheetsOf(partsOf(out)).map((s) => s.name);
    expect(names).toContain("Plan stratégique (ancien)");
    expect(names).toContain("Plan stratégique");
    expect(readUserInputs(await readOwnedInputs(out)).plan).toEqual({});
  });

  test("without the ownership record (file saved by exceljs), our sheets are recognised by name and stamp", async () => {
    const out = path.join(dir, "exceljs.xlsx");
    const spec = buildWorkbookSpec(richAnalysis(), RUN);
    await writeWorkbook(spec, out);
    addUserSheet(out, (parts) => typeInputs(parts, spec));
    // exceljs loads and saves the workbook: it drops every chart and our custom property.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    await wb.xlsx.writeFile(out);
    const resaved = partsOf(out);
    expect(Object.keys(resaved).filter((n) => n.startsWith("xl/charts/"))).toHaveLength(0);
    expect(resaved["docProps/custom.xml"] ?? "").not.toContain("optima.ownedSheets");
    const inputs = readUserInputs(await readOwnedInputs(out));
    expect(inputs.plan["actions/F:INFO"]).toEqual({ owner: "Mme Martin" });
    const report = await writeWorkbook(buildWorkbookSpec(richAnalysis(), { ...RUN, previousInputs: inputs }), out, { existing: true });
    expect(report.sheets.every((s) => s.status === "rewritten")).toBe(true);
    expect(report.userSheets).toEqual([USER_SHEET]);
    const parts = partsOf(out);
    expect(Object.keys(parts).filter((n) => n.startsWith("xl/charts/")).length).toBe(spec.sheets.reduce((n, s) => n + s.charts.length, 0));
    expect(parts["docProps/custom.xml"]).toContain("optima.ownedSheets");
    expect(readUserInputs(await readOwnedInputs(out)).plan["actions/F:INFO"]).toEqual({ owner: "Mme Martin" });
  });

  test("a workbook that is not ours gets our sheets after its own, nothing of it lost", async () => {
    const out = path.join(dir, "utilisateur.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Mandats");
    ws.addRow(["Date", "Montant"]);
    ws.addRow([new Date(Date.UTC(2025, 0, 2)), 120.5]);
    ws.addTable({ name: "tblFournisseurs", ref: "D1", columns: [{ name: "A" }, { name: "B" }], rows: [[1, 2]] });
    await wb.xlsx.writeFile(out);
    const before = unzipFile(out);
    const spec = buildWorkbookSpec(richAnalysis(), RUN);
    const report = await writeWorkbook(spec, out, { existing: true });
    expect(report.mode).toBe("updated");
    expect(report.userSheets).toEqual(["Mandats"]);
    const parts = partsOf(out);
    expect(sheetsOf(parts).map((s) => s.name)).toEqual(["Mandats", ...spec.sheets.map((s) => s.name)]);
    for (const p of Object.keys(before)) {
      if (["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "docProps/custom.xml", "_rels/.rels"].includes(p)) continue;
      expect([p, Buffer.from(unzipFile(out)[p] ?? []).equals(Buffer.from(before[p]))]).toEqual([p, true]);
    }
    // The user's table name is taken: none of ours uses it.
    const names = Object.entries(parts).filter(([n]) => n.startsWith("xl/tables/")).map(([, x]) => elementsOf(x, "table")[0].name);
    expect(names.filter((n) => n.toLowerCase() === "tblfournisseurs")).toHaveLength(1);
    expect(report.renamedTables).toEqual([{ from: "tblFournisseurs", to: "tblFournisseurs_2" }]);
    expect(names).toContain("tblFournisseurs_2");
    const book = await openXlsx(out);
    const rows: unknown[][] = [];
    await book.readRows("Mandats", (row) => {
      rows.push(row);
    });
    expect(rows[1][1]).toBe(120.5);
  });
});

describe("atomic write", () => {
  test("a failure leaves the existing file as it was and no temporary file", async () => {
    const out = path.join(dir, "atomique.xlsx");
    const spec = buildWorkbookSpec(richAnalysis(), RUN);
    await writeWorkbook(spec, out);
    const bytes = fs.readFileSync(out);
    // A chart pointing to a sheet the workbook does not have: fails while the sheets are written.
    const broken: WorkbookSpec = JSON.parse(JSON.stringify(spec));
    const dash = broken.sheets.find((s) => s.key === "dashboard")!;
    dash.charts[0].series[0].values.sheet = "nope" as never;
    await expect(writeWorkbook(broken, out, { existing: true })).rejects.toThrow(/feuille nope/);
    await expect(writeWorkbook(broken, out)).rejects.toThrow(/feuille nope/);
    expect(fs.readFileSync(out).equals(bytes)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith(".") || f.endsWith(".tmp"))).toEqual([]);
  });

  test("a missing folder is an error before anything is written", async () => {
    const spec = buildWorkbookSpec(richAnalysis(), RUN);
    await expect(writeWorkbook(spec, path.join(dir, "absent", "x.xlsx"))).rejects.toThrow();
  });
});
