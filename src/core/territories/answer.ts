/**
 * The answer of the territorial analysis in one place (issue #16, "done when"): what to pool, what
 * to bring closer to each territory, and what each choice costs and gives — from the scenarios
 * already computed (scenarios.ts) and the quality of service (quality.ts), nothing new estimated.
 *
 * Rules:
 * - A family's orientation is the user's choice typed in the plan when there is one, else the
 *   recommended cursor; a family with neither is listed apart (no orientation).
 * - Its effect is the chosen scenario's savings, signed: savings positive (A, C), the extra cost of
 *   B negative; low / central / high as the scenario's (B has one figure: the three are equal).
 * - The territories it serves are the ones whose quality gaps or priority expectations the
 *   scenario addresses (B and C: one lot or purchase per territory; A addresses none).
 * - Totals: savings = Σ central effect of the A and C families (and their low and high); extra
 *   cost = Σ of the B families' extra cost; net = Σ signed effects; the population served counts
 *   each territory once, however many families serve it.
 * - Under-served territories: those with at least one measure under target (quality.ts), with
 *   their services and spend per inhabitant, most under-served measures first.
 */
import { byFrench } from "../indicators/types";
import type { QualityAnalysis } from "./quality";
import type { FamilyScenarios, ScenarioId } from "./scenarios";

export type OrientationSource = "choice" | "cursor";

export interface FamilyOrientation {
  familyKey: string;
  familyLabel: string;
  cents: number;
  scenario: ScenarioId;
  source: OrientationSource;
  /** Savings (positive) or extra cost (negative) of the scenario, in cents over the period. */
  effectLowCents: number;
  effectCentralCents: number;
  effectHighCents: number;
  /** Territories whose gaps or priority expectations the scenario addresses. */
  territoriesServed: string[];
  populationServed: number;
  /** The family's recommended cursor (null: none), to show beside a choice that differs. */
  cursor: ScenarioId | null;
}

export interface UnderServedTerritory {
  territory: string;
  population: number | null;
  services: string[];
  underServedMeasures: number;
  perInhabitant: number | null;
}

export interface TerritorialAnswer {
  /** A first, then C, then B; within each, by amount (largest first). */
  orientations: FamilyOrientation[];
  /** Families with neither a choice nor a recommended cursor. */
  unoriented: { familyKey: string; familyLabel: string; cents: number }[];
  totals: {
    savingsLowCents: number;
    savingsCentralCents: number;
    savingsHighCents: number;
    extraCostCents: number;
    netLowCents: number;
    netCentralCents: number;
    netHighCents: number;
    territoriesServed: string[];
    populationServed: number;
  };
  /** Null without a Qualité de service table. */
  underServed: UnderServedTerritory[] | null;
}

const ORDER: Record<ScenarioId, number> = { A: 0, C: 1, B: 2 };

/** The answer from the scenarios, the user's choices and the quality of service (rules above). */
export function territorialAnswer(
  families: readonly FamilyScenarios[],
  choiceOf: (familyKey: string) => ScenarioId | null,
  quality: QualityAnalysis | null,
  population: (territory: string) => number | null
): TerritorialAnswer {
  const orientations: FamilyOrientation[] = [];
  const unoriented: TerritorialAnswer["unoriented"] = [];
  for (const f of families) {
    const choice = choiceOf(f.familyKey);
    const scenario = choice ?? f.cursor;
    if (scenario === null) {
      unoriented.push({ familyKey: f.familyKey, familyLabel: f.familyLabel, cents: f.cents });
      continue;
    }
    const s = f.scenarios[scenario];
    const served = [...new Set([...s.gapsAddressed, ...s.prioritiesAddressed])].sort(byFrench);
    orientations.push({
      familyKey: f.familyKey,
      familyLabel: f.familyLabel,
      cents: f.cents,
      scenario,
      source: choice !== null ? "choice" : "cursor",
      effectLowCents: s.savingsLowCents,
      effectCentralCents: s.savingsCentralCents,
      effectHighCents: s.savingsHighCents,
      territoriesServed: served,
      populationServed: s.populationTargeted,
      cursor: f.cursor,
    });
  }
  orientations.sort(
    (a, b) =>
      ORDER[a.scenario] - ORDER[b.scenario] || b.cents - a.cents || byFrench(a.familyLabel, b.familyLabel)
  );
  const sum = (xs: readonly FamilyOrientation[], k: "effectLowCents" | "effectCentralCents" | "effectHighCents") =>
    xs.reduce((s, o) => s + o[k], 0);
  const pooled = orientations.filter((o) => o.scenario !== "B");
  const closer = orientations.filter((o) => o.scenario === "B");
  const territoriesServed = [...new Set(orientations.flatMap((o) => o.territoriesServed))].sort(byFrench);
  const underServed =
    quality === null
      ? null
      : quality.territories
          .filter((t) => t.underServedMeasures > 0)
          .map((t) => ({
            territory: t.territory,
            population: t.population,
            services: [...t.underServedServices],
            underServedMeasures: t.underServedMeasures,
            perInhabitant: t.perInhabitant,
          }))
          .sort((a, b) => b.underServedMeasures - a.underServedMeasures || byFrench(a.territory, b.territory));
  return {
    orientations,
    unoriented,
    totals: {
      savingsLowCents: sum(pooled, "effectLowCents"),
      savingsCentralCents: sum(pooled, "effectCentralCents"),
      savingsHighCents: sum(pooled, "effectHighCents"),
      extraCostCents: -sum(closer, "effectCentralCents"),
      netLowCents: sum(orientations, "effectLowCents"),
      netCentralCents: sum(orientations, "effectCentralCents"),
      netHighCents: sum(orientations, "effectHighCents"),
      territoriesServed,
      populationServed: territoriesServed.reduce((s, t) => s + (population(t) ?? 0), 0),
    },
    underServed,
  };
}
