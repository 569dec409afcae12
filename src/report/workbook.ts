/**
 * buildWorkbookSpec: the whole workbook (SPEC §5–§7) from one Analysis. Pure and deterministic:
 * the run date is passed in (never read from the clock), and the same analysis and options give a
 * deep-equal spec.
 */
import type { Analysis } from "../core/analyse";
import { isoDate } from "../core/dates";
import { defaultReferenceValues } from "../core/reference/values";
import { formats } from "./cells";
import { emptyInputs, type UserInputs } from "./inputs";
import { text, type Lang } from "./labels";
import type { BuildContext } from "./layout";
import { changedParameters } from "./parameters";
import { buildAchatsResponsables } from "./sheets/achats-responsables";
import { buildAnomalies } from "./sheets/anomalies";
import { buildAttentes } from "./sheets/attentes";
import { buildCartographie } from "./sheets/cartographie";
import { buildConcessions } from "./sheets/concessions";
import { buildConformite } from "./sheets/conformite";
import { buildDashboard } from "./sheets/dashboard";
import { buildDiagnostic } from "./sheets/diagnostic";
import { buildFournisseurs } from "./sheets/fournisseurs";
import { buildHistorique } from "./sheets/historique";
import { buildIndicateurs } from "./sheets/indicateurs";
import { buildMutualisation } from "./sheets/mutualisation";
import { buildParametres } from "./sheets/parametres";
import { buildPlan } from "./sheets/plan";
import { buildSommaire } from "./sheets/sommaire";
import { buildSynthese } from "./sheets/synthese";
import { buildTerritoires } from "./sheets/territoires";
import { buildComparaison, withReferentielNote } from "./sheets/comparaison";
import type { ComparisonView } from "../core/peers/comparison";
import { SHEET_ORDER, type AnalysisSheetKey, type Stamp, type WorkbookSpec } from "./spec";

export interface WorkbookOptions {
  /** ISO date (or date-time) of the run, "2026-01-15"; required, the report never reads the clock. */
  runDate: string;
  /** Source tables or files the analysis read (stamped on every sheet). */
  sources: string[];
  lang?: Lang;
  /** What the user typed in the previous workbook (readUserInputs). */
  previousInputs?: UserInputs;
  /** Peer comparison (issue #15): adds the Comparaison sheet after Territoires. */
  comparison?: ComparisonView;
}

export { SHEET_ORDER };

const MAX_LISTED_PARAMETERS = 5;

function parametersSummary(analysis: Analysis, lang: Lang): string {
  const changed = changedParameters(analysis.reference, defaultReferenceValues(), lang);
  if (changed.length === 0) return text(lang, "defaultParameters");
  const listed = changed.slice(0, MAX_LISTED_PARAMETERS).join(", ");
  const more = changed.length > MAX_LISTED_PARAMETERS ? ", …" : "";
  return `${changed.length} ${text(lang, changed.length === 1 ? "changedParameter" : "changedParameters")}${lang === "fr" ? " : " : ": "}${listed}${more}`;
}

export function buildWorkbookSpec(analysis: Analysis, options: WorkbookOptions): WorkbookSpec {
  return build(analysis, options);
}

/**
 * The build context of a run: the run date checked (AAAA-MM-JJ, optionally with a time), the
 * stamp every sheet carries, number formats, the user's previous inputs. Shared by the analysis
 * workbook and the policy documents (./documents).
 */
export function buildContext(
  analysis: Analysis,
  options: Pick<WorkbookOptions, "runDate" | "sources" | "lang" | "previousInputs">
): BuildContext {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
    options.runDate
  );
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[3]) < 1 || Number(m[3]) > 31) {
    throw new Error(`Date d'exécution ISO attendue (AAAA-MM-JJ) : « ${options.runDate} »`);
  }
  const lang = options.lang ?? "fr";
  const stamp: Stamp = {
    sources: [...options.sources],
    period: {
      label: analysis.period.label,
      start: isoDate(analysis.period.start),
      end: isoDate(analysis.period.end),
    },
    data: analysis.dataRange
      ? { start: isoDate(analysis.dataRange.start), end: isoDate(analysis.dataRange.end) }
      : null,
    parameters: parametersSummary(analysis, lang),
    runDate: `${m[1]}-${m[2]}-${m[3]}`,
    version: analysis.version,
  };
  return {
    analysis,
    lang,
    f: formats(lang),
    stamp,
    inputs: options.previousInputs ?? emptyInputs(),
    tableNames: new Set(),
  };
}

function build(analysis: Analysis, options: WorkbookOptions): WorkbookSpec {
  const ctx = buildContext(analysis, options);
  const { lang, stamp } = ctx;
  const diagnostic = buildDiagnostic(ctx);
  const dashboard = buildDashboard(ctx);
  const byKey: Partial<Record<AnalysisSheetKey, WorkbookSpec["sheets"][number]>> = {
    synthese: buildSynthese(ctx, dashboard),
    dashboard,
    cartographie: buildCartographie(ctx),
    fournisseurs: buildFournisseurs(ctx),
    conformite: buildConformite(ctx),
    mutualisation: buildMutualisation(ctx),
    responsable: buildAchatsResponsables(ctx),
    territoires: buildTerritoires(ctx),
    anomalies: buildAnomalies(ctx),
    historique: buildHistorique(ctx),
    indicateurs: buildIndicateurs(ctx),
    plan: buildPlan(ctx, diagnostic),
    diagnostic: diagnostic.sheet,
    // Only with territories (or answers to keep).
    attentes: buildAttentes(ctx) ?? undefined,
    parametres: buildParametres(ctx),
  };
  const sheets = withConcessions(
    withComparison(
      SHEET_ORDER.flatMap((k) => byKey[k] ?? []),
      ctx,
      options.comparison
    ),
    ctx
  );
  // The Sommaire lists (and links to) every other sheet: built last, shown first.
  sheets.unshift(buildSommaire(ctx, sheets));
  return { version: analysis.version, lang, stamp, sheets };
}

/**
 * Calendrier des concessions (issue #11 §3): after Territoires (and Comparaison), only when the
 * input holds concessions.
 */
function withConcessions(
  sheets: WorkbookSpec["sheets"],
  ctx: BuildContext
): WorkbookSpec["sheets"] {
  const sheet = buildConcessions(ctx);
  if (!sheet) return sheets;
  const out = [...sheets];
  const after = out.findIndex((s) => s.key === "comparaison");
  const at = (after >= 0 ? after : out.findIndex((s) => s.key === "territoires")) + 1;
  out.splice(at, 0, sheet);
  return out;
}

/** Peer comparison (issue #15): the Comparaison sheet after Territoires, and its note in Paramètres. */
function withComparison(
  sheets: WorkbookSpec["sheets"],
  ctx: BuildContext,
  view: ComparisonView | undefined
): WorkbookSpec["sheets"] {
  if (!view) return sheets;
  const out = sheets.map((s) =>
    s.key === "parametres" ? withReferentielNote(s, view, ctx.lang) : s
  );
  const at = out.findIndex((s) => s.key === "territoires") + 1;
  out.splice(at, 0, buildComparaison(ctx, view));
  return out;
}
