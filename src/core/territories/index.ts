/**
 * The territorial analysis (issue #16) carried by the Analysis: territories with their population
 * and spend, the quality of service, and per family what the scenarios need. The scenarios
 * themselves (`territorialScenarios`) also read the expectations typed in the workbook (Attentes des
 * territoires), so the report computes them from this and the user's answers.
 */
import type { AnalysisContext, IndicatorResult } from "../indicators/types";
import type { ReferenceValues } from "../reference/values";
import { normalizeKey } from "../text";
import {
  questionnaireServices,
  scoreExpectations,
  serviceOfFamily,
  serviceOfName,
  type ExpectationAnswers,
  type PublicService,
} from "./expectations";
import { analyseQuality, type QualityAnalysis } from "./quality";
import { familyTerritoryProfiles, type TerritorialRecommendation, type TerritoryLocalSupply } from "./recommend";
import { territoryKey } from "./resolve";
import { familyScenarios, type FamilyScenarios, type ScenarioFamilyInput } from "./scenarios";

export interface TerritorySummary {
  territory: string;
  population: number | null;
  amount: number;
  perInhabitant: number | null;
}

export interface TerritorialFamily {
  familyKey: string;
  familyLabel: string;
  cents: number;
  nature: ScenarioFamilyInput["nature"];
  proximity: boolean;
  territories: TerritoryLocalSupply[];
  te4: TerritorialRecommendation | null;
  serviceId: string | null;
  serviceLabel: string | null;
}

export interface TerritorialAnalysis {
  /** Named territories (TE1), by spend. */
  territories: TerritorySummary[];
  quality: QualityAnalysis | null;
  /** Services of the Attentes des territoires questionnaire. */
  services: PublicService[];
  families: TerritorialFamily[];
  /** Day of the legal thresholds used by the scenarios (end of the period). */
  day: number;
}

function num(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** Builds the territorial analysis from the context and the TE indicators already computed. */
export function analyseTerritorial(
  ctx: AnalysisContext,
  indicators: readonly IndicatorResult[]
): TerritorialAnalysis {
  const te1 = indicators.find((i) => i.id === "TE1");
  const te4 = indicators.find((i) => i.id === "TE4");
  const territories: TerritorySummary[] = [];
  for (const r of te1?.tables.byTerritory ?? []) {
    if (typeof r.territory !== "string" || r.territory === "" || r.territory === "Territoire non renseigné")
      continue;
    territories.push({
      territory: r.territory,
      population: num(r.population),
      amount: num(r.amount) ?? 0,
      perInhabitant: num(r.perInhabitant),
    });
  }
  const byKey = new Map(territories.map((t) => [territoryKey(t.territory), t] as const));
  const lookup = (name: string) => byKey.get(territoryKey(name)) ?? null;

  const qualityRows = ctx.intake.quality ?? [];
  const quality =
    qualityRows.length === 0
      ? null
      : analyseQuality(qualityRows, {
          population: (n) => lookup(n)?.population ?? null,
          perInhabitant: (n) => lookup(n)?.perInhabitant ?? null,
          tolerancePercent: ctx.ref.territorialScenarios.underServedTolerancePercent,
        });
  const services = questionnaireServices(new Set(qualityRows.map((q) => q.service)));

  const profiles = familyTerritoryProfiles(ctx);
  const families: TerritorialFamily[] = [];
  for (const r of te4?.tables.recommendations ?? []) {
    const key = String(r.familyKey);
    const profile = profiles.get(key);
    if (!profile) continue;
    const service = serviceOfFamily(String(r.familyLabel ?? profile.familyLabel), profile.cpv, services);
    const rec = r.recommendation;
    families.push({
      familyKey: key,
      familyLabel: String(r.familyLabel ?? profile.familyLabel),
      cents: profile.cents,
      nature: profile.nature,
      proximity: r.proximity === true,
      territories: profile.territories,
      te4: rec === "mutualiser" || rec === "mixte" || rec === "territorialiser" ? rec : null,
      serviceId: service?.id ?? null,
      serviceLabel: service?.label ?? null,
    });
  }
  return { territories, quality, services, families, day: ctx.asOf };
}

/** Scenarios A/B/C of every family with a positive spend, with the answers of the questionnaire. */
export function territorialScenarios(
  t: TerritorialAnalysis,
  answers: ExpectationAnswers,
  ref: ReferenceValues
): FamilyScenarios[] {
  const expectations = scoreExpectations(answers);
  const pops = new Map(t.territories.map((x) => [territoryKey(x.territory), x.population] as const));
  const serviceIds = new Map<string, string | null>();
  const serviceIdOfQuality = (name: string) => {
    const k = normalizeKey(name);
    if (!serviceIds.has(k)) serviceIds.set(k, serviceOfName(name, t.services)?.id ?? null);
    return serviceIds.get(k) ?? null;
  };
  return t.families
    .filter((f) => f.cents > 0)
    .map((f) =>
      familyScenarios(f, {
        ref,
        day: t.day,
        quality: t.quality,
        serviceIdOfQuality,
        expectations,
        population: (n) => pops.get(territoryKey(n)) ?? null,
      })
    );
}

export type { ExpectationAnswers, PublicService } from "./expectations";
export type { FamilyScenarios, ScenarioId } from "./scenarios";
export { territorialAnswer } from "./answer";
export type { FamilyOrientation, TerritorialAnswer, UnderServedTerritory } from "./answer";
