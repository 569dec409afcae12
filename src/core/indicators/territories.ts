/**
 * Territory indicators TE1–TE4 (SPEC §4, territorialisation theme): spend per territory and per
 * inhabitant, equity across territories, local supplier share per territory, and a per-family
 * recommendation — mutualiser, territorialiser or mixte — with its reasons.
 *
 * Definitions and cut-offs (documented for the reader of the sheets):
 * - Territory of a line: its own territory column, else the territory of its entity (table
 *   Entités), else "Territoire non renseigné" (kept in TE1, left out of TE2).
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
import { formatMessage } from "./compliance-messages";
import type { EntityRow, Nature } from "../model";
import { normalizeKey } from "../text";
import { departementOf } from "./geography";
import { coefficientOfVariation, gini } from "./stats";
import { supplierRowFor } from "./supplier-reference";
import {
  familyTerritoryProfiles,
  recommendOnTerritories,
  te4Assessable,
  territorialReasons,
} from "../territories/recommend";
import { territoryPerimeter } from "../territories/perimeter";
import { territoryPopulations } from "../territories/resolve";
import {
  byFrench,
  byKey,
  euros,
  notAvailable,
  pct,
  percent,
  round2,
  type AnalysisContext,
  type Coverage,
  type IndicatorResult,
  type Row,
} from "./types";

export const MIN_ENTITIES_TO_POOL = 2;
export const STRONG_LOCAL_SHARE_PERCENT = 50;
export const NO_TERRITORY = "Territoire non renseigné";

const UNCLASSIFIED_KEY = "NC";
const NO_LINES_REASON = "Aucune ligne de dépense sur la période";

export type Te4Recommendation = "mutualiser" | "territorialiser" | "mixte";

/** Separator of the reasons in the TE4 table cell (reasons never contain it). */
export const REASONS_SEPARATOR = " ; ";

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

const PROXIMITY_CPV: { prefix: string; label: string }[] = [
  { prefix: "45", label: "travaux" },
  { prefix: "50", label: "réparation et entretien" },
  { prefix: "555", label: "restauration collective" },
  { prefix: "909", label: "nettoyage" },
  { prefix: "7731", label: "espaces verts" },
];

export interface Proximity {
  proximity: boolean;
  /** French: where the answer comes from, null when no criterion applies. */
  source: string | null;
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
      source: `la nomenclature (service de proximité : ${p.nomenclatureFlag ? "oui" : "non"})`,
    };
  }
  if (p.nature === "Travaux") return { proximity: true, source: "la nature Travaux" };
  if (p.nature !== "Fournitures") {
    const padded = ` ${normalizeKey(p.label)} `;
    for (const k of PROXIMITY_KEYWORDS)
      if (padded.includes(` ${k} `))
        return { proximity: true, source: `le mot-clé « ${k} » du libellé` };
    if (p.cpv) {
      for (const c of PROXIMITY_CPV)
        if (p.cpv.startsWith(c.prefix))
          return { proximity: true, source: `le code CPV ${p.cpv} (${c.label})` };
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

function frenchPercent(x: number): string {
  return `${x.toFixed(1).replace(".", ",")} %`;
}

/** French sentences explaining a recommendation with its figures. */
export function recommendationReasons(
  x: RecommendationInput & { entities: string[] },
  rec: Te4Recommendation | null
): string[] {
  const reasons: string[] = [];
  reasons.push(
    x.entityCount === 0
      ? "Aucune entité n'a de dépense nette positive dans cette famille"
      : x.entityCount === 1
        ? `Une seule entité achète cette famille (${x.entities[0]})`
        : `${x.entityCount} entités achètent cette famille (${x.entities.join(", ")})`
  );
  if (x.localSharePercent === null) {
    reasons.push(
      "Part des fournisseurs locaux inconnue : département du fournisseur ou de l'entité non renseigné"
    );
  } else {
    const strong = x.localSharePercent >= STRONG_LOCAL_SHARE_PERCENT;
    reasons.push(
      `Fournisseurs locaux (même département que l'entité) : ${frenchPercent(x.localSharePercent)} de la dépense, offre locale ${
        strong ? "forte" : "faible"
      } (seuil ${STRONG_LOCAL_SHARE_PERCENT} %)`
    );
  }
  reasons.push(
    x.proximity.proximity
      ? `Famille de proximité d'après ${x.proximity.source}`
      : x.proximity.source
        ? `Famille standard d'après ${x.proximity.source}`
        : "Famille standard : aucun critère de proximité (nomenclature, nature Travaux, libellé, CPV)"
  );
  switch (rec) {
    case "mutualiser":
      reasons.push("Recommandation : mutualiser (groupement de commandes ou centrale d'achat)");
      break;
    case "mixte":
      reasons.push(formatMessage("TE4.mixed"));
      break;
    case "territorialiser":
      reasons.push(formatMessage("TE4.territorialise"));
      break;
    default:
      reasons.push(
        "Pas de recommandation : ni achat par plusieurs entités, ni famille de proximité à offre locale forte"
      );
  }
  return reasons;
}

// ---------------------------------------------------------------------------------------------
// One pass
// ---------------------------------------------------------------------------------------------

interface TerritoryAcc {
  name: string;
  cents: number;
  lines: number;
  localKnownCents: number;
  localCents: number;
  localKnownLines: number;
}

interface FamilyAcc {
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
interface EntityInfo {
  name: string;
  populated: boolean;
  departement: string | null;
  /** The entity's own territory (or NO_TERRITORY) and its accumulator, created on first use. */
  territoryName: string;
  territory: TerritoryAcc | null;
}

interface Scan {
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

const NATURES: readonly (Nature | null)[] = ["Fournitures", "Services", "Travaux", null];

function natureIndex(n: Nature | null): number {
  return n === "Fournitures" ? 0 : n === "Services" ? 1 : n === "Travaux" ? 2 : 3;
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

    // Local supplier (as RE4): line postcode, else supplier table, vs the entity's département.
    let local: boolean | null = null;
    if (entity.departement !== null) {
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
      if (sd !== null) local = sd === entity.departement;
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

function base(id: string, label: string, unit: IndicatorResult["unit"]) {
  return { id, group: "TE" as const, label, unit };
}

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

interface TerritoryFigures {
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

// ---------------------------------------------------------------------------------------------
// TE1–TE4
// ---------------------------------------------------------------------------------------------

function te1(ctx: AnalysisContext, s: Scan, figures: TerritoryFigures[]): IndicatorResult {
  const b = base("TE1", "Dépense par habitant", "EUR/hab");
  const coverage: Coverage = { n: s.populatedLines, N: s.lines, of: "lignes" };
  if (s.lines === 0) return notAvailable(b, NO_LINES_REASON, coverage);
  // Entités perimeter, else the territories with a population (one body with pôles).
  const headline = territoryPerimeter(
    { population: perimeterPopulation(ctx.entities.values()), cents: s.populatedCents, lines: s.populatedLines },
    figures.filter((t) => t.name !== NO_TERRITORY)
  );
  const population = headline.population;
  coverage.n = headline.lines;
  const noTerritory = s.territories.get(NO_TERRITORY);
  const byTerritory: Row[] = figures.map((t) => ({
    territory: t.name,
    amount: euros(t.cents),
    sharePercent: pct(t.cents, s.totalCents),
    lines: t.lines,
    population: t.population,
    entitiesWithPopulation: t.populatedEntities,
    perInhabitant: t.perInhabitant === null ? null : round2(t.perInhabitant),
  }));
  const details = {
    totalAmount: euros(s.totalCents),
    territories: figures.filter((t) => t.name !== NO_TERRITORY).length,
    amountWithoutTerritory: euros(noTerritory?.cents ?? 0),
    linesWithoutTerritory: noTerritory?.lines ?? 0,
    population: population === 0 ? null : population,
    amountWithPopulation: euros(headline.cents),
    populationSource: headline.source,
  };
  if (population === 0) {
    return {
      ...notAvailable(
        b,
        "Population non renseignée (table Territoires, ou colonne population de la table Entités)",
        coverage
      ),
      details,
      tables: { byTerritory },
    };
  }
  return {
    ...b,
    value: round2(headline.cents / 100 / population),
    na: null,
    coverage,
    reference: null,
    status: null,
    details,
    tables: { byTerritory },
  };
}

function te2(figures: TerritoryFigures[]): IndicatorResult {
  const b = base(
    "TE2",
    "Écart de dépense par habitant entre territoires (coefficient de variation)",
    "%"
  );
  const named = figures.filter((t) => t.name !== NO_TERRITORY);
  const withPop = named.filter((t) => t.perInhabitant !== null);
  const coverage: Coverage = { n: withPop.length, N: named.length, of: "territoires" };
  if (withPop.length < 2) {
    return notAvailable(
      b,
      "Moins de deux territoires avec une population connue (table Territoires, ou colonnes territoire et population de la table Entités)",
      coverage
    );
  }
  const values = withPop.map((t) => t.perInhabitant as number);
  const cv = coefficientOfVariation(values);
  const g = gini(values);
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / values.length;
  const details = {
    territoriesWithPopulation: withPop.length,
    meanPerInhabitant: round2(mean),
    minPerInhabitant: round2(Math.min(...values)),
    maxPerInhabitant: round2(Math.max(...values)),
    gini: g === null ? null : Math.round(g * 10_000) / 10_000,
    method:
      "Coefficient de variation = écart-type (population) / moyenne ; Gini de population ; territoires non pondérés",
  };
  const byTerritory: Row[] = withPop.map((t) => ({
    territory: t.name,
    perInhabitant: round2(t.perInhabitant as number),
    gapToMeanPercent: mean === 0 ? null : round2(((t.perInhabitant as number) / mean - 1) * 100),
  }));
  if (cv === null) {
    return {
      ...notAvailable(
        b,
        "Dépense par habitant moyenne nulle : coefficient de variation non défini",
        coverage
      ),
      details,
      tables: { byTerritory },
    };
  }
  return {
    ...b,
    value: round2(cv * 100),
    na: null,
    coverage,
    reference: null,
    status: null,
    details,
    tables: { byTerritory },
  };
}

function te3(s: Scan, figures: TerritoryFigures[]): IndicatorResult {
  const b = base("TE3", "Part des fournisseurs locaux", "%");
  const coverage: Coverage = { n: s.localKnownLines, N: s.lines, of: "lignes" };
  if (s.lines === 0) return notAvailable(b, NO_LINES_REASON, coverage);
  if (s.localKnownLines === 0) {
    return notAvailable(
      b,
      "Département du fournisseur ou de l'entité inconnu sur toutes les lignes (tables Fournisseurs et Entités, code postal fournisseur)",
      coverage
    );
  }
  const byTerritory: Row[] = figures.map((f) => {
    const t = s.territories.get(f.name) as TerritoryAcc;
    return {
      territory: t.name,
      amount: euros(t.cents),
      amountWithKnownDepartements: euros(t.localKnownCents),
      localAmount: euros(t.localCents),
      localSharePercent: pct(t.localCents, t.localKnownCents),
      linesWithKnownDepartements: t.localKnownLines,
      lines: t.lines,
    };
  });
  const share = percent(s.localCents, s.localKnownCents);
  const details = {
    localAmount: euros(s.localCents),
    amountWithKnownDepartements: euros(s.localKnownCents),
    knownSharePercent: pct(s.localKnownCents, s.totalCents),
  };
  if (share === null) {
    return {
      ...notAvailable(
        b,
        "Dépense nette nulle sur les lignes dont les départements sont connus",
        coverage
      ),
      details,
      tables: { byTerritory },
    };
  }
  return {
    ...b,
    value: round2(share),
    na: null,
    coverage,
    reference: null,
    status: null,
    details,
    tables: { byTerritory },
  };
}

/** Nature with the largest spend (ties: Fournitures, Services, Travaux, unknown). */
function dominantNature(natureCents: number[]): Nature | null {
  let best = 3;
  let bestCents = -Infinity;
  for (let i = 0; i < NATURES.length; i++) {
    if (natureCents[i] !== 0 && natureCents[i] > bestCents) {
      best = i;
      bestCents = natureCents[i];
    }
  }
  return NATURES[best];
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
  reasons: string[];
}

function familyRecommendations(ctx: AnalysisContext, s: Scan): FamilyRecommendation[] {
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
      pooledSharePercent: profile && profile.cents > 0 ? (profile.pooledCents / profile.cents) * 100 : null,
    };
    const recommendation = recommendOnTerritories(onTerritories);
    const reasons = recommendationReasons({ ...input, entities }, recommendation);
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

function te4(ctx: AnalysisContext, s: Scan): IndicatorResult {
  const b = base("TE4", "Familles à mutualiser (mutualiser ou mixte)", "count");
  if (s.lines === 0) return notAvailable(b, NO_LINES_REASON, { n: 0, N: 0, of: "familles" });
  const recs = familyRecommendations(ctx, s);
  // Coverage: families whose local supplier share is known (the other criteria are always known).
  const coverage: Coverage = {
    n: recs.filter((r) => r.localSharePercent !== null).length,
    N: recs.length,
    of: "familles",
  };
  const count = (r: Te4Recommendation) => recs.filter((x) => x.recommendation === r).length;
  const details = {
    families: recs.length,
    mutualiser: count("mutualiser"),
    mixte: count("mixte"),
    territorialiser: count("territorialiser"),
    withoutRecommendation: recs.filter((x) => x.recommendation === null).length,
    strongLocalSharePercent: STRONG_LOCAL_SHARE_PERCENT,
    minEntities: MIN_ENTITIES_TO_POOL,
  };
  const recommendations: Row[] = recs.map((r) => ({
    familyKey: r.familyKey,
    familyLabel: r.familyLabel,
    amount: euros(r.cents),
    entityCount: r.entities.length,
    territoryCount: r.territoryCount,
    localSharePercent: r.localSharePercent,
    localSupplierCount: r.localSupplierCount,
    supplierCount: r.supplierCount,
    proximity: r.proximity.proximity,
    proximitySource: r.proximity.source,
    recommendation: r.recommendation,
    reasons: r.reasons.join(REASONS_SEPARATOR),
  }));
  const territories = [...s.territories.keys()].filter((t) => t !== NO_TERRITORY).length;
  if (!te4Assessable(s.entities.length, territories)) {
    return {
      ...notAvailable(
        b,
        "Une seule entité et moins de deux territoires dans les données : la mutualisation ne peut pas être évaluée (renseignez la colonne entité ou la colonne territoire).",
        coverage
      ),
      details,
      tables: { recommendations },
    };
  }
  return {
    ...b,
    value: details.mutualiser + details.mixte,
    na: null,
    coverage,
    reference: null,
    status: null,
    details,
    tables: { recommendations },
  };
}

export function computeTerritoryIndicators(ctx: AnalysisContext): IndicatorResult[] {
  const s = scan(ctx);
  const figures = territoryFigures(ctx, s);
  return [te1(ctx, s, figures), te2(figures), te3(s, figures), te4(ctx, s)];
}
