/**
 * The observatory (issue #15 §5): for a consultant or a research chair following many
 * collectivités, from their fiches (or reports, which hold their fiche): one row per collectivité
 * and period, the distribution of each KPI, rankings (anonymised on request), best-practice flags
 * and trends when several periods are given.
 *
 * Rules:
 * - a collectivité is its SIREN; fiches without SIREN (anonymised) are each their own collectivité;
 *   the same collectivité and period given twice (a report and its fiche): the later one is kept;
 * - distributions, rankings and flags use each collectivité's latest period (one value per
 *   collectivité); distributions are published from MIN_BUYERS (5) collectivités;
 * - rank 1 is the better end (lowest single-bid rate, highest environmental rate…); profile
 *   KPIs (no better end) are ranked from the highest value and get no flag;
 * - best-practice flag: value in the best quartile of the observatory (≤ Q1 or ≥ Q3);
 * - trend: last − first value over the collectivité's periods (in points for percentages).
 */
import { categoryLabel, bandLabel } from "./categories";
import { FICHE_INDICATORS, type Fiche } from "./fiche";
import { KPIS } from "./kpis";
import { MIN_BUYERS, summarize, type Distribution } from "./quantiles";

export interface Metric {
  key: string;
  label: string;
  unit: "%" | "count" | "EUR" | "EUR/hab";
  better: "low" | "high" | null;
}

export const OBSERVATORY_METRICS: readonly Metric[] = [
  ...KPIS.map((k) => ({ key: k.key, label: k.label, unit: k.unit, better: k.better })),
  ...FICHE_INDICATORS.map((d) => ({
    key: d.id,
    label: `${d.id} · ${d.label}`,
    unit: d.unit,
    better: d.better,
  })),
];

export interface ObservatoryEntry {
  /** Shown name: the fiche's label, or « Collectivité 01 » when anonymised. */
  name: string;
  identity: string;
  category: string;
  categoryLabel: string;
  band: string;
  bandLabel: string;
  period: string;
  year: number;
  values: Record<string, number | null>;
  /** Latest period of its collectivité. */
  latest: boolean;
  /** Metrics in the best quartile (latest period only). */
  flags: string[];
}

export interface Ranking {
  metric: string;
  rows: { rank: number; name: string; value: number; best: boolean }[];
}

export interface Trend {
  name: string;
  metric: string;
  firstPeriod: string;
  first: number;
  lastPeriod: string;
  last: number;
  change: number;
  /** improved / worsened for KPIs with a better end; null otherwise or when unchanged. */
  direction: "mieux" | "moins bien" | null;
}

export interface Observatory {
  collectivites: number;
  fiches: number;
  /** Fiches replaced by a later one of the same collectivité and period. */
  replaced: number;
  entries: ObservatoryEntry[];
  distributions: { metric: Metric; distribution: Distribution | null; n: number }[];
  byCategory: { category: string; metric: string; distribution: Distribution }[];
  rankings: Ranking[];
  trends: Trend[];
}

function valueOf(f: Fiche, key: string): number | null {
  const k = f.kpis[key as keyof Fiche["kpis"]];
  if (k) return k.value;
  const v = f.indicators[key];
  return typeof v === "number" ? v : null;
}

export function buildObservatory(fiches: readonly Fiche[], options: { anonymise: boolean }): Observatory {
  // Identities, in first-seen order.
  const order: string[] = [];
  const byIdentity = new Map<string, Fiche[]>();
  let replaced = 0;
  fiches.forEach((f, i) => {
    const id = f.siren ?? `fiche-${i + 1}`;
    if (!byIdentity.has(id)) {
      byIdentity.set(id, []);
      order.push(id);
    }
    const list = byIdentity.get(id) as Fiche[];
    // The same collectivité and period twice (a report and its fiche): the later one is kept.
    const same = list.findIndex((x) => x.period.label === f.period.label);
    if (same >= 0) {
      list[same] = f;
      replaced++;
    } else list.push(f);
  });
  const width = String(order.length).length < 2 ? 2 : String(order.length).length;
  const nameOf = new Map<string, string>();
  order.forEach((id, i) => {
    const list = byIdentity.get(id) as Fiche[];
    nameOf.set(id, options.anonymise ? `Collectivité ${String(i + 1).padStart(width, "0")}` : list[0].label);
  });
  // Same shown name for two collectivités: add the SIREN (or a number) so rows stay distinct.
  const counts = new Map<string, number>();
  for (const n of nameOf.values()) counts.set(n, (counts.get(n) ?? 0) + 1);
  order.forEach((id, i) => {
    const n = nameOf.get(id) as string;
    if ((counts.get(n) ?? 0) > 1) nameOf.set(id, `${n} (${id.startsWith("fiche-") ? i + 1 : id})`);
  });

  const entries: ObservatoryEntry[] = [];
  for (const id of order) {
    const list = [...(byIdentity.get(id) as Fiche[])].sort(
      (a, b) => a.period.year - b.period.year || (a.period.label < b.period.label ? -1 : 1)
    );
    list.forEach((f, i) => {
      const values: Record<string, number | null> = {};
      for (const m of OBSERVATORY_METRICS) values[m.key] = valueOf(f, m.key);
      entries.push({
        name: nameOf.get(id) as string,
        identity: id,
        category: f.category,
        categoryLabel: categoryLabel(f.category),
        band: f.band,
        bandLabel: bandLabel(f.band),
        period: f.period.label,
        year: f.period.year,
        values,
        latest: i === list.length - 1,
        flags: [],
      });
    });
  }
  const latest = entries.filter((e) => e.latest);

  const distributions = OBSERVATORY_METRICS.map((metric) => {
    const values = latest.flatMap((e) => (e.values[metric.key] === null ? [] : [e.values[metric.key] as number]));
    return { metric, distribution: summarize(values, MIN_BUYERS), n: values.length };
  });
  for (const { metric, distribution } of distributions) {
    if (!distribution || metric.better === null) continue;
    for (const e of latest) {
      const v = e.values[metric.key];
      if (v === null) continue;
      if ((metric.better === "low" && v <= distribution.q1) || (metric.better === "high" && v >= distribution.q3))
        e.flags.push(metric.key);
    }
  }
  const byCategory: Observatory["byCategory"] = [];
  const categories = [...new Set(latest.map((e) => e.category))].sort();
  for (const category of categories) {
    for (const metric of OBSERVATORY_METRICS) {
      const values = latest.flatMap((e) =>
        e.category === category && e.values[metric.key] !== null ? [e.values[metric.key] as number] : []
      );
      const d = summarize(values, MIN_BUYERS);
      if (d) byCategory.push({ category, metric: metric.key, distribution: d });
    }
  }
  const rankings: Ranking[] = OBSERVATORY_METRICS.map((metric) => {
    const rows = latest
      .flatMap((e) => (e.values[metric.key] === null ? [] : [{ name: e.name, value: e.values[metric.key] as number, e }]))
      .sort((a, b) => (metric.better === "low" ? a.value - b.value : b.value - a.value) || (a.name < b.name ? -1 : 1));
    // Competition ranking: ties share the rank (1, 2, 2, 4).
    let rank = 0;
    return {
      metric: metric.key,
      rows: rows.map((r, i) => {
        if (i === 0 || r.value !== rows[i - 1].value) rank = i + 1;
        return { rank, name: r.name, value: r.value, best: r.e.flags.includes(metric.key) };
      }),
    };
  });
  const trends: Trend[] = [];
  for (const id of order) {
    const list = entries.filter((e) => e.identity === id);
    if (list.length < 2) continue;
    for (const metric of OBSERVATORY_METRICS) {
      const withValue = list.filter((e) => e.values[metric.key] !== null);
      if (withValue.length < 2) continue;
      const a = withValue[0];
      const b = withValue[withValue.length - 1];
      const change = Math.round(((b.values[metric.key] as number) - (a.values[metric.key] as number)) * 100) / 100;
      const direction =
        metric.better === null || change === 0
          ? null
          : (metric.better === "low") === change < 0
            ? "mieux"
            : "moins bien";
      trends.push({
        name: a.name,
        metric: metric.key,
        firstPeriod: a.period,
        first: a.values[metric.key] as number,
        lastPeriod: b.period,
        last: b.values[metric.key] as number,
        change,
        direction,
      });
    }
  }
  return { collectivites: order.length, fiches: fiches.length, replaced, entries, distributions, byCategory, rankings, trends };
}
