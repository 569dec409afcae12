import type { Analysis } from "../analyse";
import type { IntakeResult } from "../model";
import { VERSION } from "../version";
import { buildComparison, type ComparisonView } from "./comparison";
import { decodeDgcl, type DgclTable } from "./dgcl";
import { parseReferentiel, type Referentiel } from "./referentiel";
import { DGCL_2023_DATA, DGCL_2023_SOURCE } from "../reference/data/dgcl-epcicom-2023";
import defaultReferentiel from "../reference/data/referentiel-default.json";

/**
 * The shipped defaults of the peer comparison (issue #15): the DGCL 2023 table of EPCI and member
 * communes, and the indicative default referentiel. Decoded once, on first use. Pure data: the
 * command line and the pane's worker both compare with them when the user gives nothing else.
 */
export const DEFAULT_REFERENTIEL_NAME = "référentiel par défaut (indicatif)";

let shippedDgcl: DgclTable | null = null;

/** The shipped DGCL 2023 table (decoded once). */
export function defaultDgcl(): DgclTable {
  shippedDgcl ??= decodeDgcl(DGCL_2023_DATA, DGCL_2023_SOURCE);
  return shippedDgcl;
}

export function defaultReferentielData(): Referentiel {
  return parseReferentiel(defaultReferentiel);
}


/** A comparison of this analysis with the shipped referentiel and DGCL table (the pane's default). */
export function defaultComparison(
  intake: Pick<IntakeResult, "contracts">,
  analysis: Pick<Analysis, "period" | "indicators">,
  runDate: string
): ComparisonView {
  return buildComparison({
    contracts: intake.contracts,
    period: analysis.period,
    indicators: analysis.indicators,
    referentiel: defaultReferentielData(),
    referentielName: DEFAULT_REFERENTIEL_NAME,
    dgcl: defaultDgcl(),
    peers: [],
    runDate,
    producer: `Optima Achats ${VERSION}`,
  });
}
