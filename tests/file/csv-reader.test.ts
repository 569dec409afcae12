import * as fs from "node:fs";
import * as path from "node:path";
import type { Cell } from "../../src/core/model";
import { parseAmountCents } from "../../src/core/parse/number";
import { detectDelimiter, readCsv, readCsvRows } from "../../src/file/csv-reader";
import { InputError } from "../../src/file/errors";
import { makeTempDir } from "./helpers";

const tmp = makeTempDir("optima-csv-test-");
afterAll(() => tmp.cleanup());

let counter = 0;
function write(content: string | Uint8Array, name = `f${++counter}.csv`): string {
  const file = path.join(tmp.dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe("readCsv", () => {
  test("French export: semicolons, comma decimals, CRLF, empty fields are null", async () => {
    const file = write("Date;Fournisseur;Montant HT;Service\r\n15/03/2025;Papeterie Martin;1 234,56;\r\n16/03/2025;Garage Dupont;-250,00;Voirie\r\n", "mandats.csv");
    const t = await readCsv(file);
    expect(t.name).toBe("mandats.csv");
    expect(t.info).toEqual({ encoding: "utf-8", bom: false, delimiter: ";", rows: 3 });
    expect(t.rows).toEqual([
      ["Date", "Fournisseur", "Montant HT", "Service"],
      ["15/03/2025", "Papeterie Martin", "1 234,56", null],
      ["16/03/2025", "Garage Dupont", "-250,00", "Voirie"],
    ]);
    expect(parseAmountCents(t.rows[1][2])).toBe(123456);
  });

  test("UTF-8 with BOM: the BOM is not part of the first header", async () => {
    const file = write(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Libellé;Montant\nÉlectricité;12,5\n", "utf8")]));
    const t = await readCsv(file);
    expect(t.info.encoding).toBe("utf-8");
    expect(t.info.bom).toBe(true);
    expect(t.rows).toEqual([
      ["Libellé", "Montant"],
      ["Électricité", "12,5"],
    ]);
  });

  test("Windows-1252 bytes (é = 0xE9, € = 0x80, ’ = 0x92, œ = 0x9C)", async () => {
    const bytes = Buffer.from([
      ...Buffer.from("Entit", "latin1"), 0xe9, 0x3b, ...Buffer.from("Montant\r\n", "latin1"),
      ...Buffer.from("C", "latin1"), 0x9c, ...Buffer.from("ur d", "latin1"), 0x92, ...Buffer.from("agglom", "latin1"), 0xe9, ...Buffer.from("ration;12 ", "latin1"), 0x80, 0x0d, 0x0a,
    ]);
    const t = await readCsv(write(bytes));
    expect(t.info.encoding).toBe("windows-1252");
    expect(t.rows).toEqual([
      ["Entité", "Montant"],
      ["Cœur d’agglomération", "12 €"],
    ]);
  });

  test("one Windows-1252 byte far down a long file makes the whole file Windows-1252", async () => {
    const lines = ["Code;Libellé".replace("é", "e")];
    for (let i = 0; i < 20_000; i++) lines.push(`${i};ligne ${i}`);
    const head = Buffer.from(lines.join("\n") + "\n", "latin1");
    expect(head.length).toBeGreaterThan(64 * 1024);
    const file = write(Buffer.concat([head, Buffer.from([0x39, 0x3b, 0x45, 0x6e, 0x74, 0x69, 0x74, 0xe9, 0x0a])]));
    const rows: Cell[][] = [];
    const info = await readCsvRows(file, (r) => {
      rows.push(r);
    });
    expect(info.encoding).toBe("windows-1252");
    expect(rows[rows.length - 1]).toEqual(["9", "Entité"]);
    expect(rows.length).toBe(20_002);
  });

  test("RFC 4180 quotes: separators, newlines and doubled quotes inside; row numbers are records", async () => {
    const file = write('Objet;Montant;Note\n"Fournitures; papeterie";"1 234,56";"ligne 1\r\nligne 2"\n"Dit ""urgent""";5;\n\nx;y;z');
    const seen: [number, Cell[]][] = [];
    await readCsvRows(file, (row, n) => {
      seen.push([n, row]);
    });
    expect(seen).toEqual([
      [1, ["Objet", "Montant", "Note"]],
      [2, ["Fournitures; papeterie", "1 234,56", "ligne 1\r\nligne 2"]],
      [3, ['Dit "urgent"', "5", null]],
      [4, []],
      [5, ["x", "y", "z"]],
    ]);
  });

  test("comma, tab and pipe separators; comma-separated files with quoted decimal commas", async () => {
    expect((await readCsv(write('Date,Montant\n2025-01-01,"1,5"\n2025-01-02,"2,5"\n'))).rows).toEqual([
      ["Date", "Montant"],
      ["2025-01-01", "1,5"],
      ["2025-01-02", "2,5"],
    ]);
    expect((await readCsv(write("a\tb\tc\n1\t2\t3\n"))).info.delimiter).toBe("\t");
    expect((await readCsv(write("a|b\n1|2\n"))).rows).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  test("delimiter detection prefers the separator that is constant across lines", () => {
    expect(detectDelimiter("Date;Montant HT;Montant TTC\n01/01/2025;1,5;1,8\n02/01/2025;2,5;3,0\n")).toBe(";");
    expect(detectDelimiter("Titre de l'export\nDate;Montant\n01/01/2025;1,5\n")).toBe(";");
    expect(detectDelimiter('a,b,c\n"x;y",2,3\n')).toBe(",");
    expect(detectDelimiter("une seule colonne\nvaleur\n")).toBe(";");
  });

  test('Excel\'s "sep=" first line sets the separator and is not a row', async () => {
    const seen: [number, Cell[]][] = [];
    const info = await readCsvRows(write("sep=,\na;b,c\n1;2,3\n"), (row, n) => {
      seen.push([n, row]);
    });
    expect(info.delimiter).toBe(",");
    expect(seen).toEqual([
      [1, ["a;b", "c"]],
      [2, ["1;2", "3"]],
    ]);
  });

  test("large file across read chunks: quoted newlines, multi-byte characters, exact rows", async () => {
    const n = 40_000;
    const parts = ["Date;Objet;Montant\r\n"];
    for (let i = 0; i < n; i++) parts.push(`01/01/2025;"Objet ${i} — é€\r\n""suite""";${i},${i % 100}\r\n`);
    const file = write(parts.join(""));
    expect(fs.statSync(file).size).toBeGreaterThan(1024 * 1024);
    let count = 0;
    const bad: number[] = [];
    await readCsvRows(file, (row, r) => {
      count++;
      if (r === 1) return;
      const i = r - 2;
      if (JSON.stringify(row) !== JSON.stringify(["01/01/2025", `Objet ${i} — é€\r\n"suite"`, `${i},${i % 100}`])) bad.push(r);
    });
    expect(bad).toEqual([]);
    expect(count).toBe(n + 1);
  });

  test('"stop" ends early; a missing file is an InputError', async () => {
    const seen: number[] = [];
    await readCsvRows(write("a\nb\nc\nd\n"), (_r, n) => {
      seen.push(n);
      return n === 2 ? "stop" : undefined;
    });
    expect(seen).toEqual([1, 2]);
    const missing = path.join(tmp.dir, "absent.csv");
    await expect(readCsv(missing)).rejects.toThrow(InputError);
    await expect(readCsv(missing)).rejects.toThrow(`Le fichier « ${missing} » est introuvable.`);
  });
});
