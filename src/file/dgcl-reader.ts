/**
 * Reads the DGCL's table of EPCI and member communes (epcicomAAAA.xlsx, as published on
 * collectivites-locales.gouv.fr) into a DgclTable, so that a newer year can replace the shipped
 * 2023 table. Columns are found by their header names (dept, siren, raison_sociale,
 * nature_juridique, mode_financ, siren_membre, ptot_AAAA), whatever their order.
 */
import { dgclFromRows, type DgclRow, type DgclSource, type DgclTable } from "../core/peers/dgcl";
import { normalizeKey } from "../core/text";
import { InputError } from "./errors";
import { openXlsx } from "./xlsx-reader";

function text(v: unknown): string {
  return v === null || v === undefined ? "" : String(v).trim();
}

function siren(v: unknown): string {
  const s = text(v).replace(/\s+/g, "");
  return /^\d{1,9}$/.test(s) ? s.padStart(9, "0") : s;
}

export interface DgclRead {
  table: DgclTable;
  rows: number;
  rejected: { row: number; reason: string }[];
}

export async function readDgclXlsx(
  path: string,
  source: Omit<DgclSource, "year"> & { year?: number }
): Promise<DgclRead> {
  const book = await openXlsx(path);
  const hint =
    "Utilisez la table « Liste des EPCI à fiscalité propre et de leurs communes membres » de la DGCL (epcicomAAAA.xlsx), sans la modifier.";
  let header: Map<string, number> | null = null;
  let year = source.year ?? null;
  const rows: DgclRow[] = [];
  const sheetRows: number[] = [];
  let sheetUsed: string | null = null;
  for (const sheet of book.sheets) {
    if (sheetUsed !== null) break;
    await book.readRows(sheet.name, (row, r) => {
      if (header === null) {
        const names = row.map((c) => normalizeKey(text(c)).replace(/ /g, "_"));
        if (names.includes("siren_membre") && names.includes("nature_juridique")) {
          header = new Map(names.map((n, i) => [n, i]));
          sheetUsed = sheet.name;
          const pop = names.find((n) => /^ptot_\d{4}$/.test(n));
          if (pop && year === null) year = Number(pop.slice(5));
        } else if (r > 20) return "stop";
        return;
      }
      const h: Map<string, number> = header;
      const col = (name: string) => (h.has(name) ? row[h.get(name) as number] : null);
      const popKey = [...h.keys()].find((n) => /^ptot_\d{4}$/.test(n)) ?? "ptot";
      const pop = Number(col(popKey));
      if (row.every((c) => text(c) === "")) return;
      rows.push({
        epciSiren: siren(col("siren")),
        nature: text(col("nature_juridique")).toUpperCase(),
        fiscalite: text(col("mode_financ")),
        departement: text(col("dept")),
        epciName: text(col("raison_sociale")),
        communeSiren: siren(col("siren_membre")),
        communePopulation: Number.isFinite(pop) ? pop : NaN,
      });
      sheetRows.push(r);
    });
  }
  if (header === null || year === null) {
    throw new InputError(
      "n'a pas les colonnes de la table DGCL des EPCI (siren, nature_juridique, siren_membre, ptot_AAAA)",
      { file: path, hint }
    );
  }
  const { table, rejected } = dgclFromRows(rows, { ...source, year });
  const rowOf = new Map(rows.map((r, i) => [r, sheetRows[i]]));
  return {
    table,
    rows: rows.length,
    rejected: rejected.map((x) => ({ row: rowOf.get(x.row) ?? 0, reason: x.reason })),
  };
}
