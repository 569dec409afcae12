/**
 * ZIP64 end records on workbooks of more than 65 535 parts (issue #13, item 8): the CLI must be
 * able to read, and update, what it wrote; an external tool (Info-ZIP unzip) checks the archive.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readOwnedInputs, writeWorkbook } from "../../src/file/write-workbook";
import { openExisting } from "../../src/file/xlsx-writer/existing";
import { withZip64End } from "../../src/file/xlsx-writer/zip-writer";
import { ZipArchive } from "../../src/file/zip";
import { readUserInputs } from "../../src/report/inputs";
import { buildWorkbookSpec } from "../../src/report/workbook";
import { addParts } from "../../scripts/bench/many-parts";
import { demoAnalysis, RUN } from "./xlsx-writer-helpers";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "optima-zip64-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** An EOCD record (22 bytes): `entries` entries, central directory of `size` bytes at `offset`. */
function eocd(entries: number, size: number, offset: number): Buffer {
  const b = Buffer.alloc(22);
  b.writeUInt32LE(0x06054b50, 0);
  b.writeUInt16LE(entries & 0xffff, 8);
  b.writeUInt16LE(entries & 0xffff, 10);
  b.writeUInt32LE(size, 12);
  b.writeUInt32LE(offset, 16);
  return b;
}

describe("ZIP64 end of central directory", () => {
  it("is not added below 65 535 entries", () => {
    const tail = Buffer.concat([Buffer.alloc(10), eocd(65_534, 10, 1000)]);
    expect(withZip64End(tail, 65_534)).toBe(tail);
  });

  it("from 65 535 entries: ZIP64 record (count, size, offset) and locator before the saturated EOCD", () => {
    const cd = Buffer.alloc(10, 7);
    const out = Buffer.from(withZip64End(Buffer.concat([cd, eocd(70_000, 10, 1000)]), 70_000));
    expect(out.length).toBe(10 + 56 + 20 + 22);
    expect(out.subarray(0, 10)).toEqual(cd);
    const z = 10; // the ZIP64 record follows the central directory: at 1000 + 10 in the archive
    expect(out.readUInt32LE(z)).toBe(0x06064b50);
    expect(out.readBigUInt64LE(z + 4)).toBe(44n);
    expect(out.readBigUInt64LE(z + 32)).toBe(70_000n);
    expect(out.readBigUInt64LE(z + 40)).toBe(10n);
    expect(out.readBigUInt64LE(z + 48)).toBe(1000n);
    expect(out.readUInt32LE(z + 56)).toBe(0x07064b50);
    expect(out.readUInt32LE(z + 60)).toBe(0); // disk of the ZIP64 record
    expect(out.readBigUInt64LE(z + 64)).toBe(1010n);
    expect(out.readUInt32LE(z + 72)).toBe(1);
    const e = z + 76;
    expect(out.readUInt32LE(e)).toBe(0x06054b50);
    expect(out.readUInt16LE(e + 10)).toBe(0xffff);
    expect(out.readUInt32LE(e + 16)).toBe(1000);
  });

  it("a workbook of 70 000 extra parts is written, read back, checked by unzip, and updated", async () => {
    const analysis = demoAnalysis(1500, 80);
    const base = path.join(dir, "base.xlsx");
    await writeWorkbook(buildWorkbookSpec(analysis, RUN), base);
    const baseParts = (await ZipArchive.open(base)).entries.length;
    const big = path.join(dir, "big.xlsx");
    await addParts(base, big, 70_000);

    const zip = await ZipArchive.open(big);
    expect(zip.entries.length).toBe(baseParts + 70_000);
    expect(zip.entry("xl/extra/part70000.xml")).toBeDefined();
    expect(execFileSync("unzip", ["-tq", big], { encoding: "utf8" })).toMatch(/No errors detected/);

    // The update keeps the 70 000 parts and writes ZIP64 again; the CLI can read its own output.
    const inputs = readUserInputs(await readOwnedInputs(big));
    const report = await writeWorkbook(buildWorkbookSpec(analysis, { ...RUN, previousInputs: inputs }), big, { existing: true });
    expect(report.mode).toBe("updated");
    expect(report.keptParts.filter((p) => p.startsWith("xl/extra/"))).toHaveLength(70_000);
    const again = await openExisting(big);
    expect(again.zip.entries.length).toBe(baseParts + 70_000);
    expect(again.owned.size).toBeGreaterThan(5);
    const text = await again.zip.readText(again.zip.entry("xl/extra/part12345.xml")!);
    expect(text).toBe('<p n="12345"/>');
  }, 300_000);
});
