/**
 * Quality of service per territory (issue #16 §2): gap to target per territory × service ×
 * indicator, spread between territories, and an equity view weighted by population.
 *
 * Definitions (documented for the reader of the sheets):
 * - One measure per territory × service × indicator: the latest dated row (undated rows count as
 *   older than dated ones; on a tie the lower row of the table wins).
 * - Direction: the table's "sens" column, else lower is better when the indicator speaks of a
 *   délai, temps, durée, attente, retard, réclamation, plainte, incident, panne or absence; else
 *   higher is better.
 * - Attainment (% of target): higher is better → value ÷ target × 100; lower is better → target ÷
 *   value × 100 (a value of 0 meets any target: 100 %). No target (or a target of 0 when higher is
 *   better) → no attainment.
 * - Under-served: attainment < 100 − tolerance (parameter, default 10 points).
 * - Spread of an indicator across territories: min, max, unweighted mean, population-weighted mean
 *   (territories with a population), coefficient of variation (population σ ÷ mean, %).
 * - Equity of a service: population of the territories under-served for at least one of its
 *   indicators ÷ population of the territories measured for it (territories with a population).
 */
import type { QualityDirection, QualityRow } from "../model";
import { normalizeKey } from "../text";
import { coefficientOfVariation } from "../indicators/stats";
import { byFrench, round2 } from "../indicators/types";
import { territoryKey } from "./resolve";

export const DEFAULT_UNDER_SERVED_TOLERANCE_PERCENT = 10;

const LOWER_IS_BETTER = /\b(delai|delais|temps|duree|attente|retard|retards|reclamation|reclamations|plainte|plaintes|incident|incidents|panne|pannes|absence|absences)\b/;

export function directionOf(row: Pick<QualityRow, "direction" | "indicator">): QualityDirection {
  if (row.direction !== null) return row.direction;
  return LOWER_IS_BETTER.test(normalizeKey(row.indicator)) ? "lower" : "higher";
}

/** Attainment of the target in % (see header), null without a usable target. */
export function attainmentPercent(
  value: number,
  target: number | null,
  direction: QualityDirection
): number | null {
  if (target === null) return null;
  if (direction === "higher") return target <= 0 ? null : (value / target) * 100;
  if (value <= 0) return 100;
  return (target / value) * 100;
}

export interface QualityMeasure {
  territory: string;
  service: string;
  indicator: string;
  unit: string | null;
  value: number;
  target: number | null;
  direction: QualityDirection;
  /** value − target, in the indicator's unit; null without target. */
  gap: number | null;
  attainmentPercent: number | null;
  underServed: boolean;
  population: number | null;
  date: number | null;
  source: { table: string; row: number };
}

export interface IndicatorSpread {
  service: string;
  indicator: string;
  unit: string | null;
  direction: QualityDirection;
  territories: number;
  min: number;
  max: number;
  mean: number;
  weightedMean: number | null;
  cvPercent: number | null;
  best: string;
  worst: string;
  underServed: string[];
}

export interface ServiceEquity {
  service: string;
  territoriesMeasured: number;
  underServedTerritories: string[];
  populationMeasured: number;
  populationUnderServed: number;
  /** populationUnderServed ÷ populationMeasured × 100, null without populations. */
  populationUnderServedPercent: number | null;
  /** Population-weighted mean attainment (%), null without populations or targets. */
  weightedAttainmentPercent: number | null;
}

export interface TerritoryQuality {
  territory: string;
  population: number | null;
  measures: number;
  underServedMeasures: number;
  /** Services with at least one under-served measure. */
  underServedServices: string[];
  /** Spend per inhabitant (TE1), when known. */
  perInhabitant: number | null;
}

export interface QualityAnalysis {
  tolerancePercent: number;
  measures: QualityMeasure[];
  spreads: IndicatorSpread[];
  services: ServiceEquity[];
  territories: TerritoryQuality[];
  /** Population of the territories under-served for at least one service ÷ measured population (%). */
  populationUnderServedPercent: number | null;
  /** Rows left out as older measures of the same territory × service × indicator. */
  supersededRows: number;
}

/**
 * The analysis of the Qualité de service rows. `population` gives a territory's inhabitants (by the
 * name the table uses, matched without case and accents); `perInhabitant` its spend per inhabitant.
 */
export function analyseQuality(
  rows: readonly QualityRow[],
  opts: {
    population?: (territory: string) => number | null;
    perInhabitant?: (territory: string) => number | null;
    tolerancePercent?: number;
  } = {}
): QualityAnalysis {
  const tolerance = opts.tolerancePercent ?? DEFAULT_UNDER_SERVED_TOLERANCE_PERCENT;
  const latest = new Map<string, QualityRow>();
  let superseded = 0;
  for (const r of rows) {
    const k = `${territoryKey(r.territory)}\u0000${normalizeKey(r.service)}\u0000${normalizeKey(r.indicator)}`;
    const prev = latest.get(k);
    if (prev) superseded++;
    if (!prev || (r.date ?? -Infinity) >= (prev.date ?? -Infinity)) latest.set(k, r);
  }
  const measures: QualityMeasure[] = [...latest.values()].map((r) => {
    const direction = directionOf(r);
    const att = attainmentPercent(r.value, r.target, direction);
    const pop = opts.population?.(r.territory) ?? null;
    return {
      territory: r.territory,
      service: r.service,
      indicator: r.indicator,
      unit: r.unit,
      value: r.value,
      target: r.target,
      direction,
      gap: r.target === null ? null : round2(r.value - r.target),
      attainmentPercent: att === null ? null : round2(att),
      underServed: att !== null && att < 100 - tolerance,
      population: pop !== null && pop > 0 ? pop : null,
      date: r.date,
      source: r.source,
    };
  });
  measures.sort(
    (a, b) =>
      byFrench(a.service, b.service) ||
      byFrench(a.indicator, b.indicator) ||
      byFrench(a.territory, b.territory)
  );

  // Spread per service × indicator.
  const groups = new Map<string, QualityMeasure[]>();
  for (const m of measures) {
    const k = `${normalizeKey(m.service)}\u0000${normalizeKey(m.indicator)}`;
    groups.set(k, [...(groups.get(k) ?? []), m]);
  }
  const spreads: IndicatorSpread[] = [];
  for (const list of groups.values()) {
    const values = list.map((m) => m.value);
    const direction = list[0].direction;
    let sum = 0;
    for (const v of values) sum += v;
    let wSum = 0;
    let w = 0;
    for (const m of list)
      if (m.population !== null) {
        wSum += m.value * m.population;
        w += m.population;
      }
    const better = (a: QualityMeasure, b: QualityMeasure) =>
      direction === "higher" ? b.value - a.value : a.value - b.value;
    const ranked = [...list].sort((a, b) => better(a, b) || byFrench(a.territory, b.territory));
    const cv = coefficientOfVariation(values);
    spreads.push({
      service: list[0].service,
      indicator: list[0].indicator,
      unit: list[0].unit,
      direction,
      territories: list.length,
      min: Math.min(...values),
      max: Math.max(...values),
      mean: round2(sum / values.length),
      weightedMean: w > 0 ? round2(wSum / w) : null,
      cvPercent: cv === null ? null : round2(cv * 100),
      best: ranked[0].territory,
      worst: ranked[ranked.length - 1].territory,
      underServed: list.filter((m) => m.underServed).map((m) => m.territory),
    });
  }

  // Equity per service.
  const byService = new Map<string, QualityMeasure[]>();
  for (const m of measures) {
    const k = normalizeKey(m.service);
    byService.set(k, [...(byService.get(k) ?? []), m]);
  }
  const services: ServiceEquity[] = [];
  for (const list of byService.values()) {
    const perTerritory = new Map<string, { pop: number | null; under: boolean; atts: number[] }>();
    for (const m of list) {
      const t = perTerritory.get(m.territory) ?? { pop: m.population, under: false, atts: [] };
      if (m.underServed) t.under = true;
      if (m.attainmentPercent !== null) t.atts.push(m.attainmentPercent);
      perTerritory.set(m.territory, t);
    }
    let popMeasured = 0;
    let popUnder = 0;
    let wAtt = 0;
    let wAttPop = 0;
    const under: string[] = [];
    for (const [name, t] of perTerritory) {
      if (t.under) under.push(name);
      if (t.pop === null) continue;
      popMeasured += t.pop;
      if (t.under) popUnder += t.pop;
      if (t.atts.length > 0) {
        const mean = t.atts.reduce((s, x) => s + x, 0) / t.atts.length;
        wAtt += mean * t.pop;
        wAttPop += t.pop;
      }
    }
    services.push({
      service: list[0].service,
      territoriesMeasured: perTerritory.size,
      underServedTerritories: under.sort(byFrench),
      populationMeasured: popMeasured,
      populationUnderServed: popUnder,
      populationUnderServedPercent: popMeasured > 0 ? round2((popUnder / popMeasured) * 100) : null,
      weightedAttainmentPercent: wAttPop > 0 ? round2(wAtt / wAttPop) : null,
    });
  }
  services.sort((a, b) => byFrench(a.service, b.service));

  // Per territory.
  const byTerritory = new Map<string, QualityMeasure[]>();
  for (const m of measures) byTerritory.set(m.territory, [...(byTerritory.get(m.territory) ?? []), m]);
  const territories: TerritoryQuality[] = [];
  let popAll = 0;
  let popAnyUnder = 0;
  for (const [name, list] of byTerritory) {
    const under = list.filter((m) => m.underServed);
    const pop = list[0].population;
    if (pop !== null) {
      popAll += pop;
      if (under.length > 0) popAnyUnder += pop;
    }
    const per = opts.perInhabitant?.(name) ?? null;
    territories.push({
      territory: name,
      population: pop,
      measures: list.length,
      underServedMeasures: under.length,
      underServedServices: [...new Set(under.map((m) => m.service))].sort(byFrench),
      perInhabitant: per === null ? null : round2(per),
    });
  }
  territories.sort(
    (a, b) => b.underServedMeasures - a.underServedMeasures || byFrench(a.territory, b.territory)
  );
  return {
    tolerancePercent: tolerance,
    measures,
    spreads,
    services,
    territories,
    populationUnderServedPercent: popAll > 0 ? round2((popAnyUnder / popAll) * 100) : null,
    supersededRows: superseded,
  };
}
