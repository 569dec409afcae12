/**
 * DECP files as the analysis reads them (issue #11 §3): the 2019 and 2024 formats in JSON or XML.
 * A JSON file larger than STREAM_FROM_BYTES is streamed item by item (decp-stream.ts) through the
 * same DecpReader as a small one, so that a national file of hundreds of thousands of records is
 * read in bounded memory (only the current item's text and the results are held); XML files are
 * read whole (the DECP XML exports of one buyer are small) and converted by core/xml.ts.
 */
import * as fs from "node:fs";
import { DecpReader, importDecp, isDecpJson, type DecpImport } from "../core/decp";
import { parseXml, XmlError } from "../core/xml";
import { streamDecpItems } from "./decp-stream";
import { InputError, fromFileSystemError } from "./errors";

/** JSON files from this size are streamed rather than parsed whole. */
export const STREAM_FROM_BYTES = 32 * 1024 * 1024;
/** XML is parsed whole: stay well below V8's string limit. */
export const MAX_XML_BYTES = 400 * 1024 * 1024;

const NOT_DECP_HINT =
  "Utilisez un export DECP (format 2019 ou 2024, JSON ou XML) ou fournissez vos marchés dans un classeur .xlsx.";

/** A DECP JSON file streamed item by item: bounded memory whatever its size. */
export async function importDecpStreamed(file: string, tableName: string): Promise<DecpImport> {
  const reader = new DecpReader(tableName);
  for await (const s of streamDecpItems(file)) reader.add(s.row, s.kind, s.item);
  const imp = reader.result();
  if (imp.reconciliation.rowsRead === 0)
    throw new InputError("ne contient aucun marché", {
      file,
      hint: "Vérifiez l'export DECP : la liste des marchés est vide.",
    });
  return imp;
}

/** A DECP XML file (`<marches><marche>…</marche><contrat-concession>…`), 2019 or 2024 format. */
export async function importDecpXml(file: string, tableName: string): Promise<DecpImport> {
  let size: number;
  let text: string;
  try {
    size = (await fs.promises.stat(file)).size;
    if (size > MAX_XML_BYTES)
      throw new InputError(
        `est trop volumineux pour un fichier DECP XML (${Math.round(size / 1048576)} Mo, limite ${MAX_XML_BYTES / 1048576} Mo)`,
        { file, hint: "Utilisez l'export JSON des mêmes données, lu sans limite de taille, ou filtrez l'export sur vos acheteurs." }
      );
    text = await fs.promises.readFile(file, "utf8");
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw fromFileSystemError(e, file);
  }
  let doc: Record<string, unknown>;
  try {
    doc = parseXml(text);
  } catch (e) {
    if (e instanceof XmlError)
      throw new InputError(`n'est pas un fichier XML lisible : ${e.message}`, {
        file,
        row: e.line,
        hint: "Téléchargez à nouveau l'export DECP : le fichier est peut-être incomplet ou modifié à la main.",
      });
    throw e;
  }
  if (!isDecpJson(doc))
    throw new InputError(
      `n'est pas un fichier DECP (données essentielles de la commande publique) : l'élément racine est <${Object.keys(doc)[0]}>, et non <marches>`,
      { file, hint: NOT_DECP_HINT }
    );
  const imp = importDecp(doc, tableName);
  if (imp.reconciliation.rowsRead === 0)
    throw new InputError("ne contient aucun marché", {
      file,
      hint: "Vérifiez l'export DECP : la liste des marchés est vide.",
    });
  return imp;
}
