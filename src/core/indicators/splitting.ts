/**
 * CO1 possible splitting (saucissonnage, R2121-4 to R2121-6 CCP) — the detection itself, shared by
 * the compliance indicator and the plan stratégique.
 *
 * Rule (SPEC §4 CO1):
 * - Scope: the lines of the whole civil years touched by the period (a monthly analysis still
 *   sees its year's cumulated purchases), not bought under a contract (`isUnderContract`).
 * - Groups: legal buyer (entity) × homogeneous family × civil year, supplies/services and works
 *   kept apart (their thresholds differ). Works lines that name an operation are grouped per
 *   entity × operation × year instead (R2121-5). Lines of the "Non classé" family are not grouped
 *   (no homogeneous need can be inferred); families flagged excludedFromSplitting in the
 *   nomenclature are skipped and listed with their reason.
 * - Credit notes are netted in the group's sum but are not purchases (not counted, not the first
 *   purchase, not compared with the threshold).
 * - Threshold: the dispense threshold in force on the group's first purchase, by nature.
 * - Alert when the net sum reaches the threshold while every purchase is below it. A purchase at or
 *   above the threshold is a different signal (direct purchase above the threshold), reported on
 *   its own; its group is then not a splitting alert.
 * - Severity: "à vérifier" from the dispense threshold, "élevée" from the publicity threshold
 *   (90 000 €), "très élevée" from the EU threshold in force on the first purchase.
 */
import { isUnderContract } from "../channel";
import { contractsByRef } from "../context";
import type { Nature, SpendLine } from "../model";
import { formatEuros } from "../money";
import { dispenseRowAt, euThresholdAt } from "../reference/values";
import { civilYearsOf, yearIndexOf, type CivilYears } from "./civil-years";
import type { AnalysisContext } from "./types";

export type SplittingSeverity = "à vérifier" | "élevée" | "très élevée";

export interface SplittingAlert {
  /** "CO1-001", in the order of the alerts (most severe, then largest, first). */
  id: string;
  entity: string;
  groupedBy: "famille" | "opération";
  familyKey: string;
  familyLabel: string;
  /** The works operation when groupedBy is "opération". */
  operation: string | null;
  year: number;
  /** "Travaux", or the nature shared by the lines (null when unknown or mixed supplies/services). */
  nature: Nature | null;
  thresholdCents: number;
  /** Source of the dispense threshold row, e.g. "Décret n° 2025-1386". */
  thresholdSource: string;
  /** Net sum (credit notes deducted). */
  totalCents: number;
  /** Purchases (credit notes excluded). */
  lineCount: number;
  creditCount: number;
  supplierCount: number;
  /** Day of the first purchase. */
  firstDate: number;
  lastDate: number;
  severity: SplittingSeverity;
  /** French wording of the signal to check. */
  message: string;
  /** Every line of the group (purchases and credit notes), by date. */
  lines: SpendLine[];
}

/** A single purchase at or above the dispense threshold of its group, outside any contract. */
export interface SingleAboveThreshold {
  line: SpendLine;
  groupedBy: "famille" | "opération";
  familyLabel: string;
  operation: string | null;
  year: number;
  thresholdCents: number;
  thresholdSource: string;
  message: string;
}

/** A family excluded from the splitting check by the nomenclature. */
export interface ExcludedFamily {
  familyCode: string;
  familyKey: string;
  familyLabel: string;
  reason: string;
  lines: number;
  amountCents: number;
}

/** What the scope pass sees: the lines of the civil years, and those outside any contract. */
export interface ThresholdScope {
  years: CivilYears;
  linesInYears: number;
  /** Lines of those years with a classified family (or, for works, an operation) and an entity. */
  linesWithGroup: number;
  /** Lines of those years not under a contract (purchases and credit notes). */
  outside: SpendLine[];
  /** Year index (in years.years) of each line of `outside`. */
  outsideYear: number[];
}

export interface SplittingAnalysis {
  scope: ThresholdScope;
  alerts: SplittingAlert[];
  singles: SingleAboveThreshold[];
  excluded: ExcludedFamily[];
  /** Hors-marché lines left out because their family is "Non classé". */
  unclassifiedOutside: number;
}

const scopeCache = new WeakMap<AnalysisContext, ThresholdScope>();
const analysisCache = new WeakMap<AnalysisContext, SplittingAnalysis>();

/** Whether a line is grouped per works operation rather than per family. */
export function groupsByOperation(line: SpendLine): boolean {
  return line.nature === "Travaux" && line.operation !== null && line.operation.trim() !== "";
}

/** Lines of the civil years touched by the period, and those bought outside any contract (memoised). */
export function thresholdScope(ctx: AnalysisContext): ThresholdScope {
  const cached = scopeCache.get(ctx);
  if (cached) return cached;
  const years = civilYearsOf(ctx.period);
  const byRef = contractsByRef(ctx.contracts);
  const ugap = ctx.ref.ugapSiren.value;
  const outside: SpendLine[] = [];
  const outsideYear: number[] = [];
  let linesInYears = 0;
  let linesWithGroup = 0;
  for (const line of ctx.allLines) {
    const yi = yearIndexOf(years, line.date);
    if (yi < 0) continue;
    linesInYears++;
    if (line.entity !== "" && (line.family.rule !== "unclassified" || groupsByOperation(line)))
      linesWithGroup++;
    if (isUnderContract(line, byRef, ugap)) continue;
    outside.push(line);
    outsideYear.push(yi);
  }
  const scope = { years, linesInYears, linesWithGroup, outside, outsideYear };
  scopeCache.set(ctx, scope);
  return scope;
}

interface Group {
  entity: string;
  byOperation: boolean;
  works: boolean;
  familyKey: string;
  familyLabel: string;
  operation: string | null;
  year: number;
  /** undefined: none seen yet; null: mixed. */
  nature: Nature | null | undefined;
  netCents: number;
  purchases: number;
  credits: number;
  firstDate: number;
  lastDate: number;
  maxPurchaseCents: number;
  /** Set after the sums: the group is an alert, or holds a purchase at or above its threshold. */
  flagged: boolean;
  /** Filled in a second pass, for flagged groups only. */
  lines: SpendLine[];
}

/** Groups by entity, then family key (or operation), then slot (year index × 2 + works). */
type GroupIndex = Map<string, Map<string, (Group | undefined)[]>>;

/** The slots of an entity × key, created filled (in-bounds reads stay fast). */
function slotsOf(
  index: GroupIndex,
  entity: string,
  key: string,
  size: number
): (Group | undefined)[] {
  let byKey = index.get(entity);
  if (!byKey) index.set(entity, (byKey = new Map()));
  let slots = byKey.get(key);
  if (!slots) byKey.set(key, (slots = new Array<Group | undefined>(size).fill(undefined)));
  return slots;
}

/** The splitting alerts of the context (memoised per context). */
export function detectSplitting(ctx: AnalysisContext): SplittingAlert[] {
  return analyseSplitting(ctx).alerts;
}

/** The full CO1 analysis: alerts, single purchases above threshold, excluded families. */
export function analyseSplitting(ctx: AnalysisContext): SplittingAnalysis {
  const cached = analysisCache.get(ctx);
  if (cached) return cached;
  const scope = thresholdScope(ctx);
  const byFamily: GroupIndex = new Map();
  const byOperationIndex: GroupIndex = new Map();
  const all: Group[] = [];
  /** Group of each line of scope.outside (undefined when the line is not grouped). */
  const groupOf: (Group | undefined)[] = new Array<Group | undefined>(scope.outside.length);
  const excluded = new Map<string, ExcludedFamily>();
  let unclassifiedOutside = 0;
  const slotCount = scope.years.years.length * 2;

  for (let i = 0; i < scope.outside.length; i++) {
    const line = scope.outside[i];
    const nomenclatureRow =
      line.familyCode === null ? undefined : ctx.nomenclature.get(line.familyCode);
    if (nomenclatureRow?.excludedFromSplitting === true) {
      addExcluded(excluded, line, nomenclatureRow.exclusionReason);
      continue;
    }
    const byOperation = groupsByOperation(line);
    if (line.entity === "" || (!byOperation && line.family.rule === "unclassified")) {
      unclassifiedOutside++;
      continue;
    }
    const works = line.nature === "Travaux";
    const yi = scope.outsideYear[i];
    const operation = byOperation ? (line.operation as string).trim() : null;
    const slots = slotsOf(
      byOperation ? byOperationIndex : byFamily,
      line.entity,
      operation ?? line.family.key,
      slotCount
    );
    const slot = yi * 2 + (works ? 1 : 0);
    let g = slots[slot];
    if (!g) {
      g = {
        entity: line.entity,
        byOperation,
        works,
        familyKey: line.family.key,
        familyLabel: line.family.label,
        operation,
        year: scope.years.years[yi],
        nature: undefined,
        netCents: 0,
        purchases: 0,
        credits: 0,
        firstDate: Infinity,
        lastDate: -Infinity,
        maxPurchaseCents: 0,
        flagged: false,
        lines: [],
      };
      slots[slot] = g;
      all.push(g);
    }
    groupOf[i] = g;
    g.netCents += line.amountHTCents;
    if (line.nature !== null)
      g.nature = g.nature === undefined || g.nature === line.nature ? line.nature : null;
    if (line.isCredit || line.amountHTCents < 0) {
      g.credits++;
      continue;
    }
    g.purchases++;
    if (line.date < g.firstDate) g.firstDate = line.date;
    if (line.date > g.lastDate) g.lastDate = line.date;
    if (line.amountHTCents > g.maxPurchaseCents) g.maxPurchaseCents = line.amountHTCents;
  }

  const thresholds = new Map<Group, { cents: number; source: string }>();
  for (const g of all) {
    if (g.purchases === 0) continue;
    const row = dispenseRowAt(ctx.ref, g.firstDate);
    const cents = g.works ? row.worksCents : row.suppliesServicesCents;
    if (g.maxPurchaseCents >= cents || g.netCents >= cents) {
      g.flagged = true;
      thresholds.set(g, { cents, source: row.source });
    }
  }
  for (let i = 0; i < groupOf.length; i++) {
    const g = groupOf[i];
    if (g !== undefined && g.flagged) g.lines.push(scope.outside[i]);
  }

  const found: Omit<SplittingAlert, "id">[] = [];
  const singles: SingleAboveThreshold[] = [];
  for (const [g, t] of thresholds) {
    const threshold = t.cents;
    if (g.maxPurchaseCents >= threshold) {
      for (const line of g.lines)
        if (!line.isCredit && line.amountHTCents >= threshold)
          singles.push(single(g, line, threshold, t.source));
      continue;
    }
    const nature: Nature | null = g.works ? "Travaux" : (g.nature ?? null);
    const eu = euThresholdAt(ctx.ref, g.firstDate, g.works ? "Travaux" : "Fournitures");
    const publicity = ctx.ref.publicityThresholdCents.value;
    const severity: SplittingSeverity =
      g.netCents >= eu ? "très élevée" : g.netCents >= publicity ? "élevée" : "à vérifier";
    const suppliers = new Set<string>();
    for (const line of g.lines) suppliers.add(line.supplierKey);
    const lines = g.lines.sort((a, b) => a.date - b.date || a.source.row - b.source.row);
    found.push({
      entity: g.entity,
      groupedBy: g.byOperation ? "opération" : "famille",
      familyKey: g.familyKey,
      familyLabel: g.familyLabel,
      operation: g.operation,
      year: g.year,
      nature,
      thresholdCents: threshold,
      thresholdSource: t.source,
      totalCents: g.netCents,
      lineCount: g.purchases,
      creditCount: g.credits,
      supplierCount: suppliers.size,
      firstDate: g.firstDate,
      lastDate: g.lastDate,
      severity,
      message: alertMessage(g, threshold, severity, eu, publicity),
      lines,
    });
  }
  found.sort(
    (a, b) =>
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      b.totalCents - a.totalCents ||
      compareText(a.entity, b.entity) ||
      a.year - b.year ||
      compareText(a.operation ?? a.familyKey, b.operation ?? b.familyKey)
  );
  const alerts = found.map((a, i) => ({ id: `CO1-${String(i + 1).padStart(3, "0")}`, ...a }));
  singles.sort((a, b) => a.line.date - b.line.date || a.line.source.row - b.line.source.row);
  const excludedList = [...excluded.values()].sort((a, b) =>
    compareText(a.familyCode, b.familyCode)
  );
  const analysis = { scope, alerts, singles, excluded: excludedList, unclassifiedOutside };
  analysisCache.set(ctx, analysis);
  return analysis;
}

const SEVERITY_RANK: Record<SplittingSeverity, number> = {
  "à vérifier": 1,
  élevée: 2,
  "très élevée": 3,
};

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function addExcluded(
  map: Map<string, ExcludedFamily>,
  line: SpendLine,
  reason: string | null
): void {
  const code = line.familyCode as string;
  let e = map.get(code);
  if (!e) {
    e = {
      familyCode: code,
      familyKey: line.family.key,
      familyLabel: line.family.label,
      reason: reason ?? "Exclue du contrôle de fractionnement (motif non renseigné)",
      lines: 0,
      amountCents: 0,
    };
    map.set(code, e);
  }
  e.lines++;
  e.amountCents += line.amountHTCents;
}

/** Euros without cents when whole: "45 200 €", else "45 200,50 €". */
export function euros(cents: number): string {
  return formatEuros(cents).replace(/,00 €$/, " €");
}

function subjectOf(g: Pick<Group, "byOperation" | "operation" | "familyLabel">): string {
  return g.byOperation
    ? `l'opération de travaux « ${g.operation} »`
    : `la famille ${g.familyLabel}`;
}

function alertMessage(
  g: Group,
  threshold: number,
  severity: SplittingSeverity,
  eu: number,
  publicity: number
): string {
  const thresholdName = g.works ? "seuil de dispense travaux" : "seuil de dispense";
  const need = g.byOperation ? "d'une même opération de travaux" : "d'un besoin homogène";
  let text =
    `Achats hors marché cumulés de ${euros(g.netCents)} en ${g.year} (${g.entity}) pour ${subjectOf(g)} ` +
    `(${thresholdName} ${euros(threshold)}, chaque achat restant sous ce seuil) : ` +
    `vérifier s'il s'agit ${need} à mettre en concurrence.`;
  if (severity === "très élevée")
    text += ` Le cumul atteint aussi le seuil européen (${euros(eu)}).`;
  else if (severity === "élevée")
    text += ` Le cumul atteint aussi le seuil de publicité (${euros(publicity)}).`;
  return text;
}

function single(
  g: Group,
  line: SpendLine,
  threshold: number,
  source: string
): SingleAboveThreshold {
  const thresholdName = g.works ? "seuil de dispense travaux" : "seuil de dispense";
  return {
    line,
    groupedBy: g.byOperation ? "opération" : "famille",
    familyLabel: g.familyLabel,
    operation: g.operation,
    year: g.year,
    thresholdCents: threshold,
    thresholdSource: source,
    message:
      `Achat unique au-dessus du seuil : ${euros(line.amountHTCents)} hors marché (${g.entity}) pour ${subjectOf(g)}, ` +
      `au-delà du ${thresholdName} (${euros(threshold)}) : vérifier la procédure suivie.`,
  };
}
