/**
 * CO1 possible splitting (saucissonnage, R2121-1 to R2121-6 CCP) — the detection itself, shared by
 * the compliance indicator and the plan stratégique.
 *
 * Rule (SPEC §4 CO1):
 * - Scope: the lines of the whole civil years touched by the period (a monthly analysis still
 *   sees its year's cumulated purchases), not bought under a contract (`isUnderContract`), plus the
 *   lines bought under a marché passé sans publicité ni mise en concurrence: such a marché does not
 *   take its purchases out of the homogeneous need (R2121-6). Such a marché counts in the civil
 *   year it was concluded (launch date, else notification; R2121-1 values the need at the
 *   launch): its invoices of a later year are the execution of an earlier purchase and are not
 *   summed again with that year's purchases.
 * - Groups: legal buyer × homogeneous family × civil year, supplies/services and works kept apart
 *   (their thresholds differ). The legal buyer groups the budgets of one SIREN when the Entités
 *   table gives SIRETs (budgets annexes are not separate buyers). Works are counted per operation
 *   (R2121-5): works lines that name an operation are grouped per buyer × operation × year; works
 *   lines without an operation are not summed at all but listed as "opération non renseignée — à
 *   vérifier" (no splitting count). Lines of the "Non classé" family are not grouped; families
 *   flagged excludedFromSplitting in the nomenclature, and suppliers excluded in the Paramètres
 *   sheet (centrale intermédiaire, R2122-3, L2511-1, L2511-6), are skipped and listed with their
 *   reason.
 * - Credit notes are netted in the group's sum but are not purchases (not counted, not the first
 *   purchase, not compared with the threshold).
 * - Threshold: the dispense threshold in force on the group's first purchase, by nature.
 * - Alert when the net sum of at least two purchases reaches the threshold. A purchase at or above
 *   the threshold does not cancel its group: the group is still alerted, and the purchase is also
 *   listed on its own (purchase above the threshold without procedure).
 * - Severity: "à vérifier" from the dispense threshold, "élevée" from the publicity threshold
 *   (90 000 €), "très élevée" from the EU threshold in force on the first purchase. An alert that
 *   rests only on a catch-all budget article (611, 60628, 2188…) says so and keeps "à vérifier".
 */
import { isUnderContract } from "../channel";
import {
  budgetArticleFamily,
  catchAllArticle,
  natureToSpecifyArticle,
  outOfScopeArticle,
} from "../classify";
import { contractsByRef } from "../context";
import { isoDate, ymdFromDay } from "../dates";
import { legalBuyerOf } from "../legal/buyer";
import { EXCLUSION_REASONS, supplierExclusionOf } from "../legal/exclusions";
import type { Nature, SpendLine } from "../model";
import { formatEuros, toEuros } from "../money";
import type { Message } from "../messages/render";
import { euThresholdAt, specialThresholdName } from "../reference/values";
import { civilYearsOf, yearIndexOf, type CivilYears } from "./civil-years";
import { DIRECT_AWARD } from "./performance";
import { coded, messageOf, type CodedText, type MessageCode } from "./compliance-messages";
import { dispenseForLines, type DispenseThreshold } from "../reference/special-thresholds";
import type { AnalysisContext } from "./types";

export type SplittingSeverity = "à vérifier" | "élevée" | "très élevée";

/** What a splitting group counts, as the alert and its row both give it. */
export type SplittingCounts = {
  /** Purchases (credit notes excluded). */
  lineCount: number;
  creditCount: number;
  supplierCount: number;
  /** Purchases that reach the threshold on their own (also listed as single purchases). */
  aboveThresholdCount: number;
  /** Lines bought under a marché passé sans publicité ni mise en concurrence (R2121-6). */
  underDirectAwardCount: number;
  /** The catch-all budget article the grouping rests on, or null. */
  catchAllArticle: string | null;
};

export interface SplittingAlert extends SplittingCounts {
  /** "CO1-001", in the order of the alerts (most severe, then largest, first). */
  id: string;
  /** The legal buyer's label (entity name, or "A + B" for the budgets of one SIREN). */
  entity: string;
  buyerKey: string;
  /** The entity names (budgets) behind the buyer. */
  budgets: string[];
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
  /** Article of the threshold: "R2122-8", or a special one ("R2122-9"…). */
  thresholdRule: string;
  /** Net sum (credit notes deducted). */
  totalCents: number;
  /** Day of the first purchase. */
  firstDate: number;
  lastDate: number;
  severity: SplittingSeverity;
  /** French wording of the signal to check. */
  message: string;
  /** The coded parts of the message (main code first). */
  messageParts: CodedText[];
  legalBasis: CodedText;
  why: CodedText;
  clear: CodedText;
  /** Every line of the group (purchases and credit notes), by date. */
  lines: SpendLine[];
}

/** A single purchase at or above the dispense threshold of its group, outside any contract. */
export interface SingleAboveThreshold {
  line: SpendLine;
  entity: string;
  groupedBy: "famille" | "opération";
  familyLabel: string;
  operation: string | null;
  year: number;
  thresholdCents: number;
  thresholdSource: string;
  thresholdRule: string;
  message: string;
  messageParts: CodedText[];
  legalBasis: CodedText;
  why: CodedText;
  clear: CodedText;
}

/** Works lines without an operation, per buyer × family × year, whose net sum reaches the works threshold. */
export interface WorksWithoutOperation {
  entity: string;
  familyKey: string;
  familyLabel: string;
  year: number;
  lineCount: number;
  totalCents: number;
  thresholdCents: number;
  thresholdSource: string;
  message: CodedText;
  legalBasis: CodedText;
  clear: CodedText;
}

/** Lines whose nature is "à préciser" (mixed budget article, no CPV or nomenclature nature). */
export interface NatureToSpecify {
  article: string;
  label: string;
  lines: number;
  amountCents: number;
  message: CodedText;
  clear: CodedText;
}

/**
 * Lines excluded from the splitting check: by family (nomenclature), by supplier (Paramètres), or
 * by budget article outside the code (L2512-5).
 */
export interface ExcludedFamily {
  scope: "famille" | "fournisseur" | "article";
  familyCode: string;
  familyKey: string;
  familyLabel: string;
  /** The excluded supplier (scope fournisseur), else null. */
  supplier: string | null;
  /** French text of the reason (the nomenclature's reason as the user wrote it, for a family). */
  reason: string;
  reasonCode: MessageCode;
  /** The reason as a message (catalogue texts), or null when it is the user's own text. */
  reasonText: CodedText | null;
  legalBasis: string | null;
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
  /**
   * Lines of those years bought under a marché passé sans publicité ni mise en concurrence
   * concluded (launched, else notified) in the same civil year as the line.
   */
  underDirectAward: SpendLine[];
  underDirectAwardYear: number[];
  /**
   * Lines under such a marché concluded in another civil year: the execution of an earlier
   * purchase, counted in the year of the marché, not in the year of the invoice (R2121-1).
   */
  underDirectAwardOtherYear: number;
}

export interface SplittingAnalysis {
  scope: ThresholdScope;
  alerts: SplittingAlert[];
  singles: SingleAboveThreshold[];
  excluded: ExcludedFamily[];
  worksWithoutOperation: WorksWithoutOperation[];
  natureToSpecify: NatureToSpecify[];
  /** Works lines (hors marché) without an operation: not summed. */
  worksLinesWithoutOperation: number;
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
  const underDirectAward: SpendLine[] = [];
  const underDirectAwardYear: number[] = [];
  let linesInYears = 0;
  let linesWithGroup = 0;
  let underDirectAwardOtherYear = 0;
  for (const line of ctx.allLines) {
    const yi = yearIndexOf(years, line.date);
    if (yi < 0) continue;
    linesInYears++;
    if (line.entity !== "" && (line.family.rule !== "unclassified" || groupsByOperation(line)))
      linesWithGroup++;
    if (isUnderContract(line, byRef, ugap)) {
      const c = line.contractRef === null ? undefined : byRef.get(line.contractRef);
      if (
        c?.procedure === DIRECT_AWARD &&
        (line.channel === null || line.channel === "Marché propre")
      ) {
        // The marché counts toward the need of the year it was concluded (R2121-1: the value is
        // estimated when the consultation is launched); its invoices of a later year are the
        // execution of that earlier purchase, not a new one of the later year.
        const concluded = c.launchDate ?? c.notificationDate;
        if (concluded !== null && ymdFromDay(concluded).year !== years.years[yi]) {
          underDirectAwardOtherYear++;
          continue;
        }
        underDirectAward.push(line);
        underDirectAwardYear.push(yi);
      }
      continue;
    }
    outside.push(line);
    outsideYear.push(yi);
  }
  const scope = {
    years,
    linesInYears,
    linesWithGroup,
    outside,
    outsideYear,
    underDirectAward,
    underDirectAwardYear,
    underDirectAwardOtherYear,
  };
  scopeCache.set(ctx, scope);
  return scope;
}

interface Group {
  buyerKey: string;
  entity: string;
  budgets: string[];
  /** "famille", "opération", or works without operation (listed, never alerted). */
  kind: "famille" | "opération" | "travaux sans opération";
  works: boolean;
  familyKey: string;
  familyLabel: string;
  family: SpendLine["family"];
  operation: string | null;
  year: number;
  /** undefined: none seen yet; null: mixed. */
  nature: Nature | null | undefined;
  netCents: number;
  purchases: number;
  credits: number;
  underDirectAward: number;
  firstDate: number;
  lastDate: number;
  maxPurchaseCents: number;
  /** Set after the sums: the group is an alert, or holds a purchase at or above its threshold. */
  flagged: boolean;
  /** Every line of the group (filled for all groups: needed for the special thresholds). */
  lines: SpendLine[];
}

/** Groups by buyer, then family key (or operation), then slot (year index × 2 + works). */
type GroupIndex = Map<string, Map<string, (Group | undefined)[]>>;

/** The slots of a buyer × key, created filled (in-bounds reads stay fast). */
function slotsOf(
  index: GroupIndex,
  buyer: string,
  key: string,
  size: number
): (Group | undefined)[] {
  let byKey = index.get(buyer);
  if (!byKey) index.set(buyer, (byKey = new Map()));
  let slots = byKey.get(key);
  if (!slots) byKey.set(key, (slots = new Array<Group | undefined>(size).fill(undefined)));
  return slots;
}

/** The splitting alerts of the context (memoised per context). */
export function detectSplitting(ctx: AnalysisContext): SplittingAlert[] {
  return analyseSplitting(ctx).alerts;
}

/** The full CO1 analysis: alerts, single purchases above threshold, exclusions, works without operation. */
export function analyseSplitting(ctx: AnalysisContext): SplittingAnalysis {
  const cached = analysisCache.get(ctx);
  if (cached) return cached;
  const scope = thresholdScope(ctx);
  const buyerOf = legalBuyerOf(ctx);
  const indexes: Record<Group["kind"], GroupIndex> = {
    famille: new Map(),
    opération: new Map(),
    "travaux sans opération": new Map(),
  };
  const all: Group[] = [];
  const excluded = new Map<string, ExcludedFamily>();
  const natureToSpecify = new Map<string, { lines: number; cents: number }>();
  let unclassifiedOutside = 0;
  let worksLinesWithoutOperation = 0;
  const slotCount = scope.years.years.length * 2;

  const add = (line: SpendLine, yi: number, underDirect: boolean): void => {
    const nomenclatureRow =
      line.familyCode === null ? undefined : ctx.nomenclature.get(line.familyCode);
    if (nomenclatureRow?.excludedFromSplitting === true) {
      addFamilyExcluded(excluded, line, nomenclatureRow.exclusionReason);
      return;
    }
    const outOfScope = outOfScopeArticle(line.budgetArticle);
    if (outOfScope !== null && line.familyCode === null && line.cpv === null) {
      addArticleExcluded(excluded, line, outOfScope);
      return;
    }
    const toSpecify = natureToSpecifyArticle(line);
    if (toSpecify !== null) {
      let n = natureToSpecify.get(toSpecify);
      if (!n) natureToSpecify.set(toSpecify, (n = { lines: 0, cents: 0 }));
      n.lines++;
      n.cents += line.amountHTCents;
      return;
    }
    const supplierExclusion = supplierExclusionOf(ctx.ref, line);
    if (supplierExclusion !== null) {
      addSupplierExcluded(excluded, line, supplierExclusion);
      return;
    }
    const byOperation = groupsByOperation(line);
    const works = line.nature === "Travaux";
    if (line.entity === "" || (!byOperation && line.family.rule === "unclassified")) {
      unclassifiedOutside++;
      return;
    }
    const kind: Group["kind"] = byOperation
      ? "opération"
      : works
        ? "travaux sans opération"
        : "famille";
    if (kind === "travaux sans opération" && !underDirect) worksLinesWithoutOperation++;
    const buyer = buyerOf(line.entity);
    const operation = byOperation ? (line.operation as string).trim() : null;
    const slots = slotsOf(indexes[kind], buyer.key, operation ?? line.family.key, slotCount);
    const slot = yi * 2 + (works ? 1 : 0);
    let g = slots[slot];
    if (!g) {
      g = {
        buyerKey: buyer.key,
        entity: buyer.label,
        budgets: buyer.budgets,
        kind,
        works,
        familyKey: line.family.key,
        familyLabel: line.family.label,
        family: line.family,
        operation,
        year: scope.years.years[yi],
        nature: undefined,
        netCents: 0,
        purchases: 0,
        credits: 0,
        underDirectAward: 0,
        firstDate: Infinity,
        lastDate: -Infinity,
        maxPurchaseCents: 0,
        flagged: false,
        lines: [],
      };
      slots[slot] = g;
      all.push(g);
    }
    g.lines.push(line);
    g.netCents += line.amountHTCents;
    if (underDirect) g.underDirectAward++;
    if (line.nature !== null)
      g.nature = g.nature === undefined || g.nature === line.nature ? line.nature : null;
    if (line.isCredit || line.amountHTCents < 0) {
      g.credits++;
      return;
    }
    g.purchases++;
    if (line.date < g.firstDate) g.firstDate = line.date;
    if (line.date > g.lastDate) g.lastDate = line.date;
    if (!underDirect && line.amountHTCents > g.maxPurchaseCents)
      g.maxPurchaseCents = line.amountHTCents;
  };
  for (let i = 0; i < scope.outside.length; i++) add(scope.outside[i], scope.outsideYear[i], false);
  for (let i = 0; i < scope.underDirectAward.length; i++)
    add(scope.underDirectAward[i], scope.underDirectAwardYear[i], true);

  const found: Omit<SplittingAlert, "id">[] = [];
  const singles: SingleAboveThreshold[] = [];
  const worksWithoutOperation: WorksWithoutOperation[] = [];
  const publicity = ctx.ref.publicityThresholdCents.value;
  for (const g of all) {
    if (g.purchases === 0) continue;
    const t = dispenseForLines(ctx.ref, g.firstDate, g.works, g.lines);
    const threshold = t.cents;
    if (g.maxPurchaseCents < threshold && g.netCents < threshold) continue;
    const lines = g.lines.sort((a, b) => a.date - b.date || a.source.row - b.source.row);
    let above = 0;
    for (const line of lines) {
      if (line.isCredit || line.amountHTCents < threshold) continue;
      if (g.underDirectAward > 0 && isUnderDirect(scope, line)) continue;
      above++;
      singles.push(single(g, line, t));
    }
    if (g.netCents < threshold || g.purchases < 2) continue;
    if (g.kind === "travaux sans opération") {
      if (g.underDirectAward === g.lines.length) continue;
      worksWithoutOperation.push(worksRow(g, t));
      continue;
    }
    const nature: Nature | null = g.works ? "Travaux" : (g.nature ?? null);
    const eu = euThresholdAt(ctx.ref, g.firstDate, g.works ? "Travaux" : "Fournitures");
    const article = catchAllArticle(g.family);
    const severity: SplittingSeverity =
      article !== null
        ? "à vérifier"
        : g.netCents >= eu
          ? "très élevée"
          : g.netCents >= publicity
            ? "élevée"
            : "à vérifier";
    const suppliers = new Set<string>();
    for (const line of lines) suppliers.add(line.supplierKey);
    const parts = alertMessage(g, t, above, severity, eu, publicity, article);
    found.push({
      entity: g.entity,
      buyerKey: g.buyerKey,
      budgets: g.budgets,
      groupedBy: g.kind === "opération" ? "opération" : "famille",
      familyKey: g.familyKey,
      familyLabel: g.familyLabel,
      operation: g.operation,
      year: g.year,
      nature,
      thresholdCents: threshold,
      thresholdSource: t.source,
      thresholdRule: t.rule,
      totalCents: g.netCents,
      lineCount: g.purchases,
      creditCount: g.credits,
      supplierCount: suppliers.size,
      aboveThresholdCount: above,
      underDirectAwardCount: g.underDirectAward,
      catchAllArticle: article,
      firstDate: g.firstDate,
      lastDate: g.lastDate,
      severity,
      message: parts.map((p) => p.fr).join(""),
      messageParts: parts,
      legalBasis: coded(g.works ? "law.splittingWorks" : "law.splitting"),
      why: article !== null ? coded("why.splittingCatchAll", { article }) : coded("why.splitting"),
      clear:
        article !== null
          ? coded("clear.refineFamily")
          : g.underDirectAward > 0
            ? coded("clear.directAwardNeed")
            : coded("clear.attachToContract"),
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
  worksWithoutOperation.sort(
    (a, b) =>
      b.totalCents - a.totalCents ||
      compareText(a.entity, b.entity) ||
      compareText(a.familyKey, b.familyKey) ||
      a.year - b.year
  );
  const excludedList = [...excluded.values()].sort(
    (a, b) =>
      compareText(a.scope, b.scope) ||
      compareText(a.familyCode, b.familyCode) ||
      compareText(a.supplier ?? "", b.supplier ?? "")
  );
  const toSpecifyList: NatureToSpecify[] = [...natureToSpecify.entries()]
    .sort((a, b) => compareText(a[0], b[0]))
    .map(([article, n]) => {
      const label = budgetArticleFamily(article)?.entry.label ?? article;
      return {
        article,
        label,
        lines: n.lines,
        amountCents: n.cents,
        message: coded("CO1.natureToSpecify", {
          lines: n.lines,
          total: toEuros(n.cents),
          article,
          label,
        }),
        clear: coded("clear.natureToSpecify"),
      };
    });
  const analysis = {
    scope,
    alerts,
    singles,
    excluded: excludedList,
    worksWithoutOperation,
    natureToSpecify: toSpecifyList,
    worksLinesWithoutOperation,
    unclassifiedOutside,
  };
  analysisCache.set(ctx, analysis);
  return analysis;
}

const directSets = new WeakMap<ThresholdScope, Set<SpendLine>>();

function isUnderDirect(scope: ThresholdScope, line: SpendLine): boolean {
  let set = directSets.get(scope);
  if (!set) directSets.set(scope, (set = new Set(scope.underDirectAward)));
  return set.has(line);
}

const SEVERITY_RANK: Record<SplittingSeverity, number> = {
  "à vérifier": 1,
  élevée: 2,
  "très élevée": 3,
};

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function addFamilyExcluded(
  map: Map<string, ExcludedFamily>,
  line: SpendLine,
  reason: string | null
): void {
  const code = line.familyCode as string;
  let e = map.get(`F|${code}`);
  if (!e) {
    const text =
      reason === null
        ? coded("CO1.familyExcludedNoReason")
        : coded("CO1.familyExcluded", { reason });
    e = {
      scope: "famille",
      familyCode: code,
      familyKey: line.family.key,
      familyLabel: line.family.label,
      supplier: null,
      reason: reason ?? text.fr,
      reasonCode: text.code,
      reasonText: reason === null ? text : null,
      legalBasis: null,
      lines: 0,
      amountCents: 0,
    };
    map.set(`F|${code}`, e);
  }
  e.lines++;
  e.amountCents += line.amountHTCents;
}

function addArticleExcluded(
  map: Map<string, ExcludedFamily>,
  line: SpendLine,
  outOfScope: { prefix: string; legalBasis: string }
): void {
  const key = `A|${outOfScope.prefix}`;
  let e = map.get(key);
  if (!e) {
    const label = budgetArticleFamily(outOfScope.prefix)?.entry.label ?? outOfScope.prefix;
    const text = coded("CO1.outOfScope", {
      article: outOfScope.prefix,
      label,
      legalBasis: outOfScope.legalBasis,
    });
    e = {
      scope: "article",
      familyCode: outOfScope.prefix,
      familyKey: line.family.key,
      familyLabel: line.family.label,
      supplier: null,
      reason: text.fr,
      reasonCode: text.code,
      reasonText: text,
      legalBasis: outOfScope.legalBasis,
      lines: 0,
      amountCents: 0,
    };
    map.set(key, e);
  }
  e.lines++;
  e.amountCents += line.amountHTCents;
}

function addSupplierExcluded(
  map: Map<string, ExcludedFamily>,
  line: SpendLine,
  exclusion: { supplier: string; reason: keyof typeof EXCLUSION_REASONS; note: string | null }
): void {
  const key = `S|${exclusion.supplier}|${line.family.key}`;
  let e = map.get(key);
  if (!e) {
    const r = EXCLUSION_REASONS[exclusion.reason];
    const reason: Message = exclusion.note
      ? {
          code: "CO1.exclusionWithNote",
          params: { reason: { code: r.message }, note: exclusion.note },
        }
      : { code: r.message };
    const text = coded("CO1.supplierExcluded", { legalBasis: r.legalBasis, reason });
    e = {
      scope: "fournisseur",
      familyCode: line.familyCode ?? "",
      familyKey: line.family.key,
      familyLabel: line.family.label,
      supplier: line.supplierName ?? line.supplierId ?? exclusion.supplier,
      reason: text.fr,
      reasonCode: text.code,
      reasonText: text,
      legalBasis: r.legalBasis,
      lines: 0,
      amountCents: 0,
    };
    map.set(key, e);
  }
  e.lines++;
  e.amountCents += line.amountHTCents;
}

/** Euros without cents when whole: "45 200 €", else "45 200,50 €". */
export function euros(cents: number): string {
  return formatEuros(cents).replace(/,00 €$/, " €");
}

/** What a signal is about: the works operation, or the family (names from the user's data). */
function subjectOf(g: Pick<Group, "kind" | "operation" | "familyLabel">): Message {
  return g.kind === "opération"
    ? messageOf(coded("CO1.subjectOperation", { operation: g.operation ?? "" }))
    : messageOf(coded("CO1.subjectFamily", { family: g.familyLabel }));
}

function thresholdNameOf(g: Group, t: DispenseThreshold): Message {
  if (t.rule !== "R2122-8")
    return messageOf(
      coded("CO1.thresholdNameSpecial", { label: specialThresholdName(t), rule: t.rule })
    );
  return { code: g.works ? "CO1.thresholdNameWorks" : "CO1.thresholdName" };
}

function alertMessage(
  g: Group,
  t: DispenseThreshold,
  above: number,
  severity: SplittingSeverity,
  eu: number,
  publicity: number,
  article: string | null
): CodedText[] {
  const parts: CodedText[] = [];
  const aboveNote = above > 0 ? messageOf(coded("CO1.aboveNote", { count: above })) : "";
  parts.push(
    coded(g.underDirectAward > 0 ? "CO1.splittingWithDirect" : "CO1.splitting", {
      total: toEuros(g.netCents),
      year: g.year,
      entity: g.entity,
      subject: subjectOf(g),
      thresholdName: thresholdNameOf(g, t),
      threshold: toEuros(t.cents),
      thresholdDate: frenchDay(g.firstDate),
      aboveNote,
      need: { code: g.kind === "opération" ? "CO1.needOperation" : "CO1.needHomogeneous" },
    })
  );
  if (article !== null) parts.push(coded("CO1.splittingCatchAll", { article }));
  else if (severity === "très élevée") parts.push(coded("CO1.splittingEu", { eu: toEuros(eu) }));
  else if (severity === "élevée")
    parts.push(coded("CO1.splittingPublicity", { publicity: toEuros(publicity) }));
  if (g.underDirectAward > 0)
    parts.push(coded("CO1.directAwardNote", { count: g.underDirectAward }));
  return parts;
}

function frenchDay(day: number): string {
  const iso = isoDate(day);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

function single(g: Group, line: SpendLine, t: DispenseThreshold): SingleAboveThreshold {
  const message = coded("CO1.single", {
    amount: toEuros(line.amountHTCents),
    entity: g.entity,
    subject: subjectOf(g),
    thresholdName: thresholdNameOf(g, t),
    threshold: toEuros(t.cents),
  });
  return {
    line,
    entity: g.entity,
    groupedBy: g.kind === "opération" ? "opération" : "famille",
    familyLabel: g.familyLabel,
    operation: g.operation,
    year: g.year,
    thresholdCents: t.cents,
    thresholdSource: t.source,
    thresholdRule: t.rule,
    message: message.fr,
    messageParts: [message],
    legalBasis: coded(t.legalBasis),
    why: coded("why.single"),
    clear: coded("clear.singleProcedure"),
  };
}

function worksRow(g: Group, t: DispenseThreshold): WorksWithoutOperation {
  return {
    entity: g.entity,
    familyKey: g.familyKey,
    familyLabel: g.familyLabel,
    year: g.year,
    lineCount: g.purchases,
    totalCents: g.netCents,
    thresholdCents: t.cents,
    thresholdSource: t.source,
    message: coded("CO1.worksWithoutOperation", {
      lines: g.purchases,
      total: toEuros(g.netCents),
      year: g.year,
      entity: g.entity,
      family: g.familyLabel,
      threshold: toEuros(t.cents),
    }),
    legalBasis: coded("law.splittingWorks"),
    clear: coded("clear.indicateOperation"),
  };
}
