/**
 * The files of the pane's peer exchange and publication (issues #15 §4 and #11 §4), on the UI
 * thread: peers' fiches and DECP complements read from files the user picked (checked by the
 * same core functions as the command line: parseFiche, isDecpComplements), and the files the
 * pane makes offered as download links (Blob + object URL). Nothing is sent anywhere.
 */
import { isDecpComplements, type DecpMarche } from "../core/decp-export";
import { FicheFormatError, parseFiche, type Fiche } from "../core/peers/fiche";
import type { Download } from "./state";

/** A file's text; FileReader where Blob.text() is missing (EdgeHTML webviews of Office 2019). */
export function readText(file: Blob): Promise<string> {
  if (typeof file.text === "function") return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ""));
    reader.onerror = () => reject(reader.error ?? new Error("FileReader error"));
    reader.readAsText(file, "utf-8");
  });
}

/** A file the user picked is not what was asked: the message names it and says what to do. */
export class FileProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FileProblem";
  }
}

/** A fiche is a few kilobytes; a larger file is not one (and is not read whole). */
export const MAX_FICHE_BYTES = 1_000_000;
/** A complements file lists a few fields per contract. */
export const MAX_COMPLEMENTS_BYTES = 5_000_000;

const COMPLEMENTS_HINT =
  'Écrivez un objet par numéro de marché, par exemple { "2024-017": { "ccag": "Travaux", "formePrix": "Unitaire" } }.';

function megabytes(bytes: number): string {
  return (Math.round((bytes / 1_000_000) * 10) / 10).toLocaleString("fr-FR");
}

/** JSON.parse with the CLI's message for a file that is not JSON (src/file/user-files.ts readJson). */
function parseJson(
  text: string,
  fileName: string,
  what: string
): { json: unknown } | { problem: string } {
  try {
    return { json: JSON.parse(text.replace(/^\uFEFF/, "")) };
  } catch (e) {
    return {
      problem: `Le fichier « ${fileName} » n'est pas un fichier JSON valide (${(e as Error).message}). Corrigez la syntaxe ${what} (guillemets doubles, virgules, accolades).`,
    };
  }
}

/**
 * Peers' fiches from the files picked: every file is read and checked; each bad one gives a French
 * sentence naming it and what is wrong. The caller uses the fiches only when no file is bad.
 */
export async function readPeerFiles(
  files: readonly File[]
): Promise<{ fiches: { file: string; fiche: Fiche }[]; problems: string[] }> {
  const fiches: { file: string; fiche: Fiche }[] = [];
  const problems: string[] = [];
  for (const file of files) {
    if (!/\.json$/i.test(file.name)) {
      problems.push(
        `Le fichier « ${file.name} » n'est pas une fiche .json. Dans le volet, importez les fiches .json écrites par le bouton « Exporter ma fiche » ou par « optima-achats fiche -o fiche.json » (les fiches .xlsx se lisent avec la ligne de commande).`
      );
      continue;
    }
    if (file.size > MAX_FICHE_BYTES) {
      problems.push(
        `Le fichier « ${file.name} » est trop volumineux pour une fiche de comparaison (${megabytes(file.size)} Mo ; une fiche fait quelques Ko). Vérifiez que vous avez choisi la bonne fiche.`
      );
      continue;
    }
    let text: string;
    try {
      text = await readText(file);
    } catch (e) {
      problems.push(
        `Le fichier « ${file.name} » n'a pas pu être lu (${(e as Error).message}). Enregistrez-le à nouveau, puis réessayez.`
      );
      continue;
    }
    const parsed = parseJson(text, file.name, "de la fiche de comparaison");
    if ("problem" in parsed) {
      problems.push(parsed.problem);
      continue;
    }
    try {
      fiches.push({ file: file.name, fiche: parseFiche(parsed.json) });
    } catch (e) {
      if (!(e instanceof FicheFormatError)) throw e;
      problems.push(`Le fichier « ${file.name} » ${e.message}`);
    }
  }
  return { fiches, problems };
}

/** A DECP complements file (the CLI's --complements); throws FileProblem with the French sentence. */
export async function readComplementsFile(file: File): Promise<Record<string, DecpMarche>> {
  if (file.size > MAX_COMPLEMENTS_BYTES)
    throw new FileProblem(
      `Le fichier « ${file.name} » est trop volumineux pour un fichier de compléments (${megabytes(file.size)} Mo). ${COMPLEMENTS_HINT}`
    );
  const parsed = parseJson(await readText(file), file.name, "des compléments");
  if ("problem" in parsed) throw new FileProblem(parsed.problem);
  if (!isDecpComplements(parsed.json))
    throw new FileProblem(
      `Le fichier « ${file.name} » n'associe pas à chaque numéro de marché un objet de champs DECP. ${COMPLEMENTS_HINT}`
    );
  return parsed.json;
}

/** A file name part from free text: "janv.–juin 2025" → "janv-juin-2025". */
export function fileNamePart(text: string): string {
  return (
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "analyse"
  );
}

/** A JSON text as a download link (object URL); the caller revokes it with `revokeDownload`. */
export function makeDownload(text: string, fileName: string): Download {
  const blob = new Blob([text], { type: "application/json;charset=utf-8" });
  return { url: URL.createObjectURL(blob), fileName, text };
}

export function revokeDownload(download: Download | null | undefined): void {
  if (download) URL.revokeObjectURL(download.url);
}
