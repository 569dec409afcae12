/**
 * CO1 possible splitting (SPEC §4). The detection itself (groups, thresholds, severities) is
 * ../splitting.ts, shared with the plan stratégique; this module turns it into the indicator and
 * its typed detail rows.
 */
import { isoDate } from "../../dates";
import { msg } from "../../messages/render";
import type { SpendLine } from "../../model";
import { toEuros } from "../../money";
import { paramsJson, type CodedText } from "../compliance-messages";
import {
  exclusionScopeText,
  rowTextOf,
  rowTextOfParts,
  type ExplainedSignalCodes,
  type RowText,
  type SignalCodes,
} from "../compliance-row-texts";
import { defineIndicator } from "../definition";
import { analyseSplitting, type SplittingCounts, type SplittingSeverity } from "../splitting";
import { notAvailable } from "../types";
import { yearsLabel } from "./row-labels";

/** One splitting signal (a group of purchases whose total reaches the threshold). */
export type SplittingAlertRow = {
  id: string;
  entity: string;
  /** The budgets of the legal buyer, joined with " ; ". */
  budgets: string;
  groupedBy: "famille" | "opération";
  familyKey: string;
  familyLabel: string;
  operation: string | null;
  year: number;
  nature: string;
  threshold: number;
  thresholdRule: string;
  thresholdDate: string;
  thresholdSource: string;
  total: number;
  firstDate: string;
  lastDate: string;
  severity: SplittingSeverity;
  /** The text of the signal; its code and parameters (JSON of the parts) beside it. */
  message: RowText;
  messageCode: string;
  messageParams: string;
  legalBasis: RowText;
  why: RowText;
  whyCode: string;
  clear: RowText;
  clearCode: string;
} & SplittingCounts;

/** A line behind an alert. */
export type SplittingLineRow = {
  alertId: string;
  entity: string;
  table: string;
  row: number;
  date: string;
  supplier: string;
  amount: number;
  isCredit: boolean;
  contractRef: string | null;
  underDirectAward: boolean;
  description: string | null;
};

/** A single purchase at or above the threshold of its group, outside any contract. */
export type SingleAboveThresholdRow = {
  entity: string;
  groupedBy: "famille" | "opération";
  familyLabel: string;
  operation: string | null;
  year: number;
  table: string;
  row: number;
  date: string;
  supplier: string;
  amount: number;
  threshold: number;
  thresholdRule: string;
  thresholdSource: string;
  signal: string;
  message: RowText;
} & ExplainedSignalCodes;

/** Works lines without an operation whose sum reaches the works threshold: to check, not summed. */
export type WorksWithoutOperationRow = {
  entity: string;
  familyKey: string;
  familyLabel: string;
  year: number;
  lineCount: number;
  total: number;
  threshold: number;
  thresholdSource: string;
  status: string;
  message: RowText;
} & SignalCodes;

/** Lines of a mixed budget article whose nature is to specify (left out of the thresholds). */
export type NatureToSpecifyRow = {
  article: string;
  label: string;
  lines: number;
  amount: number;
  status: string;
  message: RowText;
  messageCode: string;
  messageParams: string;
  clear: RowText;
  clearCode: string;
};

/** Lines left out of the check: by family, supplier or budget article, with the reason. */
export type SplittingExclusionRow = {
  scope: RowText;
  familyCode: string;
  familyKey: string;
  familyLabel: string;
  supplier: string | null;
  /** The reason: a catalogue text, or the nomenclature's reason as the user wrote it. */
  reason: RowText | string;
  reasonCode: string;
  /** Citation of the article the exclusion rests on, when there is one. */
  legalBasis: string | null;
  lines: number;
  amount: number;
};

export type CO1Tables = {
  alerts: SplittingAlertRow[];
  lines: SplittingLineRow[];
  singleAboveThreshold: SingleAboveThresholdRow[];
  worksWithoutOperation: WorksWithoutOperationRow[];
  natureToSpecify: NatureToSpecifyRow[];
  excluded: SplittingExclusionRow[];
};

const EMPTY: CO1Tables = {
  alerts: [],
  lines: [],
  singleAboveThreshold: [],
  worksWithoutOperation: [],
  natureToSpecify: [],
  excluded: [],
};

const base = { id: "CO1", group: "CO", unit: "count" } as const;

export const CO1 = defineIndicator<CO1Tables>({
  ...base,
  label: { fr: "Fractionnement possible (saucissonnage)", en: "Possible splitting" },
  headline: { fr: "signaux de fractionnement (nombre)", en: "splitting signals (count)" },
  doc: {
    definition: {
      fr: "Groupes d'achats d'un même acheteur (budgets d'un même SIREN réunis), d'une famille homogène et d'une année civile — achats hors marché, et achats sous un marché passé sans publicité ni mise en concurrence conclu la même année (R2121-6) — dont le cumul atteint le seuil de dispense. Signal à vérifier, pas un constat d'irrégularité.",
      en: "Groups of purchases by one buyer (the budgets of one SIREN together), in one homogeneous family and civil year — off-contract purchases, and purchases under a contract awarded without publicity or competition concluded the same year (R2121-6) — whose total reaches the exemption threshold. A signal to check, not a finding of irregularity.",
    },
    formula: {
      fr: "Par acheteur × famille × année civile (travaux : par opération, R2121-5 ; travaux sans opération listés à part) : Σ des lignes, avoirs déduits, ≥ seuil de dispense en vigueur au premier achat (seuil particulier R2122-9 ou R2122-9-1 quand toutes les lignes en relèvent) ; un achat atteignant seul le seuil ne retire pas son groupe et est aussi listé à part ; sévérité accrue à 90 000 € et au seuil européen ; familles, fournisseurs et articles exclus listés avec leur motif.",
      en: "Per buyer × family × civil year (works: per operation, R2121-5; works without operation listed apart): Σ lines, credit notes deducted, ≥ exemption threshold in force at the first purchase (special threshold R2122-9 or R2122-9-1 when every line falls under it); a purchase reaching the threshold on its own does not remove its group and is also listed apart; severity rises at €90,000 and at the EU threshold; excluded families, suppliers and accounts listed with their reason.",
    },
    source: {
      fr: "Art. R2121-1 à R2121-7 (calcul de la valeur estimée du besoin) et R2122-8 du code de la commande publique.",
      en: "Art. R2121-1 to R2121-7 (estimated value of the need) and R2122-8 of the public procurement code.",
    },
    howToImprove: {
      fr: "Recensez les besoins récurrents en début d'année et couvrez-les par un marché (accord-cadre, groupement).",
      en: "List recurring needs at the start of the year and cover them with a contract (framework agreement, joint purchasing).",
    },
  },
  compute(ctx) {
    const analysis = analyseSplitting(ctx);
    const { scope } = analysis;
    const coverage = { n: scope.linesWithGroup, N: scope.linesInYears, of: "lines" as const };
    const years = yearsLabel(scope.years.years);
    if (scope.linesInYears === 0)
      return notAvailable(base, msg("na.noLinesInCivilYear", { years }), coverage, EMPTY);
    if (scope.linesWithGroup === 0)
      return notAvailable(base, msg("na.noLineWithFamily"), coverage, EMPTY);
    const alerts: SplittingAlertRow[] = [];
    const lines: SplittingLineRow[] = [];
    let amount = 0;
    const bySeverity: Record<SplittingSeverity, number> = {
      "à vérifier": 0,
      élevée: 0,
      "très élevée": 0,
    };
    const direct = new Set(scope.underDirectAward);
    for (const a of analysis.alerts) {
      amount += a.totalCents;
      bySeverity[a.severity]++;
      alerts.push({
        id: a.id,
        entity: a.entity,
        budgets: a.budgets.join(" ; "),
        groupedBy: a.groupedBy,
        familyKey: a.familyKey,
        familyLabel: a.familyLabel,
        operation: a.operation,
        year: a.year,
        nature: a.nature ?? "Fournitures / Services",
        threshold: toEuros(a.thresholdCents),
        thresholdRule: a.thresholdRule,
        thresholdDate: isoDate(a.firstDate),
        thresholdSource: `Art. ${a.thresholdRule.startsWith("R") ? `${a.thresholdRule} CCP` : a.thresholdRule} — ${a.thresholdSource}`,
        total: toEuros(a.totalCents),
        lineCount: a.lineCount,
        creditCount: a.creditCount,
        supplierCount: a.supplierCount,
        aboveThresholdCount: a.aboveThresholdCount,
        underDirectAwardCount: a.underDirectAwardCount,
        catchAllArticle: a.catchAllArticle,
        firstDate: isoDate(a.firstDate),
        lastDate: isoDate(a.lastDate),
        severity: a.severity,
        message: rowTextOfParts(a.messageParts),
        messageCode: a.messageParts[0].code,
        messageParams: partsJson(a.messageParts),
        legalBasis: rowTextOf(a.legalBasis),
        why: rowTextOf(a.why),
        whyCode: a.why.code,
        clear: rowTextOf(a.clear),
        clearCode: a.clear.code,
      });
      for (const l of a.lines) lines.push(lineRow(a.id, l, direct.has(l)));
    }
    const singles: SingleAboveThresholdRow[] = analysis.singles.map((s) => ({
      entity: s.entity,
      groupedBy: s.groupedBy,
      familyLabel: s.familyLabel,
      operation: s.operation,
      year: s.year,
      table: s.line.source.table,
      row: s.line.source.row,
      date: isoDate(s.line.date),
      supplier: s.line.supplierName ?? s.line.supplierId ?? s.line.supplierKey,
      amount: toEuros(s.line.amountHTCents),
      threshold: toEuros(s.thresholdCents),
      thresholdRule: s.thresholdRule,
      thresholdSource: `${s.legalBasis.fr} — ${s.thresholdSource}`,
      signal: "achat unique au-dessus du seuil",
      message: rowTextOfParts(s.messageParts),
      messageCode: s.messageParts[0].code,
      messageParams: partsJson(s.messageParts),
      legalBasis: rowTextOf(s.legalBasis),
      why: rowTextOf(s.why),
      clear: rowTextOf(s.clear),
      clearCode: s.clear.code,
    }));
    const works: WorksWithoutOperationRow[] = analysis.worksWithoutOperation.map((w) => ({
      entity: w.entity,
      familyKey: w.familyKey,
      familyLabel: w.familyLabel,
      year: w.year,
      lineCount: w.lineCount,
      total: toEuros(w.totalCents),
      threshold: toEuros(w.thresholdCents),
      thresholdSource: `${w.legalBasis.fr} — ${w.thresholdSource}`,
      status: "opération non renseignée — à vérifier",
      message: rowTextOf(w.message),
      messageCode: w.message.code,
      messageParams: paramsJson(w.message.params),
      legalBasis: rowTextOf(w.legalBasis),
      clear: rowTextOf(w.clear),
      clearCode: w.clear.code,
    }));
    const toSpecify: NatureToSpecifyRow[] = analysis.natureToSpecify.map((n) => ({
      article: n.article,
      label: n.label,
      lines: n.lines,
      amount: toEuros(n.amountCents),
      status: "nature à préciser",
      message: rowTextOf(n.message),
      messageCode: n.message.code,
      messageParams: paramsJson(n.message.params),
      clear: rowTextOf(n.clear),
      clearCode: n.clear.code,
    }));
    const excluded: SplittingExclusionRow[] = analysis.excluded.map((e) => ({
      scope: exclusionScopeText(e.scope),
      familyCode: e.familyCode,
      familyKey: e.familyKey,
      familyLabel: e.familyLabel,
      supplier: e.supplier,
      reason: e.reasonText === null ? e.reason : rowTextOf(e.reasonText),
      reasonCode: e.reasonCode,
      legalBasis: e.legalBasis,
      lines: e.lines,
      amount: toEuros(e.amountCents),
    }));
    return {
      ...base,
      value: analysis.alerts.length,
      na: null,
      coverage,
      reference: null,
      status: null,
      details: {
        years,
        linesExamined: scope.linesInYears,
        linesOutsideContract: scope.outside.length,
        linesUnderDirectAward: scope.underDirectAward.length,
        linesUnderDirectAwardOtherYear: scope.underDirectAwardOtherYear,
        unclassifiedLinesOutsideContract: analysis.unclassifiedOutside,
        worksLinesWithoutOperation: analysis.worksLinesWithoutOperation,
        worksGroupsWithoutOperation: works.length,
        alertsToCheck: bySeverity["à vérifier"],
        alertsHigh: bySeverity["élevée"],
        alertsVeryHigh: bySeverity["très élevée"],
        alertsOnCatchAllArticle: analysis.alerts.filter((a) => a.catchAllArticle !== null).length,
        amountInAlerts: toEuros(amount),
        singlePurchasesAboveThreshold: singles.length,
        excludedFamilies: analysis.excluded.filter((e) => e.scope === "famille").length,
        excludedSuppliers: analysis.excluded.filter((e) => e.scope === "fournisseur").length,
        excludedArticles: analysis.excluded.filter((e) => e.scope === "article").length,
        linesNatureToSpecify: analysis.natureToSpecify.reduce((s, n) => s + n.lines, 0),
      },
      tables: {
        alerts,
        lines,
        singleAboveThreshold: singles,
        worksWithoutOperation: works,
        natureToSpecify: toSpecify,
        excluded,
      },
    };
  },
});

/** The coded parts of a message as JSON ([{code, params}…]), for a detail row. */
function partsJson(parts: CodedText[]): string {
  return JSON.stringify(parts.map((p) => ({ code: p.code, params: p.params })));
}

function lineRow(alertId: string, l: SpendLine, underDirectAward: boolean): SplittingLineRow {
  return {
    alertId,
    entity: l.entity,
    table: l.source.table,
    row: l.source.row,
    date: isoDate(l.date),
    supplier: l.supplierName ?? l.supplierId ?? l.supplierKey,
    amount: toEuros(l.amountHTCents),
    isCredit: l.isCredit,
    contractRef: l.contractRef,
    underDirectAward,
    description: l.description,
  };
}
