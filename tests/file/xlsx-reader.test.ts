import * as fs from "node:fs";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { dayFromYMD } from "../../src/core/dates";
import type { Cell } from "../../src/core/model";
import { parseDate } from "../../src/core/parse/date";
import { InputError } from "../../src/file/errors";
import { columnLetter as columnName, parseRange as parseRef } from "../../src/ooxml/a1";
import { openXlsx } from "../../src/file/xlsx-reader";
import { crc32, tableCrc32 } from "../../src/file/zip";
import { allRows, handXlsx, makeTempDir, sst, worksheet } from "./helpers";

const tmp = makeTempDir("optima-xlsx-test-");
const TSX = path.join(__dirname, "..", "..", "node_modules", ".bin", "tsx");
afterAll(() => tmp.cleanup());

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(tmp.dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

async function rejection(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e;
    throw new Error(`expected an InputError, got ${String(e)}`);
  }
  throw new Error("expected an InputError, the read succeeded");
}

// ---------------------------------------------------------------------------------------------
// The scanner on hand-written XML

const SHARED = sst([
  "<si><t>Date</t></si>",
  "<si><r><t>Four</t></r><r><rPr><b/></rPr><t>nisseur</t></r><rPh sb=\"0\" eb=\"1\"><t>フ</t></rPh><phoneticPr fontId=\"1\"/></si>",
  "<si><t>ligne_x000D__x000A_deux _x005F_x0041_</t></si>",
  "<si><t xml:space=\"preserve\">  espaces  </t></si>",
  "<si/>",
]);

const ROWS_XML = [
  '<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="inlineStr"><is><r><t>Rich </t></r><r><rPr><b/></rPr><t xml:space="preserve">inline</t></r><rPh sb="0" eb="1"><t>ふ</t></rPh></is></c></row>',
  '<row r="2"><c r="A2" s="1"><v>45000</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="b"><v>0</v></c><c r="D2" t="e"><v>#N/A</v></c>' +
    '<c r="E2" t="str"><f>A1&amp;"x"</f><v>a &lt;b&gt; &quot;c&quot; &apos;d&apos; &#233;&#xE9; AT&amp;T</v></c><c r="F2"><f>1/0</f></c><c r="G2" s="3"/>' +
    '<c r="H2"><v>-1.5E-3</v></c><c r="I2"><v>12345678901234567</v></c><c r="J2" t="d"><v>2025-03-15T00:00:00</v></c><c r="K2"><v>-0.25</v></c><c r="L2" t="n"><v>007</v></c></row>',
  '<row r="5"><c><v>1</v></c><c><v>2</v></c><c r="E5"><v>3</v></c><c><v>4</v></c></row>',
  '<row><c r="A6" t="s"><v>2</v></c><c r="B6" t="s"><v>3</v></c><c r="C6" t="s"><v>4</v></c></row>',
  '<row r="7" spans="1:3" ht="20" customHeight="1"/>',
  '<row r="9"><c r="AB9"><v>0.1</v></c><!-- a comment <row r="100"> --></row>',
].join("\n");

const EXPECTED: [number, Cell[]][] = [
  [1, ["Date", "Fournisseur", null, "Rich inline"]],
  [
    2,
    [45000, true, false, "#N/A", "a <b> \"c\" 'd' éé AT&T", null, null, -0.0015, Number("12345678901234567"), new Date(Date.UTC(2025, 2, 15)), -0.25, 7],
  ],
  [3, []],
  [4, []],
  [5, [1, 2, null, null, 3, 4]],
  [6, ["ligne\r\ndeux _x0041_", "  espaces  ", ""]],
  [7, []],
  [8, []],
  [9, [...Array(27).fill(null), 0.1]],
];

describe("openXlsx + readRows on hand-written XML", () => {
  test("values of every cell type, sparse rows, jumps, missing r attributes", async () => {
    const file = write("scanner.xlsx", handXlsx({ sheets: [{ name: "Feuil1", xml: worksheet(ROWS_XML) }], sharedStrings: SHARED }));
    const book = await openXlsx(file);
    expect(book.sheets).toEqual([{ name: "Feuil1", tables: [], hidden: false }]);
    expect(book.date1904).toBe(false);
    expect(await allRows(book, "Feuil1")).toEqual(EXPECTED);
  });

  test("same result with a namespace prefix (<x:row>), shared strings after or before the sheet, stored or deflated", async () => {
    const prefixed = ROWS_XML.replace(/<(\/?)(row|c|v|f|is|r|t|rPr|b|rPh)([ >/])/g, "<$1x:$2$3");
    expect(prefixed).toContain("<x:row r=\"1\"");
    for (const [name, opts] of [
      ["prefixed.xlsx", { xml: worksheet(prefixed, "x"), sstFirst: false, level: 6 as const }],
      ["sst-first.xlsx", { xml: worksheet(ROWS_XML), sstFirst: true, level: 6 as const }],
      ["stored.xlsx", { xml: worksheet(ROWS_XML), sstFirst: false, level: 0 as const }],
    ] as const) {
      const file = write(name, handXlsx({ sheets: [{ name: "S", xml: opts.xml }], sharedStrings: SHARED, sstFirst: opts.sstFirst, level: opts.level }));
      const book = await openXlsx(file);
      expect(await allRows(book, "S")).toEqual(EXPECTED);
    }
  });

  test("a UTF-16 sheet part (with BOM) reads the same", async () => {
    const text = worksheet(ROWS_XML).replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < text.length; i++) {
      bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    const book = await openXlsx(write("utf16.xlsx", handXlsx({ sheets: [{ name: "S", xml: bytes }], sharedStrings: SHARED })));
    expect(await allRows(book, "S")).toEqual(EXPECTED);
  });

  test('"stop" ends the read early', async () => {
    const file = write("stop.xlsx", handXlsx({ sheets: [{ name: "S", xml: worksheet(ROWS_XML) }], sharedStrings: SHARED }));
    const book = await openXlsx(file);
    const seen: number[] = [];
    await book.readRows("S", (_row, n) => {
      seen.push(n);
      return n >= 4 ? "stop" : undefined;
    });
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  test("many rows across chunk boundaries: multi-byte text, inline strings, exact count", async () => {
    const n = 30_000;
    const parts: string[] = [];
    for (let r = 1; r <= n; r++) {
      parts.push(
        `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>Entité € n°${r} — «${"é".repeat(r % 7)}»</t></is></c><c r="C${r}" t="s"><v>${r % 3}</v></c><c r="D${r}"><v>${r}.${r % 100}</v></c></row>`,
      );
    }
    const xml = worksheet(parts.join(""));
    expect(xml.length).toBeGreaterThan(3_000_000);
    const file = write("many.xlsx", handXlsx({ sheets: [{ name: "S", xml }], sharedStrings: sst(["<si><t>a</t></si>", "<si><t>b</t></si>", "<si><t>c</t></si>"]) }));
    const book = await openXlsx(file);
    let count = 0;
    const bad: number[] = [];
    await book.readRows("S", (row, r) => {
      count++;
      const expected = [r, `Entité € n°${r} — «${"é".repeat(r % 7)}»`, ["a", "b", "c"][r % 3], Number(`${r}.${r % 100}`)];
      if (JSON.stringify(row) !== JSON.stringify(expected)) bad.push(r);
    });
    expect(bad).toEqual([]);
    expect(count).toBe(n);
  });

  test("Excel tables of a sheet: name, range, header and totals rows; hidden sheets flagged", async () => {
    const table = (id: number, name: string, ref: string, extra = "") =>
      `<?xml version="1.0" encoding="UTF-8"?><table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="T${id}" displayName="${name}" ref="${ref}"${extra}><autoFilter ref="${ref}"/><tableColumns count="1"><tableColumn id="1" name="a"/></tableColumns></table>`;
    const file = write(
      "tables-hand.xlsx",
      handXlsx({
        sheets: [
          { name: "Données & co", xml: worksheet('<row r="1"><c r="A1"><v>1</v></c></row>'), tables: [table(2, "Droite", "F3:G9", ' totalsRowCount="1"'), table(1, "Gauche", "A3:D200")] },
          { name: "Cachée", xml: worksheet(""), state: "hidden" },
        ],
      }),
    );
    const book = await openXlsx(file);
    expect(book.sheets).toEqual([
      {
        name: "Données & co",
        hidden: false,
        tables: [
          { name: "Gauche", ref: "A3:D200", range: { firstRow: 3, lastRow: 200, firstCol: 0, lastCol: 3 }, headerRowCount: 1, totalsRowCount: 0 },
          { name: "Droite", ref: "F3:G9", range: { firstRow: 3, lastRow: 9, firstCol: 5, lastCol: 6 }, headerRowCount: 1, totalsRowCount: 1 },
        ],
      },
      { name: "Cachée", hidden: true, tables: [] },
    ]);
    expect(await allRows(book, "Cachée")).toEqual([]);
  });

  test("references", () => {
    expect(parseRef("A3:X200")).toEqual({ firstRow: 3, lastRow: 200, firstCol: 0, lastCol: 23 });
    expect(parseRef("$AB$12")).toEqual({ firstRow: 12, lastRow: 12, firstCol: 27, lastCol: 27 });
    expect(parseRef("XFD1048576:A1")).toEqual({ firstRow: 1, lastRow: 1048576, firstCol: 0, lastCol: 16383 });
    expect(parseRef("nope")).toBeNull();
    expect([0, 25, 26, 27, 701, 702, 16383].map(columnName)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA", "XFD"]);
  });

  test("the table-driven CRC-32 (fallback without zlib.crc32) gives the native one's results", () => {
    expect(tableCrc32(0, strToU8("123456789"))).toBe(0xcbf43926);
    const bytes = strToU8("Optima Achats — données de test ".repeat(40));
    expect(tableCrc32(tableCrc32(0, bytes.subarray(0, 101)), bytes.subarray(101))).toBe(crc32(0, bytes));
  });

  test("crc32 matches the reference value", () => {
    expect(crc32(0, strToU8("123456789"))).toBe(0xcbf43926);
    const data = strToU8("The quick brown fox jumps over the lazy dog".repeat(7));
    expect(crc32(crc32(0, data.subarray(0, 13)), data.subarray(13))).toBe(crc32(0, data));
  });
});

// ---------------------------------------------------------------------------------------------
// Workbooks written by exceljs

describe("openXlsx + readRows on exceljs workbooks", () => {
  let file1900 = "";
  let file1904 = "";

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Données");
    ws.getCell("A1").value = "Export des mandats 2025";
    ws.addTable({
      name: "Mandats",
      ref: "A3",
      headerRow: true,
      columns: [{ name: "Date mandat" }, { name: "Fournisseur" }, { name: "Montant HT" }, { name: "Payé" }],
      rows: [
        [new Date(Date.UTC(2025, 2, 15)), "Papeterie « Martin » & fils", 1234.56, true],
        [new Date(Date.UTC(2025, 2, 16)), { richText: [{ text: "Garage " }, { font: { bold: true }, text: "Dupont" }] }, -250, false],
        [new Date(Date.UTC(2025, 2, 17)), "Papeterie « Martin » & fils", { formula: "C4*2", result: 2469.12 }, null],
      ],
    });
    ws.addTable({
      name: "Familles",
      ref: "G3",
      headerRow: true,
      columns: [{ name: "Code famille" }, { name: "Libellé" }],
      rows: [
        ["FOU", "Fournitures"],
        ["VEH", "Véhicules"],
      ],
    });
    const plain = wb.addWorksheet("Plage");
    plain.getCell("A1").value = "Titre";
    plain.getCell("A3").value = "Date";
    plain.getCell("B3").value = "Fournisseur";
    plain.getCell("C3").value = "Montant";
    plain.getCell("A4").value = 45000;
    plain.getCell("B4").value = "A";
    plain.getCell("C4").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    plain.getCell("A8").value = 45001;
    plain.getCell("B8").value = "B";
    plain.getCell("C8").value = 12;
    file1900 = path.join(tmp.dir, "exceljs-1900.xlsx");
    await wb.xlsx.writeFile(file1900);

    const wb4 = new ExcelJS.Workbook();
    wb4.properties.date1904 = true;
    const s4 = wb4.addWorksheet("Dates");
    s4.getCell("A1").value = "Date";
    s4.getCell("A2").value = new Date(Date.UTC(2025, 0, 15));
    file1904 = path.join(tmp.dir, "exceljs-1904.xlsx");
    await wb4.xlsx.writeFile(file1904);
  });

  test("tables, shared strings, rich text, dates, booleans, formulas", async () => {
    const book = await openXlsx(file1900);
    expect(book.date1904).toBe(false);
    expect(book.sheets.map((s) => [s.name, s.tables.map((t) => [t.name, t.ref])])).toEqual([
      ["Données", [["Mandats", "A3:D6"], ["Familles", "G3:H5"]]],
      ["Plage", []],
    ]);
    const serial = (y: number, m: number, d: number) => dayFromYMD(y, m, d) - dayFromYMD(1899, 12, 30);
    expect(await allRows(book, "Données")).toEqual([
      [1, ["Export des mandats 2025"]],
      [2, []],
      [3, ["Date mandat", "Fournisseur", "Montant HT", "Payé", null, null, "Code famille", "Libellé"]],
      [4, [serial(2025, 3, 15), "Papeterie « Martin » & fils", 1234.56, true, null, null, "FOU", "Fournitures"]],
      [5, [serial(2025, 3, 16), "Garage Dupont", -250, false, null, null, "VEH", "Véhicules"]],
      [6, [serial(2025, 3, 17), "Papeterie « Martin » & fils", 2469.12]],
    ]);
    expect(parseDate(serial(2025, 3, 15))).toBe(dayFromYMD(2025, 3, 15));
  });

  test("plain range with title rows and blank rows in the middle; error cells keep their text", async () => {
    const book = await openXlsx(file1900);
    expect(await allRows(book, "Plage")).toEqual([
      [1, ["Titre"]],
      [2, []],
      [3, ["Date", "Fournisseur", "Montant"]],
      [4, [45000, "A", "#N/A"]],
      [5, []],
      [6, []],
      [7, []],
      [8, [45001, "B", 12]],
    ]);
  });

  test("1904 date system: flagged, and the serials read as the right days", async () => {
    const book = await openXlsx(file1904);
    expect(book.date1904).toBe(true);
    const rows = await allRows(book, "Dates");
    expect(rows[1][1][0]).toBe(dayFromYMD(2025, 1, 15) - dayFromYMD(1904, 1, 1));
    expect(parseDate(rows[1][1][0], book.date1904)).toBe(dayFromYMD(2025, 1, 15));
  });

  test("no temporary file is created (private TMPDIR of a child process, checked before it exits)", () => {
    const probe = (extra: string[]) => {
      const own = fs.mkdtempSync(path.join(tmp.dir, "tmpdir-"));
      const out = execFileSync(TSX, [path.join(__dirname, "tmp-probe.ts"), `--tmpdir=${own}`, file1900, ...extra], { encoding: "utf8" });
      const result = JSON.parse(out) as { tmpdir: string; entries: string[]; rows: number };
      expect(result.tmpdir).toBe(own);
      return { ...result, after: fs.readdirSync(own) };
    };
    const clean = probe([]);
    expect(clean.rows).toBe(3 + 5);
    expect(clean.entries).toEqual([]);
    expect(clean.after).toEqual([]);
    // Control: a file left in TMPDIR is seen.
    expect(probe(["--leak"]).entries).toEqual(["leak.tmp"]);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// Unreadable files are errors, never empty reads

describe("unreadable .xlsx files", () => {
  let good: Uint8Array;
  let goodFile = "";
  const ROWS = 3000;

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Mandats");
    ws.addRow(["Date", "Fournisseur", "Montant HT"]);
    for (let i = 0; i < ROWS; i++) ws.addRow([45000 + (i % 300), `Fournisseur ${i % 97}`, i * 1.25]);
    goodFile = path.join(tmp.dir, "good.xlsx");
    await wb.xlsx.writeFile(goodFile);
    good = fs.readFileSync(goodFile);
  });

  /** Opens and reads every sheet; resolves with the row count. */
  async function readAll(file: string, inflate: "fflate" | "zlib" = "fflate"): Promise<number> {
    const book = await openXlsx(file, { inflate });
    let n = 0;
    for (const s of book.sheets) {
      await book.readRows(s.name, () => {
        n++;
      });
    }
    return n;
  }

  test("the intact file reads in full", async () => {
    expect(await readAll(goodFile)).toBe(ROWS + 1);
  });

  test("truncated copies are refused with a French message, at every cut", async () => {
    const cuts = [1, 4, 100, 1000, Math.floor(good.length * 0.25), Math.floor(good.length / 2), Math.floor(good.length * 0.9), good.length - 30, good.length - 22, good.length - 1];
    for (const cut of cuts) {
      const file = write(`cut-${cut}.xlsx`, good.subarray(0, cut));
      const e = await rejection(readAll(file));
      expect(e.message).toContain(`Le fichier « ${file} » n'est pas un classeur Excel .xlsx lisible (archive ZIP corrompue ou tronquée).`);
      expect(e.message).toContain("Réenregistrez-le depuis Excel au format .xlsx");
      expect(e.file).toBe(file);
    }
  });

  test("damaged bytes inside the sheet data are refused (inflate error or CRC), never a short read", async () => {
    // Corrupt the compressed bytes of the (largest) sheet entry at several places.
    const cdView = Buffer.from(good);
    const eocd = cdView.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    let p = cdView.readUInt32LE(eocd + 16);
    let sheetStart = -1;
    let sheetSize = 0;
    while (cdView.readUInt32LE(p) === 0x02014b50) {
      const nameLen = cdView.readUInt16LE(p + 28);
      const name = cdView.toString("utf8", p + 46, p + 46 + nameLen);
      if (/worksheets\/sheet1\.xml$/.test(name)) {
        const local = cdView.readUInt32LE(p + 42);
        sheetStart = local + 30 + cdView.readUInt16LE(local + 26) + cdView.readUInt16LE(local + 28);
        sheetSize = cdView.readUInt32LE(p + 20);
      }
      p += 46 + nameLen + cdView.readUInt16LE(p + 30) + cdView.readUInt16LE(p + 32);
    }
    expect(sheetStart).toBeGreaterThan(0);
    for (const frac of [0.1, 0.5, 0.8]) {
      const bad = Buffer.from(good);
      const at = sheetStart + Math.floor(sheetSize * frac);
      for (let k = 0; k < 4; k++) bad[at + k] ^= 0x5a;
      const e = await rejection(readAll(write(`flip-${frac}.xlsx`, bad)));
      expect(e.message).toMatch(/n'est pas (un classeur Excel \.xlsx )?lisible/);
    }
  });

  test("Node's zlib as the inflater: same rows, same refusals", async () => {
    expect(await readAll(goodFile, "zlib")).toBe(ROWS + 1);
    const rows = async (inflate: "fflate" | "zlib") => {
      const book = await openXlsx(goodFile, { inflate });
      return allRows(book, "Mandats");
    };
    expect(await rows("zlib")).toEqual(await rows("fflate"));
    for (const cut of [Math.floor(good.length / 2), good.length - 1]) {
      const e = await rejection(readAll(write(`zcut-${cut}.xlsx`, good.subarray(0, cut)), "zlib"));
      expect(e.message).toContain("n'est pas un classeur Excel .xlsx lisible");
    }
    // A damaged DEFLATE stream whose central directory is intact.
    const bad = Buffer.from(good);
    const sheetAt = bad.indexOf("xl/worksheets/sheet1.xml");
    expect(sheetAt).toBeGreaterThan(0);
    for (let k = 0; k < 64; k++) bad[sheetAt + 200 + k] ^= 0xff;
    const e = await rejection(readAll(write("zflip.xlsx", bad), "zlib"));
    expect(e.message).toContain("lisible");
  });

  test("a changed byte in an uncompressed (stored) part is caught by the CRC", async () => {
    const xml = worksheet('<row r="1"><c r="A1"><v>45000</v></c></row>');
    const stored = handXlsx({ sheets: [{ name: "S", xml }], level: 0 });
    const ok = write("stored-ok.xlsx", stored);
    expect(await allRows(await openXlsx(ok), "S")).toEqual([[1, [45000]]]);
    const bad = Buffer.from(stored);
    const at = bad.indexOf("<v>45000</v>") + 7;
    expect(String.fromCharCode(bad[at])).toBe("0");
    bad[at] = "1".charCodeAt(0); // 45000 → 45001: still valid XML, only the CRC can tell
    const e = await rejection(readAll(write("stored-bad.xlsx", bad)));
    expect(e.message).toContain("n'est pas un classeur Excel .xlsx lisible");
  });

  test("not a zip, an old .xls, an empty file, a zip without workbook, a missing file", async () => {
    const notZip = write("texte.xlsx", strToU8("Date;Montant\n01/01/2025;12\n"));
    expect((await rejection(readAll(notZip))).message).toContain("n'est pas un classeur Excel .xlsx lisible");

    const ole = write("ancien.xlsx", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    expect((await rejection(readAll(ole))).message).toContain("Excel 97-2003 (.xls) ou un classeur protégé par mot de passe");

    const empty = write("vide.xlsx", new Uint8Array(0));
    expect((await rejection(readAll(empty))).message).toContain("est vide");

    const noWorkbook = write("sans-classeur.xlsx", zipSync({ "a.txt": strToU8("bonjour") }));
    expect((await rejection(readAll(noWorkbook))).message).toContain("partie xl/workbook.xml absente");

    const missing = path.join(tmp.dir, "absent.xlsx");
    const e = await rejection(readAll(missing));
    expect(e.message).toBe(`Le fichier « ${missing} » est introuvable. Vérifiez le chemin et le nom du fichier.`);
  });

  test("a sheet whose XML stops before </sheetData>, or points at a missing shared string, is refused", async () => {
    const cutXml = worksheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>').replace(/<\/sheetData>.*$/s, "");
    const e1 = await rejection(readAll(write("cut-xml.xlsx", handXlsx({ sheets: [{ name: "S", xml: cutXml }] }))));
    expect(e1.message).toContain("(feuille « S ») n'est pas lisible : la feuille est endommagée ou tronquée");
    expect(e1.sheet).toBe("S");

    const badIndex = worksheet('<row r="1"><c r="A1" t="s"><v>5</v></c></row>');
    const e2 = await rejection(readAll(write("bad-sst.xlsx", handXlsx({ sheets: [{ name: "S", xml: badIndex }], sharedStrings: sst(["<si><t>a</t></si>"]) }))));
    expect(e2.sheet).toBe("S");

    const cutSst = sst(["<si><t>a</t></si>", "<si><t>b</t></si>"]).replace("</sst>", "");
    const e3 = await rejection(readAll(write("cut-sst.xlsx", handXlsx({ sheets: [{ name: "S", xml: worksheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') }], sharedStrings: cutSst }))));
    expect(e3.message).toContain("n'est pas un classeur Excel .xlsx lisible");
  });

  test("errors thrown by the row handler come through unchanged", async () => {
    const book = await openXlsx(goodFile);
    const boom = new RangeError("boom");
    await expect(
      book.readRows("Mandats", (_r, n) => {
        if (n === 2000) throw boom;
      }),
    ).rejects.toBe(boom);
  });
});
