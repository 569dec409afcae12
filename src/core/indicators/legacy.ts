/**
 * The result shape of the indicators whose compute has not yet moved to message codes (CO1–CO5,
 * PF4, PF6, PF8): French label, French N/A reason and coverage words. Their registry modules
 * (./registry/*) translate these results into IndicatorResult (./types) with `fromLegacy`.
 * Delete this file when the last of them emits codes.
 */
import { msg, type Message } from "../messages/render";
import type { Row } from "./types";
import type {
  CoverageUnit,
  IndicatorGroup,
  IndicatorResult as CodedResult,
  Reference as CodedReference,
  Status,
  Tables,
  Unit,
} from "./types";

export { round2, percent, pct, euros, type AnalysisContext, type Row, type Status } from "./types";

export interface Coverage {
  n: number;
  N: number;
  /** French, plural: "lignes", "marchés". */
  of: string;
}

export interface Reference extends Omit<CodedReference, "label"> {
  /** French. */
  label: string;
}

export interface IndicatorResult {
  id: string;
  group: IndicatorGroup;
  /** French label. */
  label: string;
  value: number | null;
  unit: Unit;
  /** French reason when value is null. */
  na: string | null;
  coverage: Coverage;
  reference: Reference | null;
  status: Status | null;
  details: Record<string, number | string | null>;
  tables: Record<string, Row[]>;
}

/** Builds an N/A result: value null, reason given, no status. */
export function notAvailable(
  base: Pick<IndicatorResult, "id" | "group" | "label" | "unit">,
  reason: string,
  coverage: Coverage,
  reference: Reference | null = null
): IndicatorResult {
  return {
    ...base,
    value: null,
    na: reason,
    coverage,
    reference,
    status: null,
    details: {},
    tables: {},
  };
}

/** A French text of a legacy result and the catalogue message it stands for. */
export interface LegacyTranslation {
  pattern: RegExp;
  message: (m: RegExpMatchArray) => Message;
}

const COVERAGE_UNITS: Record<string, CoverageUnit> = {
  lignes: "lines",
  marchés: "contracts",
  "marchés concurrentiels": "competitiveContracts",
  "montants (lignes hors marché et marchés)": "amounts",
  "marchés sans publicité et lignes hors marché": "directAwardsAndOffContractLines",
};

/** Reasons several legacy indicators give. */
const COMMON: readonly LegacyTranslation[] = [
  {
    pattern: /^Aucun marché notifié sur la période (.+)\.$/,
    message: (m) => msg("na.noContractsInPeriod", { period: m[1] }),
  },
  {
    pattern: /^Aucun marché notifié sur la période$/,
    message: () => msg("na.noContractsNotified"),
  },
  {
    pattern: /^Aucune ligne de dépense sur la période (.+)\.$/,
    message: (m) => msg("na.noLinesInPeriod", { period: m[1] }),
  },
];

function translate(text: string, translations: readonly LegacyTranslation[]): Message {
  for (const t of [...translations, ...COMMON]) {
    const m = t.pattern.exec(text);
    if (m) return t.message(m);
  }
  // A text without translation yet: shown as it is (the pseudo-locale test lists it).
  return msg("legacy.untranslated", { text });
}

/**
 * The coded result of a legacy one: the label is dropped (it is in the definition), the N/A
 * reason, the coverage words and the reference label become catalogue messages.
 */
export function fromLegacy(
  r: IndicatorResult,
  translations: readonly LegacyTranslation[] = []
): CodedResult<Tables> {
  return {
    id: r.id,
    group: r.group,
    unit: r.unit,
    value: r.value,
    na: r.na === null ? null : translate(r.na, translations),
    coverage: { n: r.coverage.n, N: r.coverage.N, of: COVERAGE_UNITS[r.coverage.of] ?? "records" },
    reference:
      r.reference === null
        ? null
        : { ...r.reference, label: translate(r.reference.label, translations) },
    status: r.status,
    details: r.details,
    tables: r.tables,
  };
}
