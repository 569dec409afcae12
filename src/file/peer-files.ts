/**
 * Files of the peer comparison (issue #15): the referentiel (.json), fiches de comparaison
 * (.json or .xlsx) and reports (.xlsx written by Optima Achats, whose Comparaison sheet holds the
 * buyer's fiche in the "tblFiche" table). Folders are read file by file (.json and .xlsx).
 * Bad files give an InputError naming the file and what to do.
 */
import * as fs from "node:fs";
import * as nodePath from "node:path";
import { FicheFormatError, ficheFromRows, parseFiche, type Fiche } from "../core/peers/fiche";
import { parseReferentiel, ReferentielFormatError, type Referentiel } from "../core/peers/referentiel";
import { InputError, fromFileSystemError } from "./errors";
import { readJson } from "./user-files";
import { openXlsx } from "./xlsx-reader";

export async function readReferentielFile(path: string): Promise<Referentiel> {
  const json = await readJson(path, "du référentiel");
  try {
    return parseReferentiel(json);
  } catch (e) {
    if (e instanceof ReferentielFormatError) throw new InputError(e.message, { file: path, hint: "" });
    throw e;
  }
}

/** The fiche held by an .xlsx (a fiche workbook or an Optima Achats report), or null when none. */
async function ficheOfXlsx(path: string): Promise<Fiche | null> {
  const book = await openXlsx(path);
  for (const sheet of book.sheets) {
    const table = sheet.tables.find((t) => t.name.toLowerCase() === "tblfiche");
    if (!table) continue;
    const rows: [string, unknown][] = [];
    const first = table.range.firstRow + table.headerRowCount;
    const last = table.range.lastRow - table.totalsRowCount;
    await book.readRows(sheet.name, (row, r) => {
      if (r < first) return;
      if (r > last) return "stop";
      const k = row[table.range.firstCol];
      if (k === null || k === undefined || k === "") return;
      rows.push([String(k), row[table.range.firstCol + 1] ?? null]);
    });
    try {
      return ficheFromRows(rows);
    } catch (e) {
      if (e instanceof FicheFormatError)
        throw new InputError(e.message, { file: path, sheet: sheet.name, hint: "" });
      throw e;
    }
  }
  return null;
}

export async function readFicheFile(path: string): Promise<Fiche> {
  if (/\.xlsx$/i.test(path)) {
    const f = await ficheOfXlsx(path);
    if (f === null)
      throw new InputError("ne contient pas de fiche de comparaison (tableau « tblFiche »)", {
        file: path,
        hint: "Donnez une fiche écrite par « optima-achats fiche », ou un rapport écrit par « optima-achats analyse » (feuille Comparaison).",
      });
    return f;
  }
  const json = await readJson(path, "de la fiche de comparaison");
  try {
    return parseFiche(json);
  } catch (e) {
    if (e instanceof FicheFormatError) throw new InputError(e.message, { file: path, hint: "" });
    throw e;
  }
}

/** Expands folders into their .json and .xlsx files (sorted by name), keeping files as given. */
export async function expandFicheInputs(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(p);
    } catch (e) {
      throw fromFileSystemError(e, p);
    }
    if (!stat.isDirectory()) {
      out.push(p);
      continue;
    }
    const names = (await fs.promises.readdir(p))
      .filter((n) => /\.(json|xlsx)$/i.test(n) && !n.startsWith(".") && !n.startsWith("~$"))
      .sort();
    if (names.length === 0)
      throw new InputError("ne contient aucune fiche (.json ou .xlsx)", {
        file: p,
        hint: "Rassemblez les fiches de comparaison reçues dans ce dossier.",
      });
    for (const n of names) out.push(nodePath.join(p, n));
  }
  return out;
}

/** Reads fiches from files and folders. */
export async function readFiches(paths: readonly string[]): Promise<{ fiches: Fiche[]; files: string[] }> {
  const files = await expandFicheInputs(paths);
  const fiches: Fiche[] = [];
  for (const f of files) fiches.push(await readFicheFile(f));
  return { fiches, files };
}

/** Writes a fiche as JSON (atomic: temporary file then rename). */
export async function writeFicheJson(fiche: Fiche, path: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await fs.promises.writeFile(tmp, JSON.stringify(fiche, null, 2) + "\n", "utf8");
  await fs.promises.rename(tmp, path);
}
