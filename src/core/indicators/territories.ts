/**
 * What the territory indicators TE1–TE4 share (SPEC §4, territorialisation theme): one pass over
 * the period's lines (`territoryScan`), per-territory figures, populations, proximity families and
 * the TE4 rule with its reasons (catalogue messages). Each indicator is its own module (./te/*.ts).
 *
 * Definitions and cut-offs (documented for the reader of the sheets):
 * - Territory of a line: its own territory column, else the territory of its entity (table
 *   Entités), else none (kept in TE1 as a null territory, left out of TE2).
 * - Population of a territory: Σ population of the entities of the Entités table attached to it;
 *   when communes are listed, groupings (EPCI, syndicat, CCAS…) add no inhabitants of their own
 *   (an EPCI's population is its communes'), so nobody is counted twice.
 *   Overall spend per inhabitant (TE1 headline): spend of the lines whose entity is in the Entités
 *   table ÷ the inhabitants of that perimeter.
 * - TE2: coefficient of variation (population σ / mean, %) and population Gini of the per-inhabitant
 *   spend of the territories with a population, unweighted (stats.ts).
 * - Local supplier (as RE4): supplier département (the line's supplier postcode, else the table
 *   Fournisseurs) equal to the entity's département (table Entités). Shares are over the spend whose two
 *   départements are known.
 * - TE4 cut-offs: several entities = at least MIN_ENTITIES_TO_POOL (2) entities with a net positive
 *   spend in the family; strong local supply = local share ≥ STRONG_LOCAL_SHARE_PERCENT (50 %).
 *   Proximity family: the nomenclature flag when given (yes or no), else nature Travaux, else a
 *   keyword of the label (travaux, maintenance, entretien, nettoyage, restauration, espaces verts;
 *   not for supply families, so "Fournitures d'entretien" stays standard), else a CPV prefix
 *   (45 travaux, 50 réparation et entretien, 555 restauration collective, 909 nettoyage,
 *   7731 espaces verts).
 *   Rules: several entities and (proximity or strong local supply) → mixte (pooled framework
 *   agreement with territorial lots); several entities otherwise → mutualiser; one entity, proximity
 *   and strong local supply → territorialiser (geographic lots); otherwise no recommendation.
 * - Wording (equal treatment, L3 CCP): geographic lots facilitate SMEs' access to the contract
 *   (L2113-10 allotissement); they are never a local preference, which the code forbids.
 *   The "Non classé" family gets no recommendation.
 */
import { basisOf } from "../contracts-basis";
import type { EntityRow, Nature } from "../model";
import { normalizeKey } from "../text";
import { dominantNature, natureIndex } from "./aggregate";
import { departementOf } from "./geography";
import { supplierRowFor } from "./supplier-reference";
import { msg, type Message } from "../messages/render";
import { shared } from "./definition";
import { byFrench, byKey, round2, type AnalysisContext } from "./types";
import {
  familyTerritoryProfiles,
  recommendOnTerritories,
  territorialReasons,
} from "../territories/recommend";
import { territoryKey, territoryPopulations } from "../territories/resolve";

export const MIN_ENTITIES_TO_POOL = 2;
export const STRONG_LOCAL_SHARE_PERCENT = 50;
/** Internal key of the lines without a territory (rows show them as a null territory). */
export const NO_TERRITORY = "";

const UNCLASSIFIED_KEY = "NC";

export type Te4Recommendation = "mutualiser" | "territorialiser" | "mixte";

// ---------------------------------------------------------------------------------------------
// Proximity families
// ---------------------------------------------------------------------------------------------

const PROXIMITY_KEYWORDS = [
  "travaux",
  "maintenance",
  "entretien",
  "nettoyage",
  "restauration",
  "espaces verts",
];

/** CPV prefixes of proximity families and their group (named by the catalogue: cpvGroup). */
const PROXIMITY_CPV: { prefix: string; group: string }[] = [
  { prefix: "45", group: "works" },
  { prefix: "50", group: "repair" },
  { prefix: "555", group: "catering" },
  { prefix: "909", group: "cleaning" },
  { prefix: "7731", group: "greenSpaces" },
];

export interface Proximity {
  proximity: boolean;
  /** Where the answer comes from (a catalogue message), null when no criterion applies. */
  source: Message | null;
}

/** Whether a family is a proximity family (see the module header for the order of the criteria). */
export function proximityOf(p: {
  nomenclatureFlag: boolean | null;
  nature: Nature | null;
  label: string;
  cpv: string | null;
}): Proximity {
  if (p.nomenclatureFlag !== null) {
    return {
      proximity: p.nomenclatureFlag,
      source: msg("proximity.nomenclature", { flag: p.nomenclatureFlag ? "yes" : "no" }),
    };
  }
  if (p.nature === "Travaux") return { proximity: true, source: msg("proximity.works") };
  if (p.nature !== "Fournitures") {
    const padded = ` ${normalizeKey(p.label)} `;
    for (const k of PROXIMITY_KEYWORDS)
      if (padded.includes(` ${k} `))
        return { proximity: true, source: msg("proximity.keyword", { keyword: k }) };
    if (p.cpv) {
      for (const c of PROXIMITY_CPV)
        if (p.cpv.startsWith(c.prefix))
          return {
            proximity: true,
            source: msg("proximity.cpv", { cpv: p.cpv, group: c.group }),
          };
    }
  }
  return { proximity: false, source: null };
}

export interface RecommendationInput {
  entityCount: number;
  /** Local share of the spend (%), null when unknown. */
  localSharePercent: number | null;
  proximity: Proximity;
}

/** TE4 rule (module header). */
export function recommend(x: RecommendationInput): Te4Recommendation | null {
  const several = x.entityCount >= MIN_ENTITIES_TO_POOL;
  const strongLocal =
    x.localSharePercent !== null && x.localSharePercent >= STRONG_LOCAL_SHARE_PERCENT;
  if (several) return x.proximity.proximity || strongLocal ? "mixte" : "mutualiser";
  return x.proximity.proximity && strongLocal ? "territorialiser" : null;
}

/** Buyers named in TE4's reason; the others are counted (the table gives the entity count). */
const TE4_BUYERS_NAMED = 5;

/** Messages explaining a recommendation with its figures. */
export function recommendationReasons(
  x: RecommendationInput & { entities: string[] },
  rec: Te4Recommendation | null
): Message[] {
  const reasons: Message[] = [];
  reasons.push(
    x.entityCount === 0
      ? msg("te4.noBuyer")
      : x.entityCount === 1
        ? msg("te4.oneBuyer", { entity: x.entities[0] })
        : x.entities.length > TE4_BUYERS_NAMED
          ? msg("te4.buyersMore", {
              entities: x.entities.slice(0, TE4_BUYERS_NAMED).join(", "),
              more: x.entities.length - TE4_BUYERS_NAMED,
            })
          : msg("te4.buyers", { count: x.entityCount, entities: x.entities.join(", ") })
  );
  if (x.localSharePercent === null) reasons.push(msg("te4.localUnknown"));
  else
    reasons.push(
      msg("te4.localShare", {
        share: x.localSharePercent,
        strength: x.localSharePercent >= STRONG_LOCAL_SHARE_PERCENT ? "strong" : "weak",
        threshold: STRONG_LOCAL_SHARE_PERCENT,
      })
    );
  if (x.proximity.source === null) reasons.push(msg("te4.standardNoCriterion"));
  else
    reasons.push(
      msg(x.proximity.proximity ? "te4.proximityFrom" : "te4.standardFrom", {
        source: x.proximity.source,
      })
    );
  reasons.push(msg(rec === null ? "te4.noRecommendation" : `te4.recommend.${rec}`));
  return reasons;
}

// ---------------------------------------------------------------------------------------------
// One pass
// ---------------------------------------------------------------------------------------------

export interface TerritoryAcc {
  name: string;
  cents: number;
  lines: number;
  localKnownCents: number;
  localCents: number;
  localKnownLines: number;
}

export interface FamilyAcc {
  key: string;
  label: string;
  cents: number;
  familyCode: string | null;
  cpv: string | null;
  /** Cents by entity id. */
  entityCents: number[];
  /** Cents by nature index (Fournitures, Services, Travaux, unknown). */
  natureCents: number[];
  /** Supplier ids. */
  suppliers: Set<number>;
  localSuppliers: Set<number>;
  localKnownCents: number;
  localCents: number;
}

/** What the Entités table says about an entity of the lines, looked up once. */
export interface EntityInfo {
  name: string;
  populated: boolean;
  departement: string | null;
  /** The entity's own territory (or NO_TERRITORY) and its accumulator, created on first use. */
  territoryName: string;
  territory: TerritoryAcc | null;
}

export interface Scan {
  lines: number;
  totalCents: number;
  territories: Map<string, TerritoryAcc>;
  families: Map<string, FamilyAcc>;
  entities: EntityInfo[];
  /** TE1 headline: spend of lines whose entity has a population. */
  populatedCents: number;
  populatedLines: number;
  localKnownCents: number;
  localCents: number;
  localKnownLines: number;
}

function territoryAcc(map: Map<string, TerritoryAcc>, name: string): TerritoryAcc {
  let t = map.get(name);
  if (!t) {
    t = { name, cents: 0, lines: 0, localKnownCents: 0, localCents: 0, localKnownLines: 0 };
    map.set(name, t);
  }
  return t;
}

function scan(ctx: AnalysisContext): Scan {
  const s: Scan = {
    lines: ctx.lines.length,
    totalCents: 0,
    territories: new Map(),
    families: new Map(),
    entities: [],
    populatedCents: 0,
    populatedLines: 0,
    localKnownCents: 0,
    localCents: 0,
    localKnownLines: 0,
  };
  const entityIds = new Map<string, number>();
  const supplierIds = new Map<string, number>();
  /** Supplier département from the Fournisseurs table, by supplier id (undefined: not looked up yet). */
  const supplierDept: (string | null | undefined)[] = [];
  // One body with pôles (no Entités département): the département of the line's territory
  // (Territoires table) stands for the entity's, so that TE3 and TE4 still tell local suppliers.
  const territoryDept = new Map<string, string | null>();
  for (const t of ctx.intake.territories ?? [])
    if (!territoryDept.get(territoryKey(t.territory)))
      territoryDept.set(territoryKey(t.territory), departementOf(t.departement));
  const lineTerritoryDept = new Map<string, string | null>();
  const deptOfTerritory = (name: string): string | null => {
    let d = lineTerritoryDept.get(name);
    if (d === undefined) {
      d = territoryDept.get(territoryKey(name)) ?? null;
      lineTerritoryDept.set(name, d);
    }
    return d;
  };
  const postcodeDept = new Map<string, string | null>();
  for (let i = 0; i < ctx.lines.length; i++) {
    const line = ctx.lines[i];
    const cents = line.amountHTCents;
    s.totalCents += cents;

    let entityId = entityIds.get(line.entity);
    if (entityId === undefined) {
      entityId = s.entities.length;
      entityIds.set(line.entity, entityId);
      const row = ctx.entities.get(line.entity);
      s.entities.push({
        name: line.entity,
        // In the perimeter of the Entités table (its inhabitants are counted once, see perimeterPopulation).
        populated: row !== undefined,
        departement: departementOf(row?.departement ?? null),
        territoryName: row?.territory ?? NO_TERRITORY,
        territory: null,
      });
    }
    const entity = s.entities[entityId];
    let supplierId = supplierIds.get(line.supplierKey);
    if (supplierId === undefined) {
      supplierId = supplierIds.size;
      supplierIds.set(line.supplierKey, supplierId);
    }
    if (entity.populated) {
      s.populatedCents += cents;
      s.populatedLines++;
    }
    const t =
      line.territory !== null
        ? territoryAcc(s.territories, line.territory)
        : (entity.territory ??= territoryAcc(s.territories, entity.territoryName));
    t.cents += cents;
    t.lines++;

    // Local supplier (as RE4): line postcode, else supplier table, vs the entity's département
    // (else the département of the line's territory).
    let local: boolean | null = null;
    const refDept =
      entity.departement ?? (line.territory !== null ? deptOfTerritory(line.territory) : null);
    if (refDept !== null) {
      let sd: string | null | undefined = null;
      if (line.supplierPostcode !== null) {
        sd = postcodeDept.get(line.supplierPostcode);
        if (sd === undefined) {
          sd = departementOf(line.supplierPostcode);
          postcodeDept.set(line.supplierPostcode, sd);
        }
      }
      if (sd === null) {
        sd = supplierDept[supplierId];
        if (sd === undefined) {
          sd = departementOf(
            supplierRowFor(ctx.suppliers, line.supplierId, line.supplierName)?.departement ?? null
          );
          supplierDept[supplierId] = sd;
        }
      }
      if (sd !== null) local = sd === refDept;
    }
    if (local !== null) {
      t.localKnownCents += cents;
      t.localKnownLines++;
      s.localKnownCents += cents;
      s.localKnownLines++;
      if (local) {
        t.localCents += cents;
        s.localCents += cents;
      }
    }

    const fam = line.family;
    if (fam.key === UNCLASSIFIED_KEY) continue;
    let f = s.families.get(fam.key);
    if (!f) {
      f = {
        key: fam.key,
        label: fam.label,
        cents: 0,
        familyCode: null,
        cpv: null,
        entityCents: [],
        natureCents: [0, 0, 0, 0],
        suppliers: new Set(),
        localSuppliers: new Set(),
        localKnownCents: 0,
        localCents: 0,
      };
      s.families.set(fam.key, f);
    }
    f.cents += cents;
    if (f.familyCode === null) f.familyCode = line.familyCode;
    if (f.cpv === null) f.cpv = line.cpv;
    f.entityCents[entityId] = (f.entityCents[entityId] ?? 0) + cents;
    f.natureCents[natureIndex(line.nature)] += cents;
    f.suppliers.add(supplierId);
    if (local !== null) {
      f.localKnownCents += cents;
      if (local) {
        f.localCents += cents;
        f.localSuppliers.add(supplierId);
      }
    }
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** Whether the Entités table lists communes (then grouping bodies' populations are not added again). */
function hasCommunes(rows: Iterable<EntityRow>): boolean {
  for (const e of rows)
    if (e.type !== null && normalizeKey(e.type).includes("commune") && !isGroupingType(e.type))
      return true;
  return false;
}

/** EPCI, syndicats, métropoles… whose inhabitants are those of their member communes. */
function isGroupingType(type: string): boolean {
  const k = normalizeKey(type);
  return /\b(epci|communaute|metropole|syndicat|pays|pole|agglomeration|ccas|cias|sdis|departement|region)\b/.test(
    k
  );
}

/**
 * Whether an entity's population adds inhabitants: when communes are listed, only theirs (and
 * entities of unknown type) count — an EPCI's population is its communes' — so nobody is counted twice.
 */
export function countsInhabitants(e: EntityRow, communesListed: boolean): boolean {
  if (!communesListed || e.type === null) return true;
  return !isGroupingType(e.type);
}

/** Inhabitants of the whole perimeter of the Entités table, each counted once. */
export function perimeterPopulation(rows: Iterable<EntityRow>): number {
  const list = [...rows];
  const communes = hasCommunes(list);
  let population = 0;
  for (const e of list)
    if (e.population !== null && e.population > 0 && countsInhabitants(e, communes))
      population += e.population;
  return population;
}

interface TerritoryPopulation {
  population: number;
  entities: number;
}

/** Inhabitants per territory: Territoires table, else Entités rows, else shipped (territories/resolve.ts). */
function populationByTerritory(ctx: AnalysisContext, s: Scan): Map<string, TerritoryPopulation> {
  return territoryPopulations({
    entities: ctx.entities.values(),
    territories: ctx.intake.territories,
    lineTerritories: s.territories.keys(),
    shippedPopulation: ctx.shippedPopulation,
  });
}

export interface TerritoryFigures {
  name: string;
  cents: number;
  lines: number;
  population: number | null;
  populatedEntities: number;
  /** Euros per inhabitant, unrounded; null without population. */
  perInhabitant: number | null;
}

function territoryFigures(ctx: AnalysisContext, s: Scan): TerritoryFigures[] {
  const pops = populationByTerritory(ctx, s);
  // Territories of the Entités table without spend are shown too (0 € is a real figure for equity).
  for (const name of pops.keys()) territoryAcc(s.territories, name);
  const out: TerritoryFigures[] = [];
  for (const t of s.territories.values()) {
    const pop = t.name === NO_TERRITORY ? undefined : pops.get(t.name);
    const population = pop && pop.population > 0 ? pop.population : null;
    out.push({
      name: t.name,
      cents: t.cents,
      lines: t.lines,
      population,
      populatedEntities: pop?.entities ?? 0,
      perInhabitant: population === null ? null : t.cents / 100 / population,
    });
  }
  return out.sort((a, b) => b.cents - a.cents || byFrench(a.name, b.name));
}

export interface FamilyRecommendation {
  familyKey: string;
  familyLabel: string;
  cents: number;
  entities: string[];
  localSharePercent: number | null;
  localSupplierCount: number;
  supplierCount: number;
  proximity: Proximity;
  recommendation: Te4Recommendation | null;
  territoryCount: number;
  reasons: Message[];
}

export function familyRecommendations(ctx: AnalysisContext, s: Scan): FamilyRecommendation[] {
  const out: FamilyRecommendation[] = [];
  const profiles = familyTerritoryProfiles(ctx);
  for (const f of s.families.values()) {
    const entities: string[] = [];
    f.entityCents.forEach((c, e) => {
      if (c > 0) entities.push(s.entities[e].name);
    });
    entities.sort(byFrench);
    const nomenclatureRow = f.familyCode === null ? undefined : ctx.nomenclature.get(f.familyCode);
    const nature = nomenclatureRow?.nature ?? dominantNature(f.natureCents);
    const proximity = proximityOf({
      nomenclatureFlag: nomenclatureRow?.proximity ?? null,
      nature,
      label: f.label,
      cpv: f.cpv,
    });
    const localSharePercent =
      f.localKnownCents > 0 ? (f.localCents / f.localKnownCents) * 100 : null;
    const input = { entityCount: entities.length, localSharePercent, proximity };
    // Territories, local supply per territory and current channel (territories/recommend.ts).
    const profile = profiles.get(f.key);
    const onTerritories = {
      ...input,
      proximity: proximity.proximity,
      territories: profile?.territories ?? [],
      pooledSharePercent:
        profile && profile.cents > 0 ? (profile.pooledCents / profile.cents) * 100 : null,
    };
    const recommendation = recommendOnTerritories(onTerritories);
    const reasons = recommendationReasons({ ...input, entities }, recommendation);
    // One body with pôles: the local supply per territory (postcodes of the territories) answers
    // what the entity's département could not; "local share unknown" would contradict it.
    const localByTerritory =
      onTerritories.territories.length >= 2 &&
      onTerritories.territories.some((t) => t.localSharePercent !== null);
    if (localSharePercent === null && localByTerritory) {
      const at = reasons.findIndex((m) => m.code === "te4.localUnknown");
      if (at >= 0) reasons.splice(at, 1);
    }
    reasons.splice(reasons.length - 1, 0, ...territorialReasons(onTerritories));
    out.push({
      familyKey: f.key,
      familyLabel: f.label,
      cents: f.cents,
      entities,
      localSharePercent: localSharePercent === null ? null : round2(localSharePercent),
      localSupplierCount: f.localSuppliers.size,
      supplierCount: f.suppliers.size,
      proximity,
      recommendation,
      territoryCount: onTerritories.territories.length,
      reasons,
    });
  }
  return out.sort((a, b) => b.cents - a.cents || byKey(a.familyKey, b.familyKey));
}

/** What TE1–TE4 share: the scan of the period's lines and the per-territory figures. */
export interface TerritoryScan {
  scan: Scan;
  figures: TerritoryFigures[];
}

/** The period's territory scan, computed once per analysis (TE1–TE4 read it). */
export function territoryScan(ctx: AnalysisContext): TerritoryScan {
  return shared(ctx, scanPeriod);
}

function scanPeriod(ctx: AnalysisContext): TerritoryScan {
  const s = scan(ctx);
  return { scan: s, figures: territoryFigures(ctx, s) };
}

/**
 * Why a territory indicator (TE1, TE3, TE4) has no line to read: on contracts-only input, say
 * which data would unlock it (issue #11 §1); the register does not say which territory it serves.
 */
export function noTerritoryLinesReason(ctx: AnalysisContext): Message {
  return basisOf(ctx) === "awarded"
    ? msg("na.territoriesNeedSpendLines")
    : msg("na.noLinesInPeriod", { period: ctx.period.label });
}

/** A territory name as rows show it: null for the lines without a territory. */
export function territoryName(name: string): string | null {
  return name === NO_TERRITORY ? null : name;
}
