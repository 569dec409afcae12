/**
 * Responsible purchasing duties followed year by year (issue #14): AGEC art. 58 and EGalim, as
 * typed results next to the RE indicators. Computed by analyse() from the spend lines of the civil
 * years of the period and the reference values (ReferenceValues.agec / .egalim, editable).
 */
import type { AnalysisContext } from "../indicators/types";
import { computeAgec, type AgecResult } from "./agec";
import { computeEgalim, type EgalimResult } from "./egalim";

export interface ResponsiblePurchasing {
  agec: AgecResult;
  egalim: EgalimResult;
  /** Entities (legal buyers) of the period with their net spend HT, largest first. */
  buyers: { entity: string; spendCents: number }[];
}

export function computeResponsiblePurchasing(ctx: AnalysisContext): ResponsiblePurchasing {
  return {
    agec: computeAgec(ctx.allLines, ctx.period, ctx.ref.agec),
    egalim: computeEgalim(ctx.allLines, ctx.period, ctx.ref.egalim),
    buyers: buyersOf(ctx),
  };
}

function buyersOf(ctx: AnalysisContext): ResponsiblePurchasing["buyers"] {
  const sums = new Map<string, number>();
  for (const l of ctx.lines) sums.set(l.entity, (sums.get(l.entity) ?? 0) + l.amountHTCents);
  return [...sums.entries()]
    .map(([entity, spendCents]) => ({ entity, spendCents }))
    .sort((a, b) => b.spendCents - a.spendCents || a.entity.localeCompare(b.entity, "fr"));
}

export type { AgecResult, AgecCategoryYear, AgecUnclassifiedLine } from "./agec";
export type { EgalimResult, EgalimYear } from "./egalim";
