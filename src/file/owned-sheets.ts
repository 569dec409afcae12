/**
 * The sheets Optima Achats wrote in a workbook (its own output: Tableau de bord, Analyse
 * fournisseurs, Plan stratégique…), so that a workbook analysed and updated in place month after
 * month never reads its own output back as input data (issue #12).
 */
import { openExisting } from "./xlsx-writer/existing";
import type { XlsxBook } from "./xlsx-reader";
import type { ZipArchive } from "./zip";

/**
 * Names of the sheets of `file` owned by Optima Achats; empty when none or unreadable as such.
 * `opened`: the archive and workbook the caller already opened (the file is then not opened again).
 */
export async function ownedSheetNames(
  file: string,
  opened: { zip?: ZipArchive; book?: XlsxBook } = {}
): Promise<Set<string>> {
  try {
    const pkg = await openExisting(file, file, opened);
    return new Set([...pkg.owned.values()].map((o) => pkg.sheets[o.index].name));
  } catch {
    // Not a workbook this tool can update (Strict, 1904…): then it holds no sheet of ours either;
    // reading the file as input reports its own problems.
    return new Set();
  }
}
