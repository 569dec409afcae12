/**
 * The renderer on the recording fake, with a small real spec (tests/report/fixture.ts): what it
 * writes, ownership, all-or-nothing on errors, aborts and hangs, older requirement sets, payload
 * splitting.
 */
import { ExcelWorkbookGateway } from "../../src/excel/excel-gateway";
import { ExcelTimeoutError } from "../../src/excel/errors";
import { REGISTRY_SETTING } from "../../src/excel/ownership";
import { STAGING_PREFIX, widthPoints } from "../../src/excel/renderer";
import { SHEET_ORDER, type WorkbookSpec } from "../../src/report/spec";
import { buildWorkbookSpec } from "../../src/report/workbook";
import { GatewayError } from "../../src/workbook/errors";
import { HYPERLINK_SUPPLIER, richAnalysis } from "../report/fixture";
import { FakeExcel, type SheetModel } from "./fake-excel";

let cached: WorkbookSpec | null = null;
function spec(): WorkbookSpec {
  cached ??= buildWorkbookSpec(richAnalysis(), { runDate: "2026-01-15", sources: ["Mandats"] });
  return cached;
}

function setup(options: { apiVersion?: string; payloadLimit?: number } = {}, gatewayOptions: ConstructorParameters<typeof ExcelWorkbookGateway>[0] = {}) {
  const fake = new FakeExcel(options);
  fake.addSheet("Mandats", [["Date", "Fournisseur", "Montant"], [45658, "Alpha", 100]]);
  const gateway = new ExcelWorkbookGateway({ host: fake.host(), ...gatewayOptions });
  return { fake, gateway };
}

function state(fake: FakeExcel): unknown {
  return {
    sheets: fake.sheets.map((s) => [s.name, s.id, s.visibility, s.snapshot()]),
    names: fake.names.map((n) => [n.name, fake.nameFormula(n)]),
    tables: fake.tables.map((t) => [t.name, t.sheet.name]),
    settings: [...fake.settings],
  };
}

function textCells(s: SheetModel, value: string): { kind: string; fmt: string }[] {
  const out: { kind: string; fmt: string }[] = [];
  s.grid.forEach((row, r) => row.forEach((v, c) => v === value && out.push({ kind: s.kind(r, c), fmt: s.formatAt(r, c) })));
  return out;
}

describe("renderWorkbook", () => {
  test("writes every sheet: values, tables, formats, merges, conditional formats, validation, charts, panes, widths, tab colours", async () => {
    const { fake, gateway } = setup();
    const report = await gateway.writeWorkbook(spec());
    expect(report.sheets.map((s) => s.name)).toEqual(spec().sheets.map((s) => s.name));
    expect(report.sheets.every((s) => s.created)).toBe(true);
    expect(report.warnings).toEqual([]);
    expect(fake.sheetNames()).toEqual(["Mandats", ...spec().sheets.map((s) => s.name)]);
    for (const s of spec().sheets) {
      const m = fake.sheet(s.name)!;
      expect(m.visibility).toBe("Visible");
      expect(m.tabColor).toBe(s.tabColor ?? "");
      expect(m.merges).toHaveLength(s.merges.length);
      expect(m.conditionalFormats).toHaveLength(s.conditionalFormats.length);
      expect(m.validations).toHaveLength(s.validations.length);
      expect(m.charts.map((c) => c.props.title)).toEqual(s.charts.map((c) => ({ text: c.title })));
      expect(m.frozen).toEqual(s.frozen && (s.frozen.rows > 0 || s.frozen.cols > 0) ? s.frozen : null);
      for (const w of s.columnWidths) expect(m.columnWidths.get(w.col)).toBe(widthPoints(w.width));
      for (const t of s.tables) {
        const tm = fake.tables.find((x) => x.name === t.name)!;
        expect(tm.sheet).toBe(m);
        expect(m.read({ r1: t.row, c1: t.col, r2: t.row, c2: t.col + t.columns.length - 1 })[0]).toEqual(t.columns.map((c) => c.header));
      }
    }
    // Combo chart: line series on the secondary axis, formats on both axes, placed at its anchor.
    const pareto = fake.sheet("Tableau de bord")!.charts[0];
    expect(pareto.type).toBe("ColumnClustered");
    expect(pareto.series[1].props).toMatchObject({ chartType: "Line", axisGroup: "Secondary" });
    const anchor = spec().sheets.find((x) => x.key === "dashboard")!.charts[0].anchor;
    expect(pareto.position!.from).toEqual({ r1: anchor.row, c1: anchor.col, r2: anchor.row, c2: anchor.col });
    // A list validation pointing at a range of its own sheet, and its prompt.
    const dv = fake.sheet("Diagnostic 360")!.validations[0].props as { rule: { list: { source: string } }; prompt: { message: string } };
    expect(dv.rule.list.source).toBe("=$K$7:$K$10");
    expect(dv.prompt.message).toMatch(/^Répondez/);
    // Styles on bounded ranges only, number formats as one value per range.
    const styles = fake.sheets.flatMap((s) => s.styles);
    expect(styles.every((x) => x.rect.r2 - x.rect.r1 < 10_000)).toBe(true);
    expect(fake.calls.filter((c) => c.api === "Range.numberFormat").every((c) => c.bytes < 2_000)).toBe(true);
  });

  test("text that Excel would parse (=HYPERLINK, SIRET with a leading 0) is stored as text, in a cell formatted @", async () => {
    const { fake, gateway } = setup();
    await gateway.writeWorkbook(spec());
    const all = fake.sheets.flatMap((s) => textCells(s, HYPERLINK_SUPPLIER));
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((c) => c.kind === "text" && c.fmt === "@")).toBe(true);
    const siret = fake.sheets.flatMap((s) => textCells(s, "01234567800011"));
    expect(siret.length).toBeGreaterThan(0);
    expect(siret.every((c) => c.kind === "text")).toBe(true);
    for (const s of fake.sheets) for (const [, k] of s.kinds) expect(k).not.toBe("coerced");
  });

  test("an owned sheet renamed and moved by the user keeps its name and place; a copy of it is never touched", async () => {
    const { fake, gateway } = setup();
    await gateway.writeWorkbook(spec());
    const carto = fake.sheet("Cartographie")!;
    fake.renameSheet(carto, "Carto 2025");
    fake.setPosition(carto, 0);
    const copy = fake.addSheet("Fournisseurs (2)", [["copie de l'utilisateur"]]);
    expect((await gateway.listOwnedSheets()).find((o) => o.key === "cartographie")!.name).toBe("Carto 2025");
    const report = await gateway.writeWorkbook(spec());
    expect(fake.sheetNames()[0]).toBe("Carto 2025");
    expect(fake.sheet("Carto 2025")).not.toBe(carto);
    expect(report.sheets.find((s) => s.key === "cartographie")).toEqual({ key: "cartographie", name: "Carto 2025", created: false });
    expect(report.renamed).toEqual([]);
    expect(fake.sheet("Fournisseurs (2)")).toBe(copy);
    expect(copy.read({ r1: 0, c1: 0, r2: 0, c2: 0 })).toEqual([["copie de l'utilisateur"]]);
  });

  test("a sheet the user re-created under an owned name is not ours: it is kept and the new sheet is renamed", async () => {
    const { fake, gateway } = setup();
    await gateway.writeWorkbook(spec());
    fake.deleteSheet(fake.sheet("Territoires")!);
    const mine = fake.addSheet("Territoires", [["mes territoires"]]);
    const report = await gateway.writeWorkbook(spec());
    expect(fake.sheet("Territoires")).toBe(mine);
    expect(report.renamed).toEqual([{ key: "territoires", wanted: "Territoires", name: "Territoires (2)" }]);
    expect(report.sheets.find((s) => s.key === "territoires")!.created).toBe(true);
    expect(fake.names.some((n) => fake.nameFormula(n).includes("#REF!"))).toBe(false);
  });

  test("a merge-inputs sheet written with another layout version is kept as a copy, with a warning", async () => {
    const { fake, gateway } = setup();
    await gateway.writeWorkbook(spec());
    const registry = JSON.parse(fake.settings.get(REGISTRY_SETTING) as string);
    registry.sheets._OptimaAchats_own_plan.layoutVersion = 0;
    fake.settings.set(REGISTRY_SETTING, JSON.stringify(registry));
    const old = fake.sheet("Plan stratégique")!;
    const report = await gateway.writeWorkbook(spec());
    expect(fake.sheet("Plan stratégique (v0)")).toBe(old);
    expect(fake.sheet("Plan stratégique")).not.toBe(old);
    expect(report.warnings.join(" ")).toContain("Plan stratégique (v0)");
    expect((await gateway.listOwnedSheets()).map((o) => o.name)).not.toContain("Plan stratégique (v0)");
  });

  test("an error while staging leaves the workbook as it was", async () => {
    const { fake, gateway } = setup();
    await gateway.writeWorkbook(spec());
    const before = state(fake);
    fake.failOn(/ChartCollection\.add/);
    await expect(gateway.writeWorkbook(spec())).rejects.toBeInstanceOf(GatewayError);
    expect(state(fake)).toEqual(before);
  });

  test("an error in the first write leaves no sheet behind", async () => {
    const { fake, gateway } = setup();
    const before = state(fake);
    fake.failOn(/TableCollection\.add/, "InvalidArgument");
    await expect(gateway.writeWorkbook(spec())).rejects.toMatchObject({ code: "unknown" });
    expect(state(fake)).toEqual(before);
  });

  test("cancelling before the swap leaves the workbook as it was", async () => {
    const { fake, gateway } = setup();
    await gateway.writeWorkbook(spec());
    const before = state(fake);
    const controller = new AbortController();
    const write = gateway.writeWorkbook(spec(), {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === p.total) controller.abort();
      },
    });
    await expect(write).rejects.toMatchObject({ code: "aborted" });
    expect(state(fake)).toEqual(before);
  });

  test("a sync that never settles ends with a French, retryable timeout; the retry cleans up and succeeds", async () => {
    const { fake, gateway } = setup({}, { syncTimeoutMs: 50 });
    await gateway.writeWorkbook(spec());
    fake.hangOnSync(5); // 1: state, 2–3: user-additions check of the input sheets, 4: staging, 5: swap
    const error = await gateway.writeWorkbook(spec()).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ExcelTimeoutError);
    expect(error).toMatchObject({ code: "timeout", retryable: true });
    expect((error as Error).message).toMatch(/Excel ne répond plus depuis 0,05 s.*Réessayer/);
    expect(fake.sheetNames().some((n) => n.startsWith(STAGING_PREFIX))).toBe(true);
    const report = await gateway.writeWorkbook(spec());
    expect(report.sheets).toHaveLength(SHEET_ORDER.length); // Attentes des territoires included: the scenario has territories
    expect(fake.sheetNames().some((n) => n.startsWith(STAGING_PREFIX))).toBe(false);
    expect(fake.names.every((n) => !n.name.includes("_stg_"))).toBe(true);
  });

  test("ExcelApi 1.7: no screen-updating suspension, no data validation, plain charts, with warnings", async () => {
    const { fake, gateway } = setup({ apiVersion: "1.7" });
    const report = await gateway.writeWorkbook(spec());
    expect(fake.appCalls).not.toContain("suspendScreenUpdatingUntilNextSync");
    expect(fake.appCalls).toContain("suspendApiCalculationUntilNextSync");
    expect(fake.sheets.every((s) => s.validations.length === 0)).toBe(true);
    expect(fake.sheet("Tableau de bord")!.charts[0].series[1].props.axisGroup).toBeUndefined();
    expect(report.warnings.join(" ")).toMatch(/ExcelApi 1\.8/);
  });

  test("ExcelApi 1.9: every sheet gets its print setup (A4, one page wide, print area, repeated rows, header and footer)", async () => {
    const { fake, gateway } = setup();
    await gateway.writeWorkbook(spec());
    for (const s of spec().sheets) {
      const pl = fake.sheet(s.name)!.pageLayout;
      const p = s.print!;
      expect(pl.orientation).toBe(p.orientation === "portrait" ? "Portrait" : "Landscape");
      expect(pl.paperSize).toBe("A4");
      // Rows flow (0 pages tall) except on the one-page Synthèse (issue #12).
      expect(pl.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: p.fitToHeight ?? 0 });
      expect(pl.printArea).toEqual({ r1: p.area.r1, c1: p.area.c1, r2: p.area.r2, c2: p.area.c2 });
      expect(pl.printTitleRows).toEqual(p.titleRows ? `$${p.titleRows.first + 1}:$${p.titleRows.last + 1}` : undefined);
      // Placeholders become Excel codes: page number, page count, sheet name, printing date.
      expect(pl.centerFooter).toBe("Page &P / &N");
      expect(pl.centerHeader).toBe("&A");
      expect(pl.rightHeader).toBe("Période 2025");
      expect(pl.rightFooter).toBe("Imprimé le &D");
      // 0.4 in = 28.8 pt
      expect(pl.leftMargin).toBeCloseTo(28.8, 5);
    }
  });

  test("internal hyperlinks (ExcelApi 1.7) name the sheets by their final names; the dashboard's charts start a page (issue #12)", async () => {
    const { fake, gateway } = setup();
    await gateway.writeWorkbook(spec());
    for (const s of spec().sheets) {
      const links = fake.sheet(s.name)!.hyperlinks;
      expect(links.size).toBe((s.links ?? []).length);
      for (const l of s.links ?? []) {
        const target = spec().sheets.find((x) => x.key === l.target.sheet)!;
        const set = links.get(`${l.row}:${l.col}`)!;
        // Never the staging name: the reference is written for the sheet as it is finally called.
        expect(String(set.documentReference)).toMatch(new RegExp(`^'?${target.name.replace(/[()]/g, "\\$&")}'?!`));
      }
    }
    const dash = spec().sheets.find((x) => x.key === "dashboard")!;
    expect(fake.sheet(dash.name)!.rowBreaks).toEqual(dash.print!.rowBreaks);
  });

  test("the diagnostic's radar gets its fixed 0–100 % scale (ChartAxis.minimum / maximum)", async () => {
    const { fake, gateway } = setup();
    await gateway.writeWorkbook(spec());
    const radar = fake.sheet("Diagnostic 360")!.charts[0];
    expect(radar.props.axes).toMatchObject({ valueAxis: { minimum: 0, maximum: 1 } });
  });

  test("the plan's column A (row keys) is hidden", async () => {
    const { fake, gateway } = setup();
    await gateway.writeWorkbook(spec());
    expect([...fake.sheet("Plan stratégique")!.hiddenColumns]).toEqual([0]);
    expect([...fake.sheet("Tableau de bord")!.hiddenColumns]).toEqual([]);
  });

  test("ExcelApi 1.8: no print setup (pageLayout is 1.9), and a warning says so", async () => {
    const { fake, gateway } = setup({ apiVersion: "1.8" });
    const report = await gateway.writeWorkbook(spec());
    expect(fake.sheets.every((s) => Object.keys(s.pageLayout).length === 0)).toBe(true);
    expect(report.warnings.join(" ")).toMatch(/Mise en page d'impression non appliquée.*ExcelApi 1\.9/);
  });

  test("a batch refused for its size is split in halves and sent again", async () => {
    const reference = setup();
    await reference.gateway.writeWorkbook(spec());
    const { fake, gateway } = setup({ payloadLimit: 40_000 });
    await gateway.writeWorkbook(spec());
    expect(gateway.stats.splits).toBeGreaterThan(0);
    expect(fake.syncLog.some((s) => s.error === "RequestPayloadSizeLimitExceeded")).toBe(true);
    expect(fake.syncLog.filter((s) => s.ok).every((s) => s.requestBytes <= 40_000)).toBe(true);
    for (const s of spec().sheets) expect(fake.sheet(s.name)!.snapshot()).toEqual(reference.fake.sheet(s.name)!.snapshot());
  });

  test("uniform number formats as full 2D arrays give the same formats", async () => {
    const a = setup();
    await a.gateway.writeWorkbook(spec());
    const b = setup({}, { uniformFormatsAsScalar: false });
    await b.gateway.writeWorkbook(spec());
    for (const s of spec().sheets) {
      const x = a.fake.sheet(s.name)!;
      const y = b.fake.sheet(s.name)!;
      for (let r = 0; r < 40; r++) for (let c = 0; c < 12; c++) expect(y.formatAt(r, c)).toBe(x.formatAt(r, c));
    }
  });
});

describe("other gateway writes", () => {
  test("addContractsSheet: a new owned sheet with an Excel table, listed as a source, kept by the next analysis", async () => {
    const { fake, gateway } = setup();
    const source = await gateway.addContractsSheet({
      sheetName: "Mandats",
      tableName: "tblDECP",
      headers: ["Id", "Titulaire", "SIRET", "Montant"],
      rows: [
        ["M1", "=HYPERLINK(\"x\")", "01234567800011", 1000],
        ["M2", "Beta", "12345678900010", 2000],
      ],
      numberFormats: [null, null, "@", "#,##0"],
    });
    expect(source).toEqual({ name: "tblDECP", sheet: "Mandats (2)", address: "A1:D3", rowCount: 3, columnCount: 4, isExcelTable: true });
    const decp = fake.sheet("Mandats (2)")!;
    expect(decp.kind(1, 1)).toBe("text");
    expect(decp.kind(1, 2)).toBe("text");
    expect((await gateway.listTables()).map((t) => t.name)).toContain("tblDECP");
    expect(await gateway.listOwnedSheets()).toEqual([{ key: "decp", name: "Mandats (2)" }]);
    await gateway.writeWorkbook(spec());
    expect(fake.sheet("Mandats (2)")).toBe(decp);
    expect((await gateway.listOwnedSheets()).map((o) => o.key)).toContain("decp");
    expect((await gateway.readTable("tblDECP")).rows[1]).toEqual(["M1", "=HYPERLINK(\"x\")", "01234567800011", 1000]);
  });

  test("activateSheet: owned sheets only", async () => {
    const { fake, gateway } = setup();
    await gateway.writeWorkbook(spec());
    await gateway.activateSheet("Analyse fournisseurs");
    expect(fake.active!.name).toBe("Analyse fournisseurs");
    await expect(gateway.activateSheet("Mandats")).rejects.toMatchObject({ code: "sheetNotFound", subject: "Mandats" });
  });

  test("settings: saved as JSON in the workbook, unreadable values give null, oversized ones are refused", async () => {
    const { fake, gateway } = setup();
    expect(await gateway.loadSettings()).toBeNull();
    fake.settings.set("optimaAchats.settings", "{pas du json");
    expect(await gateway.loadSettings()).toBeNull();
    const huge = { version: 1, tables: [], period: { mode: "auto", year: 2025, month: 1, fromYear: 2025, fromMonth: 1, toYear: 2025, toMonth: 1 }, parameters: { x: "y".repeat(1_100_000) }, lastRun: null };
    await expect(gateway.saveSettings(huge as never)).rejects.toMatchObject({ code: "tooLarge" });
  });
});
