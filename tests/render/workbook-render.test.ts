/**
 * Render test of every sheet (issue #12): the demo analysis is written ONCE, converted ONCE by
 * LibreOffice (`soffice --headless --convert-to pdf`), and every page is kept as a PNG in
 * test-output/render/ (page-NN-<sheet>.png) with pages.json saying which sheet each page shows
 * (read from the page header, whose centre part is the sheet's name). Asserted: every sheet
 * prints, the Synthèse on exactly 1 page, the dashboard on at most 2 pages, the Plan stratégique at
 * a readable scale (printed columns ≤ 200 characters, page count by its rows), one page wide (the
 * page sizes are A4), and the sheets printed over a band of columns within their page budgets.
 *
 * Needs LibreOffice Calc and poppler-utils (installed by .ci/run): without them this test fails,
 * it is never skipped.
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { writeWorkbook } from "../../src/file/write-workbook";
import { buildWorkbookSpec } from "../../src/report/workbook";
import { demoAnalysis, RUN } from "../file/xlsx-writer-helpers";

const ARTEFACTS = path.join(__dirname, "..", "..", "test-output", "render");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "optima-render-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function need(tool: string, pkg: string): string {
  const found = spawnSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" }).stdout.trim();
  if (!found) throw new Error(`${tool} introuvable : installez le paquet Debian ${pkg} (apt-get install -y ${pkg}, fait par .ci/run).`);
  return found;
}

const spec = buildWorkbookSpec(demoAnalysis(), RUN);
/** Sheet of each page (1-based index → sheet key), from the pages' headers. */
let pageSheets: string[] = [];
let pageSizes: string[] = [];

beforeAll(() => {
  const soffice = need("soffice", "libreoffice-calc");
  need("pdftotext", "poppler-utils");
  need("pdftoppm", "poppler-utils");
  const file = path.join(dir, "rapport.xlsx");
  return writeWorkbook(spec, file).then(() => {
    const r = spawnSync(soffice, [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, file], {
      encoding: "utf8",
      timeout: 400_000,
    });
    const pdf = path.join(dir, "rapport.pdf");
    if (r.status !== 0 || !fs.existsSync(pdf)) throw new Error(`soffice a échoué (${r.status}) : ${r.stdout}\n${r.stderr}`);
    // Which sheet each page shows: the header's centre part is the sheet name (&A).
    const names = [...spec.sheets].sort((a, b) => b.name.length - a.name.length);
    const pages = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 << 20 }).split("\f");
    if (pages[pages.length - 1].trim() === "") pages.pop();
    // The header is among the first lines of text (a chart at the top of a page may come out
    // of pdftotext before it).
    pageSheets = pages.map((text) => {
      const head = text.split("\n").filter((l) => l.trim() !== "").slice(0, 3);
      for (const l of head) {
        const s = names.find((n) => l.includes(n.name));
        if (s) return s.key;
      }
      return "?";
    });
    const info = execFileSync("pdfinfo", ["-f", "1", "-l", String(pages.length), pdf], { encoding: "utf8" });
    pageSizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+ x [\d.]+)/g)].map((m) => m[1]);
    fs.rmSync(ARTEFACTS, { recursive: true, force: true });
    fs.mkdirSync(ARTEFACTS, { recursive: true });
    execFileSync("pdftoppm", ["-r", "70", "-png", pdf, path.join(dir, "page")]);
    const pngs = fs.readdirSync(dir).filter((f) => /^page-\d+\.png$/.test(f)).sort();
    pngs.forEach((f, i) => {
      const n = String(i + 1).padStart(2, "0");
      fs.copyFileSync(path.join(dir, f), path.join(ARTEFACTS, `page-${n}-${pageSheets[i] ?? "x"}.png`));
    });
    fs.copyFileSync(pdf, path.join(ARTEFACTS, "rapport.pdf"));
    fs.writeFileSync(path.join(ARTEFACTS, "pages.json"), JSON.stringify(pageSheets.map((sheet, i) => ({ page: i + 1, sheet, size: pageSizes[i] })), null, 1));
  });
}, 500_000);

const count = (key: string) => pageSheets.filter((k) => k === key).length;

test("every sheet prints, each page is named after its sheet in the header", () => {
  expect(pageSheets.length).toBeGreaterThanOrEqual(spec.sheets.length);
  for (const s of spec.sheets) expect({ sheet: s.key, pages: count(s.key) > 0 }).toEqual({ sheet: s.key, pages: true });
  expect(pageSheets).not.toContain("?");
  // Sheets print in workbook order, each on consecutive pages.
  const order = pageSheets.filter((k, i) => i === 0 || pageSheets[i - 1] !== k);
  expect(order).toEqual(spec.sheets.map((s) => s.key));
});

test("the Synthèse prints on exactly one A4 portrait page", () => {
  expect(count("synthese")).toBe(1);
  const i = pageSheets.indexOf("synthese");
  // A4 portrait: 595.28 × 841.89 pt.
  expect(pageSizes[i]).toMatch(/^595\.\d+ x 841\.\d+$/);
});

test("the dashboard prints on at most 2 A4 landscape pages (tiles, then charts)", () => {
  const n = count("dashboard");
  expect(n).toBeGreaterThanOrEqual(1);
  expect(n).toBeLessThanOrEqual(2);
  for (let i = 0; i < pageSheets.length; i++) if (pageSheets[i] === "dashboard") expect(pageSizes[i]).toMatch(/^841\.\d+ x 595\.\d+$/);
});

test("the Plan stratégique prints readable: A4 landscape pages, printed columns ≤ 200 characters", () => {
  // Its nine tables share the columns B to L (issue #12): at most 200 characters fitted onto the
  // ~145 characters of an A4 landscape page at 100 % keeps the scale ≥ 72 % (body text ≈ 8 pt).
  const plan = spec.sheets.find((s) => s.key === "plan")!;
  const area = plan.print!.area;
  let width = 0;
  for (let c = area.c1; c <= area.c2; c++) {
    const w = plan.columnWidths.find((x) => x.col === c);
    if (!w?.hidden) width += w?.width ?? 8.43;
  }
  expect(width).toBeLessThanOrEqual(200);
  const n = count("plan");
  const rows = area.r2 - area.r1 + 1;
  // Readable scale, measured on the render: an A4 landscape page (595 pt − 1.5 in of margins ≈
  // 487 pt) at ≥ 72 % holds at most 487 / (15 pt × 0.72) ≈ 45 rows of the default height, so the
  // plan takes at least rows / 50 pages (shrunk to fit ~580 characters, it took far fewer). Compact: on
  // average at least 15 rows a page (rows of at most ~3 wrapped lines).
  expect(n).toBeGreaterThanOrEqual(Math.ceil(rows / 50));
  expect(n).toBeLessThanOrEqual(Math.ceil(rows / 15));
  for (let i = 0; i < pageSheets.length; i++) if (pageSheets[i] === "plan") expect(pageSizes[i]).toMatch(/^841\.\d+ x 595\.\d+$/);
});

/**
 * Sheets printed over a band of columns (tests/report/print-band.test.ts: printed columns ≤ 200
 * characters, so a scale ≥ 72 %). Budgets, measured on this demo's render and on the
 * examples/achats-demo.xlsx one (20 004 lines, a larger case): Achats responsables 5 pages
 * there (summary and chart, RE1–RE6 per entity, AGEC and EGalim; the AGEC unclassified lines are
 * kept below the printed rows, they took 4 pages), Mutualisation 6 (eight tables of up to 34
 * rows; the long MU4 list below the printed rows), Analyse fournisseurs 3 (the class A head of
 * the list), Cartographie 3 (families, then the quadrant summary and its chart on a page of
 * their own), Indicateurs 5 (38 indicators of four wrapped texts each), Historique 3 (the view
 * of the indicators by period), Diagnostic 360 3 (24 questions on two pages, then the scores and
 * the radar on a page of their own: the radar was cut across pages at the larger scale).
 * Before, the same sheets took 9, 3, 4, 1, 3, 1 and 2 pages, most of them shrunk to 20–60 %.
 * Conformité 6 (the summary, CO1–CO5, PF4, PF6 and PF8's payment times; a list of more than 25
 * late invoices is kept below the printed rows: the 218 of examples/achats-demo.xlsx took 11
 * pages).
 */
const BANDED_BUDGETS: [string, number][] = [
  ["conformite", 6],
  ["responsable", 6],
  ["mutualisation", 7],
  ["fournisseurs", 3],
  ["cartographie", 3],
  ["indicateurs", 6],
  ["historique", 3],
  ["diagnostic", 3],
];

test.each(BANDED_BUDGETS)("%s prints readable on A4 landscape pages within its page budget (at most %i)", (key, budget) => {
  const sheet = spec.sheets.find((s) => s.key === key)!;
  const n = count(key);
  expect(n).toBeGreaterThanOrEqual(1);
  expect(n).toBeLessThanOrEqual(budget);
  // Not shrunk to fit few pages either: at ≥ 72 % an A4 landscape page (≈ 487 pt of rows) holds
  // at most 487 / (15 pt × 0.72) ≈ 45 rows of the default height, so at least rows / 50 pages.
  const area = sheet.print!.area;
  expect(n).toBeGreaterThanOrEqual(Math.ceil((area.r2 - area.r1 + 1) / 50));
  for (let i = 0; i < pageSheets.length; i++) if (pageSheets[i] === key) expect(pageSizes[i]).toMatch(/^841\.\d+ x 595\.\d+$/);
});

test("one PNG per page is kept in test-output/render", () => {
  const pngs = fs.readdirSync(ARTEFACTS).filter((f) => f.endsWith(".png"));
  expect(pngs).toHaveLength(pageSheets.length);
  for (const f of pngs) expect(fs.readFileSync(path.join(ARTEFACTS, f)).subarray(1, 4).toString("latin1")).toBe("PNG");
});
