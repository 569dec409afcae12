/**
 * Policy documents in the .xlsx output (issue #14): written on request, the user's sheets once
 * written — a normal re-run keeps them byte for byte, a new request writes "(v2)" beside them.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { openExisting } from "../../src/file/xlsx-writer/existing";
import { writeWorkbook } from "../../src/file/write-workbook";
import { buildDocumentSheets } from "../../src/report/documents";
import { buildWorkbookSpec } from "../../src/report/workbook";
import type { WorkbookSpec } from "../../src/report/spec";
import { richAnalysis } from "../report/fixture";
import { makeTempDir } from "./helpers";
import { sheetsOf, unzipFile, partsOf } from "./xlsx-writer-helpers";

const RUN = { runDate: "2026-11-22", sources: ["Mandats"] };

function withDocuments(spec: WorkbookSpec): WorkbookSpec {
  const docs = buildDocumentSheets(richAnalysis(), RUN);
  return { ...spec, sheets: [...spec.sheets, ...docs.sheets] };
}

describe("document sheets written by the .xlsx writer", () => {
  const tmp = makeTempDir("optima-docs-");
  afterAll(() => tmp.cleanup());
  const file = path.join(tmp.dir, "rapport.xlsx");
  const analysisSpec = () => buildWorkbookSpec(richAnalysis(), RUN);
  let firstCharte: Uint8Array;

  beforeAll(async () => {
    await writeWorkbook(withDocuments(analysisSpec()), file, { existing: true });
  });

  it("writes both documents beside the analysis sheets, not recorded as owned", async () => {
    const names = sheetsOf(partsOf(file)).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["Charte de déontologie", "Code des fournisseurs", "Tableau de bord"]));
    const pkg = await openExisting(file);
    expect(pkg.owned.has("charte")).toBe(false);
    expect(pkg.owned.has("codeFournisseurs")).toBe(false);
    expect(pkg.owned.has("dashboard")).toBe(true);
    const charte = sheetsOf(partsOf(file)).find((s) => s.name === "Charte de déontologie")!;
    firstCharte = unzipFile(file)[charte.part];
    expect(new TextDecoder().decode(firstCharte)).toContain("<sheetData>");
  });

  it("keeps them untouched when the analysis runs again without --documents", async () => {
    await writeWorkbook(analysisSpec(), file, { existing: true });
    const sheets = sheetsOf(partsOf(file));
    expect(sheets.filter((s) => s.name.startsWith("Charte de déontologie")).map((s) => s.name)).toEqual([
      "Charte de déontologie",
    ]);
    const charte = sheets.find((s) => s.name === "Charte de déontologie")!;
    expect(Buffer.from(unzipFile(file)[charte.part]).equals(Buffer.from(firstCharte))).toBe(true);
  });

  it("writes a new version '(v2)' beside them when asked again, the first one unchanged", async () => {
    await writeWorkbook(withDocuments(analysisSpec()), file, { existing: true });
    const sheets = sheetsOf(partsOf(file));
    const names = sheets.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining(["Charte de déontologie", "Charte de déontologie (v2)", "Code des fournisseurs", "Code des fournisseurs (v2)"]),
    );
    const charte = sheets.find((s) => s.name === "Charte de déontologie")!;
    expect(Buffer.from(unzipFile(file)[charte.part]).equals(Buffer.from(firstCharte))).toBe(true);
    const pkg = await openExisting(file);
    expect([...pkg.owned.keys()].some((k) => k === "charte" || k === "codeFournisseurs")).toBe(false);
  });

  it("is not taken for one of ours in a workbook without ownership record (no stamp in rows 1–2)", async () => {
    const raw = unzipFile(file);
    // Drop the custom properties (the ownership record), as a workbook re-saved by another tool.
    const customPart = Object.keys(raw).find((p) => /docProps\/custom\.xml$/.test(p))!;
    const props = new TextDecoder().decode(raw[customPart]).replace(/<property [^>]*name="optima\.ownedSheets"[\s\S]*?<\/property>/, "");
    raw[customPart] = new TextEncoder().encode(props);
    const { zipSync } = await import("fflate");
    const copy = path.join(tmp.dir, "sans-record.xlsx");
    fs.writeFileSync(copy, zipSync(raw));
    const pkg = await openExisting(copy);
    expect(pkg.owned.get("dashboard")?.recorded).toBe(false); // recognised by name and stamp, not by record
    expect(pkg.owned.has("charte")).toBe(false);
  });
});
