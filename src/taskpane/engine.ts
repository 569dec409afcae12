/**
 * The analysis engine as run by the worker (analysis.worker.ts): the application pipeline
 * (src/app/pipeline.ts, the same as the CLI's) over the rows the pane sent, step by step so that
 * it can report progress, then the pane's summary. Pure: no DOM, no Office, no clock (the run
 * date comes with the job). The same code runs in the same thread in tests (inline-runner.ts).
 */
import { comparisonOf } from "../core/peers/defaults";
import type { Fiche } from "../core/peers/fiche";
import { buildDecpExport, describeNotWritten, type DecpMarche } from "../core/decp-export";
import { buildDocumentSheets } from "../report/documents";
import {
  runPipelineSteps,
  type PipelineRequest,
  type PipelineResult,
} from "../app/pipeline";
import { excelSerialFromDay } from "../core/dates";
import { importDecp, isDecpJson, nestedDeeperThan } from "../core/decp";
import { ANALYSE_STEPS, analyseSteps, type Analysis } from "../core/analyse";
import {
  dataRowCount,
  INTAKE_BLOCK,
  intakeSteps,
  isReconciled,
  sourceOf,
  type MappedTable,
} from "../core/intake";
import type { Cell, ContractLine } from "../core/model";
import { FIELDS } from "../core/fields";
import { readUserInputs, type UserInputs } from "../report/inputs";
import { render } from "../core/messages/render";
import { kpiOf } from "./kpis";
import type { SheetKey, WorkbookSpec } from "../report/spec";
import { buildWorkbookSpec } from "../report/workbook";
import { tileDef } from "../report/sheets/tiles";
import {
  DOCUMENT_KEYS,
  KPI_IDS,
  PLAN_KEYS,
  type DecpExportResult,
  type DecpTableResult,
  type EngineResult,
  type FicheResult,
  type PeersResult,
  type JobHeader,
  type RunSummary,
  type StageProgress,
} from "./jobs";

export * from "./jobs";

export { ANALYSE_STEPS, analyseSteps, dataRowCount, INTAKE_BLOCK, intakeSteps };

// ---------------------------------------------------------------------------------------------
// The whole engine

export interface EngineEvent {
  progress: StageProgress;
}

/** What the engine keeps after a run, to rebuild the plan sheets without analysing again. */
export interface EngineState {
  analysis: Analysis;
  header: JobHeader;
  /** Every contract the intake kept (all periods): the fiche, the Comparaison sheet and the DECP export read them. */
  contracts: readonly ContractLine[];
}

function sourcesOf(header: JobHeader): string[] {
  return header.tables.map((t) => t.name);
}

/** Filters a spec down to some sheet keys (default: everything but the plan and the diagnostic). */
export function selectSheets(
  spec: WorkbookSpec,
  keys: readonly SheetKey[] | undefined
): WorkbookSpec {
  const wanted = new Set(
    keys ?? spec.sheets.map((s) => s.key).filter((k) => !PLAN_KEYS.includes(k))
  );
  return { ...spec, sheets: spec.sheets.filter((s) => wanted.has(s.key)) };
}

function specOf(
  state: EngineState,
  previousInputs: UserInputs,
  keys: readonly SheetKey[] | undefined
): WorkbookSpec {
  const { analysis, header } = state;
  const spec = buildWorkbookSpec(analysis, {
    runDate: header.runDate,
    sources: sourcesOf(header),
    lang: header.lang,
    previousInputs,
  });
  // The policy documents (issue #14) are written only when asked for by key.
  if (keys?.some((k) => DOCUMENT_KEYS.includes(k))) {
    const docs = buildDocumentSheets(analysis, {
      runDate: header.runDate,
      sources: sourcesOf(header),
      lang: header.lang,
    });
    spec.sheets.push(...docs.sheets);
  }
  return selectSheets(spec, keys);
}

/** The job as a pipeline request: `rows[i]` are the rows of `header.tables[i]`. */
export function pipelineRequest(header: JobHeader, rows: Cell[][][]): PipelineRequest {
  const mapped: MappedTable[] = header.tables.map((t, i) => ({
    table: {
      name: t.name,
      sheet: t.sheet,
      rows: rows[i] ?? [],
      firstRow: t.firstRow,
      date1904: t.date1904,
    },
    kind: t.kind,
    headerRowIndex: t.headerRowIndex,
    mapping: t.mapping,
  }));
  return {
    tables: mapped.map((t) => sourceOf(t)),
    rowCount: mapped.reduce((n, t) => n + dataRowCount(t), 0),
    previousInputs: readUserInputs(header.previousSheets),
    parameterEdits: header.parameters,
    period: header.period ?? undefined,
    runDate: header.runDate,
    lang: header.lang,
    sources: sourcesOf(header),
    // The Comparaison sheet (issue #15), against the shipped referentiel and DGCL table.
    comparison: async (intake, analysis) =>
      comparisonOf(intake.contracts, analysis, header.runDate, { peers: header.peers ?? [] }),
  };
}

/** The pipeline's result as the pane wants it: the selected sheets, the summary, the state kept. */
function engineResult(
  header: JobHeader,
  result: PipelineResult
): EngineResult & { state: EngineState } {
  const state: EngineState = {
    analysis: result.analysis,
    header,
    contracts: result.intake.contracts,
  };
  const spec = selectSheets(result.spec, header.sheetKeys);
  return { spec, summary: summarize(result.analysis, spec, header), state };
}

/**
 * Runs intake → indicators → spec, yielding progress events; returns the result and the state to
 * keep. `rows[i]` are the rows of `header.tables[i]`.
 */
export async function* engineSteps(
  header: JobHeader,
  rows: Cell[][][]
): AsyncGenerator<EngineEvent, EngineResult & { state: EngineState }, void> {
  const gen = runPipelineSteps(pipelineRequest(header, rows));
  for (;;) {
    const step = await gen.next();
    if (step.done) return engineResult(header, step.value);
    yield { progress: step.value };
  }
}

/** Rebuilds some sheets (the plan and the diagnostic) from a kept analysis and fresh user inputs. */
export function rebuildSheets(
  state: EngineState,
  previousSheets: Record<string, Cell[][]>,
  keys: readonly SheetKey[]
): WorkbookSpec {
  return specOf(state, readUserInputs(previousSheets), keys);
}

/**
 * The buyer's fiche de comparaison of the kept analysis (issue #15 §4): the fiche the
 * Comparaison sheet shows, as `optima-achats fiche -o fiche.json [--anonyme]` writes it.
 */
export function ficheOf(
  state: EngineState,
  options: { anonymised: boolean; createdOn: string }
): FicheResult {
  const view = comparisonOf(state.contracts, state.analysis, options.createdOn, {
    anonymised: options.anonymised,
  });
  return {
    fiche: view.fiche,
    json: JSON.stringify(view.fiche, null, 2) + "\n",
    categoryLabel: view.buyer.categoryLabel,
    bandLabel: view.buyer.bandLabel,
  };
}

/**
 * The Comparaison sheet again, with the peers' fiches beside the referentiel (issue #15 §4). The
 * peers are kept with the state, so that a later rebuild compares with them too.
 */
export function rebuildWithPeers(
  state: EngineState,
  previousSheets: Record<string, Cell[][]>,
  peers: Fiche[]
): PeersResult {
  state.header = { ...state.header, peers };
  const { analysis, header } = state;
  const view = comparisonOf(state.contracts, analysis, header.runDate, { peers });
  const spec = buildWorkbookSpec(analysis, {
    runDate: header.runDate,
    sources: sourcesOf(header),
    lang: header.lang,
    previousInputs: readUserInputs(previousSheets),
    comparison: view,
  });
  return {
    spec: selectSheets(spec, ["comparaison"]),
    compared: view.peers?.count ?? 0,
    excludedOwn: view.peers?.excludedOwn ?? 0,
  };
}

/**
 * The buyer's DECP 2024 (issue #11 §4) from the kept contracts, by the function of
 * `optima-achats decp`: the JSON document, and every contract that could not be written.
 */
export function decpExportOf(
  state: EngineState,
  options: { publicationDay: number; complements?: Record<string, DecpMarche> }
): DecpExportResult {
  const exp = buildDecpExport(state.contracts, options);
  const template: Record<string, Record<string, null>> = {};
  for (const n of exp.notWritten)
    template[n.contractRef] = Object.fromEntries(n.missing.map((m) => [m.field, null]));
  return {
    json: JSON.stringify(exp.document, null, 2) + "\n",
    written: exp.written,
    belowThreshold: exp.belowThreshold,
    notWritten: exp.notWritten.map((n) => render(state.header.lang, describeNotWritten(n))),
    template,
  };
}

/** Runs the engine to the end in one go (tests, CLI-like uses). */
export async function runEngine(
  header: JobHeader,
  rows: Cell[][][],
  onProgress?: (p: StageProgress) => void
): Promise<EngineResult & { state: EngineState }> {
  const gen = engineSteps(header, rows);
  for (;;) {
    const step = await gen.next();
    if (step.done) return step.value;
    onProgress?.(step.value.progress);
  }
}

// ---------------------------------------------------------------------------------------------
// Summary

const euros = (cents: number) => Math.round(cents) / 100;

/** The written sheet of an indicator's detail lines (the dashboard tile's « Détail › » target). */
function detailSheetOf(spec: WorkbookSpec, id: string): { sheet?: string } {
  const key = tileDef(id)?.detail ?? "dashboard";
  const sheet = spec.sheets.find((s) => s.key === key);
  return sheet ? { sheet: sheet.name } : {};
}

export function summarize(
  analysis: Analysis,
  spec: WorkbookSpec,
  header: Pick<JobHeader, "runDate" | "lang" | "tables">
): RunSummary {
  const lang = header.lang;
  const r = analysis.reconciliation;
  const byId = new Map(analysis.indicators.map((i) => [i.id, i] as const));
  const kpis = KPI_IDS.flatMap((id) => {
    const ind = byId.get(id);
    return ind ? [{ ...kpiOf(lang, ind), ...detailSheetOf(spec, id) }] : [];
  });
  let warnings = 0;
  let rejected = 0;
  for (const a of analysis.anomalies) {
    if (a.severity === "warning") warnings++;
    else rejected++;
  }
  return {
    runDate: header.runDate,
    lang,
    period: {
      label: analysis.period.label,
      start: analysis.period.start,
      end: analysis.period.end,
    },
    data: analysis.dataRange && { ...analysis.dataRange, previousPeriod: analysis.previousPeriod.label },
    kpis,
    alertCount: analysis.alertCount,
    anomalyCount: analysis.anomalies.length,
    warningCount: warnings,
    rejectedCount: rejected,
    reconciliation: {
      rowsRead: r.rowsRead,
      rowsAnalysed: r.rowsAnalysed,
      rowsWithWarning: r.rowsWithWarning,
      rowsRejected: r.rowsRejected,
      amountRead: euros(r.amountReadCents),
      amountAnalysed: euros(r.amountAnalysedCents),
      amountRejected: euros(r.amountRejectedCents),
      // Exact to the cent, set-aside amounts included (core's check).
      reconciled: isReconciled(r),
    },
    sheets: spec.sheets.map((s) => ({ key: s.key, name: s.name })),
    sources: header.tables.map((t) => t.name),
  };
}

// ---------------------------------------------------------------------------------------------
// DECP import → a contracts table

const EUR_FORMAT = '#,##0.00 "€"';
const DATE_FORMAT = "dd/mm/yyyy";

/** Excel table name from a file name: "decp-2025.json" → "DECP_decp_2025". */
export function decpTableName(fileName: string): string {
  const base = fileName
    .replace(/\.[^.]*$/, "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return `DECP_${base || "import"}`.slice(0, 60);
}

/**
 * Parses a DECP JSON text and lays its contracts out as a table whose headers are the French field
 * labels (detection maps them back exactly). Throws Error("decpInvalid" | "decpEmpty").
 */
export function decpToTable(text: string, fileName: string): DecpTableResult {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    throw new Error("decpInvalid");
  }
  if (nestedDeeperThan(json) || !isDecpJson(json)) throw new Error("decpInvalid");
  const imp = importDecp(json, fileName);
  if (imp.contracts.length === 0 && imp.reconciliation.rowsRead === 0) throw new Error("decpEmpty");
  const defs = FIELDS.contracts;
  const headers = defs.map((d) => d.label);
  const date = (d: number | null) => (d === null ? null : excelSerialFromDay(d));
  const money = (c: number | null) => (c === null ? null : c / 100);
  const yes = (b: boolean | null) => (b === null ? null : b ? "Oui" : "Non");
  const rows: Cell[][] = imp.contracts.map((c) => {
    const values: Record<string, Cell> = {
      contractRef: c.contractRef,
      entity: c.entity,
      entityId: c.entityId,
      description: c.description,
      cpv: c.cpv,
      nature: c.nature,
      procedure: c.procedure ?? c.procedureRaw,
      techniques: c.techniques,
      launchDate: date(c.launchDate),
      notificationDate: date(c.notificationDate),
      durationMonths: c.durationMonths,
      endDate: date(c.endDate),
      amount: money(c.amountCents),
      estimatedAmount: money(c.estimatedAmountCents),
      amendedAmount: money(c.amendedAmountCents),
      bidsReceived: c.bidsReceived,
      supplierName:
        c.holders.length > 1
          ? c.holders
              .map((h) => h.name ?? h.id ?? "")
              .filter(Boolean)
              .join(" ; ")
          : c.supplierName,
      supplierId: c.supplierId,
      sme: yes(c.sme),
      socialConsideration: yes(c.socialConsideration),
      environmentalConsideration: yes(c.environmentalConsideration),
      lots: c.lots,
      channel: c.channel,
      members: c.members.length > 0 ? c.members.join(" ; ") : null,
    };
    return defs.map((d) => values[d.key] ?? null);
  });
  const numberFormats = defs.map((d) => {
    if (["launchDate", "notificationDate", "endDate"].includes(d.key)) return DATE_FORMAT;
    if (["amount", "estimatedAmount", "amendedAmount"].includes(d.key)) return EUR_FORMAT;
    if (["durationMonths", "bidsReceived", "lots"].includes(d.key)) return "0";
    return "@";
  });
  const rejectedAnomalies = imp.anomalies.filter((a) => a.severity === "rejected");
  return {
    table: {
      sheetName: "Marchés DECP",
      tableName: decpTableName(fileName),
      headers,
      rows,
      numberFormats,
    },
    imported: imp.contracts.length,
    rejected: imp.reconciliation.rowsRejected,
    reasons: [...new Set(rejectedAnomalies.map((a) => render("fr", a.reason)))].slice(0, 3),
  };
}
