/**
 * Policy documents in Excel (issue #14): the Office.js renderer writes them as the user's sheets —
 * no ownership anchor, no registry entry — keeps them on a normal run and writes "(v2)" beside on
 * a new request.
 */
import { ExcelWorkbookGateway } from "../../src/excel/excel-gateway";
import { REGISTRY_SETTING } from "../../src/excel/ownership";
import { buildDocumentSheets } from "../../src/report/documents";
import type { WorkbookSpec } from "../../src/report/spec";
import { buildWorkbookSpec } from "../../src/report/workbook";
import { richAnalysis } from "../report/fixture";
import { FakeExcel } from "./fake-excel";

const RUN = { runDate: "2026-01-15", sources: ["Mandats"] };
const analysis = richAnalysis();
const base = (): WorkbookSpec => buildWorkbookSpec(analysis, RUN);
const withDocs = (): WorkbookSpec => {
  const s = base();
  return { ...s, sheets: [...s.sheets, ...buildDocumentSheets(analysis, RUN).sheets] };
};

describe("document sheets rendered in Excel", () => {
  const fake = new FakeExcel({});
  fake.addSheet("Mandats", [["Date", "Fournisseur", "Montant"], [45658, "Alpha", 100]]);
  const gateway = new ExcelWorkbookGateway({ host: fake.host() });

  it("writes them without an ownership anchor or registry entry", async () => {
    await gateway.writeWorkbook(withDocs());
    expect(fake.sheetNames()).toEqual(expect.arrayContaining(["Charte de déontologie", "Code des fournisseurs"]));
    const names = fake.names.map((n) => n.name);
    expect(names.some((n) => /own_(charte|codeFournisseurs)$/.test(n))).toBe(false);
    expect(names.some((n) => /own_dashboard$/.test(n))).toBe(true);
    const registry = JSON.stringify([...fake.settings].find(([k]) => k === REGISTRY_SETTING));
    expect(registry).not.toContain("charte");
    const owned = await gateway.listOwnedSheets();
    expect(owned.map((o) => o.key)).not.toContain("charte");
  });

  it("keeps them as they are on a normal run", async () => {
    const before = fake.sheet("Charte de déontologie")!.snapshot();
    await gateway.writeWorkbook(base());
    expect(fake.sheet("Charte de déontologie")!.snapshot()).toEqual(before);
    expect(fake.sheetNames().filter((n) => n.startsWith("Charte"))).toEqual(["Charte de déontologie"]);
  });

  it("writes '(v2)' beside them on a new request", async () => {
    const before = fake.sheet("Charte de déontologie")!.snapshot();
    await gateway.writeWorkbook(withDocs());
    expect(fake.sheetNames().filter((n) => n.startsWith("Charte") || n.startsWith("Code des"))).toEqual([
      "Charte de déontologie",
      "Code des fournisseurs",
      "Charte de déontologie (v2)",
      "Code des fournisseurs (v2)",
    ]);
    expect(fake.sheet("Charte de déontologie")!.snapshot()).toEqual(before);
  });
});
