/**
 * Writes the demo workbook examples/achats-demo.xlsx and the list of planted cases
 * examples/achats-demo.planted.json (`npm run demo:data`).
 *
 * Sheets: "Mandats" (plain range with two title rows and a blank row above the header, blank rows
 * inside and a "Total" row at the end, so that header detection and row skipping are exercised),
 * "Marchés" (Excel table "Marches"), "Entités", "Nomenclature", "Fournisseurs" (Excel tables).
 * The file is byte-for-byte reproducible: fixed document dates and the zip re-packed with fixed
 * entry times.
 *
 * Then the territorial demo (scripts/demo/territoires.ts): examples/achats-demo-territoires.xlsx
 * and examples/achats-demo-territoires.planted.json — one intercommunalité with four pôles,
 * Territoires, Qualité de service and an answered Attentes des territoires sheet.
 *
 * Options: --seed=N --lines=N --contracts=N --out=DIR (the first three for the main demo only);
 * --only=territoires writes the territorial demo alone.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { unzipSync, zipSync, type Zippable } from "fflate";
import type { Cell } from "../src/core/model";
import {
  AMOUNT_COLUMNS,
  DATE_COLUMNS,
  DEFAULT_CONTRACTS,
  DEFAULT_SEED,
  DEFAULT_SPEND_LINES,
  generateDemo,
  type DemoData,
  type DemoTable,
} from "./demo/generate";
import {
  DEFAULT_TERR_SEED,
  TERR_AMOUNT_COLUMNS,
  TERR_DATE_COLUMNS,
  TERR_EPCI,
  TERR_YEAR,
  generateTerritorialDemo,
} from "./demo/territoires";

const FIXED_DATE = new Date(Date.UTC(2026, 10, 1, 8, 0, 0));
const DATE_FMT = "dd/mm/yyyy";
const AMOUNT_FMT = '#,##0.00 "€"';
const INT_FMT = "#,##0";

function arg(name: string): string | undefined {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : undefined;
}

/** Values as ExcelJS expects them (undefined → null). */
function values(row: Cell[]): ExcelJS.CellValue[] {
  return row.map((v) => (v === undefined ? null : (v as ExcelJS.CellValue)));
}

function widthsFor(table: DemoTable, headerIndex: number, max = 48): number[] {
  const header = table.rows[headerIndex];
  return header.map((h, c) => {
    let w = String(h ?? "").length + 2;
    const sample = table.rows.slice(headerIndex + 1, headerIndex + 400);
    for (const r of sample) {
      const v = r[c];
      if (v === null || v === undefined) continue;
      w = Math.max(w, typeof v === "number" ? 12 : String(v).length + 1);
    }
    return Math.min(max, Math.max(8, w));
  });
}

function writeSpendSheet(wb: ExcelJS.Workbook, data: DemoData): void {
  const t = data.spend;
  const ws = wb.addWorksheet(t.sheet, { views: [{ state: "frozen", ySplit: 4, xSplit: 0 }] });
  const headerIndex = t.rows.findIndex((r) => r[0] === "Date mandat");
  const dateCols = new Set<number>(DATE_COLUMNS.spend);
  const amountCols = new Set<number>(AMOUNT_COLUMNS.spend);
  t.rows.forEach((r, i) => {
    const row = ws.addRow(values(r));
    if (i < headerIndex) {
      if (i === 0) row.getCell(1).font = { bold: true, size: 14 };
      else if (r[0] !== null) row.getCell(1).font = { italic: true };
      return;
    }
    if (i === headerIndex) {
      row.font = { bold: true };
      row.eachCell((c) => {
        c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
      });
      return;
    }
    for (const c of dateCols) if (typeof r[c] === "number") row.getCell(c + 1).numFmt = DATE_FMT;
    for (const c of amountCols) if (typeof r[c] === "number") row.getCell(c + 1).numFmt = AMOUNT_FMT;
    if (r[0] === "Total") row.font = { bold: true };
  });
  widthsFor(t, headerIndex).forEach((w, c) => {
    ws.getColumn(c + 1).width = w;
  });
  ws.getColumn(1).width = 12;
}

function writeTableSheet(wb: ExcelJS.Workbook, t: DemoTable, dateCols: readonly number[], amountCols: readonly number[], intCols: readonly number[] = []): void {
  const ws = wb.addWorksheet(t.sheet, { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
  const header = t.rows[0].map((h) => String(h));
  const style = (c: number): Partial<ExcelJS.Style> | undefined => {
    if (dateCols.includes(c)) return { numFmt: DATE_FMT };
    if (amountCols.includes(c)) return { numFmt: AMOUNT_FMT };
    if (intCols.includes(c)) return { numFmt: INT_FMT };
    return undefined;
  };
  ws.addTable({
    name: t.name,
    ref: "A1",
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: header.map((name, c) => ({ name, filterButton: true, style: style(c) })),
    rows: t.rows.slice(1).map(values),
  });
  widthsFor(t, 0).forEach((w, c) => {
    ws.getColumn(c + 1).width = w;
  });
}

/** A plain sheet of values (the Attentes des territoires questionnaire, in the report's layout). */
function writeGridSheet(wb: ExcelJS.Workbook, name: string, grid: Cell[][], headerRow: number): void {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: headerRow, xSplit: 3 }] });
  grid.forEach((r, i) => {
    const row = ws.addRow(values(r));
    if (i === 0) row.getCell(2).font = { bold: true, size: 14 };
    else if (i === 1) row.getCell(2).font = { italic: true, size: 9 };
    else if (i === headerRow - 1) row.font = { bold: true };
  });
  [22, 30, 13].forEach((w, c) => {
    ws.getColumn(c + 1).width = w;
  });
  for (let c = 4; c <= (grid[headerRow - 1]?.length ?? 0); c++) ws.getColumn(c).width = 14;
}

async function writeTerritorialDemo(outDir: string): Promise<string[]> {
  const seed = DEFAULT_TERR_SEED;
  const data = generateTerritorialDemo(seed);
  const wb = new ExcelJS.Workbook();
  wb.creator = "Optima Achats — données de démonstration";
  wb.lastModifiedBy = "Optima Achats";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.title = `Achats de démonstration — ${TERR_EPCI} (fictive), pôles territoriaux`;
  writeTableSheet(wb, data.spend, TERR_DATE_COLUMNS.spend, TERR_AMOUNT_COLUMNS.spend);
  writeTableSheet(wb, data.contracts, TERR_DATE_COLUMNS.contracts, TERR_AMOUNT_COLUMNS.contracts);
  writeTableSheet(wb, data.nomenclature, [], []);
  writeTableSheet(wb, data.territories, [], [], [1]);
  writeTableSheet(wb, data.quality, TERR_DATE_COLUMNS.quality, []);
  const headerRow = data.expectations.findIndex((r) => r[0] === "Clé") + 1;
  writeGridSheet(wb, "Attentes des territoires", data.expectations, headerRow);
  const raw = new Uint8Array(await wb.xlsx.writeBuffer({ useSharedStrings: true, useStyles: true } as ExcelJS.XlsxWriteOptions));
  const xlsx = normaliseZip(raw);
  const xlsxPath = path.join(outDir, "achats-demo-territoires.xlsx");
  fs.writeFileSync(xlsxPath, xlsx);
  const rows = (t: { rows: Cell[][] }) => t.rows.length - 1;
  const planted = {
    description:
      "Cas volontairement introduits dans examples/achats-demo-territoires.xlsx (données fictives : une intercommunalité analysée comme une seule entité, quatre pôles territoriaux), pour vérifier que l'analyse territoriale les trouve. " +
      "`planted` : ce qui doit être signalé ; `controls` : témoins négatifs, situations proches qui ne doivent pas l'être. Montants HT en euros, exercice " +
      `${TERR_YEAR}.`,
    generator: "scripts/generate-demo.ts (scripts/demo/territoires.ts)",
    options: { seed, year: TERR_YEAR },
    sheets: {
      Mandats: { kind: "spend", table: data.spend.name, rows: rows(data.spend) },
      "Marchés": { kind: "contracts", table: data.contracts.name, rows: rows(data.contracts) },
      Nomenclature: { kind: "nomenclature", table: data.nomenclature.name, rows: rows(data.nomenclature) },
      "Pôles territoriaux": { kind: "territories", table: data.territories.name, rows: rows(data.territories) },
      "Qualité de service": { kind: "quality", table: data.quality.name, rows: rows(data.quality) },
      "Attentes des territoires": { kind: "questionnaire (feuille du rapport, réponses conservées)", headerRow },
    },
    planted: data.planted,
    controls: data.controls,
  };
  const jsonPath = path.join(outDir, "achats-demo-territoires.planted.json");
  fs.writeFileSync(jsonPath, JSON.stringify(planted, null, 2) + "\n");
  const rel = (p: string) => path.relative(process.cwd(), p);
  return [
    `Démonstration territoriale (graine ${seed}) : ${rows(data.spend)} lignes de dépenses, ${rows(data.territories)} pôles, ${rows(data.quality)} mesures de qualité, ${data.planted.length} cas plantés, ${data.controls.length} témoins`,
    `  ${rel(xlsxPath)} (${(xlsx.length / 1024).toFixed(0)} ko), ${rel(jsonPath)}`,
  ];
}

/** Re-packs a zip with a fixed entry time so that the file is reproducible. */
function normaliseZip(buf: Uint8Array): Uint8Array {
  const files = unzipSync(buf);
  const out: Zippable = {};
  for (const name of Object.keys(files)) out[name] = [files[name], { level: 9, mtime: FIXED_DATE }];
  return zipSync(out, { mtime: FIXED_DATE });
}

async function main(): Promise<void> {
  const seed = Number(arg("seed") ?? DEFAULT_SEED);
  const spendLines = Number(arg("lines") ?? DEFAULT_SPEND_LINES);
  const contracts = Number(arg("contracts") ?? DEFAULT_CONTRACTS);
  const outDir = path.resolve(arg("out") ?? path.join(__dirname, "..", "examples"));
  if (arg("only") === "territoires") {
    fs.mkdirSync(outDir, { recursive: true });
    for (const line of await writeTerritorialDemo(outDir)) console.log(line);
    return;
  }
  const t0 = performance.now();
  const data = generateDemo({ seed, spendLines, contracts });
  const t1 = performance.now();

  const wb = new ExcelJS.Workbook();
  wb.creator = "Optima Achats — données de démonstration";
  wb.lastModifiedBy = "Optima Achats";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.title = "Achats de démonstration — Communauté d'agglomération du Val de Loiret (fictive)";
  writeSpendSheet(wb, data);
  writeTableSheet(wb, data.contracts, DATE_COLUMNS.contracts, AMOUNT_COLUMNS.contracts);
  writeTableSheet(wb, data.entities, [], [], [3]);
  writeTableSheet(wb, data.nomenclature, [], []);
  writeTableSheet(wb, data.suppliers, [], []);
  const raw = new Uint8Array(await wb.xlsx.writeBuffer({ useSharedStrings: true, useStyles: true } as ExcelJS.XlsxWriteOptions));
  const xlsx = normaliseZip(raw);
  fs.mkdirSync(outDir, { recursive: true });
  const xlsxPath = path.join(outDir, "achats-demo.xlsx");
  fs.writeFileSync(xlsxPath, xlsx);

  const spendHeader = data.spend.rows.findIndex((r) => r[0] === "Date mandat") + data.spend.firstRow;
  const dataLines = data.spend.rows.filter((r, i) => i + data.spend.firstRow > spendHeader && r.some((v) => v !== null) && r[0] !== "Total").length;
  const planted = {
    description:
      "Cas volontairement introduits dans examples/achats-demo.xlsx (données fictives), pour vérifier que l'analyse les trouve. " +
      "`planted` : ce qui doit être signalé ; `controls` : témoins négatifs, situations proches qui ne doivent pas l'être (expected.alert = 0). " +
      "`rows` : numéros de ligne de la feuille « Mandats » ; montants HT en euros.",
    generator: "scripts/generate-demo.ts (scripts/demo/generate.ts)",
    options: { seed, spendLines, contracts, startYear: 2025 },
    sheets: {
      Mandats: { kind: "spend", range: "plage simple", headerRow: spendHeader, lastRow: data.spend.rows.length + data.spend.firstRow - 1, dataLines },
      "Marchés": { kind: "contracts", table: data.contracts.name, rows: data.contracts.rows.length - 1 },
      "Entités": { kind: "entities", table: data.entities.name, rows: data.entities.rows.length - 1 },
      Nomenclature: { kind: "nomenclature", table: data.nomenclature.name, rows: data.nomenclature.rows.length - 1 },
      Fournisseurs: { kind: "suppliers", table: data.suppliers.name, rows: data.suppliers.rows.length - 1 },
    },
    planted: data.planted,
    controls: data.controls,
  };
  const jsonPath = path.join(outDir, "achats-demo.planted.json");
  fs.writeFileSync(jsonPath, JSON.stringify(planted, null, 2) + "\n");
  const t2 = performance.now();

  const kinds = new Map<string, number>();
  for (const p of data.planted) kinds.set(p.kind, (kinds.get(p.kind) ?? 0) + 1);
  const rel = (p: string) => path.relative(process.cwd(), p);
  console.log(`Données de démonstration (graine ${seed}) générées en ${Math.round(t1 - t0)} ms, écrites en ${Math.round(t2 - t1)} ms`);
  console.log(`  Mandats      ${dataLines} lignes de données (${data.spend.rows.length} lignes de feuille, en-tête ligne ${spendHeader})`);
  console.log(`  Marchés      ${data.contracts.rows.length - 1} marchés`);
  console.log(`  Entités      ${data.entities.rows.length - 1}`);
  console.log(`  Nomenclature ${data.nomenclature.rows.length - 1} familles`);
  console.log(`  Fournisseurs ${data.suppliers.rows.length - 1}`);
  console.log(`  Cas plantés  ${data.planted.length} : ${[...kinds].map(([k, n]) => `${k} ${n}`).join(", ")}`);
  console.log(`  Témoins      ${data.controls.length} (à ne pas signaler)`);
  console.log(`  ${rel(xlsxPath)} (${(xlsx.length / 1024 / 1024).toFixed(2)} Mo), ${rel(jsonPath)}`);
  for (const line of await writeTerritorialDemo(outDir)) console.log(line);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
