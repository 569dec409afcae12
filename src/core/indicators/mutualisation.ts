/**
 * What the mutualisation indicators MU1–MU6 share (SPEC §4): one pass over the period's lines
 * (`mutualisationScan`) fills every accumulator; each indicator is its own module (./mu/*.ts)
 * and builds its result from the scan. Also the pooling candidates, savings scenarios, price
 * dispersion and procedure bands.
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
import { basisContext, noRecordsReason, recordUnit } from "../contracts-basis";
import { contractsByRef } from "../context";
import { effectiveChannel } from "../channel";
import { isUgap } from "../parse/vocabulary";
import type { Channel, ContractLine, Nature, SpendLine } from "../model";
import { contains } from "../period";
import { dispenseThresholdAt, euThresholdAt, type ReferenceValues } from "../reference/values";
import { normalizeKey } from "../text";
import { msg, type Message } from "../messages/render";
import { natureIndex } from "./aggregate";
import { civilYearsOf, yearIndexOf, type CivilYears } from "./civil-years";
import { quantileSorted, sortedCopy } from "./stats";
import { shared } from "./definition";
import { byFrench, byKey, type AnalysisContext } from "./types";

export const CHANNELS: readonly Channel[] = [
  "Marché propre",
  "Groupement de commandes",
  "Centrale d'achat",
  "Hors marché",
];

const UNCLASSIFIED_KEY = "NC";

// ---------------------------------------------------------------------------------------------
// Accumulators (one pass)
// ---------------------------------------------------------------------------------------------

export interface YearAcc {
  firstDay: number;
  totalCents: number;
  /** By entity id. */
  entityCents: number[];
}

export interface FamilyAcc {
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

export interface SupplierAcc {
  key: string;
  name: string | null;
  cents: number;
  /** Cents by entity id. */
  entityCents: number[];
  /** Family ids, and the last one added (skips most redundant Set insertions). */
  families: Set<number>;
  lastFamily: number;
}

export interface ItemAcc {
  item: string;
  unit: string | null;
  prices: number[];
  quantities: number[];
  entities: Set<number>;
  derivedPriceLines: number;
}

export interface Scan {
  lines: number;
  /** What the lines are: spend lines, or the contracts' awarded records (contracts-basis.ts). */
  unit: "lines" | "contracts";
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
    unit: recordUnit(ctx),
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

export interface Buyer {
  name: string;
  cents: number;
}

/** Entities with a net positive amount and that amount, sorted by name (French collation). */
export function buyers(names: string[], entityCents: number[]): Buyer[] {
  const out: Buyer[] = [];
  entityCents.forEach((cents, e) => {
    if (cents > 0) out.push({ name: names[e], cents });
  });
  return out.sort((a, b) => byFrench(a.name, b.name));
}

/** Names of the entities with a net positive amount, sorted (French collation). */
export function buyingEntities(names: string[], entityCents: number[]): string[] {
  return buyers(names, entityCents).map((b) => b.name);
}

export interface Candidate {
  family: FamilyAcc;
  entities: string[];
}

export function candidatesOf(s: Scan): Candidate[] {
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

/** The pooling savings scenarios (SPEC §3.3), named in the sheets by the catalogue (scenario.<key>). */
export type SavingsScenario = "low" | "central" | "high";

/** Savings of the three pooling scenarios (cents, rounded) on an addressable amount in cents. */
export function savingsScenarios(
  addressableCents: number,
  ref: ReferenceValues
): { scenario: SavingsScenario; percent: number; savingsCents: number }[] {
  const p = ref.poolingScenarios;
  const scenarios: { scenario: SavingsScenario; percent: number }[] = [
    { scenario: "low", percent: p.lowPercent },
    { scenario: "central", percent: p.centralPercent },
    { scenario: "high", percent: p.highPercent },
  ];
  return scenarios.map((x) => ({
    ...x,
    savingsCents: Math.round((addressableCents * x.percent) / 100),
  }));
}

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

export interface ProcedureBand {
  /** 0 below the dispense threshold, 1 dispense reached, 2 publicity (BOAMP/JAL), 3 EU (formalised). */
  rank: 0 | 1 | 2 | 3;
  /** Catalogue key of the band (band.<key>). */
  key: ProcedureBandKey;
  /** Threshold reached (cents), null for rank 0. */
  thresholdCents: number | null;
}

export type ProcedureBandKey = "belowDispense" | "adapted" | "adaptedWithPublicity" | "formalised";

export const BAND_KEYS: readonly ProcedureBandKey[] = [
  "belowDispense",
  "adapted",
  "adaptedWithPublicity",
  "formalised",
];

/** The band's name (a catalogue message). */
export function bandName(rank: ProcedureBand["rank"]): Message {
  return msg(`band.${BAND_KEYS[rank]}`);
}

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
  if (totalCents >= eu) return { rank: 3, key: BAND_KEYS[3], thresholdCents: eu };
  if (totalCents >= dispense && totalCents >= publicity)
    return { rank: 2, key: BAND_KEYS[2], thresholdCents: Math.max(dispense, publicity) };
  if (totalCents >= dispense) return { rank: 1, key: BAND_KEYS[1], thresholdCents: dispense };
  return { rank: 0, key: BAND_KEYS[0], thresholdCents: null };
}

/** Consequence of a pooled total reaching a band (rank ≥ 1), as a catalogue message. */
export function poolingConsequence(
  ref: ReferenceValues,
  totalCents: number,
  band: ProcedureBand,
  day: number,
  nature: Nature | null
): Message {
  const threshold = band.thresholdCents ?? 0;
  const params = {
    total: Math.round(totalCents / 100),
    threshold: Math.round(threshold / 100),
    verb: totalCents === threshold ? "reaches" : "exceeds",
  };
  if (band.rank === 3) return msg("consequence.formalised", params);
  if (band.rank === 2) {
    const dispense = dispenseThresholdAt(ref, day, nature);
    return threshold === dispense && dispense > ref.publicityThresholdCents.value
      ? msg("consequence.dispenseWithPublicity", params)
      : msg("consequence.publicity", params);
  }
  return msg("consequence.adapted", params);
}

/** What MU2–MU6 need besides the scan: why they are N/A, and the pooling candidates. */
export interface MutualisationScan {
  scan: Scan;
  /** Set when MU2–MU6 cannot be assessed (no line, a single entity). */
  na: Message | null;
  candidates: Candidate[];
}

/** The period's mutualisation scan, computed once per analysis (MU1–MU6 read it). */
export function mutualisationScan(ctx: AnalysisContext): MutualisationScan {
  return shared(ctx, scanPeriod);
}

function scanPeriod(ctx: AnalysisContext): MutualisationScan {
  // On a contracts-only input, the contracts' awarded amounts (issue #11 §1).
  const s = scan(basisContext(ctx));
  const na =
    s.lines === 0
      ? noRecordsReason(ctx)
      : s.entityNames.length < 2
        ? msg("na.singleEntity")
        : null;
  return { scan: s, na, candidates: na ? [] : candidatesOf(s) };
}

/** Coverage of MU2, MU3 and MU6: lines of a classified family. */
export function classifiedCoverage(s: Scan) {
  return { n: s.classifiedLines, N: s.lines, of: s.unit };
}
