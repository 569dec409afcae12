/**
 * Streaming reader of DECP JSON files of any size (issue #15 §2): yields the items of the DECP
 * list(s) one at a time, so that the national consolidated file (hundreds of thousands of
 * contracts, about 1 Go) is read in bounded memory: only the current item's text is held.
 *
 * Shapes (as src/core/decp.ts): `{"marches": [...]}`, `{"marches": {"marche": [...],
 * "contrat-concession": [...]}}`, `{"marche": [...]}` and a bare array. Items are numbered
 * 1, 2, … in file order across lists, like importDecp. Each item is handed to importDecp as a
 * one-item file, so its rules (amounts, procedures, rejections) apply unchanged.
 */
import * as fs from "node:fs";
import { importDecp } from "../core/decp";
import type { ContractLine, Anomaly } from "../core/model";
import { InputError, fromFileSystemError } from "./errors";

export type StreamedKind = "marche" | "concession" | "unknown";

export interface StreamedItem {
  /** 1-based position in the DECP list(s), file order. */
  row: number;
  kind: StreamedKind;
  item: unknown;
}

const CONCESSION_KEYS = ["contrat-concession", "contratConcession", "contrat_concession", "concession"];
const READ_CHUNK = 256 * 1024;
/** Longest single item accepted (a contract with a very long list of modifications still fits). */
const MAX_ITEM_CHARS = 64 * 1024 * 1024;

interface Frame {
  kind: "{" | "[";
  /** This array is a DECP list: its elements are items. */
  list: StreamedKind | null;
  /** This object is the value of "marches" (holds "marche" / "contrat-concession" lists). */
  marchesObject: boolean;
  /** Last key read in this object. */
  key: string | null;
  expectKey: boolean;
}

/**
 * Items of a DECP JSON file, one at a time. Throws an InputError (French) when the file is not
 * JSON, is truncated, or an item cannot be parsed.
 */
export async function* streamDecpItems(
  path: string,
  label: string = path
): AsyncGenerator<StreamedItem, { items: number }, void> {
  let stream: fs.ReadStream;
  try {
    await fs.promises.access(path, fs.constants.R_OK);
    const stat = await fs.promises.stat(path);
    if (stat.isDirectory()) throw Object.assign(new Error("EISDIR"), { code: "EISDIR" });
    stream = fs.createReadStream(path, { encoding: "utf8", highWaterMark: READ_CHUNK });
  } catch (e) {
    throw fromFileSystemError(e, label);
  }
  const hint =
    "Vérifiez que le fichier est un export JSON complet des données essentielles de la commande publique (téléchargez-le à nouveau s'il a été interrompu).";
  const frames: Frame[] = [];
  let inString = false;
  let escape = false;
  let keyChars: string[] | null = null;
  // Current item capture.
  let capturing = false;
  let captureDepth = 0;
  let captureKind: StreamedKind = "unknown";
  let primitive = false;
  let pieces: string[] = [];
  let pieceStart = 0;
  let captured = 0;
  let row = 0;
  let sawStructure = false;
  let first = true;
  let notJson = false;
  const ready: StreamedItem[] = [];

  const finishItem = (chunk: string, end: number) => {
    pieces.push(chunk.slice(pieceStart, end));
    const textValue = pieces.join("");
    pieces = [];
    capturing = false;
    captured = 0;
    row++;
    let item: unknown;
    try {
      item = JSON.parse(textValue);
    } catch {
      throw new InputError(`n'est pas un JSON valide : l'élément n° ${row} de la liste est illisible`, {
        file: label,
        row,
        hint,
      });
    }
    ready.push({ row, kind: captureKind, item });
  };

  try {
    for await (const raw of stream as AsyncIterable<string>) {
      let chunk = raw;
      if (first) {
        first = false;
        if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      }
      pieceStart = 0;
      const n = chunk.length;
      for (let i = 0; i < n; i++) {
        const ch = chunk.charCodeAt(i);
        if (inString) {
          if (escape) escape = false;
          else if (ch === 92) escape = true; // backslash
          else if (ch === 34) {
            inString = false;
            if (keyChars !== null) {
              const top = frames[frames.length - 1];
              top.key = keyChars.join("");
              keyChars = null;
              top.expectKey = false;
            }
            continue;
          }
          if (keyChars !== null) keyChars.push(chunk[i]);
          continue;
        }
        // Outside strings.
        if (ch === 32 || ch === 10 || ch === 13 || ch === 9) continue;
        const top = frames.length > 0 ? frames[frames.length - 1] : null;
        if (!capturing && top !== null && top.list !== null && ch !== 44 && ch !== 93) {
          // An item of a DECP list starts here.
          capturing = true;
          captureDepth = frames.length;
          captureKind = top.list;
          primitive = ch !== 123 && ch !== 91;
          pieceStart = i;
          pieces = [];
        }
        if (capturing && primitive && frames.length === captureDepth && (ch === 44 || ch === 93)) {
          finishItem(chunk, i);
        }
        if (ch === 34) {
          inString = true;
          if (!capturing && top !== null && top.kind === "{" && top.expectKey) keyChars = [];
          continue;
        }
        if (ch === 123 || ch === 91) {
          sawStructure = true;
          let list: StreamedKind | null = null;
          let marchesObject = false;
          if (!capturing) {
            const parent = top;
            const key = parent?.kind === "{" ? parent.key : null;
            const atTop = frames.length === 1;
            if (ch === 91) {
              if (parent === null) list = "unknown";
              else if (atTop && key === "marches") list = "unknown";
              else if ((atTop || parent.marchesObject) && key === "marche") list = "marche";
              else if ((atTop || parent.marchesObject) && key !== null && CONCESSION_KEYS.includes(key))
                list = "concession";
            } else if (atTop && key === "marches") {
              marchesObject = true;
            } else if (parent !== null && parent.kind === "{" && (parent.marchesObject || atTop) && key !== null) {
              // A single object instead of a list (XML-to-JSON of a one-contract file).
              if (key === "marche" || CONCESSION_KEYS.includes(key)) {
                capturing = true;
                captureDepth = frames.length;
                captureKind = key === "marche" ? "marche" : "concession";
                primitive = false;
                pieceStart = i;
                pieces = [];
              }
            }
          }
          frames.push({ kind: ch === 123 ? "{" : "[", list, marchesObject, key: null, expectKey: ch === 123 });
          continue;
        }
        if (ch === 125 || ch === 93) {
          frames.pop();
          if (capturing && !primitive && frames.length === captureDepth) finishItem(chunk, i + 1);
          continue;
        }
        if (ch === 44) {
          const t = frames[frames.length - 1];
          if (t && t.kind === "{") t.expectKey = true;
          continue;
        }
        if (ch !== 58 && !sawStructure) {
          // Not an object or array at the top: not a DECP JSON file.
          notJson = true;
          break;
        }
      }
      if (capturing) {
        pieces.push(chunk.slice(pieceStart));
        captured += n - pieceStart;
        if (captured > MAX_ITEM_CHARS) {
          throw new InputError(
            `a un élément de plus de ${MAX_ITEM_CHARS / 1024 / 1024} millions de caractères (n° ${row + 1}) : ce n'est pas un marché DECP`,
            { file: label, row: row + 1, hint }
          );
        }
      }
      while (ready.length > 0) yield ready.shift() as StreamedItem;
      if (notJson) break;
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw fromFileSystemError(e, label);
  } finally {
    stream.destroy();
  }
  if (!sawStructure) {
    throw new InputError("n'est pas un fichier JSON de données essentielles (DECP)", { file: label, hint });
  }
  if (frames.length > 0 || capturing || inString) {
    throw new InputError(`est tronqué : le JSON s'arrête au milieu de l'élément n° ${row + 1}`, {
      file: label,
      hint,
    });
  }
  return { items: row };
}

/** One streamed item through importDecp: its contract (or null) and its anomalies. */
export function importStreamedItem(
  s: StreamedItem,
  table: string
): { contract: ContractLine | null; anomalies: Anomaly[] } {
  const json =
    s.kind === "marche"
      ? { marches: { marche: [s.item] } }
      : s.kind === "concession"
        ? { marches: { "contrat-concession": [s.item] } }
        : { marches: [s.item] };
  const r = importDecp(json, table);
  const anomalies = r.anomalies.map((a) => ({ ...a, row: s.row }));
  const contract = r.contracts[0] ? { ...r.contracts[0], source: { table, row: s.row } } : null;
  return { contract, anomalies };
}
