/**
 * The DGCL table of intercommunalités (EPCI à fiscalité propre) and their member communes, with
 * populations (issue #15 §1). Shipped as a compact, dated, sourced text (see
 * src/core/reference/data/dgcl-epcicom-2023.ts) and replaceable by a newer table read from the
 * DGCL's own .xlsx (src/file/dgcl-reader.ts).
 *
 * Compact format: one EPCI per line, fields separated by ";":
 *   siren ; nature (CC, CA, CU, METRO, MET69) ; fiscalité (FPU, FA) ; département ; name ; members
 * members = "delta:population" pairs separated by ",", sorted by SIREN: delta is the base-36
 * difference from the previous member's SIREN (the first from 200000000), population the base-36
 * population totale of the commune. The EPCI's population is the sum of its members'.
 */

export type EpciNature = "CC" | "CA" | "CU" | "METRO" | "MET69";

export interface DgclEpci {
  siren: string;
  nature: EpciNature;
  fiscalite: string;
  departement: string;
  name: string;
  /** Population totale: sum of the member communes'. */
  population: number;
  /** Member communes' SIRENs, ascending. */
  members: string[];
}

export interface DgclCommune {
  siren: string;
  /** Population totale (ptot) of the table's year. */
  population: number;
  /** SIREN of its EPCI. */
  epci: string;
}

export interface DgclSource {
  /** "DGCL, liste des EPCI à fiscalité propre et de leurs communes membres au 1er janvier 2023". */
  label: string;
  /** Year of the populations and perimeters. */
  year: number;
  /** Origin (URL or repository) of the file the table was built from. */
  origin: string;
  licence: string;
  /** Date the table was extracted or read, ISO. */
  extracted: string;
}

export interface DgclTable {
  source: DgclSource;
  epci: Map<string, DgclEpci>;
  communes: Map<string, DgclCommune>;
}

/** One row of the DGCL table (EPCI × member commune), as read from its .xlsx. */
export interface DgclRow {
  epciSiren: string;
  nature: string;
  fiscalite: string;
  departement: string;
  epciName: string;
  communeSiren: string;
  communePopulation: number;
}

const NATURES: readonly string[] = ["CC", "CA", "CU", "METRO", "MET69"];
const SIREN_BASE = 200_000_000;

export class DgclFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DgclFormatError";
  }
}

/** Builds the table from rows; rows of an unknown nature or without SIREN are returned as rejected. */
export function dgclFromRows(
  rows: Iterable<DgclRow>,
  source: DgclSource
): { table: DgclTable; rejected: { row: DgclRow; reason: string }[] } {
  const epci = new Map<string, DgclEpci>();
  const communes = new Map<string, DgclCommune>();
  const rejected: { row: DgclRow; reason: string }[] = [];
  for (const r of rows) {
    if (!/^\d{9}$/.test(r.epciSiren) || !/^\d{9}$/.test(r.communeSiren)) {
      rejected.push({ row: r, reason: "SIREN de l'EPCI ou de la commune absent ou mal formé" });
      continue;
    }
    if (!NATURES.includes(r.nature)) {
      rejected.push({ row: r, reason: `nature juridique inconnue « ${r.nature} »` });
      continue;
    }
    if (!(r.communePopulation >= 0)) {
      rejected.push({ row: r, reason: "population de la commune absente" });
      continue;
    }
    let e = epci.get(r.epciSiren);
    if (!e) {
      e = {
        siren: r.epciSiren,
        nature: r.nature as EpciNature,
        fiscalite: r.fiscalite,
        departement: r.departement,
        name: r.epciName,
        population: 0,
        members: [],
      };
      epci.set(r.epciSiren, e);
    }
    if (communes.has(r.communeSiren)) {
      rejected.push({ row: r, reason: "commune déjà rattachée à un autre EPCI dans la table" });
      continue;
    }
    e.members.push(r.communeSiren);
    e.population += r.communePopulation;
    communes.set(r.communeSiren, {
      siren: r.communeSiren,
      population: r.communePopulation,
      epci: r.epciSiren,
    });
  }
  for (const e of epci.values()) e.members.sort();
  return { table: { source, epci, communes }, rejected };
}

/** Encodes a table in the compact text format (one EPCI per line, SIREN order). */
export function encodeDgcl(table: DgclTable): string {
  const lines: string[] = [];
  for (const e of [...table.epci.values()].sort((a, b) => (a.siren < b.siren ? -1 : 1))) {
    let previous = SIREN_BASE;
    const members = e.members.map((s) => {
      const n = Number(s);
      const delta = n - previous;
      previous = n;
      const pop = table.communes.get(s)?.population ?? 0;
      return `${delta.toString(36)}:${pop.toString(36)}`;
    });
    const name = e.name.replace(/[;\n\r]/g, " ");
    lines.push([e.siren, e.nature, e.fiscalite, e.departement, name, members.join(",")].join(";"));
  }
  return lines.join("\n");
}

/** Decodes the compact text format; throws DgclFormatError on a malformed line. */
export function decodeDgcl(data: string, source: DgclSource): DgclTable {
  const epci = new Map<string, DgclEpci>();
  const communes = new Map<string, DgclCommune>();
  const lines = data.split("\n");
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    const f = line.split(";");
    if (f.length !== 6 || !/^\d{9}$/.test(f[0]) || !NATURES.includes(f[1])) {
      throw new DgclFormatError(`Table DGCL illisible à la ligne ${i + 1}.`);
    }
    let previous = SIREN_BASE;
    const members: string[] = [];
    let population = 0;
    for (const pair of f[5] === "" ? [] : f[5].split(",")) {
      const [d, p] = pair.split(":");
      const siren = previous + parseInt(d, 36);
      const pop = parseInt(p, 36);
      if (!Number.isFinite(siren) || !Number.isFinite(pop))
        throw new DgclFormatError(`Table DGCL illisible à la ligne ${i + 1}.`);
      previous = siren;
      const s = String(siren).padStart(9, "0");
      members.push(s);
      population += pop;
      communes.set(s, { siren: s, population: pop, epci: f[0] });
    }
    epci.set(f[0], {
      siren: f[0],
      nature: f[1] as EpciNature,
      fiscalite: f[2],
      departement: f[3],
      name: f[4],
      population,
      members,
    });
  });
  return { source, epci, communes };
}

/** The EPCI of a commune, or the EPCI itself, from a SIREN (or SIRET). */
export function epciOf(table: DgclTable, sirenOrSiret: string): DgclEpci | null {
  const siren = sirenOrSiret.slice(0, 9);
  const e = table.epci.get(siren);
  if (e) return e;
  const c = table.communes.get(siren);
  return c ? (table.epci.get(c.epci) ?? null) : null;
}

/**
 * Population of a commune or EPCI from its SIREN (or SIRET) in the table; null when absent.
 * Used to give TE1 a population when the user gives none.
 */
export function populationOf(table: DgclTable, sirenOrSiret: string): number | null {
  const siren = sirenOrSiret.slice(0, 9);
  return table.epci.get(siren)?.population ?? table.communes.get(siren)?.population ?? null;
}

/** Mutualisation perimeter: the EPCI and its member communes' SIRENs. */
export function perimeterOf(
  table: DgclTable,
  sirenOrSiret: string
): { epci: DgclEpci; communes: string[] } | null {
  const e = epciOf(table, sirenOrSiret);
  return e ? { epci: e, communes: [...e.members] } : null;
}
