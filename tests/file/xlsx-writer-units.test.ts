/** Unit tests of the .xlsx writer's pieces: escaping, cells, styles merge, workbook edits, properties, streaming. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { openXlsx } from "../../src/file/xlsx-reader";
import { writeWorkbook } from "../../src/file/write-workbook";
import { formatOwned, parseOwned, readCustomProperty, setCustomProperty } from "../../src/file/xlsx-writer/doc-props";
import { relativeTarget, resolveTarget } from "../../src/file/xlsx-writer/rels";
import { SheetCells } from "../../src/file/xlsx-writer/sheet-cells";
import { cellXml, worksheetXml } from "../../src/file/xlsx-writer/sheet-xml";
import { MINIMAL_STYLES_XML, StyleRegistry } from "../../src/file/xlsx-writer/styles";
import { parseWorkbookSheets, rewriteWorkbook, unsupportedWorkbook } from "../../src/file/xlsx-writer/workbook-xml";
import { escapeAttr, escapeText } from "../../src/file/xlsx-writer/xml";
import { decodeXmlText, elementsOf } from "../../src/ooxml/xml";
import type { Cell } from "../../src/core/model";
import type { CellValue, SheetSpec, Stamp, WorkbookSpec } from "../../src/report/spec";

const stamp: Stamp = { sources: [], period: { label: "2025", start: "2025-01-01", end: "2025-12-31" }, data: null, parameters: "", runDate: "2026-01-15", version: "0.1.0" };

function sheet(p: Partial<SheetSpec>): SheetSpec {
  return {
    key: "anomalies",
    name: "Anomalies",
    mode: "replace",
    layoutVersion: 1,
    columnWidths: [],
    blocks: [],
    tables: [],
    merges: [],
    conditionalFormats: [],
    charts: [],
    validations: [],
    inputs: [],
    stamp,
    ...p,
  };
}

describe("escaping", () => {
  test("text: XML specials, control characters as _xHHHH_, a literal _xHHHH_ protected", () => {
    expect(escapeText("a < b & c > d")).toBe("a &lt; b &amp; c &gt; d");
    expect(escapeText("bip\u0007\u0000")).toBe("bip_x0007__x0000_");
    expect(escapeText("_x0041_")).toBe("_x005F_x0041_");
    expect(escapeText("tab\tCR\rLF\n")).toBe("tab\tCR\rLF\n");
    expect(escapeText("😀 ok")).toBe("😀 ok");
    expect(escapeText("lone \ud800 surrogate")).toBe("lone \ufffd surrogate");
    for (const s of ["bip\u0007", "_x0041_", "a&b", "x_x00zz_", "😀"]) expect(decodeXmlText(escapeText(s))).toBe(s);
  });

  test("attributes", () => {
    expect(escapeAttr('a"b<c>&\n')).toBe("a&quot;b&lt;c&gt;&amp;&#10;");
  });
});

describe("cells", () => {
  test("strings that look like formulas, numbers or dates are inline strings, never <f>", () => {
    for (const s of ['=HYPERLINK("http://x","y")', "+33 1 23", "-5", "@SUM(A1)", "0123", "2025-01"]) {
      const xml = cellXml("B2", s, 0);
      expect(xml).toContain('t="inlineStr"');
      expect(xml).not.toContain("<f>");
      expect(cellXml("B2", { text: true, value: s }, 0)).toBe(xml);
    }
    expect(cellXml("B2", '=HYPERLINK("x")', 3)).toBe('<c r="B2" s="3" t="inlineStr"><is><t>=HYPERLINK("x")</t></is></c>');
  });

  test("formulas lose their '=', numbers, booleans, empties", () => {
    expect(cellXml("A1", { formula: '=IF(A2<1,"a&b","c")' }, 0)).toBe('<c r="A1"><f>IF(A2&lt;1,"a&amp;b","c")</f></c>');
    expect(cellXml("A1", 1.5, 2)).toBe('<c r="A1" s="2"><v>1.5</v></c>');
    expect(cellXml("A1", 1e-7, 0)).toBe('<c r="A1"><v>1e-7</v></c>');
    expect(cellXml("A1", true, 0)).toBe('<c r="A1" t="b"><v>1</v></c>');
    expect(cellXml("A1", null, 0)).toBe("");
    expect(cellXml("A1", null, 4)).toBe('<c r="A1" s="4"/>');
    expect(cellXml("A1", Number.NaN, 0)).toBe("");
    expect(cellXml("A1", " lead", 0)).toBe('<c r="A1" t="inlineStr"><is><t xml:space="preserve"> lead</t></is></c>');
  });

  test("overlapping sources: the later write wins, columns in order", () => {
    const s = sheet({
      blocks: [
        { row: 0, col: 0, values: [["a", "b", "c"]] },
        { row: 0, col: 1, values: [["B"]] },
      ],
    });
    const cells = new SheetCells(s);
    const reg = new StyleRegistry();
    cells.register(reg);
    reg.merge();
    const xml = [...worksheetXml(s, { cells, styles: reg, tableRelIds: [], sheetNames: new Map() })].join("");
    expect(xml).toContain('<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>B</t></is></c><c r="C1" t="inlineStr"><is><t>c</t></is></c></row>');
  });
});

describe("styles.xml merge", () => {
  const existing =
    '<?xml version="1.0"?><x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<x:numFmts count="1"><x:numFmt numFmtId="170" formatCode="0.0 %"/></x:numFmts>' +
    '<x:fonts count="1"><x:font><x:sz val="10"/><x:name val="Arial"/></x:font></x:fonts>' +
    '<x:fills count="2"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill></x:fills>' +
    '<x:borders count="1"><x:border/></x:borders>' +
    '<x:cellStyleXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></x:cellStyleXfs>' +
    '<x:cellXfs count="2"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><x:xf numFmtId="170" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></x:cellXfs>' +
    '<x:cellStyles count="1"><x:cellStyle name="Normal" xfId="0" builtinId="0"/></x:cellStyles>' +
    "</x:styleSheet>";

  test("our formats are appended with the document's prefix; existing indexes and formats are kept or reused", () => {
    const reg = new StyleRegistry();
    reg.xf({ numFmt: "0.0 %" });
    reg.xf({ numFmt: '#,##0 "€"' });
    reg.xf({ style: "header" });
    reg.xf({ numFmt: "#,##0" });
    reg.dxf("kpiAlert");
    const xml = reg.merge(existing);
    expect(xml.startsWith(existing.slice(0, existing.indexOf("<x:numFmts")))).toBe(true);
    expect(xml).toContain('<x:numFmt numFmtId="170" formatCode="0.0 %"/><x:numFmt numFmtId="171" formatCode="#,##0 &quot;€&quot;"/>');
    expect(reg.xf({ numFmt: "0.0 %" })).toBe(1); // identical xf reused
    expect(reg.xf({ numFmt: '#,##0 "€"' })).toBe(2);
    expect(reg.xf({ style: "header" })).toBe(3);
    expect(reg.xf({})).toBe(0);
    expect(xml).toMatch(/<x:cellXfs count="5">/);
    expect(xml).toMatch(/<x:xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"\/><\/x:cellXfs>/);
    // dxfs did not exist: created after cellStyles.
    expect(xml).toMatch(/<\/x:cellStyles><x:dxfs count="1"><x:dxf><x:font><x:b\/><x:color rgb="FF9C0006"\/><\/x:font>/);
    expect(reg.dxf("kpiAlert")).toBe(0);
    // Merging again into the result adds nothing.
    const again = new StyleRegistry();
    again.xf({ numFmt: "0.0 %" });
    again.xf({ numFmt: '#,##0 "€"' });
    again.xf({ style: "header" });
    again.xf({ numFmt: "#,##0" });
    again.dxf("kpiAlert");
    expect(again.merge(xml)).toBe(xml);
  });

  test("the minimal styles.xml is what a new workbook starts from", () => {
    const reg = new StyleRegistry();
    reg.xf({ style: "input" });
    const xml = reg.merge(MINIMAL_STYLES_XML);
    expect(xml).toContain('<protection locked="0"/>');
    expect(xml).toContain('<fill><patternFill patternType="solid"><fgColor rgb="FFFFF2CC"/>');
  });
});

describe("workbook.xml", () => {
  const wb =
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<bookViews><workbookView activeTab="2"/></bookViews><sheets><sheet name="A" sheetId="1" r:id="rId1"/><sheet name="B" sheetId="2" r:id="rId2"/><sheet name="C" sheetId="3" r:id="rId3"/></sheets>' +
    '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">B!$A$1:$C$3</definedName><definedName name="x" localSheetId="2">C!$A$1</definedName><definedName name="g">A!$A$1</definedName></definedNames>' +
    '<calcPr calcId="191029"/></workbook>';

  test("sheets replaced, removed, added; local names and the active tab follow their sheet", () => {
    const sheets = parseWorkbookSheets(wb);
    expect(sheets.map((s) => [s.name, s.sheetId, s.relId])).toEqual([["A", 1, "rId1"], ["B", 2, "rId2"], ["C", 3, "rId3"]]);
    const out = rewriteWorkbook(
      wb,
      [
        { kind: "write", old: 0, name: "A2", sheetId: 1, relId: "rId1", hidden: false },
        { kind: "keep", old: 2, raw: sheets[2].raw },
        { kind: "write", old: null, name: "D & E", sheetId: 4, relId: "rId9", hidden: true },
      ],
      3,
    );
    expect(parseWorkbookSheets(out).map((s) => [s.name, s.sheetId, s.relId, s.hidden])).toEqual([
      ["A2", 1, "rId1", false],
      ["C", 3, "rId3", false],
      ["D & E", 4, "rId9", true],
    ]);
    expect(out).not.toContain("Print_Area"); // local to the removed sheet B
    expect(out).toContain('<definedName name="x" localSheetId="1">C!$A$1</definedName>');
    expect(out).toContain('<definedName name="g">A!$A$1</definedName>');
    expect(out).toContain('activeTab="1"');
    expect(out).toContain('<calcPr calcId="191029" fullCalcOnLoad="1"/>');
  });

  test("1904 dates and Strict Open XML are refused", () => {
    expect(unsupportedWorkbook('<workbook><workbookPr date1904="1"/></workbook>')).toMatch(/1904/);
    expect(unsupportedWorkbook('<workbook xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"/>')).toMatch(/Strict/);
    expect(unsupportedWorkbook(wb)).toBeNull();
  });
});

describe("package helpers", () => {
  test("custom property: added, replaced, other properties kept", () => {
    const first = setCustomProperty(null, "optima.ownedSheets", formatOwned([{ key: "dashboard", sheetId: 1, layoutVersion: 1 }]));
    expect(readCustomProperty(first, "optima.ownedSheets")).toBe("dashboard=1:1");
    const user =
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
      '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="5" name="Service"><vt:lpwstr>Achats &amp; marchés</vt:lpwstr></property></Properties>';
    const a = setCustomProperty(user, "optima.ownedSheets", "plan=10:2");
    const b = setCustomProperty(a, "optima.ownedSheets", "plan=10:3");
    expect(readCustomProperty(b, "Service")).toBe("Achats & marchés");
    expect(readCustomProperty(b, "optima.ownedSheets")).toBe("plan=10:3");
    expect(elementsOf(b, "property").map((p) => p.pid)).toEqual(["5", "6"]);
    expect(parseOwned("plan=10:3, dashboard=1, junk")).toEqual([
      { key: "plan", sheetId: 10, layoutVersion: 3 },
      { key: "dashboard", sheetId: 1, layoutVersion: 1 },
    ]);
  });

  test("relationship targets", () => {
    expect(resolveTarget("xl/worksheets/sheet1.xml", "../tables/table1.xml")).toBe("xl/tables/table1.xml");
    expect(resolveTarget("xl/workbook.xml", "/xl/styles.xml")).toBe("xl/styles.xml");
    expect(resolveTarget("", "xl/workbook.xml")).toBe("xl/workbook.xml");
    expect(relativeTarget("xl/worksheets/sheet1.xml", "xl/tables/table1.xml")).toBe("../tables/table1.xml");
    expect(relativeTarget("xl/workbook.xml", "xl/worksheets/sheet3.xml")).toBe("worksheets/sheet3.xml");
    expect(relativeTarget("", "docProps/custom.xml")).toBe("docProps/custom.xml");
  });
});

describe("big tables are streamed", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "optima-xlsx-big-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("a 200 000-row table is written in bounded chunks and read back whole", async () => {
    const n = 200_000;
    const rows: CellValue[][] = [];
    for (let i = 0; i < n; i++) rows.push(["Mandats", i + 2, i % 5 === 0 ? { text: true, value: `=CMD|' /C calc'!A${i}` } : `motif ${i}`, i % 3 === 0 ? "Rejetée" : "Avertissement"]);
    const big = sheet({
      tables: [{ name: "tblGros", row: 2, col: 0, style: "TableStyleMedium2", rows, columns: ["table", "row", "reason", "severity"].map((k) => ({ key: k, header: k })) }],
      blocks: [{ row: 0, col: 0, values: [["Anomalies"]], style: "title" }],
      conditionalFormats: [{ range: { r1: 3, c1: 3, r2: n + 2, c2: 3 }, type: "cellValue", operator: "equal", formula1: '"Rejetée"', style: "kpiAlert" }],
      frozen: { rows: 3, cols: 0 },
    });
    const cells = new SheetCells(big);
    const reg = new StyleRegistry();
    cells.register(reg);
    reg.dxf("kpiAlert");
    reg.merge();
    let chunks = 0;
    let longest = 0;
    for (const c of worksheetXml(big, { cells, styles: reg, tableRelIds: ["rId1"], sheetNames: new Map() })) {
      chunks++;
      longest = Math.max(longest, c.length);
    }
    expect(chunks).toBeGreaterThan(100);
    expect(longest).toBeLessThan(70_000);

    const spec: WorkbookSpec = { version: "0.1.0", lang: "fr", stamp, sheets: [big] };
    const out = path.join(dir, "gros.xlsx");
    await writeWorkbook(spec, out);
    const book = await openXlsx(out);
    expect(book.sheets[0].tables[0]).toMatchObject({ name: "tblGros", ref: `A3:D${n + 3}` });
    let count = 0;
    let last: Cell[] = [];
    let formulaLike = 0;
    await book.readRows("Anomalies", (row, r) => {
      if (r >= 4) count++;
      if (typeof row[2] === "string" && row[2].startsWith("=CMD")) formulaLike++;
      last = row;
    });
    expect(count).toBe(n);
    expect(formulaLike).toBe(n / 5);
    expect(last).toEqual(["Mandats", n + 1, `motif ${n - 1}`, "Avertissement"]);
  }, 60_000);
});

describe("spec checks before writing", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "optima-xlsx-check-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const table = { name: "tblX", row: 2, col: 0, style: "TableStyleMedium2" as const, rows: [[1, 2]], columns: [{ key: "a", header: "A" }, { key: "b", header: "B" }] };

  test.each([
    ["a table over merged cells", sheet({ tables: [table], merges: [{ r1: 3, c1: 1, r2: 3, c2: 2 }] }), /chevauche des cellules fusionnées/],
    ["duplicate headers", sheet({ tables: [{ ...table, columns: [{ key: "a", header: "A" }, { key: "b", header: "a" }] }] }), /En-têtes vides ou en double/],
    ["an invalid table name", sheet({ tables: [{ ...table, name: "A1" }] }), /Nom de tableau invalide/],
    ["an invalid sheet name", sheet({ name: "a/b" }), /Nom de feuille invalide/],
  ])("%s is refused and nothing is written", async (_what, s, message) => {
    const out = path.join(dir, "x.xlsx");
    await expect(writeWorkbook({ version: "0.1.0", lang: "fr", stamp, sheets: [s] }, out)).rejects.toThrow(message);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
