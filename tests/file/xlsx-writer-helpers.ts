/**
 * Helpers of the .xlsx writer tests: specs from a real analysis, reading the written package back
 * part by part, and editing a package the way a user (Excel) would — a sheet of their own with a
 * chart, shared strings, values typed into our input cells.
 */
import * as fs from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { analyse, type Analysis } from "../../src/core/analyse";
import { detectTable } from "../../src/core/detect";
import { runIntake, type MappedTable } from "../../src/core/intake";
import type { RawTable } from "../../src/core/model";
import { elementsOf } from "../../src/ooxml/xml";
import { buildWorkbookSpec } from "../../src/report/workbook";
import type { WorkbookSpec } from "../../src/report/spec";
import { generateDemo } from "../../scripts/demo/generate";

export const RUN = { runDate: "2026-11-05", sources: ["Mandats", "Marches", "Entites", "Nomenclature", "Fournisseurs"] };

function mapped(t: RawTable): MappedTable {
  const d = detectTable(t);
  if (!d.kind) throw new Error(`table ${t.name} non reconnue`);
  return { table: t, kind: d.kind, headerRowIndex: d.headerRowIndex, mapping: d.mapping };
}

/** A real analysis of the demo data (generator → detection → intake → analyse). */
export function demoAnalysis(spendLines = 3000, contracts = 150): Analysis {
  const demo = generateDemo({ spendLines, contracts });
  const tables = [demo.spend, demo.contracts, demo.entities, demo.nomenclature, demo.suppliers].map((t) =>
    mapped({ name: t.name, sheet: t.sheet, rows: t.rows, firstRow: t.firstRow }),
  );
  return analyse(runIntake(tables));
}

export function demoSpec(analysis: Analysis = demoAnalysis()): WorkbookSpec {
  return buildWorkbookSpec(analysis, RUN);
}

/** Every part of a package, as bytes. */
export function unzipFile(file: string): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(fs.readFileSync(file)));
}

/** Every part of a package, as text (binary parts are not expected in our files). */
export function partsOf(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(unzipFile(file))) out[name] = strFromU8(bytes);
  return out;
}

/** Relationships of a part: id → { type, target (resolved part name) }. */
export function relsOf(parts: Record<string, string>, part: string): Map<string, { type: string; target: string }> {
  const slash = part.lastIndexOf("/");
  const relsPart = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const out = new Map<string, { type: string; target: string }>();
  const xml = parts[relsPart];
  if (!xml) return out;
  for (const r of elementsOf(xml, "Relationship")) {
    const segs = r.Target.startsWith("/") ? [] : part.split("/").slice(0, -1);
    for (const s of r.Target.replace(/^\/+/, "").split("/")) {
      if (s === "..") segs.pop();
      else if (s !== "." && s !== "") segs.push(s);
    }
    out.set(r.Id, { type: r.Type, target: segs.join("/") });
  }
  return out;
}

/** Sheets of the workbook in order: name, sheetId, part. */
export function sheetsOf(parts: Record<string, string>): { name: string; sheetId: number; part: string; state?: string }[] {
  const rels = relsOf(parts, "xl/workbook.xml");
  return elementsOf(parts["xl/workbook.xml"], "sheet").map((s) => ({
    name: s.name,
    sheetId: Number(s.sheetId),
    part: rels.get(s["r:id"])!.target,
    ...(s.state ? { state: s.state } : {}),
  }));
}

/** The `<c>` element of a cell, or null. */
export function cellElement(sheetXml: string, ref: string): string | null {
  const m = new RegExp(`<c r="${ref}"(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</c>)`).exec(sheetXml);
  return m ? m[0] : null;
}

const BUILTIN: Record<number, string> = { 0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 49: "@" };

/** Number format code of a cell (through its cellXfs entry). */
export function numFmtOf(parts: Record<string, string>, sheetPart: string, ref: string): string {
  const c = cellElement(parts[sheetPart], ref);
  if (!c) throw new Error(`cellule ${ref} absente`);
  const s = Number(/\ss="(\d+)"/.exec(c)?.[1] ?? 0);
  const styles = parts["xl/styles.xml"];
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1];
  const xf = elementsOf(cellXfs, "xf")[s];
  const id = Number(xf.numFmtId);
  if (id in BUILTIN) return BUILTIN[id];
  const f = elementsOf(styles, "numFmt").find((n) => Number(n.numFmtId) === id);
  if (!f) throw new Error(`numFmt ${id} absent`);
  return f.formatCode;
}

/** Replaces a cell's content (keeping its style): inner XML such as `<v>2</v>`, and its type. */
export function setCell(sheetXml: string, ref: string, inner: string, type?: "s" | "str" | "b"): string {
  const old = cellElement(sheetXml, ref);
  if (!old) throw new Error(`cellule ${ref} absente`);
  const s = /\ss="(\d+)"/.exec(old)?.[1];
  return sheetXml.replace(old, `<c r="${ref}"${s ? ` s="${s}"` : ""}${type ? ` t="${type}"` : ""}>${inner}</c>`);
}

/** Row (1-based) of the cell in column A holding this text. */
export function rowOfKey(sheetXml: string, key: string): number {
  const m = new RegExp(`<c r="A(\\d+)"[^>]*t="inlineStr"><is><t>${key.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}</t></is></c>`).exec(sheetXml);
  if (!m) throw new Error(`clé ${key} absente`);
  return Number(m[1]);
}

export const USER_SHEET = "Mes notes";
export const USER_STRINGS = ["Poste", "Montant", "Fournitures", "Services", "Mme Martin"];

/**
 * Edits a written workbook like a user in Excel: a sheet of their own ("Mes notes", in second
 * position) with a bar chart of its cells, a sharedStrings part, and `edit(parts)` for values
 * typed into our sheets (shared string 4 is "Mme Martin").
 */
export function addUserSheet(file: string, edit: (parts: Record<string, string>) => void = () => undefined): void {
  const bin = unzipFile(file);
  const parts: Record<string, string> = {};
  for (const [k, v] of Object.entries(bin)) parts[k] = strFromU8(v);
  const M = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const PR = "http://schemas.openxmlformats.org/package/2006/relationships";
  const decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  parts["xl/sharedStrings.xml"] =
    decl + `<sst xmlns="${M}" count="${USER_STRINGS.length}" uniqueCount="${USER_STRINGS.length}">${USER_STRINGS.map((s) => `<si><t>${s}</t></si>`).join("")}</sst>`;
  parts["xl/worksheets/sheet99.xml"] =
    decl +
    `<worksheet xmlns="${M}" xmlns:r="${R}"><sheetData>` +
    `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>` +
    `<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>42</v></c></row>` +
    `<row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3"><v>58</v></c></row>` +
    `</sheetData><drawing r:id="rId1"/></worksheet>`;
  parts["xl/worksheets/_rels/sheet99.xml.rels"] =
    decl + `<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/drawing" Target="../drawings/drawing99.xml"/></Relationships>`;
  parts["xl/drawings/drawing99.xml"] =
    decl +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `<xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Mon graphique"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;
  parts["xl/drawings/_rels/drawing99.xml.rels"] =
    decl + `<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/chart" Target="../charts/chart99.xml"/></Relationships>`;
  parts["xl/charts/chart99.xml"] =
    decl +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}">` +
    `<c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>'${USER_SHEET}'!$A$2:$A$3</c:f></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>'${USER_SHEET}'!$B$2:$B$3</c:f></c:numRef></c:val></c:ser>` +
    `<c:axId val="1"/><c:axId val="2"/></c:barChart>` +
    `<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>` +
    `<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx>` +
    `</c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;
  // Workbook: the user's sheet in second position, its relationship, shared strings.
  const wbRels = "xl/_rels/workbook.xml.rels";
  parts[wbRels] = parts[wbRels].replace(
    "</Relationships>",
    `<Relationship Id="rIdUser1" Type="${R}/worksheet" Target="worksheets/sheet99.xml"/><Relationship Id="rIdUser2" Type="${R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  const wb = parts["xl/workbook.xml"];
  const firstSheetEnd = wb.indexOf("/>", wb.indexOf("<sheet ")) + 2;
  parts["xl/workbook.xml"] = wb.slice(0, firstSheetEnd) + `<sheet name="${USER_SHEET}" sheetId="99" r:id="rIdUser1"/>` + wb.slice(firstSheetEnd);
  const ct = "[Content_Types].xml";
  parts[ct] = parts[ct].replace(
    "</Types>",
    `<Override PartName="/xl/worksheets/sheet99.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/drawings/drawing99.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>` +
      `<Override PartName="/xl/charts/chart99.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  );
  edit(parts);
  const out: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(parts)) out[k] = strToU8(v);
  fs.writeFileSync(file, zipSync(out));
}
