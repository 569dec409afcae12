/**
 * Plan inputs as the sheets show them: the quadrant, its standard approach, the levers and the TE4
 * recommendation in the build language (core names them by their French keys).
 */
import type { Te4Recommendation } from "../../core/indicators/territories";
import { QUADRANT_STRATEGY, type Quadrant } from "../../core/plan";
import { pick, PLAN_LISTS, type Lang } from "../labels";

/** English names of the quadrants (the French names are the keys). */
const QUADRANTS_EN: Record<Quadrant, string> = {
  Stratégique: "Strategic",
  Levier: "Leverage",
  Critique: "Bottleneck",
  Simple: "Routine",
};

/** English standard approach of each quadrant (French: QUADRANT_STRATEGY, SPEC §6). */
const STRATEGIES_EN: Record<Quadrant, string> = {
  Stratégique: "Partnership, multi-year framework agreement",
  Levier: "Competitive tendering, pooling",
  Critique: "Secure supply, widen sourcing, split into lots",
  Simple: "Catalogue, central purchasing body, purchasing card",
};

const RECOMMENDATIONS: Record<Te4Recommendation, readonly [string, string]> = {
  mutualiser: ["mutualiser", "pool"],
  territorialiser: ["territorialiser", "territorialise"],
  mixte: ["mixte", "mixed"],
};

export function quadrantText(lang: Lang, q: Quadrant): string {
  return lang === "fr" ? q : QUADRANTS_EN[q];
}

export function strategyText(lang: Lang, q: Quadrant): string {
  return lang === "fr" ? QUADRANT_STRATEGY[q] : STRATEGIES_EN[q];
}

export function recommendationText(lang: Lang, r: Te4Recommendation): string {
  return pick(lang, RECOMMENDATIONS[r]);
}

/** A lever of the plan list (core names levers by their French item), in the language. */
export function leverText(lang: Lang, lever: string): string {
  const item = PLAN_LISTS.lever.find((p) => p[0] === lever);
  return item ? pick(lang, item) : lever;
}
