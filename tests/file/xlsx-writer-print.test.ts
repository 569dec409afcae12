/**
 * Print setup in the written .xlsx (issue #12, item 3): every sheet has an A4 page setup fitted to
 * one page wide (rows flowing), margins, a header and footer with the collectivité, the sheet, the
 * period, the page number and the date, a print area and — on long tables — repeated header rows
 * (_xlnm.Print_Area / _xlnm.Print_Titles, local to their sheet). An update replaces them, never
 * duplicates them. Checked in the XML and with exceljs, an independent reader.
 */
import ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { elementsOf } from "../../src/ooxml/xml";
import { writeWorkbook } from "../../src/file/write-workbook";
import { rangeA1 } from "../../src/report/a1";
import { plainValue } from "../../src/report/spec";
import { buildWorkbookSpec } from "../../src/report/workbook";
import { demoAnalysis, partsOf, RUN, sheetsOf } from "./xlsx-writer-helpers";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "optima-print-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const analysis = demoAnalysis();
const spec = buildWorkbookSpec(analysis, RUN);
const file = path.join(dir, "impression.xlsx");
let parts: Record<string, string>;

beforeAll(async () => {
  await writeWorkbook(spec, file);
  parts = partsOf(file);
});

/** Defined names of workbook.xml: name, localSheetId, formula text. */
function definedNames(xml: string): { name: string; local: number; ref: string }[] {
  return [...xml.matchAll(/<definedName\s([^>]*)>([^<]*)<\/definedName>/g)].map((m) => ({
    name: /name="([^"]*)"/.exec(m[1])![1],
    local: Number(/localSheetId="(\d+)"/.exec(m[1])?.[1] ?? -1),
    ref: m[2].replace(/&apos;/g, "'").replace(/&amp;/g, "&"),
  }));
}

test("every sheet prints on A4, one page wide, rows flowing, with margins and its orientation", () => {
  const sheets = sheetsOf(parts);
  for (const s of spec.sheets) {
    const xml = parts[sheets.find((x) => x.name === s.name)!.part];
    const setup = elementsOf(xml, "pageSetup")[0];
    // Rows flow (fitToHeight 0) except on a sheet fitted to a number of pages tall (the Synthèse: 1).
    expect(setup).toMatchObject({ paperSize: "9", fitToWidth: "1", fitToHeight: String(s.print!.fitToHeight ?? 0), orientation: s.print!.orientation });
    expect(elementsOf(xml, "sheetPr")).toHaveLength(1);
    expect(xml).toContain(`<pageSetUpPr fitToPage="1"/>`);
    expect(elementsOf(xml, "pageMargins")[0]).toMatchObject({ left: "0.4", right: "0.4", top: "0.75", bottom: "0.75" });
    // CT_Worksheet order: printOptions, pageMargins, pageSetup, headerFooter, then drawing / tableParts.
    const order = ["<printOptions", "<pageMargins", "<pageSetup", "<headerFooter"].map((t) => xml.indexOf(t));
    expect(order.every((i, k) => i > 0 && (k === 0 || i > order[k - 1]))).toBe(true);
    for (const later of ["<drawing", "<tableParts"]) if (xml.includes(later)) expect(xml.indexOf(later)).toBeGreaterThan(order[3]);
  }
  // The dashboard (tiles and charts side by side) is landscape.
  expect(spec.sheets.find((s) => s.key === "dashboard")!.print!.orientation).toBe("landscape");
});

test("header and footer: collectivité, sheet, period; run date and version, page n / N, printing date", () => {
  const sheets = sheetsOf(parts);
  // The demo's entities table has one EPCI: the collectivité named in the header.
  expect(analysis.organisation).toMatch(/^Communauté/);
  const xml = parts[sheets[0].part];
  const header = /<oddHeader>([^<]*)<\/oddHeader>/.exec(xml)![1].replace(/&amp;/g, "&");
  const footer = /<oddFooter>([^<]*)<\/oddFooter>/.exec(xml)![1].replace(/&amp;/g, "&");
  // The demo's period 2026-01..2026-10, as a reader says it.
  expect(analysis.period.label).toBe("2026-01..2026-10");
  expect(header).toBe(`&L${analysis.organisation!.replace(/&/g, "&&")}&C&A&RPériode janvier à octobre 2026`);
  expect(footer).toBe(`&LAnalyse du 05/11/2026 · Optima Achats ${analysis.version}&CPage &P / &N&RImprimé le &D`);
});

test("print areas cover the written cells and charts; long tables repeat their header row", () => {
  const sheets = sheetsOf(parts);
  const names = definedNames(parts["xl/workbook.xml"]);
  for (const s of spec.sheets) {
    const index = sheets.findIndex((x) => x.name === s.name);
    const area = names.filter((n) => n.name === "_xlnm.Print_Area" && n.local === index);
    const a = s.print!.area;
    expect(area).toEqual([{ name: "_xlnm.Print_Area", local: index, ref: `'${s.name}'!${rangeA1(a.r1, a.c1, a.r2, a.c2, true)}` }]);
    // The area reaches the last row of every table it prints and the corner of every chart (the
    // dashboard's side tables, right of its grid, hold chart data and are not printed).
    // Detail tables kept below the printed rows on purpose start under a section saying so
    // (« … (détail, hors impression) »), and the supplier list prints its class A head only
    // (tests/report/print-band.test.ts).
    const detail = s.blocks.find((b) => b.row === a.r2 + 1 && b.style === "section");
    const below = detail && /hors impression/.test(String(plainValue(detail.values[0][0]))) ? detail.row : Number.POSITIVE_INFINITY;
    for (const t of s.tables.filter((x) => x.col <= a.c2 && x.row < below && x.name !== "tblFournisseurs"))
      expect(a.r2).toBeGreaterThanOrEqual(t.row + Math.max(1, t.rows.length));
    for (const ch of s.charts) expect(a.c2).toBeGreaterThanOrEqual(ch.anchor.col + ch.anchor.widthCols - 1);
    const titles = names.filter((n) => n.name === "_xlnm.Print_Titles" && n.local === index);
    if (s.print!.titleRows) {
      const r = s.print!.titleRows.first + 1;
      expect(titles).toEqual([{ name: "_xlnm.Print_Titles", local: index, ref: `'${s.name}'!$${r}:$${r}` }]);
      // The repeated row is the header row of a table of more than 25 rows.
      expect(s.tables.some((t) => t.row === s.print!.titleRows!.first && t.rows.length > 25)).toBe(true);
    } else expect(titles).toEqual([]);
  }
  // The supplier list of the demo is long (one table, over 25 rows): its header row repeats on every page.
  const suppliers = spec.sheets.find((s) => s.key === "fournisseurs")!;
  expect(suppliers.print!.titleRows).toEqual({ first: suppliers.tables[0].row, last: suppliers.tables[0].row });
  // Paramètres has other tables under its long one: no repeated row (it would print above them).
  expect(spec.sheets.find((s) => s.key === "parametres")!.print!.titleRows).toBeUndefined();
});

test("exceljs reads the same print setup back", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const dash = spec.sheets.find((s) => s.key === "dashboard")!;
  const ws = wb.getWorksheet(dash.name)!;
  expect(ws.pageSetup.orientation).toBe("landscape");
  expect(ws.pageSetup.fitToWidth).toBe(1);
  expect(ws.pageSetup.paperSize).toBe(9);
  expect(ws.headerFooter.oddFooter).toBe(`&LAnalyse du 05/11/2026 · Optima Achats ${analysis.version}&CPage &P / &N&RImprimé le &D`);
  const a = dash.print!.area;
  expect(ws.pageSetup.printArea).toBe(rangeA1(a.r1, a.c1, a.r2, a.c2, true).replace(/\$/g, ""));
  // The Synthèse: one A4 portrait page (fitted 1 wide, 1 tall).
  const syn = wb.getWorksheet(spec.sheets.find((s) => s.key === "synthese")!.name)!;
  expect(syn.pageSetup.orientation).toBe("portrait");
  expect(syn.pageSetup.fitToWidth).toBe(1);
  expect(syn.pageSetup.fitToHeight).toBe(1);
});

test("an update replaces the print names of the rewritten sheets, never duplicates them", async () => {
  await writeWorkbook(buildWorkbookSpec(analysis, RUN), file, { existing: true });
  const again = partsOf(file);
  const names = definedNames(again["xl/workbook.xml"]).filter((n) => n.name.startsWith("_xlnm.Print_Area"));
  expect(names).toHaveLength(spec.sheets.length);
  expect(new Set(names.map((n) => n.local)).size).toBe(spec.sheets.length);
});

test("the plan's column A (row keys) is written hidden", () => {
  const plan = spec.sheets.find((s) => s.key === "plan")!;
  const xml = parts[sheetsOf(parts).find((x) => x.name === plan.name)!.part];
  expect(elementsOf(xml, "col").find((c) => c.min === "1")).toMatchObject({ max: "1", hidden: "1" });
});

test("the diagnostic's radar is written with a fixed 0–100 % scale (c:min 0, c:max 1)", () => {
  const charts = Object.keys(parts).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).map((p) => parts[p]);
  const radar = charts.filter((x) => x.includes("<c:radarChart>"));
  expect(radar).toHaveLength(1);
  expect(radar[0]).toMatch(/<c:valAx><c:axId val="\d+"\/><c:scaling><c:orientation val="minMax"\/><c:max val="1"\/><c:min val="0"\/><\/c:scaling>/);
});

test("internal hyperlinks are written as <hyperlink location> on the sheet's cells, between dataValidations and printOptions (issue #12)", () => {
  const sheets = sheetsOf(parts);
  const names = new Set(spec.sheets.map((s) => s.name));
  const dash = spec.sheets.find((s) => s.key === "dashboard")!;
  expect((dash.links ?? []).length).toBeGreaterThan(16);
  for (const s of spec.sheets) {
    const xml = parts[sheets.find((x) => x.name === s.name)!.part];
    const links = elementsOf(xml, "hyperlink");
    expect(links).toHaveLength((s.links ?? []).length);
    if (links.length === 0) continue;
    // No relationship: internal links carry a location only.
    for (const l of links) {
      expect(l["r:id"]).toBeUndefined();
      const m = /^'((?:[^']|'')+)'!\$?[A-Z]+\$?\d+/.exec(l.location.replace(/&apos;/g, "'"));
      expect(m).not.toBeNull();
      expect(names.has(m![1].replace(/''/g, "'"))).toBe(true);
    }
    const at = xml.indexOf("<hyperlinks>");
    expect(at).toBeGreaterThan(xml.indexOf("</sheetData>"));
    expect(at).toBeLessThan(xml.indexOf("<printOptions"));
    if (xml.includes("<dataValidations")) expect(at).toBeGreaterThan(xml.indexOf("<dataValidations"));
  }
  // The first tile's card link: A (row of SP1 on the Indicateurs sheet, 1-based).
  const xml = parts[sheets.find((x) => x.name === dash.name)!.part];
  const first = dash.links!.find((l) => l.target.sheet === "indicateurs")!;
  const ref = `${String.fromCharCode(65 + first.col)}${first.row + 1}`;
  const written = elementsOf(xml, "hyperlink").find((l) => l.ref === ref)!;
  expect(written.location.replace(/&apos;/g, "'")).toBe(`'Indicateurs'!${rangeA1(first.target.range.r1, 0, first.target.range.r1, 0)}`);
});

test("the dashboard's charts start a new printed page: a manual row break after headerFooter", () => {
  const sheets = sheetsOf(parts);
  const dash = spec.sheets.find((s) => s.key === "dashboard")!;
  const xml = parts[sheets.find((x) => x.name === dash.name)!.part];
  expect(dash.print!.rowBreaks).toHaveLength(1);
  const brk = elementsOf(xml, "brk");
  expect(brk).toEqual([{ id: String(dash.print!.rowBreaks![0]), max: "16383", man: "1" }]);
  expect(xml.indexOf("<rowBreaks")).toBeGreaterThan(xml.indexOf("</headerFooter>"));
  // The break row is the charts' section title, the first row of the charts.
  const firstChart = Math.min(...dash.charts.map((c) => c.anchor.row));
  expect(dash.print!.rowBreaks![0]).toBe(firstChart - 1);
});
