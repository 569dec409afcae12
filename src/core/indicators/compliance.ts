/**
 * Compliance indicators CO1–CO5 (SPEC §4). Every alert is a signal to check, worded as such —
 * never an accusation: legitimate exceptions exist (R2122-1 to R2122-11, small lots, exclusive
 * rights…) that the data cannot see.
 */
import { frenchDate, isoDate } from "../dates";
import type { ContractLine, Nature, SpendLine } from "../model";
import { toEuros } from "../money";
import {
  dispenseRowAt,
  euRowAt,
  type DatedThreshold,
  type ReferenceValues,
} from "../reference/values";
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
  for (const a of analysis.alerts) {
    amount += a.totalCents;
    bySeverity[a.severity]++;
    alerts.push({
      id: a.id,
      entity: a.entity,
      groupedBy: a.groupedBy,
      familyKey: a.familyKey,
      familyLabel: a.familyLabel,
      operation: a.operation,
      year: a.year,
      nature: a.nature ?? "Fournitures / Services",
      threshold: toEuros(a.thresholdCents),
      thresholdSource: `Art. R2122-8 CCP — ${a.thresholdSource}`,
      total: toEuros(a.totalCents),
      lineCount: a.lineCount,
      creditCount: a.creditCount,
      supplierCount: a.supplierCount,
      firstDate: isoDate(a.firstDate),
      lastDate: isoDate(a.lastDate),
      severity: a.severity,
      message: a.message,
    });
    for (const l of a.lines) lines.push(lineRow(a.id, l));
  }
  const singles: Row[] = analysis.singles.map((s) => ({
    entity: s.line.entity,
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
    thresholdSource: `Art. R2122-8 CCP — ${s.thresholdSource}`,
    signal: "achat unique au-dessus du seuil",
    message: s.message,
  }));
  const excluded: Row[] = analysis.excluded.map((e) => ({
    familyCode: e.familyCode,
    familyKey: e.familyKey,
    familyLabel: e.familyLabel,
    reason: e.reason,
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
      scope: `Cumul sur l'année civile entière (${yearText}), y compris les lignes hors de la période analysée ; lignes hors marché uniquement`,
      linesExamined: scope.linesInYears,
      linesOutsideContract: scope.outside.length,
      unclassifiedLinesOutsideContract: analysis.unclassifiedOutside,
      alertsToCheck: bySeverity["à vérifier"],
      alertsHigh: bySeverity["élevée"],
      alertsVeryHigh: bySeverity["très élevée"],
      amountInAlerts: toEuros(amount),
      singlePurchasesAboveThreshold: singles.length,
      excludedFamilies: excluded.length,
    },
    tables: { alerts, lines, singleAboveThreshold: singles, excluded },
  };
}

function lineRow(alertId: string, l: SpendLine): Row {
  return {
    alertId,
    table: l.source.table,
    row: l.source.row,
    date: isoDate(l.date),
    supplier: l.supplierName ?? l.supplierId ?? l.supplierKey,
    amount: toEuros(l.amountHTCents),
    isCredit: l.isCredit,
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
 * Contracts notified in the period whose amount reaches the EU threshold in force at their launch
 * (else notification), by nature, while their procedure is a MAPA or a direct award (sans publicité
 * ni mise en concurrence). Direct awards from the dispense threshold are PF4's job. Unknown nature
 * is compared with the supplies/services threshold (the lower one) and shown as such.
 */
export function procedureAmountIndicator(ctx: AnalysisContext): IndicatorResult {
  const contracts = ctx.contractsInPeriod;
  let known = 0;
  const rows: Row[] = [];
  for (const c of contracts) {
    const day = contractDate(c);
    if (c.amountCents === null || c.procedure === null || day === null) continue;
    known++;
    if (c.procedure !== MAPA && c.procedure !== DIRECT_AWARD) continue;
    const row = euRowAt(ctx.ref, day);
    const eu = c.nature === "Travaux" ? row.worksCents : row.suppliesServicesCents;
    if (c.amountCents < eu) continue;
    const issue =
      c.procedure === MAPA
        ? "MAPA au-dessus du seuil européen"
        : "Sans publicité au-dessus du seuil européen";
    rows.push({
      contractRef: c.contractRef,
      entity: c.entity,
      description: c.description,
      procedure: c.procedure,
      nature: natureLabel(c.nature),
      amount: toEuros(c.amountCents),
      euThreshold: toEuros(eu),
      thresholdSource: row.source,
      date: isoDate(day),
      issue,
      message:
        `Marché ${c.contractRef} (${c.entity}) de ${euros(c.amountCents)} passé en « ${c.procedure} » alors que le seuil européen ` +
        `(${euros(eu)}${c.nature === null ? ", nature non renseignée : seuil fournitures et services" : ""}) est atteint : ` +
        `vérifier le fondement de la procédure (exception prévue par le code, petits lots, erreur de saisie…).`,
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
  rows.sort(
    (a, b) =>
      (b.amount as number) - (a.amount as number) ||
      compareText(String(a.contractRef), String(b.contractRef))
  );
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
    },
    tables: { contracts: rows },
  };
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
}

/**
 * Two patterns, over the civil years touched by the period:
 * (a) contracts passed sans publicité ni mise en concurrence (dated by notification, else launch),
 *     grouped by entity × supplier × family: 2 or more;
 * (b) hors-marché spend lines grouped by entity × supplier × family × civil year (supplies/services
 *     and works apart): 3 or more purchases whose net total reaches 50 % of the dispense threshold
 *     in force on the first purchase. Families excluded from splitting checks and "Non classé"
 *     lines are left out, as in CO1.
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
  let linesN = 0;
  let linesn = 0;
  for (let i = 0; i < scope.outside.length; i++) {
    const line = scope.outside[i];
    linesN++;
    if (line.family.rule === "unclassified" || line.entity === "") continue;
    const nomenclatureRow =
      line.familyCode === null ? undefined : ctx.nomenclature.get(line.familyCode);
    if (nomenclatureRow?.excludedFromSplitting === true) continue;
    linesn++;
    const works = line.nature === "Travaux";
    const yi = scope.outsideYear[i];
    let bySupplier = index.get(line.entity);
    if (!bySupplier) index.set(line.entity, (bySupplier = new Map()));
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
        entity: line.entity,
        supplier: line.supplierName ?? line.supplierId ?? line.supplierKey,
        familyLabel: line.family.label,
        year: cy.years[yi],
        works,
        netCents: 0,
        purchases: 0,
        firstDate: Infinity,
        lastDate: -Infinity,
      };
      slots[slot] = g;
      lineGroups.push(g);
    }
    g.netCents += line.amountHTCents;
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
      firstDate: isoDate(dates[0]),
      lastDate: isoDate(dates[dates.length - 1]),
      contracts: list.map((c) => c.contractRef).join(", "),
      message:
        `${list.length} marchés passés sans publicité ni mise en concurrence avec ${supplier} pour la famille ${c0.family.label} ` +
        `(${c0.entity}, ${yearsLabel(cy.years)}) : vérifier que ces besoins n'auraient pas dû être regroupés et mis en concurrence.`,
    });
  }
  for (const g of lineGroups) {
    if (g.purchases < REPEAT_MIN_PURCHASES) continue;
    const threshold = dispenseThresholdOf(ctx.ref, g.firstDate, g.works);
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
      firstDate: isoDate(g.firstDate),
      lastDate: isoDate(g.lastDate),
      contracts: null,
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

function dispenseThresholdOf(ref: ReferenceValues, day: number, works: boolean): number {
  const row = dispenseRowAt(ref, day);
  return works ? row.worksCents : row.suppliesServicesCents;
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
 * Contracts whose consultation was launched (else notified) within the period and on or after
 * ref.loiClimatStart: a gap is a contract without environmental consideration, or at or above the
 * EU threshold without social consideration. A consideration left blank (null) is not a gap but
 * "non renseigné", counted apart. The headline counts gaps (a contract may have two).
 */
export function loiClimatIndicator(ctx: AnalysisContext): IndicatorResult {
  const start = ctx.ref.loiClimatStart.value;
  const from = Math.max(start, ctx.period.start);
  const concerned: ContractLine[] = [];
  for (const c of ctx.contracts) {
    const day = contractDate(c);
    if (day !== null && day >= from && day <= ctx.period.end) concerned.push(c);
  }
  const envKnown = concerned.filter((c) => c.environmentalConsideration !== null).length;
  const coverage = { n: envKnown, N: concerned.length, of: "marchés" };
  if (concerned.length === 0) {
    return notAvailable(
      CO5,
      `Aucun marché lancé sur la période à compter du ${frenchDate(start)} (entrée en vigueur de la loi Climat et Résilience, art. 35)`,
      coverage
    );
  }
  const rows: Row[] = [];
  let envGaps = 0;
  let envUnknown = 0;
  let socialGaps = 0;
  let socialUnknown = 0;
  let socialAmountUnknown = 0;
  let socialApplicableKnown = 0;
  for (const c of concerned) {
    const day = contractDate(c) as number;
    if (c.environmentalConsideration === false) envGaps++;
    if (c.environmentalConsideration === null) envUnknown++;
    if (c.environmentalConsideration !== true) {
      rows.push(
        gapRow(
          c,
          day,
          "environnementale",
          c.environmentalConsideration === false ? "absente" : "non renseignée",
          null
        )
      );
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
          eu
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
    value: envGaps + socialGaps,
    na: null,
    coverage,
    reference: null,
    status: null,
    details: {
      contractsConcerned: concerned.length,
      environmentalGaps: envGaps,
      environmentalNotFilled: envUnknown,
      socialGaps,
      socialNotFilled: socialUnknown,
      amountNotFilled: socialAmountUnknown,
      contractsWithGap: new Set(
        rows.filter((r) => r.status === "absente").map((r) => r.contractRef)
      ).size,
      source: ctx.ref.loiClimatStart.source,
    },
    tables: { gaps: rows },
  };
}

function gapRow(
  c: ContractLine,
  day: number,
  consideration: string,
  status: string,
  eu: number | null
): Row {
  const what =
    consideration === "environnementale"
      ? "considération environnementale"
      : "considération sociale (marché au-dessus du seuil européen)";
  return {
    contractRef: c.contractRef,
    entity: c.entity,
    description: c.description,
    date: isoDate(day),
    nature: natureLabel(c.nature),
    amount: c.amountCents === null ? null : toEuros(c.amountCents),
    euThreshold: eu === null ? null : toEuros(eu),
    consideration,
    status,
    message:
      status === "absente"
        ? `Marché ${c.contractRef} (${c.entity}) lancé le ${frenchDate(day)} sans ${what} : vérifier les critères et conditions d'exécution (loi Climat et Résilience, art. 35).`
        : `Marché ${c.contractRef} (${c.entity}) lancé le ${frenchDate(day)} : ${what} non renseignée dans le registre, à compléter.`,
  };
}
