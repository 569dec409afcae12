/**
 * Scenarios per family (issue #16 §4): A mutualiser (one contract or groupement for the whole
 * body), B territorialiser (geographic lots or territorial purchasing), C mixte (pooled framework
 * agreement with territorial lots); side by side their cost, service, equity and legal impacts, and
 * the recommended cursor with its reasons.
 *
 * Figures (S = the family's spend HT over the period, a year by default; parameters in Paramètres):
 * - Savings: A = S × pooling rate (low / central / high, SPEC §3.3); C = S × pooling rate ×
 *   lotsSavingsSharePercent; B = − S × territorialExtraCostPercent (an extra cost: lost volume).
 * - Local supplier spend exposed: A = the local spend of every territory (one contract for the whole
 *   body: local suppliers keep it only by winning it); B and C = 0 (one lot per territory).
 * - Service: the family's service (expectations.ts) — its under-served territories (quality.ts) and
 *   its priority territories (importance ≥ 2, satisfaction ≤ 1) are addressed by B and C (a service
 *   level set per territorial lot), not by A; equity = the population of those territories.
 * - Legal: the procedure follows the estimated value of the whole need, every lot included
 *   (R2121-1), so lots never lower it; estimated annual value ≥ EU threshold → formalised
 *   procedure; ≥ the publicity threshold → BOAMP or JAL; lots (L2113-10) facilitate SMEs' access,
 *   never a local preference (equal treatment, L3); small lots may use a MAPA (R2123-1 2°).
 * - Cursor: from TE4 (mutualiser → A, mixte → C, territorialiser → B; no recommendation → A when
 *   the family is bought on several territories, else none); A moves to C when the family's service
 *   has quality gaps or priority expectations on a territory; C moves to B when they concern at
 *   least half of the family's territories of a proximity family.
 */
import { msg, type Message } from "../messages/render";
import { euThresholdAt, type ReferenceValues } from "../reference/values";
import type { Nature } from "../model";
import { byFrench } from "../indicators/types";
import type { ServiceExpectations } from "./expectations";
import type { QualityAnalysis } from "./quality";
import type { TerritorialRecommendation, TerritoryLocalSupply } from "./recommend";

export type ScenarioId = "A" | "B" | "C";

/** French names of the scenarios (as the plan's choice list reads them back). */
export const SCENARIO_LABELS: Record<ScenarioId, string> = {
  A: "Mutualiser",
  B: "Territorialiser",
  C: "Mixte",
};

/** The name of a scenario as a catalogue message. */
export const SCENARIO_NAMES: Record<ScenarioId, Message> = {
  A: msg("scenario.labelA"),
  B: msg("scenario.labelB"),
  C: msg("scenario.labelC"),
};

export const SCENARIO_DESCRIPTIONS: Record<ScenarioId, Message> = {
  A: msg("scenario.descriptionA"),
  B: msg("scenario.descriptionB"),
  C: msg("scenario.descriptionC"),
};

export interface ScenarioFamilyInput {
  familyKey: string;
  familyLabel: string;
  cents: number;
  nature: Nature | null;
  proximity: boolean;
  territories: readonly TerritoryLocalSupply[];
  te4: TerritorialRecommendation | null;
  /** The family's public service (expectations.ts), null when none matches. */
  serviceId: string | null;
  serviceLabel: string | null;
}

export interface ScenarioContext {
  ref: ReferenceValues;
  /** Day of the legal thresholds (the analysis' asOf). */
  day: number;
  quality: QualityAnalysis | null;
  /** Quality service name → service id (expectations.ts). */
  serviceIdOfQuality: (service: string) => string | null;
  expectations: Map<string, ServiceExpectations>;
  population: (territory: string) => number | null;
}

export interface ScenarioFigures {
  scenario: ScenarioId;
  label: string;
  description: Message;
  savingsLowCents: number;
  savingsCentralCents: number;
  savingsHighCents: number;
  localSpendExposedCents: number;
  lots: number;
  gapsAddressed: string[];
  prioritiesAddressed: string[];
  populationTargeted: number;
  /** Parts of each impact, shown joined by " ; " (the first part of the cost: its savings). */
  costImpact: Message[];
  serviceImpact: Message;
  equityImpact: Message;
  legal: Message[];
}

export interface FamilyScenarios {
  familyKey: string;
  familyLabel: string;
  cents: number;
  serviceLabel: string | null;
  /** The service's id (expectations.ts), null when none matches. */
  serviceId: string | null;
  territories: string[];
  gapTerritories: string[];
  priorityTerritories: string[];
  scenarios: Record<ScenarioId, ScenarioFigures>;
  cursor: ScenarioId | null;
  reasons: Message[];
}

/** Whole euros of an amount in cents, without its sign (written "{x, eurPlain}" in the texts). */
function euro(cents: number): number {
  return Math.abs(Math.round(cents / 100));
}

function list(names: readonly string[]): string {
  return names.join(", ");
}

/** The territories of a family's service under target (quality) and with priority expectations. */
function serviceNeeds(
  f: ScenarioFamilyInput,
  c: ScenarioContext
): { gaps: string[]; priorities: string[] } {
  if (f.serviceId === null) return { gaps: [], priorities: [] };
  const gaps = new Set<string>();
  for (const m of c.quality?.measures ?? [])
    if (m.underServed && c.serviceIdOfQuality(m.service) === f.serviceId) gaps.add(m.territory);
  const priorities = c.expectations.get(f.serviceId)?.priorityTerritories ?? [];
  return { gaps: [...gaps].sort(byFrench), priorities: [...priorities] };
}

function legalText(
  f: ScenarioFamilyInput,
  c: ScenarioContext,
  lots: number,
  lotCents: readonly number[]
): Message[] {
  const eu = euThresholdAt(c.ref, c.day, f.nature);
  const publicity = c.ref.publicityThresholdCents.value;
  const parts: Message[] = [];
  const value = euro(f.cents);
  if (f.cents >= eu) parts.push(msg("scenario.legalFormalised", { value, eu: euro(eu) }));
  else if (f.cents >= publicity)
    parts.push(msg("scenario.legalPublicity", { value, eu: euro(eu), publicity: euro(publicity) }));
  else parts.push(msg("scenario.legalAdapted", { value }));
  parts.push(msg("scenario.legalWholeNeed"));
  if (lots > 1) {
    parts.push(msg("scenario.legalLots", { lots }));
    if (f.cents >= eu) {
      const limit =
        f.nature === "Travaux" ? c.ref.smallLots.worksCents : c.ref.smallLots.suppliesServicesCents;
      const small = lotCents.filter((x) => x < limit);
      const smallSum = small.reduce((s, x) => s + x, 0);
      if (small.length > 0 && smallSum * 100 <= c.ref.smallLots.maxSharePercent * f.cents)
        parts.push(
          msg("scenario.legalSmallLots", {
            n: small.length,
            limit: euro(limit),
            share: String(c.ref.smallLots.maxSharePercent),
          })
        );
    }
  } else parts.push(msg("scenario.legalSingle"));
  return parts;
}

/** The three scenarios of one family and the recommended cursor (rules in the module header). */
export function familyScenarios(f: ScenarioFamilyInput, c: ScenarioContext): FamilyScenarios {
  const p = c.ref.poolingScenarios;
  const t = c.ref.territorialScenarios;
  const S = f.cents;
  const names = f.territories.map((x) => x.territory);
  const localCents = f.territories.reduce((s, x) => s + x.localCents, 0);
  const { gaps, priorities } = serviceNeeds(f, c);
  const need = [...new Set([...gaps, ...priorities])].sort(byFrench);
  const needPop = need.reduce((s, n) => s + (c.population(n) ?? 0), 0);
  const lotCount = Math.max(1, names.length);
  const lotCents = f.territories.map((x) => x.cents);
  const pct = (rate: number) => Math.round((S * rate) / 100);

  const a: ScenarioFigures = {
    scenario: "A",
    label: SCENARIO_LABELS.A,
    description: SCENARIO_DESCRIPTIONS.A,
    savingsLowCents: pct(p.lowPercent),
    savingsCentralCents: pct(p.centralPercent),
    savingsHighCents: pct(p.highPercent),
    localSpendExposedCents: localCents,
    lots: 1,
    gapsAddressed: [],
    prioritiesAddressed: [],
    populationTargeted: 0,
    costImpact: [
      msg("scenario.savings", {
        low: euro(pct(p.lowPercent)),
        high: euro(pct(p.highPercent)),
        central: euro(pct(p.centralPercent)),
      }),
      msg("scenario.localExposed", { local: euro(localCents) }),
    ],
    serviceImpact:
      need.length === 0
        ? msg("scenario.serviceA")
        : msg("scenario.serviceANeeds", { list: list(need) }),
    equityImpact: msg("scenario.equityA"),
    legal: legalText(f, c, 1, [S]),
  };
  const cShare = t.lotsSavingsSharePercent / 100;
  const cc = (rate: number) => Math.round((S * rate * cShare) / 100);
  const cScen: ScenarioFigures = {
    scenario: "C",
    label: SCENARIO_LABELS.C,
    description: SCENARIO_DESCRIPTIONS.C,
    savingsLowCents: cc(p.lowPercent),
    savingsCentralCents: cc(p.centralPercent),
    savingsHighCents: cc(p.highPercent),
    localSpendExposedCents: 0,
    lots: lotCount,
    gapsAddressed: gaps,
    prioritiesAddressed: priorities,
    populationTargeted: needPop,
    costImpact: [
      msg("scenario.savingsShare", {
        low: euro(cc(p.lowPercent)),
        high: euro(cc(p.highPercent)),
        central: euro(cc(p.centralPercent)),
        share: String(t.lotsSavingsSharePercent),
      }),
    ],
    serviceImpact:
      need.length === 0
        ? msg("scenario.serviceC", { lots: lotCount })
        : msg("scenario.serviceCNeeds", { list: list(need) }),
    equityImpact:
      need.length === 0
        ? msg("scenario.equityC")
        : msg("scenario.equityTarget", { population: needPop }),
    legal: [msg("scenario.legalFramework"), ...legalText(f, c, lotCount, lotCents)],
  };
  const extra = Math.round((S * t.territorialExtraCostPercent) / 100);
  const b: ScenarioFigures = {
    scenario: "B",
    label: SCENARIO_LABELS.B,
    description: SCENARIO_DESCRIPTIONS.B,
    savingsLowCents: -extra,
    savingsCentralCents: -extra,
    savingsHighCents: -extra,
    localSpendExposedCents: 0,
    lots: lotCount,
    gapsAddressed: gaps,
    prioritiesAddressed: priorities,
    populationTargeted: needPop,
    costImpact: [
      msg("scenario.extraCost", {
        extra: euro(extra),
        percent: String(t.territorialExtraCostPercent),
      }),
      msg("scenario.proximity"),
    ],
    serviceImpact:
      need.length === 0
        ? msg("scenario.serviceB", { lots: lotCount })
        : msg("scenario.serviceBNeeds", { list: list(need) }),
    equityImpact:
      need.length === 0
        ? msg("scenario.equityB")
        : msg("scenario.equityBTarget", { population: needPop }),
    legal: legalText(f, c, lotCount, lotCents),
  };

  // Cursor.
  const reasons: Message[] = [];
  let cursor: ScenarioId | null =
    f.te4 === "mutualiser"
      ? "A"
      : f.te4 === "mixte"
        ? "C"
        : f.te4 === "territorialiser"
          ? "B"
          : null;
  if (f.te4 !== null) reasons.push(msg("scenario.reasonTe4", { te4: f.te4 }));
  else if (names.length >= 2) {
    cursor = "A";
    reasons.push(msg("scenario.reasonNoTe4", { n: names.length }));
  }
  const family = {
    familyKey: f.familyKey,
    familyLabel: f.familyLabel,
    cents: S,
    serviceLabel: f.serviceLabel,
    serviceId: f.serviceId,
    territories: names,
    gapTerritories: gaps,
    priorityTerritories: priorities,
    scenarios: { A: a, B: b, C: cScen },
  };
  if (cursor === null)
    return { ...family, cursor: null, reasons: [msg("scenario.reasonNoCursor")] };
  if (gaps.length > 0) reasons.push(msg("scenario.reasonGaps", { list: list(gaps) }));
  if (priorities.length > 0)
    reasons.push(msg("scenario.reasonPriorities", { list: list(priorities) }));
  if (cursor === "A" && need.length > 0) {
    cursor = "C";
    reasons.push(msg("scenario.reasonToMixed"));
  } else if (
    cursor === "C" &&
    f.proximity &&
    names.length >= 2 &&
    need.filter((n) => names.includes(n)).length * 2 >= names.length
  ) {
    cursor = "B";
    reasons.push(msg("scenario.reasonToTerritorial"));
  }
  const chosen = family.scenarios[cursor];
  reasons.push(
    msg("scenario.reasonCursor", {
      cursor,
      label: SCENARIO_NAMES[cursor],
      cost: chosen.costImpact[0],
    })
  );
  return { ...family, cursor, reasons };
}

/** "B · Territorialiser", "b", "Scénario C" → the scenario; null otherwise. */
export function parseScenarioChoice(v: unknown): ScenarioId | null {
  if (typeof v !== "string") return null;
  const m = /^\s*(?:sc[ée]nario\s*)?([abc])(?![a-z])/i.exec(v);
  if (m) return m[1].toUpperCase() as ScenarioId;
  const k = v.trim().toLowerCase();
  if (k.startsWith("mutualis")) return "A";
  if (k.startsWith("territorialis")) return "B";
  if (k.startsWith("mixte")) return "C";
  return null;
}
