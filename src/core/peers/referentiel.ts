/**
 * The referentiel (issue #15 §2): distributions of the per-buyer contract KPIs per buyer category
 * × population band × year, built from DECP files, with the number of buyers behind each figure.
 *
 * - Unit of observation: one buyer (SIREN) in one year (notification year of its contracts).
 * - Groups: (category, band, year) and (category, all bands, year) and (all buyers, year).
 * - A KPI's distribution is published only from at least MIN_BUYERS (5) buyers that each have the
 *   KPI's minimum number of contracts (see kpis.ts); a group with no published KPI is left out.
 * - Duplicates (the same contract published twice: same buyer, id, date, amount and titulaire)
 *   are counted once; the builder keeps a 52-bit hash per contract, not the contract.
 * - Memory is bounded by the number of buyer-years and of their titulaires, never by the number
 *   of contracts read (contracts are added one at a time and not kept).
 */
import { classifyBuyer, ALL, type BuyerCategory } from "./categories";
import type { DgclTable } from "./dgcl";
import {
  accumulate,
  kpiYear,
  kpisOf,
  newAccumulator,
  KPI_KEYS,
  MIN_CONTRACTS,
  type KpiAccumulator,
  type KpiKey,
  type PeerContract,
} from "./kpis";
import { MIN_BUYERS, QUANTILE_METHOD, summarize, type Distribution } from "./quantiles";

export const REFERENTIEL_FORMAT = "optima-achats/referentiel";

export interface ReferentielGroup {
  category: BuyerCategory | typeof ALL;
  band: string;
  year: number;
  /** Buyers of the group (with at least one contract in the year). */
  buyers: number;
  kpis: Partial<Record<KpiKey, Distribution>>;
}

export interface ReferentielSource {
  file: string;
  /** What the file is (e.g. "DECP consolidées 2019, format PES"). */
  label: string;
  contracts: number;
  duplicates: number;
  /** Contracts left out: no notification date, rejected by the DECP import. */
  skipped: number;
  buyers: number;
  years: number[];
}

export interface Referentiel {
  format: typeof REFERENTIEL_FORMAT;
  version: 1;
  label: string;
  /** Indicative: built from a sample of files, not from the whole national DECP. */
  indicative: boolean;
  /** ISO date the referentiel was built. */
  builtOn: string;
  method: {
    quantiles: string;
    minBuyers: number;
    minContracts: number;
    unit: string;
  };
  dgcl: { label: string; year: number } | null;
  sources: ReferentielSource[];
  coverage: {
    contracts: number;
    buyers: number;
    buyerYears: number;
    years: number[];
    buyersByCategory: Partial<Record<BuyerCategory, number>>;
    /** Groups left out because fewer than MIN_BUYERS buyers had a KPI. */
    groupsWithheld: number;
  };
  groups: ReferentielGroup[];
}

interface BuyerYear {
  id: string;
  name: string | null;
  year: number;
  acc: KpiAccumulator;
}

/** 52-bit FNV-1a style hash of a string (two 32-bit lanes), for duplicate detection. */
export function hash52(s: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return (h1 & 0xfffff) * 0x100000000 + h2;
}

export class ReferentielBuilder {
  private readonly buyerYears = new Map<string, BuyerYear>();
  private readonly seen = new Set<number>();
  private readonly sources: ReferentielSource[] = [];
  private sourceBuyers = new Set<string>();
  private sourceYears = new Set<number>();
  private current: ReferentielSource | null = null;

  /** Starts a new source file; contracts added next are counted in it. */
  startSource(file: string, label: string): void {
    this.endSource();
    this.current = { file, label, contracts: 0, duplicates: 0, skipped: 0, buyers: 0, years: [] };
    this.sourceBuyers = new Set();
    this.sourceYears = new Set();
  }

  private endSource(): void {
    if (!this.current) return;
    this.current.buyers = this.sourceBuyers.size;
    this.current.years = [...this.sourceYears].sort((a, b) => a - b);
    this.sources.push(this.current);
    this.current = null;
  }

  private source(): ReferentielSource {
    if (!this.current) this.startSource("(sans nom)", "");
    return this.current as ReferentielSource;
  }

  /** A contract that could not be used (rejected by the import). */
  skip(): void {
    this.source().skipped++;
  }

  /**
   * Adds one contract. `key` identifies the publication (e.g. "id|date|amount|titulaire"): the
   * same buyer and key twice is a duplicate, counted once.
   */
  add(c: PeerContract, key: string): void {
    const src = this.source();
    const year = kpiYear(c);
    const buyer = c.buyerId !== null && /^\d{9}/.test(c.buyerId) ? c.buyerId.slice(0, 9) : null;
    if (year === null || buyer === null) {
      src.skipped++;
      return;
    }
    const h = hash52(`${buyer}|${key}`);
    if (this.seen.has(h)) {
      src.duplicates++;
      return;
    }
    this.seen.add(h);
    src.contracts++;
    this.sourceBuyers.add(buyer);
    this.sourceYears.add(year);
    const k = `${buyer}|${year}`;
    let by = this.buyerYears.get(k);
    if (!by) {
      by = { id: buyer, name: c.buyerName, year, acc: newAccumulator() };
      this.buyerYears.set(k, by);
    }
    if (by.name === null && c.buyerName !== null) by.name = c.buyerName;
    accumulate(by.acc, c);
  }

  build(options: {
    label: string;
    indicative: boolean;
    builtOn: string;
    dgcl: DgclTable | null;
  }): Referentiel {
    this.endSource();
    type Obs = { buyer: string; values: ReturnType<typeof kpisOf> };
    const groups = new Map<string, { category: string; band: string; year: number; obs: Obs[] }>();
    const push = (category: string, band: string, year: number, o: Obs) => {
      const key = `${category}|${band}|${year}`;
      let g = groups.get(key);
      if (!g) {
        g = { category, band, year, obs: [] };
        groups.set(key, g);
      }
      g.obs.push(o);
    };
    const byCategory: Partial<Record<BuyerCategory, Set<string>>> = {};
    const buyers = new Set<string>();
    const years = new Set<number>();
    let contracts = 0;
    for (const by of this.buyerYears.values()) {
      const cls = classifyBuyer(by.id, by.name, options.dgcl);
      const o = { buyer: by.id, values: kpisOf(by.acc) };
      push(cls.category, cls.band, by.year, o);
      if (cls.band !== ALL) push(cls.category, ALL, by.year, o);
      push(ALL, ALL, by.year, o);
      (byCategory[cls.category] ??= new Set()).add(by.id);
      buyers.add(by.id);
      years.add(by.year);
      contracts += by.acc.contracts;
    }
    const out: ReferentielGroup[] = [];
    let withheld = 0;
    for (const g of groups.values()) {
      const kpis: ReferentielGroup["kpis"] = {};
      for (const key of KPI_KEYS) {
        const values = g.obs.flatMap((o) => (o.values[key] ? [o.values[key].value] : []));
        const d = summarize(values, MIN_BUYERS);
        if (d) kpis[key] = d;
      }
      if (Object.keys(kpis).length === 0) {
        withheld++;
        continue;
      }
      out.push({
        category: g.category as ReferentielGroup["category"],
        band: g.band,
        year: g.year,
        buyers: g.obs.length,
        kpis,
      });
    }
    out.sort(
      (a, b) =>
        a.year - b.year ||
        (a.category < b.category ? -1 : a.category > b.category ? 1 : 0) ||
        (a.band < b.band ? -1 : a.band > b.band ? 1 : 0)
    );
    return {
      format: REFERENTIEL_FORMAT,
      version: 1,
      label: options.label,
      indicative: options.indicative,
      builtOn: options.builtOn,
      method: {
        quantiles: QUANTILE_METHOD,
        minBuyers: MIN_BUYERS,
        minContracts: MIN_CONTRACTS,
        unit: "un acheteur (SIREN) × une année de notification",
      },
      dgcl: options.dgcl
        ? { label: options.dgcl.source.label, year: options.dgcl.source.year }
        : null,
      sources: this.sources,
      coverage: {
        contracts,
        buyers: buyers.size,
        buyerYears: this.buyerYears.size,
        years: [...years].sort((a, b) => a - b),
        buyersByCategory: Object.fromEntries(
          Object.entries(byCategory).map(([k, v]) => [k, (v as Set<string>).size])
        ),
        groupsWithheld: withheld,
      },
      groups: out,
    };
  }
}

/**
 * The distribution to compare a buyer's KPI with: the most specific group that publishes it,
 * trying the buyer's year first, then the nearest years (earlier first on a tie); within a year:
 * (category, band), (category, all bands), then all buyers.
 */
export function lookupDistribution(
  ref: Referentiel,
  category: BuyerCategory,
  band: string,
  year: number,
  key: KpiKey
): { group: ReferentielGroup; distribution: Distribution } | null {
  const years = [...new Set(ref.groups.map((g) => g.year))].sort(
    (a, b) => Math.abs(a - year) - Math.abs(b - year) || a - b
  );
  const tries: [string, string][] = [];
  if (band !== ALL) tries.push([category, band]);
  tries.push([category, ALL]);
  for (const [cat, b] of tries) {
    for (const y of years) {
      const g = ref.groups.find((x) => x.year === y && x.category === cat && x.band === b);
      const d = g?.kpis[key];
      if (g && d) return { group: g, distribution: d };
    }
  }
  for (const y of years) {
    const g = ref.groups.find((x) => x.year === y && x.category === ALL && x.band === ALL);
    const d = g?.kpis[key];
    if (g && d) return { group: g, distribution: d };
  }
  return null;
}

export class ReferentielFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReferentielFormatError";
  }
}

function isDistribution(d: unknown): d is Distribution {
  if (typeof d !== "object" || d === null) return false;
  const x = d as Record<string, unknown>;
  return (
    typeof x.n === "number" &&
    x.n >= MIN_BUYERS &&
    ["q1", "median", "q3", "mean"].every((k) => typeof x[k] === "number") &&
    Array.isArray(x.deciles) &&
    x.deciles.length === 9 &&
    x.deciles.every((v) => typeof v === "number")
  );
}

/**
 * Checks a parsed referentiel file; throws ReferentielFormatError with a French message saying
 * what is wrong. Distributions from fewer than MIN_BUYERS buyers are refused.
 */
export function parseReferentiel(json: unknown): Referentiel {
  const fail = (what: string): never => {
    throw new ReferentielFormatError(
      `n'est pas un référentiel Optima Achats valide (${what}). Reconstruisez-le avec « optima-achats referentiel <fichiers DECP…> -o referentiel.json ».`
    );
  };
  if (typeof json !== "object" || json === null) return fail("ce n'est pas un objet JSON");
  const r = json as Record<string, unknown>;
  if (r.format !== REFERENTIEL_FORMAT) return fail(`champ « format » différent de « ${REFERENTIEL_FORMAT} »`);
  if (r.version !== 1) return fail(`version ${String(r.version)} inconnue`);
  if (typeof r.label !== "string" || typeof r.builtOn !== "string") return fail("libellé ou date absents");
  if (!Array.isArray(r.groups)) return fail("liste « groups » absente");
  r.groups.forEach((g: unknown, i: number) => {
    const x = g as Record<string, unknown>;
    if (
      typeof x !== "object" ||
      x === null ||
      typeof x.category !== "string" ||
      typeof x.band !== "string" ||
      typeof x.year !== "number" ||
      typeof x.kpis !== "object" ||
      x.kpis === null
    )
      fail(`groupe n° ${i + 1} incomplet`);
    for (const [k, d] of Object.entries(x.kpis as object)) {
      if (!(KPI_KEYS as readonly string[]).includes(k)) fail(`indicateur inconnu « ${k} » (groupe n° ${i + 1})`);
      if (!isDistribution(d))
        fail(`distribution « ${k} » du groupe n° ${i + 1} mal formée ou calculée sur moins de ${MIN_BUYERS} acheteurs`);
    }
  });
  if (!Array.isArray(r.sources)) return fail("liste « sources » absente");
  return json as Referentiel;
}
