/**
 * CO4 repeat direct awards to one supplier in one family (SPEC §4).
 *
 * Two patterns, over the civil years touched by the period:
 * (a) contracts passed sans publicité ni mise en concurrence (dated by notification, else launch),
 *     grouped by entity × supplier × family: 2 or more awards (identical records of one award, a
 *     DECP republication, count once: same-award.ts);
 * (b) hors-marché spend lines grouped by entity × supplier × family × civil year (supplies/services
 *     and works apart): 3 or more purchases whose net total reaches 50 % of the dispense threshold
 *     in force on the first purchase. Families excluded from splitting checks, excluded suppliers,
 *     articles outside the code, lines of unknown nature and "Non classé" lines are left out, and
 *     the budgets of one SIREN are one buyer, as in CO1. A pattern whose purchases all lie in one
 *     CO1 splitting alert is that alert's finding already: listed with its id, not counted again.
 */
import { natureToSpecifyArticle, outOfScopeArticle } from "../../classify";
import { frenchDate, isoDate } from "../../dates";
import { legalBuyerOf } from "../../legal/buyer";
import { supplierExclusionOf } from "../../legal/exclusions";
import { msg } from "../../messages/render";
import type { ContractLine, SpendLine } from "../../model";
import { toEuros } from "../../money";
import { dispenseForLines } from "../../reference/special-thresholds";
import { coded } from "../compliance-messages";
import { rowText, rowTextOf, type RowText } from "../compliance-row-texts";
import { defineIndicator } from "../definition";
import { DIRECT_AWARD } from "../performance";
import { procedureDoubt } from "../recorded-procedure";
import { awardsOf } from "../same-award";
import { detectSplitting, thresholdScope } from "../splitting";
import { contractSupplierKey, contractSupplierName } from "../supplier-reference";
import { byKey, notAvailable, resultWithoutReference, type AnalysisContext } from "../types";
import { yearsLabel } from "./row-labels";

/** Direct-award pattern: at least this many contracts per entity × supplier × family. */
export const REPEAT_MIN_CONTRACTS = 2;
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

/** A repeated pattern: direct-award contracts, or hors-marché purchases, with one supplier. */
export type RepeatPatternRow = {
  pattern: "marchés sans publicité répétés" | "achats hors marché répétés";
  entity: string;
  supplier: string;
  familyLabel: string;
  years: string;
  count: number;
  total: number;
  /** The dispense threshold in force on the first purchase (hors-marché patterns), else null. */
  threshold: number | null;
  thresholdRule: string | null;
  thresholdSource: string | null;
  /** The source lines (table!row), hors-marché patterns. */
  lines: string | null;
  firstDate: string;
  lastDate: string;
  /** The contract references, direct-award patterns. */
  contracts: string | null;
  /**
   * The CO1 splitting alert whose lines hold every purchase of the pattern ("CO1-002"): the
   * finding is that alert already, and the pattern is not counted again; else null.
   */
  alsoInSplitting: string | null;
  legalBasis: RowText;
  why: RowText;
  clear: RowText;
  clearCode: string;
  message: RowText;
};

export type CO4Tables = { patterns: RepeatPatternRow[] };

const EMPTY: CO4Tables = { patterns: [] };

const base = { id: "CO4", group: "CO", unit: "count" } as const;

export const CO4 = defineIndicator<CO4Tables>({
  ...base,
  label: {
    fr: "Attributions directes répétées à un même fournisseur",
    en: "Repeat direct awards to one supplier",
  },
  headline: {
    fr: "schémas d'attributions directes répétées (nombre)",
    en: "repeat direct-award patterns (count)",
  },
  doc: {
    definition: {
      fr: "Attributions sans publicité ni mise en concurrence, ou achats hors marché, répétés auprès d'un même fournisseur pour une même famille. Signal à vérifier.",
      en: "Awards without publicity or competition, or off-contract purchases, repeated with one supplier for one family. A signal to check.",
    },
    formula: {
      fr: "Au moins 2 marchés sans publicité par entité, fournisseur et famille (enregistrements identiques d'un même marché comptés une fois, marchés subséquents exclus) ; ou au moins 3 achats hors marché par entité, fournisseur, famille et année cumulant au moins une part du seuil de dispense. Un schéma dont tous les achats sont dans un signal de fractionnement (CO1) est listé avec lui, sans être recompté.",
      en: "At least 2 contracts without publicity per entity, supplier and family (identical records of one contract counted once, call-off contracts left out); or at least 3 off-contract purchases per entity, supplier, family and year adding up to at least a share of the exemption threshold. A pattern whose purchases all lie in a splitting signal (CO1) is listed with it, not counted again.",
    },
    source: {
      fr: "Art. R2122-8 du code de la commande publique (ne pas contracter systématiquement avec un même opérateur).",
      en: "Art. R2122-8 of the public procurement code (do not systematically contract with the same operator).",
    },
    howToImprove: {
      fr: "Faites tourner les fournisseurs consultés ou regroupez ces besoins dans un marché mis en concurrence.",
      en: "Rotate the suppliers consulted, or group these needs in a competitively tendered contract.",
    },
  },
  compute(ctx) {
    const scope = thresholdScope(ctx);
    const cy = scope.years;
    // (a) contracts
    const contractGroups = new Map<string, { supplier: string; list: ContractLine[] }>();
    let directN = 0;
    let directn = 0;
    for (const c of ctx.contracts) {
      if (c.procedure !== DIRECT_AWARD) continue;
      // A marché subséquent, or a record whose object names a tender: not a direct award.
      if (procedureDoubt(c) !== null) continue;
      const day = c.notificationDate ?? c.launchDate;
      if (day === null || day < cy.start || day > cy.end) continue;
      directN++;
      const supplier = contractSupplierKey(c);
      if (supplier === null || c.family.rule === "unclassified") continue;
      directn++;
      const key = `${c.entity}\u0001${supplier}\u0001${c.family.key}`;
      const group = contractGroups.get(key);
      if (group) group.list.push(c);
      else contractGroups.set(key, { supplier, list: [c] });
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
      of: "directAwardsAndOffContractLines" as const,
    };
    if (directN + linesN === 0)
      return notAvailable(base, msg("na.noDirectAwards"), coverage, EMPTY);
    if (directn + linesn === 0)
      return notAvailable(base, msg("na.noSupplierOrFamily"), coverage, EMPTY);

    const rows: RepeatPatternRow[] = [];
    for (const { supplier: supplierKey, list } of contractGroups.values()) {
      // Identical records of one award (a DECP republication) are one award, not a repetition.
      const awards = awardsOf(list);
      if (awards.length < REPEAT_MIN_CONTRACTS) continue;
      const c0 = list[0];
      const total = awards.reduce((s, a) => s + (a.contract.amountCents ?? 0), 0);
      const dates = list
        .map((c) => (c.notificationDate ?? c.launchDate) as number)
        .sort((a, b) => a - b);
      const supplier = contractSupplierName(c0) ?? supplierKey;
      rows.push({
        pattern: "marchés sans publicité répétés",
        entity: c0.entity,
        supplier,
        familyLabel: c0.family.label,
        years: yearsLabel(cy.years),
        count: awards.length,
        total: toEuros(total),
        threshold: null,
        thresholdRule: null,
        thresholdSource: null,
        lines: null,
        firstDate: isoDate(dates[0]),
        lastDate: isoDate(dates[dates.length - 1]),
        contracts: awards
          .map((a) =>
            a.copies.length === 0
              ? a.contract.contractRef
              : `${a.contract.contractRef} (= ${a.copies.map((c) => c.contractRef).join(", ")})`
          )
          .join(", "),
        alsoInSplitting: null,
        legalBasis: rowText("law.repeat"),
        why: rowText("why.repeat"),
        clear: rowText("clear.repeat"),
        clearCode: "clear.repeat",
        message: rowTextOf(
          coded("CO4.directAwards", {
            count: awards.length,
            supplier,
            family: c0.family.label,
            entity: c0.entity,
            years: yearsLabel(cy.years),
          })
        ),
      });
    }
    // The CO1 alert of each line (a line is in one group at most).
    const splittingOf = new Map<SpendLine, string>();
    for (const a of detectSplitting(ctx)) for (const l of a.lines) splittingOf.set(l, a.id);
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
        alsoInSplitting: sameSplittingAlert(g.lines, splittingOf),
        lines: g.lines.map((l) => `${l.source.table}!${l.source.row}`).join(", "),
        legalBasis: rowText("law.repeat"),
        why: rowText("why.repeat"),
        clear: rowText("clear.repeat"),
        clearCode: "clear.repeat",
        message: rowTextOf(
          coded("CO4.offContract", {
            count: g.purchases,
            supplier: g.supplier,
            family: g.familyLabel,
            year: g.year,
            entity: g.entity,
            total: toEuros(g.netCents),
            share: REPEAT_MIN_SHARE_PERCENT,
            threshold: toEuros(threshold),
            thresholdDate: frenchDate(g.firstDate),
          })
        ),
      });
    }
    rows.sort(
      (a, b) =>
        byKey(a.pattern, b.pattern) ||
        b.total - a.total ||
        byKey(a.entity, b.entity) ||
        byKey(a.supplier, b.supplier)
    );
    const contractPatterns = rows.filter(
      (r) => r.pattern === "marchés sans publicité répétés"
    ).length;
    const alsoInSplitting = rows.filter((r) => r.alsoInSplitting !== null).length;
    return resultWithoutReference(
      base,
      rows.length - alsoInSplitting,
      coverage,
      {
        years: yearsLabel(cy.years),
        alsoInSplitting,
        contractPatterns,
        spendPatterns: rows.length - contractPatterns,
        minContracts: REPEAT_MIN_CONTRACTS,
        minPurchases: REPEAT_MIN_PURCHASES,
        minSharePercent: REPEAT_MIN_SHARE_PERCENT,
      },
      { patterns: rows }
    );
  },
});

/** The CO1 alert holding every line of a pattern, or null. */
function sameSplittingAlert(lines: SpendLine[], splittingOf: Map<SpendLine, string>): string | null {
  const id = lines.length === 0 ? undefined : splittingOf.get(lines[0]);
  if (id === undefined) return null;
  return lines.every((l) => splittingOf.get(l) === id) ? id : null;
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
