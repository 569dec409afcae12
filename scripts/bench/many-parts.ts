/**
 * A workbook with many parts (issue #13, items 4 and 8): `base` rewritten with `extra` small
 * parts added (xl/extra/partN.xml, unreferenced: an update keeps them as they are). Shared by the
 * ZIP64 tests and scripts/bench/xlsx-update-parts.ts.
 */
import * as fs from "node:fs";
import { ZipArchive } from "../../src/file/zip";
import { ZipWriter } from "../../src/file/xlsx-writer/zip-writer";

export async function addParts(base: string, out: string, extra: number): Promise<void> {
  const zip = await ZipArchive.open(base);
  const fh = await fs.promises.open(out, "w");
  try {
    const w = new ZipWriter(fh, new Date(2026, 10, 5, 12), 1);
    for (const e of zip.entries) await w.addRaw(e.name, base, e);
    for (let i = 1; i <= extra; i++) await w.addText(`xl/extra/part${i}.xml`, `<p n="${i}"/>`);
    await w.end();
  } finally {
    await fh.close();
  }
}
