/**
 * The one application pipeline, shared by the CLI (src/cli/analyse-command.ts) and the pane's
 * worker (src/taskpane/engine.ts): user inputs read once → parameter overrides → intake over row
 * sources → analyse → workbook spec. Platform-neutral (core and report only): the front ends
 * supply the rows (a file reader, the rows the pane sent) and write the spec.
 *
 * A step generator: it yields progress (stage, done, total) between steps and at least every
 * INTAKE_BLOCK rows, so that the caller can report it, yield to an event loop, or cancel — by
 * no longer pulling (`return()`), or through `cancelled`, checked at every step.
 */
import type { ComparisonView } from "../core/peers/comparison";
import { ANALYSE_STEPS, analyseSteps, type Analysis } from "../core/analyse";
import type { DecpImport } from "../core/decp";
import {
  intakeFromSources,
  type IntakeOptions,
  type SourceTable,
} from "../core/intake";
import type { IntakeResult } from "../core/model";
import type { Period } from "../core/period";
import {
  defaultReferenceValues,
  mergeOverrides,
  withOverrides,
  type ReferenceOverrides,
} from "../core/reference/values";
import { parametersToOverrides, type UserInputs } from "../report/inputs";
import type { Lang } from "../report/labels";
import type { Scalar, WorkbookSpec } from "../report/spec";
import { buildWorkbookSpec } from "../report/workbook";

export type PipelineStage = "check" | "indicators";

export interface PipelineProgress {
  stage: PipelineStage;
  done: number;
  total: number;
}

export interface PipelineRequest {
  /** The tables to read, kind and mapping decided; the intake reads them in its own order. */
  tables: readonly SourceTable[];
  /** DECP imports (contracts), added after the tables. */
  decp?: DecpImport[];
  /** Data rows the tables hold, for progress (0 or absent: unknown, total grows as rows come). */
  rowCount?: number;
  /** What the user typed in the previous report (Paramètres, plan, diagnostic…), read once. */
  previousInputs: UserInputs;
  /** Parameter values edited in the pane, not yet in the Paramètres sheet (sheet units). */
  parameterEdits?: Record<string, Scalar>;
  /** Overrides that win over the Paramètres sheet (the CLI's --parametres file). */
  overrides?: ReferenceOverrides;
  /** undefined: the civil year of the latest spend line. */
  period?: Period;
  /** Entity for tables without an entity column. */
  defaultEntity?: string;
  runDate: string;
  lang: Lang;
  /** The sources named on the sheets, or how to name them once the intake is done (row counts). */
  sources: string[] | ((intake: IntakeResult) => string[]);
  /** Called once the intake is done, before the analysis; may throw to stop (no data…). */
  onIntake?: (intake: IntakeResult) => void;
  /** Checked at every step: true stops the run with PipelineCancelled. */
  cancelled?: () => boolean;
  /** The peer comparison to write (Comparaison sheet), once the analysis is known. */
  comparison?: (intake: IntakeResult, analysis: Analysis) => Promise<ComparisonView | undefined>;
}

export interface PipelineResult {
  intake: IntakeResult;
  analysis: Analysis;
  spec: WorkbookSpec;
  previousInputs: UserInputs;
}

export class PipelineCancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "PipelineCancelled";
  }
}

/** Steps of the indicators stage: the analysis groups, then the workbook spec. */
export const INDICATOR_STEPS = ANALYSE_STEPS + 1;

/**
 * The parameters in force: the Paramètres sheet as the user left it, then the values edited in
 * the pane, then the overrides given (a --parametres file).
 */
export function overridesOf(
  request: Pick<PipelineRequest, "previousInputs" | "parameterEdits" | "overrides">
): ReferenceOverrides {
  const inputs = request.previousInputs;
  // Merged at every depth: a --parametres file giving one AGEC minimum keeps those typed in the sheet.
  return mergeOverrides(
    parametersToOverrides({
      parameters: { ...inputs.parameters, ...(request.parameterEdits ?? {}) },
      parameterTables: inputs.parameterTables,
    }),
    request.overrides ?? {}
  ) as ReferenceOverrides;
}

export async function* runPipelineSteps(
  request: PipelineRequest
): AsyncGenerator<PipelineProgress, PipelineResult, void> {
  const check = () => {
    if (request.cancelled?.()) throw new PipelineCancelled();
  };
  const overrides = overridesOf(request);
  const ref = withOverrides(defaultReferenceValues(), overrides);
  const intakeOptions: IntakeOptions = {
    defaultVatPercent: ref.defaultVatPercent.value,
    defaultEntity: request.defaultEntity,
  };
  const announced = request.rowCount ?? 0;
  check();
  yield { stage: "check", done: 0, total: announced };
  const intakeGen = intakeFromSources(request.tables, request.decp ?? [], intakeOptions);
  let step = await intakeGen.next();
  while (!step.done) {
    check();
    yield { stage: "check", done: step.value, total: Math.max(announced, step.value) };
    step = await intakeGen.next();
  }
  const intake = step.value;
  request.onIntake?.(intake);

  check();
  yield { stage: "indicators", done: 0, total: INDICATOR_STEPS };
  const analyseGen = analyseSteps(intake, { period: request.period, overrides });
  let a = analyseGen.next();
  while (!a.done) {
    check();
    yield { stage: "indicators", done: a.value, total: INDICATOR_STEPS };
    a = analyseGen.next();
  }
  const analysis = a.value;
  const comparison = request.comparison ? await request.comparison(intake, analysis) : undefined;
  const spec = buildWorkbookSpec(analysis, {
    runDate: request.runDate,
    sources: typeof request.sources === "function" ? request.sources(intake) : request.sources,
    lang: request.lang,
    previousInputs: request.previousInputs,
    ...(comparison ? { comparison } : {}),
  });
  check();
  yield { stage: "indicators", done: INDICATOR_STEPS, total: INDICATOR_STEPS };
  return { intake, analysis, spec, previousInputs: request.previousInputs };
}

/** Runs the pipeline to its end, reporting progress; `pause` between steps (an event loop turn). */
export async function runPipeline(
  request: PipelineRequest,
  options: { onProgress?: (p: PipelineProgress) => void; pause?: () => Promise<void> } = {}
): Promise<PipelineResult> {
  const gen = runPipelineSteps(request);
  for (;;) {
    const step = await gen.next();
    if (step.done) return step.value;
    options.onProgress?.(step.value);
    if (options.pause) await options.pause();
  }
}
