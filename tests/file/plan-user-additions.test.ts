/**
 * Issue #13, item 5: the Plan stratégique belongs to the user once written. What the user added
 * to it that reading the inputs back does not carry over — a chart, a comment on a cell, a note
 * typed outside our cells, a formula typed in an input cell — is never dropped on an update: the
 * old sheet is kept as it was under another name, the new plan is written beside it (with the
 * user's entries), and the write report says so in French.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readOwnedInputs, writeWorkbook } from "../../src/file/write-workbook";
import { columnLetter } from "../../src/report/a1";
import { fieldCol, PLAN_LAYOUT } from "../../src/report/input-layout";
import { readUserInputs } from "../../src/report/inputs";
import type { WorkbookSpec } from "../../src/report/spec";
import { buildWorkbookSpec } from "../../src/report/workbook";
import { richAnalysis } from "../report/fixture";
import { cellElement, demoAnalysis, partsOf, relsOf, rowOfKey, setCell, sheetsOf } from "./xlsx-writer-helpers";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "optima-plan-additions-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const RUN = { runDate: "2026-01-15", sources: ["Mandats", "Marches", "Entites"] };
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PR = "http://schemas.openxmlformats.org/package/2006/relationships";
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

type Edit = "value" | "comment" | "chart" | "note" | "formula";

const spec: WorkbookSpec = buildWorkbookSpec(richAnalysis(), RUN);
const PLAN = spec.sheets.find((s) => s.key === "plan")!.name;
const OWNER_COL = columnLetter(fieldCol(PLAN_LAYOUT.actions, "owner"));

function planPart(parts: Record<string, string>, name = PLAN): string {
  return sheetsOf(parts).find((s) => s.name === name)!.part;
}

function relsPath(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function addRel(parts: Record<string, string>, part: string, id: string, type: string, target: string): void {
  const rp = relsPath(part);
  const rel = `<Relationship Id="${id}" Type="${R}/${type}" Target="${target}"/>`;
  parts[rp] = parts[rp] ? parts[rp].replace("</Relationships>", `${rel}</Relationships>`) : `${DECL}<Relationships xmlns="${PR}">${rel}</Relationships>`;
}

function addOverride(parts: Record<string, string>, part: string, type: string): void {
  parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace("</Types>", `<Override PartName="/${part}" ContentType="${type}"/></Types>`);
}

/** Inserts an element of the worksheet before `before` (or at the end), as Excel orders them. */
function insertInSheet(xml: string, element: string, before: string[]): string {
  for (const b of before) {
    const i = xml.indexOf(`<${b}`);
    if (i >= 0) return xml.slice(0, i) + element + xml.slice(i);
  }
  return xml.replace("</worksheet>", `${element}</worksheet>`);
}

/** A user's edit of the plan sheet, at the package level (what Excel would save). */
function edit(parts: Record<string, string>, what: Edit): void {
  const part = planPart(parts);
  const row = rowOfKey(parts[part], "actions/F:INFO");
  const owner = `${OWNER_COL}${row}`;
  switch (what) {
    case "value":
      parts[part] = setCell(parts[part], owner, `<is><t>Mme Martin</t></is>`, "inlineStr" as "str");
      return;
    case "formula":
      // A formula typed in an input cell; its cached value is what readUserInputs reads.
      parts[part] = setCell(parts[part], owner, `<f>"Mme "&amp;"Martin"</f><v>Mme Martin</v>`, "str");
      return;
    case "note": {
      // A value typed in an empty row under everything we write, in column B.
      const last = Math.max(...[...parts[part].matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1])));
      const r = last + 3;
      parts[part] = parts[part].replace("</sheetData>", `<row r="${r}"><c r="B${r}" t="inlineStr"><is><t>Voir avec la DGS en mars</t></is></c></row></sheetData>`);
      return;
    }
    case "comment": {
      parts["xl/comments91.xml"] =
        DECL +
        `<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Mme Martin</author></authors>` +
        `<commentList><comment ref="${owner}" authorId="0"><text><r><t>À confirmer en commission</t></r></text></comment></commentList></comments>`;
      parts["xl/drawings/vmlDrawing91.vml"] =
        `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
        `<v:shape type="#_x0000_t202" style="position:absolute;visibility:hidden"><x:ClientData ObjectType="Note"><x:Row>${row - 1}</x:Row><x:Column>${fieldCol(PLAN_LAYOUT.actions, "owner")}</x:Column></x:ClientData></v:shape></xml>`;
      addRel(parts, part, "rIdUserC", "comments", "../comments91.xml");
      addRel(parts, part, "rIdUserV", "vmlDrawing", "../drawings/vmlDrawing91.vml");
      addOverride(parts, "xl/comments91.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml");
      if (!/Extension="vml"/.test(parts["[Content_Types].xml"]))
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace("<Override", `<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Override`);
      parts[part] = insertInSheet(parts[part], `<legacyDrawing r:id="rIdUserV"/>`, ["tableParts", "extLst"]);
      return;
    }
    case "chart": {
      parts["xl/drawings/drawing91.xml"] =
        DECL +
        `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
        `<xdr:twoCellAnchor><xdr:from><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>5</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:to><xdr:col>16</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Suivi du plan"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
        `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;
      parts["xl/drawings/_rels/drawing91.xml.rels"] = DECL + `<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/chart" Target="../charts/chart91.xml"/></Relationships>`;
      parts["xl/charts/chart91.xml"] =
        DECL +
        `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}">` +
        `<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>Suivi du plan</a:t></a:r></a:p></c:rich></c:tx></c:title><c:plotArea><c:layout/></c:plotArea></c:chart></c:chartSpace>`;
      addRel(parts, part, "rIdUserD", "drawing", "../drawings/drawing91.xml");
      addOverride(parts, "xl/drawings/drawing91.xml", "application/vnd.openxmlformats-officedocument.drawing+xml");
      addOverride(parts, "xl/charts/chart91.xml", "application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
      parts[part] = insertInSheet(parts[part], `<drawing r:id="rIdUserD"/>`, ["legacyDrawing", "tableParts", "extLst"]);
      return;
    }
  }
}

async function writeEditUpdate(name: string, edits: Edit[]) {
  const out = path.join(dir, `${name}.xlsx`);
  await writeWorkbook(spec, out);
  const bin = unzipSync(new Uint8Array(fs.readFileSync(out)));
  const parts: Record<string, string> = {};
  for (const [k, v] of Object.entries(bin)) parts[k] = strFromU8(v);
  for (const e of edits) edit(parts, e);
  const zipped: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(parts)) zipped[k] = strToU8(v);
  fs.writeFileSync(out, zipSync(zipped));
  const before = partsOf(out);
  const inputs = readUserInputs(await readOwnedInputs(out));
  const report = await writeWorkbook(buildWorkbookSpec(richAnalysis(), { ...RUN, previousInputs: inputs }), out, { existing: true });
  return { out, before, after: partsOf(out), report, inputs };
}

const KEPT = `${PLAN} (ancien)`;

describe("user additions on the Plan stratégique survive an update", () => {
  test("control: values typed in input cells only — the plan is rewritten in place, no copy, no message", async () => {
    const { after, report } = await writeEditUpdate("values", ["value"]);
    expect(report.preservedSheets).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(sheetsOf(after).map((s) => s.name)).not.toContain(KEPT);
    expect(readUserInputs(await readOwnedInputs(path.join(dir, "values.xlsx"))).plan["actions/F:INFO"]).toEqual({ owner: "Mme Martin" });
  });

  test.each<[Edit, RegExp]>([
    ["comment", /commentaires/],
    ["chart", /graphique ou image/],
    ["note", /saisie hors des cellules de l'outil \(B\d+\)/],
    ["formula", new RegExp(`formule dans des cellules de saisie \\(${OWNER_COL}\\d+\\)`)],
  ])("a %s: the old plan is kept as it was, the new one written beside it, and the report says so", async (what, said) => {
    const { before, after, report } = await writeEditUpdate(what, [what]);
    expect(report.preservedSheets).toEqual([{ from: PLAN, to: KEPT }]);
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toContain(`« ${PLAN} »`);
    expect(report.warnings[0]).toContain(`« ${KEPT} »`);
    expect(report.warnings[0]).toMatch(said);
    const sheets = sheetsOf(after);
    const oldPart = planPart(before);
    const kept = sheets.find((s) => s.name === KEPT)!;
    // The kept sheet is the old part, byte for byte, with its relationships.
    expect(kept.part).toBe(oldPart);
    expect(after[oldPart]).toBe(before[oldPart]);
    expect(after[relsPath(oldPart)]).toBe(before[relsPath(oldPart)]);
    // A fresh plan, another part.
    const fresh = sheets.find((s) => s.name === PLAN)!;
    expect(fresh.part).not.toBe(oldPart);
  });

  test("all four together: the chart, the comment with its VML shape, the note and the formula are all in the kept sheet", async () => {
    const { before, after, report } = await writeEditUpdate("all", ["comment", "chart", "note", "formula"]);
    const oldPart = planPart(before);
    expect(planPart(after, KEPT)).toBe(oldPart);
    const rels = [...relsOf(after, oldPart).values()];
    const target = (type: string) => rels.find((r) => r.type.endsWith(`/${type}`))!.target;
    expect(after[target("comments")]).toContain("À confirmer en commission");
    expect(after[target("vmlDrawing")]).toContain('ObjectType="Note"');
    const drawing = target("drawing");
    expect(after[drawing]).toContain("Suivi du plan");
    expect(after[[...relsOf(after, drawing).values()][0].target]).toContain("Suivi du plan");
    expect(after[oldPart]).toContain("Voir avec la DGS en mars");
    const row = rowOfKey(after[oldPart], "actions/F:INFO");
    expect(cellElement(after[oldPart], `${OWNER_COL}${row}`)).toContain(`<f>"Mme "&amp;"Martin"</f>`);
    // Content types still declare the kept parts.
    expect(after["[Content_Types].xml"]).toContain("/xl/comments91.xml");
    expect(after["[Content_Types].xml"]).toContain("/xl/charts/chart91.xml");
    expect(report.warnings[0]).toMatch(/commentaires.*graphique ou image|graphique ou image.*commentaires/);
  });

  test("the new plan carries the user's entries (the formula's value), and the next update does not copy it again", async () => {
    const { out } = await writeEditUpdate("twice", ["formula"]);
    const inputs = readUserInputs(await readOwnedInputs(out));
    expect(inputs.plan["actions/F:INFO"]).toEqual({ owner: "Mme Martin" });
    const again = await writeWorkbook(buildWorkbookSpec(richAnalysis(), { ...RUN, previousInputs: inputs }), out, { existing: true });
    expect(again.preservedSheets).toEqual([]);
    expect(again.warnings).toEqual([]);
    const names = sheetsOf(partsOf(out)).map((s) => s.name);
    expect(names.filter((n) => n === KEPT)).toHaveLength(1);
    expect(names.filter((n) => n.startsWith(`${PLAN} (ancien`))).toHaveLength(1);
  });
});

describe("our own cells are not taken for the user's", () => {
  test("a plan written from other data (another layout, rows moved or gone) is rewritten in place when the user added nothing", async () => {
    const out = path.join(dir, "other-data.xlsx");
    await writeWorkbook(buildWorkbookSpec(demoAnalysis(3000, 150), RUN), out);
    const inputs = readUserInputs(await readOwnedInputs(out));
    const report = await writeWorkbook(buildWorkbookSpec(richAnalysis(), { ...RUN, previousInputs: inputs }), out, { existing: true });
    expect(report.preservedSheets).toEqual([]);
    expect(report.warnings).toEqual([]);
    // And the other way round (the rich plan over the demo one).
    const back = await writeWorkbook(buildWorkbookSpec(demoAnalysis(3000, 150), RUN), out, { existing: true });
    expect(back.preservedSheets).toEqual([]);
    expect(back.warnings).toEqual([]);
    // The two layouts really differ (otherwise the test would prove nothing).
    const rows = (r: typeof report) => r.sheets.find((x) => x.key === "plan")!.rows;
    expect(rows(back)).not.toBe(rows(report));
  });
});
