import type { Analysis } from "../analyse";
import type { ContractLine } from "../model";
import { VERSION } from "../version";
import { buildComparison, type ComparisonOptions, type ComparisonView } from "./comparison";
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

/** What a comparison may be given instead of the shipped defaults (files, peers, the buyer). */
export type ComparisonChoices = Partial<
  Pick<
    ComparisonOptions,
    | "referentiel"
    | "referentielName"
    | "dgcl"
    | "peers"
    | "siren"
    | "category"
    | "population"
    | "anonymised"
  >
>;

/**
 * The comparison of this analysis: against the shipped referentiel and DGCL table unless the
 * choices say otherwise (the pane uses the defaults, the CLI what its options read).
 */
export function comparisonOf(
  contracts: readonly ContractLine[],
  analysis: Pick<Analysis, "period" | "indicators">,
  runDate: string,
  choices: ComparisonChoices = {}
): ComparisonView {
  return buildComparison({
    referentiel: defaultReferentielData(),
    referentielName: DEFAULT_REFERENTIEL_NAME,
    dgcl: defaultDgcl(),
    peers: [],
    ...choices,
    contracts,
    period: analysis.period,
    indicators: analysis.indicators,
    runDate,
    producer: `Optima Achats ${VERSION}`,
  });
}
