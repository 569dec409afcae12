/**
 * The written workbooks open in LibreOffice: `soffice --headless --convert-to pdf` succeeds on a
 * new workbook (real analysis) and on an updated one (with a user's sheet and chart), and page 1
 * (the Sommaire) is rendered to test-output/xlsx-writer/premiere-page.png as an artefact (every
 * page of every sheet: tests/render/workbook-render.test.ts).
 *
 * Needs LibreOffice Calc and poppler-utils (installed by .ci/run): without them this test fails,
 * it is never skipped.
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readOwnedInputs, writeWorkbook } from "../../src/file/write-workbook";
import { readUserInputs } from "../../src/report/inputs";
import { buildWorkbookSpec } from "../../src/report/workbook";
import { addUserSheet, demoAnalysis, RUN } from "./xlsx-writer-helpers";

const ARTEFACTS = path.join(__dirname, "..", "..", "test-output", "xlsx-writer");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "optima-xlsx-lo-"));
const profile = path.join(dir, "lo-profile");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function need(tool: string, pkg: string): string {
  const found = spawnSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" }).stdout.trim();
  if (!found) throw new Error(`${tool} introuvable : installez le paquet Debian ${pkg} (apt-get install -y ${pkg}, fait par .ci/run).`);
  return found;
}

/** soffice --headless --convert-to pdf, in a profile of its own; returns the PDF path. */
function toPdf(xlsx: string): string {
  const soffice = need("soffice", "libreoffice-calc");
  const outDir = path.join(dir, `pdf-${path.basename(xlsx, ".xlsx")}`);
  fs.mkdirSync(outDir, { recursive: true });
  const r = spawnSync(soffice, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outDir, xlsx], {
    encoding: "utf8",
    timeout: 240_000,
  });
  const pdf = path.join(outDir, `${path.basename(xlsx, ".xlsx")}.pdf`);
  if (r.status !== 0 || !fs.existsSync(pdf)) throw new Error(`soffice a échoué (${r.status}) : ${r.stdout}\n${r.stderr}`);
  return pdf;
}

function pages(pdf: string): number {
  need("pdfinfo", "poppler-utils");
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

const analysis = demoAnalysis();
const spec = buildWorkbookSpec(analysis, RUN);

test("LibreOffice converts the new workbook to PDF; page 1 (Sommaire) is kept as a PNG", async () => {
  const file = path.join(dir, "analyse.xlsx");
  await writeWorkbook(spec, file);
  const pdf = toPdf(file);
  expect(fs.readFileSync(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(pages(pdf)).toBeGreaterThanOrEqual(spec.sheets.length);
  need("pdftoppm", "poppler-utils");
  fs.mkdirSync(ARTEFACTS, { recursive: true });
  const png = path.join(ARTEFACTS, "premiere-page");
  execFileSync("pdftoppm", ["-f", "1", "-l", "1", "-r", "110", "-png", "-singlefile", pdf, png]);
  const bytes = fs.readFileSync(`${png}.png`);
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  expect(bytes.length).toBeGreaterThan(20_000);
}, 300_000);

test("LibreOffice converts an updated workbook (user sheet and chart kept) to PDF", async () => {
  const file = path.join(dir, "mise-a-jour.xlsx");
  await writeWorkbook(spec, file);
  addUserSheet(file);
  const inputs = readUserInputs(await readOwnedInputs(file));
  await writeWorkbook(buildWorkbookSpec(analysis, { ...RUN, previousInputs: inputs }), file, { existing: true });
  const pdf = toPdf(file);
  expect(pages(pdf)).toBeGreaterThanOrEqual(spec.sheets.length + 1);
}, 300_000);

test("printed, the dashboard fits 2 A4 landscape pages, one page wide (issue #12: not 63 pages); pages kept as PNG", async () => {
  // The dashboard alone, as a workbook: LibreOffice applies its print setup (area, fit to width).
  const dashboard = { ...spec, sheets: spec.sheets.filter((s) => s.key === "dashboard") };
  const file = path.join(dir, "tableau-de-bord.xlsx");
  await writeWorkbook(dashboard, file);
  const pdf = toPdf(file);
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  // A4 landscape: 841.89 × 595.28 pt.
  expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts/);
  // The grid of tiles, then the charts (a manual page break): 2 pages (63 at 100 % before).
  const n = pages(pdf);
  expect(n).toBeGreaterThanOrEqual(1);
  expect(n).toBeLessThanOrEqual(2);
  fs.mkdirSync(ARTEFACTS, { recursive: true });
  execFileSync("pdftoppm", ["-r", "80", "-png", pdf, path.join(ARTEFACTS, "impression-tableau-de-bord")]);
  const pngs = fs.readdirSync(ARTEFACTS).filter((f) => f.startsWith("impression-tableau-de-bord") && f.endsWith(".png"));
  expect(pngs).toHaveLength(n);
}, 300_000);
