/**
 * The .xlsx writer on a real analysis (demo data → detection → intake → analyse → workbook spec):
 * every feature of the spec is read back from the written parts (tables, number formats,
 * conditional formats, validation lists, frozen panes, column widths, tab colours, native charts
 * with their series references), every cell value round-trips through our streaming reader, and
 * exceljs (an independent reader) opens the file. Text that looks like a formula stays text.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { Cell } from "../../src/core/model";
import { openXlsx } from "../../src/file/xlsx-reader";
import { writeWorkbook } from "../../src/file/write-workbook";
import { tableRef } from "../../src/file/xlsx-writer/table-xml";
import { columnLetter, rangeA1 } from "../../src/report/a1";
import { cellKey, sheetValues, writtenCells } from "../../src/report/grid";
import { isFormula, isText, SHEET_ORDER, type ChartSpec, type SheetSpec, type WorkbookSpec } from "../../src/report/spec";
import { validateWorkbookSpec } from "../../src/report/validate";
import { buildWorkbookSpec } from "../../src/report/workbook";
import { elementsOf } from "../../src/ooxml/xml";
import { HYPERLINK_SUPPLIER, richAnalysis } from "../report/fixture";
import { cellElement, demoSpec, numFmtOf, partsOf, relsOf, sheetsOf } from "./xlsx-writer-helpers";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "optima-xlsx-writer-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const spec: WorkbookSpec = demoSpec();
const file = path.join(dir, "demo.xlsx");
let parts: Record<string, string>;
let partOf: Map<string, string>;

beforeAll(async () => {
  const report = await writeWorkbook(spec, file);
  expect(report.mode).toBe("created");
  parts = partsOf(file);
  partOf = new Map(sheetsOf(parts).map((s) => [s.name, s.part]));
}, 60_000);

const sheetXml = (s: SheetSpec) => parts[partOf.get(s.name)!];
const withFeature = (pred: (s: SheetSpec) => boolean) => spec.sheets.filter(pred).map((s) => [s.name, s] as const);

test("the spec of the demo analysis is valid and has every SPEC §5–7 sheet", () => {
  expect(validateWorkbookSpec(spec)).toEqual([]);
  expect(spec.sheets).toHaveLength(SHEET_ORDER.length);
});

test("package: content types, relationships, the sheets in spec order, ownership recorded", () => {
  expect(sheetsOf(parts).map((s) => s.name)).toEqual(spec.sheets.map((s) => s.name));
  const ct = parts["[Content_Types].xml"];
  for (const name of Object.keys(parts)) {
    if (name.endsWith(".rels") || name === "[Content_Types].xml") continue;
    expect(ct).toContain(`PartName="/${name}"`);
  }
  expect(relsOf(parts, "").size).toBe(4); // workbook, core, app, custom
  expect(parts["docProps/custom.xml"]).toMatch(new RegExp(`name="optima\\.ownedSheets"><vt:lpwstr>sommaire=1:1,synthese=2:1,dashboard=3:1,cartographie=4:1,.*parametres=${SHEET_ORDER.length}:\\d+<`));
  expect(parts["xl/workbook.xml"]).toContain('fullCalcOnLoad="1"');
  // Every part is well-formed enough to list its elements, and no sharedStrings part is needed.
  expect(parts["xl/sharedStrings.xml"]).toBeUndefined();
});

describe.each(withFeature((s) => s.tables.length > 0))("tables of %s", (_name, sheet) => {
  test("one table part per spec table: name, ref, columns; header cells are the column names", () => {
    const sheetPart = partOf.get(sheet.name)!;
    const rels = relsOf(parts, sheetPart);
    const xml = sheetXml(sheet);
    const tableParts = elementsOf(xml, "tablePart").map((t) => rels.get(t["r:id"])!.target);
    expect(tableParts).toHaveLength(sheet.tables.length);
    sheet.tables.forEach((t, i) => {
      const tx = parts[tableParts[i]];
      const attrs = elementsOf(tx, "table")[0];
      expect(attrs.name).toBe(t.name);
      expect(attrs.displayName).toBe(t.name);
      expect(attrs.ref).toBe(tableRef(t));
      expect(attrs.ref).toBe(rangeA1(t.row, t.col, t.row + Math.max(1, t.rows.length), t.col + t.columns.length - 1));
      expect(elementsOf(tx, "tableColumn").map((c) => c.name)).toEqual(t.columns.map((c) => c.header));
      expect(elementsOf(tx, "tableStyleInfo")[0].name).toBe(t.style);
      t.columns.forEach((c, k) => {
        const cell = cellElement(xml, `${columnLetter(t.col + k)}${t.row + 1}`)!;
        expect(cell).toContain('t="inlineStr"');
        expect(cell).not.toContain("<f>");
      });
      // No table overlaps a merge.
      for (const m of sheet.merges) {
        const overlap = m.r1 <= t.row + Math.max(1, t.rows.length) && m.r2 >= t.row && m.c1 <= t.col + t.columns.length - 1 && m.c2 >= t.col;
        expect(overlap).toBe(false);
      }
    });
  });

  test("number formats of the table columns are on the cells", () => {
    const sheetPart = partOf.get(sheet.name)!;
    for (const t of sheet.tables) {
      if (t.rows.length === 0) continue;
      t.columns.forEach((c, k) => {
        if (!c.numberFormat) return;
        const override = t.cellFormats?.find((f) => f.row === 0 && f.key === c.key);
        const v = t.rows[0][k];
        if (v === null) return;
        expect(numFmtOf(parts, sheetPart, `${columnLetter(t.col + k)}${t.row + 2}`)).toBe(override?.numberFormat ?? c.numberFormat);
      });
    }
  });
});

test("table names are unique in the workbook", () => {
  const names = Object.entries(parts)
    .filter(([n]) => n.startsWith("xl/tables/"))
    .map(([, x]) => elementsOf(x, "table")[0].name.toLowerCase());
  expect(new Set(names).size).toBe(names.length);
  expect(names.length).toBe(spec.sheets.reduce((n, s) => n + s.tables.length, 0));
  const ids = Object.entries(parts)
    .filter(([n]) => n.startsWith("xl/tables/"))
    .map(([, x]) => elementsOf(x, "table")[0].id);
  expect(new Set(ids).size).toBe(ids.length);
});

test("block number formats (amounts, percentages) are on the cells", () => {
  let checked = 0;
  for (const sheet of spec.sheets) {
    for (const b of sheet.blocks) {
      b.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (typeof v !== "number") return;
          const nf = b.cellFormats?.find((f) => f.r === r && f.c === c)?.numberFormat ?? b.columnFormats?.[c] ?? b.numberFormat;
          if (!nf) return;
          expect(numFmtOf(parts, partOf.get(sheet.name)!, `${columnLetter(b.col + c)}${b.row + r + 1}`)).toBe(nf);
          checked++;
        }),
      );
    }
  }
  expect(checked).toBeGreaterThan(20);
});

describe.each(withFeature((s) => s.conditionalFormats.length > 0))("conditional formats of %s", (_name, sheet) => {
  test("one conditionalFormatting per rule, with its range and type", () => {
    const xml = sheetXml(sheet);
    const blocks = [...xml.matchAll(/<conditionalFormatting sqref="([^"]+)">([\s\S]*?)<\/conditionalFormatting>/g)];
    expect(blocks).toHaveLength(sheet.conditionalFormats.length);
    sheet.conditionalFormats.forEach((cf, i) => {
      expect(blocks[i][1]).toBe(rangeA1(cf.range.r1, cf.range.c1, cf.range.r2, cf.range.c2));
      const rule = blocks[i][2];
      const type = { cellValue: "cellIs", dataBar: "dataBar", colorScale: "colorScale", iconSet: "iconSet" }[cf.type];
      expect(rule).toContain(`type="${type}"`);
      if (cf.type === "cellValue") {
        expect(rule).toMatch(/dxfId="\d+"/);
        expect(rule).toContain(`operator="${cf.operator}"`);
      }
      if (cf.type === "iconSet") expect(rule).toContain('iconSet="3TrafficLights1"');
      if (cf.type === "dataBar") expect(rule).toContain(`rgb="FF${cf.color.slice(1).toUpperCase()}"`);
    });
  });
});

test("the four kinds of conditional format and the dxfs they need are written", () => {
  const all = Object.entries(parts).filter(([n]) => n.startsWith("xl/worksheets/sheet")).map(([, x]) => x).join("");
  for (const t of ["cellIs", "dataBar", "colorScale", "iconSet"]) expect(all).toContain(`<cfRule type="${t}"`);
  const dxfs = /<dxfs count="(\d+)"/.exec(parts["xl/styles.xml"]);
  expect(Number(dxfs?.[1])).toBeGreaterThanOrEqual(3);
});

describe.each(withFeature((s) => s.validations.length > 0))("validation lists of %s", (_name, sheet) => {
  test("dataValidations: type list, range, source, error style", () => {
    const xml = sheetXml(sheet);
    const dv = elementsOf(xml, "dataValidation");
    expect(dv).toHaveLength(sheet.validations.length);
    const formulas = [...xml.matchAll(/<formula1>([\s\S]*?)<\/formula1>/g)].map((m) => m[1]);
    sheet.validations.forEach((v, i) => {
      expect(dv[i].type).toBe("list");
      expect(dv[i].sqref).toBe(rangeA1(v.range.r1, v.range.c1, v.range.r2, v.range.c2));
      expect(dv[i].errorStyle ?? "stop").toBe(v.errorStyle);
      if (Array.isArray(v.list)) expect(formulas[i]).toBe(`"${v.list.join(",")}"`.replace(/&/g, "&amp;"));
      else {
        const r = v.list.range;
        expect(formulas[i].endsWith(rangeA1(r.r1, r.c1, r.r2, r.c2, true))).toBe(true);
      }
    });
  });
});

test("frozen panes, column widths and tab colours of every sheet", () => {
  for (const sheet of spec.sheets) {
    const xml = sheetXml(sheet);
    const pane = elementsOf(xml, "pane")[0];
    if (sheet.frozen && (sheet.frozen.rows > 0 || sheet.frozen.cols > 0)) {
      expect(pane.state).toBe("frozen");
      expect(Number(pane.ySplit ?? 0)).toBe(sheet.frozen.rows);
      expect(Number(pane.xSplit ?? 0)).toBe(sheet.frozen.cols);
      expect(pane.topLeftCell).toBe(`${columnLetter(sheet.frozen.cols)}${sheet.frozen.rows + 1}`);
    } else expect(pane).toBeUndefined();
    const cols = elementsOf(xml, "col");
    expect(cols.map((c) => [Number(c.min) - 1, Number(c.width)])).toEqual(sheet.columnWidths.map((w) => [w.col, w.width]));
    if (sheet.tabColor) expect(elementsOf(xml, "tabColor")[0].rgb).toBe(`FF${sheet.tabColor.slice(1).toUpperCase()}`);
  }
  expect(spec.sheets.filter((s) => s.frozen).length).toBeGreaterThan(5);
});

test("merged cells are written", () => {
  for (const sheet of spec.sheets) {
    const refs = elementsOf(sheetXml(sheet), "mergeCell").map((m) => m.ref);
    expect(refs).toEqual(sheet.merges.map((m) => rangeA1(m.r1, m.c1, m.r2, m.c2)));
  }
});

const CHART_ELEMENT: Record<ChartSpec["type"], string[]> = {
  bar: ["c:barChart", '<c:barDir val="bar"/>'],
  column: ["c:barChart", '<c:barDir val="col"/>'],
  line: ["c:lineChart"],
  pie: ["c:pieChart"],
  doughnut: ["c:doughnutChart"],
  radar: ["c:radarChart"],
  "combo-pareto": ["c:barChart", "c:lineChart", '<c:crosses val="max"/>'],
};

describe.each(withFeature((s) => s.charts.length > 0))("charts of %s", (_name, sheet) => {
  test("drawing → chart parts, with the chart type and the series references of the spec", () => {
    const sheetPart = partOf.get(sheet.name)!;
    const drawingId = elementsOf(sheetXml(sheet), "drawing")[0]["r:id"];
    const drawing = relsOf(parts, sheetPart).get(drawingId)!;
    expect(drawing.type).toMatch(/\/drawing$/);
    const dx = parts[drawing.target];
    const chartIds = elementsOf(dx, "chart").map((c) => c["r:id"]);
    expect(chartIds).toHaveLength(sheet.charts.length);
    const anchors = elementsOf(dx, "from");
    expect(anchors).toHaveLength(sheet.charts.length);
    const drels = relsOf(parts, drawing.target);
    const nameOf = new Map(spec.sheets.map((s) => [s.key, s.name]));
    sheet.charts.forEach((ch, i) => {
      const cx = parts[drels.get(chartIds[i])!.target];
      for (const marker of CHART_ELEMENT[ch.type]) expect(cx).toContain(marker);
      const refs = [...cx.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1].replace(/&apos;/g, "'"));
      const q = (r: { sheet: string; range: { r1: number; c1: number; r2: number; c2: number } }) =>
        `'${nameOf.get(r.sheet as SheetSpec["key"])!.replace(/'/g, "''")}'!${rangeA1(r.range.r1, r.range.c1, r.range.r2, r.range.c2, true)}`;
      for (const se of ch.series) {
        expect(refs).toContain(q(se.values));
        if (typeof se.name !== "string") expect(refs).toContain(q(se.name));
        if (ch.categories) expect(refs).toContain(q(ch.categories));
      }
      expect(cx).toContain(ch.title.replace(/&/g, "&amp;").replace(/</g, "&lt;"));
      // Cached values of the numbers written in the ranges (formulas are recalculated on open),
      // so that a reader that does not recalculate still draws the chart.
      const caches = [...cx.matchAll(/<c:val><c:numRef>[\s\S]*?<\/c:numRef><\/c:val>/g)].map((m) => (m[0].match(/<c:pt /g) ?? []).length);
      ch.series.forEach((se, k) => {
        const target = spec.sheets.find((s) => s.key === se.values.sheet)!;
        const cells = writtenCells(target);
        let numbers = 0;
        for (let r = se.values.range.r1; r <= se.values.range.r2; r++)
          for (let c = se.values.range.c1; c <= se.values.range.c2; c++) if (typeof cells.get(cellKey(r, c)) === "number") numbers++;
        expect(caches[k]).toBe(numbers);
      });
    });
  });
});

test("every chart type of the spec is present in the demo workbook", () => {
  const types = new Set(spec.sheets.flatMap((s) => s.charts.map((c) => c.type)));
  expect([...types].sort()).toEqual(["bar", "column", "combo-pareto", "doughnut", "line", "pie", "radar"]);
  const charts = Object.keys(parts).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
  expect(charts).toHaveLength(spec.sheets.reduce((n, s) => n + s.charts.length, 0));
});

test("every cell value round-trips through the streaming reader (formulas are recalculated on open)", async () => {
  const book = await openXlsx(file);
  for (const sheet of spec.sheets) {
    const expected = sheetValues(sheet);
    const cells: { r: number; c: number; v: unknown }[] = [];
    for (const b of sheet.blocks) b.values.forEach((row, r) => row.forEach((v, c) => cells.push({ r: b.row + r, c: b.col + c, v })));
    const formulas = new Set(cells.filter((x) => isFormula(x.v as never)).map((x) => `${x.r}:${x.c}`));
    for (const t of sheet.tables) t.rows.forEach((row, r) => row.forEach((v, c) => isFormula(v) && formulas.add(`${t.row + 1 + r}:${t.col + c}`)));
    const got: Cell[][] = [];
    await book.readRows(sheet.name, (row, n) => {
      got[n - 1] = row;
    });
    expected.forEach((row, r) =>
      row.forEach((v, c) => {
        const read = got[r]?.[c] ?? null;
        if (formulas.has(`${r}:${c}`)) expect(read).toBeNull();
        else if (v === "" || v === null) expect(read).toBeNull();
        else expect([sheet.name, r, c, read]).toEqual([sheet.name, r, c, v]);
      }),
    );
  }
}, 60_000);

test("formulas are <f> elements without '=', every other string an inline string", () => {
  const dash = spec.sheets.find((s) => s.key === "dashboard")!;
  const xml = sheetXml(dash);
  const f = [...xml.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1]);
  expect(f.length).toBeGreaterThan(0);
  for (const x of f) expect(x.startsWith("=")).toBe(false);
  expect(xml).not.toMatch(/t="s"/);
  expect(xml).not.toMatch(/t="str"/);
});

test("exceljs, an independent reader, opens the workbook: sheets, tables, values, validations", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.worksheets.map((w) => w.name)).toEqual(spec.sheets.map((s) => s.name));
  for (const sheet of spec.sheets) {
    const ws = wb.getWorksheet(sheet.name)!;
    expect(Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables ?? {})).toHaveLength(sheet.tables.length);
    const t = sheet.tables.find((x) => x.rows.length > 0 && typeof x.rows[0][0] !== "object");
    if (t) {
      const v = t.rows[0][0];
      expect(ws.getCell(t.row + 2, t.col + 1).value ?? null).toEqual(isText(v as never) ? (v as { value: string }).value : v);
    }
  }
  const plan = spec.sheets.find((s) => s.key === "plan")!;
  const dv = plan.validations[0];
  const dvModel = (wb.getWorksheet(plan.name)! as unknown as { dataValidations: { model: Record<string, { type: string }> } }).dataValidations.model;
  expect(Object.values(dvModel).some((m) => m.type === "list")).toBe(true);
  expect(dv).toBeDefined();
}, 60_000);

describe("text safety", () => {
  const rich = buildWorkbookSpec(richAnalysis(), { runDate: "2026-01-15", sources: ["Mandats"] });
  const richFile = path.join(dir, "rich.xlsx");

  test('a supplier named =HYPERLINK("x") is an inline string, never a formula', async () => {
    await writeWorkbook(rich, richFile);
    const p = partsOf(richFile);
    const sheets = Object.entries(p).filter(([n]) => n.startsWith("xl/worksheets/sheet"));
    let found = 0;
    for (const [, xml] of sheets) {
      for (const m of xml.matchAll(/<c r="[A-Z]+\d+"[^>]*>(?:(?!<\/c>).)*HYPERLINK(?:(?!<\/c>).)*<\/c>/g)) {
        expect(m[0]).toContain('t="inlineStr"');
        expect(m[0]).toContain(`<t>${HYPERLINK_SUPPLIER.replace(/"/g, '"')}</t>`);
        expect(m[0]).not.toContain("<f>");
        found++;
      }
    }
    expect(found).toBeGreaterThan(0);
    const book = await openXlsx(richFile);
    const suppliers = rich.sheets.find((s) => s.key === "fournisseurs")!;
    const values: Cell[] = [];
    await book.readRows(suppliers.name, (row) => {
      values.push(...row);
    });
    expect(values).toContain(HYPERLINK_SUPPLIER);
  });

  test("exceljs reads it as text too", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(richFile);
    const ws = wb.getWorksheet(rich.sheets.find((s) => s.key === "fournisseurs")!.name)!;
    const hits: unknown[] = [];
    ws.eachRow((row) => row.eachCell((c) => String(c.value).includes("HYPERLINK") && hits.push(c.value)));
    expect(hits).toEqual([HYPERLINK_SUPPLIER]);
  });
});
