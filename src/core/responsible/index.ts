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
}

export function computeResponsiblePurchasing(ctx: AnalysisContext): ResponsiblePurchasing {
  return {
    agec: computeAgec(ctx.allLines, ctx.period, ctx.ref.agec),
    egalim: computeEgalim(ctx.allLines, ctx.period, ctx.ref.egalim),
  };
}

export type { AgecResult, AgecCategoryYear, AgecUnclassifiedLine } from "./agec";
export type { EgalimResult, EgalimYear } from "./egalim";
