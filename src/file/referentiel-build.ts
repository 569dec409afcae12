/**
 * Builds a referentiel from DECP files of any size (issue #15 §2), one contract at a time:
 * - .json: DECP 2019 or 2024 format, streamed (src/file/decp-stream.ts);
 * - .csv: the national consolidated table (one row per contract × titulaire: uid, id,
 *   acheteur_id, acheteur_nom, titulaire_id, titulaire_nom, montant, dateNotification,
 *   procedure, offresRecues, dureeMois, codeCPV…; "acheteur.id" and "titulaire_id_1" spellings
 *   accepted). Consecutive rows of one contract (same uid) are one contract with several titulaires.
 * Every contract goes through importDecp, so the product's reading rules apply unchanged.
 */
import * as nodePath from "node:path";
import type { ContractLine } from "../core/model";
import type { DgclTable } from "../core/peers/dgcl";
import { peerContractOf } from "../core/peers/kpis";
import { ReferentielBuilder, type Referentiel } from "../core/peers/referentiel";
import { normalizeKey } from "../core/text";
import { readCsvRows } from "./csv-reader";
import { importStreamedItem, streamDecpItems } from "./decp-stream";
import { InputError } from "./errors";

export interface BuildProgress {
  (file: string, contracts: number): void;
}

export interface ReferentielInput {
  path: string;
  /** What the file is, for the coverage note (default: the file name). */
  label?: string;
}

function contractKey(c: ContractLine, withDescription: boolean): string {
  return [
    c.contractRef,
    c.notificationDate ?? "",
    c.amountCents ?? "",
    withDescription ? (c.description ?? "") : "",
  ].join("|");
}

/** Adds a DECP JSON file to the builder, streaming. Returns the number of items read. */
export async function addDecpJson(
  builder: ReferentielBuilder,
  path: string,
  label: string,
  progress?: BuildProgress
): Promise<number> {
  const table = nodePath.basename(label);
  const it = streamDecpItems(path, label);
  let items = 0;
  for (;;) {
    const next = await it.next();
    if (next.done) break;
    items++;
    const s = next.value;
    const { contract } = importStreamedItem(s, table);
    if (contract === null) {
      builder.skip();
      continue;
    }
    const known =
      typeof s.item === "object" &&
      s.item !== null &&
      ("modifications" in (s.item as object) ||
        Object.values(s.item as object).some(
          (v) => typeof v === "object" && v !== null && "modifications" in (v as object)
        ));
    builder.add(peerContractOf(contract, known), contractKey(contract, true));
    if (progress && items % 50_000 === 0) progress(label, items);
  }
  return items;
}

const CSV_COLUMNS: Record<string, string[]> = {
  uid: ["uid"],
  id: ["id"],
  buyerId: ["acheteur_id", "acheteur.id", "acheteur id"],
  buyerName: ["acheteur_nom", "acheteur.nom", "acheteur nom"],
  holderId: ["titulaire_id", "titulaire_id_1", "titulaire.id"],
  holderName: ["titulaire_nom", "titulaire_denominationsociale", "titulaire_denominationsociale_1"],
  holderType: ["titulaire_typeidentifiant", "titulaire_typeidentifiant_1"],
  amount: ["montant"],
  date: ["datenotification"],
  procedure: ["procedure"],
  bids: ["offresrecues"],
  duration: ["dureemois"],
  cpv: ["codecpv"],
  nature: ["nature"],
  social: ["considerationssociales"],
  environmental: ["considerationsenvironnementales"],
};

function headerKey(h: unknown): string {
  return String(h ?? "")
    .replace(/^\ufeff/, "")
    .trim()
    .toLowerCase();
}

/** Adds a consolidated DECP CSV file to the builder, streaming. Returns the number of rows read. */
export async function addDecpCsv(
  builder: ReferentielBuilder,
  path: string,
  label: string,
  progress?: BuildProgress
): Promise<number> {
  const table = nodePath.basename(label);
  let col: Partial<Record<keyof typeof CSV_COLUMNS, number>> | null = null;
  let pending: { uid: string; item: Record<string, unknown>; row: number } | null = null;
  let rows = 0;
  const flush = () => {
    if (!pending) return;
    const { contract } = importStreamedItem(
      { row: pending.row, kind: "marche", item: pending.item },
      table
    );
    if (contract === null) builder.skip();
    else builder.add(peerContractOf(contract, false), contractKey(contract, false));
    pending = null;
  };
  await readCsvRows(
    path,
    (row, n) => {
      if (col === null) {
        const keys = row.map(headerKey);
        const found: Partial<Record<keyof typeof CSV_COLUMNS, number>> = {};
        for (const [k, names] of Object.entries(CSV_COLUMNS)) {
          const i = keys.findIndex((h) => names.includes(h) || names.includes(normalizeKey(h)));
          if (i >= 0) found[k as keyof typeof CSV_COLUMNS] = i;
        }
        if (found.buyerId === undefined || found.date === undefined || (found.id === undefined && found.uid === undefined)) {
          throw new InputError(
            "n'a pas les colonnes de la table consolidée des DECP (acheteur_id, id ou uid, dateNotification…)",
            {
              file: label,
              hint: "Utilisez l'export CSV consolidé des données essentielles (une ligne par marché et par titulaire) ou le fichier JSON.",
            }
          );
        }
        col = found;
        return;
      }
      rows++;
      const c = col;
      const get = (k: keyof typeof CSV_COLUMNS): unknown => {
        const i = c[k];
        if (i === undefined) return undefined;
        const v = row[i];
        return v === "" || v === null ? undefined : v;
      };
      const uid = String(get("uid") ?? `${get("buyerId") ?? ""}${get("id") ?? ""}`);
      const holder =
        get("holderId") !== undefined || get("holderName") !== undefined
          ? {
              id: get("holderId"),
              denominationSociale: get("holderName"),
              typeIdentifiant: get("holderType") ?? "SIRET",
            }
          : null;
      if (pending && pending.uid === uid) {
        if (holder) (pending.item.titulaires as unknown[]).push(holder);
        return;
      }
      flush();
      const item: Record<string, unknown> = {
        id: get("id") ?? get("uid"),
        uid: get("uid"),
        acheteur: { id: get("buyerId"), nom: get("buyerName") },
        codeCPV: get("cpv"),
        procedure: get("procedure"),
        montant: get("amount"),
        dateNotification: get("date"),
        dureeMois: get("duration"),
        offresRecues: get("bids"),
        titulaires: holder ? [holder] : [],
      };
      const nature = get("nature");
      if (nature !== undefined && /accord|subs/i.test(String(nature))) item.nature = nature;
      if (get("social") !== undefined) item.considerationsSociales = get("social");
      if (get("environmental") !== undefined)
        item.considerationsEnvironnementales = get("environmental");
      pending = { uid, item, row: n };
      if (progress && rows % 50_000 === 0) progress(label, rows);
    },
    label
  );
  flush();
  return rows;
}

export interface BuildReferentielOptions {
  label: string;
  indicative: boolean;
  builtOn: string;
  dgcl: DgclTable | null;
  progress?: BuildProgress;
}

export async function buildReferentielFromFiles(
  inputs: ReferentielInput[],
  options: BuildReferentielOptions
): Promise<Referentiel> {
  const builder = new ReferentielBuilder();
  for (const input of inputs) {
    const label = input.label ?? nodePath.basename(input.path);
    builder.startSource(nodePath.basename(input.path), label);
    if (/\.csv$/i.test(input.path)) await addDecpCsv(builder, input.path, input.path, options.progress);
    else if (/\.json$/i.test(input.path))
      await addDecpJson(builder, input.path, input.path, options.progress);
    else
      throw new InputError("n'est ni un fichier DECP .json ni une table consolidée .csv", {
        file: input.path,
        hint: "Donnez les fichiers des données essentielles de la commande publique (.json) ou leur table consolidée (.csv).",
      });
  }
  return builder.build({
    label: options.label,
    indicative: options.indicative,
    builtOn: options.builtOn,
    dgcl: options.dgcl,
  });
}
