/**
 * What the user typed in the workbook, read back from the raw values of the Plan stratégique,
 * Diagnostic 360, Paramètres and Historique sheets (renderers pass Office.js `values` or the cells
 * of an .xlsx), to be given to the next buildWorkbookSpec (previousInputs) and, for parameters, to
 * the next analyse (parametersToOverrides).
 *
 * Rows are found by the key in column A (see input-layout.ts), never by position, and both the
 * French and the English sheet names are accepted.
 */
import { excelSerialFromDay } from "../core/dates";
import type { Cell } from "../core/model";
import {
  defaultReferenceValues,
  specialThresholdLabelOf,
  type ReferenceOverrides,
  type ReferenceValues,
} from "../core/reference/values";
import { clean } from "./cells";
import { DIAGNOSTIC_QUESTIONS, parseAnswer, type DiagnosticAnswer } from "./diagnostic-questions";
import {
  DIAGNOSTIC_LAYOUT,
  ECB_LAYOUT,
  EXCLUSION_LAYOUT,
  fieldCol,
  inputFields,
  KEY_HEADERS,
  PARAMETER_LAYOUT,
  PLAN_EXTRA_ROW_SECTIONS,
  PLAN_LAYOUT,
  splitPlanKey,
  SPECIAL_LAYOUT,
  SYNTHESE_COMMENT_LABELS,
  THRESHOLD_LAYOUT,
  type FieldDef,
  type PlanSection,
} from "./input-layout";
import { header, HEADERS, SHEET_NAMES } from "./labels";
import { HISTORY_FIXED_KEYS } from "./input-layout";
import { readExpectationGrid } from "./expectations-layout";
import type { ExpectationAnswers } from "../core/territories/expectations";
import {
  DATED_FIELDS,
  DATED_SECTION,
  DATED_TABLES,
  fromSheetValue,
  PARAMETERS,
  parameterRaw,
  TEXT_FIELDS,
  toNumber,
  type DatedTableKey,
} from "./parameters";
import { exclusionReasonOf } from "../core/legal/exclusions";
import type { Nature } from "../core/model";
import type { Scalar, SheetKey } from "./spec";

export interface UserInputs {
  /**
   * Plan stratégique: row key "<section>/<id>" (e.g. "actions/F:INFO", "objectives/PF1",
   * "renewals/M-12") → input field → value as read (Excel-native: dates are serials). Only
   * non-empty input cells are kept.
   */
  plan: Record<string, Record<string, Scalar>>;
  /** Action-plan rows the user added without a key: every field → value. */
  planExtraRows: Record<string, Scalar>[];
  /** Diagnostic 360: question id → answer 0–3. */
  diagnostic: Record<string, DiagnosticAnswer>;
  /** Diagnostic 360: question id → comment. */
  diagnosticComments: Record<string, string>;
  /** Paramètres: parameter id (ReferenceValues path) → sheet value (euros, fraction, serial, text). */
  parameters: Record<string, Scalar>;
  /** Paramètres: dated tables as edited (every row, Excel-native values), when readable. */
  parameterTables: Partial<Record<DatedTableKey, Record<string, Scalar>[]>>;
  /** Historique: one record per period (column key → value), in sheet order. */
  history: Record<string, Scalar>[];
  /** Attentes des territoires: service id → territory → importance and satisfaction (0–3). */
  expectations?: ExpectationAnswers;
  /** Attentes des territoires: the territory columns of the sheet, in order. */
  expectationTerritories?: string[];
  /** Synthèse: the director's comment (issue #12). */
  synthesisComment?: string;
  /** French notes on values that could not be read (kept out of the inputs). */
  issues: string[];
}

export function emptyInputs(): UserInputs {
  return {
    plan: {},
    planExtraRows: [],
    diagnostic: {},
    diagnosticComments: {},
    parameters: {},
    parameterTables: {},
    history: [],
    issues: [],
  };
}

type Grid = Cell[][];

/** A raw cell as a spec scalar: Date → Excel serial (UTC day), "" → null, strings trimmed at the ends only when blank. */
export function cellScalar(c: Cell): Scalar {
  if (c === null || c === undefined) return null;
  if (c instanceof Date) {
    const t = c.getTime();
    if (Number.isNaN(t)) return null;
    return excelSerialFromDay(Math.floor(t / 86_400_000)) + clean((t % 86_400_000) / 86_400_000);
  }
  if (typeof c === "string") return c.trim() === "" ? null : c;
  if (typeof c === "number") return Number.isFinite(c) ? c : null;
  return c;
}

function cellAt(grid: Grid, r: number, c: number): Scalar {
  const row = grid[r];
  return row ? cellScalar(row[c]) : null;
}

function keyAt(grid: Grid, r: number): string | null {
  const v = cellAt(grid, r, 0);
  return typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : null;
}

function findSheet(sheets: Record<string, Grid>, key: SheetKey): Grid | null {
  const names = [key, ...SHEET_NAMES[key]];
  for (const n of names) if (sheets[n]) return sheets[n];
  // Tolerate case and surrounding spaces.
  const wanted = new Set(names.map((n) => n.trim().toLowerCase()));
  for (const [n, g] of Object.entries(sheets)) if (wanted.has(n.trim().toLowerCase())) return g;
  return null;
}

interface KeyedRow {
  key: string | null;
  row: number;
  /** Section of the last "#" marker above. */
  section: string | null;
  /** After the section's header row. */
  afterHeader: boolean;
  /** Row of that header (the last one above), null before it. */
  headerRow: number | null;
}

/** Walks the rows: section markers ("#x"), header rows ("Clé"), keyed rows and blank-key rows. */
function walk(grid: Grid): KeyedRow[] {
  const out: KeyedRow[] = [];
  let section: string | null = null;
  let afterHeader = false;
  let headerRow: number | null = null;
  for (let r = 0; r < grid.length; r++) {
    const key = keyAt(grid, r);
    if (key !== null && key.startsWith("#")) {
      section = key.slice(1);
      afterHeader = false;
      headerRow = null;
      continue;
    }
    if (key !== null && KEY_HEADERS.includes(key)) {
      afterHeader = true;
      headerRow = r;
      continue;
    }
    out.push({ key, row: r, section, afterHeader, headerRow });
  }
  return out;
}

/** Column of each field, by position in the layout. */
type Columns = (field: string) => number;

/**
 * Columns of a plan table found by its header row, in either language: a workbook written with
 * an earlier column order (the plan's columns were reordered for print, issue #12) or whose
 * columns the user moved is read where each field really is. Null (read by position) when a
 * field's header is missing or found twice.
 */
function headerColumns(
  grid: Grid,
  headerRow: number | null,
  layout: readonly FieldDef[]
): Columns | null {
  if (headerRow === null) return null;
  const row = grid[headerRow] ?? [];
  const texts = row.map((c) => {
    const v = cellScalar(c);
    return typeof v === "string" ? v.trim().toLowerCase() : null;
  });
  const found = new Map<string, number>();
  for (const d of layout) {
    if (d.field === "key") continue;
    const names = new Set(
      [header("fr", d.header), header("en", d.header)].map((n) => n.toLowerCase())
    );
    const cols = texts.flatMap((t, c) => (t !== null && names.has(t) ? [c] : []));
    if (cols.length !== 1) return null;
    found.set(d.field, cols[0]);
  }
  if (new Set(found.values()).size !== found.size) return null;
  return (field) => found.get(field) ?? fieldCol(layout, field);
}

function rowFields(
  grid: Grid,
  r: number,
  layout: readonly FieldDef[],
  fields: string[],
  columns: Columns = (field) => fieldCol(layout, field)
): Record<string, Scalar> {
  const out: Record<string, Scalar> = {};
  for (const field of fields) {
    const v = cellAt(grid, r, columns(field));
    if (v !== null) out[field] = v;
  }
  return out;
}

function readPlan(grid: Grid, into: UserInputs): void {
  const byHeader = new Map<string, Columns | undefined>();
  const columnsOf = (kr: KeyedRow, section: PlanSection): Columns | undefined => {
    const id = `${section}@${kr.headerRow}`;
    if (!byHeader.has(id))
      byHeader.set(id, headerColumns(grid, kr.headerRow, PLAN_LAYOUT[section]) ?? undefined);
    return byHeader.get(id);
  };
  for (const kr of walk(grid)) {
    if (kr.key !== null) {
      const parsed = splitPlanKey(kr.key);
      if (!parsed) continue;
      const layout = PLAN_LAYOUT[parsed.section];
      const values = rowFields(
        grid,
        kr.row,
        layout,
        inputFields(layout),
        columnsOf(kr, parsed.section)
      );
      if (Object.keys(values).length > 0)
        into.plan[kr.key] = { ...(into.plan[kr.key] ?? {}), ...values };
    } else if (
      kr.afterHeader &&
      kr.section !== null &&
      PLAN_EXTRA_ROW_SECTIONS.includes(kr.section as PlanSection)
    ) {
      const layout = PLAN_LAYOUT[kr.section as PlanSection];
      const fields = layout.filter((d) => d.field !== "key").map((d) => d.field);
      const values = rowFields(
        grid,
        kr.row,
        layout,
        fields,
        columnsOf(kr, kr.section as PlanSection)
      );
      // A user row needs at least one typed cell among its inputs or its description.
      const typed = Object.keys(values).filter(
        (k) => inputFields(layout).includes(k) || k === "familyLabel"
      );
      if (typed.length > 0) into.planExtraRows.push(values);
    }
  }
}

const QUESTION_IDS = new Set(DIAGNOSTIC_QUESTIONS.map((q) => q.id));

function readDiagnostic(grid: Grid, into: UserInputs): void {
  const answerCol = fieldCol(DIAGNOSTIC_LAYOUT, "answer");
  const commentCol = fieldCol(DIAGNOSTIC_LAYOUT, "comment");
  for (const kr of walk(grid)) {
    if (kr.key === null || !QUESTION_IDS.has(kr.key)) continue;
    const raw = cellAt(grid, kr.row, answerCol);
    const answer = parseAnswer(raw);
    if (answer !== null) into.diagnostic[kr.key] = answer;
    else if (raw !== null)
      into.issues.push(
        `Diagnostic 360, question ${kr.key} : réponse « ${String(raw)} » non reconnue (attendu 0 à 3), ignorée.`
      );
    const comment = cellAt(grid, kr.row, commentCol);
    if (comment !== null) into.diagnosticComments[kr.key] = String(comment);
  }
}

const PARAMETER_BY_ID = new Map(PARAMETERS.map((p) => [p.id, p]));

const DATED_LAYOUT: Record<DatedTableKey, readonly FieldDef[]> = {
  dispenseThresholds: THRESHOLD_LAYOUT,
  specialDispenseThresholds: SPECIAL_LAYOUT,
  euThresholds: THRESHOLD_LAYOUT,
  ecbRates: ECB_LAYOUT,
  supplierExclusions: EXCLUSION_LAYOUT,
};

function readDatedRow(grid: Grid, r: number, table: DatedTableKey): Record<string, Scalar> | null {
  const layout = DATED_LAYOUT[table];
  const out: Record<string, Scalar> = {};
  let any = false;
  for (const field of DATED_FIELDS[table]) {
    const v = cellAt(grid, r, fieldCol(layout, field));
    if (v !== null) any = true;
    out[field] = TEXT_FIELDS.has(field)
      ? v === null
        ? null
        : String(v)
      : v === null
        ? null
        : toNumber(v);
  }
  return any ? out : null;
}

/** Why a row of a Paramètres table cannot be used (French), or null when it is valid. */
function datedRowIssue(table: DatedTableKey, row: Record<string, Scalar>): string | null {
  if (table === "supplierExclusions") {
    if (row.supplier === null || String(row.supplier).trim() === "")
      return "fournisseur (SIREN ou nom) manquant";
    if (row.reason === null || exclusionReasonOf(String(row.reason)) === null)
      return "motif non reconnu (attendu : centrale intermédiaire, droits d'exclusivité R2122-3, quasi-régie L2511-1 ou coopération L2511-6)";
    return null;
  }
  const from = row.from;
  if (typeof from !== "number" || from <= 0) return "date de début manquante ou invalide";
  const numeric =
    table === "ecbRates"
      ? ["rate"]
      : table === "specialDispenseThresholds"
        ? ["threshold"]
        : ["suppliesServices", "works"];
  if (numeric.some((k) => typeof row[k] !== "number" || (row[k] as number) < 0))
    return "montant ou taux manquant ou invalide";
  return null;
}

function readParameters(grid: Grid, into: UserInputs): void {
  const valueCol = fieldCol(PARAMETER_LAYOUT, "value");
  const dated: Partial<Record<DatedTableKey, Record<string, Scalar>[]>> = {};
  const sectionTable = new Map(DATED_TABLES.map((t) => [DATED_SECTION[t], t] as const));
  for (const kr of walk(grid)) {
    if (kr.key !== null && kr.key.startsWith("param/")) {
      const id = kr.key.slice("param/".length);
      const def = PARAMETER_BY_ID.get(id);
      if (!def) continue;
      const raw = cellAt(grid, kr.row, valueCol);
      if (raw === null) continue;
      if (fromSheetValue(def.kind, raw) === null) {
        into.issues.push(
          `Paramètres, ${id} : valeur « ${String(raw)} » non valide, valeur par défaut conservée.`
        );
        continue;
      }
      into.parameters[id] = def.kind === "text" ? String(raw).trim() : (toNumber(raw) as number);
      continue;
    }
    const sectionKey = kr.key !== null ? kr.key.split("/")[0] : kr.afterHeader ? kr.section : null;
    const table = sectionKey !== null ? sectionTable.get(sectionKey) : undefined;
    if (!table || (kr.key === null && kr.section !== sectionKey)) continue;
    const row = readDatedRow(grid, kr.row, table);
    if (!row) continue;
    const issue = datedRowIssue(table, row);
    if (issue !== null) {
      into.issues.push(`Paramètres, ligne ${kr.row + 1} : ${issue}, ligne ignorée.`);
      continue;
    }
    (dated[table] ??= []).push(row);
  }
  for (const t of DATED_TABLES)
    if (dated[t] && dated[t]!.length > 0) into.parameterTables[t] = dated[t];
}

/**
 * The column key of a Historique header, in either language: a fixed column ("Période" /
 * "Period"), or an indicator column "SP1 · € HT" (the leading id). Null for another column.
 */
export function historyColumnKey(headerText: Scalar): string | null {
  if (typeof headerText !== "string") return null;
  const text = headerText.trim();
  for (const key of HISTORY_FIXED_KEYS)
    if ((HEADERS[key] as readonly string[]).includes(text)) return key;
  const m = /^([A-Z]{2}\d) · /.exec(text);
  return m ? m[1] : null;
}

/**
 * History rows below the header row, until the first blank period. The header row is found by its
 * first two headers (either language); workbooks written before layout 2 have a row of column
 * keys ("period", "periodKind"…) above the header, read as the keys.
 */
function readHistory(grid: Grid, into: UserInputs): void {
  for (let r = 0; r < grid.length; r++) {
    let keys: (string | null)[] | null = null;
    let first = r + 1;
    if (keyAt(grid, r) === "period" && cellAt(grid, r, 1) === "periodKind") {
      keys = (grid[r] ?? []).map((c) => {
        const v = cellScalar(c);
        return typeof v === "string" ? v : null;
      });
      first = r + 2;
    } else if (
      historyColumnKey(cellAt(grid, r, 0)) === "period" &&
      historyColumnKey(cellAt(grid, r, 1)) === "periodKind"
    ) {
      keys = (grid[r] ?? []).map((c) => historyColumnKey(cellScalar(c)));
    }
    if (keys === null) continue;
    for (let row = first; row < grid.length; row++) {
      const period = cellAt(grid, row, 0);
      if (period === null) break;
      const rec: Record<string, Scalar> = {};
      keys.forEach((k, c) => {
        if (k !== null) rec[k] = cellAt(grid, row, c);
      });
      rec.period = String(period);
      into.history.push(rec);
    }
    return;
  }
}

/**
 * Reads the user's inputs back from raw sheet values, keyed by sheet name (French or English) or
 * by sheet key ("plan", "diagnostic", "parametres", "historique"). Missing sheets give nothing.
 */
export function readUserInputs(sheets: Record<string, Cell[][]>): UserInputs {
  const out = emptyInputs();
  const plan = findSheet(sheets, "plan");
  if (plan) readPlan(plan, out);
  const diag = findSheet(sheets, "diagnostic");
  if (diag) readDiagnostic(diag, out);
  const params = findSheet(sheets, "parametres");
  if (params) readParameters(params, out);
  const history = findSheet(sheets, "historique");
  if (history) readHistory(history, out);
  const synthese = findSheet(sheets, "synthese");
  if (synthese) {
    const comment = readSynthesisComment(synthese);
    if (comment !== null) out.synthesisComment = comment;
  }
  const expectations = findSheet(sheets, "attentes");
  if (expectations) {
    const read = readExpectationGrid(expectations, out.issues);
    out.expectations = read.answers;
    out.expectationTerritories = read.territories;
  }
  return out;
}

/**
 * The Synthèse's comment: the cell two rows below the « Commentaire de la direction » section
 * title (the help line between them), in column A; null when empty or not found.
 */
function readSynthesisComment(grid: Grid): string | null {
  const labels = new Set(SYNTHESE_COMMENT_LABELS.map((l) => l.toLowerCase()));
  for (let r = 0; r < grid.length; r++) {
    const v = grid[r]?.[0];
    if (typeof v !== "string" || !labels.has(v.trim().toLowerCase())) continue;
    const c = grid[r + 2]?.[0];
    if (c === null || c === undefined) return null;
    const text = c instanceof Date ? c.toISOString().slice(0, 10) : String(c);
    return text.trim() === "" ? null : text;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Parameters → ReferenceOverrides

type Loose = Record<string, unknown>;

function setPath(overrides: Loose, base: ReferenceValues, path: string[], value: unknown): void {
  const [top, ...rest] = path;
  const current = (overrides[top] as Loose | undefined) ?? {};
  if (rest.length === 1) {
    overrides[top] = { ...current, [rest[0]]: value };
    return;
  }
  // Deeper paths: withOverrides merges one level only, so the nested object is given whole.
  const [mid, leaf] = rest;
  const baseMid = ((base as unknown as Loose)[top] as Loose)[mid] as Loose;
  const curMid = (current[mid] as Loose | undefined) ?? baseMid;
  overrides[top] = { ...current, [mid]: { ...curMid, [leaf]: value } };
}

const NATURES: readonly Nature[] = ["Fournitures", "Services", "Travaux"];

/** "2211 ; 22113" → ["2211", "22113"] (digits only). */
function prefixList(v: Scalar): string[] {
  if (v === null) return [];
  return String(v)
    .split(/[;,\s]+/)
    .map((x) => x.replace(/\D/g, ""))
    .filter((x) => x !== "");
}

function datedToReference(table: DatedTableKey, rows: Record<string, Scalar>[]): unknown[] {
  const day = (v: Scalar) => (typeof v === "number" ? (fromSheetValue("date", v) as number) : null);
  if (table === "supplierExclusions") {
    return rows.map((r) => ({
      supplier: String(r.supplier).trim(),
      reason: exclusionReasonOf(String(r.reason)),
      note: r.note === null || String(r.note).trim() === "" ? null : String(r.note).trim(),
    }));
  }
  const sorted = [...rows].sort((a, b) => (a.from as number) - (b.from as number));
  if (table === "specialDispenseThresholds") {
    return sorted.map((r) => ({
      rule: r.rule === null ? "" : String(r.rule),
      label: specialThresholdLabelOf(
        r.rule === null ? "" : String(r.rule),
        r.label === null ? "" : String(r.label)
      ),
      from: day(r.from),
      to: day(r.to),
      cents: Math.round((r.threshold as number) * 100),
      natures: NATURES.filter((n) =>
        String(r.natures ?? "")
          .toLowerCase()
          .includes(n.toLowerCase())
      ),
      cpvPrefixes: prefixList(r.cpvPrefixes),
      excludedCpvPrefixes: prefixList(r.excludedCpvPrefixes),
      budgetArticles: prefixList(r.budgetArticles),
      innovative: /^(oui|o|yes|y|vrai|true|1|x)$/i.test(String(r.innovative ?? "").trim()),
      source: r.source === null ? "" : String(r.source),
    }));
  }
  if (table === "ecbRates") {
    return sorted.map((r) => ({
      from: day(r.from),
      ratePercent: clean((r.rate as number) * 100),
      source: r.source === null ? "" : String(r.source),
    }));
  }
  return sorted.map((r) => ({
    from: day(r.from),
    to: day(r.to),
    suppliesServicesCents: Math.round((r.suppliesServices as number) * 100),
    worksCents: Math.round((r.works as number) * 100),
    source: r.source === null ? "" : String(r.source),
  }));
}

/**
 * The reference overrides for the next analyse(): only the parameters whose value differs from
 * `base` (default: the SPEC §3 values), and the dated tables whose rows differ.
 */
export function parametersToOverrides(
  inputs: Pick<UserInputs, "parameters" | "parameterTables">,
  base: ReferenceValues = defaultReferenceValues()
): ReferenceOverrides {
  const overrides: Loose = {};
  for (const def of PARAMETERS) {
    if (!(def.id in inputs.parameters)) continue;
    const value = fromSheetValue(def.kind, inputs.parameters[def.id]);
    if (value === null || value === parameterRaw(base, def)) continue;
    setPath(overrides, base, def.id.split("."), value);
  }
  for (const t of DATED_TABLES) {
    const rows = inputs.parameterTables[t];
    if (!rows || rows.length === 0) continue;
    const converted = datedToReference(t, rows);
    if (JSON.stringify(converted) !== JSON.stringify(base[t])) overrides[t] = converted;
  }
  return overrides as ReferenceOverrides;
}
