/**
 * Territories of one body or of several (issue #16 §1): where a spend line is served, and how many
 * inhabitants each territory has.
 *
 * - Territory of a line: its own territory column (pôle, secteur, antenne, quartier of one body),
 *   else the territory of its entity (Entités table: communes of an EPCI), else none.
 * - Names are matched without case, accents or punctuation ("Pôle Nord" = "POLE NORD"); the name
 *   shown is the one the spend lines use, else the one of the first table that gives it.
 * - Population of a territory, first that applies:
 *   1. the Territoires table (population column, one row per territory; several rows add up);
 *   2. Σ populations of the Entités rows attached to the territory (an EPCI's own row adds nobody
 *      when its communes are listed — see `countsInhabitants`);
 *   3. the shipped reference (`shippedPopulation(code)`, DGCL) for the Territoires row's code
 *      (INSEE or SIREN), else for the SIREN of the territory's entities without a population.
 *   The source is reported with the figure.
 */
import type { EntityRow, TerritoryRow } from "../model";
import { normalizeKey } from "../text";

/** Population of a commune (INSEE code) or a body (SIREN) from a shipped reference, or null. */
export type ShippedPopulation = (code: string) => number | null;

export type PopulationSource = "territoires" | "entites" | "reference";

export const POPULATION_SOURCE_LABELS: Record<PopulationSource, string> = {
  territoires: "table Territoires",
  entites: "table Entités",
  reference: "populations DGCL",
};

export interface TerritoryPopulation {
  population: number;
  /** Entities of the Entités table whose inhabitants are counted (0 for other sources). */
  entities: number;
  source: PopulationSource;
}

/** Key under which territory names are matched. */
export function territoryKey(name: string): string {
  return normalizeKey(name);
}

/** EPCI, syndicats, métropoles… whose inhabitants are those of their member communes. */
export function isGroupingType(type: string): boolean {
  const k = normalizeKey(type);
  return /\b(epci|communaute|metropole|syndicat|pays|pole|agglomeration|ccas|cias|sdis|departement|region)\b/.test(
    k
  );
}

/** Whether the Entités table lists communes (then grouping bodies' populations are not added again). */
export function hasCommunes(rows: Iterable<EntityRow>): boolean {
  for (const e of rows)
    if (e.type !== null && normalizeKey(e.type).includes("commune") && !isGroupingType(e.type))
      return true;
  return false;
}

/**
 * Whether an entity's population adds inhabitants: when communes are listed, only theirs (and
 * entities of unknown type) count — an EPCI's population is its communes' — so nobody is counted twice.
 */
export function countsInhabitants(e: EntityRow, communesListed: boolean): boolean {
  if (!communesListed || e.type === null) return true;
  return !isGroupingType(e.type);
}

function positive(n: number | null | undefined): n is number {
  return typeof n === "number" && Number.isFinite(n) && n > 0;
}

/**
 * Population of every territory named by the Territoires table or the Entités table (rule in the
 * module header), keyed by the display name: a name the spend lines use (`lineTerritories`) wins
 * over the tables' spelling.
 */
export function territoryPopulations(p: {
  entities: Iterable<EntityRow>;
  territories?: readonly TerritoryRow[];
  lineTerritories?: Iterable<string>;
  shippedPopulation?: ShippedPopulation;
}): Map<string, TerritoryPopulation> {
  const display = new Map<string, string>();
  for (const name of p.lineTerritories ?? []) {
    const k = territoryKey(name);
    if (!display.has(k)) display.set(k, name);
  }
  const nameOf = (name: string): string => {
    const k = territoryKey(name);
    let d = display.get(k);
    if (d === undefined) {
      d = name;
      display.set(k, d);
    }
    return d;
  };

  // 1. Territoires table.
  const fromTable = new Map<string, number>();
  const codes = new Map<string, string[]>();
  for (const t of p.territories ?? []) {
    const name = nameOf(t.territory);
    if (positive(t.population)) fromTable.set(name, (fromTable.get(name) ?? 0) + t.population);
    else if (t.code !== null) codes.set(name, [...(codes.get(name) ?? []), t.code]);
    else if (!fromTable.has(name)) codes.set(name, codes.get(name) ?? []);
  }

  // 2. Entités table.
  const entities = [...p.entities];
  const communes = hasCommunes(entities);
  const fromEntities = new Map<string, { population: number; entities: number; sirens: string[] }>();
  for (const e of entities) {
    if (e.territory === null) continue;
    const name = nameOf(e.territory);
    const acc = fromEntities.get(name) ?? { population: 0, entities: 0, sirens: [] };
    if (countsInhabitants(e, communes)) {
      if (positive(e.population)) {
        acc.population += e.population;
        acc.entities++;
      } else if (e.siret !== null) acc.sirens.push(e.siret.slice(0, 9));
    }
    fromEntities.set(name, acc);
  }

  const out = new Map<string, TerritoryPopulation>();
  const names = new Set<string>([...fromTable.keys(), ...codes.keys(), ...fromEntities.keys()]);
  for (const name of names) {
    const table = fromTable.get(name);
    if (table !== undefined) {
      out.set(name, { population: table, entities: 0, source: "territoires" });
      continue;
    }
    const ent = fromEntities.get(name);
    if (ent && ent.population > 0) {
      out.set(name, { population: ent.population, entities: ent.entities, source: "entites" });
      continue;
    }
    // 3. Shipped reference: the territory's own code, else its entities' SIRENs.
    if (p.shippedPopulation) {
      let sum = 0;
      const list = [...(codes.get(name) ?? [])];
      if (list.length === 0 && ent) list.push(...ent.sirens);
      for (const code of list) {
        const v = p.shippedPopulation(code);
        if (positive(v)) sum += v;
      }
      if (sum > 0) {
        out.set(name, { population: sum, entities: 0, source: "reference" });
        continue;
      }
    }
    out.set(name, { population: 0, entities: ent?.entities ?? 0, source: "entites" });
  }
  return out;
}

/** Postcodes of each territory of the Territoires table (display names as in territoryPopulations). */
export function territoryPostcodes(
  territories: readonly TerritoryRow[] | undefined
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const t of territories ?? []) {
    if (t.postcodes.length === 0) continue;
    const k = territoryKey(t.territory);
    const set = out.get(k) ?? new Set<string>();
    for (const pc of t.postcodes) set.add(pc);
    out.set(k, set);
  }
  return out;
}
