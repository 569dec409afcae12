/**
 * Mutualisation indicators MU1–MU6 (SPEC §4): channel mix and mutualisation rate, pooling
 * candidate families, addressable spend and savings scenarios, suppliers shared by several
 * entities, price dispersion of identical items, pooled totals crossing a higher threshold.
 *
 * One pass over the period's lines fills every accumulator; the six results are built from it.
 *
 * Decisions (documented for the reader of the sheets):
 * - Amounts are net HT (credit notes included). An entity "buys" a family (or from a supplier)
 *   when its net spend there is > 0, so a lone credit note does not make an entity a buyer.
 * - "Bought separately" = effective channel Marché propre or Hors marché (channel.ts).
 * - The "Non classé" family (key NC) is never a pooling candidate: its lines have nothing in
 *   common but the lack of a classification. Families excluded from splitting checks in the
 *   nomenclature stay in (that flag is about CO1, not pooling).
 * - With a single entity in the data (e.g. no entity column), pooling between entities cannot be
 *   assessed: MU2–MU6 are N/A with that reason (MU1 is not affected).
 * - MU5 quantiles are over lines (not weighted by quantity), type 7 linear interpolation (stats.ts).
 * - MU6 sums the separately bought spend per family over whole civil years (as CO1: a monthly
 *   analysis still sees the purchases of its year); thresholds are those in force on the first
 *   purchase of the family in the year and for the family's dominant nature by spend (works
 *   thresholds when Travaux).
 */
import { contractsByRef } from "../context";
import { effectiveChannel } from "../channel";
import { isUgap } from "../parse/vocabulary";
import type { Channel, ContractLine, Nature, SpendLine } from "../model";
import { contains } from "../period";
import { dispenseThresholdAt, euThresholdAt, type ReferenceValues } from "../reference/values";
import { normalizeKey } from "../text";
import { statusFromBand } from "./performance";
import { civilYearsOf, yearIndexOf, type CivilYears } from "./civil-years";
import { quantileSorted, sortedCopy } from "./stats";
import {
  byFrench,
  byKey,
  euros,
  notAvailable,
  pct,
  round2,
  type AnalysisContext,
  type Coverage,
  type IndicatorResult,
  type Row,
} from "./types";

export const CHANNELS: readonly Channel[] = [
  "Marché propre",
  "Groupement de commandes",
  "Centrale d'achat",
  "Hors marché",
];

const UNCLASSIFIED_KEY = "NC";

const SINGLE_ENTITY_REASON =
  "Une seule entité dans les données : la mutualisation entre entités ne peut pas être évaluée (renseignez la colonne entité).";
const NO_LINES_REASON = "Aucune ligne de dépense sur la période";

// ---------------------------------------------------------------------------------------------
// Accumulators (one pass)
// ---------------------------------------------------------------------------------------------

interface YearAcc {
  firstDay: number;
  totalCents: number;
  /** By entity id. */
  entityCents: number[];
}

interface FamilyAcc {
  key: string;
  label: string;
  /** Separately bought part (Marché propre + Hors marché). */
  separateCents: number;
  separateLines: number;
  /** Pooled part (Groupement + Centrale). */
  pooledCents: number;
  /** Separately bought cents by entity id. */
  entityCents: number[];
  /** Supplier ids of the separately bought part. */
  suppliers: Set<number>;
  /** Separately bought cents by nature index (NATURES). */
  natureCents: number[];
  /** MU6: separately bought spend by civil-year index (whole civil years of the period). */
  years: (YearAcc | undefined)[];
}

interface SupplierAcc {
  key: string;
  name: string | null;
  cents: number;
  /** Cents by entity id. */
  entityCents: number[];
  /** Family ids, and the last one added (skips most redundant Set insertions). */
  families: Set<number>;
  lastFamily: number;
}

interface ItemAcc {
  item: string;
  unit: string | null;
  prices: number[];
  quantities: number[];
  entities: Set<number>;
  derivedPriceLines: number;
}

interface Scan {
  lines: number;
  totalCents: number;
  /** By channel index (CHANNELS). */
  channelCents: number[];
  channelLines: number[];
  /** Lines whose channel is stated or derived from a contract / UGAP (not defaulted). */
  channelKnownLines: number;
  ugapCents: number;
  classifiedLines: number;
  entityNames: string[];
  familyLabels: string[];
  /** By family id; null for the Non classé family. */
  families: (FamilyAcc | null)[];
  suppliers: SupplierAcc[];
  items: Map<string, ItemAcc>;
  itemUsableLines: number;
  itemLines: number;
  itemDerivedLines: number;
  years: CivilYears;
}

const NATURES: readonly (Nature | null)[] = ["Fournitures", "Services", "Travaux", null];

/** A price-dispersion row without its internal grouping key. */
function withoutItemKey(row: Row): Row {
  const out: Row = { ...row };
  delete out.itemKey;
  return out;
}

function natureIndex(n: Nature | null): number {
  return n === "Fournitures" ? 0 : n === "Services" ? 1 : n === "Travaux" ? 2 : 3;
}

function channelIndex(c: Channel): number {
  return c === "Marché propre"
    ? 0
    : c === "Groupement de commandes"
      ? 1
      : c === "Centrale d'achat"
        ? 2
        : 3;
}

function isSeparateIndex(channel: number): boolean {
  return channel === 0 || channel === 3;
}

/** `effectiveChannel` (channel.ts) bound to one analysis's contracts and UGAP SIREN. */
export class ChannelResolver {
  constructor(
    private readonly byRef: Map<string, ContractLine>,
    private readonly ugapSiren: string
  ) {}

  isUgap(line: Pick<SpendLine, "supplierId" | "supplierName">): boolean {
    return isUgap(line.supplierId, line.supplierName, this.ugapSiren);
  }

  channel(
    line: Pick<SpendLine, "channel" | "contractRef" | "supplierId" | "supplierName">
  ): Channel {
    return effectiveChannel(line, this.byRef, this.ugapSiren);
  }
}

/** String → dense integer id. */
class Interner {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];

  id(name: string): number {
    let i = this.ids.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.ids.set(name, i);
      this.names.push(name);
    }
    return i;
  }
}

function newFamily(key: string, label: string): FamilyAcc {
  return {
    key,
    label,
    separateCents: 0,
    separateLines: 0,
    pooledCents: 0,
    entityCents: [],
    suppliers: new Set(),
    natureCents: [0, 0, 0, 0],
    years: [],
  };
}

function addToYear(
  f: FamilyAcc,
  yearIndex: number,
  day: number,
  entity: number,
  cents: number
): void {
  if (yearIndex < 0) return;
  let y = f.years[yearIndex];
  if (!y) {
    y = { firstDay: day, totalCents: 0, entityCents: [] };
    f.years[yearIndex] = y;
  }
  if (day < y.firstDay) y.firstDay = day;
  y.totalCents += cents;
  y.entityCents[entity] = (y.entityCents[entity] ?? 0) + cents;
}

function scan(ctx: AnalysisContext): Scan {
  const resolver = new ChannelResolver(contractsByRef(ctx.contracts), ctx.ref.ugapSiren.value);
  const years = civilYearsOf(ctx.period);
  const entities = new Interner();
  const familyIds = new Interner();
  const supplierIds = new Interner();
  const s: Scan = {
    lines: ctx.lines.length,
    totalCents: 0,
    channelCents: [0, 0, 0, 0],
    channelLines: [0, 0, 0, 0],
    channelKnownLines: 0,
    ugapCents: 0,
    classifiedLines: 0,
    entityNames: entities.names,
    familyLabels: [],
    families: [],
    suppliers: [],
    items: new Map(),
    itemUsableLines: 0,
    itemLines: 0,
    itemDerivedLines: 0,
    years,
  };
  const itemKeys = new Map<string, string>();
  for (let i = 0; i < ctx.lines.length; i++) {
    const line = ctx.lines[i];
    const cents = line.amountHTCents;
    const channel = channelIndex(resolver.channel(line));
    s.totalCents += cents;
    s.channelCents[channel] += cents;
    s.channelLines[channel]++;
    if (line.channel !== null || line.contractRef !== null || channel === 2) s.channelKnownLines++;
    if (channel === 2 && resolver.isUgap(line)) s.ugapCents += cents;
    const entity = entities.id(line.entity);
    const supplier = supplierIds.id(line.supplierKey);

    // Families (MU2, MU3, MU6).
    const fam = line.family;
    const familyId = familyIds.id(fam.key);
    if (familyId === s.families.length) {
      s.families.push(fam.key === UNCLASSIFIED_KEY ? null : newFamily(fam.key, fam.label));
      s.familyLabels.push(fam.label);
    }
    const f = s.families[familyId];
    if (f !== null) {
      s.classifiedLines++;
      if (isSeparateIndex(channel)) {
        f.separateCents += cents;
        f.separateLines++;
        f.entityCents[entity] = (f.entityCents[entity] ?? 0) + cents;
        f.suppliers.add(supplier);
        f.natureCents[natureIndex(line.nature)] += cents;
        addToYear(f, yearIndexOf(years, line.date), line.date, entity, cents);
      } else {
        f.pooledCents += cents;
      }
    }

    // Suppliers (MU4).
    let sup = s.suppliers[supplier];
    if (!sup) {
      sup = {
        key: line.supplierKey,
        name: line.supplierName,
        cents: 0,
        entityCents: [],
        families: new Set(),
        lastFamily: -1,
      };
      s.suppliers[supplier] = sup;
    }
    if (sup.name === null) sup.name = line.supplierName;
    sup.cents += cents;
    sup.entityCents[entity] = (sup.entityCents[entity] ?? 0) + cents;
    if (sup.lastFamily !== familyId) {
      sup.families.add(familyId);
      sup.lastFamily = familyId;
    }

    // Identical items (MU5).
    if (line.item !== null) {
      s.itemLines++;
      const q = line.quantity;
      if (q !== null && q > 0) {
        const derived = line.unitPriceCents === null;
        const price = derived ? cents / q : (line.unitPriceCents as number);
        if (price > 0) {
          const rawKey = line.unit === null ? line.item : `${line.item}\u0000${line.unit}`;
          let key = itemKeys.get(rawKey);
          if (key === undefined) {
            key = `${normalizeKey(line.item)}\u0000${line.unit === null ? "" : normalizeKey(line.unit)}`;
            itemKeys.set(rawKey, key);
          }
          let it = s.items.get(key);
          if (!it) {
            it = {
              item: line.item,
              unit: line.unit,
              prices: [],
              quantities: [],
              entities: new Set(),
              derivedPriceLines: 0,
            };
            s.items.set(key, it);
          }
          it.prices.push(price);
          it.quantities.push(q);
          it.entities.add(entity);
          if (derived) {
            it.derivedPriceLines++;
            s.itemDerivedLines++;
          }
          s.itemUsableLines++;
        }
      }
    }
  }
  // MU6 reasons on whole civil years (as CO1): add the separately bought lines of the period's
  // civil years that fall outside the period (none when the period is whole civil years).
  if (!(ctx.period.start === years.start && ctx.period.end === years.end)) {
    for (let i = 0; i < ctx.allLines.length; i++) {
      const line = ctx.allLines[i];
      if (line.date < years.start || line.date > years.end || contains(ctx.period, line.date))
        continue;
      const familyId = familyIds.id(line.family.key);
      if (familyId === s.families.length) {
        s.families.push(
          line.family.key === UNCLASSIFIED_KEY
            ? null
            : newFamily(line.family.key, line.family.label)
        );
        s.familyLabels.push(line.family.label);
      }
      const f = s.families[familyId];
      if (f === null || !isSeparateIndex(channelIndex(resolver.channel(line)))) continue;
      addToYear(
        f,
        yearIndexOf(years, line.date),
        line.date,
        entities.id(line.entity),
        line.amountHTCents
      );
    }
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Small shared helpers
// ---------------------------------------------------------------------------------------------

interface Buyer {
  name: string;
  cents: number;
}

/** Entities with a net positive amount and that amount, sorted by name (French collation). */
function buyers(names: string[], entityCents: number[]): Buyer[] {
  const out: Buyer[] = [];
  entityCents.forEach((cents, e) => {
    if (cents > 0) out.push({ name: names[e], cents });
  });
  return out.sort((a, b) => byFrench(a.name, b.name));
}

/** Names of the entities with a net positive amount, sorted (French collation). */
function buyingEntities(names: string[], entityCents: number[]): string[] {
  return buyers(names, entityCents).map((b) => b.name);
}

/** "250 000 €": whole euros, French grouping (narrow no-break space), as in money.ts. */
export function formatWholeEuros(cents: number): string {
  const eurosWhole = Math.round(cents / 100);
  const abs = Math.abs(eurosWhole)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
  return `${eurosWhole < 0 ? "-" : ""}${abs} €`;
}

function base(id: string, label: string, unit: IndicatorResult["unit"]) {
  return { id, group: "MU" as const, label, unit };
}

// ---------------------------------------------------------------------------------------------
// MU1 — channel mix
// ---------------------------------------------------------------------------------------------

function mu1(ctx: AnalysisContext, s: Scan): IndicatorResult {
  const b = base("MU1", "Taux de mutualisation (groupements et centrales d'achat)", "%");
  const band = ctx.ref.sms.cooperativeProcurement;
  const reference = {
    value: band.green,
    unit: "%" as const,
    label: `Achats coopératifs : vert à partir de ${band.green} %`,
    source: band.source,
  };
  const coverage: Coverage = { n: s.channelKnownLines, N: s.lines, of: "lignes" };
  if (s.lines === 0) return notAvailable(b, NO_LINES_REASON, coverage, reference);
  if (s.totalCents <= 0)
    return notAvailable(b, "Dépense totale nulle ou négative sur la période", coverage, reference);
  const pooled = s.channelCents[1] + s.channelCents[2];
  const rate = round2((pooled / s.totalCents) * 100);
  const byChannel: Row[] = CHANNELS.map((c, i) => ({
    channel: c,
    lines: s.channelLines[i],
    amount: euros(s.channelCents[i]),
    sharePercent: pct(s.channelCents[i], s.totalCents),
  }));
  return {
    ...b,
    value: rate,
    na: null,
    coverage,
    reference,
    status: statusFromBand(rate, band),
    details: {
      totalAmount: euros(s.totalCents),
      pooledAmount: euros(pooled),
      ownContractAmount: euros(s.channelCents[0]),
      groupementAmount: euros(s.channelCents[1]),
      centraleAmount: euros(s.channelCents[2]),
      ugapAmount: euros(s.ugapCents),
      offContractAmount: euros(s.channelCents[3]),
      linesDefaultedToHorsMarche: s.lines - s.channelKnownLines,
    },
    tables: { byChannel },
  };
}

// ---------------------------------------------------------------------------------------------
// MU2 — pooling candidates
// ---------------------------------------------------------------------------------------------

interface Candidate {
  family: FamilyAcc;
  entities: string[];
}

function candidatesOf(s: Scan): Candidate[] {
  const out: Candidate[] = [];
  for (const f of s.families) {
    if (f === null) continue;
    const entities = buyingEntities(s.entityNames, f.entityCents);
    if (entities.length >= 2) out.push({ family: f, entities });
  }
  return out.sort(
    (a, b) => b.family.separateCents - a.family.separateCents || byKey(a.family.key, b.family.key)
  );
}

function mu2(s: Scan, candidates: Candidate[], naReason: string | null): IndicatorResult {
  const b = base(
    "MU2",
    "Familles achetées séparément par plusieurs entités (candidates à la mutualisation)",
    "count"
  );
  const coverage: Coverage = { n: s.classifiedLines, N: s.lines, of: "lignes" };
  if (naReason) return notAvailable(b, naReason, coverage);
  const rows: Row[] = candidates.map(({ family: f, entities }) => ({
    familyKey: f.key,
    familyLabel: f.label,
    entityCount: entities.length,
    entities: entities.join(" ; "),
    supplierCount: f.suppliers.size,
    lines: f.separateLines,
    amount: euros(f.separateCents),
    pooledAmount: euros(f.pooledCents),
    partlyPooled: f.pooledCents > 0,
  }));
  return {
    ...b,
    value: candidates.length,
    na: null,
    coverage,
    reference: null,
    status: null,
    details: {
      entities: s.entityNames.length,
      classifiedFamilies: s.families.filter((f) => f !== null).length,
      partlyPooledCandidates: candidates.filter((c) => c.family.pooledCents > 0).length,
      unclassifiedLines: s.lines - s.classifiedLines,
    },
    tables: { candidates: rows },
  };
}

// ---------------------------------------------------------------------------------------------
// MU3 — addressable spend and savings scenarios
// ---------------------------------------------------------------------------------------------

/** Savings of the three pooling scenarios (cents, rounded) on an addressable amount in cents. */
export function savingsScenarios(
  addressableCents: number,
  ref: ReferenceValues
): { scenario: string; percent: number; savingsCents: number }[] {
  const p = ref.poolingScenarios;
  return [
    { scenario: "Bas", percent: p.lowPercent },
    { scenario: "Central", percent: p.centralPercent },
    { scenario: "Haut", percent: p.highPercent },
  ].map((x) => ({ ...x, savingsCents: Math.round((addressableCents * x.percent) / 100) }));
}

function mu3(
  ctx: AnalysisContext,
  s: Scan,
  candidates: Candidate[],
  naReason: string | null
): IndicatorResult {
  const b = base("MU3", "Dépense adressable par la mutualisation", "EUR");
  const coverage: Coverage = { n: s.classifiedLines, N: s.lines, of: "lignes" };
  if (naReason) return notAvailable(b, naReason, coverage);
  let addressable = 0;
  for (const c of candidates) addressable += c.family.separateCents;
  const scenarios = savingsScenarios(addressable, ctx.ref);
  const source = ctx.ref.poolingScenarios.source;
  return {
    ...b,
    value: euros(addressable),
    na: null,
    coverage,
    reference: null,
    status: null,
    details: {
      addressableSharePercent: pct(addressable, s.totalCents),
      candidateFamilies: candidates.length,
      lowSavings: euros(scenarios[0].savingsCents),
      centralSavings: euros(scenarios[1].savingsCents),
      highSavings: euros(scenarios[2].savingsCents),
      scenarioSource: source,
    },
    tables: {
      scenarios: scenarios.map((x) => ({
        scenario: x.scenario,
        ratePercent: x.percent,
        addressableAmount: euros(addressable),
        savings: euros(x.savingsCents),
        source,
      })),
      byFamily: candidates.map((c) => ({
        familyKey: c.family.key,
        familyLabel: c.family.label,
        addressableAmount: euros(c.family.separateCents),
        centralSavings: euros(
          Math.round((c.family.separateCents * ctx.ref.poolingScenarios.centralPercent) / 100)
        ),
      })),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// MU4 — suppliers shared by several entities
// ---------------------------------------------------------------------------------------------

function mu4(s: Scan, naReason: string | null): IndicatorResult {
  const b = base("MU4", "Fournisseurs communs à plusieurs entités", "count");
  const coverage: Coverage = { n: s.lines, N: s.lines, of: "lignes" };
  if (naReason) return notAvailable(b, naReason, coverage);
  const shared: { sup: SupplierAcc; entities: string[] }[] = [];
  for (const sup of s.suppliers) {
    const entities = buyingEntities(s.entityNames, sup.entityCents);
    if (entities.length >= 2) shared.push({ sup, entities });
  }
  shared.sort((a, b) => b.sup.cents - a.sup.cents || byKey(a.sup.key, b.sup.key));
  let sharedCents = 0;
  for (const x of shared) sharedCents += x.sup.cents;
  return {
    ...b,
    value: shared.length,
    na: null,
    coverage,
    reference: null,
    status: null,
    details: {
      suppliers: s.suppliers.length,
      sharedAmount: euros(sharedCents),
      sharedSharePercent: pct(sharedCents, s.totalCents),
    },
    tables: {
      sharedSuppliers: shared.map(({ sup, entities }) => {
        const families = [...new Set([...sup.families].map((id) => s.familyLabels[id]))].sort(
          byFrench
        );
        return {
          supplierKey: sup.key,
          supplierName: sup.name,
          entityCount: entities.length,
          entities: entities.join(" ; "),
          amount: euros(sup.cents),
          familyCount: families.length,
          families: families.join(" ; "),
        };
      }),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// MU5 — price dispersion of identical items
// ---------------------------------------------------------------------------------------------

export interface PriceDispersion {
  p10: number;
  p25: number;
  median: number;
  p90: number;
  /** p90 / p10, null when p10 is 0. */
  ratio: number | null;
  /** Σ max(0, pᵢ − p25)·qᵢ, same unit as the prices. */
  potential: number;
}

/** Quantiles of unit prices over lines and the potential saving of buying at p25 (MU5). */
export function priceDispersion(
  prices: readonly number[],
  quantities: readonly number[]
): PriceDispersion | null {
  if (prices.length === 0) return null;
  const sorted = sortedCopy(prices);
  const p10 = quantileSorted(sorted, 0.1) as number;
  const p25 = quantileSorted(sorted, 0.25) as number;
  const median = quantileSorted(sorted, 0.5) as number;
  const p90 = quantileSorted(sorted, 0.9) as number;
  let potential = 0;
  for (let i = 0; i < prices.length; i++)
    if (prices[i] > p25) potential += (prices[i] - p25) * quantities[i];
  return { p10, p25, median, p90, ratio: p10 === 0 ? null : p90 / p10, potential };
}

function mu5(s: Scan, naReason: string | null): IndicatorResult {
  const b = base(
    "MU5",
    "Potentiel d'économie sur la dispersion des prix d'articles identiques",
    "EUR"
  );
  const coverage: Coverage = { n: s.itemUsableLines, N: s.lines, of: "lignes" };
  if (naReason) return notAvailable(b, naReason, coverage);
  if (s.itemUsableLines === 0) {
    return notAvailable(
      b,
      "Aucune ligne avec article, quantité et prix unitaire (ou montant) renseignés",
      coverage
    );
  }
  const rows: (Row & { potential: number; itemKey: string })[] = [];
  let potentialCents = 0;
  for (const [key, it] of s.items) {
    if (it.entities.size < 2) continue;
    const d = priceDispersion(it.prices, it.quantities) as PriceDispersion;
    const potential = Math.round(d.potential);
    potentialCents += potential;
    let quantity = 0;
    for (const q of it.quantities) quantity += q;
    rows.push({
      itemKey: key,
      item: it.item,
      unit: it.unit,
      entityCount: it.entities.size,
      lines: it.prices.length,
      quantity: round2(quantity),
      p10: euros(d.p10),
      p25: euros(d.p25),
      median: euros(d.median),
      p90: euros(d.p90),
      p90OverP10: d.ratio === null ? null : round2(d.ratio),
      potential: euros(potential),
      derivedPriceLines: it.derivedPriceLines,
    });
  }
  rows.sort((a, b) => b.potential - a.potential || byKey(a.itemKey, b.itemKey));
  return {
    ...b,
    value: euros(potentialCents),
    na: null,
    coverage,
    reference: null,
    status: null,
    details: {
      comparedItems: rows.length,
      itemsWithPrice: s.items.size,
      linesWithItem: s.itemLines,
      linesWithDerivedPrice: s.itemDerivedLines,
      method:
        "Quantiles par interpolation linéaire sur les lignes (type 7, comme CENTILE.INCLURE d'Excel)",
    },
    tables: { items: rows.map(withoutItemKey) },
  };
}

// ---------------------------------------------------------------------------------------------
// MU6 — pooled totals crossing a higher threshold
// ---------------------------------------------------------------------------------------------

export interface ProcedureBand {
  /** 0 below the dispense threshold, 1 dispense reached, 2 publicity (BOAMP/JAL), 3 EU (formalised). */
  rank: 0 | 1 | 2 | 3;
  /** French name of the band. */
  name: string;
  /** Threshold reached (cents), null for rank 0. */
  thresholdCents: number | null;
}

const BAND_NAMES = [
  "Sous le seuil de dispense",
  "Procédure adaptée",
  "Procédure adaptée avec publicité BOAMP/JAL",
  "Procédure formalisée",
];

/**
 * Procedure band of a total (cents) on a day for a nature: EU threshold → formalised; dispense and
 * 90 000 € both reached → publicity in BOAMP/JAL; dispense reached → procédure adaptée. For works
 * the dispense threshold (100 000 €) is above the publicity one, which then applies from it.
 */
export function procedureBand(
  ref: ReferenceValues,
  totalCents: number,
  day: number,
  nature: Nature | null
): ProcedureBand {
  const dispense = dispenseThresholdAt(ref, day, nature);
  const publicity = ref.publicityThresholdCents.value;
  const eu = euThresholdAt(ref, day, nature);
  if (totalCents >= eu) return { rank: 3, name: BAND_NAMES[3], thresholdCents: eu };
  if (totalCents >= dispense && totalCents >= publicity)
    return { rank: 2, name: BAND_NAMES[2], thresholdCents: Math.max(dispense, publicity) };
  if (totalCents >= dispense) return { rank: 1, name: BAND_NAMES[1], thresholdCents: dispense };
  return { rank: 0, name: BAND_NAMES[0], thresholdCents: null };
}

/** French consequence of a pooled total reaching a band (rank ≥ 1). */
export function poolingConsequence(
  ref: ReferenceValues,
  totalCents: number,
  band: ProcedureBand,
  day: number,
  nature: Nature | null
): string {
  const threshold = band.thresholdCents as number;
  const verb = totalCents === threshold ? "atteint" : "dépasse";
  const head = `le total mutualisé de ${formatWholeEuros(totalCents)} ${verb}`;
  if (band.rank === 3)
    return `${head} le seuil européen de ${formatWholeEuros(threshold)} : procédure formalisée requise`;
  if (band.rank === 2) {
    const dispense = dispenseThresholdAt(ref, day, nature);
    return threshold === dispense && dispense > ref.publicityThresholdCents.value
      ? `${head} le seuil de dispense de procédure de ${formatWholeEuros(threshold)} : procédure adaptée avec publicité au BOAMP ou dans un journal d'annonces légales requise`
      : `${head} le seuil de publicité de ${formatWholeEuros(threshold)} : publicité au BOAMP ou dans un journal d'annonces légales requise`;
  }
  return `${head} le seuil de dispense de procédure de ${formatWholeEuros(threshold)} : publicité et mise en concurrence requises (procédure adaptée)`;
}

/** Nature with the largest separately bought spend (ties: Fournitures, Services, Travaux, unknown). */
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

function mu6(
  ctx: AnalysisContext,
  s: Scan,
  candidates: Candidate[],
  naReason: string | null
): IndicatorResult {
  const b = base(
    "MU6",
    "Familles dont le total mutualisé franchit un seuil de procédure supérieur",
    "count"
  );
  const coverage: Coverage = { n: s.classifiedLines, N: s.lines, of: "lignes" };
  if (naReason) return notAvailable(b, naReason, coverage);
  const rows: Row[] = [];
  const crossingFamilies = new Set<string>();
  for (const { family: f } of candidates) {
    const nature = dominantNature(f.natureCents);
    for (let yi = 0; yi < s.years.years.length; yi++) {
      const y = f.years[yi];
      if (!y) continue;
      const year = s.years.years[yi];
      const entities = buyers(s.entityNames, y.entityCents);
      if (entities.length < 2) continue;
      let maxEntityCents = -Infinity;
      let maxEntity = "";
      let maxEntityRank = 0;
      for (const { name, cents: c } of entities) {
        const rank = procedureBand(ctx.ref, c, y.firstDay, nature).rank;
        if (rank > maxEntityRank) maxEntityRank = rank;
        if (c > maxEntityCents) {
          maxEntityCents = c;
          maxEntity = name;
        }
      }
      const pooled = procedureBand(ctx.ref, y.totalCents, y.firstDay, nature);
      const higher = pooled.rank > maxEntityRank;
      if (higher) crossingFamilies.add(f.key);
      rows.push({
        familyKey: f.key,
        familyLabel: f.label,
        year,
        nature: nature ?? "Fournitures / Services",
        entityCount: entities.length,
        pooledAmount: euros(y.totalCents),
        largestEntity: maxEntity,
        largestEntityAmount: euros(maxEntityCents),
        entityBand: BAND_NAMES[maxEntityRank],
        pooledBand: pooled.name,
        thresholdAmount: pooled.thresholdCents === null ? null : euros(pooled.thresholdCents),
        crossesHigherThreshold: higher,
        consequence: higher
          ? poolingConsequence(ctx.ref, y.totalCents, pooled, y.firstDay, nature)
          : null,
      });
    }
  }
  return {
    ...b,
    value: crossingFamilies.size,
    na: null,
    coverage,
    reference: null,
    status: null,
    details: {
      candidateFamilies: candidates.length,
      familyYears: rows.length,
      publicityThreshold: euros(ctx.ref.publicityThresholdCents.value),
    },
    tables: { pooledThresholds: rows },
  };
}

// ---------------------------------------------------------------------------------------------

export function computeMutualisationIndicators(ctx: AnalysisContext): IndicatorResult[] {
  const s = scan(ctx);
  const naReason =
    s.lines === 0 ? NO_LINES_REASON : s.entityNames.length < 2 ? SINGLE_ENTITY_REASON : null;
  const candidates = naReason ? [] : candidatesOf(s);
  return [
    mu1(ctx, s),
    mu2(s, candidates, naReason),
    mu3(ctx, s, candidates, naReason),
    mu4(s, naReason),
    mu5(s, naReason),
    mu6(ctx, s, candidates, naReason),
  ];
}
