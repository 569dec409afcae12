/**
 * The CSV reader's hardening (issue #13, items 1, 2 and 4): unbalanced quotes are refused with
 * their line instead of merging lines silently, Excel's limits are enforced, mixed separators
 * and UTF-16 without BOM are recognised, and the scanner gives the same records whatever the
 * chunking (fast-check properties).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import type { Cell } from "../../src/core/model";
import { CSV_LIMITS, CsvScanError, CsvScanner, readCsv, readCsvRows, sniffUtf16 } from "../../src/file/csv-reader";
import { isInputError } from "../../src/file/errors";
import { makeTempDir } from "./helpers";

const tmp = makeTempDir("optima-csv-hard-");
afterAll(() => tmp.cleanup());

let counter = 0;
function write(content: string | Uint8Array, name = `h${++counter}.csv`): string {
  const file = path.join(tmp.dir, name);
  fs.writeFileSync(file, content);
  return file;
}

async function failure(file: string): Promise<Error> {
  const e = await readCsv(file).then(
    () => null,
    (err: unknown) => err,
  );
  expect(isInputError(e)).toBe(true);
  return e as Error;
}

/** Ten spend lines of 1 € to 10 € (Σ = 55 €) after a header: physical lines 1 to 11. */
function tenLines(edit: (lines: string[]) => void): string {
  const lines = ["Date mandat;Fournisseur;Montant HT"];
  for (let i = 1; i <= 10; i++) lines.push(`15/01/2025;Fournisseur ${i};${i},00`);
  edit(lines);
  return lines.join("\n") + "\n";
}

describe("unbalanced quotes are refused with their line, never merged silently", () => {
  it("a quote opened on line 3 and never closed names lines 3 to 11", async () => {
    const file = write(tenLines((l) => (l[2] = '15/01/2025;"Fournisseur 2;2,00')));
    const e = await failure(file);
    expect(e.message).toMatch(/\(ligne 3\) contient un guillemet \("\) ouvert à la ligne 3 qui n'est jamais refermé : les lignes 3 à 11 seraient lues comme une seule/);
    expect(e.message).toMatch(/s'écrit doublé/);
  });

  it("a quote opened on line 3 and closed by a stray quote on line 8 (lines 3–8 swallowed)", async () => {
    const file = write(
      tenLines((l) => {
        l[2] = '15/01/2025;"Fournisseur 2;2,00';
        l[7] = '15/01/2025;Fournisseur 7";7,00';
      }),
    );
    const e = await failure(file);
    expect(e.message).toMatch(/à la ligne 3 un champ entre guillemets qui se prolonge jusqu'à la ligne 8/);
  });

  it("a genuine multi-line quoted note (an address on three lines) is read as one record", async () => {
    const file = write('Date;Fournisseur;Adresse;Montant\n15/01/2025;Garage;"12 rue Haute\nBât. B\n75001 Paris";10,00\n16/01/2025;Papeterie;"";5,00\n');
    const t = await readCsv(file);
    expect(t.rows).toEqual([
      ["Date", "Fournisseur", "Adresse", "Montant"],
      ["15/01/2025", "Garage", "12 rue Haute\nBât. B\n75001 Paris", "10,00"],
      ["16/01/2025", "Papeterie", null, "5,00"],
    ]);
  });

  it("the analyse command exits 1 on it, naming file and line, and writes nothing", async () => {
    const { runAnalyseCommand } = await import("../../src/cli/analyse-command");
    const input = write(tenLines((l) => (l[2] = '15/01/2025;"Fournisseur 2;2,00')), "guillemet.csv");
    const out = path.join(tmp.dir, "guillemet.xlsx");
    let stderr = "";
    const code = await runAnalyseCommand(
      { command: "analyse", inputs: [input], output: out, period: null, parametersFile: null, mappingFile: null, json: true, lang: "fr" },
      { stdout: () => undefined, stderr: { write: (t) => (stderr += t), isTTY: false }, runDate: "2026-11-22" },
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/Erreur : Le fichier « .*guillemet\.csv » \(ligne 3\) contient un guillemet/);
    expect(fs.existsSync(out)).toBe(false);
  }, 60_000);
});

describe("Excel's limits (32 767 characters a cell, 16 384 columns, 1 048 576 rows)", () => {
  it("a cell of 32 767 characters is read; one of 32 768 is refused with its line", async () => {
    const ok = "x".repeat(CSV_LIMITS.cellChars);
    expect((await readCsv(write(`a;b\n1;${ok}\n`))).rows[1][1]).toHaveLength(32_767);
    const e = await failure(write(`a;b\n1;2\n3;"${ok}y"\n`));
    expect(e.message).toMatch(/\(ligne 3\) contient un champ de plus de 32\u202f767 caractères/);
  });

  it("a long cell across many read chunks is refused as soon as it passes the limit", async () => {
    const e = await failure(write(`a;b\n1;${"z".repeat(3_000_000)}\n`));
    expect(e.message).toMatch(/\(ligne 2\) contient un champ de plus de 32\u202f767 caractères/);
  });

  it("16 384 columns are read; 16 385 are refused", async () => {
    const header = Array.from({ length: CSV_LIMITS.columns }, (_, i) => `c${i}`).join(";");
    expect((await readCsv(write(`${header}\n`))).rows[0]).toHaveLength(16_384);
    const e = await failure(write(`${header}\n${header};extra\n`));
    expect(e.message).toMatch(/\(ligne 2\) contient une ligne de plus de 16\u202f384 colonnes/);
  });

  it("1 048 576 rows are read; one more is refused", async () => {
    const rows = "1\n".repeat(CSV_LIMITS.rows);
    expect((await readCsvRows(write(rows), () => undefined)).rows).toBe(1_048_576);
    const e = await failure(write(rows + "2\n"));
    expect(e.message).toMatch(/\(ligne 1048577\) contient plus de 1\u202f048\u202f576 lignes, la limite d'une feuille Excel/);
  }, 60_000);
});

describe("mixed separators and UTF-16 without BOM", () => {
  it("a line using ',' in a ';' file is refused with its line", async () => {
    const file = write("Date;Fournisseur;Montant\n15/01/2025;Garage;10,00\n16/01/2025,Papeterie,5\n");
    const e = await failure(file);
    expect(e.message).toMatch(/\(ligne 3\) utilise à la ligne 3 le séparateur « , » alors que le reste du fichier utilise « ; »/);
  });

  it("a one-column text line with a decimal comma is not taken for a separator change", async () => {
    const t = await readCsv(write("Date;Fournisseur;Montant\n15/01/2025;Garage;10,00\nTotal 10,00\n"));
    expect(t.rows[2]).toEqual(["Total 10,00"]);
  });

  it.each(["utf-16le", "utf-16be"] as const)("%s without BOM is sniffed and read", async (encoding) => {
    const text = "Libellé\tMontant\r\nÉlectricité\t12,5\r\n";
    const le = Buffer.from(text, "utf16le");
    const bytes = encoding === "utf-16le" ? le : Buffer.from(le).swap16();
    expect(sniffUtf16(bytes)).toBe(encoding);
    const t = await readCsv(write(bytes));
    expect(t.info).toMatchObject({ encoding, bom: false, delimiter: "\t" });
    expect(t.rows).toEqual([
      ["Libellé", "Montant"],
      ["Électricité", "12,5"],
    ]);
  });

  it("UTF-8 and Windows-1252 text are not taken for UTF-16", () => {
    expect(sniffUtf16(Buffer.from("Date;Montant\n15/01/2025;12,5\n", "utf8"))).toBeNull();
    expect(sniffUtf16(Buffer.from("Entit\u00e9;Montant\n", "latin1"))).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Properties of the scanner

type Outcome = { rows: Cell[][] } | { error: string };

function scan(text: string, cuts: number[], delimiter = ";"): Outcome {
  const rows: Cell[][] = [];
  const s = new CsvScanner(delimiter.charCodeAt(0), (r) => {
    rows.push(r);
  });
  try {
    let from = 0;
    for (const c of [...cuts].sort((a, b) => a - b)) {
      const at = Math.min(c, text.length);
      s.push(text.slice(from, at), false);
      from = Math.max(from, at);
    }
    s.push(text.slice(from), true);
    return { rows };
  } catch (e) {
    if (e instanceof CsvScanError) return { error: JSON.stringify(e.problem) };
    throw e;
  }
}

/** RFC 4180 writing: a field is quoted when it holds a separator, a quote or a line break. */
function serialise(rows: string[][]): string {
  return rows
    .map((r) => r.map((f) => (/[;"\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(";"))
    .join("\r\n");
}

function breaks(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length;
}

const fieldChar = fc.constantFrom("a", "é", " ", ";", '"', "\n", "\r", "\r\n", ",", "1");
const field = fc.array(fieldChar, { maxLength: 8 }).map((cs) => cs.join(""));
const cuts = fc.array(fc.nat({ max: 400 }), { maxLength: 12 });

describe("CSV scanner properties (fast-check)", () => {
  it("reads back what an RFC 4180 writer wrote, whatever the chunk boundaries", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((w) =>
          fc.array(fc.array(field, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 8 }),
        ),
        cuts,
        (rows, cutAt) => {
          // A record of one empty field is a blank line: give it a visible value.
          const table = rows.map((r) => (r.length === 1 && r[0] === "" ? ["x"] : r));
          const out = scan(serialise(table), cutAt);
          // Multi-line fields of random text may look like swallowed records: then refused.
          if ("error" in out) return expect(out.error).toMatch(/swallowedLines/);
          expect(out.rows).toEqual(table.map((r) => r.map((f) => (f === "" ? null : f))));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("the chunking never changes the outcome, on any text", () => {
    fc.assert(
      fc.property(fc.array(fieldChar, { maxLength: 60 }).map((c) => c.join("")), cuts, (text, cutAt) => {
        expect(scan(text, cutAt)).toEqual(scan(text, []));
      }),
      { numRuns: 1000 },
    );
  });

  it("never reads fewer lines than the text holds: records + line breaks inside fields = physical lines, or a refusal", () => {
    fc.assert(
      fc.property(fc.array(fieldChar, { minLength: 1, maxLength: 60 }).map((c) => c.join("")), (text) => {
        const out = scan(text, []);
        if ("error" in out) return;
        const inner = out.rows.reduce<number>((n, r) => n + r.reduce<number>((m, c) => m + (typeof c === "string" ? breaks(c) : 0), 0), 0);
        const physical = breaks(text) + (/(\r\n|\r|\n)$/.test(text) ? 0 : 1);
        expect(out.rows.length + inner).toBe(physical);
      }),
      { numRuns: 1000 },
    );
  });

  it("text that ends inside a quoted field is always refused", () => {
    fc.assert(
      fc.property(fc.array(fieldChar.filter((c) => c !== '"'), { maxLength: 30 }).map((c) => c.join("")), (tail) => {
        const out = scan(`a;b\n1;"${tail}`, []);
        expect("error" in out && /unclosedQuote/.test(out.error)).toBe(true);
      }),
    );
  });
});
