/**
 * The .xlsx output of the CLI (issue #6): every sheet of the workbook spec (SPEC §5–7), the same
 * spec the add-in renders, written by our own OOXML writer (src/file/xlsx-writer, on fflate).
 *
 * - `writeWorkbook(spec, outPath)` writes a new workbook; with `{ existing: true }` and a file
 *   already at `outPath`, it updates that workbook as the add-in does: the sheets Optima Achats
 *   owns are rewritten, everything else in the file is kept byte for byte (the user's sheets,
 *   charts, names, styles…). To keep the user's entries (plan, diagnostic, parameters) and the
 *   history, read them first with `readOwnedInputs`, give them to `readUserInputs`, and build the
 *   spec with `previousInputs`.
 * - The write is atomic: a temporary file in the same folder, renamed over `outPath` at the end;
 *   on any failure the temporary file is removed and `outPath` is left as it was.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Cell } from "../core/model";
import { INPUT_SHEET_KEYS, LAYOUT_VERSION } from "../report/input-layout";
import { isValidSheetName, isValidTableName, type WorkbookSpec } from "../report/spec";
import { InputError } from "./errors";
import { release, removeOnInterrupt, tempPathFor } from "./temp-files";
import { fitToSheetRows, writeTableCsv, type CutTable } from "./sheet-limits";
import { openExisting } from "./xlsx-writer/existing";
import { writePackage, type PackageReport } from "./xlsx-writer/package";
import { openXlsx } from "./xlsx-reader";

export interface WriteOptions {
  /**
   * Update the workbook already at `outPath` (owned sheets rewritten, the rest kept). Without it,
   * or when there is no file yet, a new workbook replaces whatever is at `outPath`.
   */
  existing?: boolean;
  /** Deflate level 1–9 (default 6). */
  level?: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /** Last 0-based sheet row (Excel's, 1 048 575, by default; smaller in tests). */
  lastRow?: number;
}

export interface WriteReport extends PackageReport {
  path: string;
  mode: "created" | "updated";
  elapsedMs: number;
  /** Tables cut at Excel's last row, their full list written to a CSV beside the workbook. */
  cutTables: CutTable[];
}

function checkSpec(spec: WorkbookSpec): void {
  const names = new Set<string>();
  const tables = new Set<string>();
  for (const s of spec.sheets) {
    if (!isValidSheetName(s.name)) throw new Error(`Nom de feuille invalide : « ${s.name} »`);
    if (names.has(s.name.toLowerCase()))
      throw new Error(`Nom de feuille en double : « ${s.name} »`);
    names.add(s.name.toLowerCase());
    for (const t of s.tables) {
      if (!isValidTableName(t.name) || tables.has(t.name.toLowerCase()))
        throw new Error(`Nom de tableau invalide ou en double : ${t.name}`);
      tables.add(t.name.toLowerCase());
      if (t.columns.length === 0) throw new Error(`Tableau sans colonne : ${t.name}`);
      const headers = new Set(t.columns.map((c) => c.header.toLowerCase()));
      if (headers.size !== t.columns.length || headers.has(""))
        throw new Error(`En-têtes vides ou en double dans le tableau ${t.name}`);
      // Excel refuses (repairs) a table that overlaps merged cells.
      const r2 = t.row + Math.max(1, t.rows.length);
      const c2 = t.col + t.columns.length - 1;
      for (const m of s.merges) {
        if (m.r1 <= r2 && m.r2 >= t.row && m.c1 <= c2 && m.c2 >= t.col)
          throw new Error(
            `Le tableau ${t.name} chevauche des cellules fusionnées (feuille « ${s.name} »)`
          );
      }
    }
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    return (await fs.promises.stat(p)).isFile();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw e;
  }
}

/** The run date of the spec as a local date (ZIP entry times, document properties). */
function runDate(spec: WorkbookSpec): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(spec.stamp.runDate);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12, 0, 0) : new Date();
}

export async function writeWorkbook(
  spec: WorkbookSpec,
  outPath: string,
  options: WriteOptions = {}
): Promise<WriteReport> {
  const t0 = performance.now();
  const target = path.resolve(outPath);
  const fitted = fitToSheetRows(spec, target, options.lastRow);
  spec = fitted.spec;
  checkSpec(spec);
  const update = options.existing === true && (await exists(target));
  const existing = update ? await openExisting(target, outPath) : null;
  const tmp = tempPathFor(target, randomBytes(4).toString("hex"));
  let fh: fs.promises.FileHandle | null = null;
  removeOnInterrupt(tmp);
  try {
    for (const c of fitted.cut) await writeTableCsv(fitted.full.get(c.table)!, c.csv);
    fh = await fs.promises.open(tmp, "wx");
    const report = await writePackage(spec, fh, {
      existing,
      date: runDate(spec),
      level: options.level,
    });
    await fh.sync();
    await fh.close();
    fh = null;
    try {
      await fs.promises.rename(tmp, target);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EBUSY" || code === "EPERM" || code === "EACCES") {
        throw new InputError(
          "ne peut pas être remplacé (fichier ouvert ou verrouillé)",
          { file: outPath, hint: "Fermez le classeur dans Excel, puis relancez." },
          { cause: e }
        );
      }
      throw e;
    }
    release(tmp);
    return {
      ...report,
      path: target,
      mode: update ? "updated" : "created",
      elapsedMs: Math.round(performance.now() - t0),
      cutTables: fitted.cut,
    };
  } catch (e) {
    if (fh) await fh.close().catch(() => undefined);
    await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
    release(tmp);
    throw outputError(e, outPath);
  }
}

/**
 * A file-system error while writing the output → an InputError with a French message (exit 1,
 * the existing workbook left as it was); other errors unchanged.
 */
export function outputError(e: unknown, outPath: string): unknown {
  if (e instanceof InputError) return e;
  const code = (e as NodeJS.ErrnoException | null)?.code;
  const unchanged = "Le classeur existant, s'il y en avait un, n'a pas été modifié.";
  const make = (problem: string, hint: string) =>
    new InputError(problem, { file: outPath, hint: `${hint} ${unchanged}` }, { cause: e });
  switch (code) {
    case "ENOSPC":
    case "EDQUOT":
      return make(
        "n'a pas pu être écrit : le disque est plein",
        "Libérez de la place sur le disque (ou choisissez un autre dossier avec -o), puis relancez."
      );
    case "ENOENT":
    case "ENOTDIR":
      return make(
        "n'a pas pu être écrit : son dossier n'existe pas (ou plus)",
        "Créez le dossier, ou indiquez avec -o un chemin dans un dossier existant."
      );
    case "EISDIR":
      return make(
        "est un dossier, pas un classeur",
        "Indiquez avec -o le nom du fichier .xlsx à écrire."
      );
    case "EROFS":
      return make(
        "n'a pas pu être écrit : le disque est en lecture seule",
        "Choisissez un autre dossier avec -o."
      );
    case "EACCES":
    case "EPERM":
      return make(
        "n'a pas pu être écrit : accès refusé",
        "Vérifiez vos droits d'écriture sur le dossier, ou choisissez un autre dossier avec -o."
      );
    case "ENAMETOOLONG":
      return make(
        "a un nom trop long pour le système de fichiers",
        "Choisissez un nom plus court."
      );
    case "EIO":
      return make(
        "n'a pas pu être écrit : erreur d'entrée-sortie du disque",
        "Vérifiez le disque (ou le lecteur réseau), puis relancez."
      );
    default:
      return e;
  }
}

/**
 * The raw values of the input sheets Optima Achats owns in an existing workbook (Plan
 * stratégique, Diagnostic 360, Paramètres, Historique), keyed by sheet key — what
 * `readUserInputs` takes. Row r of the grid is sheet row r + 1. A missing file gives {}; a sheet
 * whose recorded layout version is newer than this version's is left out.
 */
export async function readOwnedInputs(file: string): Promise<Record<string, Cell[][]>> {
  if (!(await exists(path.resolve(file)))) return {};
  const pkg = await openExisting(file);
  const out: Record<string, Cell[][]> = {};
  // A merge-inputs sheet written with a newer layout than ours is not read (the next write keeps
  // it, renamed, beside a fresh sheet).
  const wanted = INPUT_SHEET_KEYS.filter((k) => {
    const o = pkg.owned.get(k);
    return o !== undefined && (k === "historique" || o.layoutVersion <= LAYOUT_VERSION);
  });
  if (wanted.length === 0) return out;
  const book = await openXlsx(file);
  for (const key of wanted) {
    const name = pkg.sheets[pkg.owned.get(key)!.index].name;
    const grid: Cell[][] = [];
    await book.readRows(name, (row, n) => {
      grid[n - 1] = row;
    });
    for (let i = 0; i < grid.length; i++) if (!grid[i]) grid[i] = [];
    out[key] = grid;
  }
  return out;
}
