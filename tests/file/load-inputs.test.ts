import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { importDecp } from "../../src/core/decp";
import { detectTable } from "../../src/core/detect";
import { isReconciled, runIntake, type MappedTable } from "../../src/core/intake";
import type { Cell, IntakeResult, RawTable } from "../../src/core/model";
import { readCsv } from "../../src/file/csv-reader";
import { InputError } from "../../src/file/errors";
import { loadInputs, type LoadedInputs } from "../../src/file/load-inputs";
import { parseMappingFile, readMappingFile } from "../../src/file/user-files";
import { openXlsx } from "../../src/file/xlsx-reader";
import { ZipArchive } from "../../src/file/zip";
import { makeTempDir } from "./helpers";

const DEMO = path.join(__dirname, "..", "..", "examples", "achats-demo.xlsx");
const DECP = path.resolve(__dirname, "..", "fixtures", "real", "decp-2019-pes.json");

const tmp = makeTempDir("optima-load-test-");
afterAll(() => tmp.cleanup());

function file(name: string): string {
  return path.join(tmp.dir, name);
}

async function rejection(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("expected an InputError, the load succeeded");
}

/** The IntakeResult part of a LoadedInputs. */
function intakeOf(r: LoadedInputs): IntakeResult {
  const { spend, contracts, entities, nomenclature, suppliers, anomalies, reconciliation } = r;
  return { spend, contracts, entities, nomenclature, suppliers, anomalies, reconciliation };
}

/** Reference path: every table of a workbook read whole (the pane's way), detected, runIntake. */
async function referenceTables(xlsx: string): Promise<RawTable[]> {
  const book = await openXlsx(xlsx);
  const tables: RawTable[] = [];
  for (const sheet of book.sheets) {
    const rows: Cell[][] = [];
    let first = 0;
    await book.readRows(sheet.name, (row, n) => {
      if (first === 0) first = n;
      rows.push(row);
    });
    if (sheet.tables.length === 0) {
      tables.push({ name: sheet.name, sheet: sheet.name, rows, firstRow: first, date1904: book.date1904 });
      continue;
    }
    for (const t of sheet.tables) {
      const r = t.range;
      const cut = rows.slice(r.firstRow - first, r.lastRow - first + 1).map((row) => row.slice(r.firstCol, r.lastCol + 1));
      tables.push({ name: t.name, sheet: sheet.name, rows: cut, firstRow: r.firstRow, date1904: book.date1904 });
    }
  }
  return tables;
}

function mapped(tables: RawTable[]): MappedTable[] {
  const out: MappedTable[] = [];
  for (const table of tables) {
    const d = detectTable(table);
    if (d.kind) out.push({ table, kind: d.kind, headerRowIndex: d.headerRowIndex, mapping: d.mapping });
  }
  return out;
}

describe("loadInputs opens an input workbook once", () => {
  test("the archive is opened once for both readings (its tables, and which sheets are ours)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Mandats");
    ws.addRow(["Date", "Fournisseur", "Montant HT"]);
    ws.addRow([new Date(Date.UTC(2025, 0, 10)), "A", 100]);
    const xlsx = file("une-fois.xlsx");
    await wb.xlsx.writeFile(xlsx);
    const open = jest.spyOn(ZipArchive, "open");
    try {
      const loaded = await loadInputs([xlsx]);
      expect(loaded.spend).toHaveLength(1);
      expect(open.mock.calls.filter((c) => c[0] === xlsx)).toHaveLength(1);
    } finally {
      open.mockRestore();
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe("loadInputs on the demo workbook and the DECP file", () => {
  let demo: LoadedInputs;
  let demoFile = DEMO;

  beforeAll(async () => {
    if (!fs.existsSync(DEMO)) {
      // No demo yet: a small workbook of the same shape (plain spend range under titles + tables).
      demoFile = file("demo-fallback.xlsx");
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Mandats");
      ws.addRow(["Export des mandats"]);
      ws.addRow([]);
      ws.addRow(["Date mandat", "Collectivité", "Fournisseur", "SIRET", "Code famille", "Montant HT"]);
      for (let i = 0; i < 500; i++) ws.addRow([45700 + (i % 200), i % 3 ? "Commune A" : "Commune B", `Fournisseur ${i % 40}`, null, i % 2 ? "FOU" : "VEH", 10 + i]);
      ws.addRow(["Total", null, null, null, null, 130250]);
      const nomen = wb.addWorksheet("Nomenclature");
      nomen.addTable({ name: "Nomenclature", ref: "A1", columns: [{ name: "Code famille" }, { name: "Libellé" }, { name: "Nature" }], rows: [["FOU", "Fournitures", "Fournitures"], ["VEH", "Véhicules", "Fournitures"]] });
      await wb.xlsx.writeFile(demoFile);
    }
    demo = await loadInputs([demoFile]);
  }, 120_000);

  test("same IntakeResult as runIntake over the same tables read whole", async () => {
    const reference = runIntake(mapped(await referenceTables(demoFile)));
    expect(demo.reconciliation).toEqual(reference.reconciliation);
    expect(demo.anomalies).toEqual(reference.anomalies);
    expect(demo.contracts).toEqual(reference.contracts);
    expect(demo.entities).toEqual(reference.entities);
    expect(demo.nomenclature).toEqual(reference.nomenclature);
    expect(demo.suppliers).toEqual(reference.suppliers);
    expect(demo.spend.length).toBe(reference.spend.length);
    expect(demo.spend).toEqual(reference.spend);
    expect(isReconciled(demo.reconciliation)).toBe(true);
    expect(demo.spend.length).toBeGreaterThan(400);
  }, 120_000);

  test("sources name file, sheet, table and row counts; nothing skipped", () => {
    const spendRec = demo.reconciliation.tables.find((t) => t.kind === "spend");
    expect(spendRec).toBeDefined();
    const n = String(spendRec?.rowsRead).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
    expect(demo.sources[0]).toBe(`${path.basename(demoFile)} › Mandats (${n} lignes)`);
    expect(demo.sources.length).toBe(demo.reconciliation.tables.length);
    expect(demo.skipped).toEqual([]);
    const spendTable = demo.tables.find((t) => t.kind === "spend");
    expect(spendTable?.columns.date).toBe("Date mandat");
    expect(spendTable?.headerRow).toBeGreaterThan(1);
  });

  test("DECP JSON: 1 148 contracts, the same as importDecp", async () => {
    const r = await loadInputs([DECP]);
    const direct = importDecp(JSON.parse(fs.readFileSync(DECP, "utf8")), "decp-2019-pes.json");
    expect(r.reconciliation.rowsRead).toBe(1148);
    expect(r.reconciliation.tables).toEqual([direct.reconciliation]);
    expect(r.contracts).toEqual(direct.contracts);
    expect(r.anomalies).toEqual(direct.anomalies);
    expect(r.sources).toEqual(["decp-2019-pes.json (DECP, 1\u202f148 marchés)"]);
    expect(r.spend).toEqual([]);
  }, 60_000);

  test("several inputs combine: workbook, CSV and DECP, in runIntake's order (DECP last)", async () => {
    const csv = file("bons.csv");
    fs.writeFileSync(csv, "Date;Fournisseur;Montant HT\n01/02/2025;Garage Dupont;100,50\n02/02/2025;Garage Dupont;20\n");
    const r = await loadInputs([demoFile, csv, DECP]);
    const names = r.reconciliation.tables.map((t) => t.table);
    expect(names[names.length - 1]).toBe("decp-2019-pes.json");
    expect(names).toContain("bons.csv");
    const spendTables = r.reconciliation.tables.filter((t) => t.kind === "spend").map((t) => t.table);
    expect(spendTables).toEqual(["Mandats", "bons.csv"]);
    expect(r.reconciliation.rowsRead).toBe(demo.reconciliation.rowsRead + 2);
    expect(r.contracts.length).toBe(demo.contracts.length + 1148);
    expect(r.sources[r.sources.length - 2]).toBe("bons.csv (2 lignes)");
    expect(r.sources[r.sources.length - 1]).toBe("decp-2019-pes.json (DECP, 1\u202f148 marchés)");
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------

describe("loadInputs: streaming spend equals the in-memory intake", () => {
  test("CSV spend with title rows, blank rows inside and a Total row", async () => {
    const lines = ["Export des bons de commande", "", "Date;Collectivité;Fournisseur;SIRET;Montant TTC;Taux TVA;N° marché"];
    let total = 0;
    for (let i = 0; i < 3000; i++) {
      if (i % 500 === 250) lines.push(";;;;;;");
      if (i % 700 === 3) lines.push("");
      const ttc = ((i * 37) % 5000) + 0.5;
      total += ttc;
      lines.push(`${String((i % 28) + 1).padStart(2, "0")}/0${(i % 9) + 1}/2025;Commune ${i % 4};Fournisseur ${i % 50};${i % 10 === 0 ? "732 829 320 00074" : ""};${ttc.toFixed(2).replace(".", ",")};${i % 3 ? "20" : "5,5"};${i % 5 ? "M-" + (i % 7) : ""}`);
    }
    lines.push(`Total;;;;${total.toFixed(2).replace(".", ",")};;`);
    lines.push("", "");
    const csv = file("commandes.csv");
    fs.writeFileSync(csv, lines.join("\r\n"));
    const loaded = await loadInputs([csv]);
    const t = await readCsv(csv);
    const reference = runIntake(mapped([t]));
    expect(intakeOf(loaded)).toEqual(reference);
    expect(loaded.reconciliation.rowsRead).toBe(3000 + 6 + 5 + 1); // data, ";;;;;;" rows, empty lines, Total
    expect(loaded.spend.length).toBe(3000);
    expect(loaded.tables[0]).toMatchObject({ table: "commandes.csv", kind: "spend", headerRow: 3 });
  });

  test("tables with the same name in two inputs get distinct names (anomalies point at them)", async () => {
    const a = path.join(tmp.dir, "2024");
    const b = path.join(tmp.dir, "2025");
    fs.mkdirSync(a);
    fs.mkdirSync(b);
    for (const d of [a, b]) fs.writeFileSync(path.join(d, "mandats.csv"), "Date;Fournisseur;Montant HT\n01/02/2025;A;1\n");
    const r = await loadInputs([path.join(a, "mandats.csv"), path.join(b, "mandats.csv")]);
    expect(r.reconciliation.tables.map((t) => t.table)).toEqual(["mandats.csv", "mandats.csv (2025)"]);
    expect(r.spend.map((l) => l.source.table)).toEqual(["mandats.csv", "mandats.csv (2025)"]);
  });

  test("two Excel tables side by side on one sheet, a plain sheet, the 1904 date system", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("Saisie");
    ws.getCell("A1").value = "Achats 2025";
    ws.addTable({
      name: "Achats",
      ref: "A3",
      columns: [{ name: "Date" }, { name: "Fournisseur" }, { name: "Code famille" }, { name: "Montant HT" }],
      rows: [
        [new Date(Date.UTC(2025, 0, 10)), "A", "FOU", 100],
        [new Date(Date.UTC(2025, 0, 11)), "B", "VEH", 200],
        [new Date(Date.UTC(2025, 0, 12)), "C", "FOU", 300],
      ],
    });
    ws.addTable({
      name: "Familles",
      ref: "G3",
      columns: [{ name: "Code famille" }, { name: "Libellé" }, { name: "Nature" }],
      rows: [
        ["FOU", "Fournitures de bureau", "Fournitures"],
        ["VEH", "Entretien véhicules", "Services"],
      ],
    });
    const notes = wb.addWorksheet("Notes");
    notes.addRow(["Ce classeur est confidentiel."]);
    notes.addRow(["Mise à jour mensuelle."]);
    const xlsx = file("cote-a-cote.xlsx");
    await wb.xlsx.writeFile(xlsx);

    const loaded = await loadInputs([xlsx]);
    const reference = runIntake(mapped((await referenceTables(xlsx)).filter((t) => t.name !== "Notes")));
    expect(intakeOf(loaded)).toEqual(reference);
    expect(loaded.spend.map((l) => [l.source.row, l.date, l.familyLabel, l.nature])).toEqual([
      [4, 20098, "Fournitures de bureau", "Fournitures"],
      [5, 20099, "Entretien véhicules", "Services"],
      [6, 20100, "Fournitures de bureau", "Fournitures"],
    ]);
    expect(loaded.skipped).toEqual([{ file: xlsx, sheet: "Notes", table: "Notes", reason: "en-têtes non reconnus (ligne 1 : Ce classeur est confidentiel.)" }]);
    expect(loaded.sources).toEqual(["cote-a-cote.xlsx › Saisie › Achats (3 lignes)", "cote-a-cote.xlsx › Saisie › Familles (2 lignes)"]);
  });
});

// ---------------------------------------------------------------------------------------------

describe("loadInputs: bad inputs are InputErrors in French", () => {
  test("unsupported format, missing file, no file, the same file twice", async () => {
    const txt = file("notes.txt");
    fs.writeFileSync(txt, "bonjour");
    const e1 = await rejection(loadInputs([txt]));
    expect(e1.message).toBe(
      `Le fichier « ${txt} » est dans un format non pris en charge (.txt) : utilisez .xlsx, .csv, ou .json / .xml (DECP). Exportez les données depuis votre logiciel financier ou depuis Excel au format .xlsx ou .csv.`,
    );
    const missing = file("absent.xlsx");
    expect((await rejection(loadInputs([missing]))).message).toBe(`Le fichier « ${missing} » est introuvable. Vérifiez le chemin et le nom du fichier.`);
    expect((await rejection(loadInputs([]))).message).toContain("Aucun fichier d'entrée");
    const e2 = await rejection(loadInputs([DECP, path.join(path.dirname(DECP), ".", path.basename(DECP))]));
    expect(e2.message).toContain("est indiqué deux fois");
    const xls = file("ancien.xls");
    fs.writeFileSync(xls, "x");
    expect((await rejection(loadInputs([xls]))).message).toContain("Excel 97-2003 (.xls)");
  });

  test("JSON that is not DECP, or not JSON at all", async () => {
    const notDecp = file("autre.json");
    fs.writeFileSync(notDecp, JSON.stringify({ commandes: [1, 2] }));
    expect((await rejection(loadInputs([notDecp]))).message).toContain("n'est pas un fichier DECP");
    const broken = file("casse.json");
    fs.writeFileSync(broken, '{"marches": [');
    const e = await rejection(loadInputs([broken]));
    expect(e.message).toContain("n'est pas un fichier JSON lisible");
    expect(e.file).toBe(broken);
  });

  test("a truncated workbook is an error, never an empty analysis", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Mandats");
    ws.addRow(["Date", "Fournisseur", "Montant HT"]);
    for (let i = 0; i < 2000; i++) ws.addRow([45700 + (i % 100), `F${i % 30}`, i]);
    const whole = file("entier.xlsx");
    await wb.xlsx.writeFile(whole);
    expect((await loadInputs([whole])).reconciliation.rowsRead).toBe(2000);
    const good = fs.readFileSync(whole);
    const cut = file("tronque.xlsx");
    fs.writeFileSync(cut, good.subarray(0, Math.floor(good.length * 0.7)));
    const e = await rejection(loadInputs([cut]));
    expect(e.message).toContain("n'est pas un classeur Excel .xlsx lisible (archive ZIP corrompue ou tronquée)");
  });

  test("a file with no recognised table", async () => {
    const csv = file("vrac.csv");
    fs.writeFileSync(csv, "Alpha;Beta\n1;2\n");
    const e = await rejection(loadInputs([csv]));
    expect(e.message).toContain("ne contient aucun tableau reconnu (« vrac.csv » : en-têtes non reconnus (ligne 1 : Alpha, Beta))");
  });

  test("missing required columns: file, sheet, header row and the columns, with a mapping example", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Mandats 2025");
    ws.addRow(["Liste des mandats"]);
    ws.addRow(["Date mandat", "Fournisseur", "Service", "Objet", "N° marché"]);
    ws.addRow([45700, "A", "Voirie", "Enrobé", "M-1"]);
    const xlsx = file("sans-montant.xlsx");
    await wb.xlsx.writeFile(xlsx);
    const e = await rejection(loadInputs([xlsx]));
    expect(e.file).toBe(xlsx);
    expect(e.sheet).toBe("Mandats 2025");
    expect(e.row).toBe(2);
    expect(e.message).toContain(
      `Le fichier « ${xlsx} » (feuille « Mandats 2025 », ligne 2) contient un tableau « Mandats 2025 » (Dépenses) sans la colonne obligatoire : Montant HT (amountHT) ou Montant TTC (amountTTC).`,
    );
    expect(e.message).toContain('{ "Mandats 2025": { "columns": { "amountHT": "<en-tête de la colonne>" } } }');
    // …and the mapping file can leave the table out (here the only one: nothing left is an error too).
    const ignored = await rejection(loadInputs([xlsx], { mapping: { "Mandats 2025": { ignore: true } } }));
    expect(ignored.message).toContain("ignoré à la demande du fichier de correspondance");
  });
});

// ---------------------------------------------------------------------------------------------

describe("mapping file", () => {
  const csvText = "Extraction comptable\nJour;Tiers;Valeur;Commentaire\n03/01/2025;Garage Dupont;10,00;x\n04/01/2025;Boulangerie;20,00;y\n";

  test("kind, header row and columns override the detection", async () => {
    const csv = file("extraction.csv");
    fs.writeFileSync(csv, csvText);
    const mapping = parseMappingFile({ "extraction.csv": { kind: "spend", headerRow: 2, columns: { date: "Jour", supplierName: "tiers", amountHT: "Valeur" } } });
    const r = await loadInputs([csv], { mapping });
    expect(r.spend.map((l) => [l.source.row, l.supplierName, l.amountHTCents])).toEqual([
      [3, "Garage Dupont", 1000],
      [4, "Boulangerie", 2000],
    ]);
    expect(r.tables[0]).toMatchObject({ kind: "spend", headerRow: 2, columns: { date: "Jour", supplierName: "Tiers", amountHT: "Valeur" } });
  });

  test("an explicit column takes it from the automatic mapping; null unmaps a field", async () => {
    const csv = file("double.csv");
    fs.writeFileSync(csv, "Date;Fournisseur;Montant HT;Montant corrigé;Service\n01/01/2025;A;10;12;Voirie\n");
    const r = await loadInputs([csv], { mapping: { "double.csv": { columns: { amountHT: "Montant corrigé", service: null } } } });
    expect(r.spend[0].amountHTCents).toBe(1200);
    expect(r.spend[0].service).toBeNull();
  });

  test("unknown table, unknown field, absent header, bad shapes are InputErrors", async () => {
    const csv = file("extraction2.csv");
    fs.writeFileSync(csv, csvText);
    const base = { kind: "spend" as const, headerRow: 2, columns: { date: "Jour", supplierName: "Tiers", amountHT: "Valeur" } };
    const e1 = await rejection(loadInputs([csv], { mapping: { Mandats: base }, mappingFile: "correspondance.json" }));
    expect(e1.message).toBe(
      "Le fichier « correspondance.json » désigne un tableau « Mandats » qui n'existe dans aucun fichier d'entrée. Tableaux trouvés : « extraction2.csv ».",
    );
    const e2 = await rejection(loadInputs([csv], { mapping: { "extraction2.csv": { ...base, columns: { ...base.columns, montant: "Valeur" } } } }));
    expect(e2.message).toContain("un champ inconnu « montant »");
    expect(e2.message).toContain("Champs possibles : date, amountHT");
    const e3 = await rejection(loadInputs([csv], { mapping: { "extraction2.csv": { ...base, columns: { ...base.columns, amountHT: "Montant" } } } }));
    expect(e3.message).toContain("à la colonne « Montant », absente de la ligne d'en-tête (ligne 2 de extraction2.csv)");
    expect(e3.message).toContain("Colonnes présentes : « Jour », « Tiers », « Valeur », « Commentaire ».");
    const e4 = await rejection(loadInputs([csv], { mapping: { "extraction2.csv": { ...base, headerRow: 40 } } }));
    expect(e4.message).toContain("la ligne d'en-tête 40, hors du tableau");

    expect(() => parseMappingFile([])).toThrow(InputError);
    expect(() => parseMappingFile({ T: { kind: "achats" } })).toThrow("type inconnu « achats »");
    expect(() => parseMappingFile({ T: { headerRow: 0 } })).toThrow("ligne d'en-tête invalide");
    expect(() => parseMappingFile({ T: { colonnes: {} } })).toThrow("clé inconnue « colonnes »");
    expect(() => parseMappingFile({ T: { columns: { date: 3 } } })).toThrow("n'est pas un texte");

    const mf = file("map.json");
    fs.writeFileSync(mf, "{ 'Mandats': {} }");
    expect((await rejection(readMappingFile(mf))).message).toContain(`Le fichier « ${mf} » n'est pas un fichier JSON valide`);
    fs.writeFileSync(mf, JSON.stringify({ "extraction2.csv": base }));
    expect((await loadInputs([csv], { mapping: await readMappingFile(mf) })).spend.length).toBe(2);
  });
});
