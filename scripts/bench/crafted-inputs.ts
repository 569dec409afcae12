/**
 * Crafted inputs (issue #13): time and peak memory of the CLI's reading path on each, in a fresh
 * process per case (its peak RSS is its own). Each must end in an InputError (exit code 1) with a
 * French message, within bounded memory (target: peak RSS < 1.5 GB whatever the input).
 *
 *   npx tsx scripts/bench/crafted-inputs.ts
 *
 * The files are written to a temporary folder, deleted at the end. Prints one JSON line a case.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { strToU8, zipSync, type Zippable } from "fflate";
import { loadInputs } from "../../src/file/load-inputs";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A one-sheet workbook around the given sheet XML bytes. */
function workbook(sheet: Uint8Array, sharedStrings?: Uint8Array): Uint8Array {
  const files: Zippable = {
    "[Content_Types].xml": strToU8("<Types/>"),
    "_rels/.rels": strToU8(`<Relationships><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    "xl/workbook.xml": strToU8(`<workbook xmlns:r="${REL}"><sheets><sheet name="Mandats" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<Relationships><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${sharedStrings ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ""}</Relationships>`
    ),
    "xl/worksheets/sheet1.xml": [sheet, { level: 9 }],
  };
  if (sharedStrings) files["xl/sharedStrings.xml"] = [sharedStrings, { level: 9 }];
  return zipSync(files);
}

const HEAD = '<worksheet xmlns="main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Date</t></is></c><c r="B1" t="inlineStr"><is><t>Fournisseur</t></is></c><c r="C1" t="inlineStr"><is><t>Montant HT</t></is></c></row>';
const TAIL = "</sheetData></worksheet>";

/** HEAD + `count` times `unit` (or unit(i)) + TAIL, as bytes, without one big string. */
function repeated(count: number, unit: string | ((i: number) => string)): Uint8Array {
  const parts: Uint8Array[] = [strToU8(HEAD)];
  let batch: string[] = [];
  for (let i = 0; i < count; i++) {
    batch.push(typeof unit === "string" ? unit : unit(i));
    if (batch.length === 100_000) {
      parts.push(strToU8(batch.join("")));
      batch = [];
    }
  }
  parts.push(strToU8(batch.join("") + TAIL));
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function spaces(bytes: number): Uint8Array {
  const head = strToU8(HEAD);
  const tail = strToU8(TAIL);
  const out = new Uint8Array(head.length + bytes + tail.length).fill(32);
  out.set(head, 0);
  out.set(tail, head.length + bytes);
  return out;
}

const CASES: Record<string, () => { name: string; bytes: Uint8Array | string }> = {
  "cell-beyond-XFD": () => ({ name: "xfd.xlsx", bytes: workbook(strToU8(`${HEAD}<row r="2"><c r="ZZZZZZZZZZ2"><v>1</v></c></row>${TAIL}`)) }),
  "row-beyond-1048576": () => ({ name: "row.xlsx", bytes: workbook(strToU8(`${HEAD}<row r="99999999999"><c r="A9"><v>1</v></c></row>${TAIL}`)) }),
  "4M-empty-rows": () => ({ name: "empty-rows.xlsx", bytes: workbook(repeated(4_000_000, "<row/>")) }),
  "3M-numbered-rows": () => ({ name: "numbered-rows.xlsx", bytes: workbook(repeated(3_000_000, (i) => `<row r="${i + 2}"/>`)) }),
  "200MB-whitespace": () => ({ name: "whitespace.xlsx", bytes: workbook(spaces(200 * 1024 * 1024)) }),
  "15MB-whitespace-under-ratio-floor": () => ({ name: "whitespace-small.xlsx", bytes: workbook(spaces(15 * 1024 * 1024)) }),
  "long-shared-string": () => ({
    name: "sst.xlsx",
    bytes: workbook(strToU8(`${HEAD}<row r="2"><c r="B2" t="s"><v>0</v></c></row>${TAIL}`), strToU8(`<sst><si><t>${"a".repeat(10_000_000)}</t></si></sst>`)),
  }),
  "decp-nested-1M-levels": () => ({ name: "decp.json", bytes: `{"marches":[${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}]}` }),
};

async function child(file: string, name: string): Promise<void> {
  const t = performance.now();
  let outcome = "read";
  try {
    await loadInputs([file], { inflate: "zlib" });
  } catch (e) {
    outcome = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
  console.log(
    JSON.stringify({
      case: name,
      fileKiB: Math.round(fs.statSync(file).size / 1024),
      ms: Math.round(performance.now() - t),
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      outcome: outcome.length > 220 ? `${outcome.slice(0, 217)}…` : outcome,
    })
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === "--child") return child(args[1], args[2]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "optima-bench-crafted-"));
  try {
    for (const [name, make] of Object.entries(CASES)) {
      const { name: fileName, bytes } = make();
      const file = path.join(dir, fileName);
      fs.writeFileSync(file, bytes);
      const out = execFileSync(process.execPath, [...process.execArgv, __filename, "--child", file, name], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
      });
      process.stdout.write(out);
      fs.rmSync(file);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
