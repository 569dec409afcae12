/**
 * Crafted and odd inputs (issue #13): tiny files that used to crash the process or give a vague
 * message. Each is built here, small enough for CI, and must give an InputError (exit code 1)
 * whose French message says what is wrong and where — in the CLI's reader and, for workbooks, in
 * the preview's reader too. Peak memory on the big versions is measured in
 * scripts/bench/crafted-inputs.ts, not here.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { strToU8, zipSync } from "fflate";
import { InputError } from "../../src/file/errors";
import { loadInputs } from "../../src/file/load-inputs";
import { openXlsx } from "../../src/file/xlsx-reader";
import { readXlsx, XlsxReadError } from "../../src/taskpane/xlsx-browser";
import { handXlsx, makeTempDir, sst, worksheet } from "./helpers";

const tmp = makeTempDir("optima-crafted-");
afterAll(() => tmp.cleanup());

function write(name: string, bytes: Uint8Array | string): string {
  const file = path.join(tmp.dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

async function inputError(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e;
    throw new Error(`expected an InputError, got ${String(e)}`);
  }
  throw new Error("expected an InputError, the read succeeded");
}

async function previewError(bytes: Uint8Array): Promise<XlsxReadError> {
  try {
    await readXlsx(bytes);
  } catch (e) {
    if (e instanceof XlsxReadError) return e;
    throw new Error(`expected an XlsxReadError, got ${String(e)}`);
  }
  throw new Error("expected an XlsxReadError, the read succeeded");
}

const HEADER = '<row r="1"><c r="A1" t="inlineStr"><is><t>Date</t></is></c><c r="B1" t="inlineStr"><is><t>Fournisseur</t></is></c><c r="C1" t="inlineStr"><is><t>Montant HT</t></is></c></row>';

function book(sheetData: string, extra: { sharedStrings?: string } = {}): Uint8Array {
  return handXlsx({ sheets: [{ name: "Mandats", xml: worksheet(sheetData) }], ...extra });
}

describe("Excel's limits are checked before memory is spent (issue #13)", () => {
  test("a cell referenced beyond column XFD: what (the reference) and where (sheet, row)", async () => {
    const bytes = book(`${HEADER}<row r="2"><c r="ZZZZZZZZ2"><v>1</v></c></row>`);
    expect(bytes.length).toBeLessThan(2048);
    const e = await inputError(loadInputs([write("xfd.xlsx", bytes)]));
    expect(e.message).toBe(
      "Le fichier « " + path.join(tmp.dir, "xfd.xlsx") + " » (feuille « Mandats », ligne 2) contient une cellule « ZZZZZZZZ2 » au-delà de la dernière colonne d'Excel (XFD, 16\u202f384 colonnes). " +
        "Ce fichier n'a pas la forme d'un classeur enregistré par Excel : ouvrez-le dans Excel, vérifiez la feuille et réenregistrez-le au format .xlsx."
    );
    const p = await previewError(bytes);
    expect(p.sentence).toMatch(/^Le classeur \(feuille « Mandats », ligne 2\) contient une cellule « ZZZZZZZZ2 » au-delà de la dernière colonne/);
    // XFD itself is the last column, and is read.
    const ok = await openXlsx(write("xfd-ok.xlsx", book(`<row r="1"><c r="XFD1"><v>7</v></c></row>`)));
    const rows: number[] = [];
    await ok.readRows("Mandats", (row) => {
      rows.push(row.length);
    });
    expect(rows).toEqual([16384]);
  });

  test("a row numbered beyond 1 048 576", async () => {
    const e = await inputError(loadInputs([write("row.xlsx", book(`${HEADER}<row r="1048577"><c r="A1048577"><v>1</v></c></row>`))]));
    expect(e.message).toMatch(/\(feuille « Mandats »\) contient une ligne numérotée 1048577, au-delà de la dernière ligne d'Excel \(1\u202f048\u202f576\)/);
  });

  test("millions of empty <row> elements (a few KB zipped): refused once past Excel's row count", async () => {
    const bytes = book(HEADER + "<row/>".repeat(1_100_000));
    expect(bytes.length).toBeLessThan(64 * 1024);
    const e = await inputError(loadInputs([write("rows.xlsx", bytes)]));
    expect(e.message).toMatch(/\(feuille « Mandats »\) contient plus de 1\u202f048\u202f576 lignes, le maximum d'une feuille Excel/);
  });

  test("a text longer than 32 767 characters, inline or shared", async () => {
    const long = "a".repeat(40_000);
    const e1 = await inputError(loadInputs([write("inline.xlsx", book(`${HEADER}<row r="2"><c r="B2" t="inlineStr"><is><t>${long}</t></is></c></row>`))]));
    expect(e1.message).toMatch(/\(feuille « Mandats », ligne 2\) contient dans une cellule un texte de 40\u202f000 caractères, au-delà de la limite d'Excel \(32\u202f767 caractères par cellule\)/);
    const e2 = await inputError(
      loadInputs([write("shared.xlsx", book(`${HEADER}<row r="2"><c r="B2" t="s"><v>0</v></c></row>`, { sharedStrings: sst([`<si><t>${long}</t></si>`]) }))])
    );
    expect(e2.message).toMatch(/contient dans la liste des textes partagés \(n° 1\) un texte de 40\u202f000 caractères/);
  });

  test("a decompression bomb (a part inflating 1 000 times its size) is refused before inflating", async () => {
    // 24 MiB of spaces inside sheetData deflate to ~24 KB: ratio ≈ 1 000 > 250, size > 16 MiB.
    const sheet = new Uint8Array(24 * 1024 * 1024).fill(32);
    const head = strToU8(`<worksheet xmlns="main"><sheetData>`);
    sheet.set(head, 0);
    const bytes = handXlsx({ sheets: [{ name: "Mandats", xml: sheet }] });
    const e = await inputError(loadInputs([write("bomb.xlsx", bytes)]));
    expect(e.message).toMatch(/contient une partie xl\/worksheets\/sheet1\.xml qui se décompresse en 24 Mo pour \d+ Mo compressés \(taux de [\d\u202f]+ pour 1, au-delà de 250 pour 1\)/);
    const p = await previewError(bytes);
    expect(p.message).toMatch(/qui se décompresse en 24 Mo/);
  });

  test("a sheet with megabytes of whitespace below the bounds reads its rows, it is not an error", async () => {
    // 8 MB of blanks between rows: under the 16 MiB floor of the ratio check; read in linear time
    // (scripts/bench/crafted-inputs.ts measures it on bigger ones).
    const blanks = " \n\t".repeat(8 * 1024 * 1024 / 3);
    const b = await openXlsx(write("blanks.xlsx", book(`<row r="1"><c r="A1"><v>1</v></c></row>${blanks}<row r="2"><c r="A2"><v>2</v></c></row>`)));
    const got: [number, unknown[]][] = [];
    await b.readRows("Mandats", (row, n) => {
      got.push([n, row]);
    });
    expect(got).toEqual([[1, [1]], [2, [2]]]);
  });
});

describe("other inputs that are not what they seem get a clear French message (issue #13)", () => {
  test("a .xlsb renamed .xlsx", async () => {
    const files = {
      "[Content_Types].xml": strToU8("<Types/>"),
      "_rels/.rels": strToU8('<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>'),
      "xl/workbook.bin": new Uint8Array([0x83, 0x01, 0x00, 0x80, 0xff, 0xfe]),
    };
    const e = await inputError(loadInputs([write("binaire.xlsx", zipSync(files))]));
    expect(e.message).toMatch(/» est un classeur binaire Excel \(\.xlsb\), que l'outil ne lit pas, même renommé en \.xlsx\. Ouvrez-le dans Excel et enregistrez-le au format \.xlsx/);
  });

  test("a DECP file nested too deep (no stack overflow)", async () => {
    const deep = `{"marches":[${"[".repeat(200_000)}${"]".repeat(200_000)}]}`;
    const e = await inputError(loadInputs([write("decp.json", deep)]));
    expect(e.message).toMatch(/» n'est pas un fichier DECP : ses données sont imbriquées sur plus de 64 niveaux/);
  });

  test("the report itself given as input: recognised by its stamp, its sheets are not data", async () => {
    const stamp = "Sources : achats.xlsx · Période : 2025 · Exécution : 01/02/2026 · Optima Achats 0.1.0";
    const report = (name: string) => ({
      name,
      xml: worksheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>Tableau de bord</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>${stamp}</t></is></c></row>` +
        `<row r="4"><c r="A4" t="inlineStr"><is><t>Date</t></is></c><c r="B4" t="inlineStr"><is><t>Fournisseur</t></is></c><c r="C4" t="inlineStr"><is><t>Montant HT</t></is></c></row><row r="5"><c r="A5"><v>45678</v></c><c r="B5" t="inlineStr"><is><t>A</t></is></c><c r="C5"><v>10</v></c></row>`),
    });
    const only = write("rapport.xlsx", handXlsx({ sheets: [report("Tableau de bord"), report("Anomalies")] }));
    const e = await inputError(loadInputs([only]));
    expect(e.message).toMatch(/» est un rapport produit par Optima Achats : ses feuilles sont les résultats d'une analyse, pas des données à analyser\. Indiquez les fichiers de données/);
    // A workbook that holds a report sheet and a data sheet: the data is read, the report sheet skipped.
    const mixed = write("mixte.xlsx", handXlsx({ sheets: [report("Tableau de bord"), { name: "Mandats", xml: worksheet(`${HEADER}<row r="2"><c r="A2"><v>45678</v></c><c r="B2" t="inlineStr"><is><t>Alpha</t></is></c><c r="C2"><v>12.5</v></c></row>`) }] }));
    const loaded = await loadInputs([mixed]);
    expect(loaded.spend.map((l) => [l.supplierName, l.amountHTCents])).toEqual([["Alpha", 1250]]);
    expect(loaded.skipped).toEqual([{ file: mixed, sheet: "Tableau de bord", table: "Tableau de bord", reason: "feuille produite par Optima Achats (résultat d'une analyse, pas une donnée)" }]);
  });
});
