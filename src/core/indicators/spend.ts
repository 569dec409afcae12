/**
 * Spend indicators SP1–SP6 (SPEC §4): totals, the spend cube, Pareto/ABC, concentration,
 * tail spend and period comparison.
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
import { dayFromYMD, frenchDate, monthKey, ymdFromDay } from "../dates";
import type { FamilyRule, SpendLine } from "../model";
import { toEuros } from "../money";
import { monthsOf, previousYearPeriod, yearToDate, type Period } from "../period";
import {
  hhi,
  monthKeyer,
  previousYearMonth,
  sortedByCentsDesc,
  totalCents,
  type Bucket,
} from "./aggregate";
import {
  notAvailable,
  percent,
  round2,
  type AnalysisContext,
  type IndicatorResult,
  type Row,
} from "./types";

/** Label of a missing service / territory in the cube. */
export const NOT_GIVEN = "Non renseigné";

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

const eur = toEuros;
const pct = (part: number, whole: number): number | null => {
  const p = percent(part, whole);
  return p === null ? null : round2(p);
};

function noLines(
  ctx: AnalysisContext,
  id: string,
  label: string,
  unit: IndicatorResult["unit"]
): IndicatorResult {
  return notAvailable(
    { id, group: "SP", label, unit },
    `Aucune ligne de dépense sur la période ${ctx.period.label}.`,
    { n: 0, N: 0, of: "lignes" }
  );
}

function linesCoverage(agg: SpendAggregates) {
  return { n: agg.lines, N: agg.lines, of: "lignes" };
}

// ---------------------------------------------------------------------------------------------
// SP1

export function computeSP1(ctx: AnalysisContext, agg: SpendAggregates): IndicatorResult {
  const base = {
    id: "SP1",
    group: "SP" as const,
    label: "Dépense totale HT",
    unit: "EUR" as const,
  };
  if (agg.lines === 0) return noLines(ctx, base.id, base.label, base.unit);
  return {
    ...base,
    value: eur(agg.totalCents),
    na: null,
    coverage: linesCoverage(agg),
    reference: null,
    status: null,
    details: {
      totalTTC: agg.ttcLines > 0 ? eur(agg.ttcCents) : null,
      ttcLines: agg.ttcLines,
      ttcCoverage: pct(agg.ttcLines, agg.lines),
      lines: agg.lines,
      suppliers: agg.bySupplier.size,
      entities: agg.byEntity.size,
      creditNotes: agg.creditNotes,
      creditNotesAmount: eur(agg.creditNotesCents),
    },
    tables: {},
  };
}

// ---------------------------------------------------------------------------------------------
// SP2

function dimensionRows(map: Map<string, Bucket>, keyName: string, total: number): Row[] {
  return sortedByCentsDesc(map).map(([key, b]) => ({
    [keyName]: key,
    amount: eur(b.cents),
    lines: b.lines,
    share: pct(b.cents, total),
  }));
}

export function computeSP2(ctx: AnalysisContext, agg: SpendAggregates): IndicatorResult {
  const base = {
    id: "SP2",
    group: "SP" as const,
    label: "Dépense par famille, fournisseur, entité, service, territoire et mois",
    unit: "count" as const,
  };
  if (agg.lines === 0) return noLines(ctx, base.id, base.label, base.unit);
  const total = agg.totalCents;
  const byFamily: Row[] = sortedByCentsDesc(agg.byFamily).map(([key, f]) => ({
    familyKey: key,
    familyLabel: f.label,
    rule: f.rule,
    amount: eur(f.cents),
    lines: f.lines,
    suppliers: f.suppliers.size,
    share: pct(f.cents, total),
  }));
  const bySupplier: Row[] = sortedByCentsDesc(agg.bySupplier).map(([key, s]) => ({
    supplierKey: key,
    supplierName: s.name,
    supplierId: s.id,
    amount: eur(s.cents),
    lines: s.lines,
    entities: s.entities.size,
    share: pct(s.cents, total),
  }));
  const byMonth: Row[] = [...agg.byMonth.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([month, b]) => ({
      month,
      amount: eur(b.cents),
      lines: b.lines,
      share: pct(b.cents, total),
    }));
  const cube: Row[] = [];
  for (const c of agg.cube()) {
    cube.push({
      month: c.month,
      entity: c.entity,
      familyKey: c.familyKey,
      familyLabel: agg.byFamily.get(c.familyKey)?.label ?? null,
      supplierKey: c.supplierKey,
      supplierName: agg.bySupplier.get(c.supplierKey)?.name ?? null,
      amount: eur(c.cents),
      lines: c.lines,
    });
  }
  let familiesWithSpend = 0;
  for (const f of agg.byFamily.values()) if (f.cents > 0) familiesWithSpend++;
  return {
    ...base,
    value: familiesWithSpend,
    na: null,
    coverage: linesCoverage(agg),
    reference: null,
    status: null,
    details: {
      families: agg.byFamily.size,
      familiesWithSpend,
      suppliers: agg.bySupplier.size,
      entities: agg.byEntity.size,
      services: agg.byService.size,
      territories: agg.byTerritory.size,
      months: agg.byMonth.size,
      cubeRows: cube.length,
    },
    tables: {
      byFamily,
      bySupplier,
      byEntity: dimensionRows(agg.byEntity, "entity", total),
      byService: dimensionRows(agg.byService, "service", total),
      byTerritory: dimensionRows(agg.byTerritory, "territory", total),
      byMonth,
      cube,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// SP3

export function computeSP3(ctx: AnalysisContext, agg: SpendAggregates): IndicatorResult {
  const base = {
    id: "SP3",
    group: "SP" as const,
    label: "Pareto : fournisseurs faisant 80 % de la dépense",
    unit: "%" as const,
  };
  if (agg.lines === 0) return noLines(ctx, base.id, base.label, base.unit);
  const suppliers = paretoClasses([...agg.bySupplier].map(([key, s]) => ({ key, cents: s.cents })));
  const families = paretoClasses([...agg.byFamily].map(([key, f]) => ({ key, cents: f.cents })));
  const coverage = { n: suppliers.rows.length, N: agg.bySupplier.size, of: "fournisseurs" };
  if (suppliers.rows.length === 0) {
    return notAvailable(
      base,
      "Aucun fournisseur avec une dépense nette positive sur la période (avoirs uniquement).",
      coverage
    );
  }
  const count = (rows: ParetoRow[], c: AbcClass) =>
    rows.reduce((n, r) => n + (r.abc === c ? 1 : 0), 0);
  const suppliersA = count(suppliers.rows, "A");
  const familiesA = count(families.rows, "A");
  return {
    ...base,
    value: pct(suppliersA, suppliers.rows.length),
    na: null,
    coverage,
    reference: null,
    status: null,
    details: {
      suppliersA,
      suppliersB: count(suppliers.rows, "B"),
      suppliersC: count(suppliers.rows, "C"),
      paretoBase: eur(suppliers.baseCents),
      excludedSuppliers: suppliers.excluded.count,
      excludedAmount: eur(suppliers.excluded.cents),
      familiesA,
      familiesAShare: pct(familiesA, families.rows.length),
      familiesB: count(families.rows, "B"),
      familiesC: count(families.rows, "C"),
      excludedFamilies: families.excluded.count,
      rule: "A : jusqu'à 80 % cumulés (le fournisseur qui franchit 80 % est A) ; B : jusqu'à 95 % ; C : le reste. Fournisseurs à dépense nette ≤ 0 exclus.",
    },
    tables: {
      suppliers: suppliers.rows.map((r) => {
        const s = agg.bySupplier.get(r.key);
        return {
          rank: r.rank,
          supplierKey: r.key,
          supplierName: s?.name ?? null,
          amount: eur(r.cents),
          lines: s?.lines ?? 0,
          share: round2(r.share),
          cumulativeShare: round2(r.cumulativeShare),
          abc: r.abc,
        };
      }),
      families: families.rows.map((r) => {
        const f = agg.byFamily.get(r.key);
        return {
          rank: r.rank,
          familyKey: r.key,
          familyLabel: f?.label ?? null,
          amount: eur(r.cents),
          share: round2(r.share),
          cumulativeShare: round2(r.cumulativeShare),
          abc: r.abc,
        };
      }),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// SP4

export function computeSP4(ctx: AnalysisContext, agg: SpendAggregates): IndicatorResult {
  const base = {
    id: "SP4",
    group: "SP" as const,
    label: "Concentration : part des 5 premiers fournisseurs",
    unit: "%" as const,
  };
  if (agg.lines === 0) return noLines(ctx, base.id, base.label, base.unit);
  const amounts: number[] = [];
  for (const s of agg.bySupplier.values()) amounts.push(s.cents);
  const overall = concentration(amounts);
  const coverage = { n: overall.participants, N: agg.bySupplier.size, of: "fournisseurs" };
  if (overall.top5Share === null) {
    return notAvailable(
      base,
      "Aucun fournisseur avec une dépense nette positive sur la période (avoirs uniquement).",
      coverage
    );
  }
  const byFamily: Row[] = sortedByCentsDesc(agg.byFamily).map(([key, f]) => {
    const amounts: number[] = [];
    let top: [string, number] | null = null;
    for (const [k, fs] of f.suppliers) {
      amounts.push(fs.cents);
      if (
        fs.cents > 0 &&
        (top === null || fs.cents > top[1] || (fs.cents === top[1] && k < top[0]))
      )
        top = [k, fs.cents];
    }
    const c = concentration(amounts);
    const topKey = top === null ? null : top[0];
    return {
      familyKey: key,
      familyLabel: f.label,
      amount: eur(f.cents),
      suppliers: c.participants,
      top1Supplier: topKey === null ? null : (agg.bySupplier.get(topKey)?.name ?? topKey),
      top1Share: c.top1Share === null ? null : round2(c.top1Share),
      top5Share: c.top5Share === null ? null : round2(c.top5Share),
      hhi: c.hhi === null ? null : Math.round(c.hhi),
    };
  });
  return {
    ...base,
    value: round2(overall.top5Share),
    na: null,
    coverage,
    reference: null,
    status: null,
    details: {
      top1Share: overall.top1Share === null ? null : round2(overall.top1Share),
      top5Share: round2(overall.top5Share),
      hhi: overall.hhi === null ? null : Math.round(overall.hhi),
      base: eur(overall.baseCents),
      excludedSuppliers: agg.bySupplier.size - overall.participants,
      hhiFormula:
        "HHI = Σ (part du fournisseur)² × 10 000, parts en fraction de la dépense nette positive (0 à 10 000).",
    },
    tables: { byFamily },
  };
}

// ---------------------------------------------------------------------------------------------
// SP5

export function computeSP5(ctx: AnalysisContext, agg: SpendAggregates): IndicatorResult {
  const base = {
    id: "SP5",
    group: "SP" as const,
    label: "Dépense de longue traîne (petits fournisseurs)",
    unit: "%" as const,
  };
  if (agg.lines === 0) return noLines(ctx, base.id, base.label, base.unit);
  const { cents: threshold, months } = tailThresholdCents(
    ctx.ref.tailSpendThresholdCents.value,
    ctx.period
  );
  let positiveBase = 0;
  let participants = 0;
  let excluded = 0;
  let tailCents = 0;
  let tailLines = 0;
  const tail: [string, SupplierBucket][] = [];
  for (const entry of agg.bySupplier) {
    const s = entry[1];
    if (s.cents <= 0) {
      excluded++;
      continue;
    }
    participants++;
    positiveBase += s.cents;
    if (s.cents < threshold) {
      tailCents += s.cents;
      tailLines += s.lines;
      tail.push(entry);
    }
  }
  const coverage = { n: participants, N: agg.bySupplier.size, of: "fournisseurs" };
  if (participants === 0) {
    return notAvailable(
      base,
      "Aucun fournisseur avec une dépense nette positive sur la période (avoirs uniquement).",
      coverage
    );
  }
  tail.sort((a, b) => b[1].cents - a[1].cents || (a[0] < b[0] ? -1 : 1));
  return {
    ...base,
    value: pct(tailCents, positiveBase),
    na: null,
    coverage,
    reference: {
      value: eur(threshold),
      unit: "EUR",
      label: `Seuil de longue traîne : ${eur(ctx.ref.tailSpendThresholdCents.value)} € par an × ${months} mois / 12`,
      source: ctx.ref.tailSpendThresholdCents.source,
    },
    status: null,
    details: {
      thresholdPerYear: eur(ctx.ref.tailSpendThresholdCents.value),
      months,
      threshold: eur(threshold),
      tailSuppliers: tail.length,
      tailSuppliersShare: pct(tail.length, participants),
      tailAmount: eur(tailCents),
      tailLines,
      tailLinesShare: pct(tailLines, agg.lines),
      excludedSuppliers: excluded,
    },
    tables: {
      tailSuppliers: tail.map(([key, s]) => ({
        supplierKey: key,
        supplierName: s.name,
        amount: eur(s.cents),
        lines: s.lines,
        entities: s.entities.size,
      })),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// SP6

function changePercent(current: number, previous: number): number | null {
  return previous > 0 ? round2(((current - previous) / previous) * 100) : null;
}

export function computeSP6(ctx: AnalysisContext, currentCents: number): IndicatorResult {
  const base = {
    id: "SP6",
    group: "SP" as const,
    label: "Évolution par rapport à la même période de l'année précédente",
    unit: "%" as const,
  };
  // Same months on both sides (issue #12): the period cut at the end of the data, a year earlier.
  const previousPeriod = ctx.previousPeriod;
  const ytd = yearToDate(ctx.comparedPeriod);
  const previousYtd = previousYearPeriod(ytd);
  const previousCents = totalCents(ctx.previousLines);

  // One pass over every line: monthly series and both year-to-date sums.
  const monthOf = monthKeyer();
  const byDay = new Map<number, Bucket>();
  let ytdCents = 0;
  let previousYtdCents = 0;
  let previousYtdLines = 0;
  const all = ctx.allLines;
  for (let i = 0; i < all.length; i++) {
    const l = all[i];
    const d = byDay.get(l.date);
    if (d === undefined) byDay.set(l.date, { cents: l.amountHTCents, lines: 1 });
    else {
      d.cents += l.amountHTCents;
      d.lines++;
    }
    if (l.date >= ytd.start && l.date <= ytd.end) ytdCents += l.amountHTCents;
    else if (l.date >= previousYtd.start && l.date <= previousYtd.end) {
      previousYtdCents += l.amountHTCents;
      previousYtdLines++;
    }
  }

  const byMonth = new Map<string, Bucket>();
  for (const [day, b] of byDay) {
    const key = monthOf(day);
    const m = byMonth.get(key);
    if (m === undefined) byMonth.set(key, { cents: b.cents, lines: b.lines });
    else {
      m.cents += b.cents;
      m.lines += b.lines;
    }
  }

  const series: Row[] = [];
  const months = [...byMonth.keys()].sort();
  if (months.length > 0) {
    // Every month from the first to the last with data (gaps shown as 0 for a continuous trend).
    const first = months[0];
    const last = months[months.length - 1];
    let y = Number(first.slice(0, 4));
    let m = Number(first.slice(5, 7));
    for (let key = first; key <= last;) {
      const b = byMonth.get(key);
      const prevKey = previousYearMonth(key);
      const prev = prevKey >= first ? (byMonth.get(prevKey)?.cents ?? 0) : null;
      const amount = b?.cents ?? 0;
      series.push({
        month: key,
        amount: eur(amount),
        lines: b?.lines ?? 0,
        previousYearAmount: prev === null ? null : eur(prev),
        changePercent: prev === null ? null : changePercent(amount, prev),
      });
      if (m === 12) {
        y++;
        m = 1;
      } else m++;
      key = `${y}-${String(m).padStart(2, "0")}`;
    }
  }

  // Last month of the period vs the month before and the same month a year earlier.
  const endYmd = ymdFromDay(ctx.period.end);
  const lastMonth = `${endYmd.year}-${String(endYmd.month).padStart(2, "0")}`;
  const monthBefore = monthOf(dayFromYMD(endYmd.year, endYmd.month, 1) - 1);
  const lastMonthCents = byMonth.get(lastMonth)?.cents ?? 0;
  const monthBeforeCents = byMonth.get(monthBefore)?.cents ?? 0;
  const sameMonthLastYearCents = byMonth.get(previousYearMonth(lastMonth))?.cents ?? 0;

  const details = {
    currentPeriod: ctx.period.label,
    comparedPeriod: ctx.comparedPeriod.label,
    currentAmount: eur(currentCents),
    previousPeriod: previousPeriod.label,
    previousAmount: ctx.previousLines.length > 0 ? eur(previousCents) : null,
    previousLines: ctx.previousLines.length,
    changeAmount: ctx.previousLines.length > 0 ? eur(currentCents - previousCents) : null,
    ytdPeriod: ytd.label,
    ytdAmount: eur(ytdCents),
    previousYtdPeriod: previousYtd.label,
    previousYtdAmount: previousYtdLines > 0 ? eur(previousYtdCents) : null,
    ytdChangePercent: previousYtdLines > 0 ? changePercent(ytdCents, previousYtdCents) : null,
    lastMonth,
    lastMonthAmount: eur(lastMonthCents),
    monthBefore,
    monthBeforeAmount: eur(monthBeforeCents),
    monthChangePercent: changePercent(lastMonthCents, monthBeforeCents),
    sameMonthLastYearAmount: eur(sameMonthLastYearCents),
    sameMonthChangePercent: changePercent(lastMonthCents, sameMonthLastYearCents),
  };
  const tables = { byMonth: series };
  const compared = ctx.lines.length + ctx.previousLines.length;
  const coverage = { n: compared, N: compared, of: "lignes (période et même période N-1)" };

  if (ctx.lines.length === 0) {
    return {
      ...notAvailable(
        base,
        `Aucune ligne de dépense sur la période ${ctx.period.label}.`,
        coverage
      ),
      details,
      tables,
    };
  }
  if (ctx.previousLines.length === 0) {
    return {
      ...notAvailable(
        base,
        `Aucune ligne de dépense sur la même période de l'année précédente (${previousPeriod.label}).`,
        coverage
      ),
      details,
      tables,
    };
  }
  const dataStart = ctx.dataRange?.start ?? previousPeriod.start;
  if (monthKey(dataStart) > monthKey(previousPeriod.start)) {
    return {
      ...notAvailable(
        base,
        `Les dépenses commencent le ${frenchDate(dataStart)} : la même période de l'année précédente (${previousPeriod.label}) n'est pas couverte en entier, et des périodes inégales ne se comparent pas.`,
        coverage
      ),
      details,
      tables,
    };
  }
  if (previousCents <= 0) {
    return {
      ...notAvailable(
        base,
        `Dépense nette nulle ou négative sur la période de comparaison (${previousPeriod.label}).`,
        coverage
      ),
      details,
      tables,
    };
  }
  return {
    ...base,
    value: changePercent(currentCents, previousCents),
    na: null,
    coverage,
    reference: null,
    status: null,
    details,
    tables,
  };
}

/** SP1..SP6, in order. */
export function computeSpendIndicators(ctx: AnalysisContext): IndicatorResult[] {
  const agg = aggregateSpend(ctx.lines);
  return [
    computeSP1(ctx, agg),
    computeSP2(ctx, agg),
    computeSP3(ctx, agg),
    computeSP4(ctx, agg),
    computeSP5(ctx, agg),
    computeSP6(ctx, agg.totalCents),
  ];
}
