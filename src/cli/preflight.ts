/**
 * Checks made before any work (issue #13, item 10): an output the run could never write is a
 * usage error (exit 2) reported at once, not an "Erreur inattendue : ENOENT" after the whole
 * analysis.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { UsageError } from "./args";

/** Throws a UsageError when `output` cannot be written: folder missing, a folder itself, no access. */
export async function checkOutputPath(output: string): Promise<void> {
  const target = path.resolve(output);
  const dir = path.dirname(target);
  let dirStat: fs.Stats;
  try {
    dirStat = await fs.promises.stat(dir);
  } catch {
    throw new UsageError(
      `Le dossier du classeur à écrire n'existe pas : « ${path.dirname(output) || "."} ». Créez-le, ou indiquez avec -o un chemin dans un dossier existant.`
    );
  }
  if (!dirStat.isDirectory())
    throw new UsageError(
      `« ${path.dirname(output)} » n'est pas un dossier : le classeur « ${output} » ne peut pas y être écrit. Indiquez avec -o un chemin dans un dossier existant.`
    );
  let st: fs.Stats | null = null;
  try {
    st = await fs.promises.stat(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  if (st?.isDirectory())
    throw new UsageError(
      `« ${output} » est un dossier, pas un classeur. Indiquez avec -o le nom du fichier à écrire, par exemple « ${path.join(output, "rapport.xlsx")} ».`
    );
  if (st && !st.isFile())
    throw new UsageError(
      `« ${output} » n'est pas un fichier ordinaire. Choisissez un autre classeur à écrire.`
    );
  try {
    // The new workbook is written beside the old one, then renamed: the folder must be writable.
    await fs.promises.access(dir, fs.constants.W_OK);
  } catch {
    throw new UsageError(
      `Le dossier « ${path.dirname(output) || "."} » n'est pas accessible en écriture. Choisissez un autre dossier, ou demandez les droits d'écriture.`
    );
  }
}
