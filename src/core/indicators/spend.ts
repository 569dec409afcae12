/**
 * What the spend indicators SP1–SP5 share (SPEC §4): one pass over the period's lines
 * (`spendAggregates`), Pareto/ABC classes, concentration, the prorated tail threshold. Each
 * indicator is its own module (./sp/sp1.ts … sp6.ts).
 *
 * Decisions (also stated in the indicator details where a user needs them):
 * - Amounts are HT and net: credit notes (negative lines) are netted into every sum.
 * - SP2 shares are shares of the SP1 net total, so each SP2 table sums to SP1 to the cent.
 * - SP3/SP4/SP5 rank suppliers by their net spend over the period. A supplier whose net is ≤ 0
 *   (credit notes only, or refunds exceeding purchases) holds no share of spend: it is left out
 *   of the Pareto, the concentration and the tail, and counted in `details.excludedSuppliers`.
 *   Their shares are therefore shares of Σ positive supplier nets (= SP1 total when no supplier
 *   is net negative).
 * - SP3 ABC: A while the cumulative share *before* the supplier is < 80 % (so the supplier that
 *   crosses 80 % is A), B while it is < 95 %, C for the rest.
 * - SP5 threshold: ref.tailSpendThresholdCents is per year; it is prorated by the number of
 *   civil months the period touches (a month: 1/12, a year: 12/12). A supplier is in the tail
 *   when 0 < net spend < prorated threshold.
 */
import { monthKey } from "../dates";
import type { FamilyRule, SpendLine } from "../model";
import { msg } from "../messages/render";
import { monthsOf, type Period } from "../period";
import { hhi, type Bucket } from "./aggregate";
import { shared } from "./definition";
import { basisContext, basisOf } from "../contracts-basis";
import {
  notAvailable,
  type Coverage,
  type AnalysisContext,
  type IndicatorBase,
  type IndicatorResult,
  type Tables,
} from "./types";

/** Key of a missing service / territory in the cube (rows show it as null). */
export const NOT_GIVEN = "";

export interface SupplierBucket extends Bucket {
  /** First supplier name seen for the key. */
  name: string | null;
  /** First supplier identifier seen for the key. */
  id: string | null;
  /** Distinct entities served (filled at the end of the pass). */
  entities: Set<string>;
}

interface SupplierPass extends SupplierBucket {
  /** The supplier's spend per family, keyed by family index (small integers: fast Map keys). */
  families: Map<number, PairPass>;
}

/**
 * A supplier within a family, split by month × entity into cube cells. cells[monthIndex] is a flat
 * number array holding, for entity index e, the cell's cents at 2e and its line count at 2e + 1
 * (holes = empty cells). Small dense indices and unboxed numbers: no allocation per cell, which
 * matters on 1 M lines (every allocation adds garbage-collection work over a large heap).
 */
interface PairPass extends Bucket {
  cells: (number[] | undefined)[];
}

function* cellsOf(p: PairPass): Iterable<[number, number, number, number]> {
  const byMonth = p.cells;
  for (let mi = 0; mi < byMonth.length; mi++) {
    const row = byMonth[mi];
    if (row === undefined) continue;
    for (let k = 0; k < row.length; k += 2) {
      const lines = row[k + 1];
      if (lines !== undefined && lines > 0) yield [mi, k / 2, row[k], lines];
    }
  }
}

export interface FamilyBucket extends Bucket {
  label: string;
  rule: FamilyRule;
  /** Net cents and lines per supplierKey within the family. */
  suppliers: Map<string, Bucket>;
}

interface IndexedBucket extends Bucket {
  index: number;
}

interface FamilyPass extends FamilyBucket {
  key: string;
  suppliers: Map<string, PairPass>;
}

interface MonthBucket extends IndexedBucket {
  month: string;
}

export interface CubeCell extends Bucket {
  month: string;
  entity: string;
  familyKey: string;
  supplierKey: string;
}

/** Everything SP1–SP5 need, computed in one pass over the period's lines. */
export interface SpendAggregates {
  totalCents: number;
  lines: number;
  /** Σ TTC over the lines that have a TTC amount, and their count. */
  ttcCents: number;
  ttcLines: number;
  creditNotes: number;
  creditNotesCents: number;
  bySupplier: Map<string, SupplierBucket>;
  byFamily: Map<string, FamilyBucket>;
  byEntity: Map<string, Bucket>;
  byService: Map<string, Bucket>;
  byTerritory: Map<string, Bucket>;
  /** Keyed "YYYY-MM". */
  byMonth: Map<string, Bucket>;
  /** The spend cube: month × entity × family × supplier (non-empty cells only). */
  cube(): Iterable<CubeCell>;
}

function addTo(map: Map<string, Bucket>, key: string, cents: number): void {
  const b = map.get(key);
  if (b) {
    b.cents += cents;
    b.lines++;
  } else {
    map.set(key, { cents, lines: 1 });
  }
}

/**
 * One pass over the lines: totals and every dimension of the spend cube. Hot loop: no string
 * building and no closures per line; the cube is held per family × supplier, keyed by small
 * integers (month index, entity index), and expanded to rows only on demand.
 */
export function aggregateSpend(lines: readonly SpendLine[]): SpendAggregates {
  let total = 0;
  let ttcCents = 0;
  let ttcLines = 0;
  let creditNotes = 0;
  let creditNotesCents = 0;
  const suppliers = new Map<string, SupplierPass>();
  const familyIndex = new Map<string, number>();
  const families: FamilyPass[] = [];
  const byEntity = new Map<string, IndexedBucket>();
  const entityNames: string[] = [];
  const byService = new Map<string, Bucket>();
  const byTerritory = new Map<string, Bucket>();
  // Month buckets reached by day number: days repeat, so the civil-month conversion runs once per day.
  const month = {
    byDay: new Map<number, MonthBucket>(),
    byKey: new Map<string, MonthBucket>(),
    months: [] as MonthBucket[],
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const c = l.amountHTCents;
    total += c;
    if (l.amountTTCCents !== null) {
      ttcCents += l.amountTTCCents;
      ttcLines++;
    }
    if (l.isCredit || c < 0) {
      creditNotes++;
      creditNotesCents += c;
    }

    let s = suppliers.get(l.supplierKey);
    if (s === undefined) {
      s = {
        cents: 0,
        lines: 0,
        name: l.supplierName,
        id: l.supplierId,
        entities: new Set(),
        families: new Map(),
      };
      suppliers.set(l.supplierKey, s);
    } else {
      if (s.name === null && l.supplierName !== null) s.name = l.supplierName;
      if (s.id === null && l.supplierId !== null) s.id = l.supplierId;
    }
    s.cents += c;
    s.lines++;

    let e = byEntity.get(l.entity);
    if (e === undefined) {
      e = { cents: 0, lines: 0, index: entityNames.length };
      entityNames.push(l.entity);
      byEntity.set(l.entity, e);
    }
    e.cents += c;
    e.lines++;

    let m = month.byDay.get(l.date);
    if (m === undefined) {
      const key = monthKey(l.date);
      m = month.byKey.get(key);
      if (m === undefined) {
        m = { cents: 0, lines: 0, index: month.months.length, month: key };
        month.months.push(m);
        month.byKey.set(key, m);
      }
      month.byDay.set(l.date, m);
    }
    m.cents += c;
    m.lines++;

    let fi = familyIndex.get(l.family.key);
    if (fi === undefined) {
      fi = families.length;
      families.push({
        key: l.family.key,
        cents: 0,
        lines: 0,
        label: l.family.label,
        rule: l.family.rule,
        suppliers: new Map(),
      });
      familyIndex.set(l.family.key, fi);
    }
    const f = families[fi];
    f.cents += c;
    f.lines++;

    let fs = s.families.get(fi);
    if (fs === undefined) {
      fs = { cents: 0, lines: 0, cells: [] };
      s.families.set(fi, fs);
    }
    fs.cents += c;
    fs.lines++;
    let row = fs.cells[m.index];
    if (row === undefined) {
      row = [];
      fs.cells[m.index] = row;
    }
    const at = 2 * e.index;
    const count = row[at + 1];
    if (count === undefined) {
      row[at] = c;
      row[at + 1] = 1;
    } else {
      row[at] += c;
      row[at + 1] = count + 1;
    }

    addTo(byService, l.service ?? NOT_GIVEN, c);
    addTo(byTerritory, l.territory ?? NOT_GIVEN, c);
  }

  // After the pass (over family × supplier pairs, far fewer than lines): each family's suppliers
  // and each supplier's distinct entities.
  const bySupplier = new Map<string, SupplierBucket>();
  for (const [supplierKey, s] of suppliers) {
    for (const [fi, fs] of s.families) {
      families[fi].suppliers.set(supplierKey, fs);
      for (const [, ei] of cellsOf(fs)) s.entities.add(entityNames[ei]);
    }
    bySupplier.set(supplierKey, {
      cents: s.cents,
      lines: s.lines,
      name: s.name,
      id: s.id,
      entities: s.entities,
    });
  }
  const byFamily = new Map<string, FamilyBucket>();
  for (const f of families)
    byFamily.set(f.key, {
      cents: f.cents,
      lines: f.lines,
      label: f.label,
      rule: f.rule,
      suppliers: f.suppliers,
    });
  const byMonth = new Map<string, Bucket>();
  for (const m of month.months) byMonth.set(m.month, { cents: m.cents, lines: m.lines });
  const byEntityOut = new Map<string, Bucket>();
  for (const [k, e] of byEntity) byEntityOut.set(k, { cents: e.cents, lines: e.lines });

  return {
    totalCents: total,
    lines: lines.length,
    ttcCents,
    ttcLines,
    creditNotes,
    creditNotesCents,
    bySupplier,
    byFamily,
    byEntity: byEntityOut,
    byService,
    byTerritory,
    byMonth,
    *cube(): Iterable<CubeCell> {
      for (const f of families) {
        const familyKey = f.key;
        for (const [supplierKey, pair] of f.suppliers) {
          for (const [mi, ei, cents, count] of cellsOf(pair)) {
            yield {
              cents,
              lines: count,
              month: month.months[mi].month,
              entity: entityNames[ei],
              familyKey,
              supplierKey,
            };
          }
        }
      }
    },
  };
}

/** Net HT spend, lines and per-supplier net spend and lines per family (SPEC §2.6 families). */
export function spendByFamily(lines: readonly SpendLine[]): Map<string, FamilyBucket> {
  const out = new Map<string, FamilyBucket>();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const c = l.amountHTCents;
    let f = out.get(l.family.key);
    if (f === undefined) {
      f = { cents: 0, lines: 0, label: l.family.label, rule: l.family.rule, suppliers: new Map() };
      out.set(l.family.key, f);
    }
    f.cents += c;
    f.lines++;
    addTo(f.suppliers, l.supplierKey, c);
  }
  return out;
}

export type AbcClass = "A" | "B" | "C";

export interface ParetoRow {
  rank: number;
  key: string;
  cents: number;
  /** % of the Pareto base (Σ positive amounts). */
  share: number;
  /** Cumulative % including this row. */
  cumulativeShare: number;
  abc: AbcClass;
}

export interface ParetoResult {
  rows: ParetoRow[];
  /** Σ positive amounts: the base of every share. */
  baseCents: number;
  /** Entries with amount ≤ 0, left out of the ranking. */
  excluded: { count: number; cents: number };
}

/**
 * Pareto ranking with ABC classes: entries with a positive amount sorted by amount descending
 * (key ascending on ties); A while the cumulative share before the entry is < 80 % (the entry
 * crossing 80 % is A), B while it is < 95 %, C otherwise. Comparisons are made on integer cents.
 */
export function paretoClasses(entries: Iterable<{ key: string; cents: number }>): ParetoResult {
  const positive: { key: string; cents: number }[] = [];
  const excluded = { count: 0, cents: 0 };
  let base = 0;
  for (const e of entries) {
    if (e.cents > 0) {
      positive.push(e);
      base += e.cents;
    } else {
      excluded.count++;
      excluded.cents += e.cents;
    }
  }
  positive.sort((a, b) => b.cents - a.cents || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const rows: ParetoRow[] = [];
  let before = 0;
  for (let i = 0; i < positive.length; i++) {
    const e = positive[i];
    const abc: AbcClass = before * 100 < 80 * base ? "A" : before * 100 < 95 * base ? "B" : "C";
    before += e.cents;
    rows.push({
      rank: i + 1,
      key: e.key,
      cents: e.cents,
      share: (e.cents / base) * 100,
      cumulativeShare: (before / base) * 100,
      abc,
    });
  }
  return { rows, baseCents: base, excluded };
}

/** Top-1 and top-5 shares (%) and HHI of a set of amounts (only positive amounts count). */
export interface Concentration {
  baseCents: number;
  participants: number;
  top1Share: number | null;
  top5Share: number | null;
  hhi: number | null;
}

export function concentration(amounts: readonly number[]): Concentration {
  const positive = amounts.filter((a) => a > 0).sort((a, b) => b - a);
  let base = 0;
  for (const a of positive) base += a;
  if (base <= 0)
    return { baseCents: 0, participants: 0, top1Share: null, top5Share: null, hhi: null };
  let top5 = 0;
  for (let i = 0; i < Math.min(5, positive.length); i++) top5 += positive[i];
  return {
    baseCents: base,
    participants: positive.length,
    top1Share: (positive[0] / base) * 100,
    top5Share: (top5 / base) * 100,
    hhi: hhi(positive),
  };
}

/** Prorated tail threshold (cents): yearly threshold × months the period touches / 12. */
export function tailThresholdCents(
  yearlyCents: number,
  period: Period
): { cents: number; months: number } {
  const months = Math.max(1, monthsOf(period).length);
  return { cents: Math.round((yearlyCents * months) / 12), months };
}

/** The period's spend aggregates, computed once per analysis (SP1–SP5 read them). */
export function spendAggregates(ctx: AnalysisContext): SpendAggregates {
  return shared(ctx, aggregatePeriod);
}

function aggregatePeriod(ctx: AnalysisContext): SpendAggregates {
  // On a contracts-only input, the awarded records of the contracts (contracts-basis.ts).
  return aggregateSpend(basisContext(ctx).lines);
}

/**
 * N/A result of a spend indicator when the period has no line (on the awarded basis: no contract
 * notified in the period with an amount).
 */
export function noSpendLines<T extends Tables>(
  ctx: AnalysisContext,
  base: IndicatorBase,
  tables: T
): IndicatorResult<T> {
  const basis = basisOf(ctx);
  const result =
    basis === "awarded"
      ? notAvailable(
          base,
          msg("na.noAwardedInPeriod", { period: ctx.period.label }),
          { n: 0, N: ctx.contractsInPeriod.length, of: "contracts" },
          tables
        )
      : notAvailable(
          base,
          msg("na.noLinesInPeriod", { period: ctx.period.label }),
          { n: 0, N: 0, of: "lines" },
          tables
        );
  return { ...result, basis };
}

/**
 * Coverage of SP1/SP2: every line of the period; on the awarded basis, the contracts of the period
 * with an amount out of those notified in the period.
 */
export function linesCoverage(agg: SpendAggregates, ctx: AnalysisContext): Coverage {
  return basisOf(ctx) === "awarded"
    ? { n: agg.lines, N: ctx.contractsInPeriod.length, of: "contracts" }
    : { n: agg.lines, N: agg.lines, of: "lines" };
}
