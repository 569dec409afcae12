/**
 * Bad input (SPEC §2, issue #6): an unreadable, truncated or unsupported file, a mapping that does
 * not fit, a table without its required columns. The CLI maps it to exit code 1 and prints the
 * message, which is French and says which file (sheet, row) and what to do.
 */

export interface InputErrorDetails {
  /** Path of the file at fault, as given by the user. */
  file: string;
  sheet?: string;
  /** 1-based sheet row (or CSV record, or DECP list position). */
  row?: number;
  /** What to do about it, one French sentence. */
  hint: string;
}

export class InputError extends Error {
  readonly file: string;
  readonly sheet?: string;
  readonly row?: number;
  readonly hint: string;

  /**
   * @param problem what is wrong, a French sentence without the location (it is added), e.g.
   *   "n'est pas un classeur Excel .xlsx lisible (archive ZIP corrompue ou tronquée)".
   */
  constructor(problem: string, details: InputErrorDetails, options?: { cause?: unknown }) {
    super(formatMessage(problem, details), options);
    this.name = "InputError";
    this.file = details.file;
    if (details.sheet !== undefined) this.sheet = details.sheet;
    if (details.row !== undefined) this.row = details.row;
    this.hint = details.hint;
  }
}

/**
 * « Le fichier « achats.xlsx » (feuille « Mandats », ligne 12) n'est pas … Réenregistrez-le … »
 * Without a file (`file: ""`), the problem is a whole sentence of its own.
 */
function formatMessage(problem: string, d: InputErrorDetails): string {
  const where: string[] = [];
  if (d.sheet !== undefined) where.push(`feuille « ${d.sheet} »`);
  if (d.row !== undefined) where.push(`ligne ${d.row}`);
  const location = where.length > 0 ? ` (${where.join(", ")})` : "";
  const p = problem.trim().replace(/\.$/, "");
  const hint = d.hint.trim();
  if (d.file === "") return `${p}${location}.${hint ? ` ${hint}` : ""}`;
  return `Le fichier « ${d.file} »${location} ${p}.${hint ? ` ${hint}` : ""}`;
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}

/** An error of the file system (missing file, folder, no access) → InputError; others unchanged. */
export function fromFileSystemError(e: unknown, file: string): unknown {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === "ENOENT" || code === "ENOTDIR") {
    return new InputError(
      "est introuvable",
      { file, hint: "Vérifiez le chemin et le nom du fichier." },
      { cause: e }
    );
  }
  if (code === "EISDIR") {
    return new InputError(
      "est un dossier, pas un fichier",
      { file, hint: "Indiquez les fichiers eux-mêmes (.xlsx, .csv ou .json)." },
      { cause: e }
    );
  }
  if (code === "EACCES" || code === "EPERM" || code === "EBUSY") {
    return new InputError(
      "ne peut pas être lu (accès refusé ou fichier verrouillé)",
      {
        file,
        hint: "Fermez-le s'il est ouvert dans une autre application et vérifiez vos droits d'accès.",
      },
      { cause: e }
    );
  }
  return e;
}
