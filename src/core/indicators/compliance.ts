/**
 * Compliance indicators CO1–CO5 (SPEC §4). Every alert is a signal to check, worded as such —
 * never an accusation: legitimate exceptions exist (R2122-1 to R2122-11, small lots, exclusive
 * rights…) that the data cannot see.
 */
import { frenchDate, isoDate } from "../dates";
import type { ContractLine, SpendLine } from "../model";
import { toEuros } from "../money";
import { euRowAt } from "../reference/values";
import { coded, paramsJson, type MessageCode } from "./compliance-messages";
import { natureToSpecifyArticle, outOfScopeArticle } from "../classify";
import { legalBuyerOf } from "../legal/buyer";
import { supplierExclusionOf } from "../legal/exclusions";
import { dispenseForLines } from "../reference/special-thresholds";
import { contractSupplierKey, contractSupplierName } from "./supplier-reference";
import { euros, thresholdScope } from "./splitting";
import { natureLabel, yearsLabel } from "./co/row-labels";
import {
  notAvailable,
  type IndicatorResult,
  type AnalysisContext,
  type Row,
} from "./legacy";

const DIRECT_AWARD = "Marché passé sans publicité ni mise en concurrence préalable";

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
      legalBasis: coded("law.repeat").fr,
      why: coded("why.repeat").fr,
      clear: coded("clear.repeat").fr,
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
      legalBasis: coded("law.repeat").fr,
      why: coded("why.repeat").fr,
      clear: coded("clear.repeat").fr,
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
        legalBasis: coded("law.loiClimatCriterion").fr,
        clear: coded("clear.launchDate", { start: frenchDate(start) }).fr,
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
  consideration: string,
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
      ? `${coded("law.loiClimatCriterion").fr} ; ${coded("law.loiClimatClause").fr}`
      : coded(law).fr;
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
    message: text.fr,
    messageCode: text.code,
    messageParams: paramsJson(text.params),
    legalBasis: legal,
    why: coded("why.loiClimat").fr,
    clear: coded("clear.loiClimat").fr,
    clearCode: "clear.loiClimat",
  };
}
