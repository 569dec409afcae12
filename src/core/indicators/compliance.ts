/**
 * Compliance indicators CO1–CO5 (SPEC §4). Every alert is a signal to check, worded as such —
 * never an accusation: legitimate exceptions exist (R2122-1 to R2122-11, small lots, exclusive
 * rights…) that the data cannot see.
 */
import { frenchDate, isoDate } from "../dates";
import type { ContractLine, Nature, SpendLine } from "../model";
import { toEuros } from "../money";
import { dispenseRowAt, euRowAt, type DatedThreshold } from "../reference/values";
import {
  coded,
  messageOf,
  paramsJson,
  textOf,
  type CodedText,
  type MessageCode,
} from "./compliance-messages";
import { natureToSpecifyArticle, outOfScopeArticle } from "../classify";
import { legalBuyerOf } from "../legal/buyer";
import { supplierExclusionOf } from "../legal/exclusions";
import { euThresholdOfContract, isUtilitiesType } from "../reference/eu-thresholds";
import { dispenseForLines } from "../reference/special-thresholds";
import { contractSupplierKey, contractSupplierName } from "./supplier-reference";
import { analyseSplitting, euros, thresholdScope } from "./splitting";
import {
  notAvailable,
  round2,
  type IndicatorResult,
  type AnalysisContext,
  type Row,
} from "./legacy";

export { detectSplitting, type SplittingAlert, type SplittingSeverity } from "./splitting";

const DIRECT_AWARD = "Marché passé sans publicité ni mise en concurrence préalable";
const MAPA = "Procédure adaptée";

export function computeComplianceIndicators(ctx: AnalysisContext): IndicatorResult[] {
  return [
    splittingIndicator(ctx),
    bunchingIndicator(ctx),
    procedureAmountIndicator(ctx),
    repeatDirectAwardIndicator(ctx),
    loiClimatIndicator(ctx),
  ];
}

/** Reference date of a contract for thresholds: launch of the consultation, else notification. */
function contractDate(c: ContractLine): number | null {
  return c.launchDate ?? c.notificationDate;
}

function natureLabel(nature: Nature | null): string {
  return nature ?? "Non renseignée";
}

function yearsLabel(years: number[]): string {
  return years.length === 1 ? String(years[0]) : `${years[0]}-${years[years.length - 1]}`;
}

// ---------------------------------------------------------------------------------------------
// CO1 possible splitting

/** What a CO1 exclusion covers, as a compliance text. */
const EXCLUSION_SCOPE: Record<"famille" | "fournisseur" | "article", MessageCode> = {
  famille: "CO1.scopeFamily",
  fournisseur: "CO1.scopeSupplier",
  article: "CO1.scopeArticle",
};

const CO1 = {
  id: "CO1",
  group: "CO" as const,
  label: "Fractionnement possible (saucissonnage)",
  unit: "count" as const,
};

export function splittingIndicator(ctx: AnalysisContext): IndicatorResult {
  const analysis = analyseSplitting(ctx);
  const { scope } = analysis;
  const coverage = { n: scope.linesWithGroup, N: scope.linesInYears, of: "lignes" };
  const yearText = yearsLabel(scope.years.years);
  if (scope.linesInYears === 0)
    return notAvailable(CO1, `Aucune ligne de dépense sur l'année civile ${yearText}`, coverage);
  if (scope.linesWithGroup === 0) {
    return notAvailable(
      CO1,
      "Aucune ligne rattachée à une famille d'achat (ni, pour les travaux, à une opération) : le cumul par besoin homogène est impossible",
      coverage
    );
  }
  const alerts: Row[] = [];
  const lines: Row[] = [];
  let amount = 0;
  const bySeverity = { "à vérifier": 0, élevée: 0, "très élevée": 0 };
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
      message: a.message,
      messageCode: a.messageParts[0].code,
      messageParams: partsJson(a.messageParts),
      legalBasis: messageOf(a.legalBasis),
      why: messageOf(a.why),
      whyCode: a.why.code,
      clear: messageOf(a.clear),
      clearCode: a.clear.code,
    });
    for (const l of a.lines) lines.push(lineRow(a.id, l, direct.has(l)));
  }
  const singles: Row[] = analysis.singles.map((s) => ({
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
    message: s.message,
    messageCode: s.messageParts[0].code,
    messageParams: partsJson(s.messageParts),
    legalBasis: messageOf(s.legalBasis),
    why: messageOf(s.why),
    clear: messageOf(s.clear),
    clearCode: s.clear.code,
  }));
  const works: Row[] = analysis.worksWithoutOperation.map((w) => ({
    entity: w.entity,
    familyKey: w.familyKey,
    familyLabel: w.familyLabel,
    year: w.year,
    lineCount: w.lineCount,
    total: toEuros(w.totalCents),
    threshold: toEuros(w.thresholdCents),
    thresholdSource: `${w.legalBasis.fr} — ${w.thresholdSource}`,
    status: "opération non renseignée — à vérifier",
    message: w.message.fr,
    messageCode: w.message.code,
    messageParams: paramsJson(w.message.params),
    legalBasis: messageOf(w.legalBasis),
    clear: messageOf(w.clear),
    clearCode: w.clear.code,
  }));
  const toSpecify: Row[] = analysis.natureToSpecify.map((n) => ({
    article: n.article,
    label: n.label,
    lines: n.lines,
    amount: toEuros(n.amountCents),
    status: "nature à préciser",
    message: n.message.fr,
    messageCode: n.message.code,
    messageParams: paramsJson(n.message.params),
    clear: messageOf(n.clear),
    clearCode: n.clear.code,
  }));
  const excluded: Row[] = analysis.excluded.map((e) => ({
    scope: textOf(EXCLUSION_SCOPE[e.scope]),
    familyCode: e.familyCode,
    familyKey: e.familyKey,
    familyLabel: e.familyLabel,
    supplier: e.supplier,
    reason: e.reason,
    reasonCode: e.reasonCode,
    legalBasis: e.legalBasis,
    lines: e.lines,
    amount: toEuros(e.amountCents),
  }));
  return {
    ...CO1,
    value: analysis.alerts.length,
    na: null,
    coverage,
    reference: null,
    status: null,
    details: {
      years: yearText,
      scope: `Cumul sur l'année civile entière (${yearText}), y compris les lignes hors de la période analysée ; lignes hors marché et lignes achetées sous un marché sans publicité ni mise en concurrence (R2121-6) ; par acheteur (budgets d'un même SIREN réunis) ; travaux par opération (R2121-5)`,
      linesExamined: scope.linesInYears,
      linesOutsideContract: scope.outside.length,
      linesUnderDirectAward: scope.underDirectAward.length,
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
}

/** The coded parts of a message as JSON ([{code, params}…]), for a detail row. */
function partsJson(parts: CodedText[]): string {
  return JSON.stringify(parts.map((p) => ({ code: p.code, params: p.params })));
}

function lineRow(alertId: string, l: SpendLine, underDirectAward: boolean): Row {
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

// ---------------------------------------------------------------------------------------------
// CO2 bunching just below thresholds

const CO2 = {
  id: "CO2",
  group: "CO" as const,
  label: "Montants groupés juste sous les seuils",
  unit: "count" as const,
};

/** Minimum count in the upper band, and upper/lower ratio above which bunching is signalled. */
export const BUNCHING_MIN_COUNT = 3;
export const BUNCHING_RATIO = 1.5;

interface BunchingThreshold {
  key: string;
  kind: "dispense" | "publicité" | "européen";
  nature: string;
  cents: number;
  sources: Set<string>;
  upperLines: number;
  upperContracts: number;
  lowerLines: number;
  lowerContracts: number;
}

/**
 * Amounts compared with each threshold in force on their date: the hors-marché spend lines of the
 * period (a purchase under a contract already went through its procedure) and the amounts of the
 * contracts notified in the period (at their launch date, else notification). Upper band
 * [low %, 100 %) of the threshold (low = ref.bunchingLowPercent, 90), lower band of the same width
 * just below ([80 %, 90 %)). Signal when upper ≥ 3 and upper > 1.5 × lower.
 */
export function bunchingIndicator(ctx: AnalysisContext): IndicatorResult {
  const low = ctx.ref.bunchingLowPercent.value;
  const floor = 2 * low - 100;
  const thresholds = new Map<string, BunchingThreshold>();
  const publicity = ctx.ref.publicityThresholdCents;
  const dispenseCache = new Map<DatedThreshold, [BunchingThreshold, BunchingThreshold]>();
  const euCache = new Map<DatedThreshold, [BunchingThreshold, BunchingThreshold]>();
  const publicityT = bunchingThreshold(
    thresholds,
    "publicité",
    "Toutes natures",
    publicity.value,
    `Art. R2131-12 CCP`
  );

  const count = (t: BunchingThreshold, cents: number, isLine: boolean): void => {
    const scaled = cents * 100;
    if (cents >= t.cents || scaled < floor * t.cents) return;
    if (scaled >= low * t.cents) {
      if (isLine) t.upperLines++;
      else t.upperContracts++;
    } else if (isLine) t.lowerLines++;
    else t.lowerContracts++;
  };
  const countAll = (cents: number, day: number, nature: Nature | null, isLine: boolean): void => {
    const works = nature === "Travaux" ? 1 : 0;
    const d = byNature(
      dispenseCache,
      dispenseRowAt(ctx.ref, day),
      thresholds,
      "dispense",
      "Art. R2122-8 CCP"
    );
    const e = byNature(euCache, euRowAt(ctx.ref, day), thresholds, "européen", "Seuils européens");
    count(d[works], cents, isLine);
    count(publicityT, cents, isLine);
    count(e[works], cents, isLine);
  };

  const scope = thresholdScope(ctx);
  let linesConsidered = 0;
  let linesN = 0;
  for (const line of scope.outside) {
    if (line.date < ctx.period.start || line.date > ctx.period.end) continue;
    linesConsidered++;
    if (line.amountHTCents <= 0) continue;
    linesN++;
    countAll(line.amountHTCents, line.date, line.nature, true);
  }
  let contractsN = 0;
  for (const c of ctx.contractsInPeriod) {
    const day = contractDate(c);
    if (c.amountCents === null || c.amountCents <= 0 || day === null) continue;
    contractsN++;
    countAll(c.amountCents, day, c.nature, false);
  }
  const coverage = {
    n: linesN + contractsN,
    N: linesConsidered + ctx.contractsInPeriod.length,
    of: "montants (lignes hors marché et marchés)",
  };
  if (linesN + contractsN === 0) {
    return notAvailable(
      CO2,
      "Aucun montant d'achat hors marché ni de marché notifié sur la période",
      coverage
    );
  }
  const rows: Row[] = [];
  let signals = 0;
  const ordered = [...thresholds.values()];
  ordered.sort(
    (a, b) =>
      KIND_RANK[a.kind] - KIND_RANK[b.kind] || compareText(a.nature, b.nature) || a.cents - b.cents
  );
  for (const t of ordered) {
    const upper = t.upperLines + t.upperContracts;
    const lower = t.lowerLines + t.lowerContracts;
    const signal = upper >= BUNCHING_MIN_COUNT && upper > BUNCHING_RATIO * lower;
    if (signal) signals++;
    rows.push({
      threshold: `${THRESHOLD_NAME[t.kind]} ${t.nature === "Toutes natures" ? "" : `(${t.nature}) `}${euros(t.cents)}`,
      kind: t.kind,
      nature: t.nature,
      thresholdAmount: toEuros(t.cents),
      lowerBand: `[${floor} %, ${low} %)`,
      lowerFrom: toEuros(Math.round((t.cents * floor) / 100)),
      lowerCount: lower,
      upperBand: `[${low} %, 100 %)`,
      upperFrom: toEuros(Math.round((t.cents * low) / 100)),
      upperCount: upper,
      upperLines: t.upperLines,
      upperContracts: t.upperContracts,
      ratio: lower === 0 ? null : round2(upper / lower),
      signal,
      source: [...t.sources].join(" ; "),
      legalBasis: signal ? textOf("law.bunching") : null,
      why: signal ? textOf("why.bunching") : null,
      clear: signal ? textOf("clear.bunching") : null,
      message: signal
        ? `${upper} montants entre ${low} % et 100 % du ${THRESHOLD_NAME[t.kind].toLowerCase()} de ${euros(t.cents)} contre ${lower} juste en dessous : vérifier que les besoins n'ont pas été ajustés pour rester sous le seuil.`
        : null,
    });
  }
  return {
    ...CO2,
    value: signals,
    na: null,
    coverage,
    reference: null,
    status: null,
    details: {
      rule: `Signal quand au moins ${BUNCHING_MIN_COUNT} montants sont dans [${low} %, 100 %) d'un seuil et plus de ${String(BUNCHING_RATIO).replace(".", ",")} fois le nombre de la bande [${floor} %, ${low} %)`,
      linesCounted: linesN,
      contractsCounted: contractsN,
      thresholds: rows.length,
    },
    tables: { byThreshold: rows },
  };
}

const KIND_RANK = { dispense: 0, publicité: 1, européen: 2 } as const;
const THRESHOLD_NAME = {
  dispense: "Seuil de dispense",
  publicité: "Seuil de publicité",
  européen: "Seuil européen",
} as const;

function byNature(
  cache: Map<DatedThreshold, [BunchingThreshold, BunchingThreshold]>,
  row: DatedThreshold,
  thresholds: Map<string, BunchingThreshold>,
  kind: "dispense" | "européen",
  legal: string
): [BunchingThreshold, BunchingThreshold] {
  let pair = cache.get(row);
  if (!pair) {
    const source = `${legal} — ${row.source}`;
    pair = [
      bunchingThreshold(
        thresholds,
        kind,
        "Fournitures et services",
        row.suppliesServicesCents,
        source
      ),
      bunchingThreshold(thresholds, kind, "Travaux", row.worksCents, source),
    ];
    cache.set(row, pair);
  }
  return pair;
}

function bunchingThreshold(
  thresholds: Map<string, BunchingThreshold>,
  kind: BunchingThreshold["kind"],
  nature: string,
  cents: number,
  source: string
): BunchingThreshold {
  const key = `${kind}|${nature}|${cents}`;
  let t = thresholds.get(key);
  if (!t) {
    t = {
      key,
      kind,
      nature,
      cents,
      sources: new Set(),
      upperLines: 0,
      upperContracts: 0,
      lowerLines: 0,
      lowerContracts: 0,
    };
    thresholds.set(key, t);
  }
  t.sources.add(source);
  return t;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// CO3 procedure inconsistent with amount

const CO3 = {
  id: "CO3",
  group: "CO" as const,
  label: "Procédure incohérente avec le montant",
  unit: "count" as const,
};

/**
 * Contracts notified in the period whose value reaches the EU threshold while their procedure is a
 * MAPA or a direct award (sans publicité ni mise en concurrence). Direct awards from the dispense
 * threshold are PF4's job. Unknown nature is compared with the supplies/services threshold (the
 * lower one) and shown as such.
 * - Threshold: the one in force at the launch (else notification) date; for entités adjudicatrices
 *   (Entités type), the utilities threshold. When only the notification date is known and falls in
 *   the first months of a new biennium, the threshold is uncertain: a value between the two
 *   thresholds is listed "seuil incertain", not counted.
 * - Value: the contract amount, or, when the register gives the consultation of a lot, the total of
 *   the consultation's lots (R2121-1).
 * - Lawful MAPA, listed apart with their article: social and other specific services (R2123-1 3°,
 *   CPV of the official list, e.g. school catering), and small lots (R2123-1 2°: a lot below
 *   80 000 € supplies/services or 1 000 000 € works, small lots totalling ≤ 20 % of the consultation).
 */
export function procedureAmountIndicator(ctx: AnalysisContext): IndicatorResult {
  const contracts = ctx.contractsInPeriod;
  const lots = consultationsOf(ctx);
  const small = ctx.ref.smallLots;
  let known = 0;
  const rows: Row[] = [];
  const exceptions: Row[] = [];
  const uncertain: Row[] = [];
  for (const c of contracts) {
    if (c.amountCents === null || c.procedure === null) continue;
    const utilities = isUtilitiesType(ctx.entities.get(c.entity)?.type);
    const eu = euThresholdOfContract(ctx.ref, c, utilities);
    if (eu === null) continue;
    known++;
    if (c.procedure !== MAPA && c.procedure !== DIRECT_AWARD) continue;
    const group = c.consultationRef ? lots.get(`${c.entity}\u0001${c.consultationRef}`) : undefined;
    const value = group ? group.totalCents : c.amountCents;
    const low = Math.min(eu.cents, eu.uncertainOtherCents ?? eu.cents);
    const high = Math.max(eu.cents, eu.uncertainOtherCents ?? eu.cents);
    if (value < low) continue;
    const base = {
      contractRef: c.contractRef,
      entity: c.entity,
      description: c.description,
      procedure: c.procedure,
      nature: natureLabel(c.nature),
      cpv: c.cpv,
      consultationRef: c.consultationRef ?? null,
      amount: toEuros(c.amountCents),
      consultationAmount: group ? toEuros(group.totalCents) : null,
      euThreshold: toEuros(eu.cents),
      thresholdSource: eu.source,
      date: isoDate(eu.day),
      thresholdDateBasis: eu.basis,
      utilities: eu.utilities,
    };
    if (c.procedure === MAPA && isSocialService(ctx, c.cpv)) {
      const t = coded("CO3.socialServices", { ref: c.contractRef, cpv: c.cpv as string });
      exceptions.push({
        ...base,
        exception: "R2123-1 3°",
        legalBasis: ctx.ref.socialServicesCpv.source,
        message: t.fr,
        messageCode: t.code,
      });
      continue;
    }
    if (c.procedure === MAPA && group) {
      const limit = c.nature === "Travaux" ? small.worksCents : small.suppliesServicesCents;
      if (
        c.amountCents < limit &&
        group.smallLotsCents(limit) * 100 <= small.maxSharePercent * group.totalCents
      ) {
        const t = coded("CO3.smallLot", {
          ref: c.contractRef,
          limit: euros(limit),
          share: small.maxSharePercent,
        });
        exceptions.push({
          ...base,
          exception: "R2123-1 2°",
          legalBasis: small.source,
          message: t.fr,
          messageCode: t.code,
        });
        continue;
      }
    }
    if (value < high) {
      const t = coded("CO3.uncertain", {
        ref: c.contractRef,
        amount: euros(value),
        low: euros(low),
        high: euros(high),
        notified: frenchDate(eu.day),
      });
      uncertain.push({
        ...base,
        otherEuThreshold: toEuros(eu.uncertainOtherCents as number),
        status: "seuil incertain",
        message: t.fr,
        messageCode: t.code,
        clear: textOf("clear.launchDate", { start: "" }),
      });
      continue;
    }
    const issue =
      c.procedure === MAPA
        ? group && value !== c.amountCents
          ? "MAPA pour un lot d'une consultation au-dessus du seuil européen"
          : "MAPA au-dessus du seuil européen"
        : "Sans publicité au-dessus du seuil européen";
    const t = coded(group && value !== c.amountCents ? "CO3.lotAboveEu" : "CO3.aboveEu", {
      ref: c.contractRef,
      entity: c.entity,
      amount: euros(value),
      procedure: c.procedure,
      eu: euros(eu.cents),
      euNote: c.nature === null ? ", nature non renseignée : seuil fournitures et services" : "",
      utilitiesNote: eu.utilities ? " (entité adjudicatrice)" : "",
      date: frenchDate(eu.day),
      basis: eu.basis,
    });
    rows.push({
      ...base,
      issue,
      message: t.fr,
      messageCode: t.code,
      messageParams: paramsJson(t.params),
      legalBasis: textOf("law.euProcedure"),
      why: textOf("why.procedure"),
      clear: textOf("clear.procedureBasis"),
      clearCode: "clear.procedureBasis",
    });
  }
  const coverage = { n: known, N: contracts.length, of: "marchés" };
  if (contracts.length === 0)
    return notAvailable(CO3, "Aucun marché notifié sur la période", coverage);
  if (known === 0)
    return notAvailable(
      CO3,
      "Aucun marché notifié sur la période avec montant, procédure et date renseignés",
      coverage
    );
  const byAmount = (a: Row, b: Row) =>
    (b.amount as number) - (a.amount as number) ||
    compareText(String(a.contractRef), String(b.contractRef));
  rows.sort(byAmount);
  exceptions.sort(byAmount);
  uncertain.sort(byAmount);
  return {
    ...CO3,
    value: rows.length,
    na: null,
    coverage,
    reference: null,
    status: null,
    details: {
      mapaAboveEu: rows.filter((r) => r.procedure === MAPA).length,
      directAwardAboveEu: rows.filter((r) => r.procedure === DIRECT_AWARD).length,
      lawfulSocialServices: exceptions.filter((r) => r.exception === "R2123-1 3°").length,
      lawfulSmallLots: exceptions.filter((r) => r.exception === "R2123-1 2°").length,
      uncertainThreshold: uncertain.length,
    },
    tables: { contracts: rows, lawfulExceptions: exceptions, uncertainThreshold: uncertain },
  };
}

interface Consultation {
  totalCents: number;
  lots: ContractLine[];
  smallLotsCents: (limit: number) => number;
}

const consultationCache = new WeakMap<AnalysisContext, Map<string, Consultation>>();

/** The lots of each consultation (entity × consultationRef) of the register. */
function consultationsOf(ctx: AnalysisContext): Map<string, Consultation> {
  const cached = consultationCache.get(ctx);
  if (cached) return cached;
  const map = new Map<string, Consultation>();
  for (const c of ctx.contracts) {
    if (!c.consultationRef || c.amountCents === null) continue;
    const key = `${c.entity}\u0001${c.consultationRef}`;
    let g = map.get(key);
    if (!g) {
      const lots: ContractLine[] = [];
      g = {
        totalCents: 0,
        lots,
        smallLotsCents: (limit) =>
          lots
            .filter((l) => l.procedure === MAPA && (l.amountCents as number) < limit)
            .reduce((s, l) => s + (l.amountCents as number), 0),
      };
      map.set(key, g);
    }
    g.lots.push(c);
    g.totalCents += c.amountCents;
  }
  consultationCache.set(ctx, map);
  return map;
}

function isSocialService(ctx: AnalysisContext, cpv: string | null): boolean {
  if (cpv === null) return false;
  const digits = cpv.replace(/\D/g, "");
  return ctx.ref.socialServicesCpv.prefixes.some((p) => digits.startsWith(p));
}

// ---------------------------------------------------------------------------------------------
// CO4 repeat direct awards to one supplier in one family

const CO4 = {
  id: "CO4",
  group: "CO" as const,
  label: "Attributions directes répétées à un même fournisseur",
  unit: "count" as const,
};

/** Hors-marché pattern: at least this many purchases in the year … */
export const REPEAT_MIN_PURCHASES = 3;
/** … totalling at least this share (%) of the dispense threshold in force on the first one. */
export const REPEAT_MIN_SHARE_PERCENT = 50;

interface RepeatGroup {
  entity: string;
  supplier: string;
  familyLabel: string;
  year: number;
  works: boolean;
  netCents: number;
  purchases: number;
  firstDate: number;
  lastDate: number;
  lines: SpendLine[];
}

/**
 * Two patterns, over the civil years touched by the period:
 * (a) contracts passed sans publicité ni mise en concurrence (dated by notification, else launch),
 *     grouped by entity × supplier × family: 2 or more;
 * (b) hors-marché spend lines grouped by entity × supplier × family × civil year (supplies/services
 *     and works apart): 3 or more purchases whose net total reaches 50 % of the dispense threshold
 *     in force on the first purchase. Families excluded from splitting checks, excluded suppliers,
 *     articles outside the code, lines of unknown nature and "Non classé" lines are left out, and
 *     the budgets of one SIREN are one buyer, as in CO1.
 */
export function repeatDirectAwardIndicator(ctx: AnalysisContext): IndicatorResult {
  const scope = thresholdScope(ctx);
  const cy = scope.years;
  // (a) contracts
  const contractGroups = new Map<string, ContractLine[]>();
  let directN = 0;
  let directn = 0;
  for (const c of ctx.contracts) {
    if (c.procedure !== DIRECT_AWARD) continue;
    const day = c.notificationDate ?? c.launchDate;
    if (day === null || day < cy.start || day > cy.end) continue;
    directN++;
    const supplier = contractSupplierKey(c);
    if (supplier === null || c.family.rule === "unclassified") continue;
    directn++;
    const key = `${c.entity}\u0001${supplier}\u0001${c.family.key}`;
    const list = contractGroups.get(key);
    if (list) list.push(c);
    else contractGroups.set(key, [c]);
  }
  // (b) hors-marché lines: entity → supplier → family → slot (year index × 2 + works)
  const lineGroups: RepeatGroup[] = [];
  const index = new Map<string, Map<string, Map<string, (RepeatGroup | undefined)[]>>>();
  const slotCount = cy.years.length * 2;
  const buyerOf = legalBuyerOf(ctx);
  let linesN = 0;
  let linesn = 0;
  for (let i = 0; i < scope.outside.length; i++) {
    const line = scope.outside[i];
    linesN++;
    if (line.family.rule === "unclassified" || line.entity === "") continue;
    if (excludedFromThresholds(ctx, line)) continue;
    linesn++;
    const works = line.nature === "Travaux";
    const yi = scope.outsideYear[i];
    const buyer = buyerOf(line.entity);
    let bySupplier = index.get(buyer.key);
    if (!bySupplier) index.set(buyer.key, (bySupplier = new Map()));
    let byFamily = bySupplier.get(line.supplierKey);
    if (!byFamily) bySupplier.set(line.supplierKey, (byFamily = new Map()));
    let slots = byFamily.get(line.family.key);
    if (!slots)
      byFamily.set(
        line.family.key,
        (slots = new Array<RepeatGroup | undefined>(slotCount).fill(undefined))
      );
    const slot = yi * 2 + (works ? 1 : 0);
    let g = slots[slot];
    if (!g) {
      g = {
        entity: buyer.label,
        supplier: line.supplierName ?? line.supplierId ?? line.supplierKey,
        familyLabel: line.family.label,
        year: cy.years[yi],
        works,
        netCents: 0,
        purchases: 0,
        firstDate: Infinity,
        lastDate: -Infinity,
        lines: [],
      };
      slots[slot] = g;
      lineGroups.push(g);
    }
    g.netCents += line.amountHTCents;
    g.lines.push(line);
    if (line.isCredit || line.amountHTCents < 0) continue;
    g.purchases++;
    if (line.date < g.firstDate) g.firstDate = line.date;
    if (line.date > g.lastDate) g.lastDate = line.date;
  }

  const coverage = {
    n: directn + linesn,
    N: directN + linesN,
    of: "marchés sans publicité et lignes hors marché",
  };
  if (directN + linesN === 0) {
    return notAvailable(
      CO4,
      "Aucun marché sans publicité ni achat hors marché sur l'année civile de la période",
      coverage
    );
  }
  if (directn + linesn === 0) {
    return notAvailable(
      CO4,
      "Fournisseur ou famille d'achat non renseignés : les attributions répétées ne peuvent être regroupées",
      coverage
    );
  }

  const rows: Row[] = [];
  for (const list of contractGroups.values()) {
    if (list.length < 2) continue;
    const c0 = list[0];
    const total = list.reduce((s, c) => s + (c.amountCents ?? 0), 0);
    const dates = list
      .map((c) => (c.notificationDate ?? c.launchDate) as number)
      .sort((a, b) => a - b);
    const supplier = contractSupplierName(c0) ?? contractSupplierKey(c0);
    rows.push({
      pattern: "marchés sans publicité répétés",
      entity: c0.entity,
      supplier,
      familyLabel: c0.family.label,
      years: yearsLabel(cy.years),
      count: list.length,
      total: toEuros(total),
      threshold: null,
      thresholdRule: null,
      thresholdSource: null,
      lines: null,
      firstDate: isoDate(dates[0]),
      lastDate: isoDate(dates[dates.length - 1]),
      contracts: list.map((c) => c.contractRef).join(", "),
      legalBasis: textOf("law.repeat"),
      why: textOf("why.repeat"),
      clear: textOf("clear.repeat"),
      clearCode: "clear.repeat",
      message:
        `${list.length} marchés passés sans publicité ni mise en concurrence avec ${supplier} pour la famille ${c0.family.label} ` +
        `(${c0.entity}, ${yearsLabel(cy.years)}) : vérifier que ces besoins n'auraient pas dû être regroupés et mis en concurrence.`,
    });
  }
  for (const g of lineGroups) {
    if (g.purchases < REPEAT_MIN_PURCHASES) continue;
    const t = dispenseForLines(ctx.ref, g.firstDate, g.works, g.lines);
    const threshold = t.cents;
    if (g.netCents * 100 < threshold * REPEAT_MIN_SHARE_PERCENT) continue;
    rows.push({
      pattern: "achats hors marché répétés",
      entity: g.entity,
      supplier: g.supplier,
      familyLabel: g.familyLabel,
      years: String(g.year),
      count: g.purchases,
      total: toEuros(g.netCents),
      threshold: toEuros(threshold),
      thresholdRule: t.rule,
      thresholdSource: t.source,
      firstDate: isoDate(g.firstDate),
      lastDate: isoDate(g.lastDate),
      contracts: null,
      lines: g.lines.map((l) => `${l.source.table}!${l.source.row}`).join(", "),
      legalBasis: textOf("law.repeat"),
      why: textOf("why.repeat"),
      clear: textOf("clear.repeat"),
      clearCode: "clear.repeat",
      message:
        `${g.purchases} achats hors marché auprès de ${g.supplier} pour la famille ${g.familyLabel} en ${g.year} (${g.entity}), ` +
        `cumulant ${euros(g.netCents)}, soit au moins ${REPEAT_MIN_SHARE_PERCENT} % du seuil de dispense (${euros(threshold)}) : ` +
        `vérifier la récurrence du besoin et l'opportunité d'un marché.`,
    });
  }
  rows.sort(
    (a, b) =>
      compareText(String(a.pattern), String(b.pattern)) ||
      (b.total as number) - (a.total as number) ||
      compareText(String(a.entity), String(b.entity)) ||
      compareText(String(a.supplier), String(b.supplier))
  );
  const contractPatterns = rows.filter(
    (r) => r.pattern === "marchés sans publicité répétés"
  ).length;
  return {
    ...CO4,
    value: rows.length,
    na: null,
    coverage,
    reference: null,
    status: null,
    details: {
      years: yearsLabel(cy.years),
      contractPatterns,
      spendPatterns: rows.length - contractPatterns,
      rule:
        `Marchés sans publicité : au moins 2 par entité, fournisseur et famille ; achats hors marché : au moins ${REPEAT_MIN_PURCHASES} achats ` +
        `par entité, fournisseur, famille et année cumulant au moins ${REPEAT_MIN_SHARE_PERCENT} % du seuil de dispense`,
    },
    tables: { patterns: rows },
  };
}

/** Whether CO1 leaves a line out of the threshold checks (nomenclature, supplier, article outside the code, nature à préciser). */
function excludedFromThresholds(ctx: AnalysisContext, line: SpendLine): boolean {
  const row = line.familyCode === null ? undefined : ctx.nomenclature.get(line.familyCode);
  if (row?.excludedFromSplitting === true) return true;
  if (
    outOfScopeArticle(line.budgetArticle) !== null &&
    line.familyCode === null &&
    line.cpv === null
  )
    return true;
  if (natureToSpecifyArticle(line) !== null) return true;
  return supplierExclusionOf(ctx.ref, line) !== null;
}

// ---------------------------------------------------------------------------------------------
// CO5 Loi Climat et Résilience

const CO5 = {
  id: "CO5",
  group: "CO" as const,
  label: "Loi Climat : considérations obligatoires manquantes",
  unit: "count" as const,
};

/**
 * Loi Climat et Résilience, art. 35: the obligations apply to the consultations **launched** from
 * ref.loiClimatStart (2026-08-21). Concerned: contracts whose launch date is within the period and
 * on or after that day. A contract without a launch date is never counted as a gap (it may predate
 * the day): when its notification is on or after the day, it is listed "à vérifier (date de
 * lancement inconnue)". Gaps:
 * - environment: when the data says which consideration (DECP 2024 "Critère environnemental" /
 *   "Clause environnementale"), the award criterion (L2152-7) and the execution clause (L2112-2)
 *   are two obligations, each a gap when missing; otherwise a contract without any environmental
 *   consideration is one gap (both articles cited);
 * - social: at or above the EU threshold in force at launch, without social consideration (L2112-2-1).
 * A consideration left blank (null) is not a gap but "non renseignée", counted apart. The headline
 * counts gaps (a contract may have several).
 */
export function loiClimatIndicator(ctx: AnalysisContext): IndicatorResult {
  const start = ctx.ref.loiClimatStart.value;
  const from = Math.max(start, ctx.period.start);
  const concerned: ContractLine[] = [];
  const launchUnknown: Row[] = [];
  for (const c of ctx.contracts) {
    if (c.launchDate !== null) {
      if (c.launchDate >= from && c.launchDate <= ctx.period.end) concerned.push(c);
      continue;
    }
    const n = c.notificationDate;
    if (n !== null && n >= from && n <= ctx.period.end) {
      const text = coded("CO5.launchUnknown", {
        ref: c.contractRef,
        entity: c.entity,
        notified: frenchDate(n),
        start: frenchDate(start),
      });
      launchUnknown.push({
        contractRef: c.contractRef,
        entity: c.entity,
        description: c.description,
        notificationDate: isoDate(n),
        status: "à vérifier (date de lancement inconnue)",
        message: text.fr,
        messageCode: text.code,
        messageParams: paramsJson(text.params),
        legalBasis: textOf("law.loiClimatCriterion"),
        clear: textOf("clear.launchDate", { start: frenchDate(start) }),
        clearCode: "clear.launchDate",
      });
    }
  }
  const envKnown = concerned.filter((c) => c.environmentalConsideration !== null).length;
  const coverage = { n: envKnown, N: concerned.length, of: "marchés" };
  if (concerned.length === 0) {
    const na = notAvailable(
      CO5,
      `Aucun marché lancé sur la période à compter du ${frenchDate(start)} (entrée en vigueur de la loi Climat et Résilience, art. 35)` +
        (launchUnknown.length > 0
          ? ` ; ${launchUnknown.length} marché(s) notifié(s) depuis cette date sans date de lancement, à vérifier`
          : ""),
      coverage
    );
    return launchUnknown.length > 0
      ? { ...na, details: { launchDateUnknown: launchUnknown.length }, tables: { launchUnknown } }
      : na;
  }
  const rows: Row[] = [];
  let envGaps = 0;
  let envUnknown = 0;
  let criterionGaps = 0;
  let clauseGaps = 0;
  let socialGaps = 0;
  let socialUnknown = 0;
  let socialAmountUnknown = 0;
  let socialApplicableKnown = 0;
  for (const c of concerned) {
    const day = c.launchDate as number;
    const criterion = c.environmentalCriterion ?? null;
    const clause = c.environmentalClause ?? null;
    if (criterion !== null && clause !== null) {
      if (!criterion) {
        criterionGaps++;
        rows.push(
          gapRow(c, day, "critère environnemental", "absente", null, "law.loiClimatCriterion")
        );
      }
      if (!clause) {
        clauseGaps++;
        rows.push(
          gapRow(c, day, "clause environnementale", "absente", null, "law.loiClimatClause")
        );
      }
    } else {
      if (c.environmentalConsideration === false) envGaps++;
      if (c.environmentalConsideration === null) envUnknown++;
      if (c.environmentalConsideration !== true) {
        rows.push(
          gapRow(
            c,
            day,
            "environnementale",
            c.environmentalConsideration === false ? "absente" : "non renseignée",
            null,
            "law.loiClimatCriterion"
          )
        );
      }
    }
    if (c.amountCents === null) {
      socialAmountUnknown++;
      continue;
    }
    const row = euRowAt(ctx.ref, day);
    const eu = c.nature === "Travaux" ? row.worksCents : row.suppliesServicesCents;
    if (c.amountCents < eu) continue;
    if (c.socialConsideration !== null) socialApplicableKnown++;
    if (c.socialConsideration === false) socialGaps++;
    if (c.socialConsideration === null) socialUnknown++;
    if (c.socialConsideration !== true) {
      rows.push(
        gapRow(
          c,
          day,
          "sociale",
          c.socialConsideration === false ? "absente" : "non renseignée",
          eu,
          "law.loiClimatSocial"
        )
      );
    }
  }
  if (envKnown === 0 && socialApplicableKnown === 0) {
    return notAvailable(
      CO5,
      `Considérations environnementales et sociales non renseignées pour les ${concerned.length} marchés lancés depuis le ${frenchDate(start)}`,
      coverage
    );
  }
  return {
    ...CO5,
    value: envGaps + criterionGaps + clauseGaps + socialGaps,
    na: null,
    coverage,
    reference: null,
    status: null,
    details: {
      contractsConcerned: concerned.length,
      environmentalGaps: envGaps,
      environmentalCriterionGaps: criterionGaps,
      environmentalClauseGaps: clauseGaps,
      environmentalNotFilled: envUnknown,
      socialGaps,
      socialNotFilled: socialUnknown,
      amountNotFilled: socialAmountUnknown,
      launchDateUnknown: launchUnknown.length,
      contractsWithGap: new Set(
        rows.filter((r) => r.status === "absente").map((r) => r.contractRef)
      ).size,
      source: ctx.ref.loiClimatStart.source,
    },
    tables: { gaps: rows, launchUnknown },
  };
}

type Consideration =
  | "environnementale"
  | "critère environnemental"
  | "clause environnementale"
  | "sociale";

/** The consideration a Loi Climat gap is about, as a compliance text. */
const CONSIDERATION: Record<Consideration, MessageCode> = {
  environnementale: "CO5.considerationEnvironmental",
  "critère environnemental": "CO5.considerationCriterion",
  "clause environnementale": "CO5.considerationClause",
  sociale: "CO5.considerationSocial",
};

const GAP_WHAT: Record<string, string> = {
  environnementale:
    "considération environnementale (critère d'attribution ni condition d'exécution)",
  "critère environnemental": "critère d'attribution environnemental",
  "clause environnementale": "condition d'exécution environnementale",
  sociale: "considération sociale (marché au-dessus du seuil européen)",
};

function gapRow(
  c: ContractLine,
  day: number,
  consideration: Consideration,
  status: string,
  eu: number | null,
  law: MessageCode
): Row {
  const what = GAP_WHAT[consideration];
  const text = coded(status === "absente" ? "CO5.gap" : "CO5.notFilled", {
    ref: c.contractRef,
    entity: c.entity,
    launched: frenchDate(day),
    what,
  });
  const legal =
    consideration === "environnementale"
      ? [textOf("law.loiClimatCriterion"), textOf("law.loiClimatClause")]
      : textOf(law);
  return {
    contractRef: c.contractRef,
    entity: c.entity,
    description: c.description,
    date: isoDate(day),
    nature: natureLabel(c.nature),
    amount: c.amountCents === null ? null : toEuros(c.amountCents),
    euThreshold: eu === null ? null : toEuros(eu),
    consideration: textOf(CONSIDERATION[consideration]),
    status,
    message: text.fr,
    messageCode: text.code,
    messageParams: paramsJson(text.params),
    legalBasis: legal,
    why: textOf("why.loiClimat"),
    clear: textOf("clear.loiClimat"),
    clearCode: "clear.loiClimat",
  };
}
